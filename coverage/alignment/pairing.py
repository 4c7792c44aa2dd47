"""Candidate scores -> the core's pairs: identical copies, the order-keeping chain, moves.

The steps that decide which sentence pairs the aligner makes from the scores alone
(steps 1 and 3 of :mod:`aligner`): the candidate scores with identical copies, the
eligible pairs weighed and capped, mutual best partners a little below the threshold,
the two-shared-words rule and the marks no neighbour vouches for. Apart from the gaps
and joins (:mod:`joins`) that build on the pairs they keep.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict

from .chain import bounded, bounded_arrays, heaviest_chain
from .pair import _Group, _Pair

_WORDY = re.compile(r"[^\W_]")  # a letter or digit: what a sentence needs to be evidence
# each sentence keeps at most this many of the pairs the core weighs (its heaviest): see
# :func:`_weighed`
_STRONG_MOST = 3


def _scores(pair: _Pair) -> tuple[dict[tuple[int, int], float], set[tuple[int, int]]]:
    """Candidate pairs' scores; identical sentences score 1, the k-th copy with the k-th.

    Copies of one sentence pair only with the copies of the same rank and its two
    neighbours: aligning thousands of identical sentences stays linear. The neighbours
    (returned apart) only let the core shift by one; they are no restatements.
    """
    scores = pair.scorer.candidates(per_sentence=pair.options.candidates)
    neighbours: set[tuple[int, int]] = set()
    a_copies: dict[str, list[int]] = defaultdict(list)
    b_copies: dict[str, list[int]] = defaultdict(list)
    for i, text in enumerate(pair.a_folded):
        a_copies[text].append(i)
    for j, text in enumerate(pair.b_folded):
        b_copies[text].append(j)
    for text, a_list in a_copies.items():
        b_list = b_copies.get(text)
        if not b_list:
            continue
        for rank, i in enumerate(a_list):
            for other in range(max(0, rank - 1), min(len(b_list), rank + 2)):
                scores[i, b_list[other]] = 1.0
                if other != rank:
                    neighbours.add((i, b_list[other]))
    return scores, neighbours


def _core(
    pair: _Pair, scores: dict[tuple[int, int], float]
) -> tuple[list[_Group], set[tuple[int, int]]]:
    """The heaviest order-keeping set of pairs, then strong out-of-order pairs as moves;
    and the pairs :func:`_weighed` left out (no restatement links either)."""
    move = pair.options.move_threshold
    eligible, weighted, left_out = _weighed(pair, _on_two_words(pair, scores))
    kept = heaviest_chain(weighted)
    groups = [_Group([eligible[p][0]], [eligible[p][1]], eligible[p][2], "similar") for p in kept]
    used_a = {g.a[0] for g in groups}
    used_b = {g.b[0] for g in groups}
    rest = sorted(
        (
            p
            for p in range(len(eligible))
            if eligible[p][2] >= move
            and eligible[p][0] not in used_a
            and eligible[p][1] not in used_b
        ),
        key=lambda p: (-weighted[p][2], pair.tiebreak(eligible[p][0], eligible[p][1])),
    )
    for p in rest:
        i, j, score = eligible[p]
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        groups.append(_Group([i], [j], score, "similar", moved=True))
    stray = _stray_marks(pair, groups)
    if stray:
        groups = [g for g in groups if (g.a[0], g.b[0]) not in stray]
        left_out = left_out | stray
    return groups, left_out


def _on_two_words(
    pair: _Pair, scores: dict[tuple[int, int], float]
) -> dict[tuple[int, int], float]:
    """The candidate scores the core weighs: without the pairs that rest on one shared
    content word (identical sentences apart).

    One shared word is chance, however short the sentences: the score then says how
    alike two short lines look (a character score, a heavy rare word), not that one
    tells the other. Long sentences sharing one word are already scored on words alone
    (:meth:`Scorer.by_chance`); this takes the rest out of the core, where they would
    pair on their own or as mutual best partners. The gap and lead steps may still pair
    them: there two kept pairs or the start of both texts vouch for them. Only pairs
    that could be weighed (at ``threshold`` less ``mutual_allowance``) are looked at.

    DEplain exact units 67.8 -> 68.3 (wrong units 517 -> 460, right 1,667 -> 1,655),
    the preset's 2-fold CV 70.0 -> 70.2; news-dev all / body / end to end unchanged
    (no such pair reaches its core). Asking two shared words of the gap and lead steps
    too: DEplain 68.3, CV 70.1 (not done).
    """
    low = pair.options.threshold - pair.options.mutual_allowance
    a_keys, b_keys = pair.scorer.a_keys, pair.scorer.b_keys
    lone = [
        (i, j)
        for (i, j), score in scores.items()
        if low <= score < 1.0 and len(a_keys[i] & b_keys[j]) < 2
    ]
    if not lone:
        return scores
    kept = dict(scores)
    for ends in lone:
        del kept[ends]
    return kept


def _stray_marks(pair: _Pair, groups: list[_Group]) -> set[tuple[int, int]]:
    """The pairs of two marks (sentences without a letter or digit: a stray quote mark or
    full stop a splitter left) that no neighbouring pair vouches for.

    A mark carries no evidence of its own: its copy across is as likely any other
    copy. It stays paired when the sentences before (or after) it on both sides are
    paired with each other, or at the start or end of both texts, so a text aligned
    with itself still pairs every mark. DEplain: 4 of the preset's wrong units were
    marks paired among unpaired neighbours (two of them ``.`` paired as moved): exact
    units 67.8 -> 67.8 (wrong units 521 -> 517), preset 2-fold CV 69.9 -> 70.0.
    """
    a_marks = {i for i, text in enumerate(pair.a_texts) if not _WORDY.search(text)}
    b_marks = {j for j, text in enumerate(pair.b_texts) if not _WORDY.search(text)}
    if not a_marks or not b_marks:
        return set()
    marks = {(g.a[0], g.b[0]) for g in groups if g.a[0] in a_marks and g.b[0] in b_marks}
    if not marks:
        return set()
    in_order = {(g.a[0], g.b[0]) for g in groups if not g.moved}
    waiting = sorted(in_order & marks)
    kept = in_order - marks
    # a run of marks is vouched for from its start or its end: one pass each way
    kept.add((-1, -1))
    for i, j in waiting:
        if (i - 1, j - 1) in kept:
            kept.add((i, j))
    kept.add((len(pair.a_texts), len(pair.b_texts)))
    for i, j in reversed(waiting):
        if (i + 1, j + 1) in kept:
            kept.add((i, j))
    return marks - kept


def _weighed(pair: _Pair, scores: dict[tuple[int, int], float]):  # noqa: ANN202
    """The pairs the chain weighs, as ``(i, j, score)`` and ``(i, j, weight)``, and the
    pairs left out past the cap, as ``(i, j)``.

    Eligible are the pairs at ``threshold`` or mutual best partners a little below it
    (:func:`_mutual_best`), of matching kinds. Of those, each sentence keeps its
    ``_STRONG_MOST`` heaviest, and a pair stays when either sentence keeps it
    (:func:`chain.bounded`). A sentence with many partners at the threshold is a template
    repeated with small changes (a list of district results, a boilerplate line): past
    its best few, more partners are no evidence of where it belongs, only work that
    grows with the text (on the near-twins synthetic text, 3.1 such pairs a sentence at
    250 sentences, 8.8 at 2,000, and restatement links 1.35 and 7.86). Measured against
    no cap: news-dev (all, strong, body, halves, end to end) unchanged, as are the
    sample's alignments; DEplain exact units 67.4 -> 67.5, links 57.5 unchanged (after
    the neighbour join's fix: 67.7 -> 67.8, links 57.7, preset unchanged); the
    synthetic texts' link precision and recall unchanged. Keeping 4: DEplain units 67.4.
    Keeping only pairs among the 4 heaviest of *both* sentences (at most 4 a sentence):
    DEplain units 67.6 but links 57.4, synthetic recall 1.000 -> 0.997 at 1,000
    sentences. A greedy cap (heaviest pairs first, each while both sentences have room):
    the same scores as that, at twice the cost.

    Long versions (when the scorer worked on arrays) are worked through on arrays: the
    same pairs, weights (the same IEEE operations) and order.
    """
    if pair.scorer.numbered is not None and scores:
        return _weighed_arrays(pair, scores)
    threshold = pair.options.threshold
    mutual = _mutual_best(pair, scores)
    if pair.a_lines or pair.b_lines:
        eligible = [
            (i, j, score)
            for (i, j), score in scores.items()
            if (score >= threshold or (i, j) in mutual) and pair.kind_matches(i, j)
        ]
    else:  # no headline or caption: every kind matches
        eligible = [
            (i, j, score)
            for (i, j), score in scores.items()
            if score >= threshold or (i, j) in mutual
        ]
    weighted = pair.weights(eligible)
    left = bounded(weighted, _STRONG_MOST)
    if not left:
        return eligible, weighted, set()
    gone = set(left)
    kept = [p for p in range(len(eligible)) if p not in gone]
    return (
        [eligible[p] for p in kept],
        [weighted[p] for p in kept],
        {eligible[p][:2] for p in left},
    )


def _weighed_arrays(pair: _Pair, scores: dict[tuple[int, int], float]):  # noqa: ANN202
    """:func:`_weighed` on arrays (numpy is loaded: the scorer used it)."""
    import numpy as np

    size, a_count, b_count = len(scores), len(pair.a_texts), len(pair.b_texts)
    ij = np.fromiter(itertools.chain.from_iterable(scores), dtype=np.int64, count=2 * size)
    i, j = ij[0::2], ij[1::2]
    score = np.fromiter(scores.values(), dtype=np.float64, count=size)
    eligible = score >= pair.options.threshold
    mutual = _mutual_best(pair, scores)
    if mutual:
        wanted = np.fromiter(
            (x * b_count + y for x, y in mutual), dtype=np.int64, count=len(mutual)
        )
        eligible |= np.isin(i * b_count + j, wanted)
    if pair.a_lines or pair.b_lines:
        eligible &= (
            _kinds(pair.a_heads, pair.a_captions, a_count)[i]
            == _kinds(pair.b_heads, pair.b_captions, b_count)[j]
        )
    at = np.flatnonzero(eligible)
    i, j, score = i[at], j[at], score[at]
    a_crc = np.array(pair.a_crc, dtype=np.int64)
    b_crc = np.array(pair.b_crc, dtype=np.int64)
    # :meth:`_Pair.weights`, operation by operation
    weight = (
        score - 1e-4 * np.abs(i / a_count - j / b_count) + 1e-7 * ((a_crc[i] ^ b_crc[j]) / 2**32)
    )
    keep = bounded_arrays(i, j, weight, _STRONG_MOST)
    left = np.flatnonzero(~keep)
    if len(left):
        left_out = set(zip(i[left].tolist(), j[left].tolist(), strict=True))
        at = np.flatnonzero(keep)
        i, j, score, weight = i[at], j[at], score[at], weight[at]
    else:
        left_out = set()
    i_list, j_list = i.tolist(), j.tolist()
    return (
        list(zip(i_list, j_list, score.tolist(), strict=True)),
        list(zip(i_list, j_list, weight.tolist(), strict=True)),
        left_out,
    )


def _kinds(heads: frozenset[int], captions: frozenset[int], count: int):  # noqa: ANN202
    """Each sentence's kind as a number: 0 body, 1 headline, 2 caption."""
    import numpy as np

    kinds = np.zeros(count, dtype=np.int64)
    kinds[sorted(heads)] = 1
    kinds[sorted(captions)] = 2
    return kinds


