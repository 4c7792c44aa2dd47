"""The standalone report: one self-contained page, deterministic, and safe with hostile text."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

import comparative_coverage as cc
from comparative_coverage.cli import main
from comparative_coverage.present.page import _sha256, json_for_script

# ---- a hostile corpus: two versions of one story whose text tries every trick ----------

PAYLOADS = (
    '<script>window.__pwned = "script"; alert("script")</script>',
    "<img src=x onerror=\"window.__pwned = 'img'; alert('img')\">",
    "<a href=\"javascript:window.__pwned='link';alert('link')\">click me</a>",
    '</style><script>window.__pwned = "style"</script>',
    '" onmouseover="window.__pwned=\'attr\'" data-x="',
    "'><svg onload=\"window.__pwned='svg'\">",
    "</script><script>window.__pwned = 'json'</script>",
    "${window.__pwned = 'template'} {{7*7}} &amp; &lt;b&gt;",
)
LONG_WORD = "Gaddafi" * 400  # 2,800 characters without a space


def hostile_articles() -> list[cc.Article]:
    """Two versions of one story: shared sentences carrying payloads, plus edits."""
    shared = [
        f"Officials said the talks in Moscow covered {p} and military cooperation."
        for p in PAYLOADS
    ]
    a_paragraphs = (*shared, f"The minister thanked {LONG_WORD} for his support.")
    b_paragraphs = (
        *(s.replace("Officials said", "Officials on Friday said") for s in shared[:4]),
        *shared[4:],
        f"The minister thanked {LONG_WORD} and his <b>allies</b> for their support.",
        "An added sentence with <iframe src=\"javascript:window.__pwned='iframe'\"></iframe>.",
    )
    return [
        cc.Article(
            id="evil_a#1",
            outlet='Evil "Outlet" <script>window.__pwned="outlet"</script>',
            title="<script>window.__pwned='title'</script> Talks in Moscow",
            paragraphs=a_paragraphs,
            date="2021-04-17",
            url="javascript:window.__pwned='url'",
        ),
        cc.Article(
            id="evil_b#1",
            outlet="O'Brien & Sons </style>",
            title="Talks in Moscow </title><script>window.__pwned='title2'</script>",
            paragraphs=b_paragraphs,
            url='https://example.org/?q=<script>&x="y"',
        ),
    ]


class Tags(HTMLParser):
    """Every start tag with its attributes, and the text of each script."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._in_script = True
            self.scripts.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data


