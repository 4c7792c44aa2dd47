"""Sentence alignment: the flagship pair as readable expectations, plus invariants."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import comparative_coverage as cc
from comparative_coverage.alignment.aligner import pair_sentences


@pytest.fixture(scope="module")
def flagship(shoigu_pair) -> cc.Alignment:
    return cc.align(*shoigu_pair)


def links(alignment: cc.Alignment) -> list[tuple]:
    """(a, b, status, moved) per unit, indices as tuples; readable at a glance."""
    return [(u.a, u.b, u.status, u.moved) for u in alignment.units]


@pytest.fixture(scope="module")
def flagship_lines(shoigu_pair) -> cc.Alignment:
    return cc.align(*shoigu_pair, lines=True)


def unit_of(alignment: cc.Alignment, *, a: int | None = None, b: int | None = None) -> cc.Unit:
    return next(u for u in alignment.units if (a is None or a in u.a) and (b is None or b in u.b))


def edits_of(unit: cc.Unit) -> list[str]:
    return [str(e) for e in unit.edits if e.tag != "equal"]


# ---- acceptance on the flagship pair ----------------------------------------------------
# a = Asharq Al-Awsat (000 #1), b = The Defense Post (001); indices start at 0.


def test_flagship_alignment_reads_as_expected(flagship):
    assert links(flagship) == [
        ((0,), (0,), "reworded", False),  # the lead: "on Friday", "war-shattered", "Abdulhamid"
        ((7,), (1,), "reworded", True),  # Qaddafi background, pulled up under the lead
        ((8,), (2,), "reworded", True),  # post-Qaddafi transition, pulled up too
        ((1,), (3,), "same", False),  # Shoigu quote 1
        ((2,), (4,), "same", False),  # Shoigu quote 2
        ((3,), (5,), "reworded", False),  # Menfi/Haftar
        ((4,), (6,), "same", False),  # Wagner
        ((5,), (7,), "same", False),  # "constructive"
        ((6,), (8,), "same", False),  # gratitude: differs only in an apostrophe
        ((), (9,), "added", False),  # "new momentum" quote
        ((), (10,), "added", False),  # "new economic climate"
        ((), (11,), "added", False),  # Mishustin meeting
    ]


def test_titles_pair_with_titles_and_deks_and_captions_restate_the_body(flagship, flagship_lines):
    """With ``lines=True`` an article's page lines are numbered after its body sentences."""
    assert flagship_lines.a_kinds == ("body",) * 9 + ("title", "caption")
    assert flagship_lines.b_kinds == ("body",) * 12 + ("title", "dek", "caption")
    assert links(flagship_lines)[:12] == links(flagship)  # the body is aligned as before
    assert links(flagship_lines)[12:] == [
        ((9,), (12,), "reworded", False),  # the titles: "with" / "With"
        ((10,), (), "dropped", False),  # a's photo caption: Shoigu meets Dbeibah
        ((), (13,), "added", False),  # b's dek: Moscow backed Haftar, sent mercenaries
        ((), (14,), "added", False),  # b's Haftar photo caption
    ]
    restated = {(r.a, r.b): r.by for r in flagship_lines.restatements}
    assert restated[4, 13] == "b"  # the dek says again what the Wagner sentence says
    assert restated[10, 0] == "a"  # the caption: the lead's meeting
    # a title never pairs with, nor restates, a body sentence
    for unit in flagship_lines.units:
        assert (9 in unit.a) == (12 in unit.b)
    assert all(r.a != 9 and r.b != 12 for r in flagship_lines.restatements)


def test_without_lines_an_alignment_holds_the_body_sentences_only(flagship, shoigu_pair):
    a, b = shoigu_pair
    assert flagship.a_sentences == tuple(s.text for s in a.sentences)
    assert flagship.a_kinds == flagship.b_kinds == ()
    assert {flagship.kind("a", 0), flagship.kind("b", 11)} == {"body"}


def test_the_leads_pair_as_reworded_with_their_additions(flagship):
    lead = unit_of(flagship, a=0)
    assert lead.b == (0,) and lead.status == "reworded"
    assert edits_of(lead) == [
        "replace has -> on Friday",
        "insert war-shattered",
        "replace Abdul Hamid -> Abdulhamid",
    ]


