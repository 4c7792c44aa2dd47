"""A corpus -> an ipywidgets explorer: pick a story, outlets, filters; views update together.

Wiring only. Every number, table, chart and HTML fragment comes from a pure function
elsewhere in the package (align, compare, classify_changes, charts, render); this module
keeps the widgets and calls them when a value changes. Changing the story, the outlets
or the threshold recomputes (once per choice: results are kept); the status and kind
filters only re-filter what was computed, so they answer at once. Charts are drawn
offline (the Vega scripts come from vl-convert, not a CDN) and reused, not rebuilt. The
state it computed is kept on the explorer (``alignment``, ``comparison``, ``changes``,
``charts``), so tests and users can read what the widgets show.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass

from ..alignment.aligner import align
from ..corpus.comparison import Comparison, compare, unique_labels
from ..corpus.stories import Story, find_stories
from ..errors import NotEnoughVersions, missing_dependency
from ..model import STATUSES, Alignment, Article
from ..options import Options, resolve
from ..reading.files import read_articles
from ..wording.kinds import KINDS, classify_changes, kind_title
from ..wording.records import Changes
from .charts import alignment_map, change_counts, changes_chart
from .colors import STATUS_WORDS
from .render import STYLE, alignment_html, comparison_html, render
from .wording_charts import kinds_chart

__all__ = ["explore", "Explorer"]


def _widgets():
    try:
        import ipywidgets
    except ImportError as error:
        raise missing_dependency("ipywidgets", "use the interactive explorer") from error
    return ipywidgets


def _stories(source, options: Options) -> list[Story]:
    if isinstance(source, str | os.PathLike):
        source = read_articles(source)
    items = list(source)
    if items and all(isinstance(item, Story) for item in items):
        return items
    if items and all(isinstance(item, Article) for item in items):
        return find_stories(items, options=options)
    raise TypeError("explore() takes a path, a list of Articles or a list of Stories")


def _story_label(story: Story) -> str:
    versions = len(story.articles)
    return f"{story.id}: {story.title[:70]} ({versions} version{'s' * (versions != 1)})"


@dataclass(frozen=True)
class _Result:
    """What one choice of story, outlets and threshold computed."""

    alignment: Alignment | None
    comparison: Comparison | None
    changes: Changes  # every word change of every pair shown
    charts: dict
    places: dict  # (outlet, sentence of b) -> unit number of the view, for the kind filter


def _offline_charts() -> bool:
    """Make Altair's widget charts load Vega from vl-convert (no CDN); False if it cannot."""
    try:
        from .export import offline_widget_charts

        offline_widget_charts()
        return True
    except Exception:  # no vl-convert or no anywidget: static pictures instead
        return False