class Shown(HTMLParser):
    """What a reader sees: text outside scripts and styles, and titles shown on hover."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag, attrs):
        self._hidden += tag in ("script", "style")
        self.text.extend(v for k, v in attrs if k in ("title", "aria-label") and v)

    def handle_endtag(self, tag):
        self._hidden -= tag in ("script", "style")

    def handle_data(self, data):
        if not self._hidden:
            self.text.append(data)


def parse(html: str) -> Tags:
    tags = Tags()
    tags.feed(html)
    return tags


OUR_TAGS = set(
    "a abbr body br caption code del details div em h1 h2 h3 h4 head header html ins li main meta nav "
    "noscript ol p script section small span strong style summary table tbody td th thead "
    "title tr ul".split()
)
CHART_IDS = [  # no similarity matrix: the flagship pair restates, merges and splits nothing
    "chart-1-1-map",
    "chart-1-labels",
    "chart-summary-changes",
    "chart-summary-kinds",
    "chart-names",
]


@pytest.fixture(scope="module")
def sample_report(sample_dir) -> str:
    return cc.build_report(sample_dir)


@pytest.fixture(scope="module")
def hostile_report() -> str:
    return cc.build_report(hostile_articles())


def chart_specs(html: str) -> list[dict]:
    data = re.search(r'<script type="application/json" id="cc-chart-specs">(.*?)</script>', html)
    return json.loads(data.group(1))


# ---- the sample report ------------------------------------------------------------------


def test_sample_report_has_the_summary_the_charts_and_the_side_by_side(sample_report):
    tags = parse(sample_report)
    ids = [attrs["id"] for _, attrs in tags.tags if "id" in attrs]
    assert ids == [  # each story first (its digest leads it), then the corpus
        "story-1",
        "chart-1-1-map",
        "chart-1-labels",
        "summary",
        "chart-summary-changes",
        "chart-summary-kinds",
        "names",
        "chart-names",
        "single",
        "about",
        "cc-chart-specs",
    ]
    assert [item["id"] for item in chart_specs(sample_report)] == CHART_IDS
    assert sample_report.count('<tr class="cc-') == 12  # the flagship pair's 12 units
    assert "Russia Calls for Deeper Military Ties with Libya" in sample_report
    assert "<del" in sample_report and "<ins" in sample_report
    assert sample_report.count("cc-is-moved") == 2  # the two sentences pulled up
    assert "teleSUR English" in sample_report  # a story told once is still listed


def test_the_vega_bundle_is_inlined_exactly_once_and_nothing_is_fetched(sample_report):
    tags = parse(sample_report)
    scripts = [attrs for tag, attrs in tags.tags if tag == "script"]
    assert scripts == [{"type": "application/json", "id": "cc-chart-specs"}, {}, {}]
    assert sample_report.count("window.vegaEmbed=") == 1
    assert not [attrs for _, attrs in tags.tags if "src" in attrs]
    assert not [
        attrs for tag, attrs in tags.tags if tag == "link" and attrs.get("rel") != "canonical"
    ]
    assert len(sample_report.encode()) < 3_000_000


def test_only_the_pages_own_scripts_may_run(sample_report):
    """The Content-Security-Policy allows exactly the two inline scripts, by hash."""
    tags = parse(sample_report)
    policy = next(
        a["content"] for t, a in tags.tags if a.get("http-equiv") == "Content-Security-Policy"
    )
    assert "default-src 'none'" in policy and "'unsafe-inline'" not in policy.split("style-src")[0]
    bundle, embed = tags.scripts[1:]
    assert f"'{_sha256(bundle)}'" in policy and f"'{_sha256(embed)}'" in policy
    assert embed.count("vegaEmbed(") == 1  # called once per chart in a loop over the specs


def test_the_report_is_byte_identical_for_identical_input(sample_dir, sample_report, monkeypatch):
    assert cc.build_report(sample_dir) == sample_report
    monkeypatch.chdir(sample_dir.parent.parent)
    assert cc.build_report("data/sample") == sample_report  # no absolute paths inside
    assert cc.build_report(cc.read_articles(sample_dir)) == sample_report


def test_another_process_with_another_hash_seed_writes_the_same_bytes(
    sample_dir, sample_report, tmp_path
):
    env = {**os.environ, "PYTHONHASHSEED": "7"}
    command = [sys.executable, "-m", "comparative_coverage.cli", "report", str(sample_dir)]
    subprocess.run(
        [*command, "-o", str(tmp_path / "r.html")], env=env, check=True, capture_output=True
    )
    assert (tmp_path / "r.html").read_text(encoding="utf-8") == sample_report


def test_the_side_by_side_view_prints(sample_report):
    """Print hides the contents and keeps headings with what follows them.

    (A forced page break before each story left a near-empty page: gone.)
    """
    css = re.search(r"<style>(.*?)</style>", sample_report, re.S).group(1)
    print_css = css[css.index("@media print") :]
    assert ".cc-toc" in print_css and "display:none" in print_css
    assert "break-after:avoid" in css and "break-before:page" not in css


def test_write_report_returns_the_path_and_the_cli_prints_it(sample_dir, tmp_path, capsys):
    path = cc.write_report(sample_dir, tmp_path / "out" / "sample.html", title="Sample")
    assert path == tmp_path / "out" / "sample.html"
    assert "<title>Sample</title>" in path.read_text(encoding="utf-8")
    assert main(["report", str(sample_dir), "-o", str(tmp_path / "cli.html")]) == 0
    assert capsys.readouterr().out.startswith(f"wrote {tmp_path / 'cli.html'} (0.")


def test_stories_and_outlets_narrow_the_report(sample_dir):
    html = cc.build_report(sample_dir, stories=["story-1"])
    assert "Italy" not in html and [c["id"] for c in chart_specs(html)] == CHART_IDS
    only_b = cc.build_report(sample_dir, outlets=["the defense post"])
    assert "Asharq" not in only_b and "cc-chart-specs" not in only_b
    assert "nothing to compare" in only_b
    assert "<script" not in only_b  # no chart, so no script at all


def test_unknown_stories_and_outlets_say_what_exists(sample_dir, capsys):
    with pytest.raises(cc.ArticleNotFound, match="story-1: Russia Calls"):
        cc.build_report(sample_dir, stories=["no such story"])
    assert main(["report", str(sample_dir), "-o", "x.html", "--outlets", "Nope"]) == 2
    assert "the outlets are: Asharq Al-Awsat, The Defense Post" in capsys.readouterr().err


# ---- hostile text -----------------------------------------------------------------------


def test_hostile_articles_form_one_story_so_every_section_shows_them(hostile_report):
    ids = [item["id"] for item in chart_specs(hostile_report)]
    # their pair merges or restates sentences, so its similarity matrix is drawn
    assert ids[:2] == ["chart-1-1-map", "chart-1-1-similarity"]
    assert "chart-summary-changes" in ids


def test_hostile_text_adds_no_element_attribute_or_script(hostile_report, sample_report):
    tags = parse(hostile_report)
    assert [attrs for tag, attrs in tags.tags if tag == "script"] == [
        {"type": "application/json", "id": "cc-chart-specs"},
        {},
        {},
    ]
    used = {tag for tag, _ in tags.tags}
    assert used <= OUR_TAGS and not used & {"img", "iframe", "svg", "b"}
    attributes = {name for _, attrs in tags.tags for name in attrs}
    assert not {a for a in attributes if a.startswith("on")}
    assert "data-x" not in attributes
    hrefs = [attrs["href"] for tag, attrs in tags.tags if tag == "a"]
    assert not [h for h in hrefs if not h.startswith(("#", "https://"))]
    styles = [t for t, _ in tags.tags if t == "style"]
    assert hostile_report.count("</style>") == len(styles)  # none closed early by the text


def test_hostile_text_shows_literally(hostile_report):
    assert "&lt;script&gt;window." in hostile_report
    assert "&lt;img src=x onerror=&#34;window.__pwned = &#39;img&#39;" in hostile_report
    assert "&lt;/style&gt;&lt;script&gt;" in hostile_report
    assert "javascript:window.__pwned=&#39;url&#39;" in hostile_report  # text, not a link
    assert LONG_WORD in hostile_report
    specs = json.dumps(chart_specs(hostile_report), ensure_ascii=False)
    # data intact but for an invisible word joiner after "<" in "</" (issue 21: chart text
    # must not be able to close Altair's own <script> wherever it embeds a spec)
    assert "covered <\u2060/script><script>window." in specs


def test_json_in_a_script_cannot_close_it():
    text = json_for_script({"t": "</script><!-- & -->"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"t": "</script><!-- & -->"}


def test_empty_input_is_a_clear_error(tmp_path):
    with pytest.raises(cc.EmptyInput):
        cc.build_report([])


def test_a_story_in_three_versions_gets_the_n_way_table_and_a_map_per_pair(shoigu_pair):
    a, b = shoigu_pair
    third = cc.Article(
        id="third#1",
        outlet="Third Outlet",
        title=b.title,
        paragraphs=tuple(p.replace("Kadhafi", "Gaddafi") for p in b.paragraphs[:-1]),
    )
    html = cc.build_report([a, b, third])
    assert "All versions side by side" in html
    ids = [item["id"] for item in chart_specs(html)]
    assert ids[:2] == ["chart-1-1-map", "chart-1-2-map"]  # no restatement, merge or split
    assert {"chart-summary-changes", "chart-summary-kinds"} <= set(ids)
    assert html.count("<h3>") >= 3 and "Third Outlet" in html
    # the N-way table is open; each pair's detail is folded away
    assert '<details class="cc-more" open><summary>All versions side by side' in html
    pairs = re.findall(r'<details class="cc-more"><summary>(.+?) against the reference', html)
    assert len(pairs) == 2 and "Third Outlet" in html  # one for each version but the spine


# ---- the digest: what each outlet did, in plain words, first ----------------------------


def test_each_story_opens_with_what_each_outlet_changed(sample_report):
    story = sample_report[sample_report.index('id="story-1"') :]
    digest = story[: story.index("Every version at a glance")]
    assert "Reference: Asharq Al-Awsat</strong> (9 sentences)" in digest
    assert "likely the closest to the wire copy" in digest
    assert "Added 3 sentences:" in digest and "We would like to give new momentum to…" in digest
    assert "Dropped nothing." in digest
    assert "Kept 5 unchanged and reworded 4; moved 2 out of the reference's order." in digest
    assert "“Moamer Kadhafi” for “Muammar Qaddafi”" in digest  # how it spelled names
    assert "“strongman” for “leader”" in digest  # how it labelled
    assert "dropped AFP (wire)" in digest  # which attributions it kept
    # the full sentence is on hover, the first words in the text
    assert 'title="“We would like to give new momentum to our cooperation and build new' in digest
    assert story.index("What each outlet changed") < story.index("<table")


def test_the_digest_reads_as_a_sentence_when_counts_are_zero_or_a_source_stands_twice():
    """Found in the wild, news-dev: 'Kept 0 unchanged and reworded 1, merged 2' (Haniyeh,
    Lokmat Times) and 'kept ... AFP (wire) ...; dropped AFP (wire)' (Germany, Kuwait Times,
    which kept one of the reference's two AFP credits)."""
    from .test_read import DEV, read_quietly

    story = DEV / "germany-cannabis-legal-2024"
    if not story.is_dir():
        pytest.skip("shared/eval-public is not beside the checkout")
    html = cc.build_report(read_quietly(story, include="*.raw.txt"))
    haniyeh = read_quietly(DEV / "haniyeh-killed-tehran-2024", include="*.raw.txt")
    lokmat = cc.build_report(haniyeh, spine="Mothership (Singapore)")
    assert "dropped AFP (wire) in 1 of its 2 places." in html
    assert "Kept 0" not in html and "Kept 0" not in lokmat
    assert "Reworded 1 and merged 2, none unchanged; kept the reference's order." in lokmat


def test_a_sentence_that_restates_the_reference_is_neither_added_nor_dropped():
    """Found in the wild, news-dev: Bangkok Post's "Hanieh attended the swearing in
    ceremony of Iran's new president on Tuesday." restates Mothership's "He was
    reportedly in Tehran for the inauguration ceremony ...": the digest said the outlet
    added the one and dropped the other."""
    from comparative_coverage.model import Alignment, Restatement, Unit
    from comparative_coverage.present.digest import unmatched

    alignment = Alignment(
        a_sentences=("Talks ended.", "He was in Tehran for the inauguration.", "Rain fell."),
        b_sentences=("Talks ended.", "He attended the swearing in.", "Snow fell."),
        units=(
            Unit(unit=0, status="same", a=(0,), b=(0,), score=1.0),
            Unit(unit=1, status="dropped", a=(1,), b=(), score=0.0),
            Unit(unit=2, status="added", a=(), b=(1,), score=0.0),
            Unit(unit=3, status="dropped", a=(2,), b=(), score=0.0),
            Unit(unit=4, status="added", a=(), b=(2,), score=0.0),
        ),
        restatements=(Restatement(a=1, b=1, by="b", score=0.4),),
    )
    assert unmatched(alignment) == ([2], [2], [(1, 1)])

    from .test_read import DEV, read_quietly

    story = DEV / "haniyeh-killed-tehran-2024"
    if not story.is_dir():
        pytest.skip("shared/eval-public is not beside the checkout")
    html = cc.build_report(read_quietly(story, include="*.raw.txt"), spine="Mothership (Singapore)")
    bangkok = html[html.index("<h4>Bangkok Post") :]
    bangkok = bangkok[: bangkok.index("</div>")]
    assert "Added nothing." in bangkok
    assert "Restated 2 sentences in other words:" in bangkok
    assert "“Hanieh attended the swearing in ceremony of Iran&#39;s…”</abbr> for" in bangkok


def test_spine_chooses_the_reference_and_says_so(sample_dir, capsys, tmp_path):
    html = cc.build_report(sample_dir, spine="The Defense Post")
    assert "Reference: The Defense Post</strong>" in html
    assert "chosen as the reference (spine)" in html
    assert '<h4>Asharq Al-Awsat <span class="cc-quiet">(9 sentences)' in html
    with pytest.raises(cc.ArticleNotFound, match="spine='Nope' names no version"):
        cc.build_report(sample_dir, spine="Nope")
    out = tmp_path / "r.html"
    assert main(["report", str(sample_dir), "-o", str(out), "--spine", "The Defense Post"]) == 0
    assert "Reference: The Defense Post</strong>" in out.read_text(encoding="utf-8")


CODE_WORDS = (
    "name_variant",
    "dropped_detail",
    "added_detail",
    "shared_all",
    "shared_some",
    "only_this",
    "replace ",
)


def test_readers_see_words_not_code_words(sample_report, shoigu_pair):
    a, b = shoigu_pair
    third = cc.Article(id="c#1", outlet="Third", title="", paragraphs=b.paragraphs[:-2])
    pages = [sample_report, cc.build_report([a, b, third])]
    for html in pages:
        shown = Shown()
        shown.feed(html)
        text = "\n".join(shown.text)
        assert "Kadhafi" in text and [w for w in CODE_WORDS if w in text] == []
        assert "<th></th>" not in html and '<th class="cc-num"></th>' not in html
    # charts: legends of statuses and kinds show words; no tooltip shows a code
    legends, tooltips = [], []

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                coloured = key in ("color", "stroke") and isinstance(value, dict)
                if coloured and value.get("field") == "status":
                    legends.append(value.get("legend"))
                if key == "tooltip" and isinstance(value, list):
                    tooltips.extend(t.get("field") for t in value)
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk([item["spec"] for item in chart_specs(pages[1])])
    assert len(legends) >= 3 and all("labelExpr" in legend for legend in legends)
    assert tooltips and "status" not in tooltips  # kinds' data are their titles already


# ---- any corpus size: a small offline site beyond a few stories -------------------------


@pytest.fixture(scope="module")
def seven_stories():
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    from report_corpus import story_corpus

    return story_corpus(7, versions=3, sentences=6)


def test_beyond_a_few_stories_the_report_is_an_index_and_a_page_per_story(seven_stories, tmp_path):
    path = cc.write_report(seven_stories, tmp_path / "big.html")
    files = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file())
    assert files == [
        "big.html",
        *(f"big_files/story-{k}.html" for k in range(1, 8)),
        "big_files/vega.js",
    ]
    index = path.read_text(encoding="utf-8")
    assert index.count("<tr>") == 7 + 1 + 4  # stories (and the header), outlets
    assert '<a href="big_files/story-3.html">' in index
    data = json.loads(re.search(r'id="cc-index-data">(.*?)</script>', index).group(1))
    assert len(data["rows"]) == 7 and data["hrefs"][0] == "big_files/story-1.html"
    assert "vegaEmbed" not in index and "<script src" not in index  # the index draws no chart
    story = (tmp_path / "big_files" / "story-2.html").read_text(encoding="utf-8")
    assert '<a href="../big.html">' in story and "What each outlet changed" in story
    assert '<script src="vega.js"></script>' in story and "window.vegaEmbed=" not in story
    policy = next(
        a["content"]
        for _, a in parse(story).tags
        if a.get("http-equiv") == "Content-Security-Policy"
    )
    assert "script-src 'self' 'sha256-" in policy and "default-src 'none'" in policy
    one = cc.write_report(seven_stories, tmp_path / "one.html", pages="one")
    assert one.read_text(encoding="utf-8").count('class="cc-story"') == 7


