"""Alignments (or their tidy frames) -> Altair charts of where sentences went and what changed.

Every chart takes its data first and its options keyword-only, returns an Altair chart
and never displays or saves itself. Colours come from :mod:`colors` (one scheme for
statuses in every chart, legend and HTML view); titles say what to look at. The small
``*_frame`` / ``*_counts`` helpers turn model objects into the tidy frames the charts take.
Charts of wording analyses (kinds of change, name variants, labels) are in
:mod:`wording_charts`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence

import pandas as pd

from ..alignment.aligner import similarity_matrix
from ..model import STATUSES, Alignment, Unit
from .altair_import import alt, unchecked_build
from .colors import MOVED_COLOR, STATUS_COLORS, STATUS_WORDS
from .page import script_safe, script_safe_frame

FONT = 12  # the least font size of any chart text, in pixels

__all__ = [
    "Layers",
    "alignment_map",
    "change_counts",
    "changes_chart",
    "count_rows",
    "similarity_frame",
    "similarity_heatmap",
    "status_scale",
]

COUNT_COLUMNS = ("pair", "a_name", "b_name", "measure", "status", "moved", "count")
SIMILARITY_COLUMNS = (
    "a_index",
    "b_index",
    "a_sentence",
    "b_sentence",
    "score",
    "a_text",
    "b_text",
    "status",
)
_WORDLIKE = re.compile(r"\w")


class Layers(alt.LayerChart):
    """Altair's layer chart, whose shallow copy keeps its layers as they are.

    Altair makes a shallow copy of a chart at every step (``.properties()``,
    ``to_dict()``...) by building it anew, and building a layer chart deep-copies every
    layer twice, data and all: most of the time the report took to turn a map or a
    matrix into its spec. The layers were combined once, when the chart was built; a
    copy shares them (as a copy of a one-layer chart shares its parts). Specs are the same.
    """

    def copy(self, deep=True, ignore=None):
        if deep is not False:
            return super().copy(deep=deep, ignore=ignore)
        clone = object.__new__(type(self))
        object.__setattr__(clone, "_args", self._args)
        object.__setattr__(clone, "_kwds", dict(self._kwds))
        return clone


def status_scale(statuses: Iterable[str] | None = None) -> alt.Scale:
    """The colour scale for statuses, in the canonical order, limited to ``statuses``.

    >>> status_scale(["added", "same"]).to_dict()
    {'domain': ['same', 'added'], 'range': ['#BBBBBB', '#009E73']}
    """
    wanted = set(STATUSES if statuses is None else statuses)
    domain = [s for s in STATUSES if s in wanted]
    return alt.Scale(domain=domain, range=[STATUS_COLORS[s] for s in domain])


def words_expr(words: dict[str, str]) -> str:
    """A Vega expression that turns a code (``datum.label``) into the reader's words.

    >>> words_expr({"same": "unchanged"})
    '({"same":"unchanged"})[datum.label] || datum.label'
    """
    mapping = json.dumps(words, ensure_ascii=False, separators=(",", ":"))
    return f"({mapping})[datum.label] || datum.label"


def _words_of(field: str) -> str:
    """A Vega expression: the reader's words for the status in ``datum[field]``."""
    mapping = json.dumps(STATUS_WORDS, separators=(",", ":"))
    return f"({mapping})[datum.{field}] || ''"


def axis(**options) -> alt.Axis:
    """An axis whose labels and title are at least :data:`FONT` pixels."""
    return alt.Axis(labelFontSize=FONT, titleFontSize=FONT, **options)


def legend(words: dict[str, str] | None = None, **options) -> alt.Legend:
    """A legend at least :data:`FONT` pixels, showing ``words`` for the codes it lists."""
    if words:  # the labels, and what a screen reader says of the legend
        options["labelExpr"] = words_expr(words)
        options.setdefault("description", "Colours: " + ", ".join(words.values()))
    return alt.Legend(labelFontSize=FONT, titleFontSize=FONT, **options)


def chart_title(text: str, subtitle: str) -> alt.Title:
    """A chart's title and subtitle, left-aligned, the subtitle at :data:`FONT` pixels."""
    return alt.Title(text, subtitle=subtitle, anchor="start", fontSize=14, subtitleFontSize=FONT)


