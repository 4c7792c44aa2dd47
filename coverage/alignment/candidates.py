"""Two versions' sentence keys -> the candidate pairs worth scoring (the inverted index).

An inverted index over keys no more frequent than a fixed cap proposes the pairs worth
scoring, each sentence through its rarest keys only (a fixed number of postings), and
each sentence keeps its best few: no version pair is scored all against all, and the
work per sentence is bounded whatever the length.

Its own module because it is the aligner's bounded-work machinery, apart from what a
pair's score means (:mod:`similarity`): the loop's helpers (:func:`_proposing_keys`,
:func:`_rarest`, used by :meth:`Scorer.candidates <similarity.Scorer.candidates>`) and
the same index on numpy arrays for long versions (:func:`_proposals_arrays`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from itertools import chain
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    import numpy as np

# a key proposes candidates only while it is in at most this many sentences: a fixed cap,
# so the index does the same bounded work per sentence at any length
POSTINGS_CAP = 48
# and only while it is among its sentence's rarest keys: rarest first (a whole sentence
# frequency at a time, the rarest always), while the other version's sentences holding
# them stay within this many. A key proposes a pair when it is among the rarest of both
# sentences: the rare keys carry the evidence. Without this the visits per sentence grow
# with the text as its keys' frequencies creep up to the cap (65 -> 95 from 250 to 2,000
# sentences on benchmarks/synthetic.py's varied text; 52 -> 58 with it). Real sentences
# visit fewer (99th percentile 51 on news-dev, 63 on DEplain; most 61 and 192): news-dev
# and the sample align byte for byte as without the bound; DEplain's 0.1% of sentences
# past it leave its exact units at 67.8 (links 57.7 -> 57.8); 64 would bind on 1% of
# them and cost 0.1 (67.7).
VISITS_MOST = 96


def _proposing_keys(
    side: Sequence[frozenset[str]], other: Counter[str], frequency: Counter[str]
) -> list[Iterable[str]]:
    """Each sentence's keys as they are where all of them together visit few enough (the
    keys above the cap propose nothing later), else :func:`_rarest` of those within it."""
    visits = other.__getitem__
    return [
        keys
        if sum(map(visits, keys)) <= VISITS_MOST
        else _rarest([k for k in keys if frequency[k] <= POSTINGS_CAP], other, frequency)
        for keys in side
    ]


def _rarest(keys: list[str], other: Counter[str], frequency: Counter[str]) -> list[str]:
    """The keys (within the cap) a sentence proposes through: rarest first, a whole
    frequency at a time, while the sentences of the other version holding them
    (``other``) stay within :data:`VISITS_MOST`; the rarest always.

    >>> other = Counter(w=40, x=1, y=40, z=30)
    >>> _rarest(["w", "x", "y", "z"], other, Counter(w=42, x=2, y=41, z=31))
    ['x', 'z', 'y']
    """
    if sum(map(other.__getitem__, keys)) <= VISITS_MOST:
        return keys
    levels: dict[int, list[str]] = defaultdict(list)
    for k in keys:
        levels[frequency[k]].append(k)
    chosen: list[str] = []
    visits = 0
    for df in sorted(levels):
        visits += sum(map(other.__getitem__, levels[df]))
        if chosen and visits > VISITS_MOST:
            break
        chosen += levels[df]
    return chosen


# b's keys left to look up are in a table of len(b) x keys values up to this size (a
# megabyte at 2,000 sentences), else found by a sorted search (40x slower, no memory)
_TABLE_MAX = 1 << 24


class Frequent(NamedTuple):
    """The keys a pair may share beyond the index's sum: those above the postings cap and
    those some sentence does not propose through (:data:`VISITS_MOST`), numbered ``0 ..
    len(weights) - 1``: each a sentence's such keys (``a_keys[a_start[i] : a_start[i] +
    a_count[i]]``) and whether it proposes through each (``a_proposes``), each b
    sentence's as sorted codes ``j * len(weights) + key`` with their values (``b_values``:
    2 where the b sentence proposes through the key, else 1; also as a table indexed by
    code, when small enough), and their grid weights."""

    weights: np.ndarray
    a_keys: np.ndarray
    a_start: np.ndarray
    a_count: np.ndarray
    b_codes: np.ndarray
    b_table: np.ndarray | None
    a_proposes: np.ndarray
    b_values: np.ndarray

    @property
    def keys(self) -> int:
        return len(self.weights)

    def b_value(self, probe: np.ndarray) -> np.ndarray:
        """Each code ``j * keys + key``'s value in b: 0 where b_j lacks the key."""
        import numpy as np

        if self.b_table is not None:
            return self.b_table[probe]
        codes = self.b_codes
        at = np.minimum(np.searchsorted(codes, probe), len(codes) - 1)
        return np.where(codes[at] == probe, self.b_values[at], 0)


