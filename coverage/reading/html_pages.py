"""An HTML page -> one :class:`Article` (trafilatura's text), with what it left out recorded.

A saved web page is read by trafilatura, not by the page rules :mod:`pages` applies to
text; the extraction and the record of every visible line it dropped are one job, kept
apart from :mod:`files`, which finds the files and sends each to its reader.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import EmptyInput, safe_text
from ..model import Article, Skipped
from .lines import split_blocks

_HTML_MIN_WORDS = 5  # fewer words extracted from a whole HTML page: furniture, not a story


def _read_html(html: str, path: Path, language: str) -> list[Article]:
    import trafilatura

    document = trafilatura.bare_extraction(
        html, include_comments=False, include_tables=True, with_metadata=True, favor_precision=True
    )
    text = getattr(document, "text", None) if document is not None else None
    if text and len(text.split()) < _HTML_MIN_WORDS:  # a menu ("Home"), not an article
        raise EmptyInput(
            f"{path} is an HTML page in which only {text.strip()[:40]!r} was found, not an "
            "article; if that is the article, save its text as .txt instead"
        )
    if not text or not text.strip():
        raise EmptyInput(
            f"{path} is an HTML page in which no article text was found; "
            "save the article's text as .txt instead"
        )
    meta = {
        key: getattr(document, key, None)
        for key in ("title", "date", "sitename", "url", "description")
    }
    spans = split_blocks(text)
    skipped = []
    if spans and meta["title"] and text[slice(*spans[0])] == meta["title"]:
        skipped.append(_html_skipped(html, text[slice(*spans[0])], 0, "headline repeated"))
        spans = spans[1:]  # the headline repeated above the story; a later equal line stays
    article = Article(
        id=f"{path.stem}#1",
        outlet=meta["sitename"] or "",
        title=meta["title"] or "",
        paragraphs=tuple(text[s:e] for s, e in spans),
        dek=meta["description"] or "",
        date=(meta["date"] or None),
        url=meta["url"] or None,
        language=language,
        source=safe_text(str(path)),
        skipped=(*skipped, *_html_left_out(html, text)),
    )
    return [article]


def _html_skipped(html: str, text: str, cursor: int, reason: str) -> Skipped:
    start = html.find(text, cursor)
    if start < 0:  # written with entities or split by tags: its place is not known
        return Skipped(text=text, reason=f"{reason} (place in the page unknown)", start=0, end=0)
    return Skipped(text=text, reason=reason, start=start, end=start + len(text))


_BLOCKS = frozenset(
    "p div li td th tr h1 h2 h3 h4 h5 h6 br nav header footer section article aside "
    "figcaption caption blockquote pre dt dd title option button label".split()
)


def _page_lines(html: str) -> list[str]:
    """The visible text of a page, one line per block element (no script or style)."""
    import lxml.html

    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return []
    for element in tree.iter("script", "style", "noscript", "template"):
        element.text = ""
        for child in list(element):
            element.remove(child)
    for element in tree.iter():
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCKS:
            element.tail = "\n" + (element.tail or "")
    lines = (" ".join(line.split()) for line in tree.text_content().splitlines())
    return [line for line in lines if line]


def _html_left_out(html: str, kept: str) -> list[Skipped]:
    """The page's text lines that are not in the article: nothing vanishes unrecorded."""
    everything = _page_lines(html)
    kept_lines = {" ".join(part.split()) for part in re.split(r"\n| \| ", kept)}
    kept_lines |= {line.strip("| ") for line in kept_lines}
    # a line inside a kept paragraph is kept too; searched only while that stays cheap
    search = len(everything) * len(kept) < 50_000_000
    left, cursor = [], 0
    for line in everything:
        if line not in kept_lines and not (search and line in kept):
            left.append(_html_skipped(html, line, cursor, "not article text (HTML page)"))
            cursor = left[-1].end or cursor
    return left
