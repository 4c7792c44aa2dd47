"""A figure updated across sentences the aligner did not pair (wording/figures.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import comparative_coverage as cc
from comparative_coverage.model import Alignment, Restatement, Unit
from comparative_coverage.wording.figures import counts, updated_figures

CASES = json.loads((Path(__file__).parent / "cases" / "figures.json").read_text("utf-8"))


def _written(alignment: Alignment) -> list[tuple[str, str]]:
    return [
        (
            alignment.a_sentences[x.sentence][x.start : x.end],
            alignment.b_sentences[y.sentence][y.start : y.end],
        )
        for x, y in updated_figures(alignment)
    ]


@pytest.mark.parametrize("case", CASES, ids=[c["note"][:40] for c in CASES])
def test_figure_updated_across_versions(case):
    alignment = cc.align(case["a"], case["b"])
    assert _written(alignment) == [tuple(pair) for pair in case["updated"]]


def test_cases_hold_real_constructions_and_negatives():
    assert sum(c["origin"].startswith("wild") for c in CASES) >= len(CASES) // 4
    assert any(c["updated"] for c in CASES) and any(not c["updated"] for c in CASES)


def test_an_update_elsewhere_is_a_number_change_with_exact_offsets():
    case = CASES[0]
    alignment = cc.align(case["a"], case["b"])
    rows = [r for r in cc.classify_changes(alignment) if r.detail == "figure_elsewhere"]
    assert [(r.kind, r.a_words, r.b_words) for r in rows] == [
        ("number", "212 passengers", "250 passengers")
    ]
    (row,) = rows
    units = {u.unit: u for u in alignment.units}
    a_text = " ".join(alignment.a_sentences[i] for i in units[row.unit].a)
    assert a_text[row.a_start : row.a_end] == "212 passengers"
    b_unit = next(u for u in alignment.units if row.b_index in u.b)
    b_text = " ".join(alignment.b_sentences[j] for j in b_unit.b)
    assert b_text[row.b_start : row.b_end] == "250 passengers"


def _restated(a: list[str], b: list[str], link: tuple[int, int]) -> Alignment:
    """Every sentence on its own (dropped or added), one restatement link between two."""
    units = [Unit(unit=k, status="dropped", a=(k,), b=(), score=0.0) for k in range(len(a))]
    units += [Unit(unit=len(a) + k, status="added", a=(), b=(k,), score=0.0) for k in range(len(b))]
    return Alignment(
        a_sentences=tuple(a),
        b_sentences=tuple(b),
        units=tuple(units),
        restatements=(Restatement(a=link[0], b=link[1], by="b", score=0.5),),
    )


def test_a_restatement_counting_one_thing_otherwise_is_an_update():
    alignment = _restated(
        ["Some 1,500 fans cheered by the gate, police said."],
        ["Thousands flocking to the gate overnight lit flares."],
        (0, 0),
    )
    assert _written(alignment) == [("1,500 fans", "Thousands flocking")]
    rows = [r for r in cc.classify_changes(alignment) if r.kind == "number"]
    assert [(r.a_words, r.b_words) for r in rows] == [("1,500", "Thousands")]  # the figures


def test_a_restatement_with_two_counts_a_side_is_not_guessed():
    alignment = _restated(
        ["Some 1,500 fans and 200 police stood by the gate."],
        ["Thousands flocking to the gate overnight lit flares."],
        (0, 0),
    )
    assert _written(alignment) == []


def test_counts_skip_years_times_ages_and_measures():
    found = counts(["In 2017, 12 crew flew 25 grams at 12:31 with 25-year-old pilots."])
    assert [(c.figure, c.noun) for c in found] == [("12", "crew")]


@pytest.mark.parametrize(
    "sentence",
    [
        "1.5 million people fled.",  # a magnitude: the count is "1.5 million", not "1.5"
        "Ten thousand people marched.",  # number words are left to the word edits
        "Prices fell -5 percent.",  # a signed figure or a measure is no head count
        "Some 12% people.",
        "Some -40 degrees.",
        "١٢٨ راكبا كانوا على متن الطائرة.",  # no Latin noun after the figure
        "128 пассажиров.",
        "一百人死亡。",
        "",
    ],
)
def test_a_figure_it_cannot_read_as_a_head_count_gives_no_count(sentence):
    assert counts([sentence]) == []


def test_markup_around_a_count_keeps_the_count_and_its_exact_offsets():
    sentence = "<script>alert(1)</script> Some 1,500 people <b>cheered</b>."
    [count] = counts([sentence])
    assert sentence[count.start : count.end] == "1,500 people"


@pytest.mark.parametrize(
    ("a", "b", "numbers"),
    [
        ("", "", []),
        ("128 passengers were on board.", "", []),
        (
            "<script>x</script> 128 passengers.",
            "<script>x</script> Nearly 160 passengers.",
            [("128", "Nearly 160")],
        ),
        ("Some 1.5 million people fled.", "Some 2 million people fled the war.", [("1.5", "2")]),
        (
            "Ten thousand people marched.",
            "Twenty thousand people marched on Sunday.",
            [("Ten", "Twenty")],
        ),
    ],
)
def test_empty_hostile_or_worded_figures_give_one_number_change_or_none(a, b, numbers):
    changes = cc.classify_changes(cc.align(a, b))
    assert [(r.a_words, r.b_words) for r in changes if r.kind == "number"] == numbers


def test_a_figure_inside_another_numbers_edit_is_still_its_own_update():
    # the pair's "15" / "16" edit holds "5" as a digit, not as the figure "5 passengers"
    a = (
        "Rescuers reached the ship on Monday. The 15 crew members and 5 passengers had been "
        "on board, officials said."
    )
    b = (
        "Rescuers reached the ship on Monday. The 16 crew members had been on board, "
        "officials said. Officials later said 7 passengers had been on board as well."
    )
    changes = cc.classify_changes(cc.align(a, b))
    assert [(r.a_words, r.b_words, r.detail) for r in changes if r.kind == "number"] == [
        ("15", "16", "figure"),
        ("5 passengers", "7 passengers", "figure_elsewhere"),
    ]