class Numbered(NamedTuple):
    """Every (sentence, key) of both versions (a's sentences first, then b's, numbered
    on): the key's number (in order of first use) and the sentence's, with each key's
    frequency and grid weight, and how many sentences ``a`` has."""

    numbers: np.ndarray
    rows: np.ndarray
    frequency: np.ndarray
    grid: np.ndarray
    a_count: int


class Proposals(NamedTuple):
    """The array index's kept pairs (``i``, ``j``; sorted ``i * (len(b) + 1) + j`` as
    ``codes``), with the weight (grid units) and number of the keys each shares that
    proposed it, the keys left for :func:`_add_frequent`, and how many posting visits
    the index made and the distinct pairs they proposed (before each sentence kept its best)."""

    codes: np.ndarray
    i: np.ndarray
    j: np.ndarray
    shared: np.ndarray
    count: np.ndarray
    frequent: Frequent
    visits: int = 0
    proposed: int = 0


def _numbered(
    side_keys: Sequence[frozenset[str]], ids: dict[str, int]
) -> tuple[np.ndarray, np.ndarray]:
    """Every (sentence, key) of one side as two arrays: the key's number and the sentence.

    One ``map`` over all keys rather than a loop with a branch per key: the sentences
    come out in order, so each sentence's keys are one run.
    """
    import numpy as np

    lengths = np.fromiter(map(len, side_keys), dtype=np.int64, count=len(side_keys))
    numbers = np.fromiter(
        map(ids.__getitem__, chain.from_iterable(side_keys)),
        dtype=np.int64,
        count=int(lengths.sum()),
    )
    return numbers, np.repeat(np.arange(len(side_keys), dtype=np.int64), lengths)


