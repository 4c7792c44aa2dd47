"""Sentences -> content-word keys and the weighted similarity of two versions' sentences.

A sentence is matched on the sound keys of its content words (stop words dropped), so
Qaddafi / Kadhafi and recognized / recognised count as one word. Each key is weighted by
its inverse sentence frequency over both versions: a word found everywhere ("Libya",
"said") weighs little, a rare one ("Wagner") a lot. Scores are a weighted Dice
coefficient and weighted containment; an inverted index over the rarer keys proposes the
pairs worth scoring, so no version pair is scored all against all.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..model import Article, Sentence
from ..normalize import STOPWORDS, sound_key, word_key
from ..reading.articles import as_article

__all__ = ["Version", "sentence_texts", "sentence_keys", "Scorer", "similarity_matrix"]

Version = Article | str | Sequence[str] | Sequence[Sentence]

_WORD = re.compile(r"[^\W_]+(?:['\u2019\u2018\-][^\W_]+)*")


def sentence_texts(version: Version, default_name: str) -> tuple[tuple[str, ...], str]:
    """A version's sentences as texts, and its name (the outlet, else ``default_name``)."""
    if isinstance(version, Article):
        name = version.outlet or version.id
        return tuple(s.text for s in as_article(version).sentences), name
    if isinstance(version, str):
        return tuple(s.text for s in as_article(version).sentences), default_name
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


def sentence_keys(text: str) -> frozenset[str]:
    """The content-word keys a sentence is matched on.

    >>> sorted(sentence_keys("since its leader Muammar Qaddafi was killed"))
    ['kdf', 'kld', 'ldr', 'mr']
    """
    return frozenset(
        sound_key(word) for word in _WORD.findall(text) if word_key(word) not in STOPWORDS
    )


@dataclass
class Scorer:
    """Weighted key sets of both versions and the sparse scores between them."""

    a_keys: list[frozenset[str]]
    b_keys: list[frozenset[str]]
    weight: dict[str, float] = field(default_factory=dict)
    a_mass: list[float] = field(default_factory=list)
    b_mass: list[float] = field(default_factory=list)

    def __post_init__(self) -> None:
        frequency = Counter(k for keys in (*self.a_keys, *self.b_keys) for k in keys)
        total = len(self.a_keys) + len(self.b_keys)
        self.weight = {k: math.log(1.0 + total / df) for k, df in frequency.items()}
        self.frequency = frequency
        self.a_mass = [self.mass(keys) for keys in self.a_keys]
        self.b_mass = [self.mass(keys) for keys in self.b_keys]

    def mass(self, keys: frozenset[str] | set[str]) -> float:
        weight = self.weight
        return sum(weight[k] for k in keys)

    def dice(self, a: frozenset[str] | set[str], b: frozenset[str] | set[str]) -> float:
        total = self.mass(a) + self.mass(b)
        return 2.0 * self.mass(a & b) / total if total else 0.0

    def containment(
        self, part: frozenset[str] | set[str], whole: frozenset[str] | set[str]
    ) -> float:
        """How much of ``part``'s weight is found in ``whole``."""
        mass = self.mass(part)
        return self.mass(part & whole) / mass if mass else 0.0

    def link(self, i: int, j: int, *, smoothing: float = 1.0) -> float:
        """How well a_i and b_j belong together: Dice, or how much of one the other holds.

        Containment is smoothed so that a two-word sentence is not "contained" in every
        sentence that shares one of its words.
        """
        a, b = self.a_keys[i], self.b_keys[j]
        shared = self.mass(a & b)
        if not shared:
            return 0.0
        dice = 2.0 * shared / (self.a_mass[i] + self.b_mass[j])
        return max(
            dice, shared / (self.a_mass[i] + smoothing), shared / (self.b_mass[j] + smoothing)
        )

    def candidates(self, *, per_sentence: int) -> dict[tuple[int, int], float]:
        """Dice scores of the pairs that share a rare enough key."""
        total = len(self.a_keys) + len(self.b_keys)
        cap = max(40, int(4 * math.sqrt(total)))
        postings: dict[str, list[int]] = defaultdict(list)
        for j, keys in enumerate(self.b_keys):
            for k in keys:
                if self.frequency[k] <= cap:
                    postings[k].append(j)
        scores: dict[tuple[int, int], float] = {}
        weight = self.weight
        for i, keys in enumerate(self.a_keys):
            shared: dict[int, float] = defaultdict(float)
            for k in keys:
                for j in postings.get(k, ()):
                    shared[j] += weight[k]
            if len(shared) > per_sentence:
                best = sorted(shared.items(), key=lambda item: (-item[1], item[0]))
                shared = dict(best[:per_sentence])
            for j in shared:
                denominator = self.a_mass[i] + self.b_mass[j]
                if denominator:  # below 1: only identical texts score 1 (set by align)
                    scores[i, j] = min(0.999, 2.0 * self.mass(keys & self.b_keys[j]) / denominator)
        return scores


def similarity_matrix(a: Version, b: Version) -> list[list[float]]:
    """Every pair's score (weighted Dice over sentence keys), for the curious and for charts.

    Quadratic in length, unlike :func:`align`, which scores only candidate pairs.
    """
    a_texts, _ = sentence_texts(a, "a")
    b_texts, _ = sentence_texts(b, "b")
    scorer = Scorer([sentence_keys(t) for t in a_texts], [sentence_keys(t) for t in b_texts])
    return [[round(scorer.dice(x, y), 4) for y in scorer.b_keys] for x in scorer.a_keys]
