"""One colour scheme and one set of words for statuses and kinds of change.

Charts, legends, filters and HTML views take their colours and the words a reader sees
from here (the words for kinds of change live beside their definitions, in
``wording.kinds.KIND_TITLES``), so no code word (``name_variant``, ``shared_all``)
reaches a reader and a colour means the same thing everywhere. Okabe-Ito colours, chosen to stay
distinguishable for the common forms of colour blindness; "same" is a quiet grey so that
differences stand out. Each badge colour has a text colour that keeps WCAG AA contrast
(4.5:1); the stylesheet ``resources/view.css`` uses the same pairs (a test checks).
"""

from __future__ import annotations

from collections.abc import Iterable

from ..wording.kinds import KIND_TITLES

__all__ = [
    "STATUS_COLORS",
    "KIND_COLORS",
    "MOVED_COLOR",
    "COMPARISON_COLORS",
    "STATUS_WORDS",
    "STATUS_MEANING",
    "DETAIL_WORDS",
    "COMPARISON_WORDS",
    "COMPARISON_MEANING",
    "RELATION_WORDS",
    "RESTATEMENT_WORDS",
    "badge_text",
    "join_names",
    "contrast",
    "words_for",
]

STATUS_COLORS: dict[str, str] = {
    "same": "#BBBBBB",
    "reworded": "#E69F00",
    "merged": "#56B4E9",
    "split": "#0072B2",
    "added": "#009E73",
    "dropped": "#D55E00",
}
MOVED_COLOR = "#CC79A7"

KIND_COLORS: dict[str, str] = {
    "name_variant": "#0072B2",
    "name_form": "#6BAED6",
    "spelling": "#56B4E9",
    "label": "#CC79A7",
    "honorific": "#E7A6CF",
    "attribution": "#E69F00",
    "dateline": "#F3C969",
    "number": "#F0E442",
    "format": "#9ECAE1",
    "typo": "#8C6D31",
    "grammar": "#D9D9D9",
    "added_detail": "#009E73",
    "dropped_detail": "#D55E00",
    "rewritten": "#737373",
    "word_choice": "#BDBDBD",
    "other": "#999999",
}

# how many versions carry a unit: quiet grey for what all share, so differences stand out
COMPARISON_COLORS: dict[str, str] = {
    "shared_all": "#BBBBBB",
    "shared_some": "#56B4E9",
    "only_this": "#009E73",
}

STATUS_WORDS: dict[str, str] = {
    "same": "unchanged",
    "reworded": "reworded",
    "merged": "merged",
    "split": "split",
    "added": "added",
    "dropped": "dropped",
}
STATUS_MEANING: dict[str, str] = {
    "same": "the same words, once typography is folded",
    "reworded": "the same sentence, worded differently",
    "merged": "several sentences of a became one of b",
    "split": "one sentence of a became several of b",
    "added": "only in b",
    "dropped": "only in a",
}
DETAIL_WORDS: dict[str, str] = {
    "attribution": "attribution",
    "quote": "quotation",
    "title": "title",
    "time": "time",
    "name": "name",
    "number": "number",
    "punctuation": "punctuation",
    "transliteration": "transliteration",
    "fuller_name": "fuller name",
    "shorter_name": "shorter name",
    "case": "capitalisation",
    "hyphenation": "hyphenation",
    "variant": "variant",
    "descriptor": "descriptor",
}
# how a restatement link was found (alignment.restate's methods), in a reader's words
RESTATEMENT_WORDS: dict[str, str] = {
    "holds": "most of its words are in the other",
    "held": "holds the other sentence",
    "leftover": "left unpaired, says much the same",
    "cross": "overlaps a sentence paired elsewhere",
}
COMPARISON_WORDS: dict[str, str] = {
    "shared_all": "in every version",
    "shared_some": "in some versions",
    "only_this": "in one version only",
}
COMPARISON_MEANING: dict[str, str] = {
    "shared_all": "every version carries this sentence",
    "shared_some": "some versions carry this sentence, others left it out",
    "only_this": "one version alone carries this sentence",
}
RELATION_WORDS: dict[str, str] = {
    "spine": "the reference version",
    "same": "the same as the reference",
    "reworded": "reworded from the reference",
    "merged": "merges sentences of the reference",
    "split": "splits a sentence of the reference",
    "added": "added: not in the reference",
    "linked": "matches another version's added sentence",
}


def words_for(code: str) -> str:
    """The reader's words for a status, kind or detail code (the code itself, spaced out).

    >>> words_for("shared_all"), words_for("brand_new")
    ('in every version', 'brand new')
    """
    for table in (STATUS_WORDS, COMPARISON_WORDS, DETAIL_WORDS, RESTATEMENT_WORDS):
        if code in table:
            return table[code]
    if code in KIND_TITLES:  # kinds of change: their words live beside their definitions
        return KIND_TITLES[code]
    return code.replace("_", " ")


def join_names(names: Iterable[str]) -> str:
    """Names in a list, parted by a mark none of them holds: outlets named "Business
    Standard (India), AMP page" or "Lokmat Times (India; ANI copy)" blur a list parted by
    commas.

    >>> join_names(["Reuters", "AFP"]), join_names(["Business Standard (India), AMP page", "AFP"])
    ('Reuters, AFP', 'Business Standard (India), AMP page; AFP')
    >>> join_names(["Daily, Evening", "Lokmat Times (India; ANI copy)"])
    'Daily, Evening · Lokmat Times (India; ANI copy)'
    """
    names = list(names)
    mark = next((m for m in (",", ";") if not any(m in n for n in names)), " ·")
    return f"{mark} ".join(names)


def _luminance(color: str) -> float:
    channels = [int(color.lstrip("#")[k : k + 2], 16) / 255 for k in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(foreground: str, background: str) -> float:
    """WCAG contrast ratio of two ``#RRGGBB`` colours (1 to 21; AA text needs 4.5).

    >>> round(contrast("#000000", "#FFFFFF"), 1), round(contrast("#FFFFFF", "#0072B2"), 2)
    (21.0, 5.19)
    """
    light, dark = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def badge_text(background: str) -> str:
    """The text colour for a badge: near-black, or white where only white reaches 4.5:1.

    >>> badge_text("#BBBBBB"), badge_text("#0072B2")
    ('#111111', '#FFFFFF')
    """
    return "#111111" if contrast("#111111", background) >= 4.5 else "#FFFFFF"
