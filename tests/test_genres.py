"""Genre presets: options calibrated on data for one kind of rewrite."""

import tomllib
from pathlib import Path

import pytest

import comparative_coverage as cc
from comparative_coverage.options import genres

PRESETS = Path(cc.__file__).parent / "resources" / "genres"


def test_the_simplification_preset_is_stricter_than_the_news_defaults():
    preset = cc.Options.for_genre("simplification")
    assert preset.threshold > cc.Options().threshold
    assert preset.changed()  # it differs from the defaults, and says where
    assert "simplification" in genres()


def test_an_unknown_genre_names_the_known_ones():
    with pytest.raises(cc.InvalidOption, match="no genre 'poetry'; known: .*simplification"):
        cc.Options.for_genre("poetry")


@pytest.mark.parametrize("path", sorted(PRESETS.glob("*.toml")), ids=lambda p: p.stem)
def test_each_preset_and_its_cross_validation_fits_are_valid_options(path):
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    cc.Options().but(**data["options"])
    assert sorted(data["cross_validation"]) == ["half_0", "half_1"]
    for fit in data["cross_validation"].values():
        assert set(fit) == set(data["options"])  # the same grid was searched
        cc.Options().but(**fit)


def test_an_alignment_records_the_preset_it_ran_with():
    preset = cc.Options.for_genre("simplification")
    alignment = cc.align(["Ein Satz hier."], ["Ein Satz hier."], options=preset)
    assert dict(alignment.options)["threshold"] == preset.threshold