def test_either_minimal_move_is_accepted(flagship):
    moved = {u.a for u in flagship.units if u.moved}
    background, quotes = {(7,), (8,)}, {(1,), (2,), (3,), (4,), (5,), (6,)}
    assert moved in (background, quotes)


def test_the_menfi_sentence_shows_each_rewording(flagship):
    menfi = unit_of(flagship, a=3)
    assert menfi.b == (5,) and menfi.status == "reworded"
    assert edits_of(menfi) == [
        "replace Mohammed -> Mohammad",
        "replace UN-recognized -> UN-recognised",
        "replace leader -> strongman",
        "delete , AFP reported",
    ]


def test_the_apostrophe_only_difference_is_same(flagship):
    gratitude = unit_of(flagship, a=6)
    assert "Putin’s" in flagship.a_sentences[6] and "Putin‘s" in flagship.b_sentences[8]
    assert (gratitude.status, gratitude.score, gratitude.method) == ("same", 1.0, "identical")


def test_nothing_of_a_is_dropped(flagship):
    assert flagship.counts()["dropped"] == 0
    assert [flagship.b_sentences[u.b[0]][:25] for u in flagship.units if u.status == "added"] == [
        "“We would like to give ne",
        "Dbeibah said authorities ",
        "On Thursday, Russian Prim",
    ]


def test_names_come_from_the_articles(flagship):
    assert (flagship.a_name, flagship.b_name) == ("Asharq Al-Awsat", "The Defense Post")


# ---- the tidy contract -------------------------------------------------------------------


def test_to_frame_is_one_row_per_link_in_b_order(flagship):
    frame = flagship.to_frame()
    assert list(frame.columns[:8]) == [
        "unit",
        "a_index",
        "b_index",
        "a_text",
        "b_text",
        "status",
        "moved",
        "score",
    ]
    assert str(frame["a_index"].dtype) == "Int64" and str(frame["b_index"].dtype) == "Int64"
    assert frame["b_index"].tolist() == list(range(12))
    assert frame["a_index"].isna().sum() == 3
    assert set(frame["status"]) <= set(cc.model.STATUSES)
    assert frame["score"].between(0, 1).all()


def test_changes_lists_every_word_edit(flagship):
    changes = flagship.changes()
    assert list(changes.columns[:6]) == ["unit", "a_index", "b_index", "tag", "a_words", "b_words"]
    menfi = changes[changes["a_index"] == 3]
    assert menfi[["tag", "a_words", "b_words"]].values.tolist() == [
        ["replace", "Mohammed", "Mohammad"],
        ["replace", "UN-recognized", "UN-recognised"],
        ["replace", "leader", "strongman"],
        ["delete", ", AFP reported", ""],
    ]


# Two sentences of one version written as one in the other, then a sentence both share.
MERGED_A = [
    "The minister arrived in Moscow on Friday.",
    "He met the defence minister for talks on military cooperation.",
    "Oil prices rose.",
]
MERGED_B = [
    "The minister arrived in Moscow on Friday and met the defence minister for talks "
    "on military cooperation.",
    "Oil prices rose.",
]


def test_merges_and_splits_are_recognised():
    a, b = MERGED_A, MERGED_B
    alignment = cc.align(a, b)
    assert links(alignment) == [((0, 1), (0,), "merged", False), ((2,), (1,), "same", False)]
    assert links(cc.align(b, a)) == [((0,), (0, 1), "split", False), ((1,), (2,), "same", False)]
    frame = alignment.to_frame()
    assert frame["unit"].tolist() == [0, 0, 1]


def test_frequent_words_alone_make_no_match():
    a = ["Libya said the talks in Libya were useful, Libya said.", "Oil output rose to a record."]
    b = ["The weather in Libya was said to be mild.", "Oil output rose to a record high."]
    assert links(cc.align(a, b)) == [
        ((0,), (), "dropped", False),
        ((), (0,), "added", False),
        ((1,), (1,), "reworded", False),
    ]


def test_name_variants_and_light_rewording_keep_a_match():
    a = ["Libya's leader Muammar Qaddafi was killed in 2011, AFP reported."]
    b = ["Libya's longtime ruler Moamer Kadhafi was killed in 2011."]
    assert links(cc.align(a, b)) == [((0,), (0,), "reworded", False)]


