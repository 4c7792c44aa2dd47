"""Evidence and phrases -> the text of exercises: quoted, cut short, keyed; ids and choices.

The records an exercise is made of (:class:`Exercise`, :class:`Evidence`) and what every
exercise kind (:mod:`builders`) writes with; nothing here reads a story.
"""

from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from ..alignment.worddiff import word_diff
from ..normalize import STOPWORDS, fold_typography, tokenize, word_key
from ..wording.spelling import american

__all__ = ["Evidence", "Exercise"]


@dataclass(frozen=True, kw_only=True)
class Evidence:
    """A sentence (or quote) as one outlet printed it, and where (``paragraph 3``)."""

    outlet: str
    text: str
    where: str = ""


@dataclass(frozen=True)
class Exercise:
    """One question; ``answer`` is one of ``choices`` (empty for an open question).

    ``shown`` is what the student reads with the prompt (a sentence in two versions, a
    quote); ``explanation`` says why the answer is right and quotes ``evidence``, the
    sentences as each outlet printed them. ``id`` depends on the content, not the seed.
    ``about`` names the item asked about (a phrase, a sentence), so no two exercises of a
    set ask about the same one.
    """

    id: str
    kind: str
    prompt: str
    choices: tuple[str, ...]
    answer: str
    explanation: str
    evidence: tuple[Evidence, ...]
    shown: tuple[Evidence, ...] = ()
    about: tuple[str, ...] = ()  # the phrases or sentences asked about: one exercise each

    def _repr_html_(self) -> str:
        from .worksheet import WORKSHEET_STYLE, exercise_html

        return WORKSHEET_STYLE + exercise_html(self, answers=True)


def _q(text: str) -> str:
    """A phrase in curly quotes, without the punctuation around it.

    >>> _q(", AFP reported ")
    '“AFP reported”'
    """
    return "\u201c" + text.strip().strip(",;:.").strip() + "\u201d"


def _say(evidence: Iterable[Evidence]) -> str:
    """Sentences as evidence: ``Outlet (paragraph 2): text``, one after another."""
    return " ".join(
        f"{e.outlet} ({e.where}): {e.text}" if e.where else f"{e.outlet}: {e.text}"
        for e in evidence
    )


def _around(text: str, start: int | None = None, end: int | None = None, *, words: int = 8) -> str:
    """``text`` cut to ``words`` words either side of ``text[start:end]``, with ellipses.

    >>> _around("one two three four five six", 8, 13, words=1)
    '…two three four…'
    >>> _around("one two three four five six", words=2)
    'one two three four…'
    """
    if start is None:
        start, end, words = 0, 0, words * 2
    end = start if end is None else end
    head = re.findall(r"\S+\s*", text[:start])
    tail = re.findall(r"\s*\S+", text[end:].rstrip())  # rstrip: linear on trailing spaces
    return (
        ("…" if len(head) > words else "")
        + "".join(head[len(head) - min(words, len(head)) :])
        + text[start:end]
        + "".join(tail[:words])
        + ("…" if len(tail) > words else "")
    )


def _find(text: str, phrase: str) -> tuple[int, int] | tuple[None, None]:
    """Where ``phrase`` stands in ``text`` (any case), if it does."""
    found = re.search(re.escape(phrase), text, re.IGNORECASE) if phrase else None
    return found.span() if found else (None, None)


def _cite(evidence: Iterable[Evidence], phrase: str | None = None) -> str:
    """Evidence cut short around ``phrase`` (or to its first words), as ``_say`` gives it."""
    return _say(
        replace(e, text=_around(e.text, *(_find(e.text, phrase) if phrase else ())))
        for e in evidence
    )


def _id(kind: str, *parts: object) -> str:
    digest = hashlib.sha1("|".join(map(str, (kind, *parts))).encode("utf-8")).hexdigest()
    return f"{kind}-{digest[:8]}"


def _key(text: str) -> str:
    """A phrase's key: typography, case, hyphens and British spellings folded.

    >>> _key("UN-recognised") == _key("UN-recognized"), _key("long-time") == _key("Longtime")
    (True, True)
    """
    return " ".join(_word(w) for w in fold_typography(text).split())


@lru_cache(maxsize=100_000)
def _word(word: str) -> str:
    return american(word_key(word)).replace("-", "").replace(".", "")


def _keys(text: str) -> str:
    """A text's words as keys, to find a phrase whatever its case or spelling.

    >>> _keys("the UN-recognised GNA,") == _keys("The UN-recognized GNA")
    True
    """
    return " ".join(_word(t.text) for t in tokenize(text) if t.text[:1].isalnum())


def _content(phrase: str) -> bool:
    """Whether a phrase holds a word that is not a stop word.

    >>> _content("on Friday"), _content(", has the")
    (True, False)
    """
    return any(w not in STOPWORDS for w in re.findall(r"[^\W\d_][\w'\-]*", phrase.casefold()))


def _choices(answer: str, wrong: Sequence[str], rng: random.Random, *, n: int = 4) -> tuple:
    pool = list(dict.fromkeys(w for w in wrong if w != answer))
    picked = [answer, *rng.sample(pool, min(n - 1, len(pool)))]
    rng.shuffle(picked)
    return tuple(picked)


def _say_changes(a: str, b: str, *, most: int = 3) -> str:
    """How ``b`` words a passage of ``a``, in plain words from the texts themselves.

    >>> _say_changes("We want lasting peace and a united army", "We want peace")
    '“lasting” is left out; “and a united army” is left out'
    """
    said = []
    for edit in word_diff(a, b):
        x, y = (t[slice(*span)].strip(" ,;:.") for t, span in ((a, edit.a_span), (b, edit.b_span)))
        if edit.tag == "equal" or not any(ch.isalnum() for ch in x + y):
            continue
        said.append(
            f"{_q(x)} becomes {_q(y)}"
            if x and y
            else f"{_q(x)} is left out"
            if x
            else f"{_q(y)} is added"
        )
    more = len(said) - most
    return "; ".join(said[:most]) + (
        f"; and {more} more change{'s' * (more > 1)}" if more > 0 else ""
    )
