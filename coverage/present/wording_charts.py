"""Frames of wording analyses (kinds of change, name variants, labels) -> Altair charts.

The charts of what the outlets' words say rather than where their sentences went: how
many edits of each kind each version made (:func:`classify_changes`), which outlet spells
each name which way (:func:`find_name_variants`) and how each outlet describes each
person (:func:`describe_labels`). Like :mod:`charts`, every chart takes its data first
and its options keyword-only, returns an Altair chart and never displays or saves itself;
colours come from :mod:`colors`.
"""

from __future__ import annotations

import pandas as pd

from ..model import Records
from ..wording.kinds import kind_title
from ..wording.records import Changes, Labels
from .altair_import import alt, unchecked_build
from .charts import FONT, Layers, axis, chart_title, legend
from .colors import KIND_COLORS
from .page import script_safe_frame

MAX_WIDTH = 640  # the widest a chart of outlets gets: columns narrow as outlets grow

__all__ = [
    "kinds_chart",
    "labels_chart",
    "labels_frame",
    "name_variants_chart",
]


# ---- 3. kinds of wording change ----------------------------------------------------------

KINDS_TITLE = "What kinds of wording change each version made"
KINDS_SUBTITLE = (
    "Word edits by kind: a name spelled otherwise, another label, a credit, "
    "a figure, a style, a detail added or dropped. Hover for examples."
)


def _pairs(frame: pd.DataFrame) -> pd.Series:
    if "pair" in frame:
        return frame["pair"].astype(str)
    return frame["b_outlet"].astype(str) + " vs " + frame["a_outlet"].astype(str)


@unchecked_build
def kinds_chart(
    changes: Changes | pd.DataFrame,
    *,
    width: int = 460,
    bar_height: int = 24,
    title: str | None = None,
) -> alt.Chart:
    """Per pair, how many edits were name variants, spellings, labels, added or dropped details.

    ``changes`` is what :func:`classify_changes` returns, or its frame (several
    concatenated, for several pairs): columns ``kind``, ``a_words``, ``b_words`` and ``a_outlet``/``b_outlet`` (or
    ``pair``). Hover a bar for examples.
    """
    if isinstance(changes, Records):
        changes = changes.to_frame()
    frame = pd.DataFrame(
        {
            "pair": _pairs(changes) if len(changes) else pd.Series(dtype=str),
            "kind": changes["kind"].astype(str) if len(changes) else pd.Series(dtype=str),
            "example": [
                f"{a or '∅'} → {b or '∅'}"
                for a, b in zip(changes.get("a_words", []), changes.get("b_words", []), strict=True)
            ],
        }
    )
    counted = (
        frame.groupby(["pair", "kind"], sort=True)
        .agg(edits=("example", "size"), examples=("example", lambda s: "; ".join(s.head(4))))
        .reset_index()
    )
    kinds = [k for k in KIND_COLORS if k in set(counted["kind"])]
    kinds += sorted(set(counted["kind"]) - set(kinds))
    counted["order"] = [
        list(KIND_COLORS).index(k) if k in KIND_COLORS else 99 for k in counted["kind"]
    ]
    counted["kind"] = [kind_title(k) for k in counted["kind"]]  # readers see words, not codes
    counted["description"] = [  # what a screen reader says for a bar
        f"{pair}: {edits} word edit{'s' * (edits != 1)}, {kind}; for example {examples}"
        for pair, edits, kind, examples in zip(
            counted["pair"], counted["edits"], counted["kind"], counted["examples"], strict=True
        )
    ]
    scale = alt.Scale(
        domain=[kind_title(k) for k in kinds], range=[KIND_COLORS.get(k, "#999999") for k in kinds]
    )
    return (
        alt.Chart(script_safe_frame(counted))
        .mark_bar(stroke="white", strokeWidth=0.5)
        .encode(
            x=alt.X("edits:Q", title="word edits", stack="zero", axis=axis()),
            y=alt.Y("pair:N", title=None, axis=axis(labelLimit=260)),
            color=alt.Color("kind:N", scale=scale, title="kind of change", legend=legend()),
            order=alt.Order("order:Q"),
            description=alt.Description("description:N"),
            tooltip=[
                alt.Tooltip("pair:N", title="versions"),
                alt.Tooltip("kind:N", title="kind of change"),
                alt.Tooltip("edits:Q", title="word edits"),
                alt.Tooltip("examples:N", title="for example"),
            ],
        )
        .properties(
            width=width,
            height=alt.Step(bar_height),
            title=chart_title(title or KINDS_TITLE, KINDS_SUBTITLE),
        )
    )


# ---- 4. name variants --------------------------------------------------------------------

NAMES_TITLE = "Which outlet spells each name which way"
NAMES_SUBTITLE = "How many times each outlet uses each spelling of a name."


