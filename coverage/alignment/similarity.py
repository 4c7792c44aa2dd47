"""Sentences -> content-word keys, and the weighted similarity of two versions' sentences.

A sentence is matched on the keys of its content words (stop words dropped): a light
stem (confirms / confirmed), number words as digits (thirteen / 13) and a sound key on
top, so Qaddafi / Kadhafi and recognized / recognised count as one word.

Each key is weighted by a *smoothed* inverse sentence frequency over both versions. Raw
inverse frequencies over two short documents make a word seen once (often a one-off
rewording) weigh several times a word seen in three sentences; the smoothing keeps rare
words heavier, but not by much. The word score (a weighted Dice coefficient) is fused
with a character score (an Indel ratio over the folded, lower-cased texts), which sees
inflections, compounds and transliterations the keys miss. The pairs worth scoring are
proposed by an inverted index over the keys (:mod:`candidates`).

The stem is English on purpose. Measured on German (DEplain exact units, default options
/ simplification preset 2-fold cross-validated with the preset refitted): German
inflections stripped (-ern -em -en -er -es -e -n -s, stems of four letters or more)
67.0 / 69.5 against 67.7 / 69.9; Snowball's German stemmer 67.0 / 69.6 against 67.4 /
69.7, at 31 us a word against 0.5 (a cold 1000-sentence text would spend 0.15 s on it);
keys for a long compound's head and modifier when the other version has them as words
("Kuchenhygiene" / "Hygiene", "Kuche") 67.6 / 69.6 against 67.4 / 69.7. Without a
refit (preset in-sample, against 67.7 / 70.0): Snowball's German stop words 66.7 /
68.4; German number words ("zwei" / "2") 67.8 / 70.0. Each raises recall a little and
lowers precision as much: the character score already sees most of what they add, and
the splits' stem matching (:mod:`splits`) the rest.

The character score stays the order-sensitive Indel ratio. Character 4-gram similarity
(order-insensitive; sees stems and compound parts) was measured in its place or beside
it (news-dev all / body links, DEplain exact units default / preset 2-fold CV refitted
on the full grid of ``benchmarks/calibrate_genre.py``; now 90.7 / 93.4 / 67.7 / 69.9):
its Dice instead of the Indel ratio 87.2 / 90.6 / 69.3 / 69.8; half and half 89.1 / 92.2 /
68.7 / 69.4; weighted by inverse n-gram frequency 85.8 / 89.8 / 69.3; cosine 87.4 / 90.9 /
69.1; cosine put on the Indel ratio's scale (0.30 + 0.62 cosine, the least-squares fit
over candidate pairs, alike on both sets) 89.5 / 92.2 / 66.8; only in a group's score
(merges and splits) 90.6 / 93.3 / 67.6; a word's 4-grams held at 0.6 in the long
sentence as one more stem match for split pieces 90.6 / 93.3 / 67.6 / 69.9 (the
shipped fits, not refitted). The n-grams alone separate gold pairs from the other
candidates far better than the Indel ratio (ROC AUC 0.72 -> 0.88 on DEplain), but fused
with the word score, which holds most of it, the gain is 0.01 AUC. Their Dice has a lower chance level than the Indel
ratio, so at the same thresholds it is a stricter score: DEplain gains precision (76.0
-> 81.6), news-dev loses recall (86.3 -> 79.9), and once the preset's thresholds are
refitted the gain is gone; refitting the word score's share too (``blend`` 0.5 or 0.6)
gives 69.4 (the Indel ratio at 0.5: 69.7).
"""

from __future__ import annotations

import gc
import math
import os
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache, wraps
from itertools import chain, count
from typing import ParamSpec, TypeVar

from rapidfuzz.distance import Indel

from ..model import Article, Sentence
from ..normalize import STOPWORDS, fold_typography, sound_key, tally, word_key
from ..reading.articles import as_article
from ..vocabulary import entries
from .candidates import (
    POSTINGS_CAP,
    Numbered,
    Proposals,
    _add_frequent,
    _proposals_arrays,
    _proposing_keys,
)

__all__ = [
    "Version",
    "sentence_texts",
    "sentence_keys",
    "fold",
    "Scorer",
    "similarity_matrix",
    "collection_paused",
]

Version = Article | str | Sequence[str] | Sequence[Sentence]

_WORD = re.compile(r"[^\W_]+(?:['\u2019\u2018\-][^\W_]+)*")
# the same words in plain ASCII text (where [^\W_] is [A-Za-z0-9]): a third faster
_ASCII_WORD = re.compile(r"[A-Za-z0-9]+(?:['\-][A-Za-z0-9]+)*")
_SUFFIXES = ("ings", "ing", "edly", "ed", "es", "s")
_GRID = 2**20


