"""One story's lines -> its title, kicker, dek, captions, body and skipped lines.

The lines are judged once by their shape (:mod:`furniture`), then by their place: the
*head* before the first paragraph of prose (title, kicker, dek, captions), the *story*
between the first and the last sentence, and the *foot* after it. Inside the story only
strong evidence removes a line, so short closing sentences, lists, timelines, score lines
and a figure alone on a line stay; a line kept although a rule doubted it goes to
``unsure``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..model import Article, Skipped
from .dates import find_date, is_masthead_date
from .furniture import (
    TERMINAL,
    bare_credit,
    caption_prefix,
    fold,
    has_photo_credit,
    is_sentence,
    line_reason,
    promotion_lines,
    weak_reason,
)
from .head_checks import _about_another_story, _reads_as_prose, _restated, _says_little_of
from .lines import (
    LEAD_DATELINE,
    SENTENCES_INSIDE,
    Line,
    caption_key,
    dateline_alone,
    is_headline,
    is_lead,
    is_prose,
    lines_wrapped,
)
from .questions import question_label
from .story_inside import StoryInside

__all__ = ["Story"]

_ELLIPSIS = ("...", "\u2026")
_INNER_END = re.compile(
    r"(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bNo)(?<!\bRep)(?<!\bSen)(?<!\bGen)(?<!\bGov)"
    r"(?<!\bMrs)(?<!\bCol)(?<!\bSgt)(?<!\bLt)(?<!\bJr)(?<![\s.][A-Z])"
    r"[.!?][\"'\u201d\u2019)]*\s+(?=[\"'\u201c\u2018]?[A-Z])"
)


@dataclass
class Story(StoryInside):
    """The lines of one story and where each goes: head, story or foot, then its place."""

    page: str
    lines: list[Line]
    last: bool  # the story ends the page (where a capture may be cut off)
    title: str = ""
    title_line: Line | None = None
    dek: Line | None = None
    body: list[Line] = field(default_factory=list)
    captions: list[tuple[int, int]] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    unsure: list[Skipped] = field(default_factory=list)
    date: str | None = None
    elsewhere: set[int] = field(default_factory=set)  # head lines: another story's headline
    first_prose: int = 0  # the index of the story's first line of running text (read sets it)

    @property
    def first(self) -> int:
        return self.lines[0].start if self.lines else 0

    def skip(self, line: Line, reason: str) -> None:
        self.skipped.append(Skipped(line.text, reason, line.start, line.end))

    def loose(self) -> list[Skipped]:
        """Title, dek, captions and body of a story that is not kept, as skipped records."""
        found = [Skipped(x.text, "page header", x.start, x.end) for x in self.body]
        found += [Skipped(self.page[s:e], "caption", s, e) for s, e in self.captions]
        for line in (self.title_line, self.dek):
            if line is not None:
                found.append(Skipped(line.text, "page header", line.start, line.end))
        return found

    # -- the steps

    def read(self) -> None:
        lines = self.lines
        # a blank line is never a wrap: only lines that follow each other directly count
        self.wrapped = lines_wrapped(lines)
        base = lines[0].start if lines else 0
        text = self.page[base : lines[-1].end] if lines else ""
        # the story's text folded once, for the promotion search and the dek's word sets
        self.base, self.text_folded = base, fold(text)
        # folding kept every character's place ("\u00df" -> "ss" does not): see folded
        self.same_places = len(self.text_folded) == len(text)
        promotions = promotion_lines(
            text, [(line.start - base, line.end - base) for line in lines], folded=self.text_folded
        )
        self.strong = [
            line_reason(line.text, inside=True, promotions=words)
            for line, words in zip(lines, promotions, strict=True)
        ]
        self._teaser_runs()
        self.captioned = [
            reason is None and (has_photo_credit(x.text) or caption_prefix(x.text))
            for x, reason in zip(lines, self.strong, strict=True)
        ]
        self.keys = [caption_key(line.text) for line in lines]  # each line's, computed once
        self.counts = Counter(self.keys)
        first = self.first_prose = self._first_prose()
        last = self._last_sentence(first)
        self._head(lines[:first], first)
        self._inside(first, last)
        self._foot(last)
        self._find_dek()
        self._label_before_lead()
        self.skipped.sort(key=lambda s: s.start)

    def _teaser_runs(self) -> None:
        """Two or more lines in a row cut off with "...": teasers of other stories."""
        ends = [line.text.endswith(_ELLIPSIS) and line.words >= 4 for line in self.lines]
        if ends.count(True) >= 2:  # a run needs two (most stories have none)
            for i in range(len(self.lines)):
                near = (i and ends[i - 1]) or (i + 1 < len(ends) and ends[i + 1])
                if ends[i] and near and self.strong[i] is None:
                    self.strong[i] = "teaser (other stories)"
        self.pending_teaser = [False] * len(self.lines)
        if "teaser" not in self.strong[:-1]:
            return
        for i, reason in enumerate(self.strong[:-1]):
            if reason == "teaser" and not self.lines[i].text.rstrip(":").count(" ") > 3:
                self.pending_teaser[i + 1] = True

    def _furniture(self, i: int) -> bool:
        return self.strong[i] is not None or self.captioned[i] or self.pending_teaser[i]

    def _first_prose(self) -> int:
        for i, line in enumerate(self.lines):
            repeated = self.counts[self.keys[i]] > 1
            if is_prose(line) and not repeated and not self._furniture(i):
                return i
        # no running text: a short story, not a page
        kept = [i for i in range(len(self.lines)) if not self._furniture(i)]
        if len(kept) > 1 and is_headline(self.lines[kept[0]]):
            return kept[1]
        return kept[0] if kept else len(self.lines)

    def _last_sentence(self, first: int) -> int:
        last = first
        for i in range(first, len(self.lines)):
            line = self.lines[i]
            if self._furniture(i):
                continue
            if is_sentence(line.text) or self.wrapped:
                last = i
        return last

    # -- the head: title, kicker, dek candidates, captions

    def _head(self, head: list[Line], first: int) -> None:
        candidates = [
            i
            for i, line in enumerate(head)
            if not self._furniture(i)
            and is_headline(line)
            and not is_lead(line)
            and weak_reason(line.text) is None
            and not SENTENCES_INSIDE.search(line.text)
            and not is_sentence(line.text)
            and not dateline_alone(line.text)
        ]
        title = self._choose_title(head, candidates)
        while title is not None and self._caption_statement(head[title], first):
            self.captioned[title] = True
            candidates = [i for i in candidates if i != title]
            title = self._choose_title(head, candidates)
        texts = Counter(head[i].text for i in candidates)  # printed twice: the page's own
        while title is not None and texts[head[title].text] == 1 and first < len(self.lines):
            start, end = self.lines[first].start, self.lines[-1].end
            body = (  # cut from the story's folded text, as folded() cuts a line
                self.text_folded[start - self.base : end - self.base]
                if self.same_places
                else fold(self.page[start:end])
            )
            if not _about_another_story(head[title].text, body):
                break
            self.elsewhere.add(title)
            candidates = [i for i in candidates if i != title]
            title = self._choose_title(head, candidates)
        if title is not None:
            self.title, self.title_line = head[title].text, head[title]
            self._captions_under_credits(head, title)
        self.lead_in: list[Line] = []
        seen_captions: dict[str, int] = {}
        for i, line in enumerate(head):
            if i != title:
                self._head_line(i, line, title, seen_captions)

    def _captions_under_credits(self, head: list[Line], title: int) -> None:
        """A picture's credit printed alone ("Getty Images") over its caption, which has no
        final stop (the BBC's pages): below the headline, the line under such a credit is
        the caption, not a dek."""
        for i in range(title + 2, len(head)):
            line = head[i]
            if (
                self.strong[i] is None
                and line.words >= 3
                and not is_sentence(line.text)
                and bare_credit(head[i - 1].text)
            ):
                self.captioned[i] = True

    def _caption_statement(self, line: Line, first: int) -> bool:
        """A photo caption without its final stop or credit looks like a headline; one
        written as a sentence ("The headscarf has been compulsory in Iran since ...") that
        says little of the lead is a caption (a headline names what the lead tells)."""
        if not _reads_as_prose(line.text):
            return False
        return _says_little_of(line.text, " ".join(x.text for x in self.lines[first : first + 2]))

    def _choose_title(self, head: list[Line], candidates: list[int]) -> int | None:
        if not candidates:
            return None
        texts = Counter(head[i].text for i in candidates)
        doubled = [i for i in candidates if texts[head[i].text] > 1]
        if doubled:
            return doubled[0]
        chosen = candidates[-1]
        if len(candidates) > 1 and head[chosen].words >= 16:
            chosen = candidates[-2]
        # a byline block between headline and lead ("Jane Doe", "BBC News, Geneva",
        # "Geneva correspondent") says little of the lead; the headline names what it tells
        lead = " ".join(x.text for x in self.lines[self.first_prose : self.first_prose + 2])
        if lead and _says_little_of(head[chosen].text, lead):
            telling = [
                i for i in candidates if i < chosen and not _says_little_of(head[i].text, lead)
            ]
            if telling:
                return telling[-1]
        return chosen

    def _head_line(self, i: int, line: Line, title: int | None, seen: dict[str, int]) -> None:
        if self.pending_teaser[i]:
            return self.skip(line, "teaser headline")
        if i == self.first_prose - 1 and dateline_alone(line.text) and not self._furniture(i):
            self.body.append(line)  # "GENEVA (Reuters) -" above the lead: it opens the lead
            return None
        above_title = title is not None and i < title
        if self.strong[i] == "dateline" and above_title and is_masthead_date(line.text):
            return self.skip(line, "masthead date")  # today's date above the headline
        if self.strong[i]:
            return self.skip(line, self.strong[i])
        if line.text == self.title:
            return self.skip(line, "repeated headline")
        if i in self.elsewhere:
            return self.skip(line, "headline of another story")
        key = self.keys[i]
        if self.captioned[i] or (line.words >= 3 and self._doubled(i, key)):
            return self._head_caption(line, key, seen)
        return self._head_text(i, line, title)

    def _head_text(self, i: int, line: Line, title: int | None) -> None:
        """A line of the head that is not furniture or a caption: a dek or lead, or not."""
        after_title = title is not None and i > title
        if after_title and (is_sentence(line.text) or line.words >= 8):
            self.lead_in.append(line)  # a dek or a short lead: decided later
            return None
        if title is None and (is_sentence(line.text) or is_lead(line)):
            self.lead_in.append(line)
            return None
        if after_title and bare_credit(line.text):
            return self.skip(line, "picture credit")  # "Getty Images" over a caption
        where = "kicker or site name above the title" if title is not None and i < title else None
        self.skip(line, weak_reason(line.text) or where or "page header")
        return None

    def _doubled(self, i: int, key: str) -> bool:
        """Printed twice close together (a doubled caption), not a refrain far apart."""
        if self.counts[key] < 2:
            return False
        near = self.keys[max(0, i - 2) : i] + self.keys[i + 1 : i + 3]
        return key in near

    def _head_caption(self, line: Line, key: str, seen: dict[str, int]) -> None:
        """Doubled captions: the longest copy (the one with the credit) is the caption."""
        if key in seen or any(key in k or k in key for k in seen):
            self.skip(line, "repeated caption")
            return
        seen[key] = len(self.captions)
        self.captions.append((line.start, line.end))

    # -- the story: only strong evidence removes a line (see story_inside.StoryInside)

    # -- the foot: after the last sentence

    def _foot(self, last: int) -> None:
        for i in range(last + 1, len(self.lines)):
            line = self.lines[i]
            if self.pending_teaser[i]:
                self.skip(line, "teaser headline")
            elif self.strong[i]:
                self.skip(line, self.strong[i])
            elif self.last and i == len(self.lines) - 1 and line.words >= 4:
                self._cut_off(line)
            elif self.captioned[i]:
                self.captions.append((line.start, line.end))
            else:
                reason = weak_reason(line.text)
                self.skip(
                    line, reason or ("teaser headline" if is_headline(line) else "page footer")
                )

    def _cut_off(self, line: Line) -> None:
        """The page ends mid-sentence (a capture cut short): its whole sentences stay."""
        ends = list(_INNER_END.finditer(line.text))
        if not ends:
            self.skip(line, "unfinished sentence at the end of the page")
            return
        cut = ends[-1].end()
        kept_end = line.start + len(line.text[:cut].rstrip())
        self.body.append(
            Line(self.page[line.start : kept_end], line.start, kept_end, line.blank_before)
        )
        self.skipped.append(
            Skipped(
                line.text[cut:],
                "unfinished sentence at the end of the page",
                line.start + cut,
                line.end,
            )
        )

    def folded(self, line: Line) -> str:
        """``fold(line.text)``, cut from the story's folded text where folding kept every
        character's place (it folds one character at a time: the cut is the same)."""
        if not self.same_places:
            return fold(line.text)
        return self.text_folded[line.start - self.base : line.end - self.base]

    # -- the dek

    def _find_dek(self) -> None:
        """A standfirst: a sentence-like paragraph between the title and the lead.

        Recognised by shape (long, with no final stop), by the lead that follows (it opens
        with a dateline: "WASHINGTON (AP) —"), or by the story repeating it further down.
        Otherwise the paragraph is the story's (short) lead and stays in the body.
        """
        lead_in, body = self.lead_in, self.body
        candidate = lead_in[0] if lead_in else (body[0] if len(body) >= 2 else None)
        if candidate is None:
            self.body = lead_in + body
            return
        rest = (lead_in[1:] if lead_in else []) + (body if lead_in else body[1:])
        no_stop = lead_in and not candidate.text.endswith(TERMINAL) and candidate.words >= 8
        dateline_next = (
            rest and LEAD_DATELINE.match(rest[0].text) and not LEAD_DATELINE.match(candidate.text)
        )
        # the restatement test (the costly one) only where shape and lead did not decide
        if (self.title and (no_stop or dateline_next)) or (
            len(rest) >= 2 and candidate.words >= 8 and _restated(candidate, rest[:12], self.folded)
        ):
            self.dek = candidate
            self.body = rest
        else:
            self.body = lead_in + body

    def _label_before_lead(self) -> None:
        """A page label glued before the first sentence ("What happened ? A young woman
        ...") is no part of the lead: it is set aside and the paragraph starts after it."""
        if not self.body:
            return
        lead = self.body[0]
        cut = question_label(lead.text)
        if not cut:
            return
        label, start = lead.text[:cut].rstrip(), lead.start + cut
        self.skipped.append(Skipped(label, "label", lead.start, lead.start + len(label)))
        self.body[0] = Line(self.page[start : lead.end], start, lead.end, lead.blank_before)

    # -- the result

    def article(self, id: str, *, source: str | None, language: str) -> Article:
        spans = self._paragraphs()
        self.date = self.date or next(
            (find_date(s.text) for s in self.skipped if s.reason == "dateline"), None
        )
        return Article(
            id=id,
            outlet="",
            title=self.title,
            paragraphs=tuple(self.page[s:e] for s, e in spans),
            dek=self.dek.text if self.dek else "",
            captions=tuple(self.page[s:e] for s, e in sorted(self.captions)),
            date=self.date,
            language=language,
            source=source,
            source_spans=tuple(spans),
            skipped=tuple(sorted(self.skipped, key=lambda s: s.start)),
            unsure=tuple(self.unsure),
        )

    def _paragraphs(self) -> list[tuple[int, int]]:
        """Each line is a paragraph, unless the text is hard-wrapped: then blocks are. A
        letter's salutation ("She wrote: \u201cYour Majesty,") opens the paragraph of the
        letter's first sentence (the splitter keeps them as one sentence)."""
        spans: list[tuple[int, int]] = []
        body = sorted(self.body, key=lambda x: x.start)
        salutation = False
        for line in body:
            joined = (self.wrapped and spans and line.blank_before == 0) or salutation
            if joined and not self.page[spans[-1][1] : line.start].strip():
                spans[-1] = (spans[-1][0], line.end)
            else:
                spans.append((line.start, line.end))
            # a dateline alone on its line opens the next one's paragraph, as a salutation does
            salutation = (line.text[-1] == "," and line.words <= 8) or dateline_alone(line.text)
        return spans