def test_the_site_is_byte_identical_for_identical_input(seven_stories):
    first = dict(cc.build_site(seven_stories, name="x"))
    assert dict(cc.build_site(seven_stories, name="x")) == first


# ---- snapshots: every fragment and page, with fixed ids ---------------------------------


def tiny_versions() -> list[cc.Article]:
    a = cc.Article(
        id="a#1",
        outlet="Wire",
        title="Talks in Moscow",
        paragraphs=(
            "Russia welcomed talks with Libya on Friday.",
            "The minister thanked Muammar Qaddafi's successors, AFP reported.",
            "Officials said the visit was a first step.",
        ),
        date="2021-04-16",
    )
    b = cc.Article(
        id="b#1",
        outlet="Courier",
        title="Talks in Moscow",
        paragraphs=(
            "The minister thanked Moamer Kadhafi's successors.",
            "Russia warmly welcomed talks with Libya on Friday.",
            "The strongman was not invited, a source said.",
            "“This is a first step,” Sergei Shoigu said.",
        ),
        url="https://example.org/talks",
    )
    c = cc.Article(id="c#1", outlet="Ledger", title="Talks", paragraphs=b.paragraphs[:2])
    return [a, b, c]


def without_bundle(html: str) -> str:
    """The page with the 900 KB Vega bundle (someone else's code) left out."""
    return html.replace(cc.vega_bundle(), "/* vega bundle */")


