"""Texts and exercises -> what a keyed answer may rest on: prose, whole phrases, one item each.

Exercises inherit the accuracy of the alignment and of the wording rules; these checks are
what an exercise must also pass on its own texts before it is kept. A caption, heading,
teaser or dateline is not prose; a phrase cut mid-way ("by Iran's", "her time as") is no
wording choice; a title ("Mr", "former President") is not a description; and no two
exercises ask about the same item.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .. import vocabulary
from ..normalize import STOPWORDS
from .text import Exercise, _content, _keys

_END = re.compile(r"[.!?…][\"'’”)\]]*\s*$")
_SPACED = re.compile(r"\w \( \w|\w \)|\w [,.;:!?](?:\s|$)|\s[‘“\"] ")
_INTERNAL = re.compile(r"[a-z]_[a-z]|\b(?:insert|delete|equal|unmatched|only_this|spine)\b")
_WORD = re.compile(r"[^\W\d_][\w'’\-.]*")
_GLUE = frozenset({"and", "or", "but", "nor", "so", "yet"})
_DEMONYM = re.compile(r"(?:ian|ese|ish|i|an|ch)$")


def ends_like_prose(paragraph: str) -> bool:
    """Whether a paragraph ends as running text does: a caption or heading often does not.

    >>> ends_like_prose("Mr Sturgeon said so."), ends_like_prose("A man takes a puff in Berlin")
    (True, False)
    """
    return bool(_END.search(paragraph))


def is_prose(sentence: str, paragraph: str) -> bool:
    """Article prose: five words or more, not shouted, no photo credit, in running text.

    >>> is_prose("SHANGHAI.", "SHANGHAI."), is_prose("DISASTER", "DISASTER")
    (False, False)
    >>> is_prose("Cannabis fans lit up in Berlin on Monday.", "Cannabis fans lit up in Berlin on Monday.")
    True
    """
    words = _WORD.findall(sentence)
    letters = [ch for ch in sentence if ch.isalpha()]
    shouted = letters and sum(ch.isupper() for ch in letters) > 0.6 * len(letters)
    folded = sentence.casefold()
    credit = any(marker in folded for marker in vocabulary.entries("photo_credits"))
    return len(words) >= 5 and not shouted and not credit and ends_like_prose(paragraph)


def tidy(phrase: str) -> str:
    """A phrase without the punctuation and spaces around it.

    >>> tidy(", AFP reported. ")
    'AFP reported'
    """
    return phrase.strip().strip(",;:.—–-").strip()


def whole_phrase(phrase: str, *, most: int = 6) -> bool:
    """A phrase a student can weigh: a word that carries meaning, not cut off mid-phrase.

    >>> [whole_phrase(p) for p in ("longtime dictator", "her time as", "by Iran's", "In")]
    [True, False, False, False]
    >>> whole_phrase("p.m . yesterday"), whole_phrase("She tweeted : \\"")
    (False, False)
    """
    words = phrase.split()
    if not words or len(words) > most or not _content(phrase) or _SPACED.search(f" {phrase} "):
        return False
    last, first = words[-1].casefold().strip("\"'“”‘’"), words[0].casefold()
    if not last or last in STOPWORDS or last.endswith(("'s", "’s", "s'", "s’")):
        return False
    if first in _GLUE or re.search(r"[\"“”(\[]$|^[\"”)\]]", phrase):
        return False
    return not re.search(r"[(“\"]", phrase) or phrase.count('"') % 2 == 0


def is_title(descriptor: str) -> bool:
    """An honorific or a job title ("Mr", "former President", "Ukrainian President").

    >>> is_title("Mr"), is_title("former President"), is_title("military strongman")
    (True, True, False)
    """
    words = [w.strip(".,").casefold() for w in descriptor.split()]
    return bool(words) and words[-1] in vocabulary.words("classroom_offices")


def student_text_ok(exercise: Exercise) -> bool:
    """No token spacing and none of the generator's own words in what a student reads."""
    text = " ".join([exercise.prompt, *exercise.choices])
    return not _SPACED.search(text) and not _INTERNAL.search(text)


def _items(exercise: Exercise) -> set[tuple]:
    found = {("id", exercise.id)}
    for phrase in exercise.about:
        key = _keys(phrase)
        found.add(("phrase", key) if len(key.split()) <= 8 else ("sentence", key))
    return found


def _overlap(x: set[tuple], y: set[tuple]) -> bool:
    if x & y:
        return True
    phrases = [(p, q) for kind, p in x if kind == "phrase" for kind2, q in y if kind2 == "phrase"]
    return any(f" {p} " in f" {q} " or f" {q} " in f" {p} " for p, q in phrases)


def one_per_item(exercises: Iterable[Exercise]) -> list[Exercise]:
    """Exercises in order, each dropped that asks about an item an earlier one asks about."""
    kept: list[tuple[Exercise, set[tuple]]] = []
    for exercise in exercises:
        items = _items(exercise)
        if not any(_overlap(items, other) for _, other in kept):
            kept.append((exercise, items))
    return [e for e, _ in kept]
