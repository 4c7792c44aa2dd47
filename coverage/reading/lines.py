"""Page text -> lines with their shapes, and plain text -> paragraph offsets.

A :class:`Line` is one non-blank line of a page with its offsets and the blank lines
before it; the shape tests here (prose, headline, lead) are shared by :mod:`pages` and
:mod:`story`. :func:`split_blocks` cuts any text into paragraphs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .. import vocabulary
from .furniture import BULLETS, TERMINAL, words_of

__all__ = [
    "Line",
    "page_lines",
    "is_prose",
    "is_headline",
    "is_lead",
    "caption_key",
    "looks_hard_wrapped",
    "lines_wrapped",
    "split_blocks",
    "unix_newlines",
    "LEAD_DATELINE",
    "dateline_alone",
    "SENTENCES_INSIDE",
]

# "WASHINGTON (AP) —", "Tehran (AFP) –", "BERLIN:", "SHANGHAI. —" (not "Lavrov: ...")
LEAD_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z'.\u2019-]+(?:[ ,]+[A-Z][A-Za-z'.\u2019-]*){0,3}\s*(?:\([^)]{1,30}\))?"
    r"|[A-Z][\w'.\u2019-]*(?:[ ,]+[A-Z][\w'.\u2019-]*){0,3}\s*\([^)]{1,30}\))"
    r"\s*\.?\s*[-\u2013\u2014:]"
)
# a dateline on a line of its own, the lead on the next ("GENEVA (Reuters) -",
# "Washington CNN \u2014"): the dateline opens the lead's paragraph
_AGENCY_AFTER_PLACE = re.compile(
    r"^[A-Z][\w'.\u2019-]*(?:[ ,]+[A-Z][\w'.\u2019-]*){0,3}\s+(?:"
    + "|".join(re.escape(a) for a in vocabulary.entries("agencies"))
    + r")\s*[-\u2013\u2014]$"
)


def dateline_alone(text: str) -> bool:
    """A dateline and nothing else: the lead it opens is on the next line.

    >>> dateline_alone("GENEVA (Reuters) -"), dateline_alone("Geneva CNN \u2014")
    (True, True)
    >>> dateline_alone("GENEVA (Reuters) - Talks resumed."), dateline_alone("Lavrov:")
    (False, False)
    """
    if len(text) > 60:
        return False
    match = LEAD_DATELINE.match(text)
    if match:
        return match.end() == len(text) and text[-1] != ":"
    return bool(_AGENCY_AFTER_PLACE.match(text))


_LEAD_WORDS = re.compile(
    r"\b(?:said|told|reported|announced)\b|\bon (?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b"
)
SENTENCES_INSIDE = re.compile(r"[a-z]{2}[.!?]\s")  # "... in Moscow. (AP)": not a headline


@dataclass(slots=True)
class Line:
    text: str  # stripped
    start: int  # offsets of the stripped text in the page
    end: int
    blank_before: int  # blank lines between this line and the previous non-blank one
    words: int = field(init=False)

    def __post_init__(self) -> None:
        # through furniture's cache: its rules ask the same count of the same text again
        self.words = words_of(self.text)


def page_lines(page: str) -> list[Line]:
    lines, position, blanks = [], 0, 0
    for raw in page.split("\n"):
        stripped = raw.strip()
        if stripped:
            # the first kept character's place: 0 unless the line is indented
            start = position if raw[0] == stripped[0] else position + raw.index(stripped[0])
            lines.append(Line(stripped, start, start + len(stripped), blanks))
            blanks = 0
        else:
            blanks += 1
        position += len(raw) + 1
    return lines


def is_prose(line: Line) -> bool:
    """A paragraph of running text, not a label, headline or button."""
    return (line.words >= 8 and line.text.endswith(TERMINAL)) or line.words >= 20


def is_headline(line: Line) -> bool:
    return (
        2 <= line.words <= 25
        and not line.text.endswith((".", ",", ";", ":"))
        and (line.text[0].isupper() or line.text[0].isdigit() or line.text[0] in "\"\u201c\u2018'")
    )


def is_lead(line: Line) -> bool:
    """A first line without final punctuation that is the lead, not a title."""
    return line.words >= 22 or bool(LEAD_DATELINE.match(line.text) or _LEAD_WORDS.search(line.text))


_KEY_STRIP = BULLETS + " "


def caption_key(text: str) -> str:
    return text.strip(_KEY_STRIP)


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
        and not before.endswith(TERMINAL)
        and (line[0].islower() or len(before) > 45)
    )
    return continuations >= 2 and continuations >= 0.3 * (len(lines) - 1)


def unix_newlines(text: str) -> str:
    """``text`` with ``\\r\\n`` and ``\\r`` line endings as ``\\n``.

    A one-character test first: most texts hold no ``\\r``, and looking for the
    two-character ``\\r\\n`` costs more than the test (7.5 against 0.04 us on a
    4,000-character page with curly quotes).

    >>> unix_newlines("a\\r\\nb\\rc\\n")
    'a\\nb\\nc\\n'
    """
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def lines_wrapped(lines: list[Line]) -> bool:
    """:func:`looks_hard_wrapped` of the lines' texts with an empty one for each gap of
    blank lines (a blank line is never a wrap), read from the lines as they are.

    Only two lines with no blank between them can make a continuation; the empty texts
    count in the total.
    """
    continuations = sum(
        1
        for before, line in zip(lines, lines[1:], strict=False)
        if not line.blank_before
        and not before.text.endswith(TERMINAL)
        and (line.text[0].islower() or len(before.text) > 45)
    )
    total = len(lines) + sum(1 for line in lines if line.blank_before)
    return continuations >= 2 and continuations >= 0.3 * (total - 1)


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
