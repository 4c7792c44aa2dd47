"""The core's pairs -> more pairs beside them: leads, gaps, merges and splits.

The steps that build on the pairs the core kept (steps 4 and 5 of :mod:`aligner`): the
leads and lone sentences between two kept pairs (anchors), a short run facing one
sentence in a gap, and unpaired sentences joining a neighbouring unit. Apart from the
core (:mod:`pairing`) because each step here is vouched for by pairs already made.
"""

from __future__ import annotations

from .pair import _Group, _Pair
from .similarity import Scorer
from .splits import held_share

_GAP_RUN = 4
_ALIKE = 1e-9  # scores closer than this are equal (then the texts decide)


def _fill_gaps(pair: _Pair, groups, a_group, b_group) -> None:
    """Pair the leads, and a lone sentence on each side between two kept pairs.

    The start of both texts and two surrounding pairs vouch for a pair the scores alone
    would not make, so it needs only ``context_threshold`` (and two shared words when
    both sentences have three or more).

    Not adopted (DEplain units default / preset 2-fold CV before the core asked two
    shared words; news-dev unchanged by each): the end of both texts as an anchor too
    (the last sentences of the last gap): 67.8 / 69.9 against 67.8 / 69.9 (two more
    wrong units). Against 67.8 / 70.0 (69.96, with the mark rule): in a gap of at most
    8 sentences a side, seeding for the join mutual best partners of the gap sharing
    two words of which one holds 0.75 of the other's stems: 67.9 / 70.0 (cap 4: 67.8 /
    70.0; 16: 67.8 / 69.9; 40: 67.7 / 69.7; holding 0.5 / 0.6 / 0.9: 70.0 / 69.9 /
    70.0): noise. Of the unpaired runs in the gaps DEplain leaves, under one in ten
    that score 0.3 with a sentence (read as one text) is a gold split.
    """
    low = pair.options.context_threshold
    anchors = sorted((g for g in groups if not g.moved), key=lambda g: min(g.a))
    bounds = [(-1, -1), *((max(g.a), max(g.b)) for g in anchors)]
    ends = [*((min(g.a), min(g.b)) for g in anchors), (len(pair.a_texts), len(pair.b_texts))]
    for number, ((a_from, b_from), (a_to, b_to)) in enumerate(zip(bounds, ends, strict=True)):
        gap_a = [i for i in range(a_from + 1, a_to) if i not in a_group and i not in pair.a_lines]
        gap_b = [j for j in range(b_from + 1, b_to) if j not in b_group and j not in pair.b_lines]
        if not gap_a or not gap_b:
            continue
        lead = (
            number == 0
            and gap_a[0] == _first_body(pair.a_lines, len(pair.a_texts))
            and gap_b[0] == _first_body(pair.b_lines, len(pair.b_texts))
        )
        if not lead and (len(gap_a) > 1 or len(gap_b) > 1):
            if number > 0:
                _fill_split_gap(pair, groups, a_group, b_group, gap_a, gap_b, low)
            continue
        i, j = gap_a[0], gap_b[0]
        score = pair.scorer.pair(i, j)
        if score >= low and not pair.scorer.by_chance(i, j):
            group = _Group([i], [j], min(score, 0.999), "lead" if lead else "gap")
            groups.append(group)
            a_group[i], b_group[j] = group, group


def _fill_split_gap(pair: _Pair, groups, a_group, b_group, gap_a, gap_b, low) -> None:
    """One sentence facing a short run of sentences between two kept pairs: a split
    (or merge) when the run, read as one text, scores ``context_threshold`` with it."""
    if min(len(gap_a), len(gap_b)) != 1 or max(len(gap_a), len(gap_b)) > _GAP_RUN:
        return
    if gap_a[-1] - gap_a[0] + 1 != len(gap_a) or gap_b[-1] - gap_b[0] + 1 != len(gap_b):
        return
    score = pair.scorer.group(gap_a, gap_b)
    if score >= low:
        group = _Group(list(gap_a), list(gap_b), min(score, 0.999), "gap")
        groups.append(group)
        a_group.update(dict.fromkeys(gap_a, group))
        b_group.update(dict.fromkeys(gap_b, group))


def _first_body(lines: frozenset[int], count: int) -> int:
    """The first sentence that is no headline or caption (the lead, when nothing pairs it)."""
    return next((k for k in range(count) if k not in lines), count)


def _join_neighbours(pair: _Pair, a_group, b_group) -> None:
    """Attach unpaired sentences to an adjacent unit when that makes the unit better.

    A sentence joins when most of its weight is found across (``join_threshold``) and the
    unit's weighted Dice rises with it. Offers from both sides are ranked together, so
    swapping ``a`` and ``b`` mirrors the result (a merge becomes a split). The share is
    of the words the unit lacks; a sentence bringing none (a piece repeating a word its
    neighbour brought) is weighed on all its words: DEplain exact units 67.4 -> 67.7,
    preset 2-fold CV 69.7 -> 69.9, news-dev unchanged.

    A round takes at most one sentence into each unit, and an offer not taken lost its
    sentence or its unit (which grew) to a better one: the next round looks again only
    beside the units that grew. Looking at every sentence each round made the work
    grow with the rounds (two at 1,000 synthetic sentences, one at 250).
    """
    sides = (
        ("a", len(pair.a_texts), a_group, pair.a_lines),
        ("b", len(pair.b_texts), b_group, pair.b_lines),
    )
    grown: list[_Group] | None = None  # the units that grew last round (None: every unit)
    while True:
        offers = []
        for side, count, own, lines in sides:
            wanted = None if grown is None else {id(g): g for g in grown}
            for index in range(count) if grown is None else _beside(grown, side, count):
                if index in own or index in lines:
                    continue
                neighbours = {
                    id(g): g
                    for g in (own.get(index - 1), own.get(index + 1))
                    if g and (wanted is None or id(g) in wanted)
                }
                for group in neighbours.values():
                    offer = _offer(pair, side, index, group)
                    if offer is not None:
                        offers.append(offer)
        if not offers:
            return
        offers.sort(key=lambda offer: offer[:2])
        joined: dict[int, _Group] = {}
        for _, _, side, index, group in offers:
            own = a_group if side == "a" else b_group
            if index in own or id(group) in joined:
                continue
            group.attach(side, index)
            own[index] = group
            joined[id(group)] = group
        grown = list(joined.values())


