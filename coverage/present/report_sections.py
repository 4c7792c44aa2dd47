"""A corpus's articles, stories and comparisons -> the report's sections, as HTML fragments.

Each section gathers plain values and renders a template (``templates/report/``, escaped
by default): the header and contents; each story with its digest first (what every
outlet did to the reference version, in plain words), then every version at a glance,
then the details (the side-by-side views, one collapsed block per pair with its map,
quotes and attributions, and the labels); the articles and what each version changed;
the name variants across the corpus; the stories told once; and how to read the report.
A section places its charts through :class:`Charts`, which gives each a stable id and
keeps its spec for the page (:mod:`report` puts the page together).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from ..alignment.worddiff import word_diff
from ..corpus.comparison import Comparison
from ..corpus.stories import Story
from ..model import STATUSES, Alignment, Article
from ..names.groups import find_name_variants
from ..wording.labels import describe_labels
from .altair_import import alt
from .charts import count_rows
from .colors import STATUS_WORDS, join_names
from .digest import PairAnalysis, StoryDigest, digest, first_words, pairs_of
from .render import alignment_html, comparison_html, name_groups_html, render
from .specs import alignment_map_spec, changes_spec, similarity_spec
from .wording_specs import kinds_spec, labels_rows, labels_spec, name_variants_spec

__all__ = [
    "Charts",
    "Compared",
    "package_version",
    "header_section",
    "summary_section",
    "story_section",
    "names_section",
    "single_stories_section",
    "about_section",
]

MAX_SIMILARITY_CELLS = 10_000  # 100 x 100 sentences: about 0.4 MB of chart data
NUM = "cc-num"


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
    chosen: bool = False  # the caller named the reference version (spine)

    @property
    def anchor(self) -> str:
        return f"story-{self.number}"

    @cached_property
    def analysed(self) -> tuple[PairAnalysis, ...]:
        """The reference against each other version, in the story's order: each pair's
        analyses (kinds of change, quotes, attributions) made once for every section."""
        return pairs_of(self.comparison)

    @property
    def pairs(self) -> tuple[tuple[Article, Article, Alignment], ...]:
        """The reference against each other version, in the story's order: (a, b, alignment)."""
        return tuple((p.a, p.b, p.alignment) for p in self.analysed)

    @property
    def alignments(self) -> tuple[Alignment, ...]:
        return tuple(p.alignment for p in self.analysed)

    @cached_property
    def digest(self) -> StoryDigest:
        """What each version did to the reference, in plain words (computed once)."""
        return digest(self.comparison, chosen=self.chosen, pairs=self.analysed)


@dataclass
class Charts:
    """Charts placed in the page so far: stable ids in order of appearance, and specs."""

    specs: list[tuple[str, dict]] = field(default_factory=list)

    def place(self, chart: alt.TopLevelMixin | dict, key: str, *, label: str) -> str:
        """Place a chart, or its spec already made (a ``*_spec`` builder's dict)."""
        chart_id = f"chart-{key}"
        if isinstance(chart, dict):
            self.specs.append((chart_id, chart))
            return render("report/chart.html.j2", id=chart_id, label=label)
        # validated where it is made (tests build every chart); not again per page, nor
        # each inline dataset Altair wraps on the way (debug mode off: the same spec)
        with alt.data_transformers.disable_max_rows(), alt.utils.schemapi.debug_mode(False):
            self.specs.append((chart_id, chart.to_dict(validate=False)))
        return render("report/chart.html.j2", id=chart_id, label=label)


# ---- small pieces -----------------------------------------------------------------------


def _file_of(article: Article) -> str:
    """Where an article came from, without the folder (the same on every machine)."""
    if not article.source:
        return article.id
    number = article.id.rsplit("#", 1)[1] if "#" in article.id else ""
    name = Path(article.source).name
    return f"{name}#{number}" if number else name


def _details(article: Article) -> list[dict]:
    """Date, file and URL of a version; the URL is a link only when it is http(s)."""
    items = [{"text": x, "href": None} for x in (article.date, _file_of(article)) if x]
    if article.url:
        web = article.url.lower().startswith(("http://", "https://"))
        items.append({"text": article.url, "href": article.url if web else None})
    return items


