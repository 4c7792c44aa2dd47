"""Two phrases -> is the change one of form: a number, a format, a typo, an honorific?

Each rule looks at the two sides of one word edit, as written, and answers with a detail
or ``None``. They carry no knowledge of a story; their vocabulary is in
``resources/vocabulary/`` (honorifics, job titles) and the standard library's calendar.

- **format**: the same content in another house style: ``U.S.`` / ``US``, ``p.m.`` /
  ``pm``, ``July 1`` / ``1 July``, ``sixth`` / ``6th``, ``US$209 billion`` / ``USD 209
  billion``, ``per cent`` / ``%``, ``FM`` / ``First Minister``, and punctuation alone
  (a comma inside or outside the quotation marks, ``(and)`` / ``[and]``).
- **number**: a figure changed (``820`` / ``1,000 dead``, ``some 1,500`` /
  ``thousands``, ``12:31`` / ``1:10``).
- **typo**: a misspelling of a word the text also knows (``Minster`` / ``Minister``),
  one letter apart (two in a long lower-case word: ``accomodation`` /
  ``acommodation``), or extraction damage (``???????``, mojibake, ``p.m`` without its
  last dot, whatever the other version writes).
- **honorific**: ``Mr``/``Ms`` added, dropped, or standing for a first name.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from functools import lru_cache

from rapidfuzz.distance import DamerauLevenshtein

from ..normalize import STOPWORDS, fold_typography, word_key
from ..vocabulary import calendar_words, listed

__all__ = [
    "format_key",
    "same_figure",
    "format_change",
    "number_change",
    "typo",
    "honorific_change",
    "has_number",
    "lost_dot",
    "HONORIFICS",
    "DAMAGE",
]

HONORIFICS = listed("honorifics")
_MONTHS = listed("calendar")
_ORDINALS = {
    "first": "1",
    "second": "2",
    "third": "3",
    "fourth": "4",
    "fifth": "5",
    "sixth": "6",
    "seventh": "7",
    "eighth": "8",
    "ninth": "9",
    "tenth": "10",
}
_CARDINALS = {
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
    "ten": "10",
    "eleven": "11",
    "twelve": "12",
    "twenty": "20",
    "thirty": "30",
    "fifty": "50",
    "hundred": "100",
    "thousand": "1000",
    "million": "1000000",
    "billion": "1000000000",
}
_QUANTITIES = frozenset(
    "hundreds thousands millions billions dozens dozen scores tens several few many".split()
)
_CURRENCY = (
    (re.compile(r"\bus\$|\busd\b|\bus dollars?\b|\bdollars?\b|\$"), " usd "),
    (re.compile(r"\beur\b|\beuros?\b|€"), " eur "),
    (re.compile(r"\bgbp\b|\bpounds?\b|£"), " gbp "),
    (re.compile(r"\bper ?cent\b|\bpct\b|%"), " % "),
    (re.compile(r"\bkilomet(?:er|re)s?\b|\bkm\b"), " km "),
    (re.compile(r"\bbn\b"), " billion "),
    (re.compile(r"\bmn\b"), " million "),
)
_HALF_DOTTED = re.compile(r"(?:[a-z]\.)+[a-z]")  # p.m, a.m: the last dot lost in extraction
# text lost in extraction: question marks for characters, mojibake
DAMAGE = re.compile(r"\?{3,}|\ufffd|Ã.|â€|Â")


# a month or weekday shortened (Sept. 3, Aug. 1, Tue.) -> its full name; not the
# abbreviations that are words as well ("mar", "sat", "sun", "wed", "mon")
_FULL_DATES = [n.lower() for n in (*calendar.month_name[1:], *calendar.day_name)]
_SHORT_DATES = {
    short: full
    for short in calendar_words() - {"mar", "sat", "sun", "wed", "mon"}
    for full in _FULL_DATES
    if full.startswith(short) and short != full
}


# contractions spelled out ("won't" / "will not"): a house style, like a dot or a digit
# ("'s" only after a pronoun, as "is"; "'d" is left alone: had or would)
_CONTRACTIONS = (
    (re.compile(r"\bwon't\b"), "will not"),
    (re.compile(r"\bcan't\b|\bcannot\b"), "can not"),
    (re.compile(r"\bshan't\b"), "shall not"),
    (re.compile(r"n't\b"), " not"),
    (re.compile(r"'re\b"), " are"),
    (re.compile(r"'ll\b"), " will"),
    (re.compile(r"'ve\b"), " have"),
    (re.compile(r"\bi'm\b"), "i am"),
    (re.compile(r"\b(it|he|she|that|there|what|who|here|where)'s\b"), r"\1 is"),
)


THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")  # the comma of 1,500


def same_figure(x: str, y: str) -> bool:
    """One figure, its thousands marked or not.

    >>> same_figure("1,500", "1500"), same_figure("Thousands", "thousands"), same_figure("1,5", "15")
    (True, True, False)
    """
    return THOUSANDS.sub("", x).casefold() == THOUSANDS.sub("", y).casefold()


def has_number(text: str) -> bool:
    """Does a phrase state a figure (digits, a number word, "thousands")?"""
    words = [word_key(w) for w in re.findall(r"[\w']+", text)]
    return any(c.isdigit() for c in text) or any(w in _CARDINALS or w in _QUANTITIES for w in words)


@lru_cache(maxsize=65_536)  # called for every pair of words in a rewritten unit
def format_key(text: str) -> str:
    """A phrase with house style folded away: dots, case, currency and unit names,
    number words and ordinals, punctuation, and word order (for ``1 July``/``July 1``).

    >>> format_key("U.S.") == format_key("US"), format_key("July 1") == format_key("1 July")
    (True, True)
    >>> format_key("US$209 billion") == format_key("USD 209 billion")
    True
    >>> format_key("sixth") == format_key("6th"), format_key("128") == format_key("160")
    (True, False)
    >>> format_key("Sept. 3") == format_key("September 3"), format_key("sat") == format_key("Saturday")
    (True, False)
    >>> format_key("won't") == format_key("will not"), format_key("don\u2019t") == format_key("do not")
    (True, True)
    """
    text = fold_typography(unicodedata.normalize("NFKC", text)).casefold()
    if "'" in text or "cannot" in text:
        for pattern, spelled in _CONTRACTIONS:
            text = pattern.sub(spelled, text)
    text = re.sub(r"(?<=\w)\.(?=\w)|(?<=\w)\.(?=\s|$)", "", text)  # U.S. -> us, p.m. -> pm
    for pattern, replacement in _CURRENCY:
        text = pattern.sub(replacement, text)
    text = THOUSANDS.sub("", text)  # 1,500 -> 1500
    text = re.sub(r"(?<=\d)(?:st|nd|rd|th)\b", "", text)  # 6th -> 6
    words = re.findall(r"[\w%]+", text)
    words = [_ORDINALS.get(w, _CARDINALS.get(w, _SHORT_DATES.get(w, w))) for w in words]
    return " ".join(sorted(w for w in words if w not in ("of", "the", "on")))


def _initials(phrase: str) -> str:
    return "".join(w[0] for w in phrase.split() if w[:1].isupper())


def format_change(a: str, b: str) -> str | None:
    """``punctuation``, ``abbreviation`` or ``style`` when only the form differs."""
    if a == b:
        return None
    words_a = re.findall(r"\w+", fold_typography(a))
    words_b = re.findall(r"\w+", fold_typography(b))
    if words_a == words_b:
        return "punctuation"
    if format_key(a) and format_key(a) == format_key(b):
        return "style"
    for short, long in ((a, b), (b, a)):
        acronym = short.strip(" .()")
        if (
            re.fullmatch(r"[A-Z]{2,6}", acronym)
            and len(long.split()) >= 2
            and _initials(long) == acronym
        ):
            return "abbreviation"  # FM / First Minister
    return None


def _figure(word: str) -> str:
    """The figure of a word: its digits ("1500tavsir" -> "1500"), or the word itself."""
    digits = re.match(r"\d[\d:]*", word)
    return digits.group() if digits else word


def number_change(a: str, b: str) -> str | None:
    """``figure`` when both sides state a figure and it changed. An ordinal on one side
    and only a count on the other say which one, not how many: no figure updated.

    >>> number_change("128 passengers", "nearly 160"), number_change("6th day", "7th day")
    ('figure', 'figure')
    >>> number_change("the first jet", "the remaining four")
    """
    if not (has_number(a) and has_number(b)) or format_key(a) == format_key(b):
        return None
    if _ordinal_only(a) != _ordinal_only(b):
        return None
    figures_a = [_figure(w) for w in format_key(a).split() if w[:1].isdigit() or w in _QUANTITIES]
    figures_b = [_figure(w) for w in format_key(b).split() if w[:1].isdigit() or w in _QUANTITIES]
    return "figure" if sorted(figures_a) != sorted(figures_b) else None


def _ordinal_only(text: str) -> bool:
    """Does a phrase state its figures as ordinals only (first, 6th), no count?"""
    words = re.findall(r"[\w']+", fold_typography(text).casefold())
    ordinals = [w for w in words if w in _ORDINALS or re.fullmatch(r"\d+(?:st|nd|rd|th)", w)]
    counts = [w for w in words if w[:1].isdigit() or w in _CARDINALS or w in _QUANTITIES]
    return bool(ordinals) and len(counts) == len([w for w in ordinals if w[:1].isdigit()])


def _known(word: str, context: str) -> bool:
    """A word the text itself or the vocabulary knows (so its near twin is a typo)."""
    key = word_key(word)
    return (
        key in STOPWORDS
        or key in listed("titles")
        or key in listed("job_titles")
        or re.search(rf"(?<!\w){re.escape(word)}(?!\w)", context) is not None
    )


def typo(a: str, b: str, *, context: str = "") -> str | None:
    """``damage`` (``???``, mojibake, a half-dotted abbreviation) or ``misspelling``."""
    if DAMAGE.search(a) or DAMAGE.search(b):
        return "damage"
    for x, y in ((a, b), (b, a)):  # p.m. -> p.m: an abbreviation that lost its last dot
        if re.fullmatch(r"(?:\w\.){2,}", x.strip()) and x.strip()[:-1] == y.strip():
            return "damage"
    words_a, words_b = a.split(), b.split()
    if len(words_a) != len(words_b) or len(words_a) > 3:
        return None
    found = None
    for x, y in zip(words_a, words_b, strict=True):
        if x == y:
            continue
        kx, ky = word_key(x), word_key(y)
        if min(len(kx), len(ky)) < 5 or kx[0] != ky[0] or kx[-1:] != ky[-1:]:
            return None
        distance = DamerauLevenshtein.distance(kx, ky)
        if distance != 1 and not (distance == 2 and min(len(kx), len(ky)) >= 9 and x.islower()):
            return None  # two letters apart only in a long lower-case word
        if not (_known(x, context) or _known(y, context)) and x[:1].isupper():
            return None  # two unknown capitalised words: a name's spellings
        found = "misspelling"
    return found


def lost_dot(a: str, b: str, *, a_next: str = "", b_next: str = "") -> bool:
    """Is one side a lower-case abbreviation dotted inside but not at its end, the dot
    not merely split off by the tokenizer (``p.m preparing`` beside ``pm`` or ``p.m.``)?
    ``a_next``/``b_next``: the text right after each side.

    >>> lost_dot("pm", "p.m", b_next=" preparing"), lost_dot("pm", "p.m", b_next=". The")
    (True, False)
    """
    for x, y, after in ((a, b, b_next), (b, a, a_next)):
        y = y.strip()
        if (
            _HALF_DOTTED.fullmatch(y)
            and x.replace(".", "").strip() == y.replace(".", "")
            and not after.startswith(".")
        ):
            return True
    return False


def honorific_change(a: str, b: str) -> str | None:
    """``added``, ``dropped`` or ``for_first_name`` (Nicola Sturgeon / Ms Sturgeon)."""
    keys_a = [word_key(w).rstrip(".") for w in a.split()]
    keys_b = [word_key(w).rstrip(".") for w in b.split()]
    hon_a = [k for k in keys_a if k in HONORIFICS]
    hon_b = [k for k in keys_b if k in HONORIFICS]
    if not hon_a and not hon_b:
        return None
    if not keys_a or not keys_b:
        return "added" if hon_b else "dropped"
    rest_a = [w for w, k in zip(a.split(), keys_a, strict=True) if k not in HONORIFICS]
    rest_b = [w for w, k in zip(b.split(), keys_b, strict=True) if k not in HONORIFICS]
    if (not rest_a or not rest_b) and all(w[:1].isupper() for w in rest_a + rest_b):
        return "for_first_name"
    return None