class Explorer:
    """The explorer's widgets and the state they show. Display ``explorer.widget``.

    Set ``story``, ``outlets``, ``statuses``, ``kinds`` or ``threshold`` (the widgets'
    values) and everything below them updates: the side-by-side view, the charts and
    the table of changes. ``options`` holds the numbers it started with (the slider
    moves ``threshold``; every other alignment number is used as given).
    """

    def __init__(
        self,
        stories: Sequence[Story],
        *,
        options: Options | None = None,
        threshold: float | None = None,
        spine: int | str | None = None,
    ) -> None:
        w = _widgets()
        if not stories:
            raise NotEnoughVersions("explore() found no articles to show; pass a corpus")
        self.options = resolve(options, **_given(threshold=threshold, spine=spine))
        self.spine = self.options.spine
        self.stories = {story.id: story for story in stories}
        first = next((s for s in stories if len(s.articles) > 1), stories[0])
        wide = {"description_width": "initial"}
        self.story = w.Dropdown(
            options=[(_story_label(s), s.id) for s in stories],
            value=first.id,
            description="Story",
            layout=w.Layout(width="95%"),
        )
        self.outlets = w.SelectMultiple(description="Outlets", rows=4, layout=w.Layout(width="30%"))
        self.statuses = w.SelectMultiple(
            options=[(STATUS_WORDS[s], s) for s in STATUSES],
            value=list(STATUSES),
            description="Sentences",
            rows=6,
            style=wide,
        )
        self.kinds = w.SelectMultiple(
            options=[(kind_title(k), k) for k in KINDS],
            value=list(KINDS),
            description="Changes",
            rows=6,
            style=wide,
        )
        self.threshold = w.FloatSlider(
            value=self.options.threshold,
            min=0.1,
            max=0.9,
            step=0.05,
            description="Match at",
            continuous_update=False,
            readout=True,
            readout_format=".2f",
            style=wide,
            layout=w.Layout(width="260px"),
        )
        self.message = w.HTML()
        self.view = w.HTML()
        self.table = w.HTML()
        self.chart_box = w.VBox()
        self.alignment: Alignment | None = None
        self.comparison: Comparison | None = None
        self.changes = None
        self.shown_changes = None
        self.charts: dict[str, object] = {}
        self._results: dict[tuple, _Result] = {}
        self._chart_views: dict[str, object] = {}
        self._offline = _offline_charts()
        self._updating = False
        self._set_outlets()
        self.widget = w.VBox(
            [
                w.HTML(STYLE),
                self.story,
                w.HBox([self.outlets, self.threshold, self.statuses, self.kinds]),
                self.message,
                w.Tab(
                    children=[self.view, self.chart_box, self.table],
                    titles=("Side by side", "Charts", "Changes"),
                ),
            ]
        )
        self.story.observe(self._on_story, names="value")
        for control in (self.outlets, self.threshold):
            control.observe(self._on_change, names="value")
        for control in (self.statuses, self.kinds):
            control.observe(self._on_filter, names="value")
        self.update()

    # ---- wiring ------------------------------------------------------------------------
    def _set_outlets(self) -> None:
        articles = self.stories[self.story.value].articles
        self._updating = True
        self.outlets.options = list(
            zip(unique_labels(articles), [a.id for a in articles], strict=True)
        )
        self.outlets.value = tuple(a.id for a in articles)
        self._updating = False

    def _on_story(self, _change) -> None:
        self._set_outlets()
        self.update()

    def _on_change(self, _change) -> None:
        if not self._updating:
            self.update()

    def _on_filter(self, _change) -> None:
        self.refilter()

    def _chosen(self) -> list[Article]:
        by_id = {a.id: a for a in self.stories[self.story.value].articles}
        chosen = [by_id[i] for i in self.outlets.value if i in by_id]
        reference = next(
            (a for a in chosen if self.spine in (a.id, a.outlet)), None
        )  # the reference goes first: it is version a of a pair
        return [reference, *(a for a in chosen if a is not reference)] if reference else chosen

    def _compute(self, chosen: list[Article], threshold: float) -> _Result:
        if len(chosen) == 2:
            alignment = align(chosen[0], chosen[1], options=self.options, threshold=threshold)
            comparison, alignments = None, [alignment]
        else:
            spine = self.spine if any(self.spine in (a.id, a.outlet) for a in chosen) else None
            if isinstance(self.spine, int) and self.spine < len(chosen):
                spine = self.spine  # a position among the versions shown
            options = self.options.but(threshold=threshold, spine=spine)
            comparison = compare(chosen, options=options)
            alignment, alignments = None, list(comparison.alignments.values())
        changes = Changes(c for a in alignments for c in classify_changes(a))
        charts = {
            "changes": changes_chart(change_counts(alignments)),
            "kinds": kinds_chart(changes.to_frame()),
        }
        if alignment is not None:
            charts = {"map": alignment_map(alignment), **charts}
        places = {}
        if comparison is not None:
            for unit in comparison.units:
                for label, cell in zip(comparison.outlets, unit.cells, strict=True):
                    for j in cell.sentences if cell else ():
                        places[label, j] = unit.unit
        return _Result(alignment, comparison, changes, charts, places)

    def update(self) -> None:
        """Recompute (or take what was computed) for the chosen story, outlets, threshold."""
        chosen = self._chosen()
        if len(chosen) < 2:
            self.alignment = self.comparison = None
            self.message.value = render("explorer_message.html.j2", versions=len(chosen))
            self.changes = Changes()
            self.view.value = chosen[0]._repr_html_() if chosen else ""
            self._show_charts({})
            self._show_table()
            return
        threshold = float(self.threshold.value)
        key = (tuple(a.id for a in chosen), threshold)
        if key not in self._results:
            self._results[key] = self._compute(chosen, threshold)
        result = self._results[key]
        self.alignment, self.comparison = result.alignment, result.comparison
        self.changes = result.changes
        self.message.value = ""
        self._show_charts(result.charts)
        self.refilter()

    def refilter(self) -> None:
        """Show what was computed through the status and kind filters; nothing recomputed."""
        if self.alignment is None and self.comparison is None:
            self._show_table()
            return
        kinds = set(self.kinds.value)
        units = None
        if kinds != set(KINDS):  # the view keeps the sentences that have such a change
            shown = [c for c in self.changes if c.kind in kinds]
            if self.alignment is not None:
                units = {c.unit for c in shown}
            else:
                places = self._results_for_view().places
                units = {
                    places[c.b_outlet, c.b_index]
                    for c in shown
                    if (c.b_outlet, c.b_index) in places
                }
        if self.alignment is not None:
            statuses = set(self.statuses.value)
            self.view.value = alignment_html(self.alignment, statuses=statuses, units=units)
        else:
            self.view.value = comparison_html(self.comparison, units=units)
        self._show_table()

    def _results_for_view(self) -> _Result:
        key = (tuple(a.id for a in self._chosen()), float(self.threshold.value))
        return self._results[key]

    def _show_charts(self, charts: dict) -> None:
        self.charts = charts
        views = []
        for name, chart in charts.items():
            views.append(self._chart_view(name, chart))
        self.chart_box.children = tuple(views)

    def _chart_view(self, name: str, chart):
        """A chart's widget: the one shown before under this name, given the new chart."""
        import altair as alt

        view = self._chart_views.get(name)
        try:
            if view is None:
                view = alt.JupyterChart(chart)
                view.layout.overflow = "auto"  # wider than the notebook: it scrolls, not clips
                self._chart_views[name] = view
            elif view.chart is not chart:  # no params or selections: the spec is all it needs
                with alt.data_transformers.disable_max_rows():
                    view.spec = chart.to_dict(validate=False)
            return view
        except Exception:  # no anywidget: a static picture instead, still offline
            return _widgets().HTML(_svg(chart))

    def _show_table(self) -> None:
        kinds = set(self.kinds.value)
        shown = Changes(c for c in self.changes if c.kind in kinds)
        self.shown_changes = shown
        rows = [
            {
                "a": r.a_outlet,
                "b": r.b_outlet,
                "kind": kind_title(r.kind),
                "a_words": r.a_words,
                "b_words": r.b_words,
            }
            for r in shown
        ]
        self.table.value = STYLE + render("explorer_changes.html.j2", rows=rows)

    def _repr_mimebundle_(self, **kwargs):
        bundle = self.widget._repr_mimebundle_(**kwargs)
        data = bundle[0] if isinstance(bundle, tuple) else bundle
        # a static rendering for exports and viewers without a kernel
        data["text/html"] = render(
            "explorer_static.html.j2",
            story=_story_label(self.stories[self.story.value]),
            message=self.message.value,
            view=self.view.value,
        )
        return bundle


def _svg(chart) -> str:
    try:
        import vl_convert as vlc

        return vlc.vegalite_to_svg(chart.to_dict())
    except Exception as error:  # pragma: no cover - depends on optional pieces
        return render("explorer_message.html.j2", versions=-1, error=str(error))


def _given(**values):
    """The keyword overrides actually passed (None: not given)."""
    return {name: value for name, value in values.items() if value is not None}


def explore(
    source,
    *,
    options: Options | None = None,
    threshold: float | None = None,
    spine: int | str | None = None,
) -> Explorer:
    """An interactive explorer of a corpus: a path, a list of Articles or of Stories.

    Pick a story, the outlets to compare (two: side by side; three or more: the N-way
    table), filter by what happened to sentences or by kind of change, move the match
    threshold. ``spine`` names the reference version (an outlet or article id) wherever
    a story has it. ``options`` (an :class:`Options`; ``threshold`` and ``spine``
    override it) sets how stories are found and versions aligned, and is kept as
    ``explorer.options``. Charts draw offline. Needs ipywidgets (a dependency) and, for live
    charts, anywidget.
    """
    _widgets()
    options = resolve(options, **_given(threshold=threshold, spine=spine))
    return Explorer(_stories(source, options), options=options)
