"""Changes that show only beside the unit's edits, or across a whole version.

The word diff sees one sentence pair at a time, in order. These rules read more: a name,
form, figure, honorific or label that moved within a unit's sentences (so it shows as
dropped here and added there), a description standing in for a name, premodifiers
swapped, and what a version does everywhere (a name spelled its own way, a modifier it
always adds, a figure it updated in another sentence). Each returns the rows of
:mod:`.kinds` with the rows it adds or renames.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from typing import NamedTuple

from rapidfuzz.distance import Indel

from ..model import Alignment
from ..names.memo import shared
from ..names.spans import DEMONYMS, ORG_HEADS, PERSON_TITLES, TITLE_WORDS, name_spans
from ..normalize import STOPWORDS, tokenize, word_key
from ..vocabulary import listed
from .attributions import credit_spans
from .edit_rules import (
    is_age,
    is_ownership,
    name_pair,
    number_word_keys,
    word_pair,
)
from .figures import updated_figures
from .forms import DAMAGE, format_key, lost_dot, same_figure, typo
from .labels import labels_beside_names
from .lexicon import Lexicon, loaded_direction
from .pieces import _CREDIT_LINE, _CREDIT_LINE_WORDS, _REWORDING, _SAYING, change_row, span_row
from .spelling import american


def _form_of(x: str, y: str, x_next: str = "", y_next: str = "") -> tuple[str, str] | None:
    """How two single words differ in form only: style, house case, or a misspelling."""
    if lost_dot(x, y, a_next=x_next, b_next=y_next):
        return "typo", "damage"  # pm / "p.m preparing"
    # the cheap tests first: most pairs of words in a rewritten unit fail them
    if any(c.isdigit() or c == "." for c in x + y) and format_key(x) == format_key(y):
        return "format", "style"  # U.S. / US, 6th / sixth
    if x.casefold() == y.casefold() and (x.isupper() or y.isupper()) and len(x) > 3:
        return "spelling", "case"  # NICOLA / Nicola
    if (word_key(x) in TITLE_WORDS or word_key(y) in TITLE_WORDS) and typo(
        x, y, context=x + " " + y
    ) == "misspelling":
        return "typo", "misspelling"  # Minster / Minister
    return None


def _marked(word: str) -> bool:
    """A digit or a dot in the word, or a title word: what each test of :func:`_form_of`
    but the one of case needs on one side (a dot for ``lost_dot`` too)."""
    return any(c.isdigit() or c == "." for c in word) or word_key(word) in TITLE_WORDS


def _moved_forms(alignment: Alignment, unit, rows: list[tuple]) -> list[tuple]:
    """A word written in another form inside edits that rewrote the words around it
    ("U.S. support" / "US support", "6th" / "sixth", NICOLA / Nicola): one more row."""
    a_text = " ".join(alignment.a_sentences[i] for i in unit.a)
    b_text = " ".join(alignment.b_sentences[j] for j in unit.b)
    a_words = {t.text: t for t in tokenize(a_text) if t.text[:1].isalnum()}
    b_words = {t.text: t for t in tokenize(b_text) if t.text[:1].isalnum()}
    # only a word one side alone writes can have changed form: a unit that rewrote
    # words around the same words (most) has none on one side, and nothing to pair
    a_only = [x for x in a_words if x not in b_words]
    b_only = [(y, ty) for y, ty in b_words.items() if y not in a_words]
    if not (a_only and b_only):
        return rows
    covered = {(r[4], r[5]) for r in rows if r[6] in ("format", "spelling", "typo")}
    # a word inside a dateline or credit added or dropped is that change's ("KYIV,
    # Ukraine (AP) —" dropped, "Kyiv" written later on): not a word moved and respelled
    credited = [(r[14], r[15], r[16], r[17]) for r in rows if r[6] in ("attribution", "dateline")]
    # _form_of finds a form only where a word holds a digit or a dot or is a title, or
    # the two differ in case alone: other pairs (most) are not asked
    marked = {w for w in a_only if _marked(w)} | {y for y, _ in b_only if _marked(y)}
    extra = []
    for x in a_only:
        tx = a_words[x]
        if any(x == a for a, _ in covered) or any(
            a0 <= tx.start and tx.end <= a1 for a0, a1, _, _ in credited
        ):
            continue
        for y, ty in b_only:
            if not (x in marked or y in marked or x.casefold() == y.casefold()):
                continue
            if any(b0 <= ty.start and ty.end <= b1 for _, _, b0, b1 in credited):
                continue
            form = _form_of(x, y, a_text[tx.end :], b_text[ty.end :])
            if form is None or any(y == b for _, b in covered):
                continue
            extra.append(_extra_row(alignment, unit, tx, ty, *form))
            covered.add((x, y))
            break
    return rows + extra


def _extra_row(alignment: Alignment, unit, tx, ty, kind: str, detail: str) -> tuple:
    return span_row(
        alignment, unit, tx.text, (tx.start, tx.end), ty.text, (ty.start, ty.end), kind, detail
    )


def _moved_names(alignment: Alignment, unit, rows: list[tuple]) -> list[tuple]:
    """A name spelled one way in a and another in b, inside edits that moved or rewrote
    the words around it (Zelenskyy ... / ... Zelensky): one more row, a name variant."""
    a_text = " ".join(alignment.a_sentences[i] for i in unit.a)
    b_text = " ".join(alignment.b_sentences[j] for j in unit.b)
    a_names = {t.text: t for t in tokenize(a_text) if t.text[:1].isupper() and len(t.text) > 3}
    b_names = {t.text: t for t in tokenize(b_text) if t.text[:1].isupper() and len(t.text) > 3}
    if a_names.keys() == b_names.keys():
        # both write the same names: none is spelled otherwise, and a name spaced on one
        # side would need a single word the other side alone writes
        return rows
    named = {(r[4], r[5]) for r in rows if r[6] == "name_variant"}
    extra = _spaced_names(alignment, unit, a_text, b_text, a_names, b_names, named)
    for x, tx in a_names.items():
        if x in b_names or any(x in a for a, _ in named):
            continue
        candidates = [
            y
            for y in b_names
            if y not in a_names and not any(y in b for _, b in named) and name_pair(x, y)
        ]
        if not candidates:
            continue
        y = max(candidates, key=lambda c: (Indel.normalized_similarity(x, c), c))  # the nearest
        extra.append(_extra_row(alignment, unit, tx, b_names[y], *name_pair(x, y)))
        named.add((x, y))
    return rows + extra


def _spellings(sentences: Sequence[str]) -> dict[str, list[tuple[int, int, int]]]:
    """Each capitalised word a version writes (four letters or more): where it stands,
    as ``(sentence, start, end)``; made once a version within a ``sharing`` block (a
    story's spine is compared with each other version). Shared: never change it."""
    sentences = tuple(sentences)
    return shared(("spellings", sentences), lambda: _find_spellings(sentences))


def _find_spellings(sentences: Sequence[str]) -> dict[str, list[tuple[int, int, int]]]:
    found: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
    for i, sentence in enumerate(sentences):
        for token in tokenize(sentence):
            if token.text[:1].isupper() and len(token.text) > 3:
                found[token.text].append((i, token.start, token.end))
    return dict(found)


def _version_names(alignment: Alignment, rows: list[tuple]) -> list[tuple]:
    """A name spelled one way in all of a and another way in all of b is a variant
    wherever it occurs, paired sentences or not (Zelenskyy / Zelensky in a caption):
    one row per sentence that writes it and that no name row covers yet. The row goes in
    the unit of the sentence it is for (a dropped or added sentence's too); the other
    side's offsets are in its own unit's text."""
    a_spelt, b_spelt = _spellings(alignment.a_sentences), _spellings(alignment.b_sentences)
    a_only = [x for x in a_spelt if x not in b_spelt]
    b_only = [y for y in b_spelt if y not in a_spelt]
    twins = {}
    for x in a_only:
        near = [y for y in b_only if name_pair(x, y)]
        if near:
            twins[x] = max(near, key=lambda c: (Indel.normalized_similarity(x, c), c))
    if not twins:
        return rows
    where: dict[tuple[str, int], int] = {}  # (side, sentence) -> unit
    starts: dict[tuple[str, int], int] = {}  # (side, sentence) -> offset in the unit's text
    partner: dict[int, set[int]] = defaultdict(set)
    for unit in alignment.units:
        for side, indices, sentences in (
            ("a", unit.a, alignment.a_sentences),
            ("b", unit.b, alignment.b_sentences),
        ):
            offset = 0
            for k in indices:
                where[side, k], starts[side, k] = unit.unit, offset
                offset += len(sentences[k]) + 1
        for i in unit.a:
            partner[i].update(unit.b)
    status = {unit.unit: unit.status for unit in alignment.units}
    named = [r for r in rows if r[6] in ("name_variant", "name_form")]
    extra = []
    for x, y in twins.items():
        if sum(1 for v in twins.values() if v == y) > 1:
            continue  # two spellings in a for one in b: no one-to-one variant
        detail = name_pair(x, y)[1]
        done_a = {r[1] for r in named if x in r[4]}
        done_b = {r[2] for r in named if y in r[5]}
        b_first = b_spelt[y][0]
        for i, a0, a1 in a_spelt[x]:
            if i in done_a:
                continue
            here = [o for o in b_spelt[y] if o[0] in partner[i] and o[0] not in done_b]
            j, b0, b1 = here[0] if here else b_first
            extra.append((where["a", i], i, j, a0, a1, b0, b1))
            done_a.add(i)
            done_b.add(j)
        a_first = a_spelt[x][0]
        for j, b0, b1 in b_spelt[y]:
            if j in done_b:
                continue
            i, a0, a1 = a_first
            extra.append((where["b", j], i, j, a0, a1, b0, b1))
            done_b.add(j)
        rows = rows + [
            (
                unit,
                i,
                j,
                "replace",
                x,
                y,
                "name_variant",
                detail,
                "none",
                "",
                "",
                status[unit],
                alignment.a_name,
                alignment.b_name,
                starts["a", i] + a0,
                starts["a", i] + a1,
                starts["b", j] + b0,
                starts["b", j] + b1,
            )
            for unit, i, j, a0, a1, b0, b1 in extra
        ]
        extra = []
    return rows


_MODIFIER_WORDS = listed("descriptor_modifiers")
_WHERE = listed("place_modifiers")  # central Berlin: where, not who


def _last_word(text: str) -> tuple[int, int] | None:
    r"""Where the word (letters, digits, '_' or '-') that ends ``text`` before its trailing
    spaces stands, or None: a loop, as ``re.search(r"([\w-]+)\s+$")`` was quadratic on a long
    run of word characters."""
    end = len(text.rstrip())
    start = end
    while start and (text[start - 1].isalnum() or text[start - 1] in "_-"):
        start -= 1
    return (start, end) if start < end < len(text) else None


def _premodified(sentences: Sequence[str]) -> tuple[dict, dict[str, list[int]]]:
    """Per name (its last word): the listed descriptor words written right before it
    ("elite" Revolutionary Guards; not a title such as "chief", not a word of place such
    as "central" Berlin), each with where it stands; and the sentences naming it. Made
    once a version within a ``sharing`` block; shared: never change it."""
    sentences = tuple(sentences)
    return shared(("premodified", sentences), lambda: _find_premodified(sentences))


def _find_premodified(sentences: Sequence[str]) -> tuple[dict, dict[str, list[int]]]:
    described: dict[str, list[tuple[str, int, int, int]]] = defaultdict(list)
    mentioned: dict[str, list[int]] = defaultdict(list)
    for i, sentence in enumerate(sentences):
        spans = name_spans(sentence)
        for start, _end, parts, title_start in spans:
            mentioned[parts[-1]].append(i)
            span = _last_word(sentence[: min(start, title_start)])
            word = sentence[span[0] : span[1]] if span else ""
            key = word_key(word) if span else ""
            if key in _MODIFIER_WORDS and key not in _WHERE and key not in TITLE_WORDS:
                described[parts[-1]].append((word, i, *span))
    return dict(described), dict(mentioned)


def _version_modifiers(alignment: Alignment, rows: list[tuple]) -> list[tuple]:
    """A listed descriptor one version puts before a name and the other never, though it
    names it ("Iran's elite Revolutionary Guards" / "Iran's Revolutionary Guards"), is a
    label dropped or added wherever it stands, paired sentences or not."""
    a_desc, a_named = _premodified(alignment.a_sentences)
    b_desc, b_named = _premodified(alignment.b_sentences)
    unit_of = {}
    for unit in alignment.units:
        for side, indices in (("a", unit.a), ("b", unit.b)):
            for k in indices:
                unit_of[side, k] = unit
    partners = {i: set(unit_of["a", i].b) for i in range(len(alignment.a_sentences))}
    labelled_a = {r[1] for r in rows if r[6] == "label"}
    labelled_b = {r[2] for r in rows if r[6] == "label"}
    extra = []
    for side, desc, other_desc, other_named in (
        ("a", a_desc, b_desc, b_named),
        ("b", b_desc, a_desc, a_named),
    ):
        for name, found in desc.items():
            if not other_named.get(name):
                continue  # the other version does not name it: nothing to compare
            said = {word_key(w) for w, *_ in other_desc.get(name, [])}
            for word, i, start, end in found:
                if word_key(word) in said or i in (labelled_a if side == "a" else labelled_b):
                    continue
                if side == "a":
                    near = [j for j in other_named[name] if j in partners[i]]
                    j = (near or other_named[name])[0]
                    a_index, b_index, unit = i, j, unit_of["a", i]
                else:
                    near = [k for k in other_named[name] if i in partners[k]]
                    a_index, b_index, unit = (near or other_named[name])[0], i, unit_of["b", i]
                at = _offset(
                    alignment.a_sentences if side == "a" else alignment.b_sentences,
                    unit.a if side == "a" else unit.b,
                    i,
                )
                span = (at + start, at + end)
                extra.append(
                    change_row(
                        alignment,
                        unit,
                        a_index,
                        b_index,
                        "delete" if side == "a" else "insert",
                        word if side == "a" else "",
                        "" if side == "a" else word,
                        "label",
                        "descriptor",
                        span if side == "a" else (0, 0),
                        (0, 0) if side == "a" else span,
                    )
                )
    return rows + extra


def _offset(sentences: list[str], indices, k: int) -> int:
    """Where sentence ``k`` starts in its unit's joined text."""
    at = 0
    for index in indices:
        if index == k:
            return at
        at += len(sentences[index]) + 1
    return at


def _two_word_names(text: str) -> dict[str, tuple[int, int]]:
    """Two capitalised words in a row ("Iran Wire"), as written, with their span."""
    tokens = tokenize(text)
    found = {}
    for x, y in zip(tokens, tokens[1:], strict=False):
        if x.text[:1].isupper() and y.text[:1].isupper() and text[x.end : y.start] == " ":
            found.setdefault(f"{x.text} {y.text}", (x.start, y.end))
    return found


def _spaced_names(alignment, unit, a_text, b_text, a_names, b_names, named) -> list[tuple]:
    """A name written as two words in one version and one in the other, inside rewritten
    words (Iran Wire / Iranware, Abdul Hamid / Abdulhamid): a name variant each."""
    extra = []
    for text, pairs, singles, flip in (
        (a_text, _two_word_names(a_text), b_names, False),
        (b_text, _two_word_names(b_text), a_names, True),
    ):
        other_text = b_text if not flip else a_text
        for spaced, (start, end) in pairs.items():
            if spaced in other_text:
                continue
            for single, token in singles.items():
                if single in text or word_key(single) in TITLE_WORDS:
                    continue
                kind = name_pair(spaced, single)
                if not kind or any(single in p or spaced in p for pair in named for p in pair):
                    continue
                span = type(token)(spaced, start, end)
                tx, ty = (span, token) if not flip else (token, span)
                extra.append(_extra_row(alignment, unit, tx, ty, *kind))
                named.add((tx.text, ty.text))
                break
    return extra


# a whole token of at most 41 characters: unbounded, a long run of "Ab'Ab'..." was quadratic
_CAPITAL_WORD = r"[A-Z][\w'\u2019-]{1,40}+(?![\w'\u2019-])"
_CALLED = re.compile(
    rf"\b({_CAPITAL_WORD})\.?\s+({_CAPITAL_WORD})"
)  # "Ms Sturgeon", "Nicola Sturgeon"


def _called(text: str) -> tuple[dict[str, re.Match], dict[str, re.Match]]:
    """Surnames a text writes after an honorific ("Ms Sturgeon") and after a first name
    ("Nicola Sturgeon"), each with its first place."""
    honoured: dict[str, re.Match] = {}
    named: dict[str, re.Match] = {}
    for match in _CALLED.finditer(text):
        first, surname = match.group(1), word_key(match.group(2))
        key = word_key(first).rstrip(".")
        if key in listed("honorifics"):
            honoured.setdefault(surname, match)
        elif key not in TITLE_WORDS and key not in STOPWORDS and len(key) > 1:
            named.setdefault(surname, match)
    return honoured, named


def _moved_honorifics(alignment: Alignment, unit, rows: list[tuple]) -> list[tuple]:
    """A person called "Ms Sturgeon" in one version and "Nicola Sturgeon" in the other,
    inside rewritten words: one more row, an honorific for a first name."""
    if not (unit.a and unit.b):
        return rows
    a_text = " ".join(alignment.a_sentences[i] for i in unit.a)
    b_text = " ".join(alignment.b_sentences[j] for j in unit.b)
    (a_hon, a_named), (b_hon, b_named) = _called(a_text), _called(b_text)
    said = [(r[14], r[15], r[16], r[17]) for r in rows if r[6] == "honorific"]
    extra = []
    for surname in sorted((set(a_named) & set(b_hon)) | (set(a_hon) & set(b_named))):
        if surname in a_hon and surname in b_hon:
            continue
        x = a_named.get(surname) or a_hon[surname]
        y = b_hon.get(surname) or b_named[surname]
        if any(
            a0 < x.end() and x.start() < a1 or b0 < y.end() and y.start() < b1
            for a0, a1, b0, b1 in said
        ):
            continue  # the word diff already named it
        if surname in a_hon and surname in a_named and surname in b_hon:
            continue  # a writes both forms: nothing changed
        if surname in b_hon and surname in b_named and surname in a_named:
            continue
        extra.append(
            span_row(
                alignment,
                unit,
                x.group(),
                x.span(),
                y.group(),
                y.span(),
                "honorific",
                "for_first_name",
            )
        )
    return rows + extra


_DATES = listed("calendar", "relative_time")


def _same_person(x: str, y: str) -> bool:
    return word_key(x) == word_key(y) or name_pair(x, y) is not None


def _moved_labels(alignment: Alignment, unit, rows: list[tuple], lexicon: Lexicon) -> list[tuple]:
    """A name both versions write, described otherwise beside it (", the X,", "eastern
    warlord X", "human rights organisation X"): one more row per label added, dropped or
    swapped, unless a label row already covers those words."""
    if not (unit.a and unit.b):
        return rows
    a_text = " ".join(alignment.a_sentences[i] for i in unit.a)
    b_text = " ".join(alignment.b_sentences[j] for j in unit.b)
    a_labels = labels_beside_names(a_text, lexicon=lexicon)
    b_labels = labels_beside_names(b_text, lexicon=lexicon)
    if not (a_labels or b_labels):
        return rows  # no label on either side: none added, dropped or swapped
    a_names = {n for n, _, _ in a_labels} | _heads(a_text, a_labels)
    b_names = {n for n, _, _ in b_labels} | _heads(b_text, b_labels)
    labelled = [(r[14], r[15], r[16], r[17]) for r in rows if r[6] == "label"]
    a_labelled = {n for n, _, _ in a_labels}
    b_labelled = {n for n, _, _ in b_labels}
    extra = []
    for name in sorted(a_names):
        # a name without a label in a needs a twin with one in b (most names have none)
        twins = [
            n for n in (b_names if name in a_labelled else b_labelled) if _same_person(name, n)
        ]
        if not twins:
            continue
        mine = [(d, s) for n, d, s in a_labels if n == name and _short_label(d)]
        theirs = [(d, s) for n, d, s in b_labels if n in twins and _short_label(d)]
        said_a = {_label_key(d) for d, _ in mine}
        said_b = {_label_key(d) for d, _ in theirs}
        gone = [
            f for f in mine if _label_key(f[0]) not in said_b and not _covered(f, None, labelled)
        ]
        new = [
            f for f in theirs if _label_key(f[0]) not in said_a and not _covered(None, f, labelled)
        ]
        for k in range(max(len(gone), len(new))):
            x = gone[k] if k < len(gone) else None
            y = new[k] if k < len(new) else None
            if (x and y) or _describes(x or y):
                extra.append(_label_row(alignment, unit, x, y))
    return rows + extra


# "the Glasgow Southside MSP", "the Hamas chief": a definite description ending in a title,
# no name after it (a name after it makes the title part of the name's mention)
_DESCRIPTION = re.compile(r"\b[Tt]he((?:\s+[\w'\u2019-]+){1,4}?)\s+([\w-]+)\b(?!\s+[A-Z])")


def _person_names(text: str) -> list[tuple[int, int]]:
    """Where a text names a person in full (two words or more, no organisation's head)."""
    return [
        (start, end)
        for start, end, parts, _ in name_spans(text)
        if len(parts) >= 2 and not any(word_key(p) in ORG_HEADS for p in parts)
    ]


def _descriptions(text: str) -> list[tuple[int, int]]:
    return [
        m.span()
        for m in _DESCRIPTION.finditer(text)
        if word_key(m.group(2)) in PERSON_TITLES and m.group(2)[:1].isalpha()
    ]


class _Span(NamedTuple):
    """Words of a unit's joined text and where they stand (what ``_extra_row`` reads)."""

    text: str
    start: int
    end: int


def _names_for_descriptions(alignment: Alignment, unit, rows: list[tuple]) -> list[tuple]:
    """A person named on one side and, in the passage rewritten around it, described on
    the other ("Nicola Sturgeon" / "The Glasgow Southside MSP"): a label standing in for
    the name, one more row, when the describing side does not name that person there."""
    a_text = " ".join(alignment.a_sentences[i] for i in unit.a)
    b_text = " ".join(alignment.b_sentences[j] for j in unit.b)
    extra = []
    for r in rows:
        if r[6] not in _REWORDING or not (r[4] and r[5]):
            continue
        a_span, b_span = (r[14], r[15]), (r[16], r[17])
        found = _name_and_description(a_text, a_span, b_text, b_span)
        if found:
            extra.append(_extra_row(alignment, unit, *found, "label", "name_for_descriptor"))
            continue
        found = _name_and_description(b_text, b_span, a_text, a_span)
        if found:
            extra.append(
                _extra_row(alignment, unit, found[1], found[0], "label", "name_for_descriptor")
            )
    return rows + extra


def _name_and_description(
    x_text: str, x_span: tuple[int, int], y_text: str, y_span: tuple[int, int]
) -> tuple[_Span, _Span] | None:
    """A full name in x's words and a description in y's words that does not name that
    person (neither the name nor its last word stands in y's words)."""
    x0, y0 = x_span[0], y_span[0]
    x_words, y_words = x_text[x0 : x_span[1]], y_text[y0 : y_span[1]]
    descriptions = _descriptions(y_words)
    if not descriptions:
        return None
    y_keys = {word_key(t.text) for t in tokenize(y_words)}
    for start, end in _person_names(x_words):
        last = word_key(tokenize(x_words[start:end])[-1].text)
        if last in y_keys:
            continue
        d0, d1 = descriptions[0]
        return (
            _Span(x_words[start:end], x0 + start, x0 + end),
            _Span(y_words[d0:d1], y0 + d0, y0 + d1),
        )
    return None


def _heads(text: str, labels) -> set[str]:
    """The names a text mentions on their own: a name written only inside another's
    descriptor ("Hamas" in "Hamas leader Ismail Haniyeh") is no mention a label can be
    dropped from, since a label swap or drop needs the same referent on both sides."""
    inside = [span for _, _, span in labels]
    return {
        parts[-1]
        for start, end, parts, _ in name_spans(text)
        if not any(s0 <= start and end <= s1 for s0, s1 in inside)
    }


def _short_label(descriptor: str) -> bool:
    """A descriptor, not a clause: six words at most, no verb of saying, no date."""
    words = descriptor.split()
    keys = [word_key(w) for w in words]
    return (
        len(words) <= 6
        and not is_age(words)  # "35-year-old": a detail
        and not is_ownership(words)  # "state-run": a fact about the organisation
        and not any(k in _SAYING or k in _DATES for k in keys)
    )


def _label_key(descriptor: str) -> str:
    """Spelling and dots folded (Defense / Defence Secretary, U.S. / US President)."""
    return " ".join(american(word_key(w).replace(".", "")) for w in descriptor.split())


def _describes(found) -> bool:
    """Added or dropped alone, a label must say more than a title and a nationality:
    a lower-case word that is no title ("human rights organisation", not "US President"),
    and more than a gloss of where a body is from ("an Iranian group")."""
    words = found[0].split()
    return any(
        w.islower() and word_key(w) not in TITLE_WORDS and word_key(w) not in STOPWORDS
        for w in words
    ) and not _gloss(words)


def _gloss(words: list[str]) -> bool:
    """A nationality and what kind of body: "an Iranian group", "a Chinese company"."""
    content = [word_key(w) for w in words if word_key(w) not in STOPWORDS]
    return (
        len(content) >= 2
        and all(k in DEMONYMS or k in ORG_HEADS for k in content)
        and any(k in DEMONYMS for k in content)
        and any(k in ORG_HEADS for k in content)
    )


def _covered(x, y, labelled) -> bool:
    """Does a label row already hold these words (on either side)?"""
    for a0, a1, b0, b1 in labelled:
        if x and a0 < x[1][1] and x[1][0] < a1:
            return True
        if y and b0 < y[1][1] and y[1][0] < b1:
            return True
    return False


def _label_row(alignment: Alignment, unit, x, y) -> tuple:
    a_span = x[1] if x else (0, 0)
    b_span = y[1] if y else (0, 0)
    a_words = x[0] if x else ""
    b_words = y[0] if y else ""
    return span_row(alignment, unit, a_words, a_span, b_words, b_span, "label", "beside_name")


_FIGURE = re.compile(
    r"(?<![\w.,:])(?P<figure>\d[\d,.:]*\d|\d|hundreds|thousands|dozens|millions)"
    r"(?:\s+of)?\s+(?P<noun>[a-z][a-z-]{2,})",
    re.IGNORECASE,
)


def _figures(text: str) -> dict[str, re.Match]:
    """Each noun counted in a text, with its figure: "128 passengers", "thousands of people"."""
    return {m.group("noun").casefold(): m for m in _FIGURE.finditer(text)}


def _moved_figures(alignment: Alignment, unit, rows: list[tuple]) -> list[tuple]:
    """The same thing counted otherwise inside rewritten words (128 passengers / nearly
    160 passengers): one more row, a figure changed, unless a row already says so."""
    a_text = " ".join(alignment.a_sentences[i] for i in unit.a)
    b_text = " ".join(alignment.b_sentences[j] for j in unit.b)
    a_figures, b_figures = _figures(a_text), _figures(b_text)
    counted = {r[4] for r in rows if r[6] == "number"} | {r[5] for r in rows if r[6] == "number"}
    extra = []
    for noun in sorted(set(a_figures) & set(b_figures)):
        x, y = a_figures[noun], b_figures[noun]
        fx, fy = x.group("figure"), y.group("figure")
        if same_figure(fx, fy) or any(fx in c or fy in c for c in counted):
            continue  # 1,500 / 1500 is the same figure written otherwise (a format)
        extra.append(
            span_row(alignment, unit, x.group(), x.span(), y.group(), y.span(), "number", "figure")
        )
    return rows + extra


def _holds_figure(words: str, figure: str) -> bool:
    """Whether an edit's words hold ``figure`` as a whole figure or word, not inside
    another ("5" is not in "150").

    >>> _holds_figure("nearly 150", "5"), _holds_figure("1,500 people", "1,500")
    (False, True)
    """
    return figure in re.findall(r"\d[\d,.]*\d|\d|[^\W\d_]+", words)


def _units_of(alignment: Alignment) -> dict[tuple[str, int], object]:
    """Each sentence's unit, by (side, index)."""
    unit_of = {}
    for unit in alignment.units:
        for side, indices in (("a", unit.a), ("b", unit.b)):
            for k in indices:
                unit_of[side, k] = unit
    return unit_of


def _version_figures(alignment: Alignment, rows: list[tuple]) -> list[tuple]:
    """A figure updated across sentences the aligner did not pair with each other
    (:func:`~.figures.updated_figures`): one more row, in the unit of the a sentence,
    unless a number row already holds either figure; the b offsets are in b's own unit."""
    unit_of = _units_of(alignment)
    numbered = [r for r in rows if r[6] == "number"]
    extra = []
    for x, y in updated_figures(alignment):
        if any(
            (r[1] == x.sentence and _holds_figure(r[4], x.figure))
            or (r[2] == y.sentence and _holds_figure(r[5], y.figure))
            for r in numbered
        ):
            continue
        if x.noun != y.noun:  # "1,500 people" / "thousands flocking": show the figures
            x = replace(x, end=x.figure_end)
            y = replace(y, end=y.figure_end)
        unit, b_unit = unit_of["a", x.sentence], unit_of["b", y.sentence]
        a_at = _offset(alignment.a_sentences, unit.a, x.sentence)
        b_at = _offset(alignment.b_sentences, b_unit.b, y.sentence)
        extra.append(
            change_row(
                alignment,
                unit,
                x.sentence,
                y.sentence,
                "replace",
                alignment.a_sentences[x.sentence][x.start : x.end],
                alignment.b_sentences[y.sentence][y.start : y.end],
                "number",
                "figure_elsewhere",
                (a_at + x.start, a_at + x.end),
                (b_at + y.start, b_at + y.end),
            )
        )
    return rows + extra


def _restated_forms(alignment: Alignment, rows: list[tuple]) -> list[tuple]:
    """A dek, caption or embedded post that restates a sentence of the other version
    writes a word of it in another form: "First Minster" in a caption restating "First
    Minister", "6th" in a post quoting "sixth", "???" for a lost character. The form is
    the outlet's, though the two sentences sit in different units: one row for each word
    of the restating sentence, in its unit (the other side's offsets in its own unit).
    Only forms: the rest of a restatement is rewording by nature, not a change."""
    if not alignment.restatements:
        return rows
    unit_of = _units_of(alignment)
    vocabularies = _Vocabularies(alignment)
    # a word another rule already reported in that sentence (a name spelled otherwise
    # all through a version) is not reported again
    seen = {("a", r[1], r[4]) for r in rows} | {("b", r[2], r[5]) for r in rows}
    extra = []
    for link in alignment.restatements:
        a_text, b_text = alignment.a_sentences[link.a], alignment.b_sentences[link.b]
        unit = unit_of[link.by, link.a if link.by == "a" else link.b]
        a_at = _offset(alignment.a_sentences, unit_of["a", link.a].a, link.a)
        b_at = _offset(alignment.b_sentences, unit_of["b", link.b].b, link.b)
        for x, y, kind, detail in _forms_between(a_text, b_text, link.by, vocabularies):
            words = (x.text if x else "", y.text if y else "")
            token = x if link.by == "a" else y
            index = link.a if link.by == "a" else link.b
            place = (link.by, index, token.start)  # type: ignore[union-attr]
            said = (link.by, index, token.text)  # type: ignore[union-attr]
            if place in seen or said in seen:
                continue  # a post restating three sentences: its word once
            seen.update((place, said))
            a_span = (a_at + x.start, a_at + x.end) if x else (a_at, a_at)
            b_span = (b_at + y.start, b_at + y.end) if y else (b_at, b_at)
            tag = "replace" if x and y else "delete" if x else "insert"
            extra.append(
                change_row(
                    alignment, unit, link.a, link.b, tag, *words, kind, detail, a_span, b_span
                )
            )
    return rows + extra


class _Vocabularies:
    """The word keys each version writes anywhere, made when first asked."""

    def __init__(self, alignment: Alignment) -> None:
        self.alignment, self.made = alignment, {}

    def __call__(self, side: str) -> set[str]:
        if side not in self.made:
            sentences = self.alignment.a_sentences if side == "a" else self.alignment.b_sentences
            self.made[side] = {word_key(t.text) for s in sentences for t in tokenize(s)}
        return self.made[side]


_LONGEST_RESTATEMENT = 200  # words: a dek, caption or embedded post is far shorter


def _forms_between(a_text: str, b_text: str, restating: str, vocabularies: _Vocabularies):
    """(a token or None, b token or None, kind, detail) for each word one sentence writes
    in another form than the other: a spelling, a name's variant, a style, a typo, and
    damage (``???``) that the restating sentence alone has."""
    a_tokens = [t for t in tokenize(a_text) if t.text[:1].isalnum()]
    b_tokens = [t for t in tokenize(b_text) if t.text[:1].isalnum()]
    if max(len(a_tokens), len(b_tokens)) > _LONGEST_RESTATEMENT:
        return  # not a dek, caption or post: a run-on text pairs every word with every word
    a_keys, b_keys = {word_key(t.text) for t in a_tokens}, {word_key(t.text) for t in b_tokens}
    a_only = [t for t in a_tokens if word_key(t.text) not in b_keys]
    b_only = [t for t in b_tokens if word_key(t.text) not in a_keys]
    for x in a_only:
        for y in b_only:
            found = _restated_form(x.text, y.text, vocabularies)
            if found:
                yield x, y, *found
                break
    text, other = (b_text, a_text) if restating == "b" else (a_text, b_text)
    if not DAMAGE.search(other):
        for match in DAMAGE.finditer(text):
            token = _Span(match.group(), match.start(), match.end())
            yield (
                (None, token, "typo", "damage")
                if restating == "b"
                else (token, None, "typo", "damage")
            )


def _restated_form(x: str, y: str, vocabularies: _Vocabularies) -> tuple[str, str] | None:
    """How a word of a restatement and one of its sentence differ in form only, or None.
    A misspelling is a form one version alone writes (woman / women, both written by
    both versions, are two words)."""
    if x.casefold() == y.casefold() or (
        x[:1].casefold() != y[:1].casefold() and not any(c.isdigit() for c in x + y)
    ):
        return None  # the same word, or words apart from their first letter (no figure)
    found = word_pair(x, y) or _form_of(x, y)
    if found:
        return found
    if not (x.isalpha() and y.isalpha()) or typo(x, y) != "misspelling":
        return None  # figures are the figure rules' (150,000 / 160,000); no context given:
        # two capitalised words neither list knows are a name's spellings, not a typo
    one_sided = word_key(x) not in vocabularies("b") or word_key(y) not in vocabularies("a")
    return ("typo", "misspelling") if one_sided else None


def _word_order(rows: list[tuple]) -> list[tuple]:
    """A word dropped at one place and added back a few words on ("July 1" / "1 July"):
    one change of word order, a format, not two details."""
    rows = list(rows)
    for i, row in enumerate(rows):
        for j in range(i + 1, min(i + 3, len(rows))):
            other = rows[j]
            if {row[3], other[3]} != {"insert", "delete"}:
                continue
            mine = row[4] or row[5]
            theirs = other[4] or other[5]
            near = abs(row[16] - other[16]) < 25 and abs(row[14] - other[14]) < 25
            if mine.casefold() == theirs.casefold() and near and mine[:1].isalnum():
                rows[i] = (*row[:6], "format", "word_order", *row[8:])
                rows[j] = (*other[:6], "format", "word_order", *other[8:])
    return rows


_PLAIN_WORD = re.compile(r"[a-z][a-z-]*")
_NOUN_OPENERS = listed("determiners")


def _plain_words(text: str) -> list[str] | None:
    """The words of a stretch that is only lower-case content words, or None."""
    words = text.split()
    if all(_PLAIN_WORD.fullmatch(w) and w not in STOPWORDS for w in words):
        return words
    return None


def _opens_noun_phrase(word: str) -> bool:
    """A determiner, a possessive or a number word (the, its, China's, first, three)."""
    key = word_key(word)
    return key in _NOUN_OPENERS or key in number_word_keys() or key.endswith("'s")


def _swapped_premodifiers(alignment: Alignment, unit, rows: list[tuple]) -> list[tuple]:
    """A descriptor dropped and another added a word or two apart, inside one noun phrase
    (opened by the same determiner, possessive or number word, the same head after it:
    "first large homegrown passenger jet" / "first domestically made large passenger
    jet"): one label swap, not two details."""
    a_text = " ".join(alignment.a_sentences[i] for i in unit.a)
    b_text = " ".join(alignment.b_sentences[j] for j in unit.b)
    rows = list(rows)
    for i in range(len(rows) - 1):
        r, s = rows[i], rows[i + 1]
        if {r[3], s[3]} != {"insert", "delete"} or r[7] or s[7]:
            continue
        if {r[6], s[6]} != {"added_detail", "dropped_detail"}:
            continue
        a0, a1 = min(r[14], s[14]), max(r[15], s[15])
        b0, b1 = min(r[16], s[16]), max(r[17], s[17])
        zone_a, zone_b = _plain_words(a_text[a0:a1]), _plain_words(b_text[b0:b1])
        if not zone_a or not zone_b or max(len(zone_a), len(zone_b)) > 5:
            continue
        dropped, added = (r[4] or s[4]).split(), (r[5] or s[5]).split()
        kept_a = [w for w in zone_a if w not in dropped]
        kept_b = [w for w in zone_b if w not in added]
        head_a, head_b = a_text[a1:].split()[:1], b_text[b1:].split()[:1]
        before_a, before_b = a_text[:a0].split()[-1:], b_text[:b0].split()[-1:]
        if (
            kept_a == kept_b
            and len(kept_a) <= 2
            and head_a == head_b
            and before_a == before_b
            and _plain_words(" ".join(head_a))
            and _opens_noun_phrase(" ".join(before_a))
        ):
            rows[i] = (*r[:6], "label", "premodifier", *r[8:])
            rows[i + 1] = (*s[:6], "label", "premodifier", *s[8:])
    return rows


def _credit_rows(alignment: Alignment, unit, lexicon: Lexicon) -> list[tuple]:
    """A credit in a sentence only one version has ("(Jane Barlow/PA)", "By AFP, Paris")."""
    rows = []
    side = "a" if unit.a else "b"
    for index in unit.a or unit.b:
        text = (alignment.a_sentences if side == "a" else alignment.b_sentences)[index]
        if not _CREDIT_LINE_WORDS.search(text):
            continue  # no stretch of it can be a credit line: its credits need not be read
        for start, end in credit_spans(text):
            words = text[start:end].strip()
            if not _CREDIT_LINE.search(words):
                continue  # "he said" in a dropped sentence: the sentence is the change
            a_words, b_words = (words, "") if side == "a" else ("", words)
            a_span = (start, end) if side == "a" else (0, 0)
            b_span = (start, end) if side == "b" else (0, 0)
            rows.append(
                change_row(
                    alignment,
                    unit,
                    index if side == "a" else None,
                    index if side == "b" else None,
                    "delete" if side == "a" else "insert",
                    a_words,
                    b_words,
                    "attribution",
                    "dropped" if side == "a" else "added",
                    a_span,
                    b_span,
                    loaded=loaded_direction(a_words, b_words, lexicon=lexicon),
                )
            )
    return rows