@unchecked_build
def name_variants_chart(
    names: pd.DataFrame, *, column: int = 130, row_height: int = 22, title: str | None = None
) -> alt.LayerChart:
    """Which outlet spells each name which way: occurrences per name, spelling and outlet.

    ``names`` is ``find_name_variants(...).to_frame()`` (columns ``name, variant,
    outlet``; one row per occurrence). One row per spelling ("Qaddafi: Kadhafi"),
    grouped by name; one column per outlet.
    """
    counted = (
        names.groupby(["name", "variant", "outlet"], sort=True).size().rename("count").reset_index()
        if len(names)
        else pd.DataFrame(columns=["name", "variant", "outlet", "count"])
    )
    counted["spelling"] = counted["name"].astype(str) + ": " + counted["variant"].astype(str)
    counted["dark"] = counted["count"] >= 0.6 * (counted["count"].max() if len(counted) else 1)
    outlets = sorted(counted["outlet"].unique())
    column = max(28, min(column, MAX_WIDTH // max(len(outlets), 1)))
    slanted = column < 90  # many outlets: narrow columns, names at an angle
    base = alt.Chart(script_safe_frame(counted)).encode(
        x=alt.X(
            "outlet:N",
            title=None,
            sort=outlets,
            axis=axis(
                orient="top",
                labelAngle=-40 if slanted else 0,
                labelAlign="left" if slanted else "center",
                labelLimit=140 if slanted else column - 4,
            ),
        ),
        y=alt.Y(
            "spelling:N",
            title=None,
            sort=list(dict.fromkeys(counted["spelling"])),
            axis=axis(labelLimit=260),
        ),
        tooltip=[  # channel objects: a bare "field:type" here is typed by trial validation
            alt.Tooltip("name:N"),
            alt.Tooltip("variant:N", title="spelling"),
            alt.Tooltip("outlet:N"),
            alt.Tooltip("count:Q", title="times used"),
        ],
    )
    cells = base.mark_rect(stroke="white", strokeWidth=2).encode(
        color=alt.Color(
            "count:Q",
            scale=alt.Scale(range=["#D6EAF8", KIND_COLORS["name_variant"]]),
            legend=None,
        )
    )
    numbers = base.mark_text(fontSize=FONT).encode(
        text=alt.Text("count:Q"),
        # a channel object, not alt.condition(): see changes_chart; the spec is the same
        color=alt.ColorValue("#222", condition={"test": alt.datum.dark, "value": "white"}),
    )
    return Layers(layer=[cells, numbers]).properties(
        width=alt.Step(column),
        height=alt.Step(row_height),
        title=chart_title(title or NAMES_TITLE, NAMES_SUBTITLE),
    )


# ---- 5. labels ---------------------------------------------------------------------------

LOAD_COLORS = ("#F7F7F7", "#EBC9DE", KIND_COLORS["label"])  # plain, loaded, strongly loaded
LOAD_WORDS = "['plain', 'loaded', 'strongly loaded'][datum.value]"
LABELS_TITLE = "How each outlet describes each person"
LABELS_SUBTITLE = (
    "The words an outlet puts beside a name; darker where the lexicon marks them as loaded."
)


def labels_frame(labels: Labels | pd.DataFrame, *, min_outlets: int = 1) -> pd.DataFrame:
    """Each entity's descriptors per outlet, joined, with the strongest load among them.

    ``labels`` is what :func:`describe_labels` returns (or its frame). Keeps entities that
    at least ``min_outlets`` outlets describe. Columns: entity, outlet, descriptors, load, count.
    """
    if isinstance(labels, Records):
        labels = labels.to_frame()
    columns = ["entity", "outlet", "descriptors", "load", "count"]
    found = labels[labels["descriptor"].astype(str).str.strip() != ""] if len(labels) else labels
    if not len(found):
        return pd.DataFrame(columns=columns)
    rows = []
    for (entity, outlet), group in found.groupby(["entity", "outlet"], sort=True):
        seen = list(dict.fromkeys(group["descriptor"]))
        load = int(pd.to_numeric(group.get("load", 0), errors="coerce").fillna(0).max())
        rows.append((entity, outlet, "; ".join(seen), min(load, 2), len(group)))
    frame = pd.DataFrame(rows, columns=columns)
    outlets = frame.groupby("entity")["outlet"].nunique()
    return frame[frame["entity"].isin(outlets[outlets >= min_outlets].index)].reset_index(drop=True)


@unchecked_build
def labels_chart(
    frame: pd.DataFrame, *, column: int = 230, row_height: int = 24, title: str | None = None
) -> alt.LayerChart:
    """How each outlet describes each person: a table of descriptors, shaded by load.

    ``frame`` is :func:`labels_frame`'s. Shading follows the lexicon's load (plain,
    loaded, strongly loaded); hover a cell for every descriptor used.
    """
    outlets = sorted(frame["outlet"].unique())
    column = max(90, min(column, MAX_WIDTH // max(len(outlets), 1)))
    base = alt.Chart(script_safe_frame(frame)).encode(
        x=alt.X(
            "outlet:N",
            title=None,
            sort=outlets,
            axis=axis(orient="top", labelAngle=0, labelLimit=column - 4),
        ),
        y=alt.Y("entity:N", title=None, axis=axis(labelLimit=220)),
        tooltip=[
            alt.Tooltip("entity:N", title="person"),
            alt.Tooltip("outlet:N"),  # an object: see name_variants_chart
            alt.Tooltip("descriptors:N", title="described as"),
            alt.Tooltip("count:Q", title="times"),
        ],
    )
    cells = base.mark_rect(stroke="white", strokeWidth=2).encode(
        color=alt.Color(
            "load:O",
            scale=alt.Scale(domain=[0, 1, 2], range=list(LOAD_COLORS)),
            legend=legend(title="load", labelExpr=LOAD_WORDS),
        )
    )
    words = base.mark_text(fontSize=FONT, limit=column - 10).encode(text=alt.Text("descriptors:N"))
    return Layers(layer=[cells, words]).properties(
        width=alt.Step(column),
        height=alt.Step(row_height),
        title=chart_title(title or LABELS_TITLE, LABELS_SUBTITLE),
    )
