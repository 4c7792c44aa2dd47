"""Alignments and records -> the report's chart specs: Vega-Lite dicts made without Altair.

The report draws the same few chart shapes over and over (a map per pair of versions);
building each as Altair objects and turning them back into a dict was most of the time
a report took to place its charts. Each ``*_spec`` builder here makes that dict directly
from the data, and has an Altair twin in :mod:`charts` (the public chart function): the
tests check that the two give equal dicts, valid against the Vega-Lite schema. The
helpers give the pieces Altair adds on the way: inline data moved to named top-level
``datasets``, the ``$schema`` and the active theme's ``config``. The wording charts'
specs are in :mod:`wording_specs`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from typing import Any

import pandas as pd

from ..alignment.aligner import similarity_matrix
from ..model import STATUSES, Alignment
from .altair_import import alt, unchecked_build
from .charts import (
    CHANGES_SUBTITLE,
    CHANGES_TITLE,
    COUNT_COLUMNS,
    FONT,
    HEATMAP_BLANK,
    HEATMAP_SUBTITLE,
    _map_rows,
    _words_of,
    axis,
    chart_title,
    legend,
    status_scale,
)
from .colors import MOVED_COLOR, STATUS_WORDS
from .page import script_safe

__all__ = [
    "alignment_map_spec",
    "changes_spec",
    "dataset",
    "field",
    "similarity_spec",
    "top_level",
]


def dataset(values: list, datasets: dict[str, list]) -> dict[str, str]:
    """A layer's ``data``: ``values`` stored in ``datasets`` under the name Altair gives them
    (a hash of their JSON), so equal values are stored once."""
    if values == [{}]:
        name = "empty"
    else:
        text = json.dumps(values, sort_keys=True, default=str)
        name = "data-" + hashlib.sha256(text.encode()).hexdigest()[:32]
    datasets[name] = values
    return {"name": name}


def field(shorthand: str, **options: Any) -> dict[str, Any]:
    """An encoding channel from ``"name:T"`` (``T`` one of N, O, Q, T) and its options.

    >>> field("score:Q", title="similarity")
    {'field': 'score', 'type': 'quantitative', 'title': 'similarity'}
    """
    name, code = shorthand.rsplit(":", 1)
    kind = {"N": "nominal", "O": "ordinal", "Q": "quantitative", "T": "temporal"}[code]
    return {"field": name, "type": kind, **options}


def top_level(spec: dict[str, Any], datasets: dict[str, list]) -> dict[str, Any]:
    """``spec`` as a whole chart: its ``$schema``, the active theme's config under it, and
    the named datasets its layers refer to (what Altair adds at the top of ``to_dict``)."""
    spec = {**spec, "$schema": alt.SCHEMA_URL}
    theme = alt.theme.get()
    if theme is not None:
        spec = alt.utils.update_nested(theme(), spec, copy=True)
    if datasets:
        spec.setdefault("datasets", {}).update(datasets)
    return spec


@unchecked_build
def alignment_map_spec(
    data: Alignment | pd.DataFrame,
    *,
    a_name: str | None = None,
    b_name: str | None = None,
    width: int = 640,
    row_height: int = 18,
    title: str | None = None,
) -> dict:
    """:func:`alignment_map`'s Vega-Lite spec (``to_dict()``), made from the data without
    Altair's objects: the report draws a map per pair, and building the chart and turning
    it into a dict took five times as long. The tests keep the two equal."""
    if isinstance(data, Alignment):
        a_name = a_name or data.a_name
        b_name = b_name or data.b_name
        data = data.to_frame()
    a_name, b_name = script_safe(a_name or "a"), script_safe(b_name or "b")
    if a_name == b_name:
        a_name, b_name = f"{a_name} (a)", f"{b_name} (b)"
    sentences, links = _map_rows(data, a_name, b_name)
    rows = max((row["y"] for row in sentences), default=0) + 1
    datasets: dict[str, list] = {}
    # each name centred over its column of sentence labels, no wider than it: two long
    # outlet names centred over the bars overlapped
    heads = [{"x": -0.655, "y": -1.2, "name": a_name}, {"x": 1.655, "y": -1.2, "name": b_name}]
    color = field(
        "status:N",
        scale=status_scale(data["status"]).to_dict(validate=False),
        title="what happened",
        legend=legend(STATUS_WORDS).to_dict(validate=False),
    )
    y_scale = {"domain": [-1.6, rows - 0.4], "reverse": True, "nice": False, "zero": False}
    x_scale = {"domain": [-1.25, 2.25], "nice": False, "zero": False}

    def x(name: str) -> dict:
        return field(f"{name}:Q", scale=x_scale, axis=None)

    def y(name: str) -> dict:
        return field(f"{name}:Q", scale=y_scale, axis=None)

    sentence_tip = [
        field("version:N"),
        field("sentence:Q", title="sentence number"),
        field("what:N", title="what happened"),
        field("moved:N", title="order"),
        field("text:N", title="sentence"),
    ]
    columns = [
        {"calculate": "datum.column == 0 ? -0.06 : 1", "as": "x0"},
        {"calculate": "datum.column == 0 ? 0 : 1.06", "as": "x1"},
    ]
    on_sentences = dataset(sentences, datasets)
    lines = {
        "data": dataset(links, datasets),
        "mark": {"type": "rule", "strokeWidth": 2},
        "encoding": {
            "x": x("x0"),
            "x2": {"field": "x1"},
            "y": y("a_y"),
            "y2": {"field": "b_y"},
            "color": color,
            "strokeDash": field(
                "moved:N",
                scale={"domain": ["in order", "moved"], "range": [[1, 0], [5, 3]]},
                title="order",
                legend=legend().to_dict(validate=False),
            ),
            "tooltip": [
                field("a_version:N", title="version a"),
                field("a_sentence:Q", title="sentence of a"),
                field("b_version:N", title="version b"),
                field("b_sentence:Q", title="sentence of b"),
                field("what:N", title="what happened"),
                field("moved:N", title="order"),
                field("score:Q", title="similarity"),
            ],
            "description": field("description:N"),
        },
        "transform": [
            {"calculate": "0", "as": "x0"},
            {"calculate": "1", "as": "x1"},
            {
                "calculate": "'Sentence ' + datum.a_sentence + ' of ' + datum.a_name + ' is "
                "sentence ' + datum.b_sentence + ' of ' + datum.b_name + ': ' + datum.what"
                " + (datum.moved == 'moved' ? ', moved' : '')",
                "as": "description",
            },
        ],
    }
    bars = {
        "data": on_sentences,
        "mark": {"type": "rect", "stroke": "white", "strokeWidth": 0.5},
        "encoding": {
            "x": x("x0"),
            "x2": {"field": "x1"},
            "y": y("y_top"),
            "y2": {"field": "y_bottom"},
            "color": color,
            "tooltip": sentence_tip,
            "description": field("description:N"),
        },
        "transform": [
            *columns,
            {"calculate": "datum.y - 0.42", "as": "y_top"},
            {"calculate": "datum.y + 0.42", "as": "y_bottom"},
            {
                "calculate": "datum.version + ', sentence ' + datum.sentence + ': ' + "
                "datum.what + (datum.moved == 'moved' ? ', moved' : '') + '. ' + datum.text",
                "as": "description",
            },
        ],
    }
    labels = [
        {
            "data": on_sentences,
            "mark": {
                "type": "text",
                "fontSize": FONT,
                "limit": width * 0.29,
                "baseline": "middle",
                "align": align,
                "dx": dx,
            },
            "encoding": {
                "x": x("x_label"),
                "y": y("y"),
                "text": field("label:N"),
                "tooltip": sentence_tip,
            },
            "transform": [
                *columns,
                {"filter": f"datum.column == {column}"},
                {"calculate": str(x_label), "as": "x_label"},
                {"calculate": "datum.sentence + '. ' + datum.text", "as": "label"},
            ],
        }
        for column, align, dx, x_label in ((0, "right", -4, -0.06), (1, "left", 4, 1.06))
    ]
    header = {
        "data": dataset(heads, datasets),
        "mark": {"type": "text", "fontSize": 13, "fontWeight": "bold", "limit": width * 0.34},
        "encoding": {"x": x("x"), "y": y("y"), "text": field("name:N")},
    }
    spec = {
        "layer": [lines, bars, *labels, header],
        "width": width,
        "height": (rows + 2) * row_height,
        "title": chart_title(
            title or f"Where each sentence of {a_name} went in {b_name}",
            "Links join aligned sentences; dashed, crossing links moved; "
            "unlinked sentences were added or dropped. Hover for the full text.",
        ).to_dict(validate=False),
        "view": {"stroke": None},
    }
    return top_level(spec, datasets)


MOVED_TEST = "(datum.moved === 'moved')"


@unchecked_build
def changes_spec(
    rows: Iterable[Sequence],
    *,
    width: int = 460,
    bar_height: int = 22,
    title: str | None = None,
) -> dict:
    """:func:`changes_chart`'s spec for :func:`count_rows` (``pair`` as the chart should
    name it), made without pandas or Altair's objects (the report's way; the tests keep
    the two equal)."""
    rows, values = list(rows), []
    for row in rows:
        record = dict(zip(COUNT_COLUMNS, row, strict=True))
        record["order"] = STATUSES.index(record["status"])
        record["what"] = STATUS_WORDS.get(record["status"], record["status"])
        values.append({k: script_safe(v) if isinstance(v, str) else v for k, v in record.items()})
    statuses = [row[4] for row in rows] if rows else STATUSES
    pairs = sorted({row[0] for row in rows})
    total = {"aggregate": "sum", "field": "count", "type": "quantitative"}
    header = alt.Header(labelAngle=0, labelAlign="left", labelFontWeight="bold", labelFontSize=FONT)
    datasets: dict[str, list] = {}
    spec = {
        "data": dataset(values, datasets),
        "mark": {"type": "bar"},
        "encoding": {
            "x": {**total, "title": None, "stack": "zero", "axis": axis().to_dict(validate=False)},
            "y": field(
                "pair:N",
                title=None,
                sort=pairs,
                axis=axis(labelLimit=260).to_dict(validate=False),
            ),
            "row": field(
                "measure:N",
                title=None,
                sort=["sentences", "words"],
                header=header.to_dict(validate=False),
            ),
            "color": field(
                "status:N",
                scale=status_scale(statuses).to_dict(validate=False),
                title="what happened",
                legend=legend(STATUS_WORDS).to_dict(validate=False),
            ),
            "order": field("order:Q"),
            "stroke": {"value": "white", "condition": {"test": MOVED_TEST, "value": MOVED_COLOR}},
            "strokeWidth": {"value": 0.5, "condition": {"test": MOVED_TEST, "value": 2.5}},
            "tooltip": [
                field("pair:N", title="versions"),
                field("measure:N", title="counting"),
                field("what:N", title="what happened"),
                field("moved:N", title="order"),
                {**total, "title": "how many"},
            ],
        },
        "width": width,
        "height": {"step": bar_height},
        "title": chart_title(title or CHANGES_TITLE, CHANGES_SUBTITLE).to_dict(validate=False),
        "resolve": {"scale": {"x": "independent"}},
    }
    return top_level(spec, datasets)


@unchecked_build
def similarity_spec(
    alignment: Alignment,
    *,
    cell: int = 22,
    max_size: int = 720,
    title: str | None = None,
) -> dict:
    """:func:`similarity_heatmap`'s spec for an alignment (its versions' names), made
    from the scores without a frame or Altair's objects (the report's way; the tests
    keep the two equal)."""
    a_texts, b_texts = alignment.a_sentences, alignment.b_sentences
    matrix = similarity_matrix(list(a_texts), list(b_texts)) if a_texts and b_texts else []
    chosen = {(i, j): unit.status for unit in alignment.units for i in unit.a for j in unit.b}
    n_a, n_b = (len(a_texts), len(b_texts)) if matrix else (0, 0)
    size = max(3, min(cell, max_size // max(n_a, n_b, 1)))
    cells = []  # cells that share nothing are left blank
    for i, row in enumerate(matrix):
        for j, score in enumerate(row):
            status = chosen.get((i, j), "")
            if score > 0 or status != "":
                score = None if score != score else score  # NaN: null, as Altair writes it
                cells.append(
                    {"a_sentence": i + 1, "b_sentence": j + 1, "score": score, "status": status}
                )
    a_name, b_name = script_safe(alignment.a_name), script_safe(alignment.b_name)
    datasets: dict[str, list] = {}
    lookups = []
    for side, name, texts, count in (("a", a_name, a_texts, n_a), ("b", b_name, b_texts, n_b)):
        values = [
            {
                f"{side}_sentence": k + 1,
                f"{side}_text": script_safe(texts[k]),
                f"{side}_version": name,
            }
            for k in range(count)
        ]
        lookups.append(
            {
                "lookup": f"{side}_sentence",
                "from": {
                    "data": dataset(values, datasets),
                    "key": f"{side}_sentence",
                    "fields": [f"{side}_text", f"{side}_version"],
                },
            }
        )
    statuses = set(chosen.values()) if matrix else set()
    x = field(
        "b_sentence:O",
        title="sentence of b",
        axis=axis(labelAngle=0, labelOverlap="parity").to_dict(validate=False),
        scale={"domain": list(range(1, n_b + 1))},
    )
    y = field(
        "a_sentence:O",
        title="sentence of a",
        axis=axis(labelOverlap="parity").to_dict(validate=False),
        scale={"domain": list(range(1, n_a + 1))},
    )
    tooltip = [
        field("a_sentence:O", title="sentence of a"),
        field("b_sentence:O", title="sentence of b"),
        field("score:Q", format=".2f", title="similarity"),
        field("what:N", title="aligned as"),
        field("a_version:N", title="version a"),
        field("a_text:N", title="a says"),
        field("b_version:N", title="version b"),
        field("b_text:N", title="b says"),
    ]
    heat = {
        "mark": {"type": "rect"},
        "encoding": {
            "x": x,
            "y": y,
            "color": field(
                "score:Q",
                scale={"scheme": "greys", "domain": [0, 1]},
                title="similarity",
                legend=legend().to_dict(validate=False),
            ),
            "tooltip": tooltip,
        },
    }
    outlined = {
        "mark": {"type": "rect", "fill": "transparent", "strokeWidth": 2.5},
        "encoding": {
            "x": x,
            "y": y,
            "stroke": field(
                "status:N",
                scale=status_scale(statuses).to_dict(validate=False),
                title="aligned as",
                legend=legend(STATUS_WORDS, symbolFillColor="white").to_dict(validate=False),
            ),
            "tooltip": tooltip,
        },
        "transform": [{"filter": "(datum.status !== '')"}],
    }
    spec = {
        "layer": [heat, outlined],
        "data": dataset(cells, datasets),
        "transform": [*lookups, {"calculate": _words_of("status"), "as": "what"}],
        "width": max(n_b, 1) * size,
        "height": max(n_a, 1) * size,
        "view": {"fill": HEATMAP_BLANK},
        "title": chart_title(
            title or f"Which sentences of {a_name} (a) resemble which of {b_name} (b)",
            HEATMAP_SUBTITLE,
        ).to_dict(validate=False),
    }
    return top_level(spec, datasets)
