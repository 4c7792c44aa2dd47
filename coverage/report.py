"""Articles (or paths) -> one self-contained HTML report that works offline.

The report is a sequence of sections, each a function of plain model objects or frames
that returns an escaped HTML fragment: a summary (articles, stories, what each version
kept, reworded, added and dropped, and the kinds of wording change), then each story's
charts and side-by-side view with the labels its outlets put on people, then the name
variants across the corpus. Charts are Vega-Lite specs drawn by the Vega bundle inlined
once at the end of the page (:func:`export.vega_bundle`), one ``vegaEmbed`` call per
chart; nothing is fetched from another host, and a Content-Security-Policy that allows
only the page's own two scripts (by hash) makes sure of it. The same input gives a
byte-identical file.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from html import escape
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import altair as alt
import pandas as pd

from .attributions import compare_attributions
from .charts import (
    alignment_map,
    change_counts,
    changes_chart,
    kinds_chart,
    labels_chart,
    labels_frame,
    name_variants_chart,
    similarity_frame,
    similarity_heatmap,
)
from .compare import Comparison, compare
from .errors import ArticleNotFound, EmptyInput
from .export import RESOURCES, vega_bundle
from .kinds import classify_changes
from .labels import describe_labels
from .model import STATUSES, Alignment, Article
from .names import find_name_variants
from .quotes import compare_quotes
from .read import read_articles
from .render import STYLE, alignment_html, comparison_html, name_groups_html
from .stories import Story, find_stories

__all__ = ["build_report", "write_report"]

Source = str | os.PathLike | Article | Iterable[str | os.PathLike | Article]
MAX_SIMILARITY_CELLS = 10_000  # 100 x 100 sentences: about 0.4 MB of chart data

_EMBED = """(function () {
  "use strict";
  var specs = JSON.parse(document.getElementById("cc-chart-specs").textContent);
  specs.forEach(function (item) {
    var target = document.getElementById(item.id);
    if (typeof vegaEmbed !== "function") {
      target.textContent = "This chart could not be drawn: the Vega script did not load.";
      return;
    }
    vegaEmbed(target, item.spec, {renderer: "svg", actions: false}).catch(function (error) {
      target.textContent = "This chart could not be drawn: " + error;
      console.error(error);
    });
  });
})();"""


@cache
def _css() -> str:
    return (RESOURCES / "report.css").read_text(encoding="utf-8")


def _version() -> str:
    try:
        return version("comparative-coverage")
    except PackageNotFoundError:  # pragma: no cover - running from a bare checkout
        return "dev"


@dataclass(frozen=True)
class _Compared:
    """A story told more than once, its comparison, and its anchor in the page."""

    number: int
    story: Story
    comparison: Comparison

    @property
    def anchor(self) -> str:
        return f"story-{self.number}"

    @property
    def pairs(self) -> tuple[tuple[Article, Article, Alignment], ...]:
        """The spine against each other version, in the story's order: (a, b, alignment)."""
        c = self.comparison
        spine = c.articles[c.spine]
        return tuple(
            (spine, article, c.alignments[label])
            for article, label in zip(c.articles, c.outlets, strict=True)
            if label in c.alignments
        )

    @property
    def alignments(self) -> tuple[Alignment, ...]:
        return tuple(alignment for _, _, alignment in self.pairs)


@dataclass
class _Charts:
    """Charts placed in the page so far: stable ids in order of appearance, and specs."""

    specs: list[tuple[str, dict]] = field(default_factory=list)

    def place(self, chart: alt.TopLevelMixin, key: str, *, label: str) -> str:
        chart_id = f"chart-{key}"
        with alt.data_transformers.disable_max_rows():
            self.specs.append((chart_id, chart.to_dict()))
        return (
            f'<div class="cc-chart" id="{escape(chart_id)}" role="img" '
            f'aria-label="{escape(label, quote=True)}"></div>'
        )


# ---- input ------------------------------------------------------------------------------


def _articles(source: Source) -> list[Article]:
    if isinstance(source, Article):
        return [source]
    if isinstance(source, str | os.PathLike):
        return read_articles(source)
    articles: list[Article] = []
    for item in source:
        articles.extend([item] if isinstance(item, Article) else read_articles(item))
    return articles


