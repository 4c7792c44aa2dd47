"""A corpus -> an ipywidgets explorer: pick a story, outlets, filters; views update together.

Wiring only. Every number, table, chart and HTML fragment comes from a pure function
elsewhere in the package (align, compare, classify_changes, charts, render); this module
keeps the widgets and calls them when a value changes. The state it computed is kept on
the explorer (``alignment``, ``comparison``, ``changes``, ``charts``), so tests and users
can read what the widgets show.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from html import escape

from ..alignment.aligner import align
from ..corpus.comparison import compare
from ..corpus.stories import Story, find_stories
from ..errors import NotEnoughVersions, missing_dependency
from ..model import STATUSES, Alignment, Article
from ..reading.files import read_articles
from ..wording.kinds import KINDS, classify_changes, kind_title
from .charts import alignment_map, change_counts, changes_chart
from .render import alignment_html, comparison_html
from .wording_charts import kinds_chart

__all__ = ["explore", "Explorer"]


def _widgets():
    try:
        import ipywidgets
    except ImportError as error:
        raise missing_dependency("ipywidgets", "use the interactive explorer") from error
    return ipywidgets


def _stories(source) -> list[Story]:
    if isinstance(source, str | os.PathLike):
        source = read_articles(source)
    items = list(source)
    if items and all(isinstance(item, Story) for item in items):
        return items
    if items and all(isinstance(item, Article) for item in items):
        return find_stories(items)
    raise TypeError("explore() takes a path, a list of Articles or a list of Stories")


def _story_label(story: Story) -> str:
    versions = len(story.articles)
    return f"{story.id}: {story.title[:70]} ({versions} version{'s' * (versions != 1)})"


def _version_label(article: Article) -> str:
    return f"{article.outlet or 'unknown outlet'} ({article.id})"


class Explorer:
    """The explorer's widgets and the state they show. Display ``explorer.widget``.

    Set ``story``, ``outlets``, ``statuses``, ``kinds`` or ``threshold`` (the widgets'
    values) and everything below them updates: the side-by-side view, the charts and
    the table of changes.
    """

    def __init__(self, stories: Sequence[Story], *, threshold: float = 0.3) -> None:
        w = _widgets()
        if not stories:
            raise NotEnoughVersions("explore() found no articles to show; pass a corpus")
        self.stories = {story.id: story for story in stories}
        first = next((s for s in stories if len(s.articles) > 1), stories[0])
        self.story = w.Dropdown(
            options=[(_story_label(s), s.id) for s in stories],
            value=first.id,
            description="Story",
            layout=w.Layout(width="95%"),
        )
        self.outlets = w.SelectMultiple(description="Outlets", rows=4, layout=w.Layout(width="48%"))
        self.statuses = w.SelectMultiple(
            options=list(STATUSES), value=list(STATUSES), description="Statuses", rows=6
        )
        self.kinds = w.SelectMultiple(
            options=[(kind_title(k), k) for k in KINDS],
            value=list(KINDS),
            description="Changes",
            rows=6,
        )
        self.threshold = w.FloatSlider(
            value=threshold,
            min=0.1,
            max=0.9,
            step=0.05,
            description="Match at",
            continuous_update=False,
            readout_format=".2f",
        )
        self.message = w.HTML()
        self.view = w.HTML()
        self.table = w.HTML()
        self.chart_box = w.VBox()
        self.alignment: Alignment | None = None
        self.comparison = None
        self.changes = None
        self.charts: dict[str, object] = {}
        self._updating = False
        self._set_outlets()
        self.widget = w.VBox(
            [
                self.story,
                w.HBox([self.outlets, w.VBox([self.threshold]), self.statuses, self.kinds]),
                self.message,
                w.Tab(
                    children=[self.view, self.chart_box, self.table],
                    titles=("Side by side", "Charts", "Changes"),
                ),
            ]
        )
        self.story.observe(self._on_story, names="value")
        for control in (self.outlets, self.statuses, self.kinds, self.threshold):
            control.observe(self._on_change, names="value")
        self.update()

    # ---- wiring ------------------------------------------------------------------------
    def _set_outlets(self) -> None:
        articles = self.stories[self.story.value].articles
        self._updating = True
        self.outlets.options = [(_version_label(a), a.id) for a in articles]
        self.outlets.value = tuple(a.id for a in articles)
        self._updating = False

    def _on_story(self, _change) -> None:
        self._set_outlets()
        self.update()

    def _on_change(self, _change) -> None:
        if not self._updating:
            self.update()

    def _chosen(self) -> list[Article]:
        by_id = {a.id: a for a in self.stories[self.story.value].articles}
        return [by_id[i] for i in self.outlets.value if i in by_id]

    def update(self) -> None:
        """Recompute from the widgets' values and refresh every view."""
        chosen = self._chosen()
        self.alignment = self.comparison = None
        if len(chosen) < 2:
            self.message.value = (
                "<p>This story has one version here: pick a story with "
                "several outlets, or at least two outlets.</p>"
            )
            self.changes = classify_changes(align([], []))
            self.view.value = chosen[0]._repr_html_() if chosen else ""
            self._show_charts({})
            self._show_table()
            return
        statuses = set(self.statuses.value)
        threshold = float(self.threshold.value)
        if len(chosen) == 2:
            self.alignment = align(chosen[0], chosen[1], threshold=threshold)
            alignments = [self.alignment]
            self.view.value = alignment_html(self.alignment, statuses=statuses)
        else:
            self.comparison = compare(chosen, threshold=threshold)
            alignments = list(self.comparison.alignments.values())
            self.view.value = comparison_html(self.comparison, statuses=None)
        self.message.value = ""
        frames = [classify_changes(a) for a in alignments]
        import pandas as pd

        self.changes = pd.concat(frames, ignore_index=True) if frames else frames
        charts = {
            "changes": changes_chart(change_counts(alignments)),
            "kinds": kinds_chart(self.changes),
        }
        if self.alignment is not None:
            charts = {"map": alignment_map(self.alignment), **charts}
        self._show_charts(charts)
        self._show_table()

    def _show_charts(self, charts: dict) -> None:
        import altair as alt

        self.charts = charts
        views = []
        for chart in charts.values():
            try:
                views.append(alt.JupyterChart(chart))
            except Exception:  # no anywidget: a static picture instead, still offline
                views.append(_widgets().HTML(_svg(chart)))
        self.chart_box.children = tuple(views)

    def _show_table(self) -> None:
        changes = self.changes
        kinds = set(self.kinds.value)
        shown = changes[changes["kind"].isin(kinds)] if len(changes) else changes
        columns = [
            c
            for c in ("a_outlet", "b_outlet", "kind", "a_words", "b_words", "detail")
            if c in getattr(shown, "columns", ())
        ]
        self.shown_changes = shown
        if not len(shown):
            self.table.value = "<p>No word changes of the chosen kinds.</p>"
            return
        self.table.value = shown[columns].to_html(index=False, escape=True, border=0)

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)


def _svg(chart) -> str:
    try:
        import vl_convert as vlc

        return vlc.vegalite_to_svg(chart.to_dict())
    except Exception as error:  # pragma: no cover - depends on optional pieces
        return f"<p>chart unavailable: {escape(str(error))}</p>"


def explore(source, *, threshold: float = 0.3) -> Explorer:
    """An interactive explorer of a corpus: a path, a list of Articles or of Stories.

    Pick a story, the outlets to compare (two: side by side; three or more: the N-way
    table), filter by status or kind of change, move the match threshold. Needs
    ipywidgets (a dependency) and, for live charts, anywidget.
    """
    _widgets()
    return Explorer(_stories(source), threshold=threshold)