def _word_count(words: Sequence[str] | str) -> int:
    """Words, not punctuation tokens.

    >>> _word_count((",", "AFP", "reported")), _word_count("Russia said so .")
    (2, 3)
    """
    tokens = words.split() if isinstance(words, str) else words
    return sum(1 for t in tokens if _WORDLIKE.search(t))


# ---- 1. alignment map --------------------------------------------------------------------


def _present(value) -> bool:
    return not pd.isna(value)


def _map_rows(frame: pd.DataFrame, a_name: str, b_name: str) -> tuple[list[dict], list[dict]]:
    """One record per sentence (both columns, reading order) and one per link between them:
    the values Altair would make of the two frames, made from the frame's columns once
    (a frame per table and Altair's conversion of each were most of a map's time)."""
    column = {name: frame[name].tolist() for name in ("a_index", "b_index", "status", "moved")}
    sentences = []
    for side, number, name in (("a", 0, a_name), ("b", 1, b_name)):
        seen = set()
        texts = frame[f"{side}_text"].tolist()
        for index, status, moved, text in zip(
            column[f"{side}_index"], column["status"], column["moved"], texts, strict=True
        ):
            if not _present(index) or int(index) in seen:  # a merge repeats its b sentence
                continue
            index = int(index)
            seen.add(index)
            row = {
                "version": name,
                "side": side,
                "column": number,
                "sentence": index + 1,
                "y": index,
                "status": status,
                "what": STATUS_WORDS.get(status, status),
                "moved": "moved" if moved else "in order",
                "text": text,
            }
            # text that cannot close <script>
            sentences.append(
                {k: script_safe(v) if isinstance(v, str) else v for k, v in row.items()}
            )
    sentences.sort(key=lambda row: (row["column"], row["y"]))  # (column, y) is unique
    scores = frame["score"].round(2).tolist()  # numpy's rounding, as the frame's was
    links = [
        {
            "a_sentence": int(i) + 1,
            "b_sentence": int(j) + 1,
            "a_y": int(i),
            "b_y": int(j),
            "status": status,
            "what": STATUS_WORDS.get(status, status),
            "moved": {True: "moved", False: "in order"}.get(moved),
            "score": score if _present(score) else None,
            "a_name": a_name,
            "b_name": b_name,
            "a_version": a_name,
            "b_version": b_name,
        }
        for i, j, status, moved, score in zip(
            column["a_index"],
            column["b_index"],
            column["status"],
            column["moved"],
            scores,
            strict=True,
        )
        if _present(i) and _present(j)
    ]
    return sentences, links