def test_inputs_may_be_texts_lists_or_articles(shoigu_pair):
    a, b = shoigu_pair
    from_texts = cc.align(a.body, b.body)
    from_lists = cc.align([s.text for s in a.sentences], [s.text for s in b.sentences])
    assert links(from_texts) == links(from_lists) == links(cc.align(a, b))
    assert (from_texts.a_name, from_texts.b_name) == ("a", "b")


def test_options_are_recorded_and_deterministic(shoigu_pair):
    first, second = cc.align(*shoigu_pair), cc.align(*shoigu_pair)
    assert first == second
    assert dict(first.options)["threshold"] == 0.3  # calibrated on news-dev (issue 12)


def test_alignment_displays_itself_escaped():
    alignment = cc.align(
        ["<script>alert(1)</script> said the minister."],
        ["<script>alert(1)</script> said the minister & aide."],
    )
    html = alignment._repr_html_()
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<ins" in html and "reworded" in html


def test_the_cli_prints_a_readable_table(sample_dir, capsys):
    from comparative_coverage.cli import main

    assert (
        main(
            [
                "align",
                f"{sample_dir}/000_2b30075c1d741493.txt#1",
                f"{sample_dir}/001_d4fe8bf4671f7d50.txt",
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "REWORDED   MOVED" in out and "~ replace leader -> strongman" in out
    # the CLI aligns the page lines too: titles, a's caption, b's dek and caption
    assert out.strip().endswith(
        "5 same, 5 reworded, 5 added, 1 dropped, 2 moved; 2 restatement links"
    )
    assert "b 13 restates a 4 (holds" in out and "  DEK" in out


# ---- invariants ----------------------------------------------------------------------------

sentence = st.one_of(
    st.lists(
        st.sampled_from(
            [
                "Russia",
                "Libya",
                "Qaddafi",
                "Kadhafi",
                "talks",
                "the",
                "oil",
                "Moscow",
                "said",
                "mercenaries",
                "Wagner",
                "war-shattered",
                "Haftar",
                "strongman",
                "leader",
                "2011",
                "“quote”",
            ]
        ),
        min_size=1,
        max_size=12,
    ).map(lambda words: " ".join(words) + "."),
    st.text(min_size=1, max_size=40),
)


def check_accounts_for_every_sentence(alignment: cc.Alignment) -> None:
    a_seen = Counter(i for u in alignment.units for i in u.a)
    b_seen = Counter(j for u in alignment.units for j in u.b)
    assert a_seen == Counter(range(len(alignment.a_sentences)))
    assert b_seen == Counter(range(len(alignment.b_sentences)))
    for unit in alignment.units:
        assert 0.0 <= unit.score <= 1.0
        assert unit.status in cc.model.STATUSES
        assert (unit.status == "added") == (not unit.a)
        assert (unit.status == "dropped") == (not unit.b)


@settings(max_examples=200, deadline=None)
@given(st.lists(sentence, max_size=15), st.lists(sentence, max_size=15))
def test_every_sentence_of_both_versions_appears_exactly_once(a, b):
    check_accounts_for_every_sentence(cc.align(a, b))


def check_pairing_completes_to_align(a, b, **kw) -> None:
    paired = pair_sentences(a, b)
    alignment = cc.align(a, b, **kw)
    completed = paired.alignment(**kw)
    assert completed == alignment and completed.options == alignment.options
    both = [u for u in alignment.units if u.a and u.b]
    assert paired.paired() == (sum(len(u.a) for u in both), sum(len(u.b) for u in both))


@settings(max_examples=150, deadline=None)
@given(st.lists(sentence, max_size=15), st.lists(sentence, max_size=15), st.booleans())
def test_sentences_paired_then_completed_are_the_alignment_align_makes(a, b, diffs):
    """``pair_sentences`` stops before the restatement links and units (choosing a spine
    reads only which sentences pair); completing it gives exactly ``align``'s alignment,
    and its count of paired sentences is the units'."""
    check_pairing_completes_to_align(a, b, diffs=diffs)


def test_a_pairing_counts_a_merge_as_all_its_sentences():
    a, b = MERGED_A, [*MERGED_B, "Gas prices fell."]
    assert pair_sentences(a, b).paired() == (3, 2)
    assert pair_sentences(b, a).paired() == (2, 3)
    check_pairing_completes_to_align(a, b)


def test_a_pairing_of_two_articles_completes_with_their_names(shoigu_pair):
    a, b = shoigu_pair
    check_pairing_completes_to_align(a, b)
    check_pairing_completes_to_align(b, a, diffs=False, a_name="x", b_name="y")
    assert pair_sentences(a, b).alignment().a_name == a.outlet


@settings(max_examples=150, deadline=None)
@given(st.lists(sentence, min_size=1, max_size=15))
def test_a_text_aligned_with_itself_is_all_same(a):
    alignment = cc.align(a, a)
    assert all(u.status == "same" and u.score == 1.0 and not u.moved for u in alignment.units)
    assert len(alignment.units) == len(a)


MIRROR = {
    "added": "dropped",
    "dropped": "added",
    "merged": "split",
    "split": "merged",
    "same": "same",
    "reworded": "reworded",
}


def _mirrored(a, b) -> tuple[Counter, Counter]:
    forward = Counter(u.status for u in cc.align(a, b).units)
    backward = Counter(MIRROR[u.status] for u in cc.align(b, a).units)
    return forward, backward


# Derandomized so that CI runs the same 150 cases every time: a known asymmetry (below)
# must not make the suite pass or fail by chance.
@settings(max_examples=150, deadline=None, derandomize=True, database=None)
@given(st.lists(sentence, max_size=12), st.lists(sentence, max_size=12))
def test_swapping_a_and_b_swaps_added_dropped_and_merged_split(a, b):
    forward, backward = _mirrored(a, b)
    assert forward == backward


@pytest.mark.xfail(
    strict=True,
    reason="found by hypothesis: among identical sentences ('Russia.' twice on one side, "
    "three times on the other) the heaviest-chain tie-break takes the first in a's order, "
    "so the leftover joins a gap unit as a split one way and is dropped the other way",
)
def test_swapping_with_repeated_identical_sentences_around_a_gap():
    a = ["Russia.", "Russia " * 7 + "Qaddafi.", "Russia.", "Russia.", "0"]
    b = ["Russia.", "Russia Russia Libya talks oil.", "Russia.", "0"]
    forward, backward = _mirrored(a, b)
    assert forward == backward


@settings(max_examples=100, deadline=None)
@given(st.lists(sentence, max_size=8), st.lists(sentence, max_size=8))
def test_word_edits_of_every_unit_replay(a, b):
    from comparative_coverage.alignment.worddiff import replay

    alignment = cc.align(a, b)
    for unit in alignment.units:
        if unit.edits:
            a_text = " ".join(alignment.a_sentences[i] for i in unit.a)
            b_text = " ".join(alignment.b_sentences[j] for j in unit.b)
            assert replay(unit.edits, a_text, side="a") == a_text
            assert replay(unit.edits, b_text, side="b") == b_text


def check_restatements(alignment: cc.Alignment) -> None:
    unit_links = {(i, j) for u in alignment.units for i in u.a for j in u.b}
    restated = [(r.a, r.b) for r in alignment.restatements]
    assert len(restated) == len(set(restated))  # each link once
    assert not set(restated) & unit_links  # never a unit's link again
    for link in alignment.restatements:
        assert 0 <= link.a < len(alignment.a_sentences)
        assert 0 <= link.b < len(alignment.b_sentences)
        assert link.by in ("a", "b") and 0.0 <= link.score <= 1.0
        assert link.method in ("holds", "held", "leftover", "cross")


@settings(max_examples=200, deadline=None)
@given(st.lists(sentence, max_size=15), st.lists(sentence, max_size=15))
def test_restatement_links_never_repeat_a_unit_link(a, b):
    check_restatements(cc.align(a, b))


headline = st.lists(
    st.sampled_from(["Russia", "Libya", "Wagner", "talks", "oil", "Haftar", "Moscow"]),
    min_size=1,
    max_size=6,
).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(headline, min_size=1, max_size=2),
    st.lists(sentence, min_size=1, max_size=8),
    st.lists(headline, min_size=1, max_size=2),
    st.lists(sentence, min_size=1, max_size=8),
)
def test_headlines_pair_only_with_headlines(a_heads, a_body, b_heads, b_body):
    from comparative_coverage.alignment.pair import headlines

    a, b = [*a_heads, *a_body], [*b_heads, *b_body]
    alignment = cc.align(a, b)
    a_titles, b_titles = headlines(tuple(a)), headlines(tuple(b))
    for unit in alignment.units:
        for i in unit.a:
            for j in unit.b:
                assert (i in a_titles) == (j in b_titles)
    for link in alignment.restatements:
        assert link.a not in a_titles and link.b not in b_titles


def test_a_headline_pairs_with_the_headline_not_the_lead():
    a = [
        "Russia calls for deeper military ties with Libya",
        "Russia has called for deeper military ties with Libya, the defence ministry said.",
        "Oil output rose to a record.",
    ]
    b = [
        "Russia seeks deeper military ties with Libya",
        "Russia on Friday called for deeper military ties with Libya, the ministry said.",
        "Oil output rose to a record.",
    ]
    assert [(u.a, u.b) for u in cc.align(a, b).units] == [((0,), (0,)), ((1,), (1,)), ((2,), (2,))]
    assert [(u.a, u.b, u.status) for u in cc.align(a[:1] + a[2:], b[1:]).units if u.a and u.b] == [
        ((1,), (1,), "same")
    ]


def test_a_caption_restates_a_body_sentence_that_is_paired_already():
    a = [
        "Khalifa Haftar met Russian officials in Moscow on Friday to discuss military ties.",
        "The talks followed a visit by Wagner commanders to eastern Libya.",
    ]
    b = [
        "Haftar met Russian officials in Moscow on Friday. Photo / AFP",
        "Khalifa Haftar met Russian officials in Moscow on Friday to discuss military ties.",
        "The talks followed a visit by Wagner commanders to eastern Libya.",
    ]
    alignment = cc.align(a, b)
    assert links(alignment) == [
        ((), (0,), "added", False),
        ((0,), (1,), "same", False),
        ((1,), (2,), "same", False),
    ]
    assert [(r.a, r.b, r.by, r.method) for r in alignment.restatements] == [(0, 0, "b", "holds")]
    frame = alignment.to_frame()
    assert frame["link"].tolist() == ["unit", "unit", "unit", "restatement"]
    assert frame.iloc[-1][["a_index", "b_index", "unit"]].tolist() == [0, 0, 0]
    assert "restates" in alignment._repr_html_()
    swapped = cc.align(b, a)
    assert [(r.a, r.b, r.by) for r in swapped.restatements] == [(0, 0, "a")]


def test_a_clause_moved_into_the_next_sentence_links_across_neighbouring_units():
    # an updated take moves "citing poor health ..." into the next sentence: the pair
    # across the two units scores between second_threshold and cross_threshold, and the
    # units are neighbours in both versions, so order vouches for the link
    a = [
        "The finance minister resigned on Monday after the budget vote, citing poor health "
        "and family reasons.",
        "Parliament will elect a successor next week.",
    ]
    b = [
        "The finance minister resigned on Monday after the budget vote.",
        "Citing poor health and family reasons, she said parliament would elect a successor "
        "next week.",
    ]
    alignment = cc.align(a, b)
    assert [(u.a, u.b) for u in alignment.units] == [((0,), (0,)), ((1,), (1,))]
    assert [(r.a, r.b, r.method) for r in alignment.restatements] == [(0, 1, "cross")]
    assert 0.35 <= alignment.restatements[0].score < 0.5
    assert [(r.a, r.b) for r in cc.align(b, a).restatements] == [(1, 0)]
    # the same pair with two other units between them: no order vouches, no link
    between = [
        "Opposition leaders called for an early election in the spring.",
        "Markets in the capital barely moved after the announcement.",
    ]
    far = cc.align([a[0], *between, a[1]], [b[0], *between, b[1]])
    assert [(r.a, r.b) for r in far.restatements] == []


def test_mutual_best_partners_may_score_a_little_under_the_threshold():
    a = ["The central bank raised interest rates by half a point on Thursday to fight inflation."]
    b = ["Rates went up by half a point, the central bank said, as prices kept climbing."]
    score = cc.align(a, b).units[0].score  # well above the default threshold
    # (the two leads pair at context_threshold whatever their rank: raised alike here)
    just_above = {"threshold": score + 0.01, "context_threshold": score + 0.01}
    pairs = lambda alignment: [(u.a, u.b) for u in alignment.units]  # noqa: E731
    # each sentence is the other's best candidate: the allowance lets the pair in ...
    assert pairs(cc.align(a, b, **just_above, mutual_allowance=0.02)) == [((0,), (0,))]
    assert pairs(cc.align(b, a, **just_above, mutual_allowance=0.02)) == [((0,), (0,))]
    # ... without it the score alone decides
    assert pairs(cc.align(a, b, **just_above, mutual_allowance=0.0)) == [((0,), ()), ((), (0,))]
    # a sentence whose best partner is another is no mutual best of the weaker one
    closer = "On Thursday the central bank raised rates by half a point to fight rising inflation."
    alignment = cc.align(a, [b[0], closer], **just_above, mutual_allowance=0.02)
    assert [(u.a, u.b) for u in alignment.units if u.a and u.b] == [((0,), (1,))]


def test_many_identical_sentences_pair_in_order():
    """Copies pair with the copies of the same rank (issue 17: 4,000 took 246 s)."""
    a = ["The talks went on."] * 4000
    b = ["Opening line here."] + ["The talks went on."] * 3999
    alignment = cc.align(a, b, diffs=False)
    same = [(u.a, u.b) for u in alignment.units if u.status == "same"]
    assert len(same) == 3999 and all(not u.moved for u in alignment.units)
    assert len([u for u in alignment.units if u.status == "dropped"]) == 1


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ([], []),
        (["One sentence."], []),
        ([], ["One sentence."]),
        (["Only one."], ["Only one."]),
        (["Libya."], [f"Sentence number {k} about Libya and oil." for k in range(500)]),
        (["\u0000\ufffd\U0001f600 ∑ ✓"], ["\u202e reversed \u200b text"]),
    ],
    ids=["empty", "a-only", "b-only", "single", "1-vs-500", "odd-unicode"],
)
def test_edge_cases_do_not_crash(a, b):
    alignment = cc.align(a, b)
    check_accounts_for_every_sentence(alignment)
    alignment.to_frame()
    alignment.changes()
    alignment._repr_html_()


