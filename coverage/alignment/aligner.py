"""Two versions of a story -> an :class:`Alignment` of their sentences.

How it works (every step is deterministic):

1. **Keys** (:mod:`similarity`). Each sentence becomes a set of content-word keys: stop words dropped, each
   word reduced to a sound key (:func:`normalize.sound_key`), so Qaddafi / Kadhafi,
   Mohammed / Mohammad and recognized / recognised are one key. Keys are weighted by
   inverse sentence frequency over both versions: words that occur everywhere ("Libya",
   "said") weigh little, rare ones ("mercenaries", "Wagner") a lot.
2. **Candidates.** An inverted index over the rarer keys proposes, for each sentence of
   ``a``, the sentences of ``b`` that share one; only those pairs are scored, so time
   grows close to linearly with length. The score is a weighted Dice coefficient.
3. **Pairs.** Pairs at or above ``threshold`` are taken greedily, best first.
4. **Order.** The largest set of pairs that keeps both versions' order (a longest
   increasing subsequence) stays put; the others are ``moved``: the smallest set of moves.
5. **Merges and splits.** An unpaired sentence next to a pair joins it when most of its
   weight is found in the pair's other side (``merged`` several ``a`` -> one ``b``,
   ``split`` one ``a`` -> several ``b``).
6. **Context.** Between two pairs that keep their order, leftover sentences pair at the
   lower ``context_threshold``: the surrounding pairs vouch for them.
7. Whatever is left is ``added`` (only in ``b``) or ``dropped`` (only in ``a``).

Each unit records its ``method`` (identical, similar, merge, context, unmatched) and
score, and carries the word diff of its sentences.
"""

from __future__ import annotations

import zlib
from collections import defaultdict
from dataclasses import dataclass

from ..model import Alignment, Unit
from ..normalize import fold_typography
from .similarity import Scorer, Version, sentence_keys, sentence_texts, similarity_matrix
from .worddiff import word_diff

__all__ = ["align", "sentence_keys", "similarity_matrix", "Version"]


def _longest_increasing(sequence: list[int], weights: list[float]) -> set[int]:
    """Positions of a longest strictly increasing subsequence; among those, the heaviest.

    O(n log n) with a Fenwick tree of (length, weight) maxima over the values.

    >>> sorted(_longest_increasing([0, 7, 8, 1, 2, 3], [1.0] * 6))
    [0, 3, 4, 5]
    >>> sorted(_longest_increasing([1, 0], [0.5, 1.0]))
    [1]
    """
    values = {v: rank for rank, v in enumerate(sorted(set(sequence)), 1)}
    size = len(values)
    tree: list[tuple[int, float, int]] = [(0, 0.0, -1)] * (size + 1)
    best_at: list[tuple[int, float, int]] = []
    previous = [-1] * len(sequence)
    for position, value in enumerate(sequence):
        rank, best = values[value] - 1, (0, 0.0, -1)
        while rank > 0:  # best run ending on a smaller value
            best = max(best, tree[rank], key=lambda t: (t[0], t[1]))
            rank -= rank & -rank
        previous[position] = best[2]
        entry = (best[0] + 1, best[1] + weights[position], position)
        best_at.append(entry)
        rank = values[value]
        while rank <= size:
            if (entry[0], entry[1]) > (tree[rank][0], tree[rank][1]):
                tree[rank] = entry
            rank += rank & -rank
    if not best_at:
        return set()
    position = max(best_at, key=lambda t: (t[0], t[1]))[2]
    keep = set()
    while position != -1:
        keep.add(position)
        position = previous[position]
    return keep


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


