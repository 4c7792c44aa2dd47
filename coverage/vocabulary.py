"""The rules' word lists, as editable data: ``resources/vocabulary/NAME.txt`` -> frozensets.

Titles, demonyms, organisation and place heads, news agencies, speech verbs and the like
are data, not code: one entry a line, ``#`` starts a comment, blank lines are ignored.
Each list is read once and cached; :func:`reload` drops the cache so that an edit takes
effect without restarting the kernel (rules that compile a pattern from a list ask for it
through :func:`pattern`, which is cached the same way). Calendar words come from the
standard library's :mod:`calendar` (English names), not from a file.

>>> "january" in calendar_words()
True
>>> "sep" in calendar_words()
True
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Iterator, Set
from functools import cache, lru_cache
from importlib import resources

from .errors import InvalidData

__all__ = [
    "words",
    "entries",
    "calendar_words",
    "month_names",
    "pattern",
    "reload",
    "generation",
    "available",
    "listed",
    "WordList",
]


def _folder():
    return resources.files("comparative_coverage").joinpath("resources/vocabulary")


def available() -> list[str]:
    """The names of the lists there are (file stems)."""
    return sorted(p.name[:-4] for p in _folder().iterdir() if p.name.endswith(".txt"))


@cache
def entries(name: str) -> tuple[str, ...]:
    """The entries of one list, as written (case kept), in file order, without duplicates."""
    resource = _folder().joinpath(f"{name}.txt")
    try:
        text = resource.read_text("utf-8")
    except FileNotFoundError:
        raise InvalidData(
            f"no word list {name!r}: expected resources/vocabulary/{name}.txt "
            f"(lists: {', '.join(available())})"
        ) from None
    seen: dict[str, None] = {}
    for line in text.splitlines():
        entry = line.split("#", 1)[0].strip()
        if entry:
            seen.setdefault(entry, None)
    return tuple(seen)


@cache
def words(name: str) -> frozenset[str]:
    """One list, lower-cased, for membership tests."""
    return frozenset(entry.lower() for entry in entries(name))


@cache
def month_names() -> frozenset[str]:
    """English month names and their usual abbreviations, lower-cased ('sept' included)."""
    names = {m.lower() for m in calendar.month_name[1:]} | {
        m.lower() for m in calendar.month_abbr[1:]
    }
    return frozenset(names | {"sept"})


@cache
def calendar_words() -> frozenset[str]:
    """Month and weekday names with their abbreviations, lower-cased."""
    days = {d.lower() for d in calendar.day_name} | {d.lower() for d in calendar.day_abbr}
    return frozenset(month_names() | days)


@cache
def pattern(name: str, *, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """A whole-word alternation of one list's entries, longest first (for phrase lists)."""
    alternatives = sorted(entries(name), key=lambda e: (-len(e), e))
    return re.compile(r"\b(?:" + "|".join(re.escape(e) for e in alternatives) + r")\b", flags)


def reload() -> None:
    """Forget every cached list, and every result cached from them (:func:`cached_by_lists`),
    so that edited files are read again."""
    for function in (entries, words, month_names, calendar_words, pattern, _union, *_FROM_LISTS):
        function.cache_clear()
    _GENERATION[0] += 1


def cached_by_lists(maxsize: int = 16_384):
    """An ``lru_cache`` for a rule whose answer depends on the word lists: :func:`reload`
    empties it, so an edited list is never answered from before the edit. Rules ask the
    same question for each version of a story, so the cache pays at corpus scale."""

    def wrap(function):
        cached = lru_cache(maxsize=maxsize)(function)
        _FROM_LISTS.append(cached)
        return cached

    return wrap


_FROM_LISTS: list = []  # the caches cached_by_lists made, emptied by reload()


_GENERATION = [0]  # bumped by reload(): live views read their lists again


def generation() -> int:
    """How many times :func:`reload` has run: a cache of results that depend on the lists
    keys on it, so an edited list is never answered from before the edit."""
    return _GENERATION[0]


class WordList(Set):
    """A live, read-only view of one or more lists (lower-cased), minus others.

    Rules keep one at module level (``TITLE_WORDS = listed("titles")``) and test
    membership as with a frozenset; each test reads the cached list, so :func:`reload`
    reaches them too.

    >>> "friday" in listed("calendar"), "president" in listed("titles", without=("office_words",))
    (True, True)
    """

    def __init__(self, names: tuple[str, ...], without: tuple[str, ...] = ()) -> None:
        self.names, self.without = names, without
        self._seen: tuple[int, frozenset[str]] = (-1, frozenset())

    def _words(self) -> frozenset[str]:
        generation, found = self._seen
        if generation != _GENERATION[0]:  # read once per reload(), not per test
            found = _union(self.names, self.without)
            self._seen = (_GENERATION[0], found)
        return found

    @classmethod
    def _from_iterable(cls, iterable):  # results of &, -, ^ are plain frozensets
        return frozenset(iterable)

    # &, - and their mirrors on the plain frozenset, in C: the mixin's word-by-word test
    # in Python was 1% of a corpus partition's per-story time in a pure-Python profile
    def __and__(self, other: object) -> frozenset[str]:
        if not isinstance(other, Iterable):
            return NotImplemented
        return self.current().intersection(other)

    __rand__ = __and__

    def __sub__(self, other: object) -> frozenset[str]:
        if not isinstance(other, Iterable):
            return NotImplemented
        return self.current().difference(other)

    def __rsub__(self, other: object) -> frozenset[str]:
        if not isinstance(other, Iterable):
            return NotImplemented
        return frozenset(other).difference(self.current())

    def __contains__(self, word: object) -> bool:
        generation, found = self._seen  # inline: rules test millions of words a corpus
        return word in (found if generation == _GENERATION[0] else self._words())

    def current(self) -> frozenset[str]:
        """The words as they are now, as a plain frozenset: a loop that tests many words
        takes it once a call (a test on the view costs a Python call; taken anew each
        call, it still follows :func:`reload`).

        >>> listed("calendar").current() == calendar_words()
        True
        """
        generation, found = self._seen
        return found if generation == _GENERATION[0] else self._words()

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self._words()))

    def __len__(self) -> int:
        return len(self._words())

    def __or__(self, other):  # a live union when both sides are lists
        if isinstance(other, WordList) and not (self.without or other.without):
            return WordList(self.names + other.names)
        return frozenset(self._words() | set(other))

    def __repr__(self) -> str:
        return f"listed({', '.join(map(repr, self.names))})"


@cache
def _union(names: tuple[str, ...], without: tuple[str, ...]) -> frozenset[str]:
    found = set()
    for name in names:
        found |= calendar_words() if name == "calendar" else words(name)
    for name in without:
        found -= words(name)
    return frozenset(found)


def listed(*names: str, without: tuple[str, ...] = ()) -> WordList:
    """A live view of the lists ``names`` ("calendar" for :func:`calendar_words`)."""
    return WordList(tuple(names), tuple(without))