def test_the_alignment_does_not_depend_on_the_hash_seed(sample_dir):
    """Scores are summed over sets: weights on a fixed grid make the sums exact in any order."""
    import subprocess
    import sys

    script = (
        "import comparative_coverage as cc, hashlib\n"
        f"arts = cc.read_articles({str(sample_dir)!r})\n"
        "h = hashlib.sha1()\n"
        "for x in arts:\n"
        "    for y in arts:\n"
        "        al = cc.align(x, y)\n"
        "        h.update(repr((al.units, al.restatements)).encode())\n"
        "print(h.hexdigest())\n"
    )
    digests = {
        subprocess.run(
            [sys.executable, "-c", script],
            env={"PYTHONHASHSEED": seed, "PATH": ""},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2")
    }
    assert len(digests) == 1


# ---- restatements in the N-way comparison -----------------------------------------------


def _version(name: str, *sentences: str) -> cc.Article:
    return cc.Article(name, name.upper(), "", (" ".join(sentences),))


_ARRIVED = "The defence minister arrived in Moscow on Friday for talks with Vladimir Putin."
_OIL = "Oil prices rose sharply on Monday in London trading."
_RESTATED = "Putin held talks with the defence minister in Moscow."


def test_a_sentence_that_restates_the_spine_is_not_counted_as_added():
    spine = _version("ap", _ARRIVED, _OIL)
    comparison = cc.compare([spine, _version("afp", _OIL, _ARRIVED, _RESTATED)], spine=0)
    assert [(r.a, r.b) for r in comparison.alignments["AFP"].restatements] == [(0, 2)]
    relations = {cell.sentences: cell.relation for u in comparison.units for cell in u.cells[1:]}
    assert relations == {(1,): "same", (0,): "same", (2,): "restated"}


def test_a_restating_sentence_joins_the_unit_it_restates_when_its_version_lacks_one():
    """Out of order and too weak for a move, the pair is a restatement, not dropped + added."""
    talks = "The talks covered energy and military cooperation, officials said."
    spine = _version("ap", _ARRIVED, _OIL, talks)
    other = _version("afp", _OIL, talks, "Putin met the defence minister in Moscow.")
    comparison = cc.compare([spine, other], spine=0)
    assert [(r.a, r.b) for r in comparison.alignments["AFP"].restatements] == [(0, 2)]
    arrived = next(u for u in comparison.units if u.cells[0].sentences == (0,))
    assert arrived.status == "shared_all"
    assert (arrived.cells[1].sentences, arrived.cells[1].relation) == ((2,), "restated")
    assert len(comparison.units) == 3  # nothing counted as added
