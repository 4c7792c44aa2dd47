"""Page text -> articles: split a page into its stories and set the page furniture aside.

Text copied from news sites carries furniture around the story: a headline printed twice,
photo captions (often doubled) and credits, markers like "TT", navigation and sharing
links, bylines and date widgets, "RELATED:" teasers, sign-up boxes, an archive's
``date YYYY-MM-DD`` prefix. Each line is judged once by its shape (:mod:`furniture`),
then by its place: the *head* before the first paragraph of prose (title, kicker, dek,
captions), the *story* between the first and the last sentence, and the *foot* after it.
Inside the story only strong evidence removes a line, so short closing sentences, lists,
timelines, score lines and a figure alone on a line stay; a line kept although a rule
doubted it is listed in ``article.unsure``.

Nothing is lost: every non-space character of the page is in exactly one of the title,
the dek, a caption, the body or ``article.skipped`` (with the reason).
"""

from __future__ import annotations

import re

from ..model import Article, Skipped
from .lines import Line, is_headline, is_prose, page_lines
from .story import Story

__all__ = ["parse_page"]

_ARCHIVE_DATE = re.compile(r"^\s*date (\d{4}-\d\d-\d\d)(?= )")


def _story_starts(lines: list[Line]) -> list[int]:
    """Indices of lines that open a story: a doubled headline, or a headline after a gap."""
    starts = [0]
    seen_prose = False
    for i, line in enumerate(lines):
        if i and seen_prose and line.blank_before >= 2 and is_headline(line):
            window = [other.text for other in lines[i + 1 : i + 16]]
            doubled = line.text in window
            followed_by_prose = sum(is_prose(other) for other in lines[i + 1 : i + 6]) >= 2
            if doubled or followed_by_prose:
                starts.append(i)
                seen_prose = False
        seen_prose = seen_prose or is_prose(line)
    return starts


def _archive_marker(page: str, lines: list[Line]) -> Skipped | None:
    """An archive's `` date YYYY-MM-DD `` prefix before the first line: not page text."""
    if not lines:
        return None
    match = _ARCHIVE_DATE.match(page[: lines[0].end + 1])
    if not match:
        return None
    first = lines[0]
    marker = Skipped(
        page[first.start : match.end()], "archive date marker", first.start, match.end()
    )
    rest = page[match.end() : first.end]
    if not rest.strip():
        del lines[0]
    else:
        start = match.end() + len(rest) - len(rest.lstrip())
        lines[0] = Line(page[start : first.end], start, first.end, first.blank_before)
    return marker


def parse_page(
    page: str, *, name: str = "article", source: str | None = None, language: str = "en"
) -> list[Article]:
    """Split page text into articles, each with its title, dek, body and captions.

    ``page`` should have ``\\n`` line endings. Article ids are ``name#1``, ``name#2``...
    Paragraph offsets (``source_spans``) point into ``page``.
    """
    lines = page_lines(page)
    marker = _archive_marker(page, lines)
    if not lines:
        return []
    starts = _story_starts(lines) + [len(lines)]
    stories = []
    for begin, end in zip(starts, starts[1:], strict=False):
        story = Story(page, lines[begin:end], last=end == len(lines))
        story.read()
        stories.append(story)
    if marker is not None:
        stories[0].skipped.append(marker)
        stories[0].date = stories[0].date or marker.text.split()[-1]
    return _articles(stories, name=name, source=source, language=language)


def _articles(stories: list[Story], *, name: str, source: str | None, language: str) -> list:
    """Articles of the stories; a story with no text gives its furniture to a neighbour."""
    kept = [s for s in stories if s.body or s.title]
    if not kept:
        return []
    for story in stories:
        if story not in kept:
            neighbour = next((k for k in reversed(kept) if k.first < story.first), kept[0])
            neighbour.skipped.extend(story.skipped + [s for s in story.loose()])
    return [
        story.article(f"{name}#{number}", source=source, language=language)
        for number, story in enumerate(kept, 1)
    ]
