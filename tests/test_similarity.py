"""Sentence keys, the candidate index and its fast paths: same answers as the plain forms."""

from __future__ import annotations

import gc
import heapq
import random
import re
from collections import defaultdict

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import comparative_coverage as cc
from comparative_coverage.alignment import candidates, similarity
from comparative_coverage.alignment.candidates import POSTINGS_CAP
from comparative_coverage.alignment.similarity import Scorer
from comparative_coverage.normalize import (
    _TYPOGRAPHY,
    fold_quotes,
    fold_typography,
    token_texts,
    tokenize,
)


def rarest(keys, other: list[frozenset[str]], frequency) -> set[str]:
    """The keys a sentence proposes through, plainly: those within the cap, a frequency at
    a time from the rarest (always), while the ``other`` sentences holding them stay
    within VISITS_MOST."""
    capped = [k for k in keys if frequency[k] <= POSTINGS_CAP]
    chosen, visits = set(), 0
    for df in sorted({frequency[k] for k in capped}):
        level = {k for k in capped if frequency[k] == df}
        visits += sum(len(level & o) for o in other)
        if chosen and visits > candidates.VISITS_MOST:
            break
        chosen |= level
    return chosen


def reference_candidates(scorer: Scorer, per_sentence: int) -> dict[tuple[int, int], float]:
    """The index written plainly: float weights, (weight, -index) tuples, nlargest."""
    postings = defaultdict(list)
    for j, keys in enumerate(scorer.b_keys):
        for k in rarest(keys, scorer.a_keys, scorer.frequency):
            postings[k].append(j)
    keep, by_b = set(), defaultdict(list)
    for i, keys in enumerate(scorer.a_keys):
        shared = defaultdict(float)
        for k in rarest(keys, scorer.b_keys, scorer.frequency):
            for j in postings.get(k, ()):
                shared[j] += scorer.weight[k]
        keep.update(
            (i, -j) for _, j in heapq.nlargest(per_sentence, [(w, -j) for j, w in shared.items()])
        )
        for j, w in shared.items():
            by_b[j].append((w, -i))
    for j, rows in by_b.items():
        keep.update((-i, j) for _, i in heapq.nlargest(per_sentence, rows))
    return {(i, j): min(0.999, scorer.pair(i, j)) for i, j in sorted(keep)}


key_sets = st.lists(st.frozensets(st.sampled_from("abcdefghijklmnop"), max_size=6), max_size=30)


@settings(max_examples=150, deadline=None)
@given(a=key_sets, b=key_sets, per_sentence=st.integers(0, 4))
def test_candidates_are_the_heaviest_shared_pairs_ties_to_the_earlier_sentence(a, b, per_sentence):
    scorer = Scorer(a, b)
    found = scorer.candidates(per_sentence=per_sentence)
    expected = reference_candidates(scorer, per_sentence)
    assert found == expected
    assert list(found) == list(expected)  # the same order too: later steps iterate it


@settings(max_examples=150, deadline=None)
@given(a=key_sets, b=key_sets, per_sentence=st.integers(0, 4), long=st.booleans())
def test_the_weight_a_candidate_shares_is_the_weight_of_the_keys_it_shares(
    a, b, per_sentence, long
):
    """Kept from scoring (the restatement links ask it of most candidates), to the last bit."""
    default = similarity._ARRAYS_FROM
    similarity._ARRAYS_FROM = 0 if long else default  # long: the array index
    try:
        scorer = Scorer(a, b)
    finally:
        similarity._ARRAYS_FROM = default
    found = scorer.candidates(per_sentence=per_sentence)
    assert set(scorer.shared_weight) == set(found)
    for i, j in found:
        assert scorer.shared(i, j) == scorer.mass(a[i] & b[j])
        assert scorer.shared(i, j) == scorer.mass(b[j] & a[i])  # either way round


@settings(max_examples=150, deadline=None)
@given(a=key_sets, b=key_sets, per_sentence=st.integers(0, 4))
def test_the_array_index_keeps_the_pairs_the_loop_keeps(a, b, per_sentence):
    scorer = Scorer(a, b)
    arrays = candidates._proposals_arrays(
        scorer.a_keys, scorer.b_keys, scorer.frequency, scorer.grid_weight, per_sentence
    )
    assert arrays.codes.tolist() == scorer._proposals(per_sentence)