@unchecked_build
def alignment_map(
    data: Alignment | pd.DataFrame,
    *,
    a_name: str | None = None,
    b_name: str | None = None,
    width: int = 640,
    row_height: int = 18,
    title: str | None = None,
) -> alt.LayerChart:
    """Both versions as two columns of sentences in reading order, aligned ones linked.

    ``data`` is an :class:`Alignment` or its ``to_frame()``. Links are coloured by
    status; a crossing, dashed link is a sentence that moved. Sentences without a link
    were added (only in b) or dropped (only in a). Hover for the full sentence.
    """
    if isinstance(data, Alignment):
        a_name = a_name or data.a_name
        b_name = b_name or data.b_name
        data = data.to_frame()
    a_name, b_name = script_safe(a_name or "a"), script_safe(b_name or "b")
    if a_name == b_name:
        a_name, b_name = f"{a_name} (a)", f"{b_name} (b)"
    sentences, links = _map_rows(data, a_name, b_name)
    sentences, links = {"values": sentences}, {"values": links}
    rows = max((row["y"] for row in sentences["values"]), default=0) + 1
    color = alt.Color(
        "status:N",
        scale=status_scale(data["status"]),
        title="what happened",
        legend=legend(STATUS_WORDS),
    )
    y_scale = alt.Scale(domain=[-1.6, rows - 0.4], reverse=True, nice=False, zero=False)
    x_scale = alt.Scale(domain=[-1.25, 2.25], nice=False, zero=False)
    hidden = {"axis": None}
    sentence_tip = [
        alt.Tooltip("version:N"),
        alt.Tooltip("sentence:Q", title="sentence number"),
        alt.Tooltip("what:N", title="what happened"),
        alt.Tooltip("moved:N", title="order"),
        alt.Tooltip("text:N", title="sentence"),
    ]
    # channels as objects, not "field:type" strings: Altair turns each string into a channel
    # through a converter it rebuilds from the whole schema on every call (a third of the time)
    base = alt.Chart().transform_calculate(
        x0="datum.column == 0 ? -0.06 : 1", x1="datum.column == 0 ? 0 : 1.06"
    )
    bars = (
        base.mark_rect(stroke="white", strokeWidth=0.5)
        .encode(
            x=alt.X("x0:Q", scale=x_scale, **hidden),
            x2=alt.X2("x1:Q"),
            y=alt.Y("y_top:Q", scale=y_scale, **hidden),
            y2=alt.Y2("y_bottom:Q"),
            color=color,
            tooltip=sentence_tip,
            description=alt.Description("description:N"),
        )
        .transform_calculate(
            y_top="datum.y - 0.42",
            y_bottom="datum.y + 0.42",
            description="datum.version + ', sentence ' + datum.sentence + ': ' + datum.what"
            " + (datum.moved == 'moved' ? ', moved' : '') + '. ' + datum.text",
        )
    )
    labels = [
        base.transform_filter(f"datum.column == {column}")
        .mark_text(fontSize=FONT, limit=width * 0.29, baseline="middle", align=align, dx=dx)
        .encode(
            x=alt.X("x_label:Q", scale=x_scale, **hidden),
            y=alt.Y("y:Q", scale=y_scale, **hidden),
            text=alt.Text("label:N"),
            tooltip=sentence_tip,
        )
        .transform_calculate(x_label=str(x_label), label="datum.sentence + '. ' + datum.text")
        for column, align, dx, x_label in ((0, "right", -4, -0.06), (1, "left", 4, 1.06))
    ]
    heads = {
        "values": [{"x": -0.655, "y": -1.2, "name": a_name}, {"x": 1.655, "y": -1.2, "name": b_name}]
    }
    header = (
        alt.Chart()
        .mark_text(fontSize=13, fontWeight="bold", limit=width * 0.34)
        .encode(
            x=alt.X("x:Q", scale=x_scale, **hidden),
            y=alt.Y("y:Q", scale=y_scale, **hidden),
            text=alt.Text("name:N"),
        )
    )
    lines = (
        alt.Chart()
        .mark_rule(strokeWidth=2)
        .encode(
            x=alt.X("x0:Q", scale=x_scale, **hidden),
            x2=alt.X2("x1:Q"),
            y=alt.Y("a_y:Q", scale=y_scale, **hidden),
            y2=alt.Y2("b_y:Q"),
            color=color,
            strokeDash=alt.StrokeDash(
                "moved:N",
                scale=alt.Scale(domain=["in order", "moved"], range=[[1, 0], [5, 3]]),
                title="order",
                legend=legend(),
            ),
            tooltip=[
                # fixed titles, names as data: Vega-Lite compiles titles into expression code
                alt.Tooltip("a_version:N", title="version a"),
                alt.Tooltip("a_sentence:Q", title="sentence of a"),
                alt.Tooltip("b_version:N", title="version b"),
                alt.Tooltip("b_sentence:Q", title="sentence of b"),
                alt.Tooltip("what:N", title="what happened"),
                alt.Tooltip("moved:N", title="order"),
                alt.Tooltip("score:Q", title="similarity"),
            ],
            description=alt.Description("description:N"),
        )
        .transform_calculate(
            x0="0",
            x1="1",
            description="'Sentence ' + datum.a_sentence + ' of ' + datum.a_name + ' is sentence '"
            " + datum.b_sentence + ' of ' + datum.b_name + ': ' + datum.what"
            " + (datum.moved == 'moved' ? ', moved' : '')",
        )
    )
    chart = Layers(  # properties given here, not by .properties(): that copies every layer
        layer=[lines, bars, *labels, header],
        width=width,
        height=(rows + 2) * row_height,
        title=chart_title(
            title or f"Where each sentence of {a_name} went in {b_name}",
            "Links join aligned sentences; dashed, crossing links moved; "
            "unlinked sentences were added or dropped. Hover for the full text.",
        ),
        view=alt.ViewBackground(stroke=None),
    )
    # the data goes in last: every step above copies the chart, and values deeply
    for layer, values in zip(
        chart.layer, (links, sentences, sentences, sentences, heads), strict=True
    ):
        layer.data = values
    return chart