def _mutual_best(pair: _Pair, scores: dict[tuple[int, int], float]) -> set[tuple[int, int]]:
    """Pairs a little below ``threshold`` (by ``mutual_allowance`` at most) whose two
    sentences are each other's best candidate (and share two words): a preference both
    ways is evidence the score alone does not carry (competitive linking). News-dev all links 89.6 -> 90.4,
    body 92.2 -> 93.0, end to end 89.1 -> 89.8, half A 90.6 -> 90.6, half B 89.0 -> 90.3;
    DEplain links 56.2 -> 56.6 but exact units 66.6 -> 66.4 (a plain-language split's
    best pair is one piece of it). Allowances 0.05 / 0.03 / 0.01: all links 90.0 / 90.2
    / 90.3, DEplain units 66.1 / 66.2 / 66.5."""
    low = pair.options.threshold - pair.options.mutual_allowance
    if low >= pair.options.threshold:
        return set()
    best_a: dict[int, float] = {}
    best_b: dict[int, float] = {}
    for (i, j), score in scores.items():
        if score > best_a.get(i, -1.0):
            best_a[i] = score
        if score > best_b.get(j, -1.0):
            best_b[j] = score
    return {
        (i, j)
        for (i, j), score in scores.items()
        if low <= score < pair.options.threshold
        and score == best_a[i] == best_b[j]
        and not pair.scorer.by_chance(i, j)
    }