@settings(max_examples=150, deadline=None)
@given(a=key_sets, b=key_sets, per_sentence=st.integers(0, 4), block=st.integers(1, 40))
def test_the_visits_worked_through_in_blocks_keep_the_same_pairs(a, b, per_sentence, block):
    scorer = Scorer(a, b)
    whole = candidates._proposals_arrays(
        scorer.a_keys, scorer.b_keys, scorer.frequency, scorer.grid_weight, per_sentence
    )
    default, candidates._BLOCK = candidates._BLOCK, block  # sentences without visits too
    try:
        blocks = candidates._proposals_arrays(
            scorer.a_keys, scorer.b_keys, scorer.frequency, scorer.grid_weight, per_sentence
        )
    finally:
        candidates._BLOCK = default
    for name in ("codes", "shared", "count"):
        assert getattr(blocks, name).tolist() == getattr(whole, name).tolist()


@settings(max_examples=150, deadline=None)
@given(a=key_sets, b=key_sets, per_sentence=st.integers(0, 4))
def test_long_versions_weigh_their_keys_on_arrays_to_the_same_numbers(a, b, per_sentence):
    short = Scorer(a, b)
    default, similarity._ARRAYS_FROM = similarity._ARRAYS_FROM, 0  # as if long
    try:
        long = Scorer(a, b)
    finally:
        similarity._ARRAYS_FROM = default
    assert short.numbered is None and long.numbered is not None
    assert list(long.frequency.items()) == list(short.frequency.items())  # order too
    assert long.grid_weight == short.grid_weight and long.weight == short.weight
    assert long.a_mass == short.a_mass and long.b_mass == short.b_mass
    numbered = candidates._proposals_arrays(
        a, b, long.frequency, long.grid_weight, per_sentence, numbered=long.numbered
    )
    keyed = candidates._proposals_arrays(a, b, short.frequency, short.grid_weight, per_sentence)
    for name in ("codes", "shared", "count"):
        assert getattr(numbered, name).tolist() == getattr(keyed, name).tolist()
    for name in ("weights", "a_keys", "a_count", "b_codes"):
        assert getattr(numbered.frequent, name).tolist() == getattr(keyed.frequent, name).tolist()


def test_long_versions_take_the_array_index_and_keep_the_reference_candidates():
    words = [f"w{n}" for n in range(60)]
    a = [frozenset(words[(3 * n) % 60 : (3 * n) % 60 + 5]) for n in range(300)]
    b = [frozenset(words[(7 * n) % 60 : (7 * n) % 60 + 4]) | {f"only{n}"} for n in range(300)]
    scorer = Scorer(a, b)
    assert len(a) + len(b) >= similarity._ARRAYS_FROM
    assert any(scorer.frequency[k] > POSTINGS_CAP for k in words)  # the cap is exercised
    found = scorer.candidates(per_sentence=3)
    expected = reference_candidates(scorer, 3)
    assert found and found == expected
    assert list(found) == list(expected)


@pytest.mark.parametrize(
    "route",
    [
        {},
        {"_TABLE_MAX": 0},  # b's keys above the cap found by a sorted search
        {"_TABLE_MAX": 0, "_PACKED_MAX": 0},  # ... and ranked by a three-key sort
        {"_BLOCK": 50},  # the visits in blocks of a few sentences
        {"_BLOCK": 1},  # a block per sentence
        {"_FREQUENT_SLICE": 7},  # the keys above the cap looked up a few pairs at a time
    ],
)
def test_keys_above_the_cap_are_found_and_ranked_by_any_route_alike(monkeypatch, route):
    draw = random.Random(11)
    words = [f"w{n}" for n in range(12)]  # few words: most pass the cap
    a = [
        frozenset(draw.sample(words, draw.randint(1, 6)) + [f"a{n % 50}", f"c{n % 30}"])
        for n in range(300)
    ]
    b = [
        frozenset(draw.sample(words, draw.randint(1, 6)) + [f"a{n % 40}", f"c{n % 45}"])
        for n in range(300)
    ]
    for name, value in route.items():
        monkeypatch.setattr(candidates, name, value)
    scorer = Scorer(a, b)
    assert any(scorer.frequency[k] > POSTINGS_CAP for k in words)
    found = scorer.candidates(per_sentence=4)
    expected = reference_candidates(scorer, 4)
    assert found and found == expected


