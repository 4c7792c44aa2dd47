"""Kinds of word change: each edit of an alignment named the way a media-literacy class would."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import comparative_coverage as cc
from comparative_coverage.wording.kinds import KIND_COLUMNS, classify_edit
from comparative_coverage.wording.spelling import spelling_rule
from tests import wording_cases


@pytest.fixture(scope="module")
def flagship_kinds(shoigu_pair):
    return cc.classify_changes(cc.align(*shoigu_pair)).to_frame()


def edit_kind(a: str, b: str) -> list[tuple[str, str, str, str]]:
    """(a_words, b_words, kind, detail) of every non-equal edit of two sentences."""
    return [
        (e.a_phrase, e.b_phrase, *classify_edit(e, a_text=a, b_text=b))
        for e in cc.word_diff(a, b)
        if e.tag != "equal"
    ]


# ---- acceptance on the flagship pair --------------------------------------------------------


def test_every_edit_of_the_flagship_pair_has_its_kind(flagship_kinds):
    rows = flagship_kinds[["a_index", "b_index", "a_words", "b_words", "kind", "detail"]]
    assert [tuple(r) for r in rows.itertuples(index=False)] == [
        (0, 0, "has", "on Friday", "added_detail", "time"),
        (0, 0, "", "war-shattered", "label", "descriptor"),  # a descriptor of a place
        (0, 0, "Abdul Hamid", "Abdulhamid", "name_variant", "spacing"),
        (7, 1, "its leader", "longtime dictator", "label", "ruler"),
        (7, 1, "Muammar Qaddafi", "Moamer Kadhafi", "name_variant", "transliteration"),
        (
            7,
            1,
            "supported by a number of western countries",
            "uprising backed by several Western powers",
            "label",
            "event; support",
        ),
        (8, 2, "post-Qaddafi", "post-Kadhafi", "name_variant", "transliteration"),
        (3, 5, "Mohammed", "Mohammad", "name_variant", "transliteration"),
        (3, 5, "UN-recognized", "UN-recognised", "spelling", "british_american"),
        (3, 5, "leader", "strongman", "label", "ruler"),
        (3, 5, ", AFP reported", "", "attribution", "dropped"),
    ]


def test_label_changes_say_whether_they_moved_towards_loaded_words(flagship_kinds):
    labels = flagship_kinds[flagship_kinds["kind"] == "label"]
    assert labels[["b_words", "loaded", "b_terms"]].values.tolist() == [
        ["war-shattered", "towards", "war-shattered"],
        ["longtime dictator", "towards", "dictator"],
        ["uprising backed by several Western powers", "towards", "uprising; backed"],
        ["strongman", "towards", "strongman"],
    ]


def test_the_frame_has_stable_documented_columns(flagship_kinds):
    assert tuple(flagship_kinds.columns) == KIND_COLUMNS
    assert list(flagship_kinds["kind"].cat.categories) == list(cc.KINDS)
    assert set(flagship_kinds["a_outlet"]) == {"Asharq Al-Awsat"}
    assert set(flagship_kinds["b_outlet"]) == {"The Defense Post"}
    assert str(flagship_kinds["a_index"].dtype) == "Int64"


# ---- single edits -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (
            "forces loyal to him",
            "militias loyal to him",
            [("forces", "militias", "label", "armed group")],
        ),
        ("the talks on Tuesday", "the talks on Thursday", [("Tuesday", "Thursday", "other", "")]),
        ("envoys from Libya", "envoys from Liberia", [("Libya", "Liberia", "other", "")]),
        ("the leader spoke", "the leaders spoke", [("leader", "leaders", "grammar", "inflection")]),
        ("the western powers", "the Western powers", [("western", "Western", "spelling", "case")]),
        (
            "a long-time commander",
            "a longtime commander",
            [("long-time", "longtime", "spelling", "hyphenation")],
        ),
        (
            "Defense Minister Sergei Shoigu hosted him",
            "Sergei Shoigu hosted him",
            [("Defense Minister", "", "dropped_detail", "title")],
        ),
        (
            "backed by Khalifa Haftar today",
            "backed by Haftar today",
            [("Khalifa", "", "name_form", "shorter_name")],
        ),
        (
            "it was killed.",
            "it was killed, Reuters said.",
            [("", ", Reuters said", "attribution", "added")],
        ),
        (
            "the rebel commander Ali",
            "the rebel chief Ali",
            [("commander", "chief", "label", "descriptor")],
        ),
    ],
)
def test_single_edits(a, b, expected):
    assert edit_kind(a, b) == expected


@pytest.mark.parametrize(
    ("a", "b", "rule"),
    [
        ("recognized", "recognised", "british_american"),
        ("Defense", "Defence", "british_american"),
        ("labor", "labour", "british_american"),
        ("centre", "center", "british_american"),
        ("travelled", "traveled", "british_american"),
        ("analyse", "analyze", "british_american"),
        ("programme", "program", "british_american"),
        ("western", "Western", "case"),
        ("Türkiye", "Turkiye", "accents"),
        ("ceasefire", "cease-fire", "hyphenation"),
        ("filled", "filed", None),
        ("four", "for", None),
        ("leader", "leaders", None),
    ],
)
def test_spelling_rules(a, b, rule):
    assert spelling_rule(a, b) == rule


# ---- corpus-wide ---------------------------------------------------------------------------------


def test_the_sample_spells_these_words_two_ways(sample_articles):
    groups = cc.find_spelling_variants(sample_articles)
    found = {g.name: set(g.variants) for g in groups}
    assert found == {
        "Defense": {"Defense", "defense", "Defence"},
        "UN-recognized": {"UN-recognized", "UN-recognised"},
        "counter-terrorism": {"counter-terrorism", "counterterrorism"},
        "long-time": {"long-time", "longtime"},
    }
    defence = next(g for g in groups if g.name == "Defense")
    assert defence.kind == "spelling"
    assert defence.outlets()["Defence"] == ("teleSUR English",)


def test_mined_substitutions_rank_what_outlets_swap(shoigu_pair):
    a, b = shoigu_pair
    mined = cc.mine_substitutions([cc.align(a, b), cc.align(b, a)]).to_frame()
    top = mined[["a_words", "b_words", "count", "kind", "loaded"]].values.tolist()
    assert ["leader", "strongman", 1, "label", "towards"] in top
    assert ["strongman", "leader", 1, "label", "away"] in top
    assert mined["count"].is_monotonic_decreasing
    row = mined[mined["a_words"] == "leader"].iloc[0]
    assert row["outlets"] == "Asharq Al-Awsat -> The Defense Post"


def test_unlisted_words_point_to_what_the_lexicon_lacks():
    a = ["The warlord Haftar spoke at length on Monday."]
    b = ["The renegade general Haftar spoke at length on Monday."]
    mined = cc.mine_substitutions([cc.align(a, b)]).to_frame()
    assert mined[["a_words", "b_words", "unlisted"]].values.tolist() == [
        ["warlord", "renegade general", "renegade; general"]
    ]


# ---- invariants -----------------------------------------------------------------------------------

sentence = st.lists(
    st.sampled_from(
        [
            "Qaddafi",
            "Kadhafi",
            "leader",
            "dictator",
            "the",
            "said",
            "forces",
            "militias",
            "Libya",
            ",",
            "on",
            "Friday",
            "AFP",
            "reported",
        ]
    ),
    min_size=1,
    max_size=12,
).map(lambda words: " ".join(words) + ".")


@settings(max_examples=100, deadline=None)
@given(st.lists(sentence, min_size=1, max_size=5), st.lists(sentence, min_size=1, max_size=5))
@example(a=["Qaddafi Qaddafi Qaddafi said."], b=["Qaddafi said Qaddafi Qaddafi."])  # a credit moved
def test_every_non_equal_edit_gets_at_least_one_row_of_a_known_kind(a, b):
    """An edit may be cut into pieces (a dateline, a credit), so it has one row or more;
    a credit moved within the sentence is one row over two edits (its words dropped here,
    added there), so it counts for the edit its side lies in; rows outside the edits are
    credits in sentences only one version has."""
    alignment = cc.align(a, b)
    frame = cc.classify_changes(alignment).to_frame()
    for unit in alignment.units:
        rows = frame[frame["unit"] == unit.unit]
        for edit in (e for e in unit.edits if e.tag != "equal"):
            a_side = (rows["a_start"] >= edit.a_span[0]) & (rows["a_end"] <= edit.a_span[1])
            b_side = (rows["b_start"] >= edit.b_span[0]) & (rows["b_end"] <= edit.b_span[1])
            moved = (rows["detail"] == "credit_moved") & (
                (a_side & (edit.a_span[1] > edit.a_span[0]))
                | (b_side & (edit.b_span[1] > edit.b_span[0]))
            )
            assert len(rows[(a_side & b_side) | moved]) >= 1, edit
        if not unit.edits:
            # a credit line, or a name the other version spells otherwise throughout
            for row in rows.itertuples():
                assert row.kind == "attribution" or (
                    row.kind == "name_variant"
                    and row.a_words not in " ".join(b)
                    and row.b_words not in " ".join(a)
                ), row
    assert frame["kind"].isin(cc.KINDS).all()
    assert frame["loaded"].isin(["towards", "away", "none"]).all()


@pytest.mark.parametrize(
    "sentence",
    [
        "The renegade general Khalifa Haftar met Hafter in Benghazi.",
        "Libyan strongman Muammar Qaddafi ruled for decades, and Gaddafi was killed in 2011.",
    ],
)
def test_a_sentence_both_versions_print_alike_has_no_change(sentence):
    """Two spellings of one name in one sentence, a label beside only one of them: the
    versions print the same words, so nothing was added, dropped or swapped (this once
    gave a "label added" row on a unit whose status was "same")."""
    alignment = cc.align([sentence, "Talks ended."], [sentence, "Talks ended today."])
    rows = cc.classify_changes(alignment)
    assert [(r.kind, r.b_words) for r in rows] == [("added_detail", "today")]
    assert all(r.status != "same" for r in rows)


def test_an_empty_alignment_gives_an_empty_frame_with_the_columns():
    frame = cc.classify_changes(cc.align([], [])).to_frame()
    assert frame.empty and tuple(frame.columns) == KIND_COLUMNS


# ---- labelled cases (tests/cases/kinds.json, shared with benchmarks/eval_wording.py) ----


@pytest.mark.parametrize("family", wording_cases.FAMILIES)
def test_every_rule_family_has_forty_cases_a_quarter_of_them_real(family):
    cases = wording_cases.load(family)
    real = [c for c in cases if not c["origin"].startswith("synthetic")]
    assert len(cases) >= 40
    assert len(real) * 4 >= len(cases)
    assert all(c["origin"].split()[0] in ("seed", "wild", "synthetic") for c in cases)


@pytest.mark.parametrize("case", wording_cases.params("kinds"))
def test_kind_cases(case):
    expected, got = wording_cases.run("kinds", case)
    assert got == expected


def test_kinds_have_titles_for_readers():
    from comparative_coverage.wording.kinds import KIND_TITLES, kind_title

    assert set(KIND_TITLES) == set(cc.KINDS)
    assert all("_" not in title for title in KIND_TITLES.values())
    assert kind_title("dropped_detail") == "detail left out"


def test_shown_words_keep_the_sentence_spacing():
    """Words are cut from the sentences, not re-joined tokens: no "Sept ." or "( AFP )"."""
    frame = cc.classify_changes(
        cc.align(
            ["MOSCOW (AFP) - Russia said on Sept. 3 it would act."],
            ["Russia said on Sept. 4 it would act."],
        )
    ).to_frame()
    shown = " | ".join(frame["a_words"]) + " | " + " | ".join(frame["b_words"])
    assert "( AFP )" not in shown and "Sept ." not in shown
    assert "(AFP) -" in shown


def _kinds_of(a: str, b: str) -> list[list[str]]:
    frame = cc.classify_changes(cc.align([a], [b])).to_frame()
    return frame[["a_words", "b_words", "kind"]].values.tolist()


def test_a_credited_dateline_dropped_whole_is_one_attribution_change():
    """One editorial act, one change (news-dev's gold: "WASHINGTON (AP) —" is an attribution)."""
    assert _kinds_of(
        "CAIRO (Reuters) - Hamas said its leader was killed.", "Hamas said its leader was killed."
    ) == [["CAIRO (Reuters) -", "", "attribution"]]


def test_a_place_only_dateline_dropped_stays_a_dateline():
    assert _kinds_of(
        "CAIRO - Hamas said its leader was killed.", "Hamas said its leader was killed."
    ) == [["CAIRO -", "", "dateline"]]


def test_a_credit_dropped_from_a_kept_dateline_is_an_attribution_change():
    assert _kinds_of(
        "CAIRO (Reuters) - Hamas said its leader was killed.",
        "CAIRO - Hamas said its leader was killed.",
    ) == [["(Reuters)", "", "attribution"]]


def test_a_dateline_restyled_without_its_credit_is_one_dateline_change():
    frame = cc.classify_changes(
        cc.align(["Tehran (AFP) - A woman died."], ["Tehran: A woman died."])
    ).to_frame()
    assert frame[["a_words", "b_words", "kind", "detail"]].values.tolist() == [
        ["(AFP) -", ":", "dateline", "credit_dropped"]
    ]


def test_a_credit_moved_within_the_sentence_is_not_an_attribution_change():
    """The same source credited on both sides: who is credited did not change."""
    frame = cc.classify_changes(
        cc.align(
            ['"The hospital was full," state television reported.'],
            ['State television said, "The hospital was full."'],
        )
    ).to_frame()
    moved = frame[frame["detail"] == "credit_moved"]
    assert moved[["a_words", "b_words", "kind"]].values.tolist() == [
        ['," state television reported.', "State television said,", "other"]
    ]  # one move, one row
    assert "attribution" not in set(frame["kind"])


def test_a_weekday_beside_the_verb_is_not_a_new_source():
    frame = cc.classify_changes(
        cc.align(
            ['"The hospital was full," state television reported.'],
            ['"The hospital was full," state television said on Friday.'],
        )
    ).to_frame()
    assert "attribution" not in set(frame["kind"])


def test_a_verb_of_saying_swapped_without_a_source_is_not_an_attribution_change():
    """ "The group said, ..." / "The group mourned ..., describing it as": the source
    ("The group") stands outside the edit and did not change."""
    frame = cc.classify_changes(
        cc.align(
            ['The group said, "a raid on the camp" had killed him.'],
            ['The group mourned his death, describing it as "a raid on the camp".'],
        )
    ).to_frame()
    assert "attribution" not in set(frame["kind"])


def test_a_credit_swapped_for_a_bare_verb_is_one_source_dropped():
    """ "told AFP" -> "said": one row, the source dropped, the saying kept."""
    assert _kinds_of(
        'Many people "are happy about it", she told AFP.',
        'Many people "are happy about it", she said.',
    ) == [["told AFP", "said", "attribution"]]


def test_a_verb_of_saying_added_alone_credits_no_one():
    frame = cc.classify_changes(
        cc.align(
            ["Reuters quoted a statement by the group on the raid."],
            ["Reuters quoted a statement by the group, which said that the raid killed him."],
        )
    ).to_frame()
    assert "attribution" not in set(frame["kind"])


def test_a_credit_ends_where_a_word_ends():
    # wild (news-dev, Haniyeh, Pratidin Time): an "according to ..." source longer than the
    # credit's 50 characters was cut inside "group", and the rest showed as "roup on Wednesday."
    a = "Hamas leader Ismail Haniyeh was killed in Iran on Jul. 31, 2024."
    b = (
        "Hamas chief Ismail Haniyeh was killed in Iran’s Tehran, according to a statement "
        "released by the Palestinian militant group on Wednesday."
    )
    words = set(re.findall(r"[\w’]+", a + " " + b))
    for a_words, b_words, _kind in _kinds_of(a, b):
        assert set(re.findall(r"[\w’]+", a_words + " " + b_words)) <= words


def test_a_figure_with_thousands_is_one_word_and_one_change():
    # "1,200" was three tokens, so the diff said "200" -> "500" and a second row "1,200
    # people" -> "1,500 people"; "1,500" / "1500" gave "1," dropped and "500" -> "1500"
    assert _kinds_of(
        "The ministry said 1,200 people were evacuated.",
        "The ministry said 1,500 people were evacuated.",
    ) == [["1,200", "1,500", "number"]]
    assert _kinds_of("It has 1,500 staff.", "It has 1500 staff.") == [["1,500", "1500", "format"]]


def test_a_word_inside_a_dropped_dateline_is_not_also_a_word_respelled():
    rows = _kinds_of(
        "KYIV, Ukraine (AP) \u2014 Drones struck the capital overnight.",
        "Drones struck Kyiv overnight.",
    )
    assert ["KYIV, Ukraine (AP) \u2014", "", "attribution"] in rows
    assert not [r for r in rows if r[2] == "spelling"]


# ---- forms inside a restatement (a caption or an embedded post restating a sentence) ----

_STURGEON = (
    "Nicola Sturgeon has tendered her resignation as First Minister to the King and left "
    "Bute House for the final time.",
    "She was seen embracing the household staff who work there.",
    "Her successor will be chosen by a vote at Holyrood on Tuesday.",
)


def _restated(caption: str, body: tuple[str, ...] = _STURGEON):
    a = cc.Article(id="a#1", outlet="The National", title="Sturgeon resigns", paragraphs=body)
    b = cc.Article(
        id="b#1",
        outlet="Shropshire Star",
        title="Sturgeon resigns",
        paragraphs=body,
        captions=(caption,),
    )
    alignment = cc.align(a, b, lines=True)
    assert alignment.restatements, "the caption restates the lead"
    return [
        (r.a_index, r.b_index, r.a_words, r.b_words, r.kind, r.detail)
        for r in cc.classify_changes(alignment)
        if r.kind != "attribution"
    ]


def test_a_caption_that_restates_a_sentence_with_a_misspelling_is_a_typo():
    caption = (
        "Nicola Sturgeon, the outgoing First Minster, leaves Bute House for the final time "
        "after her resignation (Jane Barlow/PA)"
    )
    assert _restated(caption) == [(0, 4, "Minister", "Minster", "typo", "misspelling")]


def test_a_caption_that_restates_a_sentence_keeps_its_other_forms_and_lost_characters():
    caption = (
        "Nicola Sturgeon, Scotland's 5th First Minister, leaves Bute House for the final "
        "time after her resignation ???"
    )
    body = (_STURGEON[0].replace("as First Minister", "as Scotland's fifth First Minister"),)
    assert _restated(caption, body + _STURGEON[1:]) == [
        (0, 4, "fifth", "5th", "format", "style"),
        (0, 4, "", "???", "typo", "damage"),
    ]


def test_a_restatement_rewords_freely_and_words_both_versions_write_are_no_typo():
    # "woman" / "women": one edit apart, but both versions write both words
    body = (
        _STURGEON[0].replace("her resignation", "her resignation, the first woman to do so,"),
        "Women across the country watched her leave.",
        _STURGEON[2],
    )
    caption = (
        "Nicola Sturgeon, the first women to hold the post, leaves Bute House for the final "
        "time after her resignation as First Minister"
    )
    assert _restated(caption, body) == []


def test_a_restatements_figures_are_left_to_the_figure_rules_not_called_typos():
    body = (
        "Some 150,000 people marched through Edinburgh on Saturday to mark the First "
        "Minister's resignation and her years in office.",
        *_STURGEON[1:],
    )
    caption = (
        "Some 160,000 people marched through Edinburgh on Saturday to mark the First "
        "Minister's resignation"
    )
    assert all(kind != "typo" for *_, kind, _ in _restated(caption, body))
