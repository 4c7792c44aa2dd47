"""A line's text -> the calendar date written in it (ISO), and whether it is a masthead's.

Finding a date is used beyond a line's shape (a dateline's date, a table's date column,
a ``sources.csv`` row), so it lives apart from :mod:`furniture`, which only asks whether
a short line is a dateline.
"""

from __future__ import annotations

import re
from datetime import date

from .. import vocabulary

__all__ = ["find_date", "is_masthead_date"]

_MONTH_RE = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"


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


_DATE_PATTERNS = (
    # spaces bounded: a long run after a month must not make the search quadratic
    re.compile(
        rf"\b(?P<d>\d{{1,2}})\s{{1,4}}(?P<m>{_MONTH_RE})\s{{0,4}},?\s{{1,4}}(?P<y>(?:19|20)\d\d)\b"
    ),
    re.compile(rf"\b(?P<m>{_MONTH_RE})\s{{1,4}}(?P<d>\d{{1,2}}),?\s{{1,4}}(?P<y>(?:19|20)\d\d)\b"),
    re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<mn>\d\d)-(?P<d>\d\d)\b"),
)


def find_date(text: str) -> str | None:
    """The first calendar date written in ``text``, as ISO ``YYYY-MM-DD``: the one that
    comes first in the text, whichever way it is written ("2022-09-16 (the page shows
    Mar 19, 2026)" is dated 2022-09-16).

    Every pattern holds a year that starts "19" or "20": a text with neither holds no date
    (most lines asked), and the three searches are not run.

    >>> find_date("Published 22 August 2023"), find_date("Jan. 9, 2025"), find_date("no date")
    ('2023-08-22', '2025-01-09', None)
    >>> find_date("2022-09-16 (event date; the page shows the visit date 'Thursday, Mar 19, 2026')")
    '2022-09-16'
    """
    if "19" not in text and "20" not in text:
        return None
    found: list[re.Match[str]] = []
    end = len(text)
    for pattern in _DATE_PATTERNS:  # each searched only before the first date found so far
        match = pattern.search(text, 0, end)
        if match:
            found.append(match)
            end = match.end()
    for match in sorted(found, key=lambda m: m.start()):
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


_CLOCK = re.compile(r"\b\d{1,2}[:.]\d\d\b")


def is_masthead_date(text: str) -> bool:
    """A date line that names no publication ("Thursday, Mar 19, 2026"), as a masthead
    prints today's date: above a headline it is the day the page was shown, not the
    article's. "Published 22 August 2023" and "Sep 21, 2023 10:32 AM" are the article's.

    >>> is_masthead_date("Thursday, Mar 19, 2026"), is_masthead_date("Updated: March 3, 2024")
    (True, False)
    """
    return not (vocabulary.pattern("reading_date_cues").search(text) or _CLOCK.search(text))