def test_fragments_match_their_snapshots(snapshot):
    from comparative_coverage.present.render import (
        legend_html,
        quote_html,
        status_badge,
        stories_html,
    )

    a, b, c = tiny_versions()
    alignment = cc.align(a, b)
    fragments = {
        "alignment": alignment._repr_html_(),
        "comparison": cc.compare([a, b, c])._repr_html_(),
        "article": a._repr_html_(),
        "stories": stories_html(cc.find_stories([a, b, c])),
        "names": cc.find_name_variants([a, b], alignments=[alignment])._repr_html_(),
        "quote": quote_html(cc.find_quotes(b)[0]),
        "legend": legend_html(),
        "badge": status_badge("split"),
    }
    assert {k: str(v) for k, v in fragments.items()} == snapshot


def test_pages_match_their_snapshots(snapshot):
    versions = tiny_versions()
    page = without_bundle(cc.build_report(versions))
    site = {name: without_bundle(text) for name, text in cc.build_site(versions, name="t")}
    site.pop("t_files/vega.js")
    assert {"report.html": page, **site} == snapshot


def test_every_chart_the_report_embeds_is_valid_vega_lite(sample_report, hostile_report):
    """The report skips Altair's validation (``to_dict(validate=False)``): it is done here."""
    from altair.utils.schemapi import validate_jsonschema
    from altair.vegalite.v6.schema.core import load_schema

    schema = load_schema()
    specs = chart_specs(sample_report) + chart_specs(hostile_report)
    assert len(specs) >= 8
    for item in specs:
        validate_jsonschema(item["spec"], schema)  # raises on the first error