def _pair_name(compared: list[Compared], c: Compared, alignment: Alignment) -> str:
    """A pair as the summary's charts name it: the story too when there are several."""
    name = f"{alignment.b_name} vs {alignment.a_name}"
    return f"{c.story.id}: {name}" if len(compared) > 1 else name


def _plural(count: int, noun: str, plural: str | None = None) -> str:
    return f"{count} {noun if count == 1 else plural or noun + 's'}"


# ---- sections ---------------------------------------------------------------------------


def header_section(
    title: str,
    articles: list[Article],
    stories: list[Story],
    compared: list[Compared],
    *,
    contents: bool = True,
) -> str:
    """The title, one line on what the corpus holds, and the contents."""
    outlets = sorted({a.outlet or "unknown" for a in articles})
    lede = (
        f"{_plural(len(articles), 'article')} from {_plural(len(outlets), 'outlet')} "
        f"({join_names(outlets)}); {_plural(len(stories), 'story', 'stories')}, "
        f"{len(compared)} told in more than one version."
    )
    items = [(f"#{c.anchor}", f"{c.story.title} ({join_names(c.story.outlets)})") for c in compared]
    items += [("#summary", "All articles and what each version changed")]
    items.append(("#names", "Names and their spellings"))
    if len(compared) < len(stories):
        items.append(("#single", "Stories told once"))
    items.append(("#about", "How to read this report"))
    return render(
        "report/header.html.j2", title=title, lede=lede, contents=items if contents else ()
    )


def _changes_rows(
    compared: list[Compared], counted: dict[tuple[int, int], list[tuple]], shown: list[str]
) -> list[list[str]]:
    rows = []
    for c in compared:
        for k, alignment in enumerate(c.alignments):
            by_status: dict[str, int] = {}
            moved = 0
            for _, _, _, measure, status, how, count in counted[c.number, k]:
                if measure == "sentences":
                    by_status[status] = by_status.get(status, 0) + count
                    moved += count if how == "moved" else 0
            rows.append(
                [
                    render("report/link.html.j2", href=f"#{c.anchor}", text=c.story.id),
                    alignment.a_name,
                    alignment.b_name,
                    *(str(by_status.get(s, 0)) for s in shown),
                    str(moved),
                ]
            )
    return rows


def summary_section(
    articles: list[Article], stories: list[Story], compared: list[Compared], charts: Charts
) -> str:
    """The articles, the stories they tell, what each version changed and how."""
    story_of = {a.id: s for s in stories for a in s.articles}
    anchors = {c.story.id: c.anchor for c in compared}
    article_rows = []
    for number, a in enumerate(articles, 1):
        story = story_of[a.id]
        link = (
            render("report/link.html.j2", href=f"#{anchors[story.id]}", text=story.id)
            if story.id in anchors
            else story.id
        )
        article_rows.append(
            [
                str(number),
                a.outlet or "unknown",
                a.title or "(untitled)",
                a.date or "",
                str(len(a.sentences)),
                str(a.words),
                _file_of(a),
                link,
            ]
        )
    article_columns = [
        ("#", NUM),
        ("outlet", ""),
        ("title", "cc-text"),
        ("date", ""),
        ("sentences", NUM),
        ("words", NUM),
        ("file", ""),
        ("story", ""),
    ]
    context: dict = {"article_columns": article_columns, "article_rows": article_rows}
    context["changes_rows"] = []
    if compared:
        counted = {
            (c.number, k): count_rows(pair.alignment)
            for c in compared
            for k, pair in enumerate(c.analysed)
        }  # each pair's counts once, for the table and (named as the chart names it) the chart
        counts = [
            (_pair_name(compared, c, pair.alignment), *row[1:])
            for c in compared
            for k, pair in enumerate(c.analysed)
            for row in counted[c.number, k]
        ]
        shown = [s for s in STATUSES if s in {row[4] for row in counts}]
        context["changes_columns"] = [
            ("story", ""),
            ("reference", ""),
            ("version", ""),
            *((STATUS_WORDS[s], NUM) for s in shown),
            ("moved", NUM),
        ]
        context["changes_rows"] = _changes_rows(compared, counted, shown)
        context["changes_chart"] = charts.place(
            changes_spec(counts), "summary-changes", label="What each version changed"
        )
        kinds = [
            (_pair_name(compared, c, pair.alignment), change)
            for c in compared
            for pair in c.analysed
            for change in pair.changes
        ]
        context["kinds_chart"] = (
            charts.place(kinds_spec(kinds), "summary-kinds", label="Kinds of wording change")
            if kinds
            else ""
        )
    return render("report/summary.html.j2", **context)