def _keep_outlets(articles: list[Article], outlets: Iterable[str] | None) -> list[Article]:
    if outlets is None:
        return articles
    outlets = list(outlets)
    wanted = {o.strip().casefold() for o in outlets}
    kept = [a for a in articles if (a.outlet or "unknown").casefold() in wanted]
    if not kept:
        known = sorted({a.outlet or "unknown" for a in articles})
        raise ArticleNotFound(
            f"no article is from {', '.join(sorted(outlets))}; the outlets are: {', '.join(known)}"
        )
    return kept


def _keep_stories(stories: list[Story], wanted: Iterable[str] | None) -> list[Story]:
    """Stories named by id (story-2) or by a piece of their title, in corpus order."""
    if wanted is None:
        return stories
    wanted = [w.strip() for w in wanted]
    kept = [
        s
        for s in stories
        if any(w == s.id or (w and w.casefold() in s.title.casefold()) for w in wanted)
    ]
    if not kept:
        known = "; ".join(f"{s.id}: {s.title[:50]}" for s in stories)
        raise ArticleNotFound(
            f"no story matches {', '.join(wanted)}; pass a story id or part of a title ({known})"
        )
    return kept


# ---- small pieces -----------------------------------------------------------------------


def _file_of(article: Article) -> str:
    """Where an article came from, without the folder (the same on every machine)."""
    if not article.source:
        return article.id
    number = article.id.rsplit("#", 1)[1] if "#" in article.id else ""
    name = Path(article.source).name
    return f"{name}#{number}" if number else name


def _link(url: str | None) -> str:
    """An article's URL as a link when it is http(s), as plain text otherwise."""
    if not url:
        return ""
    if url.lower().startswith(("http://", "https://")):
        return f'<a href="{escape(url, quote=True)}" rel="noopener noreferrer">{escape(url)}</a>'
    return escape(url)


def _table(header: Sequence[str], rows: Iterable[Sequence[str]], *, numeric: set[int]) -> str:
    """A table from already escaped cells; columns in ``numeric`` align right."""

    def cls(k: int) -> str:
        return ' class="cc-num"' if k in numeric else ""

    head = "".join(f"<th{cls(k)}>{h}</th>" for k, h in enumerate(header))
    body = "".join(
        "<tr>" + "".join(f"<td{cls(k)}>{c}</td>" for k, c in enumerate(row)) + "</tr>"
        for row in rows
    )
    return f'<table class="cc-table"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def _labelled(compared: list[_Compared], frame_of) -> pd.DataFrame:
    """One frame for every pair of every story, its ``pair`` column naming the story too."""
    frames = []
    for c in compared:
        for alignment in c.alignments:
            frame = frame_of(alignment)
            pair = f"{alignment.b_name} vs {alignment.a_name}"
            frame["pair"] = f"{c.story.id}: {pair}" if len(compared) > 1 else pair
            frames.append(frame)
    return pd.concat(frames, ignore_index=True)


# ---- sections ---------------------------------------------------------------------------


def header_section(
    title: str, articles: list[Article], stories: list[Story], compared: list[_Compared]
) -> str:
    """The title, one line on what the corpus holds, and the contents."""
    outlets = sorted({a.outlet or "unknown" for a in articles})
    lede = (
        f"{len(articles)} article{'s' * (len(articles) != 1)} from {len(outlets)} "
        f"outlet{'s' * (len(outlets) != 1)} ({escape(', '.join(outlets))}); "
        f"{len(stories)} stor{'ies' if len(stories) != 1 else 'y'}, "
        f"{len(compared)} told in more than one version."
    )
    items = ['<li><a href="#summary">Summary</a></li>']
    items += [
        f'<li><a href="#{c.anchor}">{escape(c.story.title)}</a> '
        f"({escape(', '.join(c.story.outlets))})</li>"
        for c in compared
    ]
    items.append('<li><a href="#names">Names and their spellings</a></li>')
    if len(compared) < len(stories):
        items.append('<li><a href="#single">Stories told once</a></li>')
    items.append('<li><a href="#about">How to read this report</a></li>')
    return (
        f'<header><h1>{escape(title)}</h1><p class="cc-lede">{lede}</p>'
        f'<nav class="cc-toc" aria-label="contents"><strong>Contents</strong>'
        f"<ol>{''.join(items)}</ol></nav></header>"
    )