def test_the_array_scores_are_the_pair_scores_to_the_last_bit():
    draw = random.Random(7)
    words = [f"w{n}" for n in range(80)]
    a = [frozenset(draw.sample(words, draw.randint(1, 6))) for _ in range(300)]
    b = [frozenset(draw.sample(words, draw.randint(1, 6))) for _ in range(300)]
    a_texts = [" ".join(sorted(keys)) + f" number {n}." for n, keys in enumerate(a)]
    b_texts = [" ".join(sorted(keys, reverse=True)) + f" no. {n}" for n, keys in enumerate(b)]
    scorer = Scorer(a, b, a_texts, b_texts)
    assert len(a) + len(b) >= similarity._ARRAYS_FROM
    found = scorer.candidates(per_sentence=4)
    chance = [p for p in found if scorer.by_chance(*p)]
    assert chance and len(chance) < len(found)  # both kinds of score are exercised
    assert found == {
        p: min(0.999, score) for p, score in zip(found, scorer.pairs(list(found)), strict=True)
    }


def test_a_key_in_more_sentences_than_the_cap_proposes_nothing():
    common = frozenset({"kommon"})
    scorer = Scorer([common] * POSTINGS_CAP, [common | {"rare"}])
    assert scorer.candidates(per_sentence=8) == {}


_SPACES = re.compile(r"\s+")
_DASH_SPACES = re.compile(r" ?- ?(?=\D)|(?<=\D) ?- ?")
typography = st.text(
    alphabet=st.sampled_from(
        [*map(chr, _TYPOGRAPHY), *"ab1 -`'\".,\t\n", "\u00e9", "\u2028", "\x0b", "\x85"]
    ),
    max_size=20,
)


@settings(max_examples=300, deadline=None)
@given(text=typography)
def test_typography_folds_as_the_character_table_says(text):
    assert fold_quotes(text) == text.translate(_TYPOGRAPHY)
    plain = _DASH_SPACES.sub("-", _SPACES.sub(" ", text.translate(_TYPOGRAPHY))).strip()
    assert fold_typography(text) == plain


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=40))
def test_token_texts_are_the_tokens_without_offsets(text):
    assert token_texts(text) == [t.text for t in tokenize(text)]


class WatchedSentences(list):
    """A list of sentences that notes whether the collector ran while it was read."""

    def __iter__(self):
        self.collector_on = gc.isenabled()
        return super().__iter__()


def test_align_pauses_the_cyclic_collector_and_restores_it():
    sentences = WatchedSentences(["Russia welcomed the talks.", "Wagner fighters joined."])
    assert gc.isenabled()
    cc.align(sentences, ["Wagner fighters joined."])
    assert sentences.collector_on is False
    assert gc.isenabled()
    with pytest.raises(TypeError):
        cc.align([1], ["Wagner fighters joined."])
    assert gc.isenabled()


def test_a_caller_that_turned_the_collector_off_keeps_it_off():
    gc.disable()
    try:
        cc.align(["Russia welcomed the talks."], ["Russia welcomed the talks."])
        assert not gc.isenabled()
    finally:
        gc.enable()


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=st.characters(max_codepoint=127)))
def test_plain_ascii_text_splits_into_the_same_words_either_way(text):
    assert similarity._ASCII_WORD.findall(text) == similarity._WORD.findall(text)


_FOLDED_BEFORE = re.compile(r"[`\-\t\n\r\f\v]|  |^ | $")  # the fast path's old, wider test


@settings(max_examples=400, deadline=None)
@given(text=st.text(alphabet=st.sampled_from("ab -`\t\n\x0b\x1c\x1f.'\u2019")))
def test_plain_ascii_folds_as_before_when_a_hyphen_no_longer_takes_the_slow_path(text):
    similarity.fold.cache_clear()
    plain = text.isascii() and not _FOLDED_BEFORE.search(text)
    before = text if plain else fold_typography(text)
    assert similarity.fold(text) == before
