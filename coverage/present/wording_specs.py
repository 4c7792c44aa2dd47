"""Wording records -> the report's specs of the wording charts, made without pandas or Altair.

The kinds of change, the labels and the name variants, as :mod:`specs` makes the
alignment charts: each ``*_spec`` gives the dict its twin in :mod:`wording_charts`
gives through ``to_dict()`` (the tests keep the two equal), from the records
themselves; :func:`labels_rows` is :func:`labels_frame`'s rows without a frame.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from ..names.groups import NameGroup
from ..wording.kinds import kind_title
from ..wording.records import Change, Label
from .altair_import import unchecked_build
from .charts import FONT, axis, chart_title, legend
from .colors import KIND_COLORS
from .page import script_safe
from .specs import dataset, field, top_level
from .wording_charts import (
    KINDS_SUBTITLE,
    KINDS_TITLE,
    LABELS_SUBTITLE,
    LABELS_TITLE,
    LOAD_COLORS,
    LOAD_WORDS,
    MAX_WIDTH,
    NAMES_SUBTITLE,
    NAMES_TITLE,
)

__all__ = ["kinds_spec", "labels_rows", "labels_spec", "name_variants_spec"]


@unchecked_build
def kinds_spec(
    changes: Iterable[tuple[str, Change]],
    *,
    width: int = 460,
    bar_height: int = 24,
    title: str | None = None,
) -> dict:
    """:func:`kinds_chart`'s Vega-Lite spec, from ``(pair, change)`` of every pair, made
    without pandas or Altair's objects (the report's way; the tests keep the two equal)."""
    grouped: dict[tuple[str, str], list[str]] = defaultdict(list)
    for pair, change in changes:
        example = f"{change.a_words or '∅'} → {change.b_words or '∅'}"
        grouped[str(pair), str(change.kind)].append(example)
    codes = {kind for _, kind in grouped}
    kinds = [k for k in KIND_COLORS if k in codes] + sorted(codes - set(KIND_COLORS))
    rows = []
    for (pair, kind), examples in sorted(grouped.items()):
        edits, shown, words = len(examples), "; ".join(examples[:4]), kind_title(kind)
        description = f"{pair}: {edits} word edit{'s' * (edits != 1)}, {words}; for example {shown}"
        row = {
            "pair": pair,
            "kind": words,
            "edits": edits,
            "examples": shown,
            "order": list(KIND_COLORS).index(kind) if kind in KIND_COLORS else 99,
            "description": description,
        }
        rows.append({k: script_safe(v) if isinstance(v, str) else v for k, v in row.items()})
    scale = {
        "domain": [kind_title(k) for k in kinds],
        "range": [KIND_COLORS.get(k, "#999999") for k in kinds],
    }
    datasets: dict[str, list] = {}
    spec = {
        "data": dataset(rows, datasets),
        "mark": {"type": "bar", "stroke": "white", "strokeWidth": 0.5},
        "encoding": {
            "x": field(
                "edits:Q", title="word edits", stack="zero", axis=axis().to_dict(validate=False)
            ),
            "y": field("pair:N", title=None, axis=axis(labelLimit=260).to_dict(validate=False)),
            "color": field(
                "kind:N",
                scale=scale,
                title="kind of change",
                legend=legend().to_dict(validate=False),
            ),
            "order": field("order:Q"),
            "description": field("description:N"),
            "tooltip": [
                field("pair:N", title="versions"),
                field("kind:N", title="kind of change"),
                field("edits:Q", title="word edits"),
                field("examples:N", title="for example"),
            ],
        },
        "width": width,
        "height": {"step": bar_height},
        "title": chart_title(title or KINDS_TITLE, KINDS_SUBTITLE).to_dict(validate=False),
    }
    return top_level(spec, datasets)


@unchecked_build
def name_variants_spec(
    groups: Iterable[NameGroup],
    *,
    column: int = 130,
    row_height: int = 22,
    title: str | None = None,
) -> dict:
    """:func:`name_variants_chart`'s spec for ``find_name_variants(...)``, made without
    pandas or Altair's objects (the report's way; the tests keep the two equal)."""
    counted = Counter((g.name, o.spelling, o.outlet) for g in groups for o in g.occurrences)
    most = max(counted.values(), default=1)
    keys = sorted(counted)
    outlets = sorted({outlet for _, _, outlet in keys})
    spellings = list(dict.fromkeys(f"{name}: {variant}" for name, variant, _ in keys))
    column = max(28, min(column, MAX_WIDTH // max(len(outlets), 1)))
    slanted = column < 90  # many outlets: narrow columns, names at an angle
    rows = [
        {
            "name": script_safe(name),
            "variant": script_safe(variant),
            "outlet": script_safe(outlet),
            "count": counted[name, variant, outlet],
            "spelling": script_safe(f"{name}: {variant}"),
            "dark": counted[name, variant, outlet] >= 0.6 * most,
        }
        for name, variant, outlet in keys
    ]
    x_axis = axis(
        orient="top",
        labelAngle=-40 if slanted else 0,
        labelAlign="left" if slanted else "center",
        labelLimit=140 if slanted else column - 4,
    )
    encoding = {
        "x": field("outlet:N", title=None, sort=outlets, axis=x_axis.to_dict(validate=False)),
        "y": field(
            "spelling:N",
            title=None,
            sort=spellings,
            axis=axis(labelLimit=260).to_dict(validate=False),
        ),
        "tooltip": [
            field("name:N"),
            field("variant:N", title="spelling"),
            field("outlet:N"),
            field("count:Q", title="times used"),
        ],
    }
    cells = {
        "mark": {"type": "rect", "stroke": "white", "strokeWidth": 2},
        "encoding": {
            **encoding,
            "color": field(
                "count:Q", scale={"range": ["#D6EAF8", KIND_COLORS["name_variant"]]}, legend=None
            ),
        },
    }
    numbers = {
        "mark": {"type": "text", "fontSize": FONT},
        "encoding": {
            **encoding,
            "text": field("count:Q"),
            "color": {"value": "#222", "condition": {"test": "datum.dark", "value": "white"}},
        },
    }
    datasets: dict[str, list] = {}
    spec = {
        "layer": [cells, numbers],
        "data": dataset(rows, datasets),
        "width": {"step": column},
        "height": {"step": row_height},
        "title": chart_title(title or NAMES_TITLE, NAMES_SUBTITLE).to_dict(validate=False),
    }
    return top_level(spec, datasets)


def labels_rows(labels: Iterable[Label], *, min_outlets: int = 1) -> list[dict]:
    """:func:`labels_frame`'s rows (as records), made from the labels without pandas."""
    grouped: dict[tuple[str, str], list[Label]] = defaultdict(list)
    for label in labels:
        if str(label.descriptor).strip() != "":
            grouped[label.entity, label.outlet].append(label)
    outlets: dict[str, set[str]] = defaultdict(set)
    for entity, outlet in grouped:
        outlets[entity].add(outlet)
    rows = []
    for (entity, outlet), group in sorted(grouped.items()):
        if len(outlets[entity]) < min_outlets:
            continue
        load = max(_load(label.load) for label in group)
        descriptors = "; ".join(dict.fromkeys(label.descriptor for label in group))
        rows.append(
            {
                "entity": entity,
                "outlet": outlet,
                "descriptors": descriptors,
                "load": min(load, 2),
                "count": len(group),
            }
        )
    return rows


