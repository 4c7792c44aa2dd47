"""Two or more versions of a story -> a :class:`Comparison`: one table of content units.

Rows are content units (a sentence and its counterparts in the other versions), columns
are versions. How it is built:

1. **Spine.** One version is the reference the others align to: the one the caller
   names, else the one closest to all the others (:func:`_central`: the share of two
   versions' sentences with a strong partner in the other, summed over every pair; a tie,
   as two versions always are, goes to the one with the most sentences aligned, see
   :func:`_most_shared`).
2. **Spine units.** Every other version is aligned to the spine (:func:`align.align`).
   Spine sentences that any version merges or splits together form one unit; each
   version's cell holds the sentences it aligned to them.
3. **Additions in common.** What versions add to the spine is matched across versions
   (strong pairs only, and never two sentences of one version in one unit), so a
   sentence two outlets add in common is still one unit. It sits after the spine unit it
   follows in its version, or joins a spine unit when it matches another version's
   sentence there (``relation`` "linked": its own alignment with the spine missed it).
   An added sentence that restates a spine sentence (a restatement link of its
   alignment, :class:`Restatement`) joins that sentence's unit as ``restated`` when its
   version has nothing else there, else stands in its own unit as ``restated`` (not
   ``added``): it is not new content.

A unit's status says how many versions carry it: ``shared_all``, ``shared_some`` or
``only_this`` (one version alone). Each cell also says how it relates to the spine's
cell (``relation``: same, reworded, merged, split, added) and whether it moved.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from fractions import Fraction
from itertools import chain, combinations
from typing import TYPE_CHECKING

from ..alignment.aligner import Pairing, align, pair_sentences
from ..alignment.similarity import sentence_keys
from ..alignment.worddiff import word_diff
from ..errors import ArticleNotFound, NotEnoughVersions
from ..model import Alignment, Article, WordEdit
from ..normalize import tally
from ..options import DEFAULT, Options, resolve
from ..reading.articles import as_articles
from .stories import STRONG, Story

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "Cell",
    "ContentUnit",
    "Comparison",
    "compare",
    "COMPARISON_STATUSES",
    "strong_pairs",
    "unique_labels",
]

COMPARISON_STATUSES: tuple[str, ...] = ("shared_all", "shared_some", "only_this")


@dataclass(frozen=True)
class Cell:
    """One version's part of a content unit.

    ``sentences`` index that version's sentences; ``relation`` is how they relate to the
    spine's cell (``spine`` for the spine itself); ``edits`` is the word diff from the
    spine's cell when the pair is one unit of their alignment.
    """

    sentences: tuple[int, ...]
    text: str
    relation: str
    moved: bool = False
    edits: tuple[WordEdit, ...] = ()


@dataclass(frozen=True)
class ContentUnit:
    """A sentence and its counterparts: one cell per version, ``None`` where it is absent."""

    unit: int
    cells: tuple[Cell | None, ...]
    status: str

    @property
    def versions(self) -> int:
        """How many versions carry this unit."""
        return sum(cell is not None for cell in self.cells)


@dataclass(frozen=True)
class Comparison:
    """N versions of a story as one table: ``units`` by ``outlets``.

    Every sentence of every version is in exactly one unit. ``alignments`` holds the
    pairwise alignment of each version (by outlet label) with the spine.
    """

    articles: tuple[Article, ...]
    outlets: tuple[str, ...]
    spine: int
    sentences: tuple[tuple[str, ...], ...]
    units: tuple[ContentUnit, ...]
    alignments: dict[str, Alignment] = field(default_factory=dict, compare=False)
    options: Options = field(default=DEFAULT, compare=False)

    def to_frame(self) -> pd.DataFrame:
        """One row per sentence: unit, outlet, article_id, sentence_index, text, status..."""
        from ..present.tables import comparison_frame

        return comparison_frame(self)

    def summary(self) -> pd.DataFrame:
        """One row per outlet: sentences and words shared with all, some, none; dropped; moved."""
        from ..present.tables import comparison_summary

        return comparison_summary(self)

    def counts(self) -> dict[str, int]:
        """How many units have each status."""
        counts = dict.fromkeys(COMPARISON_STATUSES, 0)
        counts.update(Counter(unit.status for unit in self.units))
        return counts

    def _repr_html_(self) -> str:
        from ..present.render import comparison_html

        return comparison_html(self)

    def __repr__(self) -> str:
        summary = ", ".join(f"{k} {v}" for k, v in self.counts().items() if v)
        return (
            f"<Comparison of {len(self.outlets)} versions ({', '.join(self.outlets)}), "
            f"spine {self.outlets[self.spine]!r}: {len(self.units)} units, {summary or 'empty'}>"
        )


def unique_labels(articles: Sequence[Article]) -> tuple[str, ...]:
    """One label per version: the outlet, with the article id where outlets repeat.

    >>> a = Article("x#1", "AP", "", ("A.",))
    >>> unique_labels([a, Article("y#1", "AP", "", ("B.",)), Article("z", "", "", ("C.",))])
    ('AP (x#1)', 'AP (y#1)', 'z')
    >>> unique_labels([a, a, Article("z", "", "", ("C.",))])
    ('AP (x#1) [1]', 'AP (x#1) [2]', 'z')
    """
    names = [a.outlet or a.id for a in articles]
    repeated = {n for n, k in Counter(names).items() if k > 1}
    labels = [f"{n} ({a.id})" if n in repeated else n for n, a in zip(names, articles, strict=True)]
    repeated = {x for x, k in Counter(labels).items() if k > 1}  # the same article twice
    seen: Counter[str] = Counter()
    numbered = []
    for label in labels:
        seen[label] += 1
        numbered.append(f"{label} [{seen[label]}]" if label in repeated else label)
    return tuple(numbered)


def _pick_spine(spine, articles: Sequence[Article], labels: Sequence[str]) -> int | None:
    if spine is None:
        return None
    if isinstance(spine, Article):
        spine = spine.id
    if isinstance(spine, int) and not isinstance(spine, bool):
        if -len(articles) <= spine < len(articles):
            return spine % len(articles)
    elif isinstance(spine, str):
        for k, (article, label) in enumerate(zip(articles, labels, strict=True)):
            if spine in (article.id, label):
                return k
        for k, article in enumerate(articles):
            if spine == article.outlet:
                return k
    raise ArticleNotFound(
        f"spine={spine!r} names none of the versions; pass an index (0-{len(articles) - 1}), "
        f"an article id or an outlet: {', '.join(labels)}"
    )


def strong_pairs(
    left: Sequence[str], right: Sequence[str], *, least: float = STRONG
) -> list[tuple[float, int, int]]:
    """Pairs ``(score, i, j)`` of sentences whose weighted Dice score is at least ``least``.

    The aligner's score (keys weighted by rarity over both lists), computed only for
    pairs that share a rare key: near-linear, where a full similarity matrix is not.

    >>> strong_pairs(["Wagner fighters joined.", "Talks ended."], ["Talks ended in Moscow."])
    [(0.7256, 1, 0)]
    """
    return [(round(score, 4), i, j) for score, i, j in _strong(left, right, least)]


def strong_share(left: Sequence[str], right: Sequence[str], *, least: float = STRONG) -> Fraction:
    """The share of both lists' sentences that have a partner in :func:`strong_pairs`.

    Counted without scoring a pair whose two sentences both have a partner already
    (neither count can change), the same share as from the pairs themselves.

    >>> strong_share(["Wagner fighters joined.", "Talks ended."], ["Talks ended in Moscow."])
    Fraction(2, 3)
    """
    held_left: set[int] = set()
    held_right: set[int] = set()
    for _, i, j in _strong(
        left, right, least, skip=lambda i, j: i in held_left and j in held_right
    ):
        held_left.add(i)
        held_right.add(j)
    return Fraction(len(held_left) + len(held_right), (len(left) + len(right)) or 1)


def _strong(
    left: Sequence[str],
    right: Sequence[str],
    least: float,
    skip: Callable[[int, int], bool] | None = None,
) -> Iterator[tuple[float, int, int]]:
    """``(score, i, j)`` for each pair scoring at least ``least``, in order of ``i`` then
    ``j``; a pair ``skip(i, j)`` says is not scored (asked as the pairs come).

    Only candidates are scored: a right sentence sharing a key that is not too common
    (``cap``) with the left one, and one of its heaviest keys (prefix filtering, as in
    set-similarity joins). A Dice score of ``least`` needs a shared weight of ``least /
    (2 - least)`` of each side's own, so a right sentence sharing none of the keys that
    make up more than the rest cannot reach it, nor one lighter than that share or
    heavier than its inverse. Exact: the pairs left out are not strong.
    """
    left_keys = [sentence_keys(t) for t in left]
    right_keys = [sentence_keys(t) for t in right]
    frequency = tally(chain.from_iterable((*left_keys, *right_keys)))
    total = len(left_keys) + len(right_keys)
    # a weight depends on the frequency alone: one logarithm per distinct frequency
    by_frequency = {df: math.log(1.0 + total / df) for df in set(frequency.values())}
    weight = {k: by_frequency[df] for k, df in frequency.items()}
    weigh = weight.__getitem__
    right_mass = [sum(map(weigh, keys)) for keys in right_keys]
    cap = max(40, int(4 * math.sqrt(total)))  # keys this common propose no pairs
    every = total <= cap  # no key is that common (most pairs of versions)
    postings: dict[str, list[int]] = defaultdict(list)
    for j, keys in enumerate(right_keys):
        for k in keys:
            if every or frequency[k] <= cap:
                postings[k].append(j)
    # a strong pair shares at least ``need`` of each side's mass (real numbers; the
    # margin keeps a pair that floating point puts on the line)
    need = least / (2.0 - least) * (1.0 - 1e-9) if 0.0 < least < 2.0 else 0.0
    for i, keys in enumerate(left_keys):
        mass = sum(map(weigh, keys))
        proposing = keys if every else [k for k in keys if frequency[k] <= cap]
        rest, found = mass, set()
        for k in sorted(proposing, key=weigh, reverse=True):  # the prefix, heaviest first
            if rest < need * mass:
                break
            found.update(postings.get(k, ()))
            rest -= weigh(k)
        lightest, heaviest = need * mass, (mass / need if need else math.inf)
        for j in sorted(j for j in found if lightest <= right_mass[j] <= heaviest):
            if skip is not None and skip(i, j):
                continue
            score = 2.0 * sum(map(weigh, keys & right_keys[j])) / (mass + right_mass[j])
            if score >= least:
                yield score, i, j


def _shared(alignment: Alignment | Pairing | tuple[int, int]) -> tuple[int, int]:
    """How many sentences of each side are paired with the other (given as is: a tuple)."""
    if isinstance(alignment, tuple):
        return alignment
    if isinstance(alignment, Pairing):
        return alignment.paired()
    units = [u for u in alignment.units if u.a and u.b]
    return sum(len(u.a) for u in units), sum(len(u.b) for u in units)


def _central(
    sentences: tuple[tuple[str, ...], ...],
    pairs: dict[tuple[int, int], Alignment | Pairing | tuple[int, int]],
    options: Options,
) -> int:
    """The version closest to all the others: for each pair of versions, the share of
    both versions' sentences with a strong partner in the other (:func:`strong_pairs`, a
    sentence Dice), summed over the version's pairs. Versions tied on it (two versions
    always are) are decided by :func:`_most_shared` among them.

    Why not the most sentences aligned alone, as before: a count favours the longest
    version. On generated stories of three or more versions, each other version a
    rewrite of the first, this finds the first in 1,703 of 1,916 stories, the count in
    1,171 (10,000 articles). And only the spine's pairs are aligned: the count needed
    most pairs of a story aligned (1,289 of the 1,764 pairings made on 2,000 generated
    articles were not kept). Exact fractions: a tie is a tie.
    """
    if len(sentences) == 2:  # a pair's share counts for both: two versions always tie
        return _most_shared(sentences, pairs, options, among=(0, 1))
    closeness = [Fraction(0)] * len(sentences)
    for x, y in combinations(range(len(sentences)), 2):
        share = strong_share(sentences[x], sentences[y])
        closeness[x] += share
        closeness[y] += share
    best = max(closeness)
    tied = [k for k, value in enumerate(closeness) if value == best]
    return tied[0] if len(tied) == 1 else _most_shared(sentences, pairs, options, among=tied)


def _most_shared(
    sentences: tuple[tuple[str, ...], ...],
    pairs: dict[tuple[int, int], Alignment | Pairing | tuple[int, int]],
    options: Options,
    *,
    among: Iterable[int] | None = None,
) -> int:
    """The version (of ``among``, by default all) with the most sentences paired with the
    other versions, summed over every pair (``(x, y)``, ``x < y``, aligned that way; the
    first on a tie), aligning only the pairs that can change the answer; the pairs made
    are added to ``pairs``.

    A version shares at most all its sentences with another, so one whose known pairs
    plus all its sentences for each pair not aligned yet cannot reach the best total
    found is never the spine: the versions are taken in order of that bound, each
    aligned with all others, until no other can reach the best.

    The search reads only which sentences pair: pairs are made with
    :func:`pair_sentences`, and only those ``compare`` keeps (the spine's, a fifth of
    them) get their restatement links and units. A pairing holds its scorer (eight
    times an alignment's memory): a pair whose first version can no longer be the
    spine (searched and not the best, or out of reach) keeps only its counts, so a
    story of hundreds of versions does not hold every pairing at once.
    """
    count = len(sentences)
    contending = set(range(count) if among is None else among)  # may still be the spine

    def on(x: int, y: int, *, align_it: bool) -> int | None:
        if (x, y) in pairs:  # given either way round (the confirmation's), or made here
            return _shared(pairs[x, y])[0]
        if (y, x) in pairs:
            return _shared(pairs[y, x])[1]
        if not align_it:
            return None
        key = (min(x, y), max(x, y))
        made = pair_sentences(sentences[key[0]], sentences[key[1]], options=options)
        pairs[key] = made if key[0] in contending else made.paired()
        return _shared(pairs[key])[0 if x < y else 1]

    def bound(x: int) -> int:
        found = (on(x, y, align_it=False) for y in range(count) if y != x)
        return sum(len(sentences[x]) if n is None else n for n in found)

    exact: dict[int, int] = {}
    open_ = set(contending)
    while open_:
        x = max(open_, key=lambda k: (bound(k), -k))
        exact[x] = sum(on(x, y, align_it=True) for y in range(count) if y != x)
        best = max(exact, key=lambda k: (exact[k], -k))
        open_ = {k for k in open_ - {x} if (bound(k), -k) > (exact[best], -best)}
        for v in contending - open_ - {best}:  # no longer the spine: its pairs as a, counted
            for y in range(v + 1, count):
                made = pairs.get((v, y))
                if isinstance(made, Pairing):
                    pairs[v, y] = made.paired()
        contending = open_ | {best}
    return max(exact, key=lambda k: (exact[k], -k))


def compare(
    story_or_articles: Story | Sequence[Article],
    *,
    options: Options | None = None,
    spine: int | str | Article | None = None,
    threshold: float | None = None,
    diffs: bool = True,
    aligned: Mapping[tuple[int, int], Alignment] | None = None,
) -> Comparison:
    """Align N >= 2 versions of a story into one table of content units.

    ``spine`` names the reference version (an index, article id or outlet; it overrides
    ``options.spine``); by default it is the version closest to all the others (the
    most sentences strongly paired with theirs, as a share of both versions).
    ``options`` (with ``threshold`` as an override) is passed to every
    :func:`~comparative_coverage.alignment.aligner.align` and recorded in the result;
    ``diffs=False`` skips the word diffs. ``aligned`` holds alignments already made of
    pairs of versions ``(x, y)`` by their positions, ``x``'s sentences as ``a``, as
    :func:`align` makes them (``diffs=False``, the same options): confirming a
    story aligned some of its pairs (``confirm(..., aligned=...)``), and those with the
    spine as ``a`` are not aligned again.
    """
    options = resolve(options, threshold=threshold)
    if spine is None:
        spine = options.spine
    articles = tuple(
        story_or_articles.articles if isinstance(story_or_articles, Story) else story_or_articles
    )
    for item in articles:
        if not isinstance(item, Article):
            raise TypeError(
                f"compare() takes a Story or Articles (see read_articles), not {type(item).__name__}"
            )
    if len(articles) < 2:
        raise NotEnoughVersions(
            f"compare() needs at least two versions of a story, got {len(articles)}; "
            "pass a Story with several articles (see find_stories) or a list of articles"
        )
    articles = tuple(as_articles(articles))
    labels = unique_labels(articles)
    sentences = tuple(tuple(s.text for s in a.sentences) for a in articles)
    chosen = _pick_spine(spine, articles, labels)
    pairs: dict[tuple[int, int], Alignment | Pairing | tuple[int, int]] = dict(aligned or {})
    if chosen is None:
        chosen = _central(sentences, pairs, options)
    alignments = {}
    for k in range(len(articles)):
        if k == chosen:
            continue
        names = {"a_name": labels[chosen], "b_name": labels[k]}
        found = pairs.get((chosen, k))  # paired in this direction already: complete it
        if isinstance(found, Pairing):
            alignments[labels[k]] = found.alignment(diffs=diffs, **names)
        elif isinstance(found, Alignment):  # the confirmation's: add the diffs
            alignments[labels[k]] = _with_diffs(found, diffs=diffs, **names)
        else:
            alignments[labels[k]] = align(
                sentences[chosen], sentences[k], options=options, diffs=diffs, **names
            )
    units = _build_units(sentences, chosen, [alignments.get(label) for label in labels])
    return Comparison(articles, labels, chosen, sentences, units, alignments, options)


def _with_diffs(alignment: Alignment, *, diffs: bool, a_name: str, b_name: str) -> Alignment:
    """An alignment made with ``diffs=False``, named and with the word diffs ``align`` adds:
    the diff of each paired unit's joined sentences (aligning the pair again costs more)."""
    units = alignment.units
    if diffs:
        units = tuple(
            replace(
                unit,
                edits=word_diff(
                    " ".join(alignment.a_sentences[i] for i in unit.a),
                    " ".join(alignment.b_sentences[j] for j in unit.b),
                ),
            )
            if unit.a and unit.b
            else unit
            for unit in units
        )
    return replace(alignment, units=units, a_name=a_name, b_name=b_name)


def _build_units(
    sentences: tuple[tuple[str, ...], ...], spine: int, alignments: list[Alignment | None]
) -> tuple[ContentUnit, ...]:
    count = len(sentences)
    # spine sentences that some version merges or splits together are one unit
    parent = list(range(len(sentences[spine])))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for alignment in alignments:
        for unit in alignment.units if alignment else ():
            for i in unit.a[1:]:
                parent[max(root(i), root(unit.a[0]))] = min(root(i), root(unit.a[0]))
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(sentences[spine])):
        groups[root(i)].append(i)
    position = {i: p for p, r in enumerate(sorted(groups)) for i in groups[r]}

    # row key -> version -> its part: ("spine", indices), ("units", [...]) or (relation, j)
    rows: dict[tuple, dict[int, tuple]] = {}
    for r in sorted(groups):
        rows[(position[r], 0)] = {spine: ("spine", groups[r])}
    placed: dict[tuple[int, int], tuple] = {}  # (version, sentence) -> its spine row
    extras: list[tuple[int, int, int]] = []  # (version, sentence, anchor position)
    restated: set[tuple[int, int]] = set()  # additions that restate a spine sentence
    for k, alignment in enumerate(alignments):
        if alignment is None:
            continue
        anchor = -1
        # a sentence the version adds that restates a spine sentence is not new content
        restates = {}
        for link in alignment.restatements:
            restates.setdefault(link.b, link.a)
        restating = []
        for unit in alignment.units:  # ordered by position in this version
            if unit.a and unit.b:
                key = (position[unit.a[0]], 0)
                rows[key].setdefault(k, ("units", []))[1].append(unit)
                placed.update({(k, j): key for j in unit.b})
                if not unit.moved:
                    anchor = position[unit.a[0]]
            elif unit.b:
                restating.append((k, unit.b[0], anchor))
        for item in restating:
            key = (position[restates[item[1]]], 0) if item[1] in restates else None
            if key is not None and k not in rows[key]:
                rows[key][k] = ("restated", item[1])
                placed[k, item[1]] = key
            else:
                extras.append(item)
                if key is not None:
                    restated.add(item[:2])
    for row, members in _place_extras(sentences, spine, extras, rows, placed):
        if row is not None:  # joined a spine unit through another version
            for k, j, _ in members:
                rows[row][k] = ("linked", j)
        else:
            k, j, anchor = members[0]
            rows[(anchor, 1, k, j)] = {
                m[0]: ("restated" if m[:2] in restated else "added", m[1]) for m in members
            }

    units = []
    for number, key in enumerate(sorted(rows)):
        cells: list[Cell | None] = [None] * count
        for k, part in rows[key].items():
            cells[k] = _cell(sentences[k], part)
        present = sum(c is not None for c in cells)
        status = (
            "shared_all" if present == count else "only_this" if present == 1 else "shared_some"
        )
        units.append(ContentUnit(number, tuple(cells), status))
    return tuple(units)


