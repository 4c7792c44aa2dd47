"""Two versions of a story -> an :class:`Alignment` of their sentences.

How it works (every step is deterministic and mirrors when ``a`` and ``b`` swap):

1. **Scores** (:mod:`similarity`). Each sentence becomes a set of content-word keys; an
   inverted index proposes the pairs worth scoring (a bounded number per sentence) and
   each gets a fused word and character score. Identical sentences score 1.
2. **Headlines** (:mod:`pair`). The leading lines without a sentence end (a headline, a
   kicker) pair only with their kind: a headline never pairs with a body sentence.
3. **Order-aware core** (:mod:`pairing`, :mod:`chain`). Of the pairs at or above
   ``threshold`` (or a little below it, by ``mutual_allowance``, when each sentence is
   the other's best candidate), each sentence keeping its three heaviest (a template
   repeated a hundred times gives no more work per sentence than a story), the heaviest
   set that keeps both versions' order is kept. Pairs off that chain come in as
   ``moved`` only on strong evidence (``move_threshold``). A pair the core makes needs
   two shared content words (identical sentences apart), and a mark (a sentence without
   a letter or digit, a stray quote mark) keeps its copy only where a neighbouring pair
   vouches.
4. **Anchors** (:mod:`joins`). The start of both texts is an anchor: the two leads pair
   at the lower ``context_threshold``, as does a lone sentence on each side between two
   kept pairs (method ``gap``); either needs two shared content words. A wider gap is
   left alone: pairing leftovers by position was the old aligner's main source of false
   links.
5. **Merges and splits** (:mod:`joins`). An unpaired sentence next to a unit joins it
   when enough of its weight is found across (``join_threshold``) *and* joining raises
   the unit's fused score (words and characters of each side read as one text), or when
   its content words, matched by stem (:mod:`splits`: inflections, compound heads), are
   held by the unit's one sentence across (``split_threshold``), more than by that
   sentence's neighbours, and bring the unit words of it it lacked. One sentence facing
   a short run of unpaired sentences between two kept pairs is a split (or a merge) when
   the run, read as one text, scores ``context_threshold`` with it.
6. **Restatements** (:mod:`restate`). Links beside the units: a leftover line (a dek,
   caption, pull quote, embedded post) to the body sentences it restates, a leftover
   sentence to a strong partner that is paired already, and strong pairs across two
   units (n:m regroupings). None repeats a unit's link.
7. Whatever is left is ``added`` (only in ``b``) or ``dropped`` (only in ``a``).

Each unit records its ``method`` and score, and carries the word diff of its sentences.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Alignment, Restatement, Unit
from ..options import ALIGNMENT, Options, resolve
from .extras import extras_of, link_extras
from .joins import _fill_gaps, _join_neighbours
from .pair import _Group, _Pair
from .pairing import _core, _scores
from .restate import Link, Thresholds, find_restatements
from .similarity import (
    Version,
    collection_paused,
    fold,
    sentence_keys,
    sentence_texts,
    similarity_matrix,
)
from .worddiff import word_diff

__all__ = ["align", "pair_sentences", "Pairing", "sentence_keys", "similarity_matrix", "Version"]


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
    paired = _pair(a_texts, b_texts, options, default_a, default_b)
    if not lines:
        return paired.alignment(diffs=diffs, a_name=a_name, b_name=b_name)
    pair = paired.pair
    restatements = paired.restatements()
    units = paired.units(diffs)
    a_extra, b_extra = extras_of(a), extras_of(b)
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
    return _alignment(
        paired, units, restatements, a_name, b_name, a_texts, b_texts, a_kinds, b_kinds
    )


def pair_sentences(a: Version, b: Version, *, options: Options | None = None) -> Pairing:
    """The sentences of two versions paired as :func:`align` pairs them (every step up to
    the merges and splits), without the restatement links, units and word diffs yet.

    For a caller that reads only which sentences pair and completes few of the pairs it
    makes: choosing a story's spine aligns most pairs of its versions and keeps those of
    one (:func:`corpus.comparison.compare`). ``pair_sentences(a, b).alignment(...)`` is
    ``align(a, b, ...)``.

    >>> pair_sentences(["Russia welcomed the talks.", "Wagner fighters joined."],
    ...                ["Wagner fighters joined.", "Russia on Friday welcomed the talks."]).paired()
    (2, 2)
    """
    options = resolve(options)
    a_texts, default_a = sentence_texts(a, "a")
    b_texts, default_b = sentence_texts(b, "b")
    return _pair(a_texts, b_texts, options, default_a, default_b)


@collection_paused
def _pair(a_texts, b_texts, options: Options, a_name: str, b_name: str) -> Pairing:
    """Steps 1-5 of :func:`align`: scores, the core, anchors, merges and splits."""
    pair = _Pair(a_texts, b_texts, options)
    scores, neighbours = _scores(pair)
    groups, left_out = _core(pair, scores)
    a_group: dict[int, _Group] = {i: g for g in groups for i in g.a}
    b_group: dict[int, _Group] = {j: g for g in groups for j in g.b}
    _fill_gaps(pair, groups, a_group, b_group)
    _join_neighbours(pair, a_group, b_group)
    apart = neighbours | left_out if left_out else neighbours
    return Pairing(pair, scores, apart, groups, a_group, b_group, a_name, b_name)


@dataclass(frozen=True, eq=False)
class Pairing:
    """Two versions' sentences paired (:func:`pair_sentences`): the groups the steps made,
    and what the restatement links and units still need. Read-only once made."""

    pair: _Pair
    scores: dict[tuple[int, int], float]
    apart: set[tuple[int, int]]  # candidate pairs that make no restatement link
    groups: list[_Group]
    a_group: dict[int, _Group]
    b_group: dict[int, _Group]
    a_name: str
    b_name: str

    def paired(self) -> tuple[int, int]:
        """How many sentences of ``a`` and of ``b`` are in a unit with the other version.

        Every group holds sentences of both (the others become ``added``/``dropped``
        units): the count the alignment's units give.
        """
        return sum(len(g.a) for g in self.groups), sum(len(g.b) for g in self.groups)

    def restatements(self) -> list[Link]:
        """Step 6 of :func:`align`: the links beside the units."""
        options, apart, scores = self.pair.options, self.apart, self.scores
        numbers = {id(g): n for n, g in enumerate(self.groups)}
        return find_restatements(
            self.pair.scorer,
            {k: v for k, v in scores.items() if k not in apart} if apart else scores,
            a_unit={i: numbers[id(g)] for i, g in self.a_group.items()},
            b_unit={j: numbers[id(g)] for j, g in self.b_group.items()},
            a_heads=self.pair.a_heads,
            b_heads=self.pair.b_heads,
            thresholds=Thresholds(
                holds=options.restate_threshold,
                leftover=options.second_threshold,
                cross=options.cross_threshold,
            ),
        )

    def units(self, diffs: bool) -> tuple[Unit, ...]:
        """The groups and unpaired sentences as units, ordered by position in ``b``."""
        return _units(self.pair, self.groups, self.a_group, self.b_group, diffs)

    @collection_paused
    def alignment(
        self, *, diffs: bool = True, a_name: str | None = None, b_name: str | None = None
    ) -> Alignment:
        """The :class:`Alignment` :func:`align` gives for these sentences (``lines=False``)."""
        return _alignment(self, self.units(diffs), self.restatements(), a_name, b_name)


def _alignment(
    paired: Pairing,
    units: tuple[Unit, ...],
    restatements: list[Link],
    a_name: str | None,
    b_name: str | None,
    a_texts: tuple[str, ...] | None = None,
    b_texts: tuple[str, ...] | None = None,
    a_kinds: tuple[str, ...] = (),
    b_kinds: tuple[str, ...] = (),
) -> Alignment:
    """The record: texts (the body's unless ``a_texts``/``b_texts`` add lines), units,
    links, names (the versions' own unless given) and the alignment options."""
    options = paired.pair.options
    return Alignment(
        paired.pair.a_texts if a_texts is None else a_texts,
        paired.pair.b_texts if b_texts is None else b_texts,
        units,
        a_name=a_name or paired.a_name,
        b_name=b_name or paired.b_name,
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