_P = ParamSpec("_P")
_R = TypeVar("_R")


def collection_paused(function: Callable[_P, _R]) -> Callable[_P, _R]:
    """Run ``function`` with Python's cyclic garbage collector paused, then restore it.

    Aligning builds tens of thousands of small containers that all stay alive until the
    end (key sets, candidate lists, diffs); each burst of allocations sets off
    collections that walk every live object and free nothing: a fifth of the time of a
    1000-sentence alignment. Reference counting still frees everything acyclic at once;
    cycles (the aligner makes none on purpose) wait for the next collection. A caller
    that turned the collector off keeps it off.
    """

    @wraps(function)
    def paused(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        if not gc.isenabled():
            return function(*args, **kwargs)
        gc.disable()
        try:
            return function(*args, **kwargs)
        finally:
            gc.enable()

    return paused


def sentence_texts(version: Version, default_name: str) -> tuple[tuple[str, ...], str]:
    """A version's sentences as texts, and its name (the outlet, else ``default_name``)."""
    if isinstance(version, Article):
        name = version.outlet or version.id
        return tuple(s.text for s in as_article(version).sentences), name
    if isinstance(version, str):
        return tuple(s.text for s in as_article(version).sentences), default_name
    if isinstance(version, os.PathLike):
        article = as_article(version)
        return tuple(s.text for s in article.sentences), article.outlet or article.id
    texts = []
    for item in version:
        if isinstance(item, Sentence):
            texts.append(item.text)
        elif isinstance(item, str):
            texts.append(item)
        else:
            raise TypeError(
                f"align() takes Articles, texts or lists of sentences, "
                f"not a list holding {type(item).__name__}"
            )
    return tuple(texts), default_name


# what folding may change in ASCII text with control characters: these, a backtick, a
# hyphen (perhaps spaced), two spaces, a space at either end
_FOLDED_ASCII = re.compile(r"[`\-\t\n\r\f\v]|  |^ | $")


# fold and sentence_keys are cached: a sentence both versions share (most of a wire
# copy's) is folded and keyed once
@lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """Typography folded (quotes, dashes, spaces); plain ASCII prose is returned as is.

    >>> fold("Putin\u2019s  \u201cnew\u201d"), fold("Plain text.")
    ('Putin\\'s "new"', 'Plain text.')
    """
    if text.isascii():
        if not text.isprintable():
            if not _FOLDED_ASCII.search(text):
                return text
        # printable ASCII (the common case, tested with substring searches, not a regex):
        # a hyphen inside a word ("pro-Haftar") folds to itself; a space beside it does not
        elif not (
            "`" in text
            or "  " in text
            or " -" in text
            or "- " in text
            or text.startswith(" ")
            or text.endswith(" ")
        ):
            return text
    return fold_typography(text)


@cache
def _number_words() -> dict[str, str]:
    return dict(entry.split() for entry in entries("number_words"))


@lru_cache(maxsize=200_000)
def word_sound(word: str) -> str:
    """A content word's key ("" for a stop word): number words as digits, a light stem,
    then the sound key.

    >>> [word_sound(w) for w in ("confirms", "confirmed", "thirteen", "13", "the")]
    ['knfrm', 'knfrm', '13', '13', '']
    """
    key = word_key(word)
    if key in STOPWORDS:
        return ""
    number = _number_words().get(key)
    if number:
        return number
    if key.endswith("'s"):
        key = key[:-2]
    if key.isalpha():
        for suffix in _SUFFIXES:
            if key.endswith(suffix) and len(key) - len(suffix) >= 4:
                key = key[: -len(suffix)]
                break
    return sound_key(key)


@lru_cache(maxsize=4096)
def sentence_keys(text: str) -> frozenset[str]:
    """The content-word keys a sentence is matched on.

    >>> sorted(sentence_keys("since its leader Muammar Qaddafi was killed"))
    ['kdf', 'kl', 'ldr', 'mr']
    """
    keys = set(map(word_sound, (_ASCII_WORD if text.isascii() else _WORD).findall(text)))
    keys.discard("")
    return frozenset(keys)


@dataclass
class Scorer:
    """Weighted key sets of both versions and the sparse scores between them.

    ``smoothing`` is added to every key's sentence frequency (and to the count of
    sentences) before the inverse is taken: 0 is plain IDF, large values weigh all
    content words alike. ``blend`` is the share of the word score in the fused score;
    the rest is the character score.
    """

    a_keys: Sequence[frozenset[str]]
    b_keys: Sequence[frozenset[str]]
    a_texts: Sequence[str] = ()
    b_texts: Sequence[str] = ()
    smoothing: float = 2.0
    blend: float = 0.7
    weight: dict[str, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # weights on a grid of 2**-20: their sums are exact in any order, so the scores
        # do not depend on set iteration order (PYTHONHASHSEED). ``grid_weight`` holds
        # the same weights as whole multiples of the grid, for the candidate index.
        self.numbered: Numbered | None = None
        if len(self.a_keys) + len(self.b_keys) >= _ARRAYS_FROM:
            self._weigh_numbered()
        else:
            every = chain(chain.from_iterable(self.a_keys), chain.from_iterable(self.b_keys))
            frequency = tally(every, Counter())
            # a weight depends on the frequency alone: one logarithm per distinct frequency
            by_frequency = {df: self._grid(df) for df in set(frequency.values())}
            self.grid_weight = {k: by_frequency[df] for k, df in frequency.items()}
            self.weight = {k: w / _GRID for k, w in self.grid_weight.items()}
            self.frequency = frequency
            self.a_mass = list(map(self.mass, self.a_keys))
            self.b_mass = list(map(self.mass, self.b_keys))
        self.a_low = [t.lower() for t in self.a_texts]
        self.b_low = [t.lower() for t in self.b_texts]
        # the weight each pair of the array index shares, as it summed it (:meth:`shared`)
        self.shared_weight: dict[tuple[int, int], float] = {}

    def _grid(self, df: int) -> int:
        """The weight of a key in ``df`` sentences, in whole grid units."""
        total = len(self.a_keys) + len(self.b_keys) + self.smoothing
        return round(math.log(1.0 + total / (df + self.smoothing)) * _GRID)

    def _weigh_numbered(self) -> None:
        """The same frequencies, weights and masses for long versions, with each key
        looked up once: numbered in one pass (in order of first use, as the Counter
        meets them), then counted, weighed and summed on arrays (exact sums: grid units).
        The numbers are kept for the candidate index (:attr:`numbered`)."""
        import numpy as np

        ids: dict[str, int] = {}
        every = chain(chain.from_iterable(self.a_keys), chain.from_iterable(self.b_keys))
        # each key's number is the place of its first use: read back densely below
        places = np.fromiter(map(ids.setdefault, every, count()), dtype=np.int64)
        dense = np.zeros(len(places), dtype=np.int64)
        dense[np.fromiter(ids.values(), dtype=np.int64, count=len(ids))] = np.arange(len(ids))
        numbers = dense[places]
        frequencies = np.bincount(numbers, minlength=len(ids)).tolist()
        by_frequency = {df: self._grid(df) for df in set(frequencies)}
        grid = [by_frequency[df] for df in frequencies]
        self.frequency = Counter(dict(zip(ids, frequencies, strict=True)))
        self.grid_weight = dict(zip(ids, grid, strict=True))
        weights = np.array(grid, dtype=np.int64) / _GRID
        self.weight = dict(zip(ids, weights.tolist(), strict=True))
        lengths = np.fromiter(map(len, chain(self.a_keys, self.b_keys)), dtype=np.int64)
        rows = np.repeat(np.arange(len(lengths), dtype=np.int64), lengths)
        mass = np.bincount(rows, weights=weights[numbers], minlength=len(lengths)).tolist()
        split = len(self.a_keys)
        self.a_mass, self.b_mass = mass[:split], mass[split:]
        self.numbered = Numbered(
            numbers,
            rows,
            np.array(frequencies, dtype=np.int64),
            np.array(grid, dtype=np.int64),
            split,
        )

    def mass(self, keys: frozenset[str] | set[str]) -> float:
        return sum(map(self.weight.__getitem__, keys))

    def dice(self, a: frozenset[str] | set[str], b: frozenset[str] | set[str]) -> float:
        total = self.mass(a) + self.mass(b)
        return 2.0 * self.mass(a & b) / total if total else 0.0

    def containment(
        self, part: frozenset[str] | set[str], whole: frozenset[str] | set[str]
    ) -> float:
        """How much of ``part``'s weight is found in ``whole``."""
        mass = self.mass(part)
        return self.mass(part & whole) / mass if mass else 0.0

    def shared(self, i: int, j: int) -> float:
        """The weight a_i and b_j share: the sum found when :meth:`candidates` scored the
        pair, else worked out (the same number: the weights are whole grid units, so their
        sums are exact in any order). The restatement links ask it of most candidates."""
        found = self.shared_weight.get((i, j))
        return self.mass(self.a_keys[i] & self.b_keys[j]) if found is None else found

    def characters(self, i: int, j: int) -> float:
        """The Indel ratio of the two folded, lower-cased sentences (0..1)."""
        if not self.a_low or not self.b_low:
            return 0.0
        return Indel.normalized_similarity(self.a_low[i], self.b_low[j])

    def by_chance(self, i: int, j: int) -> bool:
        """True when two sentences of three or more content words share only one."""
        a, b = self.a_keys[i], self.b_keys[j]
        return len(a & b) < 2 and min(len(a), len(b)) > 2

    def pair(self, i: int, j: int) -> float:
        """The fused score of a_i and b_j: weighted word Dice blended with characters.

        One shared content word between sentences of three or more is chance: the
        character score would only echo it, so such a pair keeps its word score.
        """
        return self.pairs([(i, j)])[0]

    def pairs(self, wanted: Iterable[tuple[int, int]]) -> list[float]:
        """:meth:`pair` of each ``(i, j)``, in one loop (thousands for a long story)."""
        return self._scored(wanted)[0]

    def _scored(self, wanted: Iterable[tuple[int, int]]) -> tuple[list[float], list[float]]:
        """:meth:`pairs`, and the weight each pair shares (what :meth:`shared` gives)."""
        a_keys, b_keys, a_mass, b_mass = self.a_keys, self.b_keys, self.a_mass, self.b_mass
        a_low, b_low, blend = self.a_low, self.b_low, self.blend
        weigh, characters = self.weight.__getitem__, Indel.normalized_similarity
        has_texts = bool(a_low and b_low)
        scores: list[float] = []
        weights: list[float] = []
        for i, j in wanted:
            a, b = a_keys[i], b_keys[j]
            shared = a & b
            common = sum(map(weigh, shared))
            weights.append(common)
            total = a_mass[i] + b_mass[j]
            if not total:
                scores.append(0.0)
                continue
            words = 2.0 * common / total
            if blend >= 1.0 or (len(shared) < 2 and len(a) > 2 and len(b) > 2):
                scores.append(words)
                continue
            chars = characters(a_low[i], b_low[j]) if has_texts else 0.0
            scores.append(blend * words + (1.0 - blend) * chars)
        return scores, weights

    def group(self, a_indices: Sequence[int], b_indices: Sequence[int]) -> float:
        """The fused score of several sentences of each side, each side read as one text."""
        a = frozenset().union(*(self.a_keys[i] for i in a_indices))
        b = frozenset().union(*(self.b_keys[j] for j in b_indices))
        if len(a & b) < 2 and min(len(a), len(b)) > 2:
            return self.dice(a, b)
        chars = Indel.normalized_similarity(
            " ".join(self.a_low[i] for i in a_indices), " ".join(self.b_low[j] for j in b_indices)
        )
        return self.blend * self.dice(a, b) + (1.0 - self.blend) * chars

    def _postings(self) -> tuple[dict[str, list[int]], list[Iterable[str]]]:
        """The b sentences each key proposes (:data:`VISITS_MOST`), and a's proposing keys."""
        frequency = self.frequency
        in_a = tally(chain.from_iterable(self.a_keys), Counter())
        in_b = tally(chain.from_iterable(self.b_keys), Counter())
        postings: dict[str, list[int]] = defaultdict(list)
        for j, keys in enumerate(_proposing_keys(self.b_keys, in_a, frequency)):
            for k in keys:
                if frequency[k] <= POSTINGS_CAP:
                    postings[k].append(j)
        return postings, _proposing_keys(self.a_keys, in_b, frequency)

    def candidates(self, *, per_sentence: int) -> dict[tuple[int, int], float]:
        """Fused scores of the pairs that are among the best few of either sentence.

        Pairs are proposed by the keys they share (each key no more frequent than
        ``POSTINGS_CAP`` and among the rarest of both sentences: ``VISITS_MOST``) and
        ranked by the weight those keys share: the heaviest first, ties to the earlier
        sentence. The scores count every key the two share. A proposal is one integer,
        the shared weight in grid units with the partner's index packed below it, so
        ranking compares plain ints.
        """
        b_base = len(self.b_keys) + 1
        if len(self.a_keys) + len(self.b_keys) >= _ARRAYS_FROM:
            return self._pairs_sharing(
                _proposals_arrays(
                    self.a_keys,
                    self.b_keys,
                    self.frequency,
                    self.grid_weight,
                    per_sentence,
                    numbered=self.numbered,
                )
            )
        wanted = [divmod(packed, b_base) for packed in self._proposals(per_sentence)]
        scores, shared = self._scored(wanted)
        self.shared_weight = dict(zip(wanted, shared, strict=True))
        return {pair: min(0.999, score) for pair, score in zip(wanted, scores, strict=True)}

    def _pairs_sharing(self, found: Proposals) -> dict[tuple[int, int], float]:
        """:meth:`pairs` of the index's pairs (capped at 0.999), worked out on arrays.

        The index summed each pair's shared weight and key count already: only keys above
        the postings cap are left to intersect (:func:`_add_frequent`). The weights are
        whole grid units, so the sums are the ones :meth:`pairs` finds, and the arithmetic
        is the same IEEE operations in the same order, element by element.
        """
        import numpy as np

        i, j, shared, count = found.i, found.j, found.shared, found.count
        if not len(i):
            return {}
        if found.frequent.keys:
            shared, count = _add_frequent(found.frequent, i, j, shared, count)
        total = np.array(self.a_mass)[i] + np.array(self.b_mass)[j]
        words = np.zeros(len(i))
        np.divide(2.0 * (shared / _GRID), total, out=words, where=total != 0)
        scores = words
        if self.blend < 1.0:
            scores = self._blended(i, j, count, total, words)
        pairs = list(zip(i.tolist(), j.tolist(), strict=True))
        self.shared_weight = dict(zip(pairs, (shared / _GRID).tolist(), strict=True))
        return dict(zip(pairs, np.minimum(scores, 0.999).tolist(), strict=True))

    def _blended(self, i, j, count, total, words):  # noqa: ANN001, ANN202  (numpy arrays)
        """The fused scores: words blended with characters, but for one-word chance pairs."""
        import numpy as np
        from rapidfuzz.process import cpdist

        a_size = np.array([len(keys) for keys in self.a_keys])
        b_size = np.array([len(keys) for keys in self.b_keys])
        chance = (count < 2) & (a_size[i] > 2) & (b_size[j] > 2)
        blended = np.flatnonzero(~chance & (total != 0))
        chars = np.zeros(len(blended))
        if self.a_low and self.b_low and len(blended):
            a_low, b_low = self.a_low, self.b_low
            chars = cpdist(
                [a_low[k] for k in i[blended].tolist()],
                [b_low[k] for k in j[blended].tolist()],
                scorer=Indel.normalized_similarity,
                dtype=np.float64,  # its default, float32, would round the scores
                workers=1,
            )
        scores = words.copy()
        scores[blended] = self.blend * words[blended] + (1.0 - self.blend) * chars
        return scores

    def _proposals(self, per_sentence: int) -> list[int]:
        """The kept pairs as sorted ``i * (len(b) + 1) + j``, one posting at a time."""
        (postings, proposing), grid = self._postings(), self.grid_weight
        a_base, b_base = len(self.a_keys) + 1, len(self.b_keys) + 1
        keep: set[int] = set()  # i * b_base + j
        by_b: dict[int, list[int]] = defaultdict(list)
        for i, keys in enumerate(proposing):
            shared: dict[int, int] = defaultdict(int)
            for k in keys:
                found = postings.get(k)
                if found:
                    w = grid[k]
                    for j in found:
                        shared[j] += w
            if not shared:
                continue
            ranked = [w * b_base + (b_base - 1 - j) for j, w in shared.items()]
            if len(ranked) > per_sentence:  # under 400 here (arrays beyond): sorted() beats heapq
                ranked = sorted(ranked, reverse=True)[:per_sentence]
            row, last = i * b_base, b_base - 1
            keep.update([row + last - packed % b_base for packed in ranked])
            reverse_i = a_base - 1 - i
            for j, w in shared.items():
                by_b[j].append(w * a_base + reverse_i)
        last = a_base - 1
        for j, rows in by_b.items():
            chosen = sorted(rows, reverse=True)[:per_sentence] if len(rows) > per_sentence else rows
            keep.update([(last - packed % a_base) * b_base + j for packed in chosen])
        return sorted(keep)


# from this many sentences (both versions together) the candidate index runs on numpy
# arrays: the same integers, summed and ranked in C. Below it numpy's import (~0.08 s)
# would cost more than it saves.
_ARRAYS_FROM = 400


def similarity_matrix(a: Version, b: Version) -> list[list[float]]:
    """Every pair's score (weighted Dice over sentence keys), for the curious and for charts.

    Quadratic in length, unlike :func:`align`, which scores only candidate pairs.
    """
    a_texts, _ = sentence_texts(a, "a")
    b_texts, _ = sentence_texts(b, "b")
    scorer = Scorer([sentence_keys(t) for t in a_texts], [sentence_keys(t) for t in b_texts])
    return [[round(scorer.dice(x, y), 4) for y in scorer.b_keys] for x in scorer.a_keys]