def _cell(sentences: tuple[str, ...], part: tuple) -> Cell:
    """A version's cell from its part of a row: spine indices, aligned units, or one sentence."""
    kind, value = part
    if kind == "spine":
        return Cell(tuple(value), " ".join(sentences[i] for i in value), "spine")
    if kind != "units":  # added, or linked through another version
        return Cell((value,), sentences[value], kind)
    indices = tuple(sorted(j for unit in value for j in unit.b))
    text = " ".join(sentences[j] for j in indices)
    if len(value) == 1:
        unit = value[0]
        return Cell(indices, text, unit.status, unit.moved, unit.edits)
    same = all(unit.status == "same" for unit in value)
    return Cell(indices, text, "same" if same else "reworded", any(u.moved for u in value))


def _place_extras(sentences, spine: int, extras, rows, placed) -> list[tuple]:
    """Place what versions add to the spine: in a spine unit, with each other, or alone.

    Each version's additions are scored against every other non-spine version's
    sentences; a strong pair joins the two sides' units, best pairs first, unless that
    would put two sentences of one version, or two spine units, into one unit. Returns
    (spine row or None, members) per group of additions, in the order of ``extras``.
    """
    by_version: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
    for item in extras:
        by_version[item[0]].append(item)
    offers = []
    for v, own in sorted(by_version.items()):
        for w in range(len(sentences)):
            if w in (v, spine):
                continue
            # scored directly, not aligned: additions are not a contiguous text, so the
            # aligner's context and merge steps would pair them by accident
            for score, x, y in strong_pairs([sentences[v][j] for _, j, _ in own], sentences[w]):
                offers.append((-score, own[x][:2], (w, y)))
    # a group: its spine row (or None), the versions it holds, its additions; groups are
    # found by ("added", version, sentence) or ("row", row key)
    group: dict[tuple, dict] = {}
    for item in extras:
        group["added", *item[:2]] = {"row": None, "versions": {item[0]}, "members": [item]}
    for key, parts in rows.items():
        group["row", key] = {"row": key, "versions": set(parts), "members": []}
    for _, p, q in sorted(offers):
        here = group["added", *p]
        there = group["row", placed[q]] if q in placed else group["added", *q]
        if here is there or here["versions"] & there["versions"]:
            continue  # already together, or a version would have two sentences in one unit
        if here["row"] is not None and there["row"] is not None:
            continue  # two spine units stay apart
        joined = {
            "row": here["row"] if here["row"] is not None else there["row"],
            "versions": here["versions"] | there["versions"],
            "members": sorted(here["members"] + there["members"]),
        }
        for member in joined["members"]:
            group["added", *member[:2]] = joined
        if joined["row"] is not None:
            group["row", joined["row"]] = joined
    seen, out = set(), []
    for item in extras:
        found = group["added", *item[:2]]
        if id(found) not in seen:
            seen.add(id(found))
            out.append((found["row"], found["members"]))
    return out