def _expand(counts: np.ndarray, starts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For runs of ``counts[k]`` elements from ``starts[k]``: each element's run and place."""
    import numpy as np

    total = int(counts.sum())
    run = np.repeat(np.arange(len(counts), dtype=np.int64), counts)
    place = np.arange(total, dtype=np.int64) - np.repeat(np.cumsum(counts) - counts, counts)
    return run, starts[run] + place


def _add_frequent(frequent: Frequent, i, j, shared, count):  # noqa: ANN001, ANN202  (arrays)
    """``shared`` and ``count`` plus the weight and number of the keys above the cap that
    each pair ``(i[p], j[p])`` shares: each of a_i's such keys looked up among b_j's
    (:meth:`Frequent.b_holds`), the found weights summed per pair in whole grid units
    (exact). The pairs are taken ``_FREQUENT_SLICE`` at a time: the lookups of a slice
    stay a few hundred kilobytes at any length."""
    if not len(frequent.b_codes) or not frequent.a_count.any():
        return shared, count
    shared, count = shared.copy(), count.copy()
    for at in range(0, len(i), _FREQUENT_SLICE):
        end = at + _FREQUENT_SLICE  # the slices of shared and count are views: added in place
        _add_frequent_slice(frequent, i[at:end], j[at:end], shared[at:end], count[at:end])
    return shared, count


# pairs whose keys above the cap are looked up at once
_FREQUENT_SLICE = 4096


def _add_frequent_slice(frequent: Frequent, i, j, shared, count) -> None:  # noqa: ANN001
    import numpy as np

    pair, at = _expand(frequent.a_count[i], frequent.a_start[i])
    if not len(pair):
        return
    keys = frequent.a_keys[at]
    value = frequent.b_value(j[pair] * frequent.keys + keys)
    # a key both sentences propose through is in the index's sum already
    found = (value == 1) | ((value == 2) & ~frequent.a_proposes[at])
    pair, keys = pair[found], keys[found]
    if not len(pair):
        return
    starts = np.flatnonzero(np.r_[True, pair[1:] != pair[:-1]])  # pair is sorted
    owners = pair[starts]
    shared[owners] += np.add.reduceat(frequent.weights[keys], starts)
    count[owners] += np.diff(np.r_[starts, len(pair)])


def _frequent(a_numbers, a_rows, b_numbers, b_rows, first, weights, sizes, proposes):  # noqa: ANN001, ANN202
    """The keys numbered ``first`` and up (above the cap) and those some sentence of
    either side does not propose through (``proposes``: each side's flags), as
    :class:`Frequent`; ``sizes`` are the two versions' sentence counts."""
    import numpy as np

    a_proposes, b_proposes = proposes
    left = np.zeros(first, dtype=bool)  # capped keys some sentence does not propose through
    left[a_numbers[(a_numbers < first) & ~a_proposes]] = True
    left[b_numbers[(b_numbers < first) & ~b_proposes]] = True
    kept = np.r_[np.flatnonzero(left), np.arange(first, len(weights))]
    number = np.full(len(weights), -1, dtype=np.int64)
    number[kept] = np.arange(len(kept))
    width = len(kept)
    a_numbers, b_numbers = number[a_numbers], number[b_numbers]
    a_mask, b_mask = a_numbers >= 0, b_numbers >= 0
    a_count = np.bincount(a_rows[a_mask], minlength=sizes[0]).astype(np.int64)
    b_codes = b_rows[b_mask] * width + b_numbers[b_mask]
    order = np.argsort(b_codes)
    b_codes, b_values = b_codes[order], 1 + b_proposes[b_mask][order].astype(np.int8)
    b_table = None
    if sizes[1] * width <= _TABLE_MAX:
        b_table = np.zeros(sizes[1] * width, dtype=np.int8)
        b_table[b_codes] = b_values
    return Frequent(
        np.array(weights, dtype=np.int64)[kept],
        a_numbers[a_mask],
        np.cumsum(a_count) - a_count,
        a_count,
        b_codes,
        b_table,
        a_proposes[a_mask],
        b_values,
    )


def _proposing(numbers, rows, first, frequency, other):  # noqa: ANN001, ANN202
    """Whether each (sentence, key) of a side proposes: :func:`_rarest` on arrays, with
    ``other`` the number of the other side's sentences holding each capped key."""
    import numpy as np

    proposes = numbers < first
    at = np.flatnonzero(proposes)
    keys, rows = numbers[at], rows[at]
    cost = other[keys]
    over = np.bincount(rows, weights=cost)[rows] > VISITS_MOST  # sums of small integers
    if not over.any():
        return proposes
    at, keys, rows, cost = at[over], keys[over], rows[over], cost[over]
    order = np.lexsort((frequency[keys], rows))
    at, rows, df, cost = at[order], rows[order], frequency[keys][order], cost[order]
    # a level: one sentence's keys of one frequency, rarest first
    starts = np.flatnonzero(np.r_[True, (rows[1:] != rows[:-1]) | (df[1:] != df[:-1])])
    level_cost = np.add.reduceat(cost, starts)
    level_row = rows[starts]
    firsts = np.r_[True, level_row[1:] != level_row[:-1]]
    total = np.cumsum(level_cost)
    before = (total - level_cost)[firsts][np.cumsum(firsts) - 1]  # the sentence's start
    keep_level = firsts | (total - before <= VISITS_MOST)
    proposes[at[~np.repeat(keep_level, np.diff(np.r_[starts, len(rows)]))]] = False
    return proposes


# ranking keys ``(group * big - shared) * width + partner`` stay below this (int64)
_PACKED_MAX = 2**62


def _best(group: np.ndarray, partner: np.ndarray, shared: np.ndarray, per_sentence: int):  # noqa: ANN201
    """Whether each pair is among the ``per_sentence`` of its ``group`` sharing the most
    weight, ties to the earlier ``partner``.

    The pairs come sorted by ``(i, j)``, so within a group the later position holds the
    later partner, and the rank is one sort of the distinct integers
    ``(group * big - shared) * size + position``: a sort of values (numpy's vectorised
    sort, 3x its argsort), the position read back from the low digits. A three-key sort
    where that product could overflow.
    """
    import numpy as np

    size, big = len(group), int(shared.max()) + 1
    if (int(group.max()) + 1) * big * size < _PACKED_MAX:
        order = np.sort((group * big - shared) * size + np.arange(size)) % size
    else:  # millions of sentences
        order = np.lexsort((partner, -shared, group))
    ranked = group[order]
    at = np.arange(size)
    first = np.maximum.accumulate(np.where(np.r_[True, ranked[1:] != ranked[:-1]], at, 0))
    chosen = np.zeros(size, dtype=bool)
    chosen[order] = at - first < per_sentence
    return chosen


def _sorted_visits(codes: np.ndarray, keys: np.ndarray, width: int):  # noqa: ANN202
    """The visits ``(codes, keys)`` sorted by code, as one sort of the values
    ``code * width + key`` (the key read back from the low digits); an argsort where
    that could overflow."""
    import numpy as np

    if (int(codes.max()) + 1) * width < _PACKED_MAX:
        packed = np.sort(codes * width + keys)
        return packed // width, packed % width
    order = np.argsort(codes)
    return codes[order], keys[order]


def _index_numbers(a_keys, b_keys, frequency, grid):  # noqa: ANN001, ANN202
    """Each side's (key number, sentence) arrays, the keys within the cap numbered first
    (in order of first use), those above it after them, the keys' grid weights and their
    sentence frequencies."""
    import numpy as np

    ids: dict[str, int] = {}
    weights: list[int] = []
    above: list[str] = []
    for k, df in frequency.items():
        if df <= POSTINGS_CAP:
            ids[k] = len(weights)
            weights.append(grid[k])
        else:
            above.append(k)
    first = len(weights)
    for k in above:
        ids[k] = len(weights)
        weights.append(grid[k])
    frequencies = np.array([frequency[k] for k in ids], dtype=np.int64)
    return (*_numbered(a_keys, ids), *_numbered(b_keys, ids), weights, first, frequencies)


def _renumbered(numbered: Numbered):  # noqa: ANN202
    """:func:`_index_numbers` from the scorer's numbers: the same numbers, renumbered."""
    import numpy as np

    capped = numbered.frequency <= POSTINGS_CAP
    order = np.r_[np.flatnonzero(capped), np.flatnonzero(~capped)]
    renumber = np.empty(len(order), dtype=np.int64)
    renumber[order] = np.arange(len(order))
    numbers, rows = renumber[numbered.numbers], numbered.rows
    split = int(np.searchsorted(rows, numbered.a_count))
    return (
        numbers[:split],
        rows[:split],
        numbers[split:],
        rows[split:] - numbered.a_count,
        numbered.grid[order],
        int(capped.sum()),
        numbered.frequency[order],
    )


def _proposals_arrays(
    a_keys: Sequence[frozenset[str]],
    b_keys: Sequence[frozenset[str]],
    frequency: Counter[str],
    grid: dict[str, int],
    per_sentence: int,
    *,
    numbered: Numbered | None = None,
) -> Proposals:
    """:meth:`Scorer._proposals` on arrays: every posting visit at once, the same result.

    Each (a sentence, b sentence, shared key) visit is one array element; the shared
    weights (whole grid units, so exact) are summed per pair, and each sentence keeps
    its ``per_sentence`` heaviest partners, ties to the earlier one, as the loop does.
    ``numbered``: the scorer's key numbers, when it made them (else they are made here).
    """
    import numpy as np

    if numbered is None:
        numbers = _index_numbers(a_keys, b_keys, frequency, grid)
    else:
        numbers = _renumbered(numbered)
    a_numbers, a_rows, b_numbers, b_rows, weights, first, frequencies = numbers
    a_capped, b_capped = a_numbers < first, b_numbers < first
    a_proposes = _proposing(
        a_numbers, a_rows, first, frequencies, np.bincount(b_numbers[b_capped], minlength=first)
    )
    b_proposes = _proposing(
        b_numbers, b_rows, first, frequencies, np.bincount(a_numbers[a_capped], minlength=first)
    )
    frequent = _frequent(
        a_numbers,
        a_rows,
        b_numbers,
        b_rows,
        first,
        weights,
        (len(a_keys), len(b_keys)),
        (a_proposes, b_proposes),
    )
    ka, ia = a_numbers[a_proposes], a_rows[a_proposes]
    kb, jb = b_numbers[b_proposes], b_rows[b_proposes]
    b_base = len(b_keys) + 1
    if not len(ka) or not len(kb):
        empty = np.zeros(0, dtype=np.int64)
        return Proposals(empty, empty, empty, empty, empty, frequent)
    # neither sort needs to be stable: equal codes only sum whole numbers (any order)
    order = np.argsort(kb)
    kb, jb = kb[order], jb[order]
    b_count = np.bincount(kb, minlength=first)
    b_start = np.cumsum(b_count) - b_count
    repeats = b_count[ka]
    if not repeats.any():
        empty = np.zeros(0, dtype=np.int64)
        return Proposals(empty, empty, empty, empty, empty, frequent)
    weight_of = np.array(weights[:first], dtype=np.int64)
    blocks = [
        _block_pairs(
            ka[start:end],
            ia[start:end],
            repeats[start:end],
            b_start[ka[start:end]],
            jb,
            weight_of,
            b_base,
            per_sentence,
        )
        for start, end in _blocks(ia, repeats)
    ]
    codes, shared, count, best_of_a = (
        blocks[0] if len(blocks) == 1 else map(np.concatenate, zip(*blocks, strict=True))
    )
    i, j = codes // b_base, codes % b_base
    keep = best_of_a | _best(j, i, shared, per_sentence)
    return Proposals(
        codes[keep],
        i[keep],
        j[keep],
        shared[keep],
        count[keep],
        frequent,
        int(repeats.sum()),
        len(codes),
    )


# the posting visits are worked through in blocks of whole a sentences of about this many
# visits: the temporary arrays stay a few hundred kilobytes (in cache, and reused by the
# allocator rather than mapped afresh) and each sort is over one block
_BLOCK = 1 << 15


def _blocks(rows: np.ndarray, visits: np.ndarray) -> list[tuple[int, int]]:
    """``(start, end)`` ranges of the a keys (``rows``: their sentences, in order) that hold
    whole sentences and about ``_BLOCK`` posting visits each (``visits`` per key)."""
    import numpy as np

    before = np.cumsum(visits) - visits  # the visits before each key
    total = int(before[-1] + visits[-1])
    if total <= _BLOCK:
        return [(0, len(rows))]
    firsts = np.flatnonzero(np.r_[True, rows[1:] != rows[:-1]])  # each sentence's first key
    # at each multiple of the block, cut before the sentence it falls in
    at = np.searchsorted(before[firsts], np.arange(_BLOCK, total, _BLOCK), side="right") - 1
    cuts = [0, *sorted(set(firsts[at].tolist()) - {0}), len(rows)]
    return list(zip(cuts, cuts[1:], strict=False))


def _block_pairs(ka, ia, repeats, starts, jb, weight_of, b_base, per_sentence):  # noqa: ANN001, ANN202
    """One block's pairs, sorted by code, with their shared weight and key count, and
    whether each is among its a sentence's best (all of them are in the block)."""
    import numpy as np

    source, at = _expand(repeats, starts)
    if not len(source):
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, empty, np.zeros(0, dtype=bool)
    codes, keys = _sorted_visits(ia[source] * b_base + jb[at], ka[source], len(weight_of))
    firsts = np.flatnonzero(np.r_[True, codes[1:] != codes[:-1]])
    shared = np.add.reduceat(weight_of[keys], firsts)
    count = np.diff(np.r_[firsts, len(codes)])
    codes = codes[firsts]
    return codes, shared, count, _best(codes // b_base, codes % b_base, shared, per_sentence)
