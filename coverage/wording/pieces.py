"""A word edit -> its pieces: each editorial act inside a long edit named on its own.

A long edit is cut where a dateline, a credit, a label run or an honorific stands inside
it ("CAIRO (AP) -" / "CAIRO -": the dateline and the credit are pieces of their own),
unless the credited dateline goes or comes whole (one editorial act, one change). Used
by :mod:`.kinds`, which names each piece; words are shown as written (the text between a
piece's offsets), never re-joined tokens.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from ..model import Alignment, WordEdit
from ..normalize import fold_typography, tokenize, word_key
from ..vocabulary import listed
from .attributions import AGENCIES, credit_spans, dateline_span
from .edit_rules import (
    classify_edit,
    credit_kept,
    label_pieces,
    title_and_first_name,
)


def _starts(parts: list[str]) -> list[int]:
    starts, at = [], 0
    for part in parts:
        starts.append(at)
        at += len(part) + 1
    return starts


def _special(text: str, span: tuple[int, int], starts: list[int]) -> list[tuple[int, int, str]]:
    """Datelines and credits inside ``span`` of a unit's joined text, as (start, end, kind)."""
    found = []
    lo, hi = span
    for start in starts:
        if not lo <= start < hi and not (start <= lo < start + 40):
            continue
        line = dateline_span(text[start:])
        if line is None:
            continue
        (d0, d1), credit = line
        d0, d1 = start + d0, start + d1
        if credit:
            c0 = start + credit[0]
            found.append((d0, c0, "dateline"))
            found.append((c0, d1, "credit"))
        else:
            found.append((d0, d1, "dateline"))
    for match in _INNER_DATELINE.finditer(text, lo, hi):  # a headline glued before it
        if not any(f0 <= match.start() < f1 for f0, f1, _ in found):
            found.append((match.start("place"), match.start("credit"), "dateline"))
            found.append((match.start("credit"), match.end(), "credit"))
    for c0, c1 in credit_spans(text[lo:hi]):
        c0, c1 = lo + c0, lo + c1
        if not any(f0 <= c0 < f1 for f0, f1, _ in found):
            found.append((c0, c1, "credit"))
    return sorted((max(a, lo), min(b, hi), k) for a, b, k in found if min(b, hi) > max(a, lo))


_INNER_DATELINE = re.compile(
    rf"(?<=\s)(?P<place>[A-Z]{{3,}}(?:[ ,.]+[A-Z]{{2,}})*)\s*(?P<credit>\((?:{AGENCIES})\)\s*[\u2013\u2014-]+)"
)


_CREDIT_LINE = re.compile(
    rf"\b(?:{AGENCIES})\b|\b(?:Photo|Credit|Source|Reporting|Editing)\b|\(@|/"
)
# what _CREDIT_LINE needs, without its word boundaries: a text in which none of it stands
# has no credit line in any stretch of it (a quick check before a text's credits are read)
_CREDIT_LINE_WORDS = re.compile(rf"(?:{AGENCIES})|Photo|Credit|Source|Reporting|Editing|\(@|/")


def _words(text: str, start: int, end: int) -> tuple[str, ...]:
    return tuple(t.text for t in tokenize(text[start:end]))


def _gaps(text: str, span: tuple[int, int], cuts: list[tuple[int, int, str]]):
    """The stretches of ``span`` outside the cuts that hold any token."""
    at, gaps = span[0], []
    for c0, c1, _ in cuts:
        if c0 > at and _words(text, at, c0):
            gaps.append((at, c0))
        at = max(at, c1)
    if span[1] > at and _words(text, at, span[1]):
        gaps.append((at, span[1]))
    return gaps


