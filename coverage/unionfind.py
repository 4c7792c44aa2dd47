"""Pairs joined one by one -> groups: union-find with each group's smallest member as root.

Used by :mod:`stories` (articles linked as versions of one story) and :mod:`names`
(spellings confirmed as one name). Because the root is the smallest member, a group's
root depends only on which items are in it, not on the order the pairs came in.

>>> forest = UnionFind()
>>> forest.union(3, 1), forest.union(1, 3), forest.union(5, 3)
(True, False, True)
>>> [forest.find(k) for k in (1, 3, 5, 7)]
[1, 1, 1, 7]
"""

from __future__ import annotations

from typing import Generic, TypeVar

__all__ = ["UnionFind"]

K = TypeVar("K", int, str)


class UnionFind(Generic[K]):
    """Disjoint sets of ints or strings; :meth:`find` gives a set's smallest member."""

    def __init__(self) -> None:
        self.parent: dict[K, K] = {}

    def find(self, x: K) -> K:
        """The root of ``x``'s set: ``x`` itself while it was never joined to a smaller one."""
        parent = self.parent
        root = x
        while parent.get(root, root) != root:
            root = parent[root]
        while parent.get(x, x) != root:  # path compression
            parent[x], x = root, parent[x]
        return root

    def union(self, x: K, y: K) -> bool:
        """Join the sets of ``x`` and ``y``; False when they were one set already."""
        rx, ry = self.find(x), self.find(y)
        if rx == ry:
            return False
        self.parent[max(rx, ry)] = min(rx, ry)
        return True
