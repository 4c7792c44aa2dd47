"""One version pair as the aligner's steps see it: :class:`_Pair` (the texts folded and keyed,
the scorer, the headlines and captions) and :class:`_Group` (a unit being built).

Its own module so that the pairing (:mod:`pairing`) and join (:mod:`joins`) steps and
:func:`aligner.align` share these without importing one another.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass, field
from functools import lru_cache

from ..options import Options
from ..reading.furniture import caption_prefix, has_photo_credit
from .similarity import Scorer, fold, sentence_keys
from .splits import joined_compounds

# a sentence end: a stop, perhaps inside closing quotes or brackets
_END = re.compile(r"[.!?\u2026:;][\"'\u201d\u2019\u00bb)\]]*\s*$")
_INNER_END = re.compile(r"[a-z0-9][.!?] +[A-Z]")
_HEADLINE_RUN = 3  # at most this many leading lines are taken for a headline and kickers
_HEADLINE_WORDS = 16  # a longer line without a stop is a caption or a standfirst


def headlines(texts: tuple[str, ...]) -> frozenset[int]:
    """The leading headline lines: short, with no sentence end, before a punctuated body.

    A caption or standfirst without a final stop is longer, or holds a sentence end
    inside, and stays a body line. Text with no sentence end anywhere has no headline.

    >>> sorted(headlines(("Zelensky meets Biden", "WASHINGTON (AP) - He came.", "More.")))
    [0]
    >>> sorted(headlines(("no stops here", "nor here")))
    []
    """
    if not any(_END.search(t) for t in texts):
        return frozenset()
    run = 0
    while run < min(len(texts), _HEADLINE_RUN) and _headline_like(texts[run]):
        run += 1
    return frozenset(range(run))


def captions(texts: tuple[str, ...]) -> frozenset[int]:
    """Photo captions among the sentences: a line ending in a photo credit ("... Photo / AP")
    or opening with a caption label ("FILE PHOTO:"). Like a dek, a caption restates the
    story beside its order, so it is linked by restatement, never paired as a body sentence.

    >>> sorted(captions(("He came.", "Biden meets Zelensky in the Oval Office. Photo / AP")))
    [1]
    """
    return frozenset(
        k for k, text in enumerate(texts) if has_photo_credit(text) or caption_prefix(text)
    )


def _headline_like(text: str) -> bool:
    return (
        not _END.search(text)
        and len(text.split()) <= _HEADLINE_WORDS
        and not _INNER_END.search(text)
    )


@dataclass
class _Group:
    a: list[int]
    b: list[int]
    score: float
    method: str
    moved: bool = False

    def attach(self, side: str, index: int) -> None:
        """Take one more sentence of ``side`` into the group: a merge or a split."""
        members = self.a if side == "a" else self.b
        members.append(index)
        members.sort()
        self.method = "merge"


@dataclass(frozen=True)
class _Side:
    """One version's sentences as every pair it takes part in reads them: folded, keyed,
    checksummed, with its headlines and captions. Nothing here depends on the other
    version or the options, so a version met in several pairs (a story's versions are
    aligned with one another: the spine search, the spine's alignments) is read once."""

    folded: tuple[str, ...]
    keys: tuple[frozenset[str], ...]
    crc: tuple[int, ...]  # a text's checksum: equal scores are ordered by the texts
    heads: frozenset[int]
    captions: frozenset[int]


@lru_cache(maxsize=64)  # a story's versions, a few times over: no more is ever reused
def _side(texts: tuple[str, ...]) -> _Side:
    folded = tuple([fold(joined_compounds(t)) for t in texts])
    heads = headlines(texts)
    return _Side(
        folded,
        tuple([sentence_keys(t) for t in folded]),
        tuple([zlib.crc32(t.encode()) for t in folded]),
        heads,
        captions(texts) - heads,
    )


@dataclass
class _Pair:
    """Everything the steps share about one version pair."""

    a_texts: tuple[str, ...]
    b_texts: tuple[str, ...]
    options: Options
    a_folded: tuple[str, ...] = field(init=False)
    b_folded: tuple[str, ...] = field(init=False)
    scorer: Scorer = field(init=False)
    a_heads: frozenset[int] = field(init=False)
    b_heads: frozenset[int] = field(init=False)
    a_captions: frozenset[int] = field(init=False)
    b_captions: frozenset[int] = field(init=False)

    def __post_init__(self) -> None:
        a, b = _side(tuple(self.a_texts)), _side(tuple(self.b_texts))
        self.a_folded, self.b_folded = a.folded, b.folded
        self.scorer = Scorer(
            a.keys,
            b.keys,
            a.folded,
            b.folded,
            smoothing=self.options.smoothing,
            blend=self.options.blend,
        )
        self.a_crc, self.b_crc = a.crc, b.crc
        self.a_heads, self.b_heads = a.heads, b.heads
        self.a_captions, self.b_captions = a.captions, b.captions
        # lines outside the body's flow: no lead, gap, merge or split takes them
        self.a_lines = self.a_heads | self.a_captions
        self.b_lines = self.b_heads | self.b_captions

    def tiebreak(self, i: int, j: int) -> tuple[int, int]:
        """Equal scores are ordered by the texts (checksums), the same whichever side is a."""
        x, y = self.a_crc[i], self.b_crc[j]
        return (x, y) if x <= y else (y, x)

    def kind_matches(self, i: int, j: int) -> bool:
        return (i in self.a_heads) == (j in self.b_heads) and (i in self.a_captions) == (
            j in self.b_captions
        )

    def weight(self, i: int, j: int, score: float) -> float:
        """A pair's weight in the chain: its score, nudged toward the diagonal and by text."""
        off = abs(i / len(self.a_texts) - j / len(self.b_texts))
        return score - 1e-4 * off + 1e-7 * ((self.a_crc[i] ^ self.b_crc[j]) / 2**32)

    def weights(self, pairs: list[tuple[int, int, float]]) -> list[tuple[int, int, float]]:
        """:meth:`weight` of each ``(i, j, score)``, in one loop (thousands at length)."""
        a_count, b_count, a_crc, b_crc = (
            len(self.a_texts),
            len(self.b_texts),
            self.a_crc,
            self.b_crc,
        )
        return [
            (
                i,
                j,
                score
                - 1e-4 * abs(i / a_count - j / b_count)
                + 1e-7 * ((a_crc[i] ^ b_crc[j]) / 2**32),
            )
            for i, j, score in pairs
        ]