def _finer(edit: WordEdit, a_text: str, b_text: str) -> list[WordEdit]:
    """A replace cut at the runs of two or more words both sides share.

    The word diff joins nearby changes into one phrase for reading ("by the Islamic
    republic's" -> "in Tehran by the notorious"); to name them, each change is looked
    at alone: "in Tehran" added, "Islamic republic's" -> "notorious".
    """
    if edit.tag != "replace" or min(len(edit.a_words), len(edit.b_words)) < 3:
        return [edit]
    a_tokens = [t for t in tokenize(a_text[edit.a_span[0] : edit.a_span[1]])]
    b_tokens = [t for t in tokenize(b_text[edit.b_span[0] : edit.b_span[1]])]
    a_keys = [fold_typography(t.text).casefold() for t in a_tokens]
    b_keys = [fold_typography(t.text).casefold() for t in b_tokens]
    blocks = [
        m
        for m in SequenceMatcher(None, a_keys, b_keys, autojunk=False).get_matching_blocks()
        if m.size >= 2
    ]
    if not blocks:
        return [edit]
    pieces, i, j = [], 0, 0
    for block in [*blocks, None]:
        i2, j2 = (block.a, block.b) if block else (len(a_tokens), len(b_tokens))
        if i < i2 or j < j2:
            pieces.append(_piece(edit, a_tokens[i:i2], b_tokens[j:j2], a_tokens, b_tokens, i, j))
        if block:
            i, j = block.a + block.size, block.b + block.size
    return pieces


def _piece(edit: WordEdit, a_part, b_part, a_tokens, b_tokens, i: int, j: int) -> WordEdit:
    a0, b0 = edit.a_span[0], edit.b_span[0]

    def span(part, tokens, k, origin):
        if part:
            return origin + part[0].start, origin + part[-1].end
        at = origin + (tokens[k - 1].end if k else 0)
        return at, at

    tag = "replace" if a_part and b_part else "insert" if b_part else "delete"
    return WordEdit(
        tag,  # type: ignore[arg-type]
        tuple(t.text for t in a_part),
        tuple(t.text for t in b_part),
        span(a_part, a_tokens, i, a0),
        span(b_part, b_tokens, j, b0),
    )


def _pieces(
    edit: WordEdit, a_text: str, b_text: str, a_starts: list[int], b_starts: list[int]
) -> list[tuple[WordEdit, tuple[str, str] | None]]:
    """An edit cut at shared words, datelines and credits: (piece, forced kind or None)."""
    return _label_runs(
        [
            labelled
            for finer in _finer(edit, a_text, b_text)
            for split in _honorific_tail(finer, a_text, b_text)
            for named in title_and_first_name(split, a_text, b_text)
            for found in _carved(named, a_text, b_text, a_starts, b_starts)
            for labelled in _labelled(found, a_text, b_text)
        ],
        a_text,
        b_text,
    )


def _label_runs(pieces, a_text: str, b_text: str):
    """Words dropped or added right before a swapped premodifier belong to it ("the
    Islamic" + "republic's" / "Iran's"): the word diff paired the possessives alone."""
    out = list(pieces)
    for k in range(len(out) - 1, 0, -1):
        (prev, prev_kind), (piece, kind) = out[k - 1], out[k]
        if kind != ("label", "premodifier") or prev_kind is not None or prev.tag == "replace":
            continue
        span, text = (prev.a_span, a_text) if prev.tag == "delete" else (prev.b_span, b_text)
        start = piece.a_span[0] if prev.tag == "delete" else piece.b_span[0]
        if text[span[1] : start].strip():
            continue
        a_span = (min(prev.a_span[0], piece.a_span[0]), piece.a_span[1])
        b_span = (min(prev.b_span[0], piece.b_span[0]), piece.b_span[1])
        if prev.tag == "insert":
            a_span = piece.a_span
        else:
            b_span = piece.b_span
        merged = WordEdit(
            "replace", prev.a_words + piece.a_words, prev.b_words + piece.b_words, a_span, b_span
        )
        out[k - 1 : k + 1] = [(merged, kind)]
    return out


_REWORDING = ("other", "word_choice", "rewritten", "added_detail", "dropped_detail")
_SAYING = listed("verbs_of_reporting", "speech_verbs")


def _labelled(found, a_text: str, b_text: str) -> list[tuple[WordEdit, tuple[str, str] | None]]:
    """A label cut out of longer rewording (see :func:`edit_rules.label_pieces`)."""
    piece, forced = found
    if forced is not None:
        return [found]
    out: list[tuple[WordEdit, tuple[str, str] | None]] = []
    for part, is_label in label_pieces(piece, a_text, b_text):
        kind = None
        if is_label:
            kind = classify_edit(part, a_text=a_text, b_text=b_text)
            if kind[0] in _REWORDING:
                kind = ("label", "premodifier")
        out.append((part, kind))
    return out


