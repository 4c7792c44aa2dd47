"""An alignment -> one named kind per word edit; many alignments -> mined substitutions.

Every non-equal word edit gets one ``kind``:

- ``name_variant``: another spelling of a name (Qaddafi / Kadhafi, Abdul Hamid /
  Abdulhamid, post-Qaddafi / post-Kadhafi);
- ``spelling``: the same word spelled differently (recognized / recognised, defense /
  Defence, long-time / longtime, western / Western);
- ``label``: another word for the same person, group or event: a lexicon term differs
  (leader -> strongman, its leader -> longtime dictator), or the words stand right
  before a name on both sides;
- ``added_detail`` / ``dropped_detail``: words only one side has (on Friday,
  war-shattered, ", AFP reported"), including a replace of mere stop words by content;
- ``other``: any other rewording.

``detail`` says more: the spelling rule (``case``, ``accents``, ``hyphenation``,
``british_american``, ``variant``), how a name differs (``transliteration``,
``spacing``, ``shorter_name``, ``fuller_name``), the lexicon categories of a label (or
``descriptor``), and what a detail is (``attribution``, ``time``, ``title``, ``quote``,
``number``, ``name``, ``punctuation``).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING

from rapidfuzz.distance import Indel

from ..model import Alignment, WordEdit
from ..names.groups import same_name, skeleton
from ..names.mentions import TITLE_WORDS
from ..normalize import STOPWORDS, word_key
from .attributions import AGENCIES
from .lexicon import Lexicon, load_lexicon, loaded_direction
from .spelling import spelling_rule

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "KINDS",
    "KIND_COLUMNS",
    "classify_edit",
    "classify_changes",
    "mine_substitutions",
    "is_attribution",
]

KINDS = ("name_variant", "spelling", "label", "added_detail", "dropped_detail", "other")
KIND_COLUMNS = (
    "unit",
    "a_index",
    "b_index",
    "tag",
    "a_words",
    "b_words",
    "kind",
    "detail",
    "loaded",
    "a_terms",
    "b_terms",
    "status",
    "a_outlet",
    "b_outlet",
    "a_start",
    "a_end",
    "b_start",
    "b_end",
)

_ATTRIBUTION = re.compile(
    rf"\b(?:{AGENCIES})\b|\b(?:reported|reports|said|says|told|according to|stated|"
    r"quoted|cited|citing|announced|added)\b"
)
_TIME = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|"
    r"april|june|july|august|september|october|november|december|today|yesterday|tomorrow|"
    r"tonight|morning|evening|week|weeks|month|months|year|years|decade|earlier|later|"
    r"(?:1[89]|20)\d\d)\b",
    re.IGNORECASE,
)


def is_attribution(phrase: str) -> bool:
    """Does a phrase credit a source ("AFP reported", "according to Reuters", "(AP)")?

    >>> is_attribution(", AFP reported"), is_attribution("the ministry said"), is_attribution("war-shattered")
    (True, True, False)
    """
    return bool(_ATTRIBUTION.search(phrase))


def _content(words: Iterable[str]) -> list[str]:
    return [w for w in words if w[:1].isalnum() and word_key(w) not in STOPWORDS]


def _detail_of(words: tuple[str, ...]) -> str:
    """What an added or dropped run of words is."""
    phrase = " ".join(words)
    content = _content(words)
    if not content:
        return "punctuation" if not any(w[:1].isalnum() for w in words) else ""
    if is_attribution(phrase):
        return "attribution"
    if re.search(r"[\"\u201c\u201d]", phrase):
        return "quote"
    if all(word_key(w) in TITLE_WORDS for w in content):
        return "title"
    if _TIME.search(phrase):
        return "time"
    if all(w[:1].isupper() for w in content):
        return "name"
    if any(c.isdigit() for c in phrase):
        return "number"
    return ""


def _pair(x: str, y: str) -> tuple[str, str] | None:
    """The kind and detail of one changed word, or None when the words differ in meaning."""
    rule = spelling_rule(x, y)
    names = x[:1].isupper() and y[:1].isupper() and x[:1] != "-"
    if rule == "case":
        return "spelling", "case"
    if rule in ("accents", "hyphenation"):
        return (
            ("name_variant", "spacing" if rule == "hyphenation" else rule)
            if names
            else ("spelling", rule)
        )
    if rule:
        return "spelling", rule
    if names and same_name(x, y):
        return "name_variant", "transliteration"
    short, long = sorted((word_key(x), word_key(y)), key=len)
    inflected = long.startswith(short) and re.fullmatch(
        r"s|es|d|ed|n|ing|er|ly", long[len(short) :]
    )
    if (
        x[:1].islower()
        and not inflected
        and skeleton(short) == skeleton(long)
        and Indel.normalized_similarity(short, long) >= 0.8
    ):
        return "spelling", "variant"
    return None


def _variant(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, str] | None:
    """Name variant or spelling when the phrases differ only in how words are spelled."""
    pa, pb = " ".join(a), " ".join(b)
    if re.sub(r"[\s\-]", "", pa.casefold()) == re.sub(r"[\s\-]", "", pb.casefold()):
        return _pair(pa, pb) or ("spelling", "hyphenation")
    if len(a) != len(b):
        return None
    found: list[tuple[str, str]] = []
    for x, y in zip(a, b, strict=True):
        if x == y:
            continue
        xs, ys = re.split(r"(?<=\w)-(?=\w)", x), re.split(r"(?<=\w)-(?=\w)", y)
        pieces = zip(xs, ys, strict=True) if len(xs) == len(ys) and len(xs) > 1 else [(x, y)]
        for px, py in pieces:
            if px != py:
                kind = _pair(px, py)
                if kind is None:
                    return None
                found.append(kind)
    if not found:
        return None
    names = [k for k in found if k[0] == "name_variant"]
    return names[0] if names else found[0]


def _before_a_name(text: str, end: int) -> bool:
    following = text[end:].lstrip()
    return following[:1].isupper()


def classify_edit(
    edit: WordEdit,
    *,
    a_text: str = "",
    b_text: str = "",
    lexicon: Lexicon | None = None,
) -> tuple[str, str]:
    """The ``(kind, detail)`` of one word edit; the texts give it context.

    >>> from comparative_coverage import word_diff
    >>> [classify_edit(e) for e in word_diff("its leader Muammar Qaddafi was killed, AFP reported",
    ...                                      "longtime dictator Moamer Kadhafi was killed") if e.tag != "equal"]
    [('label', 'ruler'), ('name_variant', 'transliteration'), ('dropped_detail', 'attribution')]
    """
    lexicon = lexicon or load_lexicon()
    if edit.tag == "equal":
        return "other", ""
    if edit.tag in ("insert", "delete"):
        words = edit.b_words if edit.tag == "insert" else edit.a_words
        text, span = (b_text, edit.b_span) if edit.tag == "insert" else (a_text, edit.a_span)
        detail = _detail_of(words)
        if detail == "punctuation":
            return "other", detail
        if detail == "name" and text and _before_a_name(text, span[1]):
            return "name_variant", "fuller_name" if edit.tag == "insert" else "shorter_name"
        return ("added_detail" if edit.tag == "insert" else "dropped_detail"), detail
    variant = _variant(edit.a_words, edit.b_words)
    if variant:
        return variant
    a_content, b_content = _content(edit.a_words), _content(edit.b_words)
    if not a_content and b_content:
        return "added_detail", _detail_of(edit.b_words)
    if a_content and not b_content:
        return "dropped_detail", _detail_of(edit.a_words)
    a_terms = {(h.term.term, h.term.category) for h in lexicon.find(edit.a_phrase)}
    b_terms = {(h.term.term, h.term.category) for h in lexicon.find(edit.b_phrase)}
    if a_terms != b_terms:
        categories = sorted({c for _, c in a_terms ^ b_terms})
        return "label", "; ".join(categories)
    if (
        a_text
        and b_text
        and _before_a_name(a_text, edit.a_span[1])
        and _before_a_name(b_text, edit.b_span[1])
        and not edit.a_words[-1][:1].isupper()
    ):
        return "label", "descriptor"
    a_keys, b_keys = {word_key(w) for w in a_content}, {word_key(w) for w in b_content}
    if a_keys < b_keys:
        return "added_detail", _detail_of(
            tuple(w for w in edit.b_words if word_key(w) not in a_keys)
        )
    if b_keys < a_keys:
        return "dropped_detail", _detail_of(
            tuple(w for w in edit.a_words if word_key(w) not in b_keys)
        )
    return "other", ""


def _sentence_at(lengths: list[int], position: int) -> int:
    """Which of several sentences joined by one space a character position falls in."""
    index, start = 0, 0
    for k, length in enumerate(lengths):
        if position >= start:
            index = k
        start += length + 1
    return index


def classify_changes(alignment: Alignment, *, lexicon: Lexicon | None = None) -> pd.DataFrame:
    """One row per non-equal word edit, with its ``kind`` (see :data:`KINDS`).

    Columns (:data:`KIND_COLUMNS`): ``unit, a_index, b_index, tag, a_words, b_words,
    kind, detail, loaded`` (``towards``/``away``/``none``: did the edit move towards
    loaded language, by the lexicon's load), ``a_terms, b_terms`` (lexicon terms on each
    side), ``status`` (the unit's), ``a_outlet, b_outlet``, and character offsets in the
    unit's joined sentences.
    """
    import pandas as pd

    lexicon = lexicon or load_lexicon()
    rows = []
    for unit in alignment.units:
        if not unit.edits:
            continue
        a_parts = [alignment.a_sentences[i] for i in unit.a]
        b_parts = [alignment.b_sentences[j] for j in unit.b]
        a_text, b_text = " ".join(a_parts), " ".join(b_parts)
        for edit in unit.edits:
            if edit.tag == "equal":
                continue
            kind, detail = classify_edit(edit, a_text=a_text, b_text=b_text, lexicon=lexicon)
            a_index = (
                unit.a[_sentence_at([len(s) for s in a_parts], edit.a_span[0])] if unit.a else None
            )
            b_index = (
                unit.b[_sentence_at([len(s) for s in b_parts], edit.b_span[0])] if unit.b else None
            )
            rows.append(
                (
                    unit.unit,
                    a_index,
                    b_index,
                    edit.tag,
                    edit.a_phrase,
                    edit.b_phrase,
                    kind,
                    detail,
                    loaded_direction(edit.a_phrase, edit.b_phrase, lexicon=lexicon),
                    "; ".join(h.term.term for h in lexicon.find(edit.a_phrase)),
                    "; ".join(h.term.term for h in lexicon.find(edit.b_phrase)),
                    unit.status,
                    alignment.a_name,
                    alignment.b_name,
                    *edit.a_span,
                    *edit.b_span,
                )
            )
    frame = pd.DataFrame(rows, columns=list(KIND_COLUMNS))
    for column in ("a_index", "b_index"):
        frame[column] = frame[column].astype("Int64")
    frame["kind"] = pd.Categorical(frame["kind"], categories=list(KINDS))
    return frame


def mine_substitutions(
    alignments: Iterable[Alignment],
    *,
    lexicon: Lexicon | None = None,
    kinds: Iterable[str] = ("label", "other"),
    max_words: int = 6,
) -> pd.DataFrame:
    """Word replacements across many alignments, most frequent first: a lexicon's to-do list.

    One row per distinct (a_words, b_words), case folded: ``a_words, b_words, count,
    kind, loaded, a_terms, b_terms, unlisted`` (content words the lexicon lacks) and
    ``outlets`` (which pairs of outlets made the substitution).
    """
    import pandas as pd

    lexicon = lexicon or load_lexicon()
    kinds = set(kinds)
    counted: Counter = Counter()
    first: dict[tuple[str, str], dict] = {}
    outlets: dict[tuple[str, str], list[str]] = defaultdict(list)
    for alignment in alignments:
        changes = classify_changes(alignment, lexicon=lexicon)
        changes = changes[(changes["tag"] == "replace") & changes["kind"].isin(kinds)]
        for row in changes.itertuples():
            if max(len(row.a_words.split()), len(row.b_words.split())) > max_words:
                continue
            key = (row.a_words.casefold(), row.b_words.casefold())
            counted[key] += 1
            first.setdefault(key, row._asdict())
            pair = f"{row.a_outlet} -> {row.b_outlet}"
            if pair not in outlets[key]:
                outlets[key].append(pair)
    rows = []
    for key, count in counted.items():
        row = first[key]
        listed = {
            term_word
            for h in lexicon.find(f"{row['a_words']} {row['b_words']}")
            for term_word in h.text.split()
        }
        unlisted = [
            w
            for w in _content(tuple(f"{row['a_words']} {row['b_words']}".split()))
            if w not in listed
        ]
        rows.append(
            (
                row["a_words"],
                row["b_words"],
                count,
                row["kind"],
                row["loaded"],
                row["a_terms"],
                row["b_terms"],
                "; ".join(dict.fromkeys(unlisted)),
                "; ".join(outlets[key]),
            )
        )
    columns = [
        "a_words",
        "b_words",
        "count",
        "kind",
        "loaded",
        "a_terms",
        "b_terms",
        "unlisted",
        "outlets",
    ]
    frame = pd.DataFrame(rows, columns=columns)
    return frame.sort_values(
        ["count", "a_words", "b_words"], ascending=[False, True, True], ignore_index=True
    )