def _beside(groups: list[_Group], side: str, count: int) -> list[int]:
    """The sentences of ``side`` next to a member of one of ``groups``, in order."""
    members = (k for g in groups for k in (g.a if side == "a" else g.b))
    return sorted({k for m in members for k in (m - 1, m + 1) if 0 <= k < count})


def _offer(pair: _Pair, side: str, index: int, group: _Group):  # noqa: ANN202
    """``(-gain, tiebreak, side, index, group)`` when unpaired ``index`` may join the
    neighbouring ``group`` (see :func:`_join_neighbours`), else None."""
    scorer = pair.scorer
    own_keys, other_keys = (
        (scorer.a_keys, scorer.b_keys) if side == "a" else (scorer.b_keys, scorer.a_keys)
    )
    lines = pair.a_lines if side == "a" else pair.b_lines
    members, across = (group.a, group.b) if side == "a" else (group.b, group.a)
    if len(across) > 1:  # a merge does not also split: n:n has no direction
        return None
    if members[0] in lines:  # a headline's or caption's unit takes none
        return None
    whole = frozenset().union(*(other_keys[k] for k in across))
    mine = frozenset().union(*(own_keys[k] for k in members))
    new = own_keys[index] - mine
    share = scorer.containment(new or own_keys[index], whole)
    share_needed = pair.options.join_threshold
    gain = _gain(scorer, side, index, members, across) if share >= share_needed else 0.0
    if not (gain > _ALIKE or _split_part(pair, side, index, members, across)):
        return None
    if share < share_needed:
        gain = _gain(scorer, side, index, members, across)
    ends = (index, across[0]) if side == "a" else (across[0], index)
    return (-round(gain, 9), pair.tiebreak(*ends), side, index, group)


def _gain(scorer: Scorer, side: str, index: int, members, across) -> float:
    """How much the unit's fused score rises when ``index`` joins its ``side``."""
    grown = sorted([*members, index])
    if side == "a":
        return scorer.group(grown, across) - scorer.group(members, across)
    return scorer.group(across, grown) - scorer.group(across, members)


def _split_part(pair: _Pair, side: str, index: int, members, across) -> bool:
    """Whether ``index`` is one more piece of a split (or merge) of the one sentence across.

    Most of its content words, matched by stem (:func:`splits.held_share`), are found in
    that sentence (``split_threshold``), more than in either neighbour of it, and it
    brings the unit words of that sentence the unit did not hold yet.

    Measured (news-dev all / body / end to end, DEplain exact units): 90.4 / 93.0 / 89.8
    / 66.4 without it, 90.7 / 93.4 / 90.2 / 67.2 at 0.25 (DEplain splits found 133 ->
    152, merges 22 -> 29), 90.8 / 93.5 / 90.0 / 67.2 at 0.20, 90.5 / 93.1 / 89.9 / 67.2
    at 0.30. Most pieces a split leaves unpaired share no stem with the long sentence
    at all (half of them in DEplain), so no containment reaches them.

    Position is no better evidence (measured before the core asked two shared words;
    news-dev all / body, DEplain units default / preset 2-fold CV, against 90.7 / 93.4
    / 67.8 / 69.9): a unit's members are always neighbours, so no unpaired sentence
    ever sits between two pieces; a sentence beside a split of two or more pieces,
    before the pair that follows the split's sentence across, joining when it holds
    0.1 of its stems: 90.6 / 93.3 / 67.8 / 69.8 (0.0: 90.5 / 93.1 / 67.5 / 69.5; beside
    a 1:1 unit too: 89.3 / 92.1 / 65.9 / 67.7); a piece of a split joining without
    bringing new words when it holds 0.2: 90.7 / 93.3 / 67.3 / 69.1; a neighbour that
    scores ``context_threshold`` with the sentence across, above its other neighbours:
    90.4 / 92.3 / 67.3 / 69.4; n:m units (a merge also splitting, on gain alone): 67.8
    / 69.9, two n:m units found for two splits lost. Of the unpaired sentences beside
    a unit, at most one in three belongs with it in the gold, whatever the share held.
    """
    x = across[0]
    own, other = (pair.a_folded, pair.b_folded) if side == "a" else (pair.b_folded, pair.a_folded)
    weight = pair.scorer.weight
    held = held_share(own[index], other[x], weight)
    if held < pair.options.split_threshold:
        return False
    for y in (x - 1, x + 1):
        if 0 <= y < len(other) and held_share(own[index], other[y], weight) >= held:
            return False
    joined = " ".join(own[k] for k in members)
    return (
        held_share(other[x], joined + " " + own[index], weight)
        > held_share(other[x], joined, weight) + _ALIKE
    )