# ---- 2. what each version changed --------------------------------------------------------


def _unit_words(alignment: Alignment, unit: Unit) -> list[tuple[str, int]]:
    """(status, words) pieces of one unit, from b's side except what a dropped."""
    a_text = " ".join(alignment.a_sentences[i] for i in unit.a)
    b_text = " ".join(alignment.b_sentences[j] for j in unit.b)
    if unit.status == "added":
        return [("added", _word_count(b_text))]
    if unit.status == "dropped":
        return [("dropped", _word_count(a_text))]
    if not unit.edits:  # aligned without word diffs (diffs=False)
        return [(unit.status, _word_count(b_text))]
    pieces = []
    for edit in unit.edits:
        if edit.tag == "equal":
            pieces.append(("same", _word_count(edit.b_words)))
        elif edit.tag == "replace":
            pieces.append(("reworded", _word_count(edit.b_words)))
        elif edit.tag == "insert":
            pieces.append(("added", _word_count(edit.b_words)))
        else:
            pieces.append(("dropped", _word_count(edit.a_words)))
    return pieces


def change_counts(alignments: Alignment | Iterable[Alignment]) -> pd.DataFrame:
    """Sentences and words of each pair by status: what b kept, reworded, added, dropped.

    One row per (pair, measure, status, moved) with a non-zero count. Sentences: b's
    sentences by the status of their unit, plus a's dropped sentences. Words: b's words
    that are unchanged (``same``), replaced (``reworded``) or inserted (``added``), plus
    a's deleted words (``dropped``). ``moved`` says whether the unit moved.
    """
    return pd.DataFrame(count_rows(alignments), columns=list(COUNT_COLUMNS))


def count_rows(alignments: Alignment | Iterable[Alignment]) -> list[tuple]:
    """:func:`change_counts`'s rows, as tuples in :data:`COUNT_COLUMNS` order."""
    if isinstance(alignments, Alignment):
        alignments = [alignments]
    counts: dict[tuple, int] = {}
    for alignment in alignments:
        pair = f"{alignment.b_name} vs {alignment.a_name}"
        names = (pair, alignment.a_name, alignment.b_name)
        for unit in alignment.units:
            sentences = len(unit.a) if unit.status == "dropped" else len(unit.b)
            key = (*names, "sentences", unit.status, unit.moved)
            counts[key] = counts.get(key, 0) + sentences
            for status, words in _unit_words(alignment, unit):
                key = (*names, "words", status, unit.moved)
                counts[key] = counts.get(key, 0) + words
    return [
        (*key[:5], "moved" if key[5] else "in order", count)
        for key, count in sorted(counts.items(), key=_count_order)
        if count
    ]


def _count_order(item: tuple[tuple, int]) -> tuple:
    pair, _, _, measure, status, moved = item[0]
    return (pair, measure, STATUSES.index(status), moved)


