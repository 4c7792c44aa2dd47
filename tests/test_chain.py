"""The heaviest order-keeping chain: the staircase and the Fenwick tree choose alike."""

from __future__ import annotations

from itertools import combinations

from hypothesis import given, settings
from hypothesis import strategies as st

from comparative_coverage.alignment import chain
from comparative_coverage.alignment.chain import heaviest_chain


def by_tree(pairs):
    """The reference: every pair's predecessor from the Fenwick tree alone."""
    width = max(j for _, j, _ in pairs) + 1
    order = sorted(range(len(pairs)), key=lambda p: (pairs[p][0] * width - pairs[p][1], p))
    return chain._follow(*chain._fenwick(pairs, order))


def brute_force_best(pairs) -> float:
    best = 0.0
    for size in range(1, len(pairs) + 1):
        for subset in combinations(sorted(pairs), size):
            rising = all(
                x[0] < y[0] and x[1] < y[1] for x, y in zip(subset, subset[1:], strict=False)
            )
            if rising:
                best = max(best, sum(w for _, _, w in subset))
    return best


cells = st.tuples(st.integers(0, 9), st.integers(0, 9))
distinct = st.dictionaries(cells, st.floats(0.01, 1.0), min_size=1, max_size=40)
tied = st.lists(
    st.tuples(st.integers(0, 6), st.integers(0, 6), st.sampled_from([0.5, 1.0, 2.0])),
    min_size=1,
    max_size=30,
)


def test_a_chain_rises_in_both_versions():
    assert heaviest_chain([(0, 0, 1.0), (1, 2, 0.5), (2, 1, 0.9), (3, 3, 1.0)]) == [0, 2, 3]
    assert heaviest_chain([(0, 1, 0.4), (1, 0, 0.9)]) == [1]
    assert heaviest_chain([(0, 0, 1.0), (0, 1, 1.0)]) == [0]  # one sentence pairs once
    assert heaviest_chain([]) == []


@settings(max_examples=200, deadline=None)
@given(found=st.dictionaries(cells, st.floats(0.01, 1.0), min_size=1, max_size=8))
def test_the_chain_is_the_heaviest_there_is(found):
    pairs = [(i, j, w) for (i, j), w in found.items()]
    kept = heaviest_chain(pairs)
    assert all(
        pairs[p][0] < pairs[q][0] and pairs[p][1] < pairs[q][1]
        for p, q in zip(kept, kept[1:], strict=False)
    )
    assert abs(sum(pairs[p][2] for p in kept) - brute_force_best(pairs)) < 1e-9


@settings(max_examples=300, deadline=None)
@given(found=distinct)
def test_the_staircase_chooses_as_the_tree_does(found):
    pairs = [(i, j, w) for (i, j), w in found.items()]
    assert heaviest_chain(pairs) == by_tree(pairs)


@settings(max_examples=300, deadline=None)
@given(pairs=tied)
def test_between_equal_totals_the_tree_decides(pairs):
    assert heaviest_chain(pairs) == by_tree(pairs)


def test_chains_that_keep_starting_first_go_to_the_tree():
    # j falls as i rises, each pair lighter: every one would be inserted at the front
    pairs = [(k, 5000 - k, 1.0 - k * 1e-6) for k in range(5000)]
    width = 5001
    order = sorted(range(len(pairs)), key=lambda p: pairs[p][0] * width - pairs[p][1])
    assert chain._staircase(pairs, order) is None
    assert heaviest_chain(pairs) == by_tree(pairs) == [0]
