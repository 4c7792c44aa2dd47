"""The loaded-language lexicon: an editable table, matched word by word, counted per outlet."""

from __future__ import annotations

from pathlib import Path

import pytest

import comparative_coverage as cc
from comparative_coverage.wording.lexicon import TERM_COUNT_COLUMNS, loaded_direction

from .conftest import ROOT


def found(text: str) -> list[tuple[str, str, int]]:
    return [(h.text, h.term.term, h.term.load) for h in cc.load_lexicon().find(text)]


def test_the_bundled_lexicon_is_data_lexicon_csv():
    lexicon = cc.load_lexicon()
    shipped = ROOT / "coverage" / "resources" / "lexicon.csv"
    assert shipped.is_symlink() and shipped.resolve() == (ROOT / "data" / "lexicon.csv").resolve()
    frame = lexicon.to_frame()
    assert list(frame.columns) == ["term", "category", "load", "note"]
    assert set(frame["load"]) == {0, 1, 2}
    assert frame["note"].str.len().gt(0).all() and not frame["term"].duplicated().any()
    assert {
        "leader",
        "dictator",
        "strongman",
        "regime",
        "militia",
        "terrorists",
        "uprising",
        "rebels",
        "insurgents",
    } <= set(frame["term"])


def test_terms_are_found_with_plurals_case_and_longest_phrase_first():
    assert found("Militias, a civil war and the Dictator's regimes") == [
        ("Militias", "militia", 1),
        ("civil war", "civil war", 0),
        ("Dictator's", "dictator", 2),
        ("regimes", "regime", 1),
    ]
    assert found("counterterrorism and war-torn towns") == [
        ("counterterrorism", "counter-terrorism", 1),
        ("war-torn", "war-torn", 1),
    ]
    assert found("") == []


@pytest.mark.parametrize(
    ("a", "b", "direction"),
    [
        ("leader", "strongman", "towards"),
        ("its leader", "longtime dictator", "towards"),
        ("dictator", "strongman", "away"),
        ("militias", "forces", "away"),
        ("has", "on Friday", "none"),
        ("forces", "troops", "none"),
    ],
)
def test_direction_of_a_substitution(a, b, direction):
    assert loaded_direction(a, b) == direction


def test_counts_per_outlet_on_the_flagship_pair(shoigu_pair):
    counts = cc.count_terms(shoigu_pair).to_frame()
    assert tuple(counts.columns) == TERM_COUNT_COLUMNS
    loaded = counts[counts["load"] > 0].groupby(["outlet", "term"])["count"].sum()
    assert loaded.to_dict() == {
        ("Asharq Al-Awsat", "chaos"): 1,
        ("Asharq Al-Awsat", "mercenaries"): 1,
        ("The Defense Post", "chaos"): 1,
        ("The Defense Post", "dictator"): 1,
        ("The Defense Post", "mercenaries"): 2,
        ("The Defense Post", "strongman"): 1,
        ("The Defense Post", "uprising"): 1,
        ("The Defense Post", "war-shattered"): 1,
    }


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "lexicon.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_teachers_own_lexicon(tmp_path):
    lexicon = cc.load_lexicon(write(tmp_path, "term,category,load,note\nhero,person,2,approving\n"))
    assert len(lexicon) == 1 and cc.count_terms([], lexicon=lexicon).to_frame().empty
    assert loaded_direction("leader", "hero", lexicon=lexicon) == "towards"


@pytest.mark.parametrize(
    ("text", "error", "message"),
    [
        ("word,kind\nhero,person\n", cc.MissingColumn, "term,category,load,note"),
        ("term,category,load,note\nhero,person,very,x\n", cc.InvalidData, "line 2: load 'very'"),
        ("term,category,load,note\n", cc.EmptyInput, "lists no terms"),
    ],
)
def test_a_bad_lexicon_says_what_to_fix(tmp_path, text, error, message):
    with pytest.raises(error, match=message):
        cc.load_lexicon(write(tmp_path, text))


def test_a_missing_lexicon_file(tmp_path):
    with pytest.raises(cc.InputNotFound):
        cc.load_lexicon(tmp_path / "nope.csv")


def test_the_lexicon_displays_as_a_table():
    html = cc.load_lexicon()._repr_html_()
    assert "<table" in html and "strongman" in html
    assert repr(cc.load_lexicon()).startswith("<Lexicon: ")
