"""One line of a page -> what it is by its own shape: a credit, a byline, a widget, a teaser...

The rules a line can be judged by alone, before its place in the page is known. Each
line is classified once, with patterns compiled once (anchored where they can be). The
word lists are data (``resources/vocabulary/reading_*.txt`` and ``chrome_phrases.txt``):
news agencies of photo credits, promotion phrases, calls to action, teaser cues.
:mod:`pages` weighs these verdicts with position and repetition; shape alone never
removes a sentence that reads like story text.

>>> credit_only("Photo / AP"), credit_only("(Jane Barlow/PA)"), credit_only("He said so.")
(True, True, False)
>>> has_photo_credit("Zelensky at the White House. (AP Photo/Evan Vucci)")
True
>>> has_photo_credit("The talks ended, the ministry said. (AFP)")
False
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources

from .. import vocabulary
from .dates import find_date, is_masthead_date

__all__ = [
    "BULLETS",
    "TERMINAL",
    "chrome_phrases",
    "fold",
    "fold_line",
    "line_reason",
    "credit_only",
    "bare_credit",
    "has_photo_credit",
    "caption_prefix",
    "is_sentence",
    "is_timeline",
    "is_subhead",
    "is_teaser_link",
    "words_of",
    "promotion_words",
    "promotion_lines",
    "weak_reason",
]

BULLETS = "\u2022\u00b7\u25aa\u2023\u25e6\u2043*\u2013\u2014-"
TERMINAL = (".", "!", "?", '"', "\u201d", "\u2019", "'", ")", ":")
_SENTENCE_END = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*$")
_PHOTO_WORD = r"(?:photo(?:graph)?s?|images?|pictures?|pics?|video|illustration|graphic)"

_TEASER = re.compile(
    r"^(?:RELATED|READ MORE|READ ALSO|ALSO READ|SEE ALSO|MORE|RECOMMENDED|MUST READ|"
    r"MORE ON THIS(?: STORY)?|WATCH|LISTEN)\s*[:|\u2013\u2014-]\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
_BYLINE = re.compile(
    r"^(?:By|BY|Written by|Reported by|Words by|Story by)\s+(?:[A-Z][\w.'\u2019-]*|the [A-Z])"
)
_WIRE_CREDIT_LINE = re.compile(
    r"^\((?:Reporting|Writing|Editing|Additional reporting|Compiled|Translated)\b.*\)$",
    re.IGNORECASE,
)
_COPYRIGHT = re.compile(r"^(?:\u00a9|\(c\)\s|copyright\b)", re.IGNORECASE)
# the first letters those two can match (IGNORECASE also takes the long s for "s")
_TEASER_FIRST = frozenset("RrMmSsWwLlAa\u017f")
_COPYRIGHT_FIRST = frozenset("\u00a9(Cc")
_READING_TIME = re.compile(r"^(?:\d+\s*)?min(?:ute)?s?(?:\s+read)?$|^\d+\s*min(?:ute)?s?\b.*$")
_COUNT = re.compile(r"^[\d.,]+$")
_MARKER = re.compile(r"^[A-Z]{1,3}$")
_GLUED_TAGS = re.compile(r"^(?:[A-Z][a-z]+){2,}$")
_BREADCRUMB_SEP = re.compile(r"\s(?:>|\u00bb|\u203a|/|\|)\s")
_TIMELINE = re.compile(
    r"^(?:(?:\d{1,2}\s+)?[A-Z][a-z]{2,8}\.?\s+(?:\d{1,2},?\s+)?)?(?:1[89]|20)\d\d"
    r"\s*[:\u2013\u2014-]\s+\S"
)
_CAPTION_PREFIX = re.compile(
    r"^(?:FILE PHOTO|FILE|TOPSHOT|PHOTO|IMAGE|PICTURE|IN PICTURES|PHOTOS)\s*[:\u2013\u2014-]\s+\S"
)
_SPEECH = re.compile(r"\b(?:said|says|told|added|stated|reported|according to)\b")
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_TAIL = 160  # a credit is searched for in a line's last characters only
# compiled once (they ran through re's cache for every short line)
_PHOTO_LABEL = re.compile(rf"^(?i:(?:top|main|cover|header|lead|featured)\s+)?(?i:{_PHOTO_WORD})\b")
_PHOTO_SOURCE = re.compile(r"\b(?i:by|from|courtesy|credit)\b|[:/]")
_SOURCE_LABEL_END = re.compile(r":\s*(?:sources?|report|officials|reports|live)$")


@lru_cache(maxsize=4)
def _credit_patterns(agencies: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    agency = "|".join(re.escape(a) for a in sorted(agencies, key=lambda a: (-len(a), a)))
    name = r"[A-Z][\w.'\u2019&-]*"
    tail = (
        r"(?:"
        rf"\({name}(?:\s{name}){{0,3}}\s?/\s?{name}(?:\s{name}){{0,3}}\)"  # (Jane Barlow/PA)
        rf"|\((?i:{_PHOTO_WORD}|courtesy)\b[^()]{{0,60}}\)"  # (Photo: X), (AP Photo/...)
        rf"|\((?:{name}\s){{0,3}}(?i:photo)[^()]{{0,60}}\)"
        r"|\((?i:source|credit)s?\s*:\s*[^()]{1,60}\)"  # (Source: Associated Press)
        rf"|\b(?i:{_PHOTO_WORD})\s*(?i:credit)?\s*(?:[:/|]|\b(?i:by|from|courtesy(?: of)?)\b)"
        r"\s*[^.]{1,60}"  # Photo: AFP, Photo / AP, Image by flickr.com
        r"|\b(?i:credit)\s*:\s*[^.]{1,60}"  # Credit: PA Images
        rf"|/\s?(?:{agency})\b[^./]{{0,40}}(?:/[^./]{{0,40}})?"  # nn / AFP / ATTA KENARE
        rf"|\b(?:{agency})\s?/\s?[^.]{{0,60}}"  # AFP/Stringer/File Photo
        r")[\s.]*$"
    )
    return re.compile(tail), re.compile(rf"(?i:{_PHOTO_WORD}|credit)|/")


def _credit_names() -> tuple[str, ...]:
    """The names that end a credit line: the news agencies, then photo agencies and spellings."""
    return vocabulary.entries("agencies") + vocabulary.entries("photo_agencies")


@vocabulary.cached_by_lists(maxsize=1)
def _credit() -> tuple[re.Pattern[str], re.Pattern[str]]:
    # cached as it is (reload() empties it): looking the patterns up by the names hashed
    # a tuple of some fifty names on every call, 0.85 us a call
    return _credit_patterns(_credit_names())


@lru_cache(maxsize=1)
def chrome_phrases() -> frozenset[str]:
    """The editable list of whole-line chrome phrases, folded for matching."""
    text = (
        resources.files("comparative_coverage")
        .joinpath("resources/chrome_phrases.txt")
        .read_text("utf-8")
    )
    return frozenset(
        fold_line(line) for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


def fold_line(line: str) -> str:
    """A line for phrase matching: bullets, trailing colons and case folded away."""
    return " ".join(line.strip().strip(BULLETS).rstrip(":\u2026. ").split()).casefold()


@lru_cache(maxsize=8192)
def words_of(text: str) -> int:
    return len(text.split())


@lru_cache(maxsize=8192)  # asked several times of each line
def is_sentence(text: str) -> bool:
    """Reads like a sentence: ends like one and has lowercase words ("He declined to comment.").

    A wire credit after the last sentence ("... of COMAC. \u2014 Xinhua", "... said. (AFP)")
    does not change that.
    """
    if words_of(text) < 2 or text == text.upper():
        return False
    if _SENTENCE_END.search(text, max(0, len(text) - 8)):
        return True
    return (text[-1].isalpha() or text[-1] == ")") and bool(
        _wire_tail().search(text, max(0, len(text) - _TAIL))
    )


@lru_cache(maxsize=4)
def _wire_tail_pattern(agencies: tuple[str, ...]) -> re.Pattern[str]:
    agency = "|".join(re.escape(a) for a in sorted(agencies, key=lambda a: (-len(a), a)))
    return re.compile(
        rf"[.!?][\"'\u201d\u2019)]*\s*(?:[\u2013\u2014-]+\s*(?:{agency})|\((?:{agency})\))\.?$"
    )


@vocabulary.cached_by_lists(maxsize=1)
def _wire_tail() -> re.Pattern[str]:
    return _wire_tail_pattern(_credit_names())


def is_timeline(text: str) -> bool:
    """A dated entry of a timeline: "2011: protests erupt", "March 2011 - war"."""
    return bool(_TIMELINE.match(text))


def caption_prefix(text: str) -> bool:
    return text[:1] in "FTPI" and bool(_CAPTION_PREFIX.match(text))  # FILE, TOPSHOT, PHOTO...


@vocabulary.cached_by_lists(maxsize=256)
def _credit_tail(text: str) -> re.Match[str] | None:
    """The credit that ends ``text``, searched in its last characters: remembered, as a
    caption line is asked both whether it is a credit alone (its shape) and whether it
    ends in one (a caption); the search tries a long alternation at each place (~4 us)."""
    return _credit()[0].search(text, max(0, len(text) - _TAIL))


def has_photo_credit(text: str) -> bool:
    """Ends in a photo credit; "... the ministry said. (AFP)" or "... — Xinhua" does not."""
    if not _may_credit(text):
        return False
    found = _credit_tail(text)
    explicit = _credit()[1]
    if not found or _SPEECH.search(text, 0, found.start()):  # "... officials said. Image: UN"
        return False
    if explicit.search(found.group()):
        return True
    return words_of(text) <= 40


# "picture" is not listed: a tail that holds it holds "pic"
_HINTS = ("/", "photo", "image", "pic", "video", "credit", "illustration", "graphic")


def _may_credit(text: str) -> bool:
    """A cheap test that rules out most lines before the credit patterns run: a credit
    ends the line in brackets, or has a slash or a photo word near the end."""
    if text.endswith(")"):
        return True
    tail = text[-90:]
    tail = tail.lower() if tail.isascii() else tail.casefold()  # the same for ASCII, faster
    for hint in _HINTS:  # noqa: SIM110 - a loop, not a generator: runs for most lines
        if hint in tail:
            return True
    return False


def credit_only(text: str) -> bool:
    """The whole line is a credit: "Photo / AP", "(Jane Barlow/PA)", "Image by flickr.com"."""
    if words_of(text) > 12 or not _may_credit(text):
        return False
    found = _credit_tail(text)
    if found and found.start() <= 4:
        return True
    return bool(_PHOTO_LABEL.match(text) and _PHOTO_SOURCE.search(text))


def bare_credit(text: str) -> bool:
    """The line is an agency's name alone, as a picture's credit printed above its caption
    ("Getty Images", "AFP via Getty Images", "Image source, Reuters"): no photo word, no
    brackets, so :func:`credit_only` cannot tell it from a word of text without the names.

    >>> bare_credit("Getty Images"), bare_credit("AFP via Getty Images"), bare_credit("Reuters reported")
    (True, True, False)
    """
    return words_of(text) <= 8 and _bare_credit().fullmatch(text.strip()) is not None


@vocabulary.cached_by_lists(maxsize=1)
def _bare_credit() -> re.Pattern[str]:
    names = sorted(_credit_names(), key=lambda a: (-len(a), a))
    agency = "(?:" + "|".join(re.escape(a) for a in names) + ")"
    return re.compile(
        rf"(?:(?i:image source|photo source|image|photo)\s*[,:]\s*)?"
        rf"{agency}(?:\s*(?:/|,|\bvia\b|\band\b)\s*{agency})*"
    )


@lru_cache(maxsize=4)
def _trigger_of(phrases: frozenset[str]) -> dict[str, str]:
    """Each phrase's trigger: a word of it that a line holding the phrase holds too.

    A line holding no trigger holds no phrase, so the page is searched for the triggers
    only (each search is a pass over the page). Few and rare triggers make that cheap: a
    word shared by several phrases ("download" for "download our app" and "download the
    app") is chosen first, then longer words (a word of five letters or more where the
    phrase has one: "email", not "enter" or "address"). Each phrase has one trigger, so
    a line holding it counts it once.
    """

    def candidates(phrase: str) -> list[str]:
        words = phrase.split()
        return [w for w in words if len(w) >= 5] or [max(words, key=len)]

    left, chosen = sorted(phrases), {}
    while left:
        options = sorted({w for phrase in left for w in candidates(phrase)})
        best = max(options, key=lambda w: (sum(w in phrase for phrase in left), len(w)))
        chosen.update((phrase, best) for phrase in left if best in phrase)
        left = [phrase for phrase in left if best not in phrase]
    return chosen


@lru_cache(maxsize=4)
def _triggers(phrases: frozenset[str]) -> frozenset[str]:
    """The phrases' triggers (see :func:`_trigger_of`)."""
    return frozenset(_trigger_of(phrases).values())


