"""Model objects -> escaped HTML fragments, for notebooks (``_repr_html_``) and reports.

Markup lives in Jinja2 templates (``resources/templates``) rendered with
``autoescape=True``, so every piece of article text is escaped without anybody
remembering to. Fragments carry their own small stylesheet (``resources/view.css``,
classes prefixed ``cc-``, colours from JupyterLab's CSS variables), so they look the same
in JupyterLab (light or dark), in an exported notebook and in the HTML report. Output is
deterministic: no random ids, no timestamps.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from ..corpus.comparison import Comparison
from ..corpus.stories import Story
from ..model import Alignment, Article, Records, Unit, WordEdit
from ..names.groups import NameGroup
from ..reading.articles import as_article
from ..wording.quotes import Quote
from .colors import (
    COMPARISON_MEANING,
    COMPARISON_WORDS,
    RELATION_WORDS,
    STATUS_MEANING,
    STATUS_WORDS,
    words_for,
)
from .digest import first_words

__all__ = [
    "STYLE",
    "alignment_html",
    "article_html",
    "highlight",
    "status_badge",
    "legend_html",
    "comparison_html",
    "stories_html",
    "name_groups_html",
    "quote_html",
    "records_html",
    "edit_words",
    "render",
    "resource",
]

RESOURCES = Path(__file__).resolve().parent.parent / "resources"


@cache
def resource(name: str) -> str:
    """A text file of ``resources/`` (a stylesheet, a script), read once per process."""
    return (RESOURCES / name).read_text(encoding="utf-8")


@cache
def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(RESOURCES / "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.filters["words"] = words_for
    env.filters["first_words"] = first_words
    env.globals.update(
        STATUS_WORDS=STATUS_WORDS,
        STATUS_MEANING=STATUS_MEANING,
        COMPARISON_WORDS=COMPARISON_WORDS,
        COMPARISON_MEANING=COMPARISON_MEANING,
        RELATION_WORDS=RELATION_WORDS,
    )
    return env


def render(template: str, **context: object) -> Markup:
    """``resources/templates/<template>`` rendered with ``context``, escaped by default."""
    return Markup(_environment().get_template(template).render(**context))


STYLE: Markup = render("style.html.j2", css=resource("view.css"))
"""The views' stylesheet as a ``<style>`` element, put before each fragment."""


def status_badge(status: str) -> Markup:
    """A status as a coloured badge in the reader's words."""
    return render("badge.html.j2", status=status, word=STATUS_WORDS.get(status, status))


def legend_html() -> Markup:
    """The status colours, with what each status means."""
    return render("legend.html.j2", kind="status")


def edit_words(edit: WordEdit) -> str:
    """An edit as a reader says it.

    >>> edit_words(WordEdit("replace", ("has",), ("on", "Friday"), (0, 3), (0, 9)))
    '“has” became “on Friday”'
    >>> edit_words(WordEdit("insert", (), ("AFP",), (0, 0), (0, 3)))
    'added “AFP”'
    """
    if edit.tag == "replace":
        return f"“{edit.a_phrase}” became “{edit.b_phrase}”"
    if edit.tag == "insert":
        return f"added “{edit.b_phrase}”"
    if edit.tag == "delete":
        return f"dropped “{edit.a_phrase}”"
    return f"unchanged “{edit.a_phrase}”"


def _pieces(text: str, edits: tuple[WordEdit, ...], side: str) -> list[dict]:
    """``text`` cut at its edits: each piece's text, trailing space and edit (if changed)."""
    if not edits:
        return [{"text": text, "tail": "", "title": None}]
    pieces = []
    for edit in edits:
        start, end = edit.a_span if side == "a" else edit.b_span
        piece = text[start:end]
        changed = edit.tag != "equal" and (edit.a_words if side == "a" else edit.b_words)
        core = piece.rstrip() if changed else piece
        pieces.append(
            {
                "text": core,
                "tail": piece[len(core) :],
                "title": edit_words(edit) if changed else None,
            }
        )
    return pieces


def highlight(text: str, edits: tuple[WordEdit, ...], *, side: str) -> Markup:
    """``text`` with its edited words marked: ``<del>`` on side a, ``<ins>`` on side b."""
    return render(
        "highlight.html.j2", pieces=_pieces(text, edits, side), tag="del" if side == "a" else "ins"
    )


def _restatements(alignment: Alignment) -> list[dict]:
    """One row per restatement link: a line that says again what one across says."""
    return [
        {
            "a": link.a + 1,
            "b": link.b + 1,
            "a_text": alignment.a_sentences[link.a],
            "b_text": alignment.b_sentences[link.b],
            "method": link.method,
        }
        for link in alignment.restatements
    ]


