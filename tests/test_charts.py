"""Charts, tested through chart.to_dict(): encodings, data columns, colours, no empty data."""

from __future__ import annotations

import altair as alt
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import comparative_coverage as cc
from comparative_coverage.present.charts import count_rows
from comparative_coverage.present.colors import KIND_COLORS, MOVED_COLOR, STATUS_COLORS
from comparative_coverage.present.specs import alignment_map_spec, changes_spec, similarity_spec


@pytest.fixture(scope="module")
def flagship(shoigu_pair) -> cc.Alignment:
    return cc.align(*shoigu_pair)


def data_of(spec: dict, layer: dict | None = None) -> list[dict]:
    """The rows a (layer of a) chart draws, from the spec's inline datasets."""
    name = (layer or spec).get("data", spec.get("data", {})).get("name")
    return spec["datasets"][name]


def status_scale_of(encoding: dict) -> dict[str, str]:
    scale = encoding["scale"]
    return dict(zip(scale["domain"], scale["range"], strict=True))


# ---- colours ----------------------------------------------------------------------------


def test_status_colours_come_from_the_one_scheme():
    scale = cc.status_scale().to_dict()
    assert scale["domain"] == ["same", "reworded", "merged", "split", "added", "dropped"]
    assert scale["range"] == [STATUS_COLORS[s] for s in scale["domain"]]
    assert cc.status_scale(["dropped", "same"]).to_dict() == {
        "domain": ["same", "dropped"],
        "range": ["#BBBBBB", "#D55E00"],
    }


# ---- 1. alignment map -------------------------------------------------------------------


def test_alignment_map_draws_both_versions_and_links_aligned_sentences(flagship):
    chart = cc.alignment_map(flagship)
    assert isinstance(chart, alt.LayerChart)
    spec = chart.to_dict()
    links, bars, left, right, header = spec["layer"]
    assert [layer["mark"]["type"] for layer in spec["layer"]] == [
        "rule",
        "rect",
        "text",
        "text",
        "text",
    ]
    sentences = data_of(spec, bars)
    assert [(r["version"], r["sentence"]) for r in sentences][:2] == [
        ("Asharq Al-Awsat", 1),
        ("Asharq Al-Awsat", 2),
    ]
    assert sum(r["side"] == "a" for r in sentences) == 9
    assert sum(r["side"] == "b" for r in sentences) == 12
    assert {r["status"] for r in sentences if r["sentence"] >= 10} == {"added"}
    drawn = data_of(spec, links)
    assert len(drawn) == 9  # every a sentence is linked; the three added b sentences are not
    moved = sorted((r["a_sentence"], r["b_sentence"]) for r in drawn if r["moved"] == "moved")
    assert moved == [(8, 2), (9, 3)]  # the Qaddafi background, pulled up under the lead
    assert links["encoding"]["color"]["field"] == "status"
    assert status_scale_of(links["encoding"]["color"]) == {
        "same": "#BBBBBB",
        "reworded": "#E69F00",
        "added": "#009E73",
    }
    assert links["encoding"]["strokeDash"]["field"] == "moved"
    tooltip_fields = {t["field"] for t in bars["encoding"]["tooltip"]}
    assert {"version", "sentence", "what", "text"} <= tooltip_fields  # words, not codes
    assert [r["name"] for r in data_of(spec, header)] == ["Asharq Al-Awsat", "The Defense Post"]
    assert (
        spec["title"]["text"] == "Where each sentence of Asharq Al-Awsat went in The Defense Post"
    )


def test_alignment_map_takes_the_frame_too(flagship):
    from_frame = cc.alignment_map(
        flagship.to_frame(), a_name="Asharq Al-Awsat", b_name="The Defense Post"
    )
    assert from_frame.to_dict() == cc.alignment_map(flagship).to_dict()


