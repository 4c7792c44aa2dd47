"""Scored sentence pairs -> the heaviest set of pairs that keeps both versions' order.

The order-aware core of the aligner: among candidate pairs (i, j, weight), pick the
chain with i and j both strictly increasing whose weights sum highest (a weighted
longest increasing subsequence, O(p log p)). The pairs come in bounded (:func:`bounded`):
each sentence keeps its few heaviest.

Pairs are taken by i (for one i, larger j first, so two pairs of one sentence never
chain); each extends the heaviest chain ending on a smaller j. That chain is found on a
*staircase*: the chains not beaten by one ending on a smaller or equal j, so their
totals rise with j, held in plain lists that ``bisect`` searches in C. A Fenwick tree of
prefix maxima gives the same answer with a Python loop over its nodes, two to three
times slower at a few thousand pairs; it stays as the reference, and decides when two
chains total exactly the same (the staircase keeps one of them, the tree may keep the
other).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Sequence
from operator import itemgetter
from typing import TYPE_CHECKING

from ..normalize import tally

if TYPE_CHECKING:
    import numpy as np

__all__ = ["bounded", "bounded_arrays", "heaviest_chain"]

# the staircase gives way to the tree past this many entries moved per pair (a few on
# real and synthetic stories: 2 to 10 at 2,000 sentences)
_SHIFTS = 32


def heaviest_chain(pairs: Sequence[tuple[int, int, float]]) -> list[int]:
    """Positions (into ``pairs``) of the heaviest chain increasing in both i and j.

    >>> heaviest_chain([(0, 0, 1.0), (1, 2, 0.5), (2, 1, 0.9), (3, 3, 1.0)])
    [0, 2, 3]
    >>> heaviest_chain([(0, 1, 0.4), (1, 0, 0.9)])
    [1]
    """
    if not pairs:
        return []
    # by i, then larger j first (one packed integer each), then position (a stable sort)
    width = max(j for _, j, _ in pairs) + 1
    order = sorted(range(len(pairs)), key=[i * width - j for i, j, _ in pairs].__getitem__)
    found = _staircase(pairs, order)
    if found is None or len(set(found[1])) < len(pairs):  # equal totals: the tree decides
        found = _fenwick(pairs, order)
    return _follow(*found)


def _staircase(pairs: Sequence[tuple[int, int, float]], order: list[int]):  # noqa: ANN202
    """Each pair's best predecessor (-1 for none) and its chain's total, on a staircase:
    ``ends`` (the j a chain ends on), rising, with ``heights`` (its total), rising too, and
    ``owners`` (its last pair). Only positive totals are held, as the tree holds them.

    None when inserting has moved more than ``_SHIFTS`` entries a pair (chains that keep
    starting before the others, j falling as i rises): the lists would grow quadratic.
    """
    budget = _SHIFTS * len(pairs)
    previous = [-1] * len(pairs)
    total = [0.0] * len(pairs)
    ends: list[int] = []
    heights: list[float] = []
    owners: list[int] = []
    for p in order:
        _, j, weight = pairs[p]
        at = bisect_left(ends, j)  # the chains ending on a smaller j: ends[:at]
        if at:
            reached = total[p] = heights[at - 1] + weight
            previous[p] = owners[at - 1]
            if reached <= heights[at - 1]:
                continue  # beaten by the chain it would extend
        else:
            reached = total[p] = weight
            if reached <= 0.0:
                continue
        # the chains ending on j or later that total no more are beaten by this one
        beaten = bisect_right(heights, reached, at)
        if beaten == at and at < len(ends) and ends[at] == j:
            continue  # a heavier chain ends on this j already
        if beaten == at:
            budget -= len(ends) - at
            if budget < 0:
                return None
            ends.insert(at, j)
            heights.insert(at, reached)
            owners.insert(at, p)
        else:  # the first beaten chain gives way to this one, the rest go
            if beaten > at + 1:
                del ends[at + 1 : beaten], heights[at + 1 : beaten], owners[at + 1 : beaten]
            ends[at], heights[at], owners[at] = j, reached, p
    return previous, total


def _fenwick(pairs: Sequence[tuple[int, int, float]], order: list[int]):  # noqa: ANN202
    """:func:`_staircase` with a Fenwick tree of prefix maxima over the ranks of j: among
    equal totals, the one its walk meets first."""
    ranks = {j: r for r, j in enumerate(sorted({j for _, j, _ in pairs}), 1)}
    size = len(ranks)
    # the tree as two lists (best total, its pair) rather than tuples: no tuple is built
    # or unpacked per step
    tree_total = [0.0] * (size + 1)
    tree_pair = [-1] * (size + 1)
    previous = [-1] * len(pairs)
    total = [0.0] * len(pairs)
    for p in order:
        rank = ranks[pairs[p][1]]
        best, best_pair, at = 0.0, -1, rank - 1
        while at > 0:  # the heaviest chain ending on a smaller j
            if tree_total[at] > best:
                best, best_pair = tree_total[at], tree_pair[at]
            at -= at & -at
        previous[p] = best_pair
        reached = total[p] = best + pairs[p][2]
        while rank <= size:
            if reached > tree_total[rank]:
                tree_total[rank], tree_pair[rank] = reached, p
            rank += rank & -rank
    return previous, total


def _follow(previous: list[int], total: list[float]) -> list[int]:
    """The heaviest chain (of equals, the one ending on the first pair), in order."""
    position = total.index(max(total))
    chain = []
    while position != -1:
        chain.append(position)
        position = previous[position]
    chain.reverse()  # followed back from its last pair: i falls all the way
    return chain


def bounded(pairs: Sequence[tuple[int, int, float]], most: int) -> list[int]:
    """Positions (into ``pairs``, as ``(i, j, weight)``) of the pairs to leave out: each
    sentence keeps its ``most`` heaviest pairs (of equal weights, the earlier first), and
    a pair stays when either of its sentences keeps it, as the candidate index keeps
    the best few of either sentence. So the pairs are at most ``most`` a sentence of
    each version, however many partners a sentence has.

    >>> bounded([(0, 0, 1.0), (0, 1, 0.9), (0, 2, 0.5), (1, 2, 0.8), (2, 2, 0.7)], 2)
    [2]
    """
    outside = []
    heavy = [w for _, _, w in pairs].__getitem__
    for side in (0, 1):
        counts = tally(map(itemgetter(side), pairs))
        over = {k for k, n in counts.items() if n > most}
        if not over:
            return []  # every pair is kept by this side's sentence
        groups: dict[int, list[int]] = defaultdict(list)
        for p, pair in enumerate(pairs):
            if pair[side] in over:
                groups[pair[side]].append(p)
        left: set[int] = set()
        for positions in groups.values():
            positions.sort(key=heavy, reverse=True)  # stable: equal weights keep their order
            left.update(positions[most:])
        outside.append(left)
    return sorted(outside[0] & outside[1])


def bounded_arrays(i: np.ndarray, j: np.ndarray, weight: np.ndarray, most: int) -> np.ndarray:
    """:func:`bounded` on arrays: whether each pair stays (the same pairs)."""
    if not len(i):
        return i == 0  # no pairs: an empty mask
    return (_ranks(i, weight) < most) | (_ranks(j, weight) < most)


def _ranks(group: np.ndarray, weight: np.ndarray) -> np.ndarray:
    """Each pair's rank in its ``group`` by weight, heaviest first, ties by position."""
    import numpy as np

    size = len(group)
    order = np.lexsort((np.arange(size), -weight, group))
    ranked = group[order]
    at = np.arange(size)
    first = np.maximum.accumulate(np.where(np.r_[True, ranked[1:] != ranked[:-1]], at, 0))
    ranks = np.empty(size, dtype=np.int64)
    ranks[order] = at - first
    return ranks
