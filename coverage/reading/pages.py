"""Page text -> articles: split a page into its stories and peel off the page chrome.

Text copied from news sites carries furniture around the story: a headline printed twice,
photo captions (often doubled), markers like "TT", navigation and sharing links,
"RELATED:" teasers, comment widgets. The rules here are general, by repetition, line
shape and position, plus an editable list of chrome phrases (``data/chrome_phrases.txt``);
there are no per-file special cases. Everything removed is kept as a
:class:`~comparative_coverage.model.Skipped` record, so nothing is lost silently.

Limits (documented, tested): a standfirst is recognised only when the story repeats it
later (as wire rewrites do); a caption in the middle of the body is recognised by its
photo credit ("Photo: AFP", "(AP Photo/...)"); several stories in one file are told
apart by a doubled headline, or by two blank lines before a headline.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources

from rapidfuzz import fuzz

from ..model import Article, Skipped

__all__ = ["parse_page", "split_blocks", "looks_hard_wrapped", "chrome_phrases", "find_date"]

_BULLETS = "\u2022\u00b7\u25aa\u2023\u25e6\u2043*\u2013\u2014-"
_TERMINAL = (".", "!", "?", '"', "\u201d", "\u2019", "'", ")", ":")


@lru_cache(maxsize=1)
def chrome_phrases() -> frozenset[str]:
    """The editable list of whole-line chrome phrases, folded for matching."""
    text = (
        resources.files("comparative_coverage")
        .joinpath("resources/chrome_phrases.txt")
        .read_text("utf-8")
    )
    return frozenset(
        _fold_line(line) for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


def _fold_line(line: str) -> str:
    return " ".join(line.strip().strip(_BULLETS).split()).casefold()


@dataclass
class _Line:
    text: str  # stripped
    start: int  # offsets of the stripped text in the page
    end: int
    blank_before: int  # blank lines between this line and the previous non-blank one

    @property
    def words(self) -> int:
        return len(self.text.split())


def _lines(page: str) -> list[_Line]:
    lines, position, blanks = [], 0, 0
    for raw in page.split("\n"):
        stripped = raw.strip()
        if stripped:
            start = position + (len(raw) - len(raw.lstrip()))
            lines.append(_Line(stripped, start, start + len(stripped), blanks))
            blanks = 0
        else:
            blanks += 1
        position += len(raw) + 1
    return lines


# ---- line shapes ---------------------------------------------------------------------

_MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
_MONTH_RE = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATE_PATTERNS = (
    # spaces bounded: a long run after a month must not make the search quadratic
    re.compile(
        rf"\b(?P<d>\d{{1,2}})\s{{1,4}}(?P<m>{_MONTH_RE})\s{{0,4}},?\s{{1,4}}(?P<y>(?:19|20)\d\d)\b"
    ),
    re.compile(rf"\b(?P<m>{_MONTH_RE})\s{{1,4}}(?P<d>\d{{1,2}}),?\s{{1,4}}(?P<y>(?:19|20)\d\d)\b"),
    re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<mn>\d\d)-(?P<d>\d\d)\b"),
)
_DATELINE = re.compile(
    r"^(?:published|updated|posted|last updated|first published|date)?\s*(?:on|:)?\s*"
    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s*)?",
    re.IGNORECASE,
)
_CREDIT = re.compile(
    r"(?:\((?:AP|AFP|Reuters|EPA|Getty Images|Xinhua|dpa|SPA|WAM|Anadolu|Sputnik|TASS)\)"
    r"|\((?:AP|AFP|Reuters|EPA)\s+Photo\b.*"
    r"|\(Photo(?:graph)?\s+(?:by|:|credit)[^)]*\)"
    r"|\b(?:Photo|Photograph|Picture|Image)s?\s*(?:credit)?\s*:\s*[^.]{1,80}"
    r"|\|\s*(?:Photo|Image)\b.*)\s*$",
    re.IGNORECASE,
)
_EXPLICIT_PHOTO = re.compile(r"\bphoto|\bimage\b|\bpicture\b", re.IGNORECASE)
_TEASER = re.compile(
    r"^(?:RELATED|READ MORE|READ ALSO|ALSO READ|SEE ALSO|MORE)\s*:\s*(?P<rest>.*)$", re.IGNORECASE
)
_GLUED_TAGS = re.compile(r"^(?:[A-Z][a-z]+){2,}$")
_BREADCRUMB = re.compile(r"\s(?:>|\u00bb|\u203a|/|\|)\s")


def find_date(text: str) -> str | None:
    """The first calendar date written in ``text``, as ISO ``YYYY-MM-DD``.

    >>> find_date("Published 22 August 2023"), find_date("Jan. 9, 2025"), find_date("no date")
    ('2023-08-22', '2025-01-09', None)
    """
    for pattern in _DATE_PATTERNS:
        match = pattern.search(text)
        if not match:
            continue
        parts = match.groupdict()
        if parts.get("mn"):
            month = int(parts["mn"])
        else:
            prefix = parts["m"].rstrip(".").lower()[:3]
            month = next(i for i, name in enumerate(_MONTHS, 1) if name.startswith(prefix))
        try:
            return date(int(parts["y"]), month, int(parts["d"])).isoformat()
        except ValueError:
            continue
    return None


def _is_prose(line: _Line) -> bool:
    """A paragraph of running text, not a label, headline or button."""
    return (line.words >= 8 and line.text.endswith(_TERMINAL)) or line.words >= 20


def _is_headline(line: _Line) -> bool:
    return (
        2 <= line.words <= 25
        and not line.text.endswith((".", ",", ";"))
        and (line.text[0].isupper() or line.text[0].isdigit() or line.text[0] in "\"\u201c\u2018'")
    )


def _chrome_reason(line: _Line) -> str | None:
    """Why a line is page furniture, judged by itself alone (None: it may be content)."""
    text = line.text
    folded = _fold_line(text)
    if folded in chrome_phrases():
        return "chrome phrase"
    if re.fullmatch(r"[A-Z]{1,3}", text):
        return "marker"
    if re.fullmatch(r"[\d.,]+", text):
        return "widget count"
    if text[0] in _BULLETS and line.words <= 4 and not text.endswith("."):
        return "navigation"
    if _GLUED_TAGS.match(text):
        return "section tags"
    if line.words <= 8 and _BREADCRUMB.search(text) and not text.endswith("."):
        return "breadcrumb"
    if line.words <= 8 and find_date(text) and _DATELINE.match(text) and not _is_prose(line):
        return "dateline"
    return None


def _is_caption(line: _Line) -> bool:
    """A line ending in a photo credit; "... the ministry said. (AFP)" is not one."""
    credit = _CREDIT.search(line.text)
    if not credit:
        return False
    if _EXPLICIT_PHOTO.search(credit.group()):
        return True
    return line.words <= 25 and not re.search(r"\b(?:said|says|told|added)\b", line.text)


def _caption_key(text: str) -> str:
    """What is left of a caption line once bullets and a photo credit are cut off."""
    return _CREDIT.sub("", text.strip(_BULLETS + " ")).strip().casefold()


def looks_hard_wrapped(lines: list[str]) -> bool:
    """True when line breaks fall mid-sentence, as in text wrapped at a fixed width.

    >>> looks_hard_wrapped(["This was wrapped at a", "fixed width, mid-sentence", "and again here."])
    True
    >>> looks_hard_wrapped(["Headline", "One paragraph.", "Another paragraph."])
    False
    """
    continuations = sum(
        1
        for before, line in zip(lines, lines[1:], strict=False)
        if before
        and line
        and not before.endswith(_TERMINAL)
        and (line[0].islower() or len(before) > 45)
    )
    return continuations >= 2 and continuations >= 0.3 * (len(lines) - 1)


_BLANK_LINES = re.compile(r"\n[ \t\r\f\v]*\n\s*")


def split_blocks(text: str) -> list[tuple[int, int]]:
    """Offsets of the paragraphs of a plain text: blank lines always separate them.

    Single line breaks separate paragraphs too, unless the text looks hard-wrapped
    (see :func:`looks_hard_wrapped`), in which case they are just spaces.

    >>> text = "Title\\nFirst line. Second.\\n\\nThird."
    >>> [text[s:e] for s, e in split_blocks(text)]
    ['Title', 'First line. Second.', 'Third.']
    """
    blocks: list[tuple[int, int]] = []
    position = 0
    for match in _BLANK_LINES.finditer(text):
        blocks.append((position, match.start()))
        position = match.end()
    blocks.append((position, len(text)))
    wrapped = looks_hard_wrapped([line.strip() for line in text.splitlines() if line.strip()])
    spans: list[tuple[int, int]] = []
    for start, end in blocks:
        if wrapped:
            pieces = [(start, end)]
        else:
            pieces, line_start = [], start
            for line in text[start:end].split("\n"):
                pieces.append((line_start, line_start + len(line)))
                line_start += len(line) + 1
        for s, e in pieces:
            chunk = text[s:e]
            if chunk.strip():
                s += len(chunk) - len(chunk.lstrip())
                spans.append((s, s + len(chunk.strip())))
    return spans


# ---- splitting a page into stories ------------------------------------------------------


def _story_starts(lines: list[_Line]) -> list[int]:
    """Indices of lines that open a story: a doubled headline, or a headline after a gap."""
    starts = [0]
    seen_prose = False
    for i, line in enumerate(lines):
        if i and seen_prose and line.blank_before >= 2 and _is_headline(line):
            window = [other.text for other in lines[i + 1 : i + 16]]
            doubled = line.text in window
            followed_by_prose = sum(_is_prose(other) for other in lines[i + 1 : i + 6]) >= 2
            if doubled or followed_by_prose:
                starts.append(i)
                seen_prose = False
        seen_prose = seen_prose or _is_prose(line)
    return starts


def parse_page(
    page: str, *, name: str = "article", source: str | None = None, language: str = "en"
) -> list[Article]:
    """Split page text into articles, each with its title, dek, body and captions.

    ``page`` should have ``\\n`` line endings. Article ids are ``name#1``, ``name#2``...
    Paragraph offsets (``source_spans``) point into ``page``.
    """
    lines = _lines(page)
    if not lines:
        return []
    starts = _story_starts(lines) + [len(lines)]
    articles = []
    for number, (begin, end) in enumerate(zip(starts, starts[1:], strict=False), 1):
        article = _parse_story(
            page, lines[begin:end], name=f"{name}#{number}", source=source, language=language
        )
        if article is not None:
            articles.append(article)
    return articles


def _paragraphs(page: str, body: list[_Line]) -> list[tuple[int, int]]:
    """Each line is a paragraph, unless the text is hard-wrapped: then blocks are."""
    wrapped = looks_hard_wrapped([line.text for line in body])
    spans: list[tuple[int, int]] = []
    for line in body:
        if wrapped and spans and line.blank_before == 0:
            spans[-1] = (spans[-1][0], line.end)
        else:
            spans.append((line.start, line.end))
    return spans


def _parse_story(
    page: str, lines: list[_Line], *, name: str, source: str | None, language: str
) -> Article | None:
    skipped: list[Skipped] = []
    kept: list[_Line] = []

    def skip(line: _Line, reason: str) -> None:
        skipped.append(Skipped(line.text, reason, line.start, line.end))

    # 1. drop furniture that can be judged line by line; note teasers and their headlines
    pending_teaser = False
    story_date = None
    for line in lines:
        if pending_teaser:
            pending_teaser = False
            if _is_headline(line) and not _is_prose(line):
                skip(line, "teaser headline")
                continue
        teaser = _TEASER.match(line.text)
        if teaser and not _is_prose(line):
            skip(line, "teaser")
            pending_teaser = not teaser.group("rest")
            continue
        reason = _chrome_reason(line)
        if reason == "dateline":
            story_date = story_date or find_date(line.text)
        if reason:
            skip(line, reason)
            continue
        kept.append(line)
    if not kept:
        return None

    # 2. the head: everything before the first paragraph of prose; lines printed twice
    #    (headlines, captions) and lines with a photo credit are never that paragraph
    counts = Counter(_caption_key(line.text) for line in kept)
    first_prose = next(
        (
            i
            for i, line in enumerate(kept)
            if _is_prose(line) and counts[_caption_key(line.text)] == 1 and not _is_caption(line)
        ),
        len(kept),
    )
    if first_prose == len(kept):  # no running text at all: a short story, not a page
        first_prose = 1 if len(kept) > 1 and _is_headline(kept[0]) else 0
    head, body = kept[:first_prose], kept[first_prose:]
    title, captions = "", []
    caption_keys: set[str] = set()
    for line in head:
        if not title and _is_headline(line) and not _is_caption(line):
            title = line.text
        elif line.text == title:
            skip(line, "repeated headline")
        elif (key := _caption_key(line.text)) in caption_keys:
            skip(line, "repeated caption")
            known = next(i for i, c in enumerate(captions) if _caption_key(c) == key)
            if len(line.text) > len(captions[known]):  # the copy that has the credit
                captions[known] = line.text.lstrip(_BULLETS + " ")
        elif _is_caption(line) or counts[key] > 1:
            captions.append(line.text.lstrip(_BULLETS + " "))
            caption_keys.add(key)
            skip(line, "caption")
        else:
            skip(line, "page header")

    # 3. captions inside the body: a line ending in a photo credit (and, where paragraphs
    #    are separated by blank lines, the lines of its block before it)
    blank_separated = sum(line.blank_before >= 1 for line in body[1:]) > 0.5 * max(len(body) - 1, 1)
    caption_lines: set[int] = set()
    for i, line in enumerate(body):
        if not _is_caption(line):
            continue
        caption_lines.add(i)
        j = i
        while (
            blank_separated and j > 0 and body[j].blank_before == 0 and j - 1 not in caption_lines
        ):
            j -= 1
            caption_lines.add(j)
    block_start = None
    for i in sorted(caption_lines):
        skip(body[i], "caption")
        if i - 1 not in caption_lines:
            block_start = body[i].start
        if i + 1 not in caption_lines:
            captions.append(page[block_start : body[i].end])
    body = [line for i, line in enumerate(body) if i not in caption_lines]

    # 4. the footer: short lines after the last paragraph of prose
    last_prose = max((i for i, line in enumerate(body) if _is_prose(line)), default=len(body) - 1)
    for line in body[last_prose + 1 :]:
        if line.words <= 6:
            skip(line, "page footer")
    body = body[: last_prose + 1] + [line for line in body[last_prose + 1 :] if line.words > 6]

    # 5. the dek: a first paragraph that the story repeats further down
    dek = ""
    if len(body) >= 3 and any(
        fuzz.token_set_ratio(body[0].text, later.text) >= 85 for later in body[1:]
    ):
        dek = body[0].text
        skipped.append(Skipped(dek, "dek", body[0].start, body[0].end))
        body = body[1:]

    if not body and not title:
        return None
    paragraphs = _paragraphs(page, body)
    skipped.sort(key=lambda s: s.start)
    return Article(
        id=name,
        outlet="",
        title=title,
        paragraphs=tuple(page[start:end] for start, end in paragraphs),
        dek=dek,
        captions=tuple(captions),
        date=story_date,
        language=language,
        source=source,
        source_spans=tuple(paragraphs),
        skipped=tuple(skipped),
    )