def test_a_report_with_no_story_told_twice_says_so(tmp_path):
    """issue 13: a file whose stories are each told once gives a report that compares nothing."""
    from comparative_coverage.present.report import NothingToCompareWarning

    page = tmp_path / "one.txt"
    page.write_text("Talks resumed in Moscow on Friday. Both sides were hopeful.", encoding="utf-8")
    with pytest.warns(NothingToCompareWarning, match="none of the 1 stories"):
        cc.write_report(page, tmp_path / "report.html")


def test_the_similarity_matrix_is_drawn_only_where_it_says_something(shoigu_pair):
    """Where a sentence restates one outside its pair, or sentences merge or split."""
    from comparative_coverage.present.report_sections import says_something

    a, b = shoigu_pair
    plain = cc.align(a, b)
    assert not plain.restatements and not says_something(plain)
    html = cc.build_report([a, b])
    assert "chart-1-1-similarity" not in html
    assert "the similarity matrix would add nothing to the map" in html
    merged = cc.align(
        "One short sentence here. Another short one.",
        "One short sentence here and another short one.",
    )
    assert says_something(merged) and "merged" in {u.status for u in merged.units}
    assert "chart-1-1-similarity" in cc.build_report(
        [
            cc.Article(
                "x#1",
                "X",
                "T",
                ("One short sentence here. Another short one. A third line ends it.",),
            ),
            cc.Article(
                "y#1",
                "Y",
                "T",
                ("One short sentence here and another short one. A third line ends it.",),
            ),
        ]
    )


