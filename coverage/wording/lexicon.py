"""An editable loaded-language lexicon -> term hits in text, counts per outlet, load direction.

``data/lexicon.csv`` lists terms a media-literacy class watches for, one a row:
``term, category, load, note``. ``category`` groups words that can stand for one another
(``ruler``: leader, strongman, dictator; ``armed group``: forces, militia, terrorists);
``load`` says how much judgement a word carries (0 the plain word, 1 loaded, 2 strongly
loaded); ``note`` says why, neutrally. Neutral words are listed too, so that a
substitution *away* from them is seen. Edit the file freely; the package ships it
(``coverage/resources/lexicon.csv`` links to it).

Matching is by word, case-insensitive, with plurals and hyphens folded ("militias"
finds ``militia``; "counterterrorism" finds ``counter-terrorism``). It is not
lemmatisation: "assassinate" does not find ``assassinated``; list both forms.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import EmptyInput, InputNotFound, InvalidData, MissingColumn
from ..model import Article
from ..normalize import tokenize, word_key
from .records import TermCount, TermCounts

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "Term",
    "TermHit",
    "Lexicon",
    "load_lexicon",
    "count_terms",
    "term_key",
    "loaded_direction",
    "LEXICON_COLUMNS",
    "TERM_COUNT_COLUMNS",
]

LEXICON_COLUMNS = ("term", "category", "load", "note")
TERM_COUNT_COLUMNS = ("article", "outlet", "where", "term", "category", "load", "count")


@lru_cache(maxsize=100_000)
def term_key(word: str) -> str:
    """The key a word is matched on: case, typography, possessive, plural, hyphens folded.

    >>> [term_key(w) for w in ("Militias", "forces", "authorities", "Libya\u2019s", "war-torn")]
    ['militia', 'force', 'authority', 'libya', 'wartorn']
    >>> term_key("crisis"), term_key("US")
    ('crisis', 'us')
    """
    key = word_key(word)
    if key.endswith("'s"):
        key = key[:-2]
    key = key.replace("-", "")
    if len(key) > 4 and key.endswith("ies"):
        return key[:-3] + "y"
    if len(key) > 3 and key.endswith("s") and not key.endswith(("ss", "us", "is")):
        return key[:-1]
    return key


@dataclass(frozen=True)
class Term:
    """One lexicon row: a word or phrase, what it names, how loaded it is, and why."""

    term: str
    category: str
    load: int
    note: str = ""

    @cached_property
    def keys(self) -> tuple[str, ...]:
        """The term's word keys (made once: :meth:`Lexicon.find` compares them for every
        word that starts the term)."""
        return tuple(term_key(t.text) for t in tokenize(self.term) if t.text[:1].isalnum())


@dataclass(frozen=True)
class TermHit:
    """Where a term was found: the words as written and their character offsets."""

    term: Term
    text: str
    start: int
    end: int


_CACHED_TEXT = 1000


@lru_cache(maxsize=16_384)
def _found(lexicon: Lexicon, text: str) -> tuple[TermHit, ...]:
    """:meth:`Lexicon.find`, cached per lexicon and text (hits are frozen: shared safely)."""
    return lexicon._find(text)


@dataclass(frozen=True)
class Lexicon:
    """A set of terms, matched word by word (longest term first)."""

    terms: tuple[Term, ...]
    source: str = field(default="", compare=False)

    def __hash__(self) -> int:
        """The dataclass hash, made once: the rules' caches key on the lexicon, and hashing
        thousands of terms on every call cost more than the calls they saved."""
        found = self.__dict__.get("_hash")
        if found is None:
            found = self.__dict__["_hash"] = hash((self.terms,))
        return found

    @cached_property
    def _index(self) -> dict[str, list[Term]]:
        index: dict[str, list[Term]] = {}
        for term in self.terms:
            if term.keys:
                index.setdefault(term.keys[0], []).append(term)
        for terms in index.values():
            terms.sort(key=lambda t: -len(t.keys))
        return index

    def find(self, text: str) -> tuple[TermHit, ...]:
        """Every term in ``text``, left to right; overlapping terms: the longest wins.

        >>> lexicon = Lexicon((Term("leader", "ruler", 0), Term("dictator", "ruler", 2),
        ...                    Term("civil war", "event", 0)))
        >>> [(h.text, h.term.load) for h in lexicon.find("The dictator's civil wars; leaders")]
        [("dictator's", 2), ('civil wars', 0), ('leaders', 0)]
        """
        if len(text) <= _CACHED_TEXT:  # the rules look up the same words and sentences again
            return _found(self, text)
        return self._find(text)

    def _find(self, text: str) -> tuple[TermHit, ...]:
        tokens = [t for t in tokenize(text) if t.text[:1].isalnum()]
        keys = [term_key(t.text) for t in tokens]
        hits, i = [], 0
        while i < len(tokens):
            for term in self._index.get(keys[i], ()):
                n = len(term.keys)
                if tuple(keys[i : i + n]) == term.keys:
                    start, end = tokens[i].start, tokens[i + n - 1].end
                    hits.append(TermHit(term, text[start:end], start, end))
                    i += n
                    break
            else:
                i += 1
        return tuple(hits)

    def load_of(self, text: str) -> int:
        """The summed load of the terms in ``text`` (0 when it holds none)."""
        return sum(hit.term.load for hit in self.find(text))

    def to_frame(self) -> pd.DataFrame:
        """The terms as a DataFrame (:data:`LEXICON_COLUMNS`)."""
        from ..present.tables import lexicon_frame

        return lexicon_frame(self)

    def __len__(self) -> int:
        return len(self.terms)

    def __repr__(self) -> str:
        categories = Counter(t.category for t in self.terms)
        return f"<Lexicon: {len(self.terms)} terms in {len(categories)} categories>"

    def _repr_html_(self) -> str:
        return self.to_frame()._repr_html_()


def _parse(text: str, *, name: str) -> Lexicon:
    reader = csv.DictReader(io.StringIO(text))
    columns = [c.strip().lower() for c in reader.fieldnames or ()]
    missing = [c for c in ("term", "category", "load") if c not in columns]
    if missing:
        raise MissingColumn(
            f"{name} lacks the column(s) {', '.join(missing)}; a lexicon needs the header "
            "term,category,load,note"
        )
    terms = []
    for line, row in enumerate(reader, start=2):
        row = {(k or "").strip().lower(): (v or "").strip() for k, v in row.items()}
        if not row["term"] or row["term"].startswith("#"):
            continue
        try:
            load = int(row["load"])
        except ValueError:
            load = -1
        if load not in (0, 1, 2):
            raise InvalidData(
                f"{name} line {line}: load {row['load']!r} for {row['term']!r} must be 0 "
                "(plain word), 1 (loaded) or 2 (strongly loaded)"
            )
        terms.append(Term(row["term"], row["category"] or "other", load, row.get("note", "")))
    if not terms:
        raise EmptyInput(f"{name} lists no terms; add rows like: dictator,ruler,2,a judgement")
    return Lexicon(tuple(terms), source=name)


@lru_cache(maxsize=1)
def _bundled() -> Lexicon:
    text = (
        resources.files("comparative_coverage").joinpath("resources/lexicon.csv").read_text("utf-8")
    )
    return _parse(text, name="data/lexicon.csv")


def load_lexicon(path: str | Path | None = None) -> Lexicon:
    """The bundled lexicon (``data/lexicon.csv``), or the CSV file at ``path``."""
    if path is None:
        return _bundled()
    path = Path(path)
    if not path.is_file():
        raise InputNotFound(f"{path} does not exist; pass the path of a lexicon CSV file")
    return _parse(path.read_text(encoding="utf-8-sig"), name=str(path))


def loaded_direction(a: str, b: str, *, lexicon: Lexicon | None = None) -> str:
    """Did rewording ``a`` as ``b`` move towards loaded language, away from it, or neither?

    >>> loaded_direction("its leader", "longtime dictator")
    'towards'
    >>> loaded_direction("militias", "forces"), loaded_direction("has", "on Friday")
    ('away', 'none')
    """
    lexicon = lexicon or load_lexicon()
    a_load, b_load = lexicon.load_of(a), lexicon.load_of(b)
    return "towards" if b_load > a_load else "away" if b_load < a_load else "none"


def _fields(article: Article, where: Sequence[str]) -> Iterable[tuple[str, str]]:
    if "title" in where:
        yield "title", article.title
    if "dek" in where and article.dek:
        yield "dek", article.dek
    if "body" in where:
        yield "body", article.body
    if "caption" in where:
        for caption in article.captions:
            yield "caption", caption


def count_terms(
    articles: Iterable[Article],
    *,
    lexicon: Lexicon | None = None,
    where: Sequence[str] = ("title", "dek", "body", "caption"),
) -> TermCounts:
    """How often each lexicon term occurs, per article and part of the page.

    One :class:`TermCount` per (article, where, term) found: ``article, outlet, where, term, category,
    load, count``. Sum ``count`` by ``outlet`` for per-outlet totals.
    """
    lexicon = lexicon or load_lexicon()
    counted: Counter = Counter()  # in the order first found (captions add up)
    for article in articles:
        for part, text in _fields(article, where):
            for term in (hit.term for hit in lexicon.find(text)):
                key = (article.id, article.outlet or "unknown", part, term.term)
                counted[key, term.category, term.load] += 1
    return TermCounts(
        TermCount(
            article=article,
            outlet=outlet,
            where=part,
            term=term,
            category=category,
            load=load,
            count=count,
        )
        for ((article, outlet, part, term), category, load), count in counted.items()
    )