def test_alignment_map_counts_a_merged_sentence_once():
    a = ["Shoigu met Dbeibah in Moscow.", "They discussed military cooperation at length."]
    b = ["Shoigu met Dbeibah in Moscow and they discussed military cooperation at length."]
    alignment = cc.align(a, b)
    assert [u.status for u in alignment.units] == ["merged"]
    spec = cc.alignment_map(alignment).to_dict()
    links, bars = spec["layer"][:2]
    assert [(r["side"], r["sentence"]) for r in data_of(spec, bars)] == [
        ("a", 1),
        ("a", 2),
        ("b", 1),
    ]
    assert [(r["a_sentence"], r["b_sentence"]) for r in data_of(spec, links)] == [(1, 1), (2, 1)]


def test_alignment_map_of_versions_with_one_name_tells_them_apart():
    spec = cc.alignment_map(cc.align(["One."], ["One."]), a_name="AP", b_name="AP").to_dict()
    assert [r["name"] for r in data_of(spec, spec["layer"][-1])] == ["AP (a)", "AP (b)"]


MAP_CASES = {
    "merged": (
        ["Shoigu met Dbeibah.", "They talked at length."],
        ["Shoigu met Dbeibah; they talked at length."],
    ),
    "one name": (["One."], ["One."]),
    "empty": ([], []),
    "only b": ([], ["Only b."]),
    "only a": (["Only a."], []),
    "moved and added": (
        ["First fact here.", "Second fact there.", "Third one."],
        ["Third one.", "First fact here.", "A new line.", "Second fact there, reworded."],
    ),
    "hostile": (["</script><script>alert(1)</script> & <b>"], ["</script> said & more"]),
}


@pytest.mark.parametrize("case", sorted(MAP_CASES))
def test_the_reports_map_spec_is_the_altair_charts_spec(case):
    """The report builds the map's dict directly; it must be what the chart gives, and valid."""
    a, b = MAP_CASES[case]
    alignment = cc.align(a, b)
    names = {"one name": {"a_name": "AP", "b_name": "AP"}, "hostile": {"a_name": "</script>"}}
    options = names.get(case, {})
    assert (
        alignment_map_spec(alignment, **options) == cc.alignment_map(alignment, **options).to_dict()
    )  # to_dict() validates against the Vega-Lite schema
    counts = cc.changes_chart(cc.change_counts(alignment)).to_dict()
    assert changes_spec(count_rows(alignment)) == counts
    named = dict(a_name=alignment.a_name, b_name=alignment.b_name)
    heatmap = cc.similarity_heatmap(cc.similarity_frame(alignment), **named).to_dict()
    assert similarity_spec(alignment) == heatmap


def test_the_reports_changes_spec_is_the_charts_for_several_pairs(sample_articles, flagship):
    """Pairs named as the report names them (story first), hostile names included."""
    hostile = cc.align(["</script> & <!-- one."], ["</script> & two."])
    alignments = [flagship, hostile, cc.align(sample_articles[2], sample_articles[3])]
    rows = [
        (f"story-{k}: </script> {row[0]}", *row[1:])
        for k, alignment in enumerate(alignments)
        for row in count_rows(alignment)
    ]
    frame = pd.DataFrame(rows, columns=list(cc.change_counts(flagship).columns))
    together = cc.change_counts(alignments).itertuples(index=False, name=None)
    assert count_rows(alignments) == list(together)
    assert (
        changes_spec(rows, width=300, title="Changes")
        == cc.changes_chart(frame, width=300, title="Changes").to_dict()
    )


def test_the_map_spec_follows_the_chart_on_the_sample_with_options_and_a_theme(flagship):
    options = {"width": 500, "row_height": 20, "title": "Where it went"}
    assert alignment_map_spec(flagship) == cc.alignment_map(flagship).to_dict()
    named = {"a_name": flagship.a_name, "b_name": flagship.b_name, "title": "Alike"}
    heatmap = cc.similarity_heatmap(cc.similarity_frame(flagship), cell=9, **named)
    assert similarity_spec(flagship, cell=9, title="Alike") == heatmap.to_dict()
    frame = flagship.to_frame()
    assert (
        alignment_map_spec(frame, a_name="A", b_name="B", **options)
        == cc.alignment_map(frame, a_name="A", b_name="B", **options).to_dict()
    )
    with alt.theme.enable("dark"):  # what the active theme adds, as Altair adds it
        spec = alignment_map_spec(flagship)
        assert spec == cc.alignment_map(flagship).to_dict()
    assert spec["usermeta"] == {"embedOptions": {"theme": "dark"}}
    assert "usermeta" not in alignment_map_spec(flagship)


