"""Two versions of a story -> an :class:`Alignment` of their sentences.

How it works (every step is deterministic and mirrors when ``a`` and ``b`` swap):

1. **Scores** (:mod:`similarity`). Each sentence becomes a set of content-word keys; an
   inverted index proposes the pairs worth scoring (a bounded number per sentence) and
   each gets a fused word and character score. Identical sentences score 1.
2. **Headlines.** The leading lines without a sentence end (a headline, a kicker) pair
   only with their kind: a headline never pairs with a body sentence.
3. **Order-aware core** (:mod:`chain`). Of the pairs at or above ``threshold`` (or a
   little below it, by ``mutual_allowance``, when each sentence is the other's best
   candidate), each sentence keeping its three heaviest (a template repeated a hundred
   times gives no more work per sentence than a story), the heaviest set that keeps
   both versions' order is kept. Pairs off that chain come in as ``moved`` only on
   strong evidence (``move_threshold``). A pair the core makes needs two shared
   content words (identical sentences apart), and a mark (a sentence without a letter
   or digit, a stray quote mark) keeps its copy only where a neighbouring pair vouches.
4. **Anchors.** The start of both texts is an anchor: the two leads pair at the lower
   ``context_threshold``, as does a lone sentence on each side between two kept pairs
   (method ``gap``); either needs two shared content words. A wider gap is left alone:
   pairing leftovers by position was the old aligner's main source of false links.
5. **Merges and splits.** An unpaired sentence next to a unit joins it when enough of
   its weight is found across (``join_threshold``) *and* joining raises the unit's
   fused score (words and characters of each side read as one text), or when its
   content words, matched by stem (:mod:`splits`: inflections, compound heads), are
   held by the unit's one sentence across (``split_threshold``), more than by that
   sentence's neighbours, and bring the unit words of it it lacked. One sentence
   facing a short run of unpaired sentences between two kept pairs is a split (or a
   merge) when the run, read as one text, scores ``context_threshold`` with it.
6. **Restatements** (:mod:`restate`). Links beside the units: a leftover line (a dek,
   caption, pull quote, embedded post) to the body sentences it restates, a leftover
   sentence to a strong partner that is paired already, and strong pairs across two
   units (n:m regroupings). None repeats a unit's link.
7. Whatever is left is ``added`` (only in ``b``) or ``dropped`` (only in ``a``).

Each unit records its ``method`` and score, and carries the word diff of its sentences.
"""

from __future__ import annotations

import itertools
import re
import zlib
from collections import defaultdict
from dataclasses import dataclass, field

from ..model import Alignment, Restatement, Unit
from ..options import ALIGNMENT, Options, resolve
from ..reading.furniture import caption_prefix, has_photo_credit
from .chain import bounded, bounded_arrays, heaviest_chain
from .extras import extras_of, link_extras
from .restate import Thresholds, find_restatements
from .similarity import (
    Scorer,
    Version,
    collection_paused,
    fold,
    sentence_keys,
    sentence_texts,
    similarity_matrix,
)
from .splits import held_share, joined_compounds
from .worddiff import word_diff

__all__ = ["align", "sentence_keys", "similarity_matrix", "Version"]

# a sentence end: a stop, perhaps inside closing quotes or brackets
_END = re.compile(r"[.!?\u2026:;][\"'\u201d\u2019\u00bb)\]]*\s*$")
_WORDY = re.compile(r"[^\W_]")  # a letter or digit: what a sentence needs to be evidence
_INNER_END = re.compile(r"[a-z0-9][.!?] +[A-Z]")
_HEADLINE_RUN = 3  # at most this many leading lines are taken for a headline and kickers
_HEADLINE_WORDS = 16  # a longer line without a stop is a caption or a standfirst
_GAP_RUN = 4
_ALIKE = 1e-9  # scores closer than this are equal (then the texts decide)
# each sentence keeps at most this many of the pairs the core weighs (its heaviest): see
# :func:`_weighed`
_STRONG_MOST = 3


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