def summary_section(
    articles: list[Article], stories: list[Story], compared: list[_Compared], charts: _Charts
) -> str:
    """The articles, the stories they tell, what each version changed and how."""
    story_of = {a.id: s for s in stories for a in s.articles}
    anchors = {c.story.id: c.anchor for c in compared}
    rows = []
    for number, a in enumerate(articles, 1):
        story = story_of[a.id]
        label = escape(story.id)
        rows.append(
            (
                str(number),
                escape(a.outlet or "unknown"),
                escape(a.title or "(untitled)"),
                escape(a.date or ""),
                str(len(a.sentences)),
                str(a.words),
                escape(_file_of(a)),
                f'<a href="#{anchors[story.id]}">{label}</a>' if story.id in anchors else label,
            )
        )
    parts = [
        '<section id="summary"><h2>Summary</h2><h3>Articles</h3>',
        _table(
            ("#", "outlet", "title", "date", "sentences", "words", "file", "story"),
            rows,
            numeric={0, 4, 5},
        ),
    ]
    if not compared:
        parts.append(
            "<p>No story is told in more than one version, so there is nothing to compare.</p>"
        )
        return "".join(parts) + "</section>"
    counts = _labelled(compared, change_counts)
    shown = [s for s in STATUSES if s in set(counts["status"])]
    table_rows = []
    for c in compared:
        for alignment in c.alignments:
            sentences = change_counts(alignment).query("measure == 'sentences'")
            by_status = sentences.groupby("status")["count"].sum()
            moved = int(sentences.loc[sentences["moved"] == "moved", "count"].sum())
            table_rows.append(
                (
                    f'<a href="#{c.anchor}">{escape(c.story.id)}</a>',
                    escape(alignment.a_name),
                    escape(alignment.b_name),
                    *(str(int(by_status.get(s, 0))) for s in shown),
                    str(moved),
                )
            )
    parts += [
        "<h3>What each version changed</h3>",
        '<p class="cc-note">Sentences of b by status, and the sentences of a that b dropped; '
        "<em>moved</em> counts sentences out of order relative to the rest.</p>",
        _table(
            ("story", "a", "b", *shown, "moved"), table_rows, numeric=set(range(3, 4 + len(shown)))
        ),
        charts.place(changes_chart(counts), "summary-changes", label="What each version changed"),
    ]
    kinds = _labelled(compared, classify_changes)
    if len(kinds):
        parts.append(
            charts.place(kinds_chart(kinds), "summary-kinds", label="Kinds of wording change")
        )
    return "".join(parts) + "</section>"


def _versions_list(story: Story) -> str:
    items = []
    for a in story.articles:
        details = (escape(a.date or ""), escape(_file_of(a)), _link(a.url))
        items.append(
            f"<li><strong>{escape(a.outlet or 'unknown')}</strong>: {escape(a.title)} "
            f"({' · '.join(x for x in details if x)})</li>"
        )
    return f'<ul class="cc-versions">{"".join(items)}</ul>'


def _similarity(alignment: Alignment, charts: _Charts, *, key: str, label: str) -> str:
    """The similarity matrix, folded away; left out for very long versions (it grows as n*m)."""
    n_a, n_b = len(alignment.a_sentences), len(alignment.b_sentences)
    if n_a * n_b > MAX_SIMILARITY_CELLS:
        return (
            f'<p class="cc-note">The similarity matrix of these versions ({n_a} x {n_b} '
            "sentences) is too large for this page; cc.similarity_heatmap draws it in a "
            "notebook.</p>"
        )
    chart = similarity_heatmap(
        similarity_frame(alignment), a_name=alignment.a_name, b_name=alignment.b_name
    )
    return (
        '<details class="cc-more"><summary>For the curious: how similar is every pair of '
        f"sentences?</summary>{charts.place(chart, f'{key}-similarity', label=label)}</details>"
    )


QUOTE_MEANING = {
    "verbatim": "the same words",
    "altered": "words changed",
    "truncated": "cut short",
    "only_a": "only in a",
    "only_b": "only in b",
}


def quotes_section(quotes: pd.DataFrame, alignment: Alignment) -> str:
    """Each quote of a beside its counterpart in b, and whether b kept its words."""
    if not len(quotes):
        return ""
    rows = [
        (
            escape(str(q.speaker or "not stated")),
            escape(QUOTE_MEANING.get(str(q.status), str(q.status)))
            + (f"<br><small>{escape(str(q.diff))}</small>" if q.diff else "")
            + (f"<br><small>{escape(str(q.note))}</small>" if q.note else ""),
            escape(str(q.quote_a or "")),
            escape(str(q.quote_b or "")),
        )
        for q in quotes.itertuples(index=False)
    ]
    header = (
        "speaker",
        "compared",
        f"quoted by {escape(alignment.a_name)} (a)",
        f"quoted by {escape(alignment.b_name)} (b)",
    )
    return "<h4>Quotes</h4>" + _table(header, rows, numeric=set())


