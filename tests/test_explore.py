"""The explorer responds to its widgets; every view comes from the package's pure functions."""

from __future__ import annotations

import builtins

import pytest

import comparative_coverage as cc


@pytest.fixture
def explorer(sample_articles):
    return cc.explore(sample_articles)


def test_it_opens_on_the_story_with_several_versions(explorer):
    assert explorer.story.value == "story-1"
    assert explorer.outlets.value == ("000_2b30075c1d741493#1", "001_d4fe8bf4671f7d50#1")
    assert explorer.alignment.counts()["added"] == 3
    assert "The Defense Post" in explorer.view.value
    assert set(explorer.charts) == {"map", "changes", "kinds"}
    assert len(explorer.chart_box.children) == 3


def test_the_status_filter_narrows_the_side_by_side_view(explorer):
    explorer.statuses.value = ("added",)
    assert explorer.view.value.count('<tr class="cc-added') == 3
    assert 'class="cc-same' not in explorer.view.value


def test_the_kind_filter_narrows_the_table_of_changes(explorer):
    explorer.kinds.value = ("name_variant",)
    assert set(explorer.shown_changes["kind"]) == {"name_variant"}
    assert "Kadhafi" in explorer.table.value and "strongman" not in explorer.table.value


def test_a_stricter_threshold_realigns(explorer):
    before = explorer.alignment
    explorer.threshold.value = 0.8
    assert explorer.alignment is not before
    assert dict(explorer.alignment.options)["threshold"] == 0.8
    assert explorer.alignment.counts()["reworded"] < before.counts()["reworded"]


def test_a_story_with_one_version_says_so(explorer):
    explorer.story.value = "story-7"
    assert explorer.alignment is None
    assert "one version" in explorer.message.value
    assert "Yevkurov" in explorer.view.value


def test_one_outlet_alone_cannot_be_compared(explorer):
    explorer.outlets.value = ("001_d4fe8bf4671f7d50#1",)
    assert explorer.alignment is None and "at least two outlets" in explorer.message.value


def test_three_versions_show_the_n_way_table(sample_articles):
    a = next(x for x in sample_articles if x.id.startswith("001"))
    versions = [
        a,
        cc.read_text(a.body.replace("Kadhafi", "Gaddafi"), outlet="Echo")[0],
        cc.read_text(a.body.replace("strongman", "commander"), outlet="Mirror")[0],
    ]
    explorer = cc.explore(versions)
    assert explorer.comparison is not None and len(explorer.comparison.outlets) == 3
    assert "Mirror" in explorer.view.value
    assert len(explorer.changes) >= 2


def test_article_text_is_escaped_in_every_view():
    hostile = "<script>alert(1)</script> The minister said so in Moscow on Friday evening."
    versions = [
        cc.read_text(hostile, outlet="A")[0],
        cc.read_text(hostile.replace("Friday", "Monday"), outlet="B")[0],
    ]
    explorer = cc.explore(versions)
    assert "<script>alert" not in explorer.view.value + explorer.table.value


def test_without_ipywidgets_the_message_says_how_to_install(monkeypatch, sample_articles):
    real_import = builtins.__import__

    def no_ipywidgets(name, *args, **kwargs):
        if name == "ipywidgets":
            raise ImportError("No module named 'ipywidgets'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_ipywidgets)
    with pytest.raises(cc.MissingDependency, match="pip install ipywidgets"):
        cc.explore(sample_articles)