@unchecked_build
def changes_chart(
    counts: pd.DataFrame,
    *,
    width: int = 460,
    bar_height: int = 22,
    title: str | None = None,
) -> alt.Chart:
    """Stacked bars per pair: how many sentences and words were kept, reworded, added, dropped.

    ``counts`` is :func:`change_counts`'s frame (columns ``pair, measure, status, moved,
    count``). Segments of units that moved are outlined in the "moved" colour.
    """
    statuses = counts["status"] if len(counts) else STATUSES
    frame = counts.assign(
        order=[STATUSES.index(s) for s in counts["status"]],
        what=[STATUS_WORDS.get(s, s) for s in counts["status"]],
    )
    pairs = sorted(frame["pair"].unique())
    moved = alt.datum.moved == "moved"  # as an expression: MOVED_TEST
    return (
        alt.Chart(script_safe_frame(frame))
        .mark_bar()
        .encode(
            x=alt.X("sum(count):Q", title=None, stack="zero", axis=axis()),
            y=alt.Y("pair:N", title=None, sort=pairs, axis=axis(labelLimit=260)),
            row=alt.Row(
                "measure:N",
                title=None,
                sort=["sentences", "words"],
                header=alt.Header(
                    labelAngle=0, labelAlign="left", labelFontWeight="bold", labelFontSize=FONT
                ),
            ),
            color=alt.Color(
                "status:N",
                scale=status_scale(statuses),
                title="what happened",
                legend=legend(STATUS_WORDS),
            ),
            order=alt.Order("order:Q"),
            # conditions as channel objects: alt.condition() gives a dict that Altair then
            # types by trying it against the schema (milliseconds each); the spec is the same
            stroke=alt.StrokeValue("white", condition={"test": moved, "value": MOVED_COLOR}),
            strokeWidth=alt.StrokeWidthValue(0.5, condition={"test": moved, "value": 2.5}),
            tooltip=[
                alt.Tooltip("pair:N", title="versions"),
                alt.Tooltip("measure:N", title="counting"),
                alt.Tooltip("what:N", title="what happened"),
                alt.Tooltip("moved:N", title="order"),
                alt.Tooltip("sum(count):Q", title="how many"),
            ],
        )
        .properties(
            width=width,
            height=alt.Step(bar_height),
            title=chart_title(title or CHANGES_TITLE, CHANGES_SUBTITLE),
        )
        .resolve_scale(x="independent")
    )


CHANGES_TITLE = "What each version kept, reworded, added and dropped"
CHANGES_SUBTITLE = (
    "Sentences and words of each version against the reference, plus what the "
    "reference had and it dropped; outlined segments moved."
)
# ---- 6. similarity matrix ----------------------------------------------------------------


def similarity_frame(alignment: Alignment) -> pd.DataFrame:
    """Every pair of sentences of an alignment with its score, and the pairs it chose.

    Columns: a_index, b_index (from 0), a_sentence, b_sentence (from 1), score, a_text,
    b_text, status (the status of the unit that pairs the two, "" where none does).
    Quadratic in length: meant for one story's versions.
    """
    a_texts, b_texts = alignment.a_sentences, alignment.b_sentences
    matrix = similarity_matrix(list(a_texts), list(b_texts)) if a_texts and b_texts else []
    chosen = {(i, j): unit.status for unit in alignment.units for i in unit.a for j in unit.b}
    rows = [
        (
            i,
            j,
            i + 1,
            j + 1,
            score,
            a_texts[i],
            b_texts[j],
            chosen.get((i, j), ""),
        )
        for i, row in enumerate(matrix)
        for j, score in enumerate(row)
    ]
    return pd.DataFrame(rows, columns=list(SIMILARITY_COLUMNS))


def _number(value):
    """A score as Altair writes it: a missing one (NaN) as null."""
    return None if pd.isna(value) else value