def align(
    a: Version,
    b: Version,
    *,
    threshold: float = 0.35,
    context_threshold: float = 0.3,
    join_threshold: float = 0.6,
    move_threshold: float = 0.6,
    candidates: int = 12,
    diffs: bool = True,
    a_name: str | None = None,
    b_name: str | None = None,
) -> Alignment:
    """Align the sentences of two versions of a story.

    ``a`` and ``b`` are each an :class:`Article`, a text (split into sentences here) or a
    list of sentences (used as given).

    Options: ``threshold`` is the least score (weighted Dice, 0..1) for a pair on its own;
    ``context_threshold`` the least score for a pair between two pairs that keep their
    order; ``join_threshold`` the share of an unpaired sentence's weight that must be
    found in a neighbouring pair for it to join that pair (a merge or split);
    ``move_threshold`` the least score for a pair that is out of order (a ``moved`` pair);
    ``candidates`` how many candidate partners each sentence of ``a`` gets scored;
    ``diffs=False`` skips the word diffs. ``a_name``/``b_name`` label the versions
    (default: the articles' outlets, else "a" and "b").

    >>> alignment = align(["Russia welcomed the talks.", "Wagner fighters joined."],
    ...                   ["Wagner fighters joined.", "Russia on Friday welcomed the talks."])
    >>> [(u.a, u.b, u.status, u.moved) for u in alignment.units]
    [((1,), (0,), 'same', False), ((0,), (1,), 'reworded', True)]
    """
    a_texts, default_a = sentence_texts(a, "a")
    b_texts, default_b = sentence_texts(b, "b")
    scorer = Scorer([sentence_keys(t) for t in a_texts], [sentence_keys(t) for t in b_texts])
    a_folded = [fold_typography(t) for t in a_texts]
    b_folded = [fold_typography(t) for t in b_texts]

    scores = scorer.candidates(per_sentence=candidates)
    b_by_text: dict[str, list[int]] = defaultdict(list)
    for j, text in enumerate(b_folded):
        b_by_text[text].append(j)
    for i, text in enumerate(a_folded):
        for j in b_by_text.get(text, ()):
            scores[i, j] = 1.0

    def tiebreak(i: int, j: int) -> tuple[str, str]:
        """Equal scores are ordered by the texts, the same way whichever side is a."""
        return min(a_folded[i], b_folded[j]), max(a_folded[i], b_folded[j])

    groups = _pair_greedily(scores, threshold, len(a_texts), len(b_texts), tiebreak)
    groups = _mark_moves(groups, move_threshold, tiebreak, len(a_texts), len(b_texts))
    a_group: dict[int, _Group] = {i: g for g in groups for i in g.a}
    b_group: dict[int, _Group] = {j: g for g in groups for j in g.b}
    _pair_in_context(
        groups,
        a_group,
        b_group,
        scores,
        scorer,
        context_threshold,
        len(a_texts),
        len(b_texts),
        tiebreak,
    )
    _join_neighbours(
        groups, a_group, b_group, scorer, join_threshold, len(a_texts), len(b_texts), tiebreak
    )

    units = _units(groups, a_group, b_group, a_texts, b_texts, a_folded, b_folded, scorer, diffs)
    options = (
        ("threshold", threshold),
        ("context_threshold", context_threshold),
        ("join_threshold", join_threshold),
        ("move_threshold", move_threshold),
        ("candidates", candidates),
    )
    return Alignment(
        a_texts,
        b_texts,
        units,
        a_name=a_name or default_a,
        b_name=b_name or default_b,
        options=options,
    )


def _pair_greedily(
    scores: dict[tuple[int, int], float], threshold: float, a_count: int, b_count: int, tiebreak
) -> list[_Group]:
    def order(item: tuple[tuple[int, int], float]) -> tuple:
        (i, j), score = item
        off_diagonal = abs(i / max(a_count, 1) - j / max(b_count, 1))
        return (-round(score, 9), round(off_diagonal, 9), i + j, tiebreak(i, j))

    used_a, used_b, groups = set(), set(), []
    for (i, j), score in sorted(scores.items(), key=order):
        if score < threshold:
            break
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        groups.append(_Group([i], [j], score, "similar"))
    return groups