def _honorific_tail(edit: WordEdit, a_text: str, b_text: str) -> list[WordEdit]:
    """ "Earlier, Humza" -> "Later today, Mr" before "Yousaf": the last words are a
    first name swapped for an honorific, a change of its own."""
    if edit.tag != "replace" or len(edit.a_words) + len(edit.b_words) < 3:
        return [edit]
    x, y = edit.a_words[-1], edit.b_words[-1]
    honorifics = listed("honorifics")
    if not (
        (word_key(x).rstrip(".") in honorifics) != (word_key(y).rstrip(".") in honorifics)
        and x[:1].isupper()
        and y[:1].isupper()
    ):
        return [edit]
    a_cut = edit.a_span[0] + tokenize(a_text[edit.a_span[0] : edit.a_span[1]])[-1].start
    b_cut = edit.b_span[0] + tokenize(b_text[edit.b_span[0] : edit.b_span[1]])[-1].start
    tail = WordEdit("replace", (x,), (y,), (a_cut, edit.a_span[1]), (b_cut, edit.b_span[1]))
    a_rest, b_rest = edit.a_words[:-1], edit.b_words[:-1]
    if not a_rest and not b_rest:
        return [tail]
    tag = "replace" if a_rest and b_rest else "insert" if b_rest else "delete"
    head = WordEdit(tag, a_rest, b_rest, (edit.a_span[0], a_cut), (edit.b_span[0], b_cut))
    return [head, tail]


def _absorb(text: str, span: tuple[int, int], cuts: list[tuple[int, int, str]]):
    """Punctuation between a cut and the edit's ends belongs to the cut (", AFP reported")."""
    if not cuts:
        return cuts
    cuts = list(cuts)
    first, last = cuts[0], cuts[-1]
    if not any(c.isalnum() for c in text[span[0] : first[0]]):
        cuts[0] = (span[0], first[1], first[2])
    if not any(c.isalnum() for c in text[last[1] : span[1]]):
        cuts[-1] = (cuts[-1][0], span[1], last[2])
    return cuts


def _whole_credit(text: str, cuts, other_cuts):
    """A dateline that carries a credit ("WASHINGTON (AP) —"), added or dropped whole while
    the other side has no dateline here, is one act of crediting: one ``credit`` cut.

    A place-only dateline stays a dateline, and so does a place restyled beside its
    credit (the other side has a dateline of its own).
    """
    if any(what == "dateline" for *_, what in other_cuts):
        return cuts
    out: list[tuple[int, int, str]] = []
    for c0, c1, what in cuts:
        if out and out[-1][2] == "dateline" and what == "credit" and out[-1][1] == c0:
            line = dateline_span(text[out[-1][0] :])
            if line and line[1] and out[-1][0] + line[0][1] == c1:
                out[-1] = (out[-1][0], c1, "credit")
                continue
        out.append((c0, c1, what))
    return out


_DASHES = "-:\u2013\u2014"


def _restyled_without_credit(a_text: str, b_text: str, a_cuts, b_cuts, gaps) -> str | None:
    """ "Tehran (AFP) –" -> "Tehran:": a dateline restyled to a house style that carries no
    credit is one change, a dateline restyled (``credit_dropped`` / ``credit_added``)."""
    if gaps or len(a_cuts) != 1 or len(b_cuts) != 1:
        return None
    for credit, dateline, text, detail in (
        (a_cuts[0], b_cuts[0], a_text, "credit_dropped"),
        (b_cuts[0], a_cuts[0], b_text, "credit_added"),
    ):
        tail = text[credit[0] : credit[1]].rstrip()[-1:]
        ends_a_dateline = bool(tail) and tail in _DASHES
        if credit[2] == "credit" and dateline[2] == "dateline" and ends_a_dateline:
            return detail
    return None


