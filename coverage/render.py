"""Model objects -> escaped HTML fragments, for notebooks (``_repr_html_``) and reports.

Every piece of article text goes through :func:`html.escape` before it meets markup.
Fragments carry their own small stylesheet (classes prefixed ``cc-``), so they look the
same in JupyterLab, in an exported notebook and in the HTML report. Output is
deterministic: no random ids, no timestamps.
"""

from __future__ import annotations

from html import escape

from .colors import MOVED_COLOR, STATUS_COLORS
from .model import Alignment, Article, Unit, WordEdit

__all__ = ["STYLE", "alignment_html", "article_html", "highlight", "status_badge", "legend_html"]

STYLE = (
    "<style>"
    ".cc-view{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;font-size:14px;"
    "line-height:1.45;color:#222;max-width:1100px}"
    ".cc-view table{border-collapse:collapse;width:100%;table-layout:fixed}"
    ".cc-view th{text-align:left;border-bottom:2px solid #444;padding:4px 6px}"
    ".cc-view td{vertical-align:top;padding:5px 6px;border-bottom:1px solid #e4e4e4;"
    "overflow-wrap:anywhere;word-break:break-word}"
    ".cc-view .cc-n{width:2.6em;color:#777;font-size:12px;text-align:right}"
    ".cc-view .cc-s{width:8em}"
    ".cc-view del{background:#fbd3c4;text-decoration:line-through;text-decoration-color:#a33}"
    ".cc-view ins{background:#c9ecdf;text-decoration:underline;text-decoration-color:#176}"
    ".cc-view .cc-empty{color:#999;font-style:italic}"
    ".cc-view tr.cc-added td.cc-b,.cc-view tr.cc-dropped td.cc-a{background:#f4f4f4}"
    ".cc-badge{display:inline-block;padding:0 6px;border-radius:8px;font-size:11px;"
    "color:#111;white-space:nowrap}"
    ".cc-moved{display:inline-block;margin-top:2px;padding:0 5px;border-radius:8px;"
    "font-size:11px;color:#fff;background:" + MOVED_COLOR + "}"
    ".cc-legend span{margin-right:8px}"
    ".cc-view caption{caption-side:top;text-align:left;font-weight:600;padding:4px 0}"
    "@media print{.cc-view{max-width:none;font-size:11pt}.cc-view tr{break-inside:avoid}"
    ".cc-view del,.cc-view ins{-webkit-print-color-adjust:exact;print-color-adjust:exact}}"
    "</style>"
)


def status_badge(status: str) -> str:
    color = STATUS_COLORS.get(status, "#dddddd")
    return f'<span class="cc-badge" style="background:{color}">{escape(status)}</span>'


def legend_html() -> str:
    """The status colours, with what each status means."""
    meaning = {
        "same": "identical once typography is folded",
        "reworded": "the same sentence, worded differently",
        "merged": "several sentences of a became one of b",
        "split": "one sentence of a became several of b",
        "added": "only in b",
        "dropped": "only in a",
    }
    items = "".join(f"<span>{status_badge(s)} {escape(m)}</span>" for s, m in meaning.items())
    return (
        f'<div class="cc-legend">{items}<span><span class="cc-moved">moved</span> '
        "out of order relative to the rest</span></div>"
    )


def highlight(text: str, edits: tuple[WordEdit, ...], *, side: str) -> str:
    """``text`` with its edited words marked: ``<del>`` on side a, ``<ins>`` on side b."""
    if not edits:
        return escape(text)
    parts = []
    for edit in edits:
        start, end = edit.a_span if side == "a" else edit.b_span
        piece = text[start:end]
        changed = edit.tag != "equal" and (edit.a_words if side == "a" else edit.b_words)
        if not changed:
            parts.append(escape(piece))
            continue
        core = piece.rstrip()
        tag = "del" if side == "a" else "ins"
        title = f' title="{escape(str(edit), quote=True)}"'
        parts.append(f"<{tag}{title}>{escape(core)}</{tag}>{escape(piece[len(core) :])}")
    return "".join(parts)


def _cell(alignment: Alignment, unit: Unit, side: str) -> str:
    indices = unit.a if side == "a" else unit.b
    sentences = alignment.a_sentences if side == "a" else alignment.b_sentences
    if not indices:
        return '<span class="cc-empty">(not in this version)</span>'
    joined = " ".join(sentences[k] for k in indices)
    return highlight(joined, unit.edits, side=side) if unit.edits else escape(joined)


def _numbers(indices: tuple[int, ...]) -> str:
    return ", ".join(str(k + 1) for k in indices)


def alignment_html(
    alignment: Alignment,
    *,
    caption: str | None = None,
    statuses: set[str] | None = None,
    show_legend: bool = True,
) -> str:
    """Side by side: one row per unit, word edits highlighted, moves marked.

    ``statuses`` keeps only units with those statuses (the explorer's filter).
    """
    a_name, b_name = escape(alignment.a_name), escape(alignment.b_name)
    rows = []
    for unit in alignment.units:
        if statuses is not None and unit.status not in statuses:
            continue
        moved = ""
        if unit.moved:
            moved = (
                f'<br><span class="cc-moved" title="out of order relative to the rest">'
                f"moved: {a_name} {_numbers(unit.a)} &rarr; {b_name} {_numbers(unit.b)}</span>"
            )
        rows.append(
            f'<tr class="cc-{unit.status}{" cc-is-moved" if unit.moved else ""}">'
            f'<td class="cc-n">{_numbers(unit.a)}</td>'
            f'<td class="cc-a">{_cell(alignment, unit, "a")}</td>'
            f'<td class="cc-s">{status_badge(unit.status)}{moved}</td>'
            f'<td class="cc-n">{_numbers(unit.b)}</td>'
            f'<td class="cc-b">{_cell(alignment, unit, "b")}</td></tr>'
        )
    caption_html = f"<caption>{escape(caption)}</caption>" if caption else ""
    counts = ", ".join(f"{v} {k}" for k, v in alignment.counts().items() if v)
    return (
        f'{STYLE}<div class="cc-view">'
        + (legend_html() if show_legend else "")
        + f"<table>{caption_html}<thead><tr><th class='cc-n'>#</th><th>{a_name}</th>"
        f"<th class='cc-s'>status</th><th class='cc-n'>#</th><th>{b_name}</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
        f'<p style="color:#555;font-size:12px">{escape(counts)}</p></div>'
    )


def article_html(article: Article) -> str:
    """An article as a reader would see it, with what was set aside listed below."""
    meta = " · ".join(escape(x) for x in (article.outlet, article.date or "", article.id) if x)
    paragraphs = "".join(f"<p>{escape(p)}</p>" for p in article.paragraphs)
    dek = f"<p><em>{escape(article.dek)}</em></p>" if article.dek else ""
    captions = "".join(f"<li>{escape(c)}</li>" for c in article.captions)
    skipped = "".join(
        f"<li>{escape(s.reason)}: {escape(s.text[:120])}</li>" for s in article.skipped
    )
    extra = ""
    if captions:
        extra += f"<details><summary>captions ({len(article.captions)})</summary><ul>{captions}</ul></details>"
    if skipped:
        extra += f"<details><summary>set aside ({len(article.skipped)})</summary><ul>{skipped}</ul></details>"
    return (
        f'{STYLE}<div class="cc-view"><h3>{escape(article.title or "(untitled)")}</h3>'
        f'<div style="color:#666">{meta} · {len(article.sentences)} sentences, '
        f"{article.words} words</div>{dek}{paragraphs}{extra}</div>"
    )