def attributions_section(attributions: pd.DataFrame, alignment: Alignment) -> str:
    """Wire credits and sourcing that one version gives and the other does not."""
    changed = attributions[attributions["status"] != "kept"] if len(attributions) else attributions
    if not len(changed):
        return ""
    rows = [
        (
            escape(str(t.kind)),
            escape(str(t.source)),
            escape(str(t.status)),
            escape(str(t.text_a or t.text_b)),
        )
        for t in changed.itertuples(index=False)
    ]
    return f"<h4>Attributions that {escape(alignment.b_name)} added or dropped</h4>" + _table(
        ("kind", "source", "", "as written"), rows, numeric=set()
    )


def story_section(compared: _Compared, charts: _Charts) -> str:
    """One story: its versions, per pair the alignment map and side by side, then labels."""
    story, comparison = compared.story, compared.comparison
    parts = [
        f'<section class="cc-story" id="{compared.anchor}"><h2>{escape(story.title)}</h2>'
        f'<p class="cc-note">{escape(story.id)}: {len(story.articles)} versions; version a '
        f"is {escape(comparison.outlets[comparison.spine])}, the one the others share most "
        "with.</p>",
        _versions_list(story),
    ]
    several = len(compared.alignments) > 1
    if several:
        parts += [
            "<h3>All versions side by side</h3>",
            comparison_html(comparison, caption=story.title),
        ]
    for k, (a, b, alignment) in enumerate(compared.pairs, 1):
        key = f"{compared.number}-{k}"
        pair = f"{alignment.a_name} (a) and {alignment.b_name} (b)"
        parts += [
            f"<h3>{escape(pair)}</h3>" if several else "",
            charts.place(alignment_map(alignment), f"{key}-map", label=f"Alignment map of {pair}"),
            "" if several else "<h3>Side by side</h3>",
            alignment_html(alignment, caption=pair),
            _similarity(alignment, charts, key=key, label=f"Similarity matrix of {pair}"),
            quotes_section(compare_quotes(a, b), alignment),
            attributions_section(compare_attributions(a, b), alignment),
        ]
    labels = labels_frame(
        describe_labels(story.articles, alignments=compared.alignments), min_outlets=2
    )
    if len(labels):
        parts += [
            "<h3>How each outlet describes the people in the story</h3>",
            charts.place(
                labels_chart(labels), f"{compared.number}-labels", label="Labels by outlet"
            ),
        ]
    return "".join(parts) + "</section>"


def names_section(articles: list[Article], compared: list[_Compared], charts: _Charts) -> str:
    """Names spelled more than one way across the corpus, and who uses which spelling."""
    alignments = [a for c in compared for a in c.alignments]
    groups = find_name_variants(articles, alignments=alignments)
    parts = ['<section id="names"><h2>Names and their spellings</h2>']
    if not groups:
        return "".join(parts) + "<p>Every name is spelled one way throughout.</p></section>"
    parts += [
        '<p class="cc-note">Spellings found to be one name (transliterations such as Qaddafi, '
        "Kadhafi and Gaddafi, or a name with and without its article), how often each is "
        "used and by whom, and the evidence that they are one name.</p>",
        name_groups_html(groups),
        charts.place(
            name_variants_chart(groups.to_frame()), "names", label="Name spellings by outlet"
        ),
    ]
    return "".join(parts) + "</section>"


def single_stories_section(stories: list[Story]) -> str:
    """Stories only one version of which is in the corpus: listed, not compared."""
    rows = [
        (
            escape(s.id),
            escape(s.articles[0].outlet or "unknown"),
            escape(s.title),
            escape(_file_of(s.articles[0])),
        )
        for s in stories
    ]
    return (
        '<section id="single"><h2>Stories told once</h2>'
        "<p>Only one version of these stories is in the corpus, so there is nothing to "
        "compare them with. Add another outlet's version to see what differs.</p>"
        + _table(("story", "outlet", "title", "file"), rows, numeric=set())
        + "</section>"
    )