@pytest.mark.parametrize("a, b", [([], []), ([], ["Only b."]), (["Only a."], [])])
def test_charts_of_empty_versions_are_empty_not_errors(a, b):
    alignment = cc.align(a, b)
    cc.alignment_map(alignment).to_dict()
    cc.changes_chart(cc.change_counts(alignment)).to_dict()
    cc.similarity_heatmap(cc.similarity_frame(alignment)).to_dict()


# ---- 2. what each version changed -------------------------------------------------------


def test_change_counts_of_the_flagship_pair(flagship):
    counts = cc.change_counts(flagship)
    sentences = counts.query("measure == 'sentences'")
    assert list(sentences[["status", "moved", "count"]].itertuples(index=False, name=None)) == [
        ("same", "in order", 5),
        ("reworded", "in order", 2),
        ("reworded", "moved", 2),
        ("added", "in order", 3),
    ]
    words = counts.query("measure == 'words'").groupby("status")["count"].sum().to_dict()
    # "AFP reported" is what b dropped; "on Friday", "war-shattered", ... what it put in
    assert words["dropped"] == 2
    assert words["added"] > 50  # three added sentences and a few inserted words
    assert set(counts["pair"]) == {"The Defense Post vs Asharq Al-Awsat"}


def test_changes_chart_stacks_sentences_and_words_by_status(flagship):
    chart = cc.changes_chart(cc.change_counts(flagship))
    assert isinstance(chart, alt.Chart)
    spec = chart.to_dict()
    encoding = spec["encoding"]
    assert spec["mark"]["type"] == "bar"
    assert encoding["x"]["aggregate"] == "sum" and encoding["x"]["field"] == "count"
    assert encoding["y"]["field"] == "pair"
    assert encoding["row"]["field"] == "measure"
    assert encoding["color"]["field"] == "status"
    assert status_scale_of(encoding["color"]) == {
        s: STATUS_COLORS[s] for s in ("same", "reworded", "added", "dropped")
    }
    assert encoding["stroke"]["condition"]["value"] == MOVED_COLOR
    rows = data_of(spec)
    assert {r["measure"] for r in rows} == {"sentences", "words"}
    assert all(r["count"] > 0 for r in rows)


def test_change_counts_label_each_pair(shoigu_pair):
    a, b = shoigu_pair
    counts = cc.change_counts([cc.align(a, b), cc.align(b, a)])
    assert sorted(set(counts["pair"])) == [
        "Asharq Al-Awsat vs The Defense Post",
        "The Defense Post vs Asharq Al-Awsat",
    ]
    dropped = counts.query("pair == 'Asharq Al-Awsat vs The Defense Post' and status == 'dropped'")
    assert dropped.query("measure == 'sentences'")["count"].sum() == 3  # b's added, seen from b


sentence = st.text(alphabet="abcdefgh ", min_size=3, max_size=40).map(
    lambda s: s.strip().capitalize() + "."
)


@settings(max_examples=40, deadline=None)
@given(st.lists(sentence, max_size=6), st.lists(sentence, max_size=6))
def test_sentence_counts_account_for_every_sentence_once(a, b):
    """b's sentences by status, plus a's dropped ones: nothing counted twice or missed."""
    alignment = cc.align(a, b)
    counts = cc.change_counts(alignment).query("measure == 'sentences'")
    dropped = counts.query("status == 'dropped'")["count"].sum()
    assert counts["count"].sum() - dropped == len(alignment.b_sentences)
    assert dropped == sum(len(u.a) for u in alignment.units if u.status == "dropped")


# ---- 6. similarity matrix ---------------------------------------------------------------


