"""Model objects -> escaped HTML fragments, for notebooks (``_repr_html_``) and reports.

Every piece of article text goes through :func:`html.escape` before it meets markup.
Fragments carry their own small stylesheet (classes prefixed ``cc-``), so they look the
same in JupyterLab, in an exported notebook and in the HTML report. Output is
deterministic: no random ids, no timestamps.
"""

from __future__ import annotations

from html import escape

from ..corpus.comparison import Comparison
from ..corpus.stories import Story
from ..model import Alignment, Article, Unit, WordEdit
from ..names.groups import NameGroup
from ..reading.articles import as_article
from ..wording.quotes import Quote
from .colors import MOVED_COLOR, STATUS_COLORS

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
]

STYLE = (
    "<style>"
    ".cc-view{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;font-size:14px;"
    "line-height:1.45;color:#222;max-width:1100px}"
    ".cc-view table{border-collapse:collapse;width:100%;table-layout:fixed}"
    ".cc-view th{text-align:left;border-bottom:2px solid #444;padding:4px 6px}"
    # JupyterLab and nbconvert right-align table cells with a (0,2,1) selector; the doubled
    # class matches it, and coming later, wins: text reads left to right, numbers right
    ".cc-view.cc-view td,.cc-view.cc-view th{text-align:left}"
    ".cc-view.cc-view .cc-n{text-align:right}"
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


def _restatement_rows(alignment: Alignment) -> list[str]:
    """One row per restatement link: a line that says again what one across says."""
    rows = []
    for link in alignment.restatements:
        a_text, b_text = alignment.a_sentences[link.a], alignment.b_sentences[link.b]
        a_cell, b_cell = escape(a_text), escape(b_text)
        rows.append(
            f'<tr class="cc-restatement"><td class="cc-n">{link.a + 1}</td>'
            f'<td class="cc-a">{a_cell}</td>'
            f'<td class="cc-s">{status_badge("restates")}<br><span style="color:#777;'
            f'font-size:11px">{escape(link.method)}</span></td>'
            f'<td class="cc-n">{link.b + 1}</td><td class="cc-b">{b_cell}</td></tr>'
        )
    return rows


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
                f'<br><span class="cc-moved" title="out of order relative to the rest: sentence '
                f'{_numbers(unit.a)} of {a_name} is sentence {_numbers(unit.b)} of {b_name}">'
                f"moved {_numbers(unit.a)} &rarr; {_numbers(unit.b)}</span>"
            )
        rows.append(
            f'<tr class="cc-{unit.status}{" cc-is-moved" if unit.moved else ""}">'
            f'<td class="cc-n">{_numbers(unit.a)}</td>'
            f'<td class="cc-a">{_cell(alignment, unit, "a")}</td>'
            f'<td class="cc-s">{status_badge(unit.status)}{moved}</td>'
            f'<td class="cc-n">{_numbers(unit.b)}</td>'
            f'<td class="cc-b">{_cell(alignment, unit, "b")}</td></tr>'
        )
    if statuses is None:
        rows.extend(_restatement_rows(alignment))
    caption_html = f"<caption>{escape(caption)}</caption>" if caption else ""
    counts = ", ".join(f"{v} {k}" for k, v in alignment.counts().items() if v)
    if alignment.restatements:
        counts += f", {len(alignment.restatements)} restatement links"
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
        f'<div style="color:#666">{meta} · {len(as_article(article).sentences)} sentences, '
        f"{article.words} words</div>{dek}{paragraphs}{extra}</div>"
    )


# ---- stories and N-way comparisons ------------------------------------------------------

# how many versions carry a unit: quiet grey for what all share, so that differences stand out
COMPARISON_COLORS = {"shared_all": "#BBBBBB", "shared_some": "#56B4E9", "only_this": "#009E73"}
COMPARISON_MEANING = {
    "shared_all": "every version carries it",
    "shared_some": "some versions carry it",
    "only_this": "one version alone carries it",
}


def _comparison_badge(status: str, versions: int, total: int) -> str:
    color = COMPARISON_COLORS.get(status, "#dddddd")
    return (
        f'<span class="cc-badge" style="background:{color}" title="{escape(COMPARISON_MEANING.get(status, status))}">'
        f'{escape(status)}</span><br><span style="color:#777;font-size:11px">{versions}/{total}</span>'
    )