@unchecked_build
def similarity_heatmap(
    frame: pd.DataFrame,
    *,
    a_name: str = "a",
    b_name: str = "b",
    cell: int = 22,
    max_size: int = 720,
    title: str | None = None,
) -> alt.LayerChart:
    """Every sentence of a against every sentence of b, darker where they share more.

    ``frame`` is :func:`similarity_frame`'s. Pairs the alignment chose are outlined in
    their status colour, so you can see which strong cells it took and which it left.
    Cells that share nothing are left blank and each sentence's text is stored once, so
    the chart stays small; ``max_size`` caps its width and height in pixels.
    """
    n_a = int(frame["a_sentence"].max()) if len(frame) else 0
    n_b = int(frame["b_sentence"].max()) if len(frame) else 0
    size = max(3, min(cell, max_size // max(n_a, n_b, 1)))
    # the inline values Altair would make of the frame's pieces, made from its columns once
    column = {name: frame[name].tolist() for name in SIMILARITY_COLUMNS if name in frame}
    cells = {
        "values": [
            {"a_sentence": i, "b_sentence": j, "score": _number(score), "status": status}
            for i, j, score, status in zip(
                column["a_sentence"],
                column["b_sentence"],
                column["score"],
                column["status"],
                strict=True,
            )
            if score > 0 or status != ""
        ]
    }
    a_name, b_name = script_safe(a_name), script_safe(b_name)
    texts = {}  # names as data fields, never in tooltip titles (those become expression code)
    for side, name in (("a", a_name), ("b", b_name)):
        first: dict = {}  # each sentence's first row, in order
        for number, text in zip(column[f"{side}_sentence"], column[f"{side}_text"], strict=True):
            first.setdefault(number, text)
        texts[side] = {
            "values": [
                {
                    f"{side}_sentence": number,
                    f"{side}_text": script_safe(text) if isinstance(text, str) else text,
                    f"{side}_version": name,
                }
                for number, text in first.items()
            ]
        }
    statuses = [s for s in frame["status"].unique() if s]
    x_axis = axis(labelAngle=0, labelOverlap="parity")
    x = alt.X(
        "b_sentence:O",
        title="sentence of b",  # channel titles become expression code (ARIA text): fixed
        axis=x_axis,
        scale=alt.Scale(domain=list(range(1, n_b + 1))),
    )
    y = alt.Y(
        "a_sentence:O",
        title="sentence of a",
        axis=axis(labelOverlap="parity"),
        scale=alt.Scale(domain=list(range(1, n_a + 1))),
    )
    tooltip = [
        alt.Tooltip("a_sentence:O", title="sentence of a"),
        alt.Tooltip("b_sentence:O", title="sentence of b"),
        alt.Tooltip("score:Q", format=".2f", title="similarity"),
        alt.Tooltip("what:N", title="aligned as"),
        alt.Tooltip("a_version:N", title="version a"),
        alt.Tooltip("a_text:N", title="a says"),
        alt.Tooltip("b_version:N", title="version b"),
        alt.Tooltip("b_text:N", title="b says"),
    ]
    heat = (
        alt.Chart()
        .mark_rect()
        .encode(
            x=x,
            y=y,
            color=alt.Color(
                "score:Q",
                scale=alt.Scale(scheme="greys", domain=[0, 1]),
                title="similarity",
                legend=legend(),
            ),
            tooltip=tooltip,
        )
    )
    chosen = (
        alt.Chart()
        .transform_filter(alt.datum.status != "")
        .mark_rect(fill="transparent", strokeWidth=2.5)
        .encode(
            x=x,
            y=y,
            stroke=alt.Stroke(
                "status:N",
                scale=status_scale(statuses),
                title="aligned as",
                legend=legend(STATUS_WORDS, symbolFillColor="white"),
            ),
            tooltip=tooltip,
        )
    )
    chart = (
        Layers(data=cells)
        .transform_lookup(
            lookup="a_sentence",
            from_=alt.LookupData(texts["a"], key="a_sentence", fields=["a_text", "a_version"]),
        )
        .transform_lookup(
            lookup="b_sentence",
            from_=alt.LookupData(texts["b"], key="b_sentence", fields=["b_text", "b_version"]),
        )
        .transform_calculate(what=_words_of("status"))
        .properties(
            width=max(n_b, 1) * size,
            height=max(n_a, 1) * size,
            # a blank cell shares nothing: the colour of 0, not the page's (which in a dark
            # theme is as dark as a strong pair)
            view=alt.ViewBackground(fill=HEATMAP_BLANK),
            title=chart_title(
                title or f"Which sentences of {a_name} (a) resemble which of {b_name} (b)",
                HEATMAP_SUBTITLE,
            ),
        )
    )
    chart.layer = [heat, chosen]  # in last: each step above copies the chart, layers and all
    return chart


HEATMAP_BLANK = "#ffffff"  # a cell of no similarity: the first colour of Vega's "greys"

HEATMAP_SUBTITLE = (
    "Darker cells share more rare words; outlined cells are the pairs "
    "the alignment chose. Hover for the sentences."
)