def _credit_for_verb(a_text: str, b_text: str, a_cuts, b_cuts, a_gaps, b_gaps) -> str | None:
    """ "told AFP" -> "said": a credit on one side, a bare verb of saying for it on the
    other, is one change: the source dropped (or added), the saying kept. The side that
    holds the credit, or None."""
    for side, cuts, gaps, other_cuts, other_gaps, other_text in (
        ("a", a_cuts, a_gaps, b_cuts, b_gaps, b_text),
        ("b", b_cuts, b_gaps, a_cuts, a_gaps, a_text),
    ):
        credit = len(cuts) == 1 and cuts[0][2] == "credit" and not gaps
        if credit and not other_cuts and len(other_gaps) == 1:
            words = _words(other_text, *other_gaps[0])
            keys = [word_key(w) for w in words if w[:1].isalnum()]
            return side if keys and all(k in _SAYING for k in keys) else None
    return None


def _carved(
    edit: WordEdit, a_text: str, b_text: str, a_starts: list[int], b_starts: list[int]
) -> list[tuple[WordEdit, tuple[str, str] | None]]:
    """An edit cut at its datelines and credits: (piece, forced kind or None)."""
    a_cuts = _special(a_text, edit.a_span, a_starts) if edit.a_words else []
    b_cuts = _special(b_text, edit.b_span, b_starts) if edit.b_words else []
    if not a_cuts and not b_cuts:
        return [(edit, None)]
    a_cuts, b_cuts = _whole_credit(a_text, a_cuts, b_cuts), _whole_credit(b_text, b_cuts, a_cuts)
    a_cuts, b_cuts = _absorb(a_text, edit.a_span, a_cuts), _absorb(b_text, edit.b_span, b_cuts)
    a_gaps, b_gaps = _gaps(a_text, edit.a_span, a_cuts), _gaps(b_text, edit.b_span, b_cuts)
    pieces: list[tuple[WordEdit, tuple[str, str] | None]] = []
    if (
        len(a_cuts) == len(b_cuts) == 1
        and a_cuts[0][2] == b_cuts[0][2]
        and not a_gaps
        and not b_gaps
    ):
        kind = "dateline" if a_cuts[0][2] == "dateline" else "attribution"
        return [(edit, (kind, "restyled" if kind == "dateline" else "changed"))]
    restyle = _restyled_without_credit(a_text, b_text, a_cuts, b_cuts, a_gaps or b_gaps)
    if restyle:
        return [(edit, ("dateline", restyle))]
    credit_side = _credit_for_verb(a_text, b_text, a_cuts, b_cuts, a_gaps, b_gaps)
    if credit_side:
        return [(edit, ("attribution", "dropped" if credit_side == "a" else "added"))]
    for side, text, cuts in (("a", a_text, a_cuts), ("b", b_text, b_cuts)):
        for c0, c1, what in cuts:
            words = _words(text, c0, c1)
            if not words:
                continue
            kind = "dateline" if what == "dateline" else "attribution"
            detail = "dropped" if side == "a" else "added"
            if side == "a":
                piece = WordEdit("delete", words, (), (c0, c1), (edit.b_span[0], edit.b_span[0]))
            else:
                piece = WordEdit("insert", (), words, (edit.a_span[0], edit.a_span[0]), (c0, c1))
            pieces.append((piece, (kind, detail)))
    in_dateline = any(k == "dateline" for *_, k in a_cuts + b_cuts)
    if len(a_gaps) == 1 and len(b_gaps) == 1:
        (p0, p1), (q0, q1) = a_gaps[0], b_gaps[0]
        piece = WordEdit(
            "replace", _words(a_text, p0, p1), _words(b_text, q0, q1), (p0, p1), (q0, q1)
        )
        pieces.append((piece, _dateline_punctuation(piece, in_dateline)))
        return pieces
    for p0, p1 in a_gaps:
        piece = WordEdit("delete", _words(a_text, p0, p1), (), (p0, p1), (edit.b_span[0],) * 2)
        pieces.append((piece, _dateline_punctuation(piece, in_dateline)))
    for q0, q1 in b_gaps:
        piece = WordEdit("insert", (), _words(b_text, q0, q1), (edit.a_span[0],) * 2, (q0, q1))
        pieces.append((piece, _dateline_punctuation(piece, in_dateline)))
    return pieces