def _numbers(indices: tuple[int, ...]) -> str:
    return ", ".join(str(k + 1) for k in indices)


def _side(alignment: Alignment, unit: Unit, side: str) -> dict:
    indices = unit.a if side == "a" else unit.b
    sentences = alignment.a_sentences if side == "a" else alignment.b_sentences
    joined = " ".join(sentences[k] for k in indices)
    return {
        "numbers": _numbers(indices),
        "pieces": _pieces(joined, unit.edits, side) if indices else None,
    }


def alignment_html(
    alignment: Alignment,
    *,
    caption: str | None = None,
    statuses: set[str] | None = None,
    show_legend: bool = True,
    units: set[int] | None = None,
) -> Markup:
    """Side by side: one row per unit, word edits highlighted, moves marked.

    ``statuses`` keeps only units with those statuses, ``units`` only those unit numbers
    (the explorer's filters).
    """
    rows = [
        {"unit": unit, "a": _side(alignment, unit, "a"), "b": _side(alignment, unit, "b")}
        for unit in alignment.units
        if (statuses is None or unit.status in statuses) and (units is None or unit.unit in units)
    ]
    counts = alignment.counts()
    summary = ", ".join(f"{v} {STATUS_WORDS.get(k, k)}" for k, v in counts.items() if v)
    if alignment.restatements:
        summary += f", {len(alignment.restatements)} restatement links"
    return STYLE + render(
        "alignment.html.j2",
        alignment=alignment,
        rows=rows,
        restatements=_restatements(alignment) if statuses is None and units is None else [],
        caption=caption,
        show_legend=show_legend,
        summary=summary,
    )


def article_html(article: Article) -> Markup:
    """An article as a reader would see it, with what was set aside listed below."""
    return STYLE + render(
        "article.html.j2", article=article, sentences=len(as_article(article).sentences)
    )


def comparison_html(
    comparison: Comparison,
    *,
    caption: str | None = None,
    statuses: set[str] | None = None,
    units: set[int] | None = None,
) -> Markup:
    """The N-way table: one row per content unit, one column per outlet.

    Words a version changed relative to the reference's sentence are marked ``<ins>``;
    cells out of order relative to the reference carry a "moved" tag. ``statuses``
    keeps only units with those statuses, ``units`` only those unit numbers.
    """
    rows = []
    for unit in comparison.units:
        if (statuses is not None and unit.status not in statuses) or (
            units is not None and unit.unit not in units
        ):
            continue
        cells = [
            None
            if cell is None
            else {
                "numbers": _numbers(cell.sentences),
                "pieces": _pieces(cell.text, cell.edits, "b"),
                "moved": cell.moved,
                "title": None if k == comparison.spine else RELATION_WORDS.get(cell.relation),
            }
            for k, cell in enumerate(unit.cells)
        ]
        rows.append({"unit": unit, "cells": cells})
    counts = ", ".join(f"{v} {COMPARISON_WORDS[k]}" for k, v in comparison.counts().items() if v)
    return STYLE + render(
        "comparison.html.j2",
        comparison=comparison,
        rows=rows,
        caption=caption,
        total=len(comparison.outlets),
        summary=f"{len(comparison.units)} sentences and their counterparts: {counts}",
    )


def stories_html(stories: list[Story] | tuple[Story, ...], *, caption: str | None = None) -> Markup:
    """A listing of stories: each story's versions, and the evidence that links them."""
    return STYLE + render("stories.html.j2", stories=stories, caption=caption)


def name_groups_html(
    groups: list[NameGroup] | tuple[NameGroup, ...], *, caption: str | None = None
) -> Markup:
    """Each group's spellings with their counts and outlets, and why they were merged."""
    rows = [{"group": g, "counts": g.counts(), "outlets": g.outlets()} for g in groups]
    return STYLE + render("name_groups.html.j2", rows=rows, caption=caption)


def quote_html(quote: Quote) -> Markup:
    """A quote with its speaker and where it stands."""
    return STYLE + render("quote.html.j2", quote=quote, where=_numbers(quote.sentences))


RECORDS_SHOWN = 200  # rows a notebook shows of a records container; to_frame() has all


def records_html(records: Records, *, caption: str | None = None) -> Markup:
    """A records container as a table: its columns, the first :data:`RECORDS_SHOWN` rows."""
    rows = [
        ["" if value is None else value for value in records.row(r)]
        for r in records[:RECORDS_SHOWN]
    ]
    return STYLE + render(
        "records.html.j2",
        name=type(records).__name__,
        columns=records.columns,
        rows=rows,
        total=len(records),
        caption=caption,
    )