def _mark_moves(
    groups: list[_Group], move_threshold: float, tiebreak, a_count: int, b_count: int
) -> list[_Group]:
    """Flag the smallest set of groups whose removal leaves the rest in order.

    A move is a strong claim: an out-of-order pair scoring under ``move_threshold`` is
    more often a chance likeness than a moved sentence, so it is undone.
    """
    groups.sort(key=lambda g: min(g.a))
    # equal scores: a tiny weight from the texts decides, the same whichever side is a
    # equal scores: keep the pair nearer the diagonal in place, then let the texts decide;
    # both are the same whichever side is a
    weights = [
        g.score
        - 1e-4 * abs(g.a[0] / a_count - g.b[0] / b_count)
        + 1e-7 * zlib.crc32("\0".join(tiebreak(g.a[0], g.b[0])).encode()) / 2**32
        for g in groups
    ]
    keep = _longest_increasing([min(g.b) for g in groups], weights)
    kept = []
    for position, group in enumerate(groups):
        group.moved = position not in keep
        if not group.moved or group.score >= move_threshold:
            kept.append(group)
    return kept


def _join_neighbours(
    groups,
    a_group,
    b_group,
    scorer: Scorer,
    join_threshold: float,
    a_count: int,
    b_count: int,
    tiebreak,
) -> None:
    """Attach unpaired sentences to an adjacent group when the group's other side holds them.

    Candidates from both sides are ranked together, so swapping ``a`` and ``b`` mirrors
    the result (a merge becomes a split).
    """
    sides = (
        ("a", a_count, a_group, scorer.a_keys, scorer.b_keys),
        ("b", b_count, b_group, scorer.b_keys, scorer.a_keys),
    )
    while True:
        offers = []
        for side, count, own, own_keys, other_keys in sides:
            for index in range(count):
                if index in own:
                    continue
                before, after = own.get(index - 1), own.get(index + 1)
                for group in {id(g): g for g in (before, after) if g is not None}.values():
                    across = group.b if side == "a" else group.a
                    if len(across) > 1:  # a merge does not also split, and vice versa
                        continue
                    inside = group is before and group is after
                    whole = frozenset().union(*(other_keys[k] for k in across))
                    share = 1.0 if inside else scorer.containment(own_keys[index], whole)
                    if share >= join_threshold:
                        pair = (index, across[0]) if side == "a" else (across[0], index)
                        offers.append((-share, tiebreak(*pair), side, index, group))
        if not offers:
            return
        offers.sort(key=lambda offer: offer[:2])
        joined: set[int] = set()
        for _, _, side, index, group in offers:
            own = a_group if side == "a" else b_group
            if index in own or id(group) in joined:
                continue
            members = group.a if side == "a" else group.b
            if index - 1 not in members and index + 1 not in members:
                continue
            group.attach(side, index)
            own[index] = group
            joined.add(id(group))


