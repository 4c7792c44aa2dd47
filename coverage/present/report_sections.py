"""A corpus's articles, stories and comparisons -> the report's sections, as HTML fragments.

Each section is a function of plain model objects or frames that returns an escaped HTML
fragment: the header and contents, a summary (articles, stories, what each version kept,
reworded, added and dropped, and the kinds of wording change), each story's charts and
side-by-side view with the labels its outlets put on people, the name variants across the
corpus, the stories told once, and how to read the report. A section places its charts
through :class:`Charts`, which gives each a stable id and keeps its spec for the page
(:mod:`report` puts the page together).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from html import escape
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import pandas as pd

from ..corpus.comparison import Comparison
from ..corpus.stories import Story
from ..model import STATUSES, Alignment, Article
from ..names.groups import find_name_variants
from ..wording.attributions import compare_attributions
from ..wording.kinds import classify_changes
from ..wording.labels import describe_labels
from ..wording.quotes import compare_quotes
from .altair_import import alt
from .charts import (
    alignment_map,
    change_counts,
    changes_chart,
    similarity_frame,
    similarity_heatmap,
)
from .render import alignment_html, comparison_html, name_groups_html
from .wording_charts import kinds_chart, labels_chart, labels_frame, name_variants_chart

__all__ = [
    "Charts",
    "Compared",
    "package_version",
    "header_section",
    "summary_section",
    "story_section",
    "quotes_section",
    "attributions_section",
    "names_section",
    "single_stories_section",
    "about_section",
]

MAX_SIMILARITY_CELLS = 10_000  # 100 x 100 sentences: about 0.4 MB of chart data


def package_version() -> str:
    """The installed package's version ("dev" when running from a bare checkout)."""
    try:
        return version("comparative-coverage")
    except PackageNotFoundError:  # pragma: no cover - running from a bare checkout
        return "dev"


@dataclass(frozen=True)
class Compared:
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
class Charts:
    """Charts placed in the page so far: stable ids in order of appearance, and specs."""

    specs: list[tuple[str, dict]] = field(default_factory=list)

    def place(self, chart: alt.TopLevelMixin, key: str, *, label: str) -> str:
        chart_id = f"chart-{key}"
        with alt.data_transformers.disable_max_rows():
            self.specs.append((chart_id, chart.to_dict(validate=False)))
        return (
            f'<div class="cc-chart" id="{escape(chart_id)}" role="img" '
            f'aria-label="{escape(label, quote=True)}"></div>'
        )


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


def _labelled(compared: list[Compared], frame_of) -> pd.DataFrame:
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
    title: str, articles: list[Article], stories: list[Story], compared: list[Compared]
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
    articles: list[Article], stories: list[Story], compared: list[Compared], charts: Charts
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


def _similarity(alignment: Alignment, charts: Charts, *, key: str, label: str) -> str:
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


def story_section(compared: Compared, charts: Charts) -> str:
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


def names_section(articles: list[Article], compared: list[Compared], charts: Charts) -> str:
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
        f'<p class="cc-note">Made by comparative-coverage {escape(package_version())}; '
        "charts by Vega-Lite, inlined, so this file works offline.</p></section>"
    )