def test_a_similarity_matrix_too_large_for_the_page_is_replaced_by_a_note(monkeypatch):
    from comparative_coverage.present import report_sections

    monkeypatch.setattr(report_sections, "MAX_SIMILARITY_CELLS", 1)
    html = cc.build_report(
        [
            cc.Article("x#1", "X", "T", ("One short sentence here. Another short one. A third.",)),
            cc.Article(
                "y#1", "Y", "T", ("One short sentence here and another short one. A third.",)
            ),
        ]
    )
    assert "chart-1-1-similarity" not in html and "is too large for this page" in html


def test_a_restatement_says_in_words_how_it_restates_not_the_aligners_method_name():
    """Found in the wild: news-dev Haniyeh, Bangkok Post against Mothership, where the
    side-by-side view showed 'restates cross' and 'restates leftover'."""
    from comparative_coverage.present.colors import RESTATEMENT_WORDS

    from .test_read import DEV, read_quietly

    folder = DEV / "haniyeh-killed-tehran-2024"
    if not folder.is_dir():
        pytest.skip("shared/eval-public is not beside the checkout")
    a, b = (read_quietly(folder / f"{n}.raw.txt")[0] for n in ("mothership", "bangkokpost"))
    alignment = cc.align(a, b)
    methods = {link.method for link in alignment.restatements}
    assert methods and methods <= set(RESTATEMENT_WORDS)
    html = alignment._repr_html_()
    shown = re.findall(r'class="cc-meta cc-why">([^<]*)</span>', html)
    assert sorted(set(shown)) == sorted(RESTATEMENT_WORDS[m] for m in methods)


