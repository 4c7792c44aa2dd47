"""Leftover sentences -> restatement links: a dek, caption or pull quote and what it restates.

A restatement says again, usually shorter, what a body sentence of the other version
says, while that body sentence is paired with its own counterpart. Every sentence
belongs to one unit, so the restating line could not be linked before; here it is
linked beside the units. The pass is strict: nearly all of the restating sentence's
weight must be found in its partner, and it takes its single best partner. Headlines
never restate (they pair only with headlines).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable

from .similarity import Scorer

__all__ = ["find_restatements"]

# added to the restating sentence's weight: a line of one or two words is never "held"
# whole by a long sentence just because it shares them
_SMOOTHING = 2.0


def find_restatements(
    scorer: Scorer,
    scores: dict[tuple[int, int], float],
    *,
    a_free: Iterable[int],
    b_free: Iterable[int],
    a_heads: frozenset[int],
    b_heads: frozenset[int],
    threshold: float,
    tiebreak: Callable[[int, int], tuple[str, str]],
) -> list[tuple[int, int, str, float]]:
    """``(a, b, by, score)`` for each leftover sentence that restates one across.

    ``by`` is the side of the restating sentence; ``score`` the smoothed share of its
    weight found in the partner.
    """
    partners_of_a: dict[int, list[int]] = defaultdict(list)
    partners_of_b: dict[int, list[int]] = defaultdict(list)
    for i, j in scores:
        partners_of_a[i].append(j)
        partners_of_b[j].append(i)
    found = []
    for i in a_free:
        for j, score in _best(
            scorer.a_keys[i],
            [(j, scorer.b_keys[j]) for j in partners_of_a[i] if j not in b_heads],
            scorer,
            lambda j, i=i: tiebreak(i, j),
            threshold,
        ):
            found.append((i, j, "a", score))
    for j in b_free:
        for i, score in _best(
            scorer.b_keys[j],
            [(i, scorer.a_keys[i]) for i in partners_of_b[j] if i not in a_heads],
            scorer,
            lambda i, j=j: tiebreak(i, j),
            threshold,
        ):
            found.append((i, j, "b", score))
    return sorted(set(found), key=lambda link: (link[1], link[0], link[2]))


def _best(keys, partners, scorer: Scorer, tiebreak, threshold: float) -> list[tuple[int, float]]:
    """The partner holding most of ``keys``' weight, when it holds ``threshold`` of it."""
    mass = scorer.mass(keys) + _SMOOTHING
    ranked = [
        (scorer.mass(keys & other) / mass, tiebreak(index), index) for index, other in partners
    ]
    if not ranked:
        return []
    score, _, index = min(ranked, key=lambda r: (-r[0], r[1]))
    return [(index, score)] if score >= threshold else []