def test_similarity_frame_has_every_pair_and_marks_the_chosen_ones(flagship):
    frame = cc.similarity_frame(flagship)
    assert len(frame) == 9 * 12
    assert list(frame.columns[:5]) == ["a_index", "b_index", "a_sentence", "b_sentence", "score"]
    chosen = frame[frame["status"] != ""]
    assert sorted(zip(chosen["a_sentence"], chosen["b_sentence"], strict=True)) == [
        (1, 1),
        (2, 4),
        (3, 5),
        (4, 6),
        (5, 7),
        (6, 8),
        (7, 9),
        (8, 2),
        (9, 3),
    ]
    assert frame["score"].between(0, 1).all()
    assert frame.query("a_sentence == 2 and b_sentence == 4")["score"].item() == 1.0


def test_similarity_heatmap_encodes_score_and_outlines_the_chosen_pairs(flagship):
    frame = cc.similarity_frame(flagship)
    chart = cc.similarity_heatmap(frame, a_name=flagship.a_name, b_name=flagship.b_name)
    spec = chart.to_dict()
    heat, chosen = spec["layer"]
    assert heat["encoding"]["color"]["field"] == "score"
    assert heat["encoding"]["color"]["scale"]["domain"] == [0, 1]
    # channel titles are fixed (Vega-Lite compiles them into expressions); names go in the title
    assert heat["encoding"]["x"]["title"] == "sentence of b"
    assert "The Defense Post (b)" in spec["title"]["text"]
    assert heat["encoding"]["x"]["scale"]["domain"] == list(range(1, 13))  # every column
    assert chosen["encoding"]["stroke"]["field"] == "status"
    assert status_scale_of(chosen["encoding"]["stroke"]) == {
        "same": "#BBBBBB",
        "reworded": "#E69F00",
    }
    cells = data_of(spec)
    assert sum(r["status"] != "" for r in cells) == 9
    assert len(cells) == (frame["score"] > 0).sum() < 9 * 12  # blank cells are not stored
    assert set(cells[0]) == {"a_sentence", "b_sentence", "score", "status"}
    lookups = [t["from"]["fields"] for t in spec["transform"] if "lookup" in t]
    # each sentence's text stored once; the version names are data fields (issue 21)
    assert lookups == [["a_text", "a_version"], ["b_text", "b_version"]]


