"""Scored sentence pairs -> the heaviest set of pairs that keeps both versions' order.

The order-aware core of the aligner: among candidate pairs (i, j, weight), pick the
chain with i and j both strictly increasing whose weights sum highest (a weighted
longest increasing subsequence, O(p log p) with a Fenwick tree of prefix maxima).
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["heaviest_chain"]


def heaviest_chain(pairs: Sequence[tuple[int, int, float]]) -> list[int]:
    """Positions (into ``pairs``) of the heaviest chain increasing in both i and j.

    >>> heaviest_chain([(0, 0, 1.0), (1, 2, 0.5), (2, 1, 0.9), (3, 3, 1.0)])
    [0, 2, 3]
    >>> heaviest_chain([(0, 1, 0.4), (1, 0, 0.9)])
    [1]
    """
    if not pairs:
        return []
    ranks = {j: r for r, j in enumerate(sorted({j for _, j, _ in pairs}), 1)}
    size = len(ranks)
    tree: list[tuple[float, int]] = [(0.0, -1)] * (size + 1)
    previous = [-1] * len(pairs)
    total = [0.0] * len(pairs)
    # same i: larger j first, so two pairs of one sentence never chain
    order = sorted((i, -j, p) for p, (i, j, _) in enumerate(pairs))
    for _, _, p in order:
        _, j, weight = pairs[p]
        rank, best = ranks[j] - 1, (0.0, -1)
        while rank > 0:  # the heaviest chain ending on a smaller j
            if tree[rank][0] > best[0]:
                best = tree[rank]
            rank -= rank & -rank
        previous[p] = best[1]
        total[p] = best[0] + weight
        entry, rank = (total[p], p), ranks[j]
        while rank <= size:
            if entry[0] > tree[rank][0]:
                tree[rank] = entry
            rank += rank & -rank
    position = max(range(len(pairs)), key=lambda p: (total[p], -p))
    chain = []
    while position != -1:
        chain.append(position)
        position = previous[position]
    return sorted(chain, key=lambda p: pairs[p][0])