def _dateline_punctuation(piece: WordEdit, in_dateline: bool) -> tuple[str, str] | None:
    """A dash or colon left over beside a dateline belongs to it ("Tehran (AFP) -" / "Tehran:")."""
    words = piece.a_words + piece.b_words
    if in_dateline and not any(w[:1].isalnum() for w in words):
        return "dateline", "restyled"
    return None


def _sentence_at(lengths: list[int], position: int) -> int:
    """Which of several sentences joined by one space a character position falls in."""
    index, start = 0, 0
    for k, length in enumerate(lengths):
        if position >= start:
            index = k
        start += length + 1
    return index


def change_row(
    alignment: Alignment,
    unit,
    a_index: int | None,
    b_index: int | None,
    tag: str,
    a_words: str,
    b_words: str,
    kind: str,
    detail: str,
    a_span: tuple[int, int],
    b_span: tuple[int, int],
    *,
    loaded: str = "none",
    a_terms: str = "",
    b_terms: str = "",
) -> tuple:
    """One change as a row in ``KIND_COLUMNS`` order: every rule builds its rows here."""
    return (
        unit.unit,
        a_index,
        b_index,
        tag,
        a_words,
        b_words,
        kind,
        detail,
        loaded,
        a_terms,
        b_terms,
        unit.status,
        alignment.a_name,
        alignment.b_name,
        *a_span,
        *b_span,
    )


def span_row(
    alignment: Alignment,
    unit,
    a_words: str,
    a_span: tuple[int, int],
    b_words: str,
    b_span: tuple[int, int],
    kind: str,
    detail: str,
) -> tuple:
    """A change a rule found by character spans in the unit's joined texts: each side's
    sentence is the one its span starts in; no words on one side make it an insertion
    or a deletion."""
    return change_row(
        alignment,
        unit,
        unit_sentence(alignment, unit, "a", a_span[0]),
        unit_sentence(alignment, unit, "b", b_span[0]),
        "replace" if a_words and b_words else "delete" if a_words else "insert",
        a_words,
        b_words,
        kind,
        detail,
        a_span,
        b_span,
    )


def unit_sentence(alignment: Alignment, unit, side: str, position: int) -> int:
    """The index of the sentence of ``unit``'s ``side`` ("a" or "b") that a character
    position of its joined text falls in."""
    indices, sentences = (
        (unit.a, alignment.a_sentences) if side == "a" else (unit.b, alignment.b_sentences)
    )
    return indices[_sentence_at([len(sentences[k]) for k in indices], position)]


def _credit_moved(kind: str, detail: str, a_words: str, b_words: str, a_text: str, b_text: str):
    """A credit dropped or added while the other side credits the same source: it moved."""
    if kind != "attribution":
        return False
    if detail == "dropped":
        return credit_kept(a_words, b_text)
    return detail == "added" and credit_kept(b_words, a_text)


def _one_move(rows: list[tuple]) -> list[tuple]:
    """A credit dropped at one place and the same credit added at another: one move, one
    row (", state television reported" -> "The Iranian state television said,")."""
    dropped = [k for k, r in enumerate(rows) if r[7] == "credit_moved" and r[3] == "delete"]
    added = [k for k, r in enumerate(rows) if r[7] == "credit_moved" and r[3] == "insert"]
    for moved, tag, side in ((dropped, "insert", 5), (added, "delete", 4)):
        other = 4 if side == 5 else 5
        partners = [
            k
            for k, r in enumerate(rows)
            if r[3] == tag
            and r[6] in _REWORDING
            and r[7] != "credit_moved"
            and any(credit_kept(rows[m][other], r[side]) for m in moved)
        ]  # ", city police said on Thursday" added where "police confirmed" went
        (added if tag == "insert" else dropped).extend(partners)
    dropped.sort()
    added.sort()
    gone = set()
    out = list(rows)
    for k, m in zip(dropped, added, strict=False):
        x, y = rows[k], rows[m]
        out[k] = (*x[:2], y[2], "replace", x[4], y[5], "other", "credit_moved", *x[8:16], *y[16:])
        gone.add(m)
    return [r for k, r in enumerate(out) if k not in gone]