def _pair_in_context(
    groups,
    a_group,
    b_group,
    scores,
    scorer: Scorer,
    context_threshold: float,
    a_count: int,
    b_count: int,
    tiebreak,
) -> None:
    """Link leftovers between two in-order groups: to each other or to those groups.

    Inside a gap any sentence may link to any sentence of the other side in the same gap,
    including the two groups that bound it, as long as links do not cross. A leftover
    linked to a sentence that already has a partner joins its group (a merge or split).
    """
    anchors = sorted((g for g in groups if not g.moved), key=lambda g: min(g.a))
    if not anchors:  # no pair to vouch for anything: unrelated texts stay apart
        return
    lower = [None, *anchors]
    upper = [*anchors, None]
    for left, right in zip(lower, upper, strict=True):
        a_from = max(left.a) if left else -1
        b_from = max(left.b) if left else -1
        a_to = min(right.a) if right else a_count
        b_to = min(right.b) if right else b_count
        gap_a = [i for i in range(a_from + 1, a_to) if i not in a_group]
        gap_b = [j for j in range(b_from + 1, b_to) if j not in b_group]
        if not gap_a and not gap_b:
            continue
        edge_a = [*(left.a if left else ()), *(right.a if right else ())]
        edge_b = [*(left.b if left else ()), *(right.b if right else ())]
        pairs = [(i, j) for i in gap_a for j in (*gap_b, *edge_b)]
        pairs += [(i, j) for i in edge_a for j in gap_b]
        if len(pairs) > 20_000:  # a huge gap: only the index's candidates
            pairs = [pair for pair in pairs if pair in scores]
        ranked = []
        for i, j in pairs:
            score = scorer.link(i, j)
            if score >= context_threshold:
                ranked.append((score, i, j))
        ranked.sort(key=lambda item: (-item[0], item[1] + item[2], tiebreak(item[1], item[2])))
        links: list[tuple[int, int]] = [(max(g.a), max(g.b)) for g in (left, right) if g]
        # new pairs first, then leftovers joining a pair (a merge or split): at equal scores
        # a one-to-one pair is the simpler account, and the order stays swap-symmetric
        for joining, (score, i, j) in [(False, item) for item in ranked] + [
            (True, item) for item in ranked
        ]:
            group_a, group_b = a_group.get(i), b_group.get(j)
            if (group_a is not None or group_b is not None) and not joining:
                continue
            if group_a is not None and group_b is not None:
                continue
            if any((i - p) * (j - q) < 0 for p, q in links):
                continue
            if group_a is None and group_b is None:
                group = _Group([i], [j], score, "context")
                groups.append(group)
            elif group_a is not None:
                if len(group_a.a) > 1:  # a merge does not also split
                    continue
                group = group_a
                group.attach("b", j)
            else:
                if len(group_b.b) > 1:  # a split does not also merge
                    continue
                group = group_b
                group.attach("a", i)
            a_group[i], b_group[j] = group, group
            links.append((i, j))


def _units(
    groups, a_group, b_group, a_texts, b_texts, a_folded, b_folded, scorer: Scorer, diffs: bool
) -> tuple[Unit, ...]:
    """Order groups by position in b (then a) and turn them into units."""
    rows: list[tuple[tuple[float, float], _Group | None, int | None, int | None]] = []
    for group in groups:
        rows.append(((min(group.b), min(group.a)), group, None, None))
    for j in range(len(b_texts)):
        if j not in b_group:
            rows.append(((j, -1.0), None, None, j))
    # a dropped sentence sits just after the b position of the nearest in-order a before it
    last_b = -0.5
    for i in range(len(a_texts)):
        group = a_group.get(i)
        if group is not None:
            if not group.moved:
                last_b = max(group.b) + 0.5
        else:
            rows.append(((last_b, float(i)), None, i, None))
    rows.sort(key=lambda row: row[0])

    units = []
    for number, (_, group, a_index, b_index) in enumerate(rows):
        if group is None:
            status = "dropped" if a_index is not None else "added"
            units.append(
                Unit(
                    number,
                    status,
                    (a_index,) if a_index is not None else (),
                    (b_index,) if b_index is not None else (),
                    0.0,
                    False,
                    "unmatched",
                )
            )
            continue
        a_join = " ".join(a_texts[i] for i in group.a)
        b_join = " ".join(b_texts[j] for j in group.b)
        if len(group.a) > 1 or len(group.b) > 1:
            status = "merged" if len(group.a) > len(group.b) else "split"
            if len(group.a) == len(group.b):
                status = "merged"
            score = scorer.dice(
                frozenset().union(*(scorer.a_keys[i] for i in group.a)),
                frozenset().union(*(scorer.b_keys[j] for j in group.b)),
            )
        else:
            same = a_folded[group.a[0]] == b_folded[group.b[0]]
            status = "same" if same else "reworded"
            score = 1.0 if same else min(group.score, 0.999)
        edits = word_diff(a_join, b_join) if diffs else ()
        method = "identical" if status == "same" else group.method
        units.append(
            Unit(
                number,
                status,
                tuple(group.a),
                tuple(group.b),
                round(score, 4),
                group.moved,
                method,
                edits,
            )
        )
    return tuple(units)