_NO_WORDS: frozenset[str] = frozenset()


@lru_cache(maxsize=4)
def _trigger_order(triggers: frozenset[str]) -> tuple[tuple[str, str], ...]:
    """The triggers, shortest first, each with the longest other trigger it contains ("")."""
    ordered = sorted(triggers, key=lambda w: (len(w), w))
    inner = {w: [v for v in ordered if v != w and v in w] for w in ordered}
    return tuple((w, inner[w][-1] if inner[w] else "") for w in ordered)


def fold(text: str) -> str:
    """``text.casefold()``; for ASCII text that is ``lower()``, three times faster."""
    return text.lower() if text.isascii() else text.casefold()


def promotion_words(text: str) -> frozenset[str]:
    """Which promotion words (the phrases' triggers) a text holds: computed once
    for a page, so that each line is then tested for these few only."""
    folded = text.casefold()
    return frozenset(
        word for word in _triggers(vocabulary.words("reading_promo_phrases")) if word in folded
    )


def promotion_lines(
    text: str, spans: Sequence[tuple[int, int]], *, folded: str | None = None
) -> list[frozenset[str]]:
    """The promotion words each line of ``text`` holds (``spans``: its lines' offsets).

    The same as :func:`promotion_words` of each line, but the text is folded and searched
    once, not line by line; most lines hold none, and :func:`line_reason` looks no further.
    ``folded``: ``fold(text)``, when the caller has it.
    """
    folded = fold(text) if folded is None else folded
    present: list[str] = []
    for word, inner in _trigger_order(_triggers(vocabulary.words("reading_promo_phrases"))):
        # "newsletters" is not looked for in a text without "newsletter"
        if (not inner or inner in present) and word in folded:
            present.append(word)
    if not present:
        return [_NO_WORDS] * len(spans)
    if len(folded) != len(text):  # folding changed a length ("\u00df" -> "ss"): line by line
        return [promotion_words(text[s:e]) for s, e in spans]
    starts = [s for s, _ in spans]
    found: dict[int, set[str]] = {}
    for word in present:
        at = folded.find(word)
        while at >= 0:
            k = bisect_right(starts, at) - 1
            if k >= 0 and at + len(word) <= spans[k][1]:
                found.setdefault(k, set()).add(word)
            at = folded.find(word, at + 1)
    lines = [_NO_WORDS] * len(spans)  # most lines hold none: one shared empty set
    for k, words in found.items():
        lines[k] = frozenset(words)
    return lines


