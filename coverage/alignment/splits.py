"""Two sentences -> how much of one's wording the other holds, by word stems, not keys.

A split (one long sentence told again as several short ones) is recognised by
containment: each short sentence's content words are mostly found in the long one.
Plain-language rewrites and inflected languages rarely repeat a word exactly: "setzten"
becomes "setzt", "Hausthür" becomes "Tür", "Kinder" becomes "Kind". Two words match here
when one is the other's start (five letters or more, or the whole shorter word of four
or more) or its end (a compound's head), so inflections and compounds count.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..normalize import STOPWORDS, word_key
from .similarity import word_sound

__all__ = ["held_share", "joined_compounds", "stems", "words_match"]

_WORD = re.compile(r"[^\W_]+")
_MIDDLE_DOT = re.compile(r"(?<=[^\W\d_])[\u00b7\u2219](?=[^\W\d_])")
_SHORTEST = 4  # a shorter word matches only itself
_PREFIX = 5  # two words sharing this many first letters are one word inflected


def joined_compounds(text: str) -> str:
    """Compounds written with a middle dot (plain-language German: "Groß·mutter") as one word.

    >>> joined_compounds("Die Groß\u00b7mutter und das Rot\u2219käppchen.")
    'Die Großmutter und das Rotkäppchen.'
    """
    if "\u00b7" not in text and "\u2219" not in text:
        return text
    return _MIDDLE_DOT.sub("", text)


@lru_cache(maxsize=8192)
def stems(text: str) -> tuple[tuple[str, str], ...]:
    """A sentence's content words (case and accents folded) with their similarity keys.

    >>> [w for w, _ in stems("Die Kinder setzten sich an die Tür.")]
    ['kinder', 'setzten', 'tur']
    """
    found = []
    seen = set()
    for raw in _WORD.findall(text):
        word = word_key(raw)
        if word in STOPWORDS or len(word) < 3 or word in seen:
            continue
        seen.add(word)
        key = word_sound(raw)
        if key:
            found.append((word, key))
    return tuple(found)


def words_match(x: str, y: str) -> bool:
    """True when ``x`` and ``y`` are one word inflected, or one is the other's compound head.

    >>> words_match("setzten", "setzt"), words_match("hausthür", "thür"), words_match("tag", "tage")
    (True, True, False)
    """
    if x == y:
        return True
    short, long = (x, y) if len(x) <= len(y) else (y, x)
    if len(short) < _SHORTEST:
        return False
    if long.startswith(short) or long.endswith(short):
        return True
    return len(short) >= _PREFIX and long[:_PREFIX] == short[:_PREFIX]


_LONGEST = 40  # a longer word (hostile input, a run of letters) is compared pair by pair


@lru_cache(maxsize=4096)
def _matchable(text: str) -> tuple[frozenset[str], frozenset[str], frozenset[str], tuple[str, ...]]:
    """A text's words, their four-letter starts and every end of four letters or more,
    their five-letter starts, and the words too long to cut up: what :func:`words_match`
    compares, as sets to look a word up in. (A longer start of a word, five letters or
    more, shares its five-letter start: :func:`_held` finds it among those.)"""
    words = frozenset(w for w, _ in stems(text))
    short = [w for w in words if len(w) <= _LONGEST]
    ends = {w[:_SHORTEST] for w in short if len(w) > _SHORTEST}
    ends.update(w[-k:] for w in short for k in range(_SHORTEST, len(w)))
    starts = frozenset(w[:_PREFIX] for w in words if len(w) >= _PREFIX)
    return words, frozenset(ends), starts, tuple(w for w in words if len(w) > _LONGEST)


def _held(word: str, matchable) -> bool:
    """Whether any word of a text matches ``word`` by :func:`words_match`, by look-ups:
    the same answer as trying each word of the text in turn (checked in the tests)."""
    words, ends, starts, long = matchable
    if word in words:
        return True
    size = len(word)
    if size < _SHORTEST:
        return False
    if size > _LONGEST:
        return any(words_match(word, other) for other in words)
    if word in ends or any(words_match(word, other) for other in long):
        return True  # the start or end of a longer word
    if size >= _PREFIX and word[:_PREFIX] in starts:
        return True
    # a shorter word of the text that starts it has four letters (a longer one shares its
    # five-letter start, looked up above), or one ends it
    return word[:_SHORTEST] in words or any(word[-k:] in words for k in range(_SHORTEST, size))


def held_share(part: str, whole: str, weight: dict[str, float]) -> float:
    """The share of ``part``'s content-word weight (``weight`` by key, 1 when unknown)
    that ``whole`` holds, words matched by :func:`words_match`."""
    total = found = 0.0
    for (_, key), held in zip(stems(part), _held_words(part, whole), strict=True):
        w = weight.get(key, 1.0)
        total += w
        if held:
            found += w
    return found / total if total else 0.0


@lru_cache(maxsize=4096)
def _held_words(part: str, whole: str) -> tuple[bool, ...]:
    """Whether ``whole`` holds each content word of ``part`` (:func:`stems` order).

    The two texts decide it, not the weights of a version pair: a story's version pairs
    and a join's rounds ask it again of the same two sentences (a third of the asks on
    the generated corpus), and are answered once.
    """
    matchable = _matchable(whole)
    return tuple([_held(word, matchable) for word, _ in stems(part)])
