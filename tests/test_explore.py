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
    assert set(explorer.shown_changes.to_frame()["kind"]) == {"name_variant"}
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


# ---- words, filters that do not recompute, offline charts ------------------------------


def test_outlets_statuses_and_kinds_are_listed_in_words(explorer):
    assert [label for label, _ in explorer.outlets.options] == [
        "Asharq Al-Awsat",
        "The Defense Post",
    ]
    assert ("unchanged", "same") in explorer.statuses.options
    from comparative_coverage.wording.kinds import kind_title

    assert (kind_title("name_variant"), "name_variant") in explorer.kinds.options
    labels = [label for label, _ in explorer.statuses.options + explorer.kinds.options]
    assert not [label for label in labels if "_" in label]
    assert explorer.threshold.readout and explorer.threshold.readout_format == ".2f"


def test_filters_refilter_what_was_computed_without_recomputing(explorer, monkeypatch):
    from comparative_coverage.present import explorer as module

    calls = []
    for name in ("align", "compare", "classify_changes", "alignment_map", "changes_chart"):
        real = getattr(module, name)
        monkeypatch.setattr(
            module,
            name,
            lambda *a, _real=real, _name=name, **k: calls.append(_name) or _real(*a, **k),
        )
    charts = explorer.chart_box.children
    explorer.statuses.value = ("reworded",)
    explorer.kinds.value = ("label",)
    explorer.statuses.value = tuple(s for _, s in explorer.statuses.options)
    assert calls == []
    assert explorer.chart_box.children == charts  # the same chart widgets, not new ones


def test_the_changes_filter_narrows_the_side_by_side_too(explorer):
    explorer.kinds.value = ("name_variant",)
    view = explorer.view.value
    assert "Kadhafi" in view
    rows = view.count('<tr class="cc-')
    with_names = {int(u) for u in explorer.shown_changes.to_frame()["unit"]}
    assert rows == len(with_names) < len(explorer.alignment.units)


def test_a_story_seen_before_is_not_recomputed(explorer, monkeypatch):
    from comparative_coverage.present import explorer as module

    first = explorer.alignment
    explorer.story.value = "story-7"
    monkeypatch.setattr(module, "align", lambda *a, **k: pytest.fail("recomputed"))
    explorer.story.value = "story-1"
    assert explorer.alignment is first


def test_spine_names_the_reference_version(sample_articles):
    explorer = cc.explore(sample_articles, spine="The Defense Post")
    assert explorer.alignment.a_name == "The Defense Post"


def test_charts_draw_offline_from_the_first_call(sample_articles):
    """No chart needs to be shown first: the explorer's chart widgets never load a CDN."""
    import altair as alt

    explorer = cc.explore(sample_articles)
    views = [v for v in explorer.chart_box.children if isinstance(v, alt.JupyterChart)]
    assert len(views) == 3
    assert all(
        "esm.sh" not in str(type(v)._esm) and "jsdelivr" not in str(type(v)._esm) for v in views
    )


def test_an_exported_explorer_shows_a_static_copy_of_its_view(explorer):
    bundle = explorer._repr_mimebundle_()
    data = bundle[0] if isinstance(bundle, tuple) else bundle
    assert "application/vnd.jupyter.widget-view+json" in data
    assert "static copy" in data["text/html"] and "The Defense Post" in data["text/html"]


def test_the_changes_filter_narrows_the_n_way_table(sample_articles):
    from dataclasses import replace

    a = next(x for x in sample_articles if x.id.startswith("001"))
    versions = [
        a,
        replace(
            a,
            id="echo#1",
            outlet="Echo",
            sentences=(),  # split again from the new paragraphs
            paragraphs=tuple(p.replace("Kadhafi", "Gaddafi") for p in a.paragraphs),
        ),
        replace(
            a,
            id="mirror#1",
            outlet="Mirror",
            sentences=(),
            paragraphs=tuple(p.replace("strongman", "commander") for p in a.paragraphs),
        ),
    ]
    explorer = cc.explore(versions)
    everything = explorer.view.value.count('<tr class="cc-')
    explorer.kinds.value = ("name_variant",)
    rows = explorer.view.value.count('<tr class="cc-')
    assert 0 < rows < everything and "Gaddafi" in explorer.view.value
