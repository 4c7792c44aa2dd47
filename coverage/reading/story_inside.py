"""A story's lines between its first and last sentence -> body, captions, subheads, lists.

:class:`~.story.Story` walks a story's head, inside and foot; the inside is the longest
walk and the one rule set that keeps a line unless the evidence is strong, so its steps
live here, as a class :class:`~.story.Story` inherits (they read and write the story's
``lines``, ``strong``, ``captioned``, ``body``, ``captions`` and ``skipped``).
"""

from __future__ import annotations

import re

from ..model import Skipped
from .furniture import (
    BULLETS,
    TERMINAL,
    bare_credit,
    is_sentence,
    is_subhead,
    is_teaser_link,
    is_timeline,
    weak_reason,
)
from .lines import SENTENCES_INSIDE, Line, is_prose
from .questions import is_question_heading

_SPEECH = re.compile(r"\b(?:said|says|told|added|according to)\b")
_NO_STOP_ENDS = (*TERMINAL, ",", ";", "\u2026")


class StoryInside:
    """The steps of :class:`~.story.Story` for the lines inside the story."""

    # -- the story: only strong evidence removes a line

    def _inside(self, first: int, last: int) -> None:
        lines = self.lines
        block_captions = self._caption_blocks(first, last)
        i = first
        while i <= last and i < len(lines):
            line = lines[i]
            if i in block_captions:
                i = self._take_caption(i, block_captions)
                continue
            i = self._inside_line(i, line, last)

    def _caption_blocks(self, first: int, last: int) -> set[int]:
        """Lines of captions inside the story: a line ending in a photo credit, plus (where
        paragraphs are separated by blank lines) the lines of its block before it."""
        lines = self.lines
        blank_separated = sum(x.blank_before >= 1 for x in lines[first + 1 : last + 1]) > 0.5 * max(
            last - first, 1
        )
        found: set[int] = set()
        for i in range(first, min(last, len(lines) - 1) + 1):
            if not self.captioned[i]:
                continue
            found.add(i)
            j = i
            while (
                blank_separated and j > first and lines[j].blank_before == 0 and j - 1 not in found
            ):
                j -= 1
                if self._furniture(j):
                    break
                found.add(j)
        return found

    def _take_caption(self, i: int, block: set[int]) -> int:
        j = i
        while j + 1 in block and not self.captioned[j]:
            j += 1
        start, end = self.lines[i].start, self.lines[j].end
        if self.captions and self._same_text(self.captions[-1], (start, end)):
            self.skipped.append(Skipped(self.page[start:end], "repeated caption", start, end))
        else:
            self.captions.append((start, end))
        return j + 1

    def _same_text(self, a: tuple[int, int], b: tuple[int, int]) -> bool:
        """Two spans of the page hold the same text (a caption printed twice)."""
        return a[1] - a[0] == b[1] - b[0] and self.page[a[0] : a[1]] == self.page[b[0] : b[1]]

    def _inside_line(self, i: int, line: Line, last: int) -> int:
        if self.pending_teaser[i] and not is_sentence(line.text):
            self.skip(line, "teaser headline")
        elif self.strong[i]:
            if self.strong[i] == "credit" and self._credit_after_caption(i):
                return i + 1
            self.skip(line, self.strong[i])
        elif i > 0 and line.text == self.lines[i - 1].text and line.words >= 3:
            self.skip(line, "repeated line")
        elif (
            line.words <= 8
            and i < last
            and bare_credit(line.text)
            and not is_sentence(self.lines[i + 1].text)
        ):
            return self._credit_over_caption(i, line)
        elif self.body and i < last and self._subhead(i, line):
            self.skip(line, "subhead")
        elif line.text[0] in BULLETS and line.words >= 3:
            return self._bullets(i, last)
        elif self._no_stop_caption(i, line):
            if self.body or self.lead_in or not self.title:
                self.captions.append((line.start, line.end))
            else:  # right under the title, as a shorter one: the dek (see _find_dek)
                self.lead_in.append(line)
        else:
            self._keep(line)
        return i + 1

    def _keep(self, line: Line) -> None:
        """A line of the story's text; one that looks like furniture is kept, and noted."""
        doubt = weak_reason(line.text)
        if doubt:
            self.unsure.append(Skipped(line.text, f"kept: {doubt}?", line.start, line.end))
        self.body.append(line)

    def _subhead(self, i: int, line: Line) -> bool:
        return is_subhead(line.text) or (line.text[-1] == "?" and self._question_subhead(i, line))

    def _question_subhead(self, i: int, line: Line) -> bool:
        """A short question alone on its line with a paragraph of prose after it ("What
        happens next?"): a heading between paragraphs, put as a question."""
        return is_question_heading(line.text) and is_prose(self.lines[i + 1])

    def _credit_over_caption(self, i: int, line: Line) -> int:
        """A picture's credit alone on its line ("Getty Images") and, under it, the caption
        with no final stop (the BBC's pages): the credit goes, the caption is a caption."""
        self.skip(line, "picture credit")
        caption = self.lines[i + 1]
        if self.strong[i + 1] is not None or caption.words < 3:
            return i + 1
        self.captions.append((caption.start, caption.end))
        return i + 2

    def _credit_after_caption(self, i: int) -> bool:
        """A credit line right after a caption joins it."""
        if not self.captions or i == 0:
            return False
        start, end = self.captions[-1]
        if end != self.lines[i - 1].end:
            return False
        self.captions[-1] = (start, self.lines[i].end)
        return True

    def _no_stop_caption(self, i: int, line: Line) -> bool:
        """A long line with no final punctuation between paragraphs: a caption."""
        return (  # cheap tests first: most lines inside a story end like a sentence
            not self.wrapped
            and line.words >= 10
            and not line.text.endswith(_NO_STOP_ENDS)
            and not SENTENCES_INSIDE.search(line.text)
            and not _SPEECH.search(line.text)
            and not is_timeline(line.text)
            and i + 1 < len(self.lines)
            and not self.lines[i + 1].text[0].islower()
        )

    def _bullets(self, i: int, last: int) -> int:
        """A list: links to other coverage go; a list of points inside the story stays."""
        j = i
        while j + 1 <= last and self.lines[j + 1].text[0] in BULLETS:
            j += 1
        items = self.lines[i : j + 1]
        links = all(not is_sentence(x.text) for x in items) and any(
            is_teaser_link(x.text) for x in items
        )
        for line in items:
            if links:
                self.skip(line, "related links")
            else:
                self.body.append(line)
        return j + 1