def test_charts_return_values_and_do_not_display_or_save(flagship, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for chart in (
        cc.alignment_map(flagship),
        cc.changes_chart(cc.change_counts(flagship)),
        cc.similarity_heatmap(cc.similarity_frame(flagship)),
    ):
        assert isinstance(chart, alt.TopLevelMixin)
        assert chart.to_dict()["$schema"].startswith("https://vega.github.io/schema/vega-lite/")
    assert list(tmp_path.iterdir()) == []


# ---- 3. kinds of wording change ---------------------------------------------------------


def test_kinds_chart_counts_edits_by_kind_with_examples():
    from comparative_coverage.wording.kinds import kind_title

    changes = pd.DataFrame(
        {
            "kind": ["name_variant", "name_variant", "label", "dropped_detail"],
            "a_words": ["Qaddafi", "Mohammed", "leader", ", AFP reported"],
            "b_words": ["Kadhafi", "Mohammad", "strongman", ""],
            "a_outlet": ["Asharq Al-Awsat"] * 4,
            "b_outlet": ["The Defense Post"] * 4,
        }
    )
    spec = cc.kinds_chart(changes).to_dict()
    rows = {r["kind"]: (r["edits"], r["examples"]) for r in data_of(spec)}
    assert rows == {  # readers see the kinds' titles, not their codes (issue 14)
        "detail left out": (1, ", AFP reported → ∅"),
        "label": (1, "leader → strongman"),
        "name spelling": (2, "Qaddafi → Kadhafi; Mohammed → Mohammad"),
    }
    assert {r["pair"] for r in data_of(spec)} == {"The Defense Post vs Asharq Al-Awsat"}
    assert spec["encoding"]["color"]["field"] == "kind"
    assert status_scale_of(spec["encoding"]["color"]) == {
        kind_title(k): KIND_COLORS[k] for k in ("name_variant", "label", "dropped_detail")
    }


def test_kinds_chart_of_the_flagship_pair(flagship):
    from comparative_coverage.wording.kinds import classify_changes

    changes = classify_changes(flagship)
    rows = data_of(cc.kinds_chart(changes).to_dict())
    assert sum(r["edits"] for r in rows) == len(changes) > 0
    assert {"name spelling", "label"} <= {r["kind"] for r in rows}  # Kadhafi; dictator


# ---- 4. name variants -------------------------------------------------------------------


def test_name_variants_chart_shows_who_uses_which_spelling():
    names = pd.DataFrame(
        {
            "name": ["Qaddafi"] * 5,
            "variant": ["Qaddafi", "Qaddafi", "Kadhafi", "Kadhafi", "Gaddafi"],
            "outlet": ["Asharq Al-Awsat"] * 2 + ["The Defense Post"] * 2 + ["teleSUR English"],
        }
    )
    spec = cc.name_variants_chart(names).to_dict()
    cells, numbers = spec["layer"]
    assert sorted((r["spelling"], r["outlet"], r["count"]) for r in data_of(spec)) == [
        ("Qaddafi: Gaddafi", "teleSUR English", 1),
        ("Qaddafi: Kadhafi", "The Defense Post", 2),
        ("Qaddafi: Qaddafi", "Asharq Al-Awsat", 2),
    ]
    assert cells["encoding"]["color"]["scale"]["range"][-1] == KIND_COLORS["name_variant"]
    assert numbers["encoding"]["text"]["field"] == "count"


def test_name_variants_chart_of_the_sample(sample_articles):
    from comparative_coverage.names.groups import find_name_variants

    rows = data_of(cc.name_variants_chart(find_name_variants(sample_articles).to_frame()).to_dict())
    qaddafi = {(r["spelling"], r["outlet"]) for r in rows if r["spelling"].startswith("Qaddafi")}
    assert ("Qaddafi: Kadhafi", "The Defense Post") in qaddafi
    assert ("Qaddafi: Qaddafi", "Asharq Al-Awsat") in qaddafi


# ---- 5. labels --------------------------------------------------------------------------


def test_labels_frame_joins_descriptors_and_keeps_the_strongest_load():
    labels = pd.DataFrame(
        {
            "entity": ["Muammar Qaddafi", "Muammar Qaddafi", "Muammar Qaddafi", "Shoigu"],
            "outlet": [
                "Asharq Al-Awsat",
                "The Defense Post",
                "The Defense Post",
                "Asharq Al-Awsat",
            ],
            "descriptor": ["leader", "longtime dictator", "former ruler", "Defense Minister"],
            "load": [0, 2, 1, 0],
        }
    )
    frame = cc.labels_frame(labels)
    assert list(frame.itertuples(index=False, name=None)) == [
        ("Muammar Qaddafi", "Asharq Al-Awsat", "leader", 0, 1),
        ("Muammar Qaddafi", "The Defense Post", "longtime dictator; former ruler", 2, 2),
        ("Shoigu", "Asharq Al-Awsat", "Defense Minister", 0, 1),
    ]
    assert set(cc.labels_frame(labels, min_outlets=2)["entity"]) == {"Muammar Qaddafi"}
    spec = cc.labels_chart(frame).to_dict()
    cells, words = spec["layer"]
    assert cells["encoding"]["color"]["field"] == "load"
    assert cells["encoding"]["color"]["scale"]["range"][-1] == KIND_COLORS["label"]
    assert words["encoding"]["text"]["field"] == "descriptors"


def test_labels_chart_of_the_flagship_pair(shoigu_pair, flagship):
    from comparative_coverage.wording.labels import describe_labels

    frame = cc.labels_frame(describe_labels(shoigu_pair, alignments=[flagship]), min_outlets=2)
    qaddafi = frame[frame["entity"] == "Muammar Qaddafi"].set_index("outlet")["descriptors"]
    assert qaddafi.to_dict() == {
        "Asharq Al-Awsat": "leader",
        "The Defense Post": "longtime dictator",
    }
    assert len(data_of(cc.labels_chart(frame).to_dict())) == len(frame) > 0


# ---- the report's specs, made without Altair's objects, equal to the charts' ------------


def report_pairs(articles) -> list:
    """(story comparison, its pairs' changes and labels) of every story told twice."""
    from comparative_coverage.wording.kinds import classify_changes

    found = []
    for story in cc.find_stories(articles):
        if len(story.articles) > 1:
            comparison = cc.compare(story.articles)
            alignments = list(comparison.alignments.values())
            changes = [(f"{x.b_name} vs {x.a_name}", classify_changes(x)) for x in alignments]
            found.append((story, alignments, changes))
    return found


def test_the_reports_wording_specs_are_the_charts_specs_on_the_sample(sample_articles):
    from comparative_coverage.names.groups import find_name_variants
    from comparative_coverage.present.wording_specs import (
        kinds_spec,
        labels_rows,
        labels_spec,
        name_variants_spec,
    )
    from comparative_coverage.wording.labels import describe_labels

    stories = report_pairs(sample_articles)
    assert stories
    for story, alignments, changes in stories:
        frame = pd.concat([c.to_frame().assign(pair=name) for name, c in changes])
        pairs = [(name, change) for name, c in changes for change in c]
        assert kinds_spec(pairs) == cc.kinds_chart(frame).to_dict()
        labels = describe_labels(story.articles, alignments=alignments)
        for least in (1, 2):
            rows = labels_rows(labels, min_outlets=least)
            expected = cc.labels_frame(labels, min_outlets=least)
            assert rows == expected.to_dict("records")
            if rows:
                assert labels_spec(rows) == cc.labels_chart(expected).to_dict()
    groups = find_name_variants(sample_articles)
    assert name_variants_spec(groups) == cc.name_variants_chart(groups.to_frame()).to_dict()


def test_the_reports_wording_specs_follow_the_charts_on_hostile_and_wide_input():
    from comparative_coverage.names.groups import NameGroup, Occurrence
    from comparative_coverage.present.wording_specs import (
        kinds_spec,
        labels_rows,
        labels_spec,
        name_variants_spec,
    )
    from comparative_coverage.wording.records import Change, Label, Labels

    hostile = "</script><script>alert(1)</script> <!-- & <b>"

    def label(entity, outlet, descriptor, load):
        return Label(
            entity=entity,
            outlet=outlet,
            article="x#1",
            where="body",
            index=0,
            name=entity,
            descriptor=descriptor,
            position="before",
            terms="",
            load=load,
            sentence="",
        )

    labels = Labels(
        [
            label(hostile, "A</", "the </script> man", 2),
            label(hostile, "B", "", 0),  # a bare mention: not a label
            label(hostile, "B", "a leader", 1),
            label(hostile, "B", "a leader", 3),
            label("Shoigu", "<!--C", "minister", 0),
        ]
    )
    for least in (1, 2):
        rows = labels_rows(labels, min_outlets=least)
        expected = cc.labels_frame(labels, min_outlets=least)
        assert rows == expected.to_dict("records")
        assert labels_spec(rows) == cc.labels_chart(expected).to_dict()

    def change(kind, a, b, pair):
        blank = dict.fromkeys(("detail", "loaded", "a_terms", "b_terms", "status"), "")
        offsets = dict.fromkeys(("a_start", "a_end", "b_start", "b_end"), 0)
        return pair, Change(
            unit=0,
            a_index=0,
            b_index=0,
            tag="replace",
            a_words=a,
            b_words=b,
            kind=kind,
            a_outlet="A",
            b_outlet="B",
            **blank,
            **offsets,
        )

    pairs = [
        change("label", hostile, "leader", "B vs A"),
        change("name_variant", "Qaddafi", "", hostile),
        *(change("spelling", f"w{k}", f"v{k}", "B vs A") for k in range(6)),
    ]
    frame = pd.DataFrame(
        [{"pair": p, "kind": c.kind, "a_words": c.a_words, "b_words": c.b_words} for p, c in pairs]
    )
    assert kinds_spec(pairs) == cc.kinds_chart(frame).to_dict()

    outlets = [f"Outlet {k}" for k in range(9)] + [hostile]  # narrow, slanted columns
    groups = [
        NameGroup(
            "Qaddafi",
            ("Qaddafi", "Kadhafi"),
            tuple(
                Occurrence(spelling, "x#1", outlet, "body", 0, 0, 1, "")
                for k, outlet in enumerate(outlets)
                for spelling in ("Qaddafi", "Kadhafi")[: 1 + k % 2] * (1 + k % 3)
            ),
        ),
        NameGroup(hostile, (hostile,), (Occurrence(hostile, "x#1", "Z", "body", 0, 0, 1, ""),)),
    ]
    frame = pd.DataFrame(
        [(g.name, o.spelling, o.outlet) for g in groups for o in g.occurrences],
        columns=["name", "variant", "outlet"],
    )
    assert name_variants_spec(groups) == cc.name_variants_chart(frame).to_dict()


# ---- readable: text size, width, words, whole sentences ---------------------------------


def drawn(chart) -> str:
    """The chart as Vega draws it (SVG, through vl-convert: no browser needed)."""
    import vl_convert as vlc

    return vlc.vegalite_to_svg(chart.to_dict())


def every_chart(articles, alignment):
    from comparative_coverage.names.groups import find_name_variants
    from comparative_coverage.wording.kinds import classify_changes
    from comparative_coverage.wording.labels import describe_labels

    labels = cc.labels_frame(describe_labels(articles[:2], alignments=[alignment]))
    return {
        "map": cc.alignment_map(alignment),
        "changes": cc.changes_chart(cc.change_counts(alignment)),
        "similarity": cc.similarity_heatmap(cc.similarity_frame(alignment)),
        "kinds": cc.kinds_chart(classify_changes(alignment)),
        "names": cc.name_variants_chart(find_name_variants(articles).to_frame()),
        "labels": cc.labels_chart(labels),
    }


def test_chart_text_is_at_least_12_px_and_widths_are_bounded(
    shoigu_pair, flagship, sample_articles
):
    import re

    for name, chart in every_chart([*shoigu_pair, *sample_articles], flagship).items():
        svg = drawn(chart)
        sizes = {float(x) for x in re.findall(r'font-size="([\d.]+)px"', svg)}
        width = float(re.search(r'<svg[^>]*width="([\d.]+)"', svg).group(1))
        assert sizes and min(sizes) >= 12, (name, sorted(sizes))
        assert width <= 900, (name, width)


def test_a_name_chart_of_many_outlets_stays_within_the_page():
    import re

    names = pd.DataFrame(
        [("Qaddafi", v, f"Outlet number {k}") for k in range(20) for v in ("Qaddafi", "Kadhafi")],
        columns=["name", "variant", "outlet"],
    )
    svg = drawn(cc.name_variants_chart(names))
    assert float(re.search(r'<svg[^>]*width="([\d.]+)"', svg).group(1)) <= 1000


def test_legends_show_words_and_tooltips_whole_sentences(flagship):
    import re

    long = "Officials said " + " ".join(["the talks went on"] * 80) + "."
    alignment = cc.align(["Short one.", long], ["Short one.", long + " Then more."])
    spec = cc.alignment_map(alignment).to_dict()
    texts = {r["text"] for layer in spec["layer"] for r in data_of(spec, layer) if "text" in r}
    assert long in texts  # 1,300 characters, not cut at 250
    svg = drawn(cc.changes_chart(cc.change_counts(flagship)))
    assert ">unchanged<" in svg and ">same<" not in svg
    from comparative_coverage.wording.kinds import classify_changes

    svg = drawn(cc.kinds_chart(classify_changes(flagship)))
    from comparative_coverage.wording.kinds import kind_title

    assert f">{kind_title('name_variant')}<" in svg and ">name_variant<" not in svg
    # marks describe themselves in words too (screen readers); Vega's own label of the
    # legend still lists the domain's codes, despite the legend's description
    marks = re.findall(r'<path aria-label="([^"]*)"[^>]*aria-roledescription="bar"', svg)
    assert marks and not [m for m in marks if "name_variant" in m or "_detail" in m]