@dataclass
class _Pair:
    """Everything the steps share about one version pair."""

    a_texts: tuple[str, ...]
    b_texts: tuple[str, ...]
    options: Options
    a_folded: list[str] = field(init=False)
    b_folded: list[str] = field(init=False)
    scorer: Scorer = field(init=False)
    a_heads: frozenset[int] = field(init=False)
    b_heads: frozenset[int] = field(init=False)
    a_captions: frozenset[int] = field(init=False)
    b_captions: frozenset[int] = field(init=False)

    def __post_init__(self) -> None:
        self.a_folded = [fold(joined_compounds(t)) for t in self.a_texts]
        self.b_folded = [fold(joined_compounds(t)) for t in self.b_texts]
        self.scorer = Scorer(
            [sentence_keys(t) for t in self.a_folded],
            [sentence_keys(t) for t in self.b_folded],
            self.a_folded,
            self.b_folded,
            smoothing=self.options.smoothing,
            blend=self.options.blend,
        )
        # a text's checksum: equal scores are ordered by the texts, whichever side is a
        self.a_crc = [zlib.crc32(t.encode()) for t in self.a_folded]
        self.b_crc = [zlib.crc32(t.encode()) for t in self.b_folded]
        self.a_heads = headlines(self.a_texts)
        self.b_heads = headlines(self.b_texts)
        self.a_captions = captions(self.a_texts) - self.a_heads
        self.b_captions = captions(self.b_texts) - self.b_heads
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


@collection_paused
def align(
    a: Version,
    b: Version,
    *,
    options: Options | None = None,
    diffs: bool = True,
    lines: bool = False,
    a_name: str | None = None,
    b_name: str | None = None,
    **overrides: float,
) -> Alignment:
    """Align the sentences of two versions of a story.

    ``a`` and ``b`` are each an :class:`Article`, a text (split into sentences here) or a
    list of sentences (used as given). ``options`` (an :class:`Options`, plus keyword
    overrides such as ``threshold=0.4``) sets the alignment numbers; ``diffs=False``
    skips the word diffs. ``lines=True`` also aligns an Article's title, dek and
    captions (numbered after its body sentences; ``Alignment.a_kinds`` says which is
    which): titles pair only with titles, deks and captions with their like and by
    restatement links with the body sentences they restate (:mod:`extras`).
    ``a_name``/``b_name`` label the versions (default: the articles' outlets, else "a"
    and "b").

    >>> alignment = align(["Russia welcomed the talks.", "Wagner fighters joined."],
    ...                   ["Wagner fighters joined.", "Russia on Friday welcomed the talks."])
    >>> [(u.a, u.b, u.status, u.moved) for u in alignment.units]
    [((1,), (0,), 'same', False), ((0,), (1,), 'reworded', True)]
    """
    options = resolve(options, **overrides)
    a_texts, default_a = sentence_texts(a, "a")
    b_texts, default_b = sentence_texts(b, "b")
    pair = _Pair(a_texts, b_texts, options)
    scores, neighbours = _scores(pair)
    groups, left_out = _core(pair, scores)
    a_group: dict[int, _Group] = {i: g for g in groups for i in g.a}
    b_group: dict[int, _Group] = {j: g for g in groups for j in g.b}
    _fill_gaps(pair, groups, a_group, b_group)
    _join_neighbours(pair, a_group, b_group)
    numbers = {id(g): n for n, g in enumerate(groups)}
    apart = neighbours | left_out if left_out else neighbours
    restatements = find_restatements(
        pair.scorer,
        {k: v for k, v in scores.items() if k not in apart} if apart else scores,
        a_unit={i: numbers[id(g)] for i, g in a_group.items()},
        b_unit={j: numbers[id(g)] for j, g in b_group.items()},
        a_heads=pair.a_heads,
        b_heads=pair.b_heads,
        thresholds=Thresholds(
            holds=options.restate_threshold,
            leftover=options.second_threshold,
            cross=options.cross_threshold,
        ),
    )
    units = _units(pair, groups, a_group, b_group, diffs)
    a_extra, b_extra = (extras_of(a), extras_of(b)) if lines else ((), ())
    a_kinds: tuple[str, ...] = ()
    b_kinds: tuple[str, ...] = ()
    if a_extra or b_extra:
        a_kinds = ("body",) * len(a_texts) + tuple(e.kind for e in a_extra)
        b_kinds = ("body",) * len(b_texts) + tuple(e.kind for e in b_extra)
        a_texts = a_texts + tuple(e.text for e in a_extra)
        b_texts = b_texts + tuple(e.text for e in b_extra)
        found = link_extras(
            a_texts,
            b_texts,
            a_kinds,
            b_kinds,
            pair_threshold=options.threshold,
            title_threshold=options.context_threshold,
            thresholds=Thresholds(
                holds=options.restate_threshold,
                leftover=options.second_threshold,
                cross=options.cross_threshold,
            ),
            smoothing=options.smoothing,
            blend=options.blend,
        )
        units = _with_extra_units(
            units,
            found.pairs,
            a_texts,
            b_texts,
            a_kinds,
            b_kinds,
            len(pair.a_texts),
            len(pair.b_texts),
            diffs,
        )
        restatements = sorted(
            [*restatements, *found.restatements], key=lambda link: (link.b, link.a)
        )
    return Alignment(
        a_texts,
        b_texts,
        units,
        a_name=a_name or default_a,
        b_name=b_name or default_b,
        options=tuple((name, getattr(options, name)) for name in ALIGNMENT),
        # positional, from the links' unpacked fields: thousands at length
        restatements=tuple(
            [
                Restatement(a_index, b_index, by, round(min(score, 1.0), 4), method)  # type: ignore[arg-type]
                for a_index, b_index, by, score, method in restatements
            ]
        ),
        a_kinds=a_kinds,
        b_kinds=b_kinds,
    )