def comparison_html(
    comparison: Comparison, *, caption: str | None = None, statuses: set[str] | None = None
) -> str:
    """The N-way table: one row per content unit, one column per outlet.

    Words a version changed relative to the spine's sentence are marked ``<ins>``; cells
    out of order relative to the spine carry a "moved" tag. ``statuses`` keeps only
    units with those statuses.
    """
    total = len(comparison.outlets)
    spine_tag = ' <span style="font-weight:400;color:#777">(spine)</span>'
    heads = "".join(
        f"<th>{escape(label)}{spine_tag if k == comparison.spine else ''}</th>"
        for k, label in enumerate(comparison.outlets)
    )
    rows = []
    for unit in comparison.units:
        if statuses is not None and unit.status not in statuses:
            continue
        cells = []
        for k, cell in enumerate(unit.cells):
            if cell is None:
                cells.append('<td><span class="cc-empty">&mdash;</span></td>')
                continue
            text = highlight(cell.text, cell.edits, side="b") if cell.edits else escape(cell.text)
            numbers = f'<span style="color:#999;font-size:11px">{_numbers(cell.sentences)}</span> '
            moved = (
                '<br><span class="cc-moved" title="out of order relative to the spine">moved</span>'
                if cell.moved
                else ""
            )
            kind = "" if k == comparison.spine else f' title="{escape(cell.relation)}"'
            cells.append(f"<td{kind}>{numbers}{text}{moved}</td>")
        rows.append(
            f'<tr class="cc-{unit.status}"><td class="cc-n">{unit.unit + 1}</td>'
            f'<td class="cc-s">{_comparison_badge(unit.status, unit.versions, total)}</td>'
            f"{''.join(cells)}</tr>"
        )
    legend = "".join(
        f'<span><span class="cc-badge" style="background:{COMPARISON_COLORS[s]}">{escape(s)}</span> '
        f"{escape(m)}</span>"
        for s, m in COMPARISON_MEANING.items()
    )
    caption_html = f"<caption>{escape(caption)}</caption>" if caption else ""
    counts = ", ".join(f"{v} {k}" for k, v in comparison.counts().items() if v)
    return (
        f'{STYLE}<div class="cc-view"><div class="cc-legend">{legend}</div>'
        f"<table>{caption_html}<thead><tr><th class='cc-n'>#</th><th class='cc-s'>carried by</th>"
        f"{heads}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        f'<p style="color:#555;font-size:12px">{len(comparison.units)} units: {escape(counts)}</p></div>'
    )


def stories_html(stories: list[Story] | tuple[Story, ...], *, caption: str | None = None) -> str:
    """A listing of stories: each story's versions, and the evidence that links them."""
    rows = []
    for story in stories:
        versions = "".join(
            f"<li>{escape(a.outlet or 'unknown')} &middot; {escape(a.title or '(untitled)')} "
            f'<span style="color:#777;white-space:nowrap">{escape(a.id)}{" &middot; " + escape(a.date) if a.date else ""}</span></li>'
            for a in story.articles
        )
        links = "".join(
            f"<li>{escape(link.a)} &harr; {escape(link.b)}: {link.share:.0%} of sentences shared, "
            f"score {link.score:.2f}</li>"
            for link in story.links
        )
        rows.append(
            f'<tr><td class="cc-s">{escape(story.id)}</td><td><strong>{escape(story.title)}</strong>'
            f'<ul style="margin:2px 0">{versions}</ul>'
            + (f'<ul style="margin:2px 0;color:#555;font-size:12px">{links}</ul>' if links else "")
            + f'</td><td class="cc-n">{len(story.articles)}</td></tr>'
        )
    caption_html = f"<caption>{escape(caption)}</caption>" if caption else ""
    return (
        f'{STYLE}<div class="cc-view"><table>{caption_html}<thead><tr><th class="cc-s">story</th>'
        f"<th>versions and why they belong together</th><th class='cc-n'>n</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


# ---- name variants and quotes ----------------------------------------------------------


def name_groups_html(
    groups: list[NameGroup] | tuple[NameGroup, ...], *, caption: str | None = None
) -> str:
    """Each group's spellings with their counts and outlets, and why they were merged."""
    rows = []
    for group in groups:
        counts, outlets = group.counts(), group.outlets()
        spellings = "".join(
            f"<li><strong>{escape(v)}</strong> &times;{counts[v]} "
            f'<span style="color:#555">{escape(", ".join(outlets[v]))}</span></li>'
            for v in group.variants
        )
        evidence = "".join(f"<li>{escape(line)}</li>" for line in group.evidence)
        rows.append(
            f'<tr><td class="cc-s">{escape(group.name)}<br><span style="color:#777;font-size:11px">'
            f'{escape(group.kind)}</span></td><td><ul style="margin:2px 0">{spellings}</ul>'
            + (
                f'<ul style="margin:2px 0;color:#555;font-size:12px">{evidence}</ul>'
                if evidence
                else ""
            )
            + f'</td><td class="cc-n">{len(group.occurrences)}</td></tr>'
        )
    caption_html = f"<caption>{escape(caption)}</caption>" if caption else ""
    return (
        f'{STYLE}<div class="cc-view"><table>{caption_html}<thead><tr><th class="cc-s">name</th>'
        f"<th>spellings found (outlets), and the evidence</th><th class='cc-n'>n</th></tr></thead>"
        f"<tbody>{''.join(rows) or '<tr><td colspan=3>no variants found</td></tr>'}</tbody></table></div>"
    )


def quote_html(quote: Quote) -> str:
    """A quote with its speaker and where it stands."""
    speaker = escape(quote.speaker or "speaker not stated")
    if quote.speaker_as_written and quote.speaker_as_written != quote.speaker:
        speaker += f" (written &ldquo;{escape(quote.speaker_as_written)}&rdquo;)"
    where = ", ".join(str(k + 1) for k in quote.sentences)
    return (
        f'{STYLE}<div class="cc-view"><blockquote style="margin:4px 0;border-left:3px solid #999;'
        f'padding-left:8px">&ldquo;{escape(quote.text)}&rdquo;</blockquote>'
        f'<div style="color:#555">&mdash; {speaker} &middot; {escape(quote.outlet)} &middot; '
        f"{escape(quote.where)} sentence {escape(where)}</div></div>"
    )