def about_section() -> str:
    """What the statuses, charts and side-by-side views mean."""
    return (
        '<section id="about"><h2>How to read this report</h2>'
        "<p>Each story's versions are aligned sentence by sentence with version <em>a</em>, "
        "the one the others share most with. In the side-by-side view, words that "
        "<em>a</em> has and <em>b</em> changed or left out are struck through; words "
        "<em>b</em> added or put instead are underlined. Hover a highlighted phrase for the "
        "edit, and a chart's marks for the sentences.</p>"
        "<p>The comparison is of wording, not of meaning or truth: a sentence marked "
        "<em>added</em> may restate something said elsewhere in other words.</p>"
        f'<p class="cc-note">Made by comparative-coverage {escape(_version())}; charts by '
        "Vega-Lite, inlined, so this file works offline.</p></section>"
    )


# ---- page -------------------------------------------------------------------------------


def _json_for_script(value: object) -> str:
    """JSON that cannot end or open markup inside a ``<script>`` data block.

    >>> _json_for_script({"t": "</script><b>"})
    '{"t":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e"}'
    """
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _sha256(script: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()


def _page(title: str, body: str, specs: list[tuple[str, dict]]) -> str:
    """The page around the sections: styles, the policy, the chart specs and scripts."""
    scripts = [vega_bundle(), _EMBED] if specs else []
    # Vega compiles its expressions with Function(): 'unsafe-eval', for the hashed scripts only
    allowed = " ".join(f"'{_sha256(s)}'" for s in scripts) + " 'unsafe-eval'"
    policy = "; ".join(
        [
            "default-src 'none'",
            f"script-src {allowed}" if scripts else "script-src 'none'",
            "style-src 'unsafe-inline'",
            "img-src data:",
            "font-src data:",
            "base-uri 'none'",
            "form-action 'none'",
        ]
    )
    tail = ""
    if specs:
        data = _json_for_script([{"id": chart_id, "spec": spec} for chart_id, spec in specs])
        tail = f'<script type="application/json" id="cc-chart-specs">{data}</script>' + "".join(
            f"<script>{s}</script>" for s in scripts
        )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{escape(policy, quote=True)}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta name="generator" content="comparative-coverage {escape(_version())}">'
        f"<title>{escape(title)}</title><style>{_css()}</style>{STYLE}</head>\n"
        f'<body><div class="cc-page">{body}</div>'
        '<noscript><p class="cc-note">The charts need JavaScript; everything else in this '
        "report reads without it.</p></noscript>\n"
        f"{tail}</body></html>\n"
    )


def build_report(
    source: Source,
    *,
    title: str | None = None,
    stories: Iterable[str] | None = None,
    outlets: Iterable[str] | None = None,
) -> str:
    """The whole report as one HTML string (see :func:`write_report`)."""
    articles = _keep_outlets(_articles(source), outlets)
    if not articles:
        raise EmptyInput("there are no articles to report on; pass files, folders or tables")
    found = _keep_stories(find_stories(articles), stories)
    kept = {a.id for s in found for a in s.articles}
    articles = [a for a in articles if a.id in kept]
    compared = []
    for story in found:
        if len(story.articles) > 1:
            compared.append(_Compared(len(compared) + 1, story, compare(story)))
    title = title or "How the outlets told each story"
    charts = _Charts()
    sections = [
        header_section(title, articles, found, compared),
        summary_section(articles, found, compared, charts),
        *(story_section(c, charts) for c in compared),
        names_section(articles, compared, charts),
    ]
    singles = [s for s in found if len(s.articles) == 1]
    if singles:
        sections.append(single_stories_section(singles))
    sections.append(about_section())
    return _page(title, "<main>" + "".join(sections) + "</main>", charts.specs)


def write_report(
    source: Source,
    output: str | os.PathLike,
    *,
    title: str | None = None,
    stories: Iterable[str] | None = None,
    outlets: Iterable[str] | None = None,
) -> Path:
    """Write one self-contained HTML report of ``source`` to ``output``; returns the path.

    ``source`` is a path, a list of paths (files, folders, tables of articles) or of
    :class:`Article`s. ``stories`` keeps stories by id (``story-1``) or a piece of the
    title; ``outlets`` keeps articles of the named outlets. The page needs no network:
    every script, style and chart is inline.
    """
    html = build_report(source, title=title, stories=stories, outlets=outlets)
    path = Path(output)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(html, encoding="utf-8", newline="\n")
    return path