@lru_cache(maxsize=4)
def _phrases_by_trigger(phrases: frozenset[str]) -> dict[str, tuple[str, ...]]:
    """The phrases of each trigger (see :func:`_trigger_of`)."""
    found: dict[str, list[str]] = {}
    for phrase, trigger in sorted(_trigger_of(phrases).items()):
        found.setdefault(trigger, []).append(phrase)
    return {word: tuple(listed) for word, listed in found.items()}


def _promotion(text: str, present: frozenset[str] | None = None) -> bool:
    folded = fold(text)
    phrases = vocabulary.words("reading_promo_phrases")
    words = _triggers(phrases) if present is None else present
    found = [word for word in words if word in folded]
    if not found:
        return False
    # a phrase the line holds has its trigger there: only those triggers' phrases are tried
    by_trigger = _phrases_by_trigger(phrases)
    hits = [p for word in found for p in by_trigger[word] if p in folded]
    if len(hits) >= 2:
        return True
    if not hits or "\u201c" in text or '"' in text:
        return False
    return any(
        folded.startswith(call + " ") for call in vocabulary.words("reading_calls_to_action")
    )


def is_subhead(text: str) -> bool:
    """A heading inside the story: in capitals ("'DISASTER'"), or a short Title Case line."""
    if is_sentence(text):  # a sentence is never all capitals (see is_sentence)
        return False
    letters = [w for w in _WORD.findall(text) if len(w) > 1]
    if not letters or any(c.isdigit() for c in text):
        return False
    if text.upper() == text:
        return len(letters) >= 2 or len(letters[0]) >= 4
    capitalised = sum(w[0].isupper() for w in letters)
    return 2 <= len(letters) <= 10 and capitalised >= 0.6 * len(letters) and text[-1] not in ".,;:"


