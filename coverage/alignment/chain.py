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
    # the Fenwick tree as two lists (best total, its pair) rather than tuples: no tuple
    # is built or unpacked per step, a third of the time of a long alignment's chain
    tree_total = [0.0] * (size + 1)
    tree_pair = [-1] * (size + 1)
    previous = [-1] * len(pairs)
    total = [0.0] * len(pairs)
    # same i: larger j first, so two pairs of one sentence never chain
    order = sorted([(i, -j, p) for p, (i, j, _) in enumerate(pairs)])
    for _, negative_j, p in order:
        rank = ranks[-negative_j]
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
    position = max(range(len(pairs)), key=lambda p: (total[p], -p))
    chain = []
    while position != -1:
        chain.append(position)
        position = previous[position]
    return sorted(chain, key=lambda p: pairs[p][0])