def _with_extra_units(
    body_units, pairs, a_texts, b_texts, a_kinds, b_kinds, a_body, b_body, diffs
) -> tuple[Unit, ...]:
    """The body's units, then the title, dek and caption units (their indices follow the
    body's, so the units stay ordered by position in ``b``)."""
    rows: list[tuple[tuple[float, float], int | None, int | None, float]] = []
    paired_a = {i: (j, score) for i, j, score in pairs}
    paired_b = {j for _, j, _ in pairs}
    for i, (j, score) in paired_a.items():
        rows.append(((j, i), i, j, score))
    for j in range(b_body, len(b_texts)):
        if j not in paired_b:
            rows.append(((j, -1.0), None, j, 0.0))
    last_b = b_body - 0.5
    for i in range(a_body, len(a_texts)):
        if i in paired_a:
            last_b = paired_a[i][0] + 0.5
        else:
            rows.append(((last_b, i), i, None, 0.0))
    rows.sort(key=lambda row: row[0])
    units = list(body_units)
    for number, (_, i, j, score) in enumerate(rows, start=len(body_units)):
        if i is None or j is None:
            status = "dropped" if j is None else "added"
            side_a = (i,) if i is not None else ()
            side_b = (j,) if j is not None else ()
            units.append(Unit(number, status, side_a, side_b, 0.0, False, "unmatched"))
            continue
        same = fold(a_texts[i]) == fold(b_texts[j])
        edits = word_diff(a_texts[i], b_texts[j]) if diffs else ()
        units.append(
            Unit(
                number,
                "same" if same else "reworded",
                (i,),
                (j,),
                1.0 if same else round(score, 4),
                False,
                "identical" if same else a_kinds[i] if a_kinds[i] == b_kinds[j] else "line",
                edits,
            )
        )
    return tuple(units)


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


def _units(pair: _Pair, groups, a_group, b_group, diffs: bool) -> tuple[Unit, ...]:
    """Order groups by position in b (then a) and turn them into units."""
    rows: list[tuple[tuple[float, float], _Group | None, int | None, int | None]] = []
    for group in groups:
        rows.append(((min(group.b), min(group.a)), group, None, None))
    for j in range(len(pair.b_texts)):
        if j not in b_group:
            rows.append(((j, -1.0), None, None, j))
    # a dropped sentence sits just after the b position of the nearest in-order a before it
    last_b = -0.5
    for i in range(len(pair.a_texts)):
        group = a_group.get(i)
        if group is not None:
            if not group.moved:
                last_b = max(group.b) + 0.5
        else:
            rows.append(((last_b, float(i)), None, i, None))
    rows.sort(key=lambda row: row[0])
    return tuple(
        _unit(pair, number, group, a_index, b_index, diffs)
        for number, (_, group, a_index, b_index) in enumerate(rows)
    )


def _unit(pair: _Pair, number: int, group, a_index, b_index, diffs: bool) -> Unit:
    if group is None:
        status = "dropped" if a_index is not None else "added"
        a_side = (a_index,) if a_index is not None else ()
        b_side = (b_index,) if b_index is not None else ()
        return Unit(number, status, a_side, b_side, 0.0, False, "unmatched")
    scorer = pair.scorer
    if len(group.a) > 1 or len(group.b) > 1:
        status = "split" if len(group.b) > len(group.a) else "merged"
        score = scorer.dice(
            frozenset().union(*(scorer.a_keys[i] for i in group.a)),
            frozenset().union(*(scorer.b_keys[j] for j in group.b)),
        )
    else:
        same = pair.a_folded[group.a[0]] == pair.b_folded[group.b[0]]
        status = "same" if same else "reworded"
        score = 1.0 if same else min(group.score, 0.999)
    edits = ()
    if diffs:
        a_join = " ".join(pair.a_texts[i] for i in group.a)
        b_join = " ".join(pair.b_texts[j] for j in group.b)
        edits = word_diff(a_join, b_join)
    method = "identical" if status == "same" else group.method
    return Unit(
        number, status, tuple(group.a), tuple(group.b), round(score, 4), group.moved, method, edits
    )
