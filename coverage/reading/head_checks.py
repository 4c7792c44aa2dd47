"""A head line's text against the story's -> is it the dek, another story's headline, a caption?

These checks read only text (a line, the story below it), not a :class:`~.story.Story`'s
state, so they live apart from the walk through the lines in :mod:`story`: the dek the
story restates further down, the neighbour's headline that shares no word with the story,
the photo caption written as a sentence that says little of the lead.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from rapidfuzz import fuzz, process

from .. import vocabulary
from ..normalize import STOPWORDS
from .furniture import fold, words_of
from .lines import Line


def _restated(candidate: Line, later: list[Line], folded: Callable[[Line], str]) -> bool:
    """The story says the candidate again further down (as wire rewrites repeat a dek).

    Only paragraphs of like length that share most of its words are scored (fuzzy token
    sets, at least 85), which keeps the test cheap on long stories. ``folded``: a line's
    text folded (see :meth:`Story.folded`).
    """
    words = set(folded(candidate).split())
    close = [
        x.text
        for x in later
        if 0.5 <= x.words / candidate.words <= 3
        and len(words.intersection(folded(x).split())) >= 0.6 * len(words)
    ]
    return bool(close) and (
        process.extractOne(candidate.text, close, scorer=fuzz.token_set_ratio, score_cutoff=85)
        is not None
    )


_TITLE_WORD = re.compile(r"[^\W\d_]{3,}")


def _about_another_story(title: str, body: str) -> bool:
    """A headline that shares no word with the story below it (words of three letters or
    more, by their first five, so "legalises" meets "legalise") heads another story: a
    page may show a neighbour's headline and photo above its own text. Two such words at
    least, or there is too little to judge ("Ghosted"); a headline printed twice is the
    page's own and is not asked.

    >>> _about_another_story("West accused of exploiting Sunni-Shiite rift",
    ...     "berlin: cannabis aficionados lit up in germany on monday")
    True
    >>> _about_another_story("Germany legalises cannabis", "as the country became ... to legalize")
    False
    """
    stems = {w[:5] for w in _TITLE_WORD.findall(fold(title)) if w not in STOPWORDS}
    if len(stems) < 2:
        return False
    return not any(_starts_a_word(body, stem, whole=len(stem) < 5) for stem in sorted(stems))


def _letter(char: str) -> bool:
    r"""``char`` is what ``[^\W\d_]`` matches: a letter (a word character, not a digit or "_")."""
    return char.isalnum() and not char.isdecimal()


def _starts_a_word(text: str, stem: str, *, whole: bool) -> bool:
    """Some word of ``text`` starts with ``stem`` (is it, when ``whole``): found with
    ``str.find`` from the stem's places, not by a pattern built for each title (compiled
    for every headline, and tried at every character of the body).

    >>> _starts_a_word("the legalised drug", "legal", whole=False)
    True
    >>> _starts_a_word("illegal", "legal", whole=False), _starts_a_word("sky", "sk", whole=True)
    (False, False)
    """
    at = text.find(stem)
    while at >= 0:
        end = at + len(stem)
        if (at == 0 or not _letter(text[at - 1])) and (
            not whole or end == len(text) or not _letter(text[end])
        ):
            return True
        at = text.find(stem, at + 1)
    return False


_ARTICLES = frozenset(("the", "a", "an"))
_PUNCTUATION = ".,;:!?\"'()[]\u201c\u201d\u2018\u2019"


def _reads_as_prose(text: str) -> bool:
    """Twelve words or more, holding an article and a form of "be" or "have": the grammar
    of a sentence, which headline English drops ("Woman dies after arrest by police").

    >>> _reads_as_prose("The headscarf has been compulsory for women in Iran since the 1979 revolution")
    True
    >>> _reads_as_prose("Zelenskyy delivers upbeat message on war's progress while facing new questions")
    False
    """
    if words_of(text) < 12:  # most headlines: the one test
        return False
    words = {w.strip(_PUNCTUATION).lower() for w in text.split()}
    return bool(words & _ARTICLES) and bool(
        words & (vocabulary.words("reading_prose_markers") - _ARTICLES)
    )


def _says_little_of(line: str, lead: str) -> bool:
    """At most one word (of three letters or more, by its first five, not a stop word) of
    ``line`` is in ``lead``: a headline names what the lead tells."""
    stems = {w[:5] for w in _TITLE_WORD.findall(fold(line)) if w not in STOPWORDS}
    found = {w[:5] for w in _TITLE_WORD.findall(fold(lead))}
    return len(stems & found) <= 1
