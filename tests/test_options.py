"""One options value flows from the command line and the API into every result."""

from __future__ import annotations

import pytest

import comparative_coverage as cc
from comparative_coverage.cli import main
from comparative_coverage.options import DEFAULT, resolve

from .conftest import ROOT

FLAGSHIP_A = str(ROOT / "data/sample/000_2b30075c1d741493.txt") + "#1"
FLAGSHIP_B = str(ROOT / "data/sample/001_d4fe8bf4671f7d50.txt")


def test_options_are_a_frozen_value_with_overrides():
    strict = cc.Options(threshold=0.5)
    assert strict.but(spine="AP").spine == "AP"
    assert strict.but(threshold=None) is strict  # an unset flag changes nothing
    assert resolve(None, threshold=0.4).threshold == 0.4
    assert resolve(strict).threshold == 0.5
    assert strict.changed() == {"threshold": 0.5}
    with pytest.raises(AttributeError):
        strict.threshold = 0.1  # type: ignore[misc]


@pytest.mark.parametrize(
    "bad",
    [{"threshold": 1.5}, {"threshold": "high"}, {"candidates": 0}],
)
def test_out_of_range_options_are_refused_by_name(bad):
    with pytest.raises(cc.InvalidOption, match=next(iter(bad))):
        cc.Options(**bad)


def test_unknown_option_names_list_the_known_ones():
    with pytest.raises(cc.InvalidOption, match="unknown option.*thresh.*known: threshold"):
        DEFAULT.but(thresh=0.2)


def test_a_toml_file_gives_options(tmp_path):
    (tmp_path / "top.toml").write_text("threshold = 0.45\nspine = 'AP'\n")
    (tmp_path / "table.toml").write_text("[options]\nmove_threshold = 0.7\n")
    assert cc.load_options(tmp_path / "top.toml") == cc.Options(threshold=0.45, spine="AP")
    assert cc.load_options(tmp_path / "table.toml").move_threshold == 0.7
    (tmp_path / "bad.toml").write_text("threshold = \n")
    with pytest.raises(cc.InvalidOption, match="not a TOML options file"):
        cc.load_options(tmp_path / "bad.toml")
    with pytest.raises(cc.InputNotFound):
        cc.load_options(tmp_path / "missing.toml")


def test_options_reach_every_alignment_of_a_comparison_and_are_recorded():
    story = cc.find_stories(cc.read_articles(ROOT / "data/sample"))[0]
    strict = cc.Options(threshold=0.5)
    comparison = cc.compare(story, options=strict)
    assert comparison.options == strict
    for alignment in comparison.alignments.values():
        assert dict(alignment.options)["threshold"] == 0.5


def test_the_command_line_reads_a_config_and_flags_override_it(tmp_path, capsys):
    config = tmp_path / "strict.toml"
    config.write_text("threshold = 0.99\n")
    assert main(["align", FLAGSHIP_A, FLAGSHIP_B, "--config", str(config), "--format", "csv"]) == 0
    strict = capsys.readouterr().out
    assert main(["align", FLAGSHIP_A, FLAGSHIP_B, "--format", "csv"]) == 0
    default = capsys.readouterr().out
    assert strict.count(",added,") > default.count(",added,")  # fewer pairs pass 0.99
    flags = ["--config", str(config), "--threshold", "0.3", "--format", "csv"]
    assert main(["align", FLAGSHIP_A, FLAGSHIP_B, *flags]) == 0
    assert capsys.readouterr().out == default


def test_a_bad_config_is_a_one_line_error(tmp_path, capsys):
    config = tmp_path / "typo.toml"
    config.write_text("thresh = 0.2\n")
    assert main(["align", FLAGSHIP_A, FLAGSHIP_B, "--config", str(config)]) == 2
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and "unknown option" in err


def test_the_report_records_the_options_it_was_made_with(tmp_path):
    config = tmp_path / "report.toml"
    config.write_text("threshold = 0.4\n")
    output = tmp_path / "report.html"
    assert (
        main(["report", str(ROOT / "data/sample"), "-o", str(output), "--config", str(config)]) == 0
    )
    assert "threshold = 0.4" in output.read_text(encoding="utf-8")


def test_find_stories_takes_options_records_them_and_keeps_its_keywords(sample_articles):
    default = cc.find_stories(sample_articles)
    assert [len(s.articles) for s in default][:2] == [2, 1]
    assert all(story.options == DEFAULT for story in default)
    # the aligner's numbers reach the alignments that confirm a story: at 0.99 only the
    # near-identical sentences pair, so the flagship pair shares less
    exact = cc.find_stories(sample_articles, options=cc.Options(threshold=0.99))
    assert exact[0].links[0].share < default[0].links[0].share
    strict = cc.Options(threshold=0.99, story_threshold=0.9, story_containment=0.95)
    apart = cc.find_stories(sample_articles, options=strict)
    assert [len(s.articles) for s in apart] == [1] * len(sample_articles)  # nothing links
    assert all(story.options == strict for story in apart)
    exact_options = cc.Options(threshold=0.99)
    by_keyword = cc.find_stories(
        sample_articles, options=exact_options, threshold=0.9, containment=0.95
    )
    assert by_keyword == apart and by_keyword[0].options == strict
    by_override = cc.find_stories(
        sample_articles, options=exact_options, story_threshold=0.9, story_containment=0.95
    )
    assert by_override == apart
    shares_only = cc.find_stories(sample_articles, threshold=0.9, containment=0.95)
    assert len(shares_only[0].articles) == 2  # the story shares alone keep the flagship pair
    with pytest.raises(cc.InvalidOption, match="story_threshold"):
        cc.find_stories(sample_articles, threshold=2.0)


def test_the_stories_command_reads_a_config(tmp_path, capsys):
    config = tmp_path / "apart.toml"
    config.write_text("threshold = 0.99\nstory_threshold = 0.9\nstory_containment = 0.95\n")
    sample = str(ROOT / "data/sample")
    assert main(["stories", sample, "--format", "csv"]) == 0
    default = capsys.readouterr().out
    assert main(["stories", sample, "--config", str(config), "--format", "csv"]) == 0
    apart = capsys.readouterr().out
    assert "story-1,2," in default and "story-1,2," not in apart  # the flagship pair split


def test_explore_takes_options_and_keeps_them(sample_articles):
    pytest.importorskip("ipywidgets")
    strict = cc.Options(threshold=0.45, move_threshold=0.7)
    explorer = cc.explore(sample_articles, options=strict)
    assert explorer.options == strict and explorer.threshold.value == 0.45
    assert cc.explore(sample_articles, options=strict, threshold=0.35).options == strict.but(
        threshold=0.35
    )
    assert cc.explore(sample_articles, spine="The Defense Post").spine == "The Defense Post"
    if explorer.alignment is not None:
        assert dict(explorer.alignment.options)["move_threshold"] == 0.7


def test_the_corpus_pipeline_confirms_stories_with_the_same_aligner_numbers():
    from comparative_coverage.corpus.distributed import Settings, aligner_settings

    options = cc.Options(threshold=0.99, story_threshold=0.5)
    assert aligner_settings(options) == (("threshold", 0.99),)  # story shares travel apart
    assert aligner_settings(DEFAULT) == ()
    recorded = Settings(partitions=(), aligner=aligner_settings(options)).to_json()
    assert '"threshold",\n   0.99' in recorded  # a restart with other numbers is refused