def says_something(alignment: Alignment) -> bool:
    """Whether the similarity matrix shows what the map and side-by-side view do not: a
    sentence that restates one outside its own pair, or sentences merged or split."""
    return bool(alignment.restatements) or any(
        u.status in ("merged", "split") for u in alignment.units
    )


def _similarity(alignment: Alignment, charts: Charts, *, key: str, label: str) -> str:
    """The similarity matrix, folded away, where it says something (see
    :func:`says_something`); left out for very long versions (it grows as n*m)."""
    n_a, n_b = len(alignment.a_sentences), len(alignment.b_sentences)
    chart = None
    if not says_something(alignment):
        return render("report/similarity.html.j2", chart=None, n_a=n_a, n_b=n_b, plain=True)
    if n_a * n_b <= MAX_SIMILARITY_CELLS:
        chart = charts.place(similarity_spec(alignment), f"{key}-similarity", label=label)
    return render("report/similarity.html.j2", chart=chart, n_a=n_a, n_b=n_b, plain=False)


QUOTE_MEANING = {
    "verbatim": "the same words",
    "altered": "words changed",
    "truncated": "cut short",
    "only_a": "only in the reference",
    "only_b": "only in this version",
}
ATTRIBUTION_KINDS = {"wire": "wire credit", "photo": "photo credit", "source": "source"}


def edits_in_words(a: str, b: str) -> str:
    """The word edits that turn quote ``a`` into ``b``, as a reader says them (the
    diff's own ``replace x -> y`` and ``insert a`` are its vocabulary, not a reader's);
    a long passage shows its first eight words.

    >>> edits_in_words("one of his bodyguards' martyrdom", "one of his body guards' martyrdom")
    '“bodyguards” became “body guards”'
    >>> edits_in_words("treacherous Zionist raid on his residence", "a treacherous Zionist raid")
    'added “a”; left out “on his residence”'
    >>> edits_in_words("He said no.", "He said no. The so-called police arrested her days before her death.")
    'added “The so-called police arrested her days before her…”'
    """
    parts = []
    for e in word_diff(a, b):
        old, new = (first_words(t[slice(*span)], 8) for t, span in ((a, e.a_span), (b, e.b_span)))
        if e.tag == "replace":
            parts.append(f"“{old}” became “{new}”")
        elif e.tag == "insert":
            parts.append(f"added “{new}”")
        elif e.tag == "delete":
            parts.append(f"left out “{old}”")
    return "; ".join(parts)


def _quotes(pair: PairAnalysis) -> dict | None:
    """Each quote of a beside its counterpart in b, and whether b kept its words."""
    alignment, quotes = pair.alignment, pair.quotes
    if not quotes:
        return None
    rows = [
        [
            q.speaker or "not stated",
            render(
                "report/quote_cell.html.j2",
                meaning=QUOTE_MEANING.get(q.status, q.status),
                notes=[x for x in (q.diff and edits_in_words(q.quote_a, q.quote_b), q.note) if x],
            ),
            q.quote_a,
            q.quote_b,
        ]
        for q in quotes
    ]
    columns = [
        ("speaker", ""),
        ("compared", ""),
        (f"quoted by {alignment.a_name}", "cc-text"),
        (f"quoted by {alignment.b_name}", "cc-text"),
    ]
    return {"columns": columns, "rows": rows}