def is_teaser_link(text: str) -> bool:
    """A link to other coverage in a list: a headline (no final stop) with a teaser cue."""
    text = text.strip(BULLETS + " ")
    if is_sentence(text) or words_of(text) < 3:
        return False
    folded = text.casefold()
    if any(cue in folded for cue in vocabulary.words("reading_teaser_cues")):
        return True
    return bool(_SOURCE_LABEL_END.search(folded))


def _dateline(text: str) -> bool:
    """A short line with a date that is no sentence ("Published 22 August 2023"), or a
    longer one that is a publication stamp, a date with a time of day or "updated"
    ("July 31, 2024 6:05 AM GMT+1 Updated 2 hours ago").

    The words before the date are not checked: the pattern that once listed them
    ("published", "updated", a weekday) made every part optional, so it matched any line.
    """
    words = words_of(text)
    if words > 16 or is_timeline(text) or is_sentence(text) or find_date(text) is None:
        return False
    return words <= 8 or not is_masthead_date(text)


def _strong_reason(text: str, promotions: frozenset[str] | None = None) -> str | None:
    """Reasons that hold wherever the line stands."""
    first = text[:1]  # the anchored patterns below run only where the first letter fits
    teaser = _TEASER.match(text) if first in _TEASER_FIRST else None
    if teaser and not (words_of(teaser.group("rest")) >= 8 and is_sentence(teaser.group("rest"))):
        return "teaser"
    if first == "(" and _WIRE_CREDIT_LINE.match(text):
        return "credit line"
    if first in _COPYRIGHT_FIRST and _COPYRIGHT.match(text) and words_of(text) <= 20:
        return "copyright line"
    if promotions != _NO_WORDS and _promotion(text, promotions):
        return "sign-up or promotion"
    return _short_line_reason(text) if words_of(text) <= 12 else None


