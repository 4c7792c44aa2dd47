"""The aligner's work per sentence stays bounded: a template repeated with small changes
does not give each sentence ever more partners, and the joins look again only where a
unit grew."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import comparative_coverage as cc
from comparative_coverage.alignment import aligner, candidates, joins, pairing, similarity
from comparative_coverage.alignment.candidates import _proposals_arrays
from comparative_coverage.alignment.chain import bounded, bounded_arrays
from comparative_coverage.alignment.pair import _Pair
from comparative_coverage.alignment.pairing import _STRONG_MOST
from comparative_coverage.alignment.similarity import Scorer
from comparative_coverage.options import resolve

from .test_similarity import reference_candidates

# twenty results in one sentence shape: each shares most of its words with all the others
RESULTS_A = [
    f"In district {k}, the ruling party won {40 + k} seats and the opposition took the rest."
    for k in range(20)
]
RESULTS_B = [
    f"In district {k}, the ruling party gained {40 + k} seats while the opposition took the rest."
    for k in range(20)
]


def weighed_pairs(monkeypatch, a, b) -> tuple[cc.Alignment, list[tuple[int, int, float]]]:
    """The alignment of a and b, and the pairs its core weighed for the chain."""
    seen: list[list[tuple[int, int, float]]] = []
    chain = pairing.heaviest_chain
    monkeypatch.setattr(
        pairing, "heaviest_chain", lambda pairs: (seen.append(pairs), chain(pairs))[1]
    )
    return cc.align(a, b, diffs=False), seen[-1]


def test_a_repeated_template_pairs_each_sentence_with_its_own(monkeypatch):
    alignment, weighed = weighed_pairs(monkeypatch, RESULTS_A, RESULTS_B)
    assert [(u.a, u.b) for u in alignment.units] == [((k,), (k,)) for k in range(20)]
    # every sentence shares most of its words with all twenty across: 400 pairs before
    # the cap; each sentence keeps its _STRONG_MOST heaviest
    assert len(weighed) <= _STRONG_MOST * (len(RESULTS_A) + len(RESULTS_B))
    assert len(weighed) < 400 // 4


def test_a_repeated_template_restates_no_more_than_a_few_sentences():
    """Before the cap, each result "restated" up to 19 others (224 links for 20 sentences)."""
    alignment = cc.align(RESULTS_A, RESULTS_B, diffs=False)
    assert len(alignment.restatements) <= _STRONG_MOST * len(RESULTS_A)


def test_pairs_within_the_cap_are_all_kept():
    assert bounded([(0, 0, 0.9), (0, 1, 0.5), (1, 1, 0.8), (2, 0, 0.4)], 3) == []


def test_past_the_cap_a_pair_stays_when_either_sentence_keeps_it():
    # a's sentence 0 has five partners; b's sentence 9 has five (one of them 0's)
    pairs = [(0, j, 0.3 + 0.1 * j) for j in range(4)] + [(0, 9, 0.2)]
    pairs += [(i, 9, 0.9 - 0.01 * i) for i in range(1, 5)]
    left = bounded(pairs, 3)
    # 0 keeps (0, 3), (0, 2), (0, 1); 9 keeps (1, 9), (2, 9), (3, 9); (0, 0) stays as
    # 0's partner 0 has no other, (4, 9) as 4's only pair; (0, 9) is the lightest of both
    assert [pairs[p][:2] for p in left] == [(0, 9)]


def test_equal_weights_keep_the_earlier_pairs():
    # b's sentence 5 has three equal partners, a's sentence 0 six: (0, 5) is the last of
    # both, and the only pair neither sentence keeps
    pairs = [(1, 5, 0.5), (2, 5, 0.5)] + [(0, j, 0.5) for j in range(6)]
    assert bounded(pairs, 2) == [7]


cells = st.tuples(st.integers(0, 7), st.integers(0, 7))


@settings(max_examples=200, deadline=None)
@given(
    found=st.dictionaries(cells, st.sampled_from([0.3, 0.5, 0.7, 0.9]), max_size=40),
    most=st.integers(1, 5),
)
def test_the_arrays_leave_out_the_same_pairs_as_the_loop(found, most):
    import numpy as np

    pairs = [(i, j, w) for (i, j), w in found.items()]
    i = np.array([p[0] for p in pairs], dtype=np.int64)
    j = np.array([p[1] for p in pairs], dtype=np.int64)
    w = np.array([p[2] for p in pairs], dtype=np.float64)
    assert np.flatnonzero(~bounded_arrays(i, j, w, most)).tolist() == bounded(pairs, most)


@pytest.mark.parametrize("lines", [False, True], ids=["body", "headline-and-caption"])
def test_long_versions_weigh_the_same_pairs_on_arrays(lines):
    """The arrays (for versions long enough that the scorer used numpy) give the same
    pairs, weights and left-out pairs as the loop, to the last bit."""
    a = [*RESULTS_A * 12, *(f"Turnout in district {k} was {k + 30} percent." for k in range(200))]
    b = [*RESULTS_B * 12, *(f"District {k} saw a turnout of {k + 30} percent." for k in range(200))]
    if lines:
        a = ["Ruling party wins", *a, "Voters queue in district 3. Photo / AP"]
        b = ["The ruling party wins", *b, "Voters queue in district 3. Photo / Reuters"]
    pair = _Pair(tuple(a), tuple(b), resolve(None))
    assert pair.scorer.numbered is not None  # the arrays are used
    assert bool(pair.a_lines and pair.b_lines) == lines
    scores, _ = pairing._scores(pair)
    on_arrays = pairing._weighed(pair, scores)
    pair.scorer.numbered = None
    assert on_arrays[2]  # the cap left some pairs out
    assert pairing._weighed(pair, scores) == on_arrays


def _join_everywhere(pair, a_group, b_group) -> None:
    """The joins as they were: every unpaired sentence looked at again each round."""
    sides = (("a", len(pair.a_texts), a_group), ("b", len(pair.b_texts), b_group))
    while True:
        offers = []
        for side, count, own in sides:
            lines = pair.a_lines if side == "a" else pair.b_lines
            for index in range(count):
                if index in own or index in lines:
                    continue
                neighbours = {id(g): g for g in (own.get(index - 1), own.get(index + 1)) if g}
                for group in neighbours.values():
                    offer = joins._offer(pair, side, index, group)
                    if offer is not None:
                        offers.append(offer)
        if not offers:
            return
        offers.sort(key=lambda offer: offer[:2])
        joined: set[int] = set()
        for _, _, side, index, group in offers:
            own = a_group if side == "a" else b_group
            if index in own or id(group) in joined:
                continue
            group.attach(side, index)
            own[index] = group
            joined.add(id(group))


def _units_both_ways(monkeypatch, a, b, join) -> list:
    monkeypatch.setattr(aligner, "_join_neighbours", join)
    return [cc.align(a, b, diffs=False).units, cc.align(b, a, diffs=False).units]


SPLIT_A = [
    "The minister arrived in Moscow on Friday for talks on oil, gas and grain exports.",
    "Oil prices rose.",
]
SPLIT_B = [
    "The minister arrived in Moscow.",
    "He came on Friday.",
    "The talks were on oil, gas and grain exports.",
    "Oil prices rose.",
    "The weather was mild in the capital.",
]


def test_a_split_in_three_takes_two_rounds_of_joins(monkeypatch):
    rounds = []
    offer = joins._offer
    monkeypatch.setattr(joins, "_offer", lambda *args: (rounds.append(args[2]), offer(*args))[1])
    alignment = cc.align(SPLIT_A, SPLIT_B)
    assert [(u.a, u.b) for u in alignment.units] == [((0,), (0, 1, 2)), ((1,), (3,)), ((), (4,))]
    # b's unpaired sentences beside a unit: 1 (it joins the unit of 2) and 4 (no offer);
    # the second round looks only beside the unit that grew: at 0, which joins. Looking
    # at every sentence again would ask of 4 in each round: [1, 4, 0, 4, 4]
    assert rounds == [1, 4, 0]


small_words = st.sampled_from(
    "Russia Libya oil talks Moscow minister Friday grain exports prices rose the met".split()
)
sentence = st.lists(small_words, min_size=1, max_size=9).map(lambda w: " ".join(w) + ".")


@pytest.mark.parametrize(("a", "b"), [(SPLIT_A, SPLIT_B), (RESULTS_A, RESULTS_B[:7])])
def test_looking_again_only_beside_grown_units_joins_the_same(monkeypatch, a, b):
    assert _units_both_ways(monkeypatch, a, b, aligner._join_neighbours) == _units_both_ways(
        monkeypatch, a, b, _join_everywhere
    )


@settings(max_examples=120, deadline=None, derandomize=True, database=None)
@given(st.lists(sentence, max_size=14), st.lists(sentence, max_size=14))
def test_joins_are_the_same_as_looking_everywhere_each_round(a, b):
    with pytest.MonkeyPatch.context() as monkeypatch:
        ours = _units_both_ways(monkeypatch, a, b, aligner._join_neighbours)
        everywhere = _units_both_ways(monkeypatch, a, b, _join_everywhere)
    assert ours == everywhere


# the candidate index: each sentence proposes through its rarest keys only


def test_a_sentence_proposes_through_its_rarest_keys_while_their_visits_stay_few(monkeypatch):
    monkeypatch.setattr(candidates, "VISITS_MOST", 4)
    # a's sentence 0 holds "rare" (in one b sentence) and "common" (in five): five
    # visits past the four allowed, so only "rare" proposes; b's sentences 1-5 share
    # only "common" with it and are not proposed. a's sentence 1 holds only "common":
    # its rarest key, which always proposes, but only to b sentences that propose it too
    a = [frozenset({"rare", "common"}), frozenset({"common"})]
    b = [frozenset({"rare"}), *[frozenset({"common"})] * 5]
    found = Scorer(a, b).candidates(per_sentence=8)
    assert sorted(found) == [(0, 0), (1, 1), (1, 2), (1, 3), (1, 4), (1, 5)]


@settings(max_examples=150, deadline=None)
@given(
    a=st.lists(st.frozensets(st.sampled_from("abcdefghij"), max_size=6), max_size=30),
    b=st.lists(st.frozensets(st.sampled_from("abcdefghij"), max_size=6), max_size=30),
    most=st.integers(0, 40),
    per_sentence=st.integers(1, 4),
)
def test_the_rarest_keys_propose_alike_on_arrays_and_both_ways(a, b, most, per_sentence):
    """With the visits allowed drawn small, so that most sentences leave keys out: the
    loop and the arrays keep the same pairs with the same scores (the keys left out
    still count in the score), as the plain reference does, and swapping the
    versions swaps the pairs."""
    default = candidates.VISITS_MOST, similarity._ARRAYS_FROM, candidates._TABLE_MAX
    try:
        candidates.VISITS_MOST = most
        found = Scorer(a, b).candidates(per_sentence=per_sentence)
        swapped = Scorer(b, a).candidates(per_sentence=per_sentence)
        assert found == reference_candidates(Scorer(a, b), per_sentence)
        similarity._ARRAYS_FROM = 0
        assert Scorer(a, b).candidates(per_sentence=per_sentence) == found
        candidates._TABLE_MAX = 0  # the keys left out found by a sorted search
        assert Scorer(a, b).candidates(per_sentence=per_sentence) == found
    finally:
        candidates.VISITS_MOST, similarity._ARRAYS_FROM, candidates._TABLE_MAX = default
    assert swapped == {(j, i): score for (i, j), score in found.items()}


def test_the_visits_per_sentence_stay_bounded_as_the_versions_grow():
    """Keys drawn from one vocabulary of 400 words: each key is in more sentences the
    longer the text (10 at 200 sentences a side, 40 at 800: within the postings cap),
    and without the bound the visits per sentence grow with it."""

    def visits_per_sentence(n: int, most: int) -> float:
        draw = random.Random(n)
        words = [f"w{k}" for k in range(400)]
        a = [frozenset(draw.sample(words, 10)) for _ in range(n)]
        b = [frozenset(draw.sample(words, 10)) for _ in range(n)]
        scorer = Scorer(a, b)
        default, candidates.VISITS_MOST = candidates.VISITS_MOST, most
        try:
            found = _proposals_arrays(a, b, scorer.frequency, scorer.grid_weight, 8)
        finally:
            candidates.VISITS_MOST = default
        return found.visits / n

    unbounded = [visits_per_sentence(n, 10**9) for n in (200, 800)]
    bounded_ = [visits_per_sentence(n, candidates.VISITS_MOST) for n in (200, 800)]
    assert unbounded[1] > candidates.VISITS_MOST > unbounded[0] / 2
    assert all(v <= candidates.VISITS_MOST for v in bounded_)