def test_a_quote_s_changed_words_are_told_in_a_reader_s_words():
    """Found in the wild: news-dev Haniyeh, where the report's quote table said 'insert a'
    and 'replace bodyguards -> body guards' (the word diff's own vocabulary)."""
    from .test_read import DEV, read_quietly

    folder = DEV / "haniyeh-killed-tehran-2024"
    if not folder.is_dir():
        pytest.skip("shared/eval-public is not beside the checkout")
    versions = [read_quietly(folder / f"{n}.raw.txt")[0] for n in ("mothership", "bangkokpost")]
    html = cc.build_report(versions)
    notes = re.findall(r"<small>([^<]*)</small>", html)
    assert "“bodyguards” became “body guards”" in notes
    assert "added “a”" in notes
    assert not [n for n in notes if n.startswith(("replace ", "insert ", "delete "))]


def test_outlet_names_holding_commas_are_listed_apart_from_each_other():
    """Found in the wild: news-dev C919, whose header read '5 articles from 5 outlets
    (Business Standard (India), AMP page, Interesting Engineering, ...)'."""
    wire = (
        "The foreign minister met the envoy in Tripoli on Monday to discuss the ceasefire.",
        "Rebel leader Ahmed Karim rejected the talks, Reuters reported.",
        "The envoy will travel to Benghazi next week for further meetings.",
    )
    rewrite = (wire[0].replace("met", "hosted"), "Warlord Ahmed Karim rejected the talks.", wire[2])
    versions = [
        cc.Article("a#1", "Business Standard (India), AMP page", "Talks resume", wire),
        cc.Article("b#1", "Moneycontrol (India)", "Talks resume", rewrite),
    ]
    html = cc.build_report(versions)
    assert "(Business Standard (India), AMP page; Moneycontrol (India))" in html
    sheet = cc.worksheet_html(versions)
    assert "2 versions: Business Standard (India), AMP page; Moneycontrol (India)" in sheet