def _byline_role(text: str) -> bool:
    """The role under a byline: capitalised words ending in a journalist's role.

    >>> _byline_role("Geneva correspondent"), _byline_role("Middle East Editor")
    (True, True)
    >>> _byline_role("Meet the new editor"), _byline_role("Editor")
    (False, False)
    """
    words = text.split()
    if not 2 <= len(words) <= 5 or text[-1] in ".!?:":
        return False
    folded = text.casefold()
    for role in vocabulary.words("reading_byline_roles"):
        if folded.endswith(" " + role):
            lead = words[: len(words) - len(role.split())]
            return bool(lead) and all(w[:1].isupper() for w in lead)
    return False


def _short_line_reason(text: str) -> str | None:
    if fold_line(text) in chrome_phrases():
        return "chrome phrase"
    if "|" in text and fold_line(text.split("|", 1)[0]) in chrome_phrases():
        return "chrome phrase"  # "Listen to this article | 3 mins": a widget and its count
    if words_of(text) <= 10 and _BYLINE.match(text) and not is_sentence(text.rstrip(".")):
        return "byline"
    if _byline_role(text):
        return "byline"
    if credit_only(text):
        return "credit"
    if _READING_TIME.match(text) and words_of(text) <= 4:
        return "reading time"
    if _dateline(text):
        return "dateline"
    return None


def _outside_reason(text: str) -> str | None:
    """Reasons that hold only outside the story (page header and footer)."""
    if _MARKER.match(text):
        return "marker"
    if _COUNT.match(text):
        return "widget count"
    if text[0] in BULLETS and words_of(text) <= 4 and not is_sentence(text):
        return "navigation"
    if _GLUED_TAGS.match(text):
        return "section tags"
    return None


def line_reason(text: str, *, inside: bool, promotions: frozenset[str] | None = None) -> str | None:
    """Why a line is furniture by its shape (None: it may be story text).

    ``inside``: the line stands between the story's paragraphs, where only strong
    evidence counts (a figure or a word alone on a line stays there). ``promotions``: the
    :func:`promotion_words` of the page, when known (none: no promotion phrase to look for).
    """
    reason = _strong_reason(text, promotions)
    if reason or inside:
        return reason
    return weak_reason(text)


def weak_reason(text: str) -> str | None:
    """Reasons that hold only outside the story: breadcrumbs, markers, counts, tags."""
    if words_of(text) > 8:  # every reason below needs a short line
        return None
    if (
        words_of(text) <= 8
        and _BREADCRUMB_SEP.search(text)
        and not text.endswith(".")
        and not any(c.isdigit() for c in text)
    ):
        return "breadcrumb"
    return _outside_reason(text)