def _attributions(pair: PairAnalysis) -> dict | None:
    """Wire credits and sourcing that one version gives and the other does not."""
    changed = [t for t in pair.attributions if t.status != "kept"]
    if not changed:
        return None
    rows = [
        [ATTRIBUTION_KINDS.get(t.kind, t.kind), t.source, t.status, t.text_a or t.text_b]
        for t in changed
    ]
    columns = [("kind", ""), ("source", ""), ("added or dropped", ""), ("as written", "")]
    return {"columns": columns, "rows": rows}


def _glance(comparison: Comparison) -> list[list[str]]:
    summary = comparison.summary()
    rows = []
    for row in summary.itertuples(index=False):
        name = f"{row.outlet} (reference)" if row.spine else row.outlet
        rows.append(
            [
                name,
                str(row.sentences),
                str(row.shared_all),
                str(row.shared_some),
                str(row.own),
                str(row.dropped),
                str(row.moved),
            ]
        )
    return rows


GLANCE_COLUMNS = [
    ("version", ""),
    ("sentences", NUM),
    ("in every version", NUM),
    ("in some", NUM),
    ("only here", NUM),
    ("missing", NUM),
    ("moved", NUM),
]


def story_section(compared: Compared, charts: Charts) -> str:
    """One story: the digest, every version at a glance, then the details per pair."""
    story, comparison = compared.story, compared.comparison
    several = len(compared.alignments) > 1
    pairs = []
    for k, pair in enumerate(compared.analysed, 1):
        alignment = pair.alignment
        key = f"{compared.number}-{k}"
        title = f"{alignment.b_name} against the reference, {alignment.a_name}"
        pairs.append(
            {
                "title": title,
                "b_name": alignment.b_name,
                "map": charts.place(
                    alignment_map_spec(alignment), f"{key}-map", label=f"Alignment map: {title}"
                ),
                "side_by_side": alignment_html(alignment, caption=title),
                "similarity": _similarity(
                    alignment, charts, key=key, label=f"Similarity matrix: {title}"
                ),
                "quotes": _quotes(pair),
                "attributions": _attributions(pair),
            }
        )
    labels = labels_rows(
        describe_labels(story.articles, alignments=compared.alignments), min_outlets=2
    )
    return render(
        "report/story.html.j2",
        story=story,
        anchor=compared.anchor,
        versions=[
            {"outlet": a.outlet or "unknown", "title": a.title, "details": _details(a)}
            for a in story.articles
        ],
        d=compared.digest,
        glance_columns=GLANCE_COLUMNS,
        glance_rows=_glance(comparison),
        several=several,
        comparison=comparison_html(comparison, caption=story.title) if several else "",
        pairs=pairs,
        labels=(
            charts.place(labels_spec(labels), f"{compared.number}-labels", label="Labels by outlet")
            if labels
            else ""
        ),
    )


def names_section(articles: list[Article], compared: list[Compared], charts: Charts) -> str:
    """Names spelled more than one way across the corpus, and who uses which spelling."""
    alignments = [a for c in compared for a in c.alignments]
    groups = find_name_variants(articles, alignments=alignments)
    if not groups:
        return render("report/names.html.j2", groups=None, chart="")
    chart = charts.place(name_variants_spec(groups), "names", label="Name spellings by outlet")
    return render("report/names.html.j2", groups=name_groups_html(groups), chart=chart)


def single_stories_section(stories: Iterable[Story]) -> str:
    """Stories only one version of which is in the corpus: listed, not compared."""
    rows = [
        [s.id, s.articles[0].outlet or "unknown", s.title, _file_of(s.articles[0])] for s in stories
    ]
    columns = [("story", ""), ("outlet", ""), ("title", "cc-text"), ("file", "")]
    return render("report/single.html.j2", columns=columns, rows=rows)


def about_section(options: Iterable[tuple[str, object]] = ()) -> str:
    """What the statuses, charts and side-by-side views mean, and the options used."""
    return render("report/about.html.j2", options=list(options), version=package_version())
