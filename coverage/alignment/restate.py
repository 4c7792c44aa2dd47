"""Units and leftovers -> restatement links: sentences that say again what one across says.

Every sentence belongs to one unit, so a dek, caption, pull quote or embedded post could
not be linked to the body sentence it restates once that sentence was paired with its
own counterpart. The links found here sit beside the units (never repeating a unit's
link), each with the ``method`` that found it:

- ``holds``: a leftover line most of whose weight one sentence across holds (a dek,
  a caption);
- ``held``: a leftover line that holds most of a sentence across (an embedded post
  or a long caption quoting several body sentences: every such sentence is linked);
- ``leftover``: a leftover sentence and its best partner when they score
  ``second_threshold`` but the core could not pair them (the partner is paired already,
  or the pair is out of order and too weak for a move): one fact told twice on one
  side, or told again elsewhere; and every other partner scoring ``cross_threshold``,
  the bar for a link across units (a leftover lead that tells the facts of two
  sentences: news-dev all links 88.7 -> 88.9, end to end 85.5 -> 85.7);
- ``held`` across units: a paired sentence that holds a sentence of another unit whole
  (``HELD_WHOLE`` of its smoothed weight), as an embedded post quotes the body sentences
  another version prints one by one (news-dev all links 88.9 -> 89.2);
- ``cross``: two sentences of different units that score ``cross_threshold``
  together, as when an updated take moves a clause into the next sentence (an n:m
  regrouping), or one version tells a fact twice. (Requiring the two units to be
  neighbours, as at first, lost links: news-dev all links 87.5 -> 87.8 without it,
  end to end 85.2 -> 85.3, DEplain units unchanged.) Two *neighbouring* units (each
  sentence next to the other's unit, in both versions) need only ``second_threshold``:
  order vouches for the pair, as it does for a lone sentence in a gap (news-dev all links
  89.2 -> 89.6, body 92.1 -> 92.2, end to end 88.7 -> 89.1, both halves up; DEplain
  units unchanged: they count no restatement links). The same lower bar for a
  leftover's other partners next to its neighbours' units lost precision (all 89.6 ->
  89.3 at 0.35, 89.5 at 0.40) and was not kept.

Headlines never restate (they pair only with headlines).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import NamedTuple

from .similarity import Scorer

__all__ = ["Link", "find_restatements", "leftover_links"]

# added to a line's weight before taking a share of it: a line of one or two words is
# never "held" whole by a long sentence just because it shares them
_SMOOTHING = 2.0
# a leftover line that holds this share of a sentence across restates it
HELD_WHOLE = 0.6
# ... and it restates at most this many (a post quoting a few lines, not a whole story)
HELD_MOST = 4


class Link(NamedTuple):  # a named tuple: thousands are made, at a third of a dataclass's cost
    a: int
    b: int
    by: str
    score: float
    method: str


@dataclass(frozen=True)
class Thresholds:
    holds: float
    leftover: float
    cross: float


def find_restatements(
    scorer: Scorer,
    scores: Mapping[tuple[int, int], float],
    *,
    a_unit: Mapping[int, int],
    b_unit: Mapping[int, int],
    a_heads: frozenset[int],
    b_heads: frozenset[int],
    thresholds: Thresholds,
) -> list[Link]:
    """Restatement links among the candidate pairs ``scores``, ordered by ``b`` then ``a``.

    ``a_unit``/``b_unit`` give each paired sentence's unit number; headlines take no part.
    """
    partners_of_a: dict[int, list[int]] = defaultdict(list)
    partners_of_b: dict[int, list[int]] = defaultdict(list)
    for i, j in scores:
        if i not in a_heads and j not in b_heads:
            partners_of_a[i].append(j)
            partners_of_b[j].append(i)
    found: dict[tuple[int, int], Link] = {}
    for i, partners in sorted(partners_of_a.items()):
        if i not in a_unit:
            for j, score, method in leftover_links(
                scorer.a_keys[i],
                [(j, scorer.b_keys[j], scores[i, j]) for j in partners],
                scorer,
                thresholds,
            ):
                found.setdefault((i, j), Link(i, j, "a", score, method))
    for j, partners in sorted(partners_of_b.items()):
        if j not in b_unit:
            for i, score, method in leftover_links(
                scorer.b_keys[j],
                [(i, scorer.a_keys[i], scores[i, j]) for i in partners],
                scorer,
                thresholds,
            ):
                found.setdefault((i, j), Link(i, j, "b", score, method))
    for link in _cross(scorer, scores, a_unit, b_unit, a_heads, b_heads, thresholds):
        found.setdefault((link.a, link.b), link)
    return sorted(found.values(), key=lambda link: (link.b, link.a))


def leftover_links(keys, partners, scorer: Scorer, thresholds: Thresholds, score_of=None):
    """What one leftover line restates: ``(index, score, method)`` triples.

    ``partners`` are ``(index, keys, score)``; a score of None is asked of
    ``score_of(index)`` once the partner shares two words. Chosen are the partner
    holding most of the line (``holds``), every partner it holds whole (``held``), and
    its best-scoring partner (``leftover``). A share held is the smoothed share of one
    side's weight found in the other (the weight the two share over that side's own).
    """
    chosen: dict[int, tuple[float, str]] = {}
    mass = scorer.mass
    sharing = _sharing(keys, partners, mass)
    if not sharing:
        return []
    partners = [p for p, _ in sharing]
    if score_of is not None:
        partners = [
            (index, other, score_of(index) if score is None else score)
            for index, other, score in partners
        ]
    own = mass(keys) + _SMOOTHING
    holding = max((shared / own, -p[0]) for p, shared in sharing)
    if holding[0] >= thresholds.holds:
        chosen[-holding[1]] = (holding[0], "holds")
    held = sorted(
        ((shared / (mass(p[1]) + _SMOOTHING), -p[0]) for p, shared in sharing), reverse=True
    )
    for score, index in held[:HELD_MOST]:
        if score >= HELD_WHOLE and -index not in chosen:
            chosen[-index] = (score, "held")
    score, index = max((score, -index) for index, _, score in partners)
    if score >= thresholds.leftover and -index not in chosen:
        chosen[-index] = (score, "leftover")
    # ... and every partner as strong as a link across units (a leftover that tells two
    # sentences' facts again, an n:m regrouping)
    for index, _, score in partners:
        if score >= thresholds.cross and index not in chosen:
            chosen[index] = (score, "leftover")
    return [(index, score, method) for index, (score, method) in sorted(chosen.items())]


def _sharing(keys, partners, mass) -> list[tuple[tuple, float]]:
    """The partners sharing two words with ``keys`` (one is chance), each with the weight
    the two share (summed once: both shares of :func:`leftover_links` divide it)."""
    found = []
    for partner in partners:
        common = keys & partner[1]
        if len(common) >= 2:
            found.append((partner, mass(common)))
    return found


def _cross(
    scorer: Scorer,
    scores: Mapping[tuple[int, int], float],
    a_unit: Mapping[int, int],
    b_unit: Mapping[int, int],
    a_heads: frozenset[int],
    b_heads: frozenset[int],
    thresholds: Thresholds,
) -> list[Link]:
    """Strong pairs between sentences of two different units (n:m regroupings, repeats),
    pairs of neighbouring units at the leftover bar, and pairs where one sentence holds
    the other whole (an embedded post)."""
    links = []
    threshold, near = thresholds.cross, thresholds.leftover
    neighbours = _Neighbours(a_unit, b_unit)
    a_mass, b_mass = scorer.a_mass, scorer.b_mass
    unit_of_a, unit_of_b, shared_by = a_unit.get, b_unit.get, scorer.shared
    for (i, j), score in scores.items():
        if i in a_heads or j in b_heads:
            continue
        unit_a, unit_b = unit_of_a(i), unit_of_b(j)
        if unit_a is None or unit_b is None or unit_a == unit_b:
            continue
        if score >= threshold or (score >= near and neighbours(i, unit_a, j, unit_b)):
            links.append(Link(i, j, "a" if a_mass[i] <= b_mass[j] else "b", score, "cross"))
            continue
        # a sentence quoting another whole (an embedded post, a long caption) restates
        # it whatever the rest of its words: the smoothed share, as for a leftover line
        # (:func:`_held` either way: one shared mass over each side's own)
        shared = shared_by(i, j)
        held = max(shared / (a_mass[i] + _SMOOTHING), shared / (b_mass[j] + _SMOOTHING))
        if held >= HELD_WHOLE:
            links.append(Link(i, j, "a" if a_mass[i] <= b_mass[j] else "b", held, "held"))
    return links


class _Neighbours:
    """Whether two sentences' units are neighbours in both versions: ``j`` is next to
    the ``b`` sentences of ``i``'s unit, and ``i`` next to the ``a`` sentences of ``j``'s
    unit, as when an updated take moves a clause into the next sentence."""

    def __init__(self, a_unit: Mapping[int, int], b_unit: Mapping[int, int]) -> None:
        self.a_members: dict[int, list[int]] = defaultdict(list)
        self.b_members: dict[int, list[int]] = defaultdict(list)
        for i, unit in a_unit.items():
            self.a_members[unit].append(i)
        for j, unit in b_unit.items():
            self.b_members[unit].append(j)

    def __call__(self, i: int, unit_a: int, j: int, unit_b: int) -> bool:
        return (
            min(abs(j - k) for k in self.b_members[unit_a]) <= 1
            and min(abs(i - k) for k in self.a_members[unit_b]) <= 1
        )