def _load(value) -> int:
    """A label's load as a number (0 when it is none), as ``pd.to_numeric`` reads it."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return 0
    return 0 if number != number else int(number)  # NaN


@unchecked_build
def labels_spec(
    rows: list[dict], *, column: int = 230, row_height: int = 24, title: str | None = None
) -> dict:
    """:func:`labels_chart`'s spec for :func:`labels_rows`, made without pandas or Altair's
    objects (the report's way; the tests keep the two equal)."""
    outlets = sorted({row["outlet"] for row in rows})
    column = max(90, min(column, MAX_WIDTH // max(len(outlets), 1)))
    values = [{k: script_safe(v) if isinstance(v, str) else v for k, v in r.items()} for r in rows]
    x_axis = axis(orient="top", labelAngle=0, labelLimit=column - 4)
    encoding = {
        "x": field("outlet:N", title=None, sort=outlets, axis=x_axis.to_dict(validate=False)),
        "y": field("entity:N", title=None, axis=axis(labelLimit=220).to_dict(validate=False)),
        "tooltip": [
            field("entity:N", title="person"),
            field("outlet:N"),
            field("descriptors:N", title="described as"),
            field("count:Q", title="times"),
        ],
    }
    load_legend = legend(title="load", labelExpr=LOAD_WORDS)
    cells = {
        "mark": {"type": "rect", "stroke": "white", "strokeWidth": 2},
        "encoding": {
            **encoding,
            "color": field(
                "load:O",
                scale={"domain": [0, 1, 2], "range": list(LOAD_COLORS)},
                legend=load_legend.to_dict(validate=False),
            ),
        },
    }
    words = {
        "mark": {"type": "text", "fontSize": FONT, "limit": column - 10},
        "encoding": {**encoding, "text": field("descriptors:N")},
    }
    datasets: dict[str, list] = {}
    spec = {
        "layer": [cells, words],
        "data": dataset(values, datasets),
        "width": {"step": column},
        "height": {"step": row_height},
        "title": chart_title(title or LABELS_TITLE, LABELS_SUBTITLE).to_dict(validate=False),
    }
    return top_level(spec, datasets)
