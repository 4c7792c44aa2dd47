"""Two versions -> how their quotes compare: the same, shortened, altered, or in one only.

Quotes and their speakers are found by :mod:`speakers` (:func:`find_quotes`).

**Comparing.** Quotes are compared word by word after folding typography (quotes,
dashes, spaces, ellipses) and the first word's capital: ``verbatim`` (punctuation may
differ: see ``note``), ``truncated`` (one is a part of the other, or the other with
words elided by an ellipsis), ``altered`` (any word differs, capitals included, with the
word diff), ``only_a``, ``only_b``. Quotes in aligned sentences pair even when short.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from rapidfuzz.distance import Indel

from ..alignment.aligner import align
from ..alignment.worddiff import word_diff
from ..model import Alignment, Article
from ..names.groups import find_mentions
from ..normalize import fold_typography, tokenize
from ..reading.articles import as_pair
from .records import QuoteMatch, QuoteMatches
from .speakers import QUOTE_COLUMNS, Quote, find_quotes, quote_words, quotes_frame, speaker_before

__all__ = [
    "Quote",
    "find_quotes",
    "quotes_frame",
    "compare_quotes",
    "quote_words",
    "speaker_before",
    "QUOTE_STATUSES",
    "QUOTE_COLUMNS",
    "COMPARE_COLUMNS",
]

QUOTE_STATUSES = ("verbatim", "altered", "truncated", "only_a", "only_b")
COMPARE_COLUMNS = (
    "quote_a",
    "quote_b",
    "speaker",
    "status",
    "diff",
    "note",
    "speaker_a",
    "speaker_b",
    "a_sentence",
    "b_sentence",
)


def _punctuation(text: str) -> tuple[str, ...]:
    return tuple(t.text for t in tokenize(fold_typography(text)) if not t.text[:1].isalnum())


def _contains(long: tuple[str, ...], short: tuple[str, ...]) -> bool:
    n = len(short)
    return any(long[i : i + n] == short for i in range(len(long) - n + 1))


def _elided(long: tuple[str, ...], text: str) -> bool:
    """Is ``text`` the longer quote with words left out at its ellipses?"""
    pieces = [quote_words(p) for p in re.split(r"\.\.\.|\u2026", fold_typography(text))]
    pieces = [p for p in pieces if p]
    if len(pieces) < 2:
        return False
    at = 0
    lowered = tuple(w.casefold() for w in long)
    for piece in pieces:
        piece = tuple(w.casefold() for w in piece)
        for i in range(at, len(lowered) - len(piece) + 1):
            if lowered[i : i + len(piece)] == piece:
                at = i + len(piece)
                break
        else:
            return False
    return True


def _status(
    wa: tuple[str, ...], wb: tuple[str, ...], qa: Quote, qb: Quote, same_unit: bool
) -> tuple[str, float] | None:
    """How quote b relates to quote a (their words given), with a score for pairing."""
    if wa == wb:
        return "verbatim", 4.0
    shared = set(wa) & set(wb)
    if not shared and not same_unit:
        return None
    short, long, short_text = (wa, wb, qa.text) if len(wa) <= len(wb) else (wb, wa, qb.text)
    if len(short) >= 2 and (
        (set(short) <= shared and _contains(long, short)) or _elided(long, short_text)
    ):
        return "truncated", 3.0 + len(short) / len(long)
    similarity = Indel.normalized_similarity(list(wa), list(wb))
    if similarity >= 0.6 or (same_unit and similarity >= 0.3):
        return "altered", 1.0 + similarity + (0.5 if same_unit else 0.0)
    if (
        len(shared) >= 4
        and SequenceMatcher(None, wa, wb, autojunk=False).find_longest_match().size >= 4
    ):
        return "altered", 1.0 + similarity
    return None


def _diff(qa: Quote, qb: Quote) -> str:
    """The word edits, with the words as written (not re-joined tokens: "Sept." stays)."""
    parts = []
    for e in word_diff(qa.text, qb.text):  # compared with typography folded
        a = qa.text[e.a_span[0] : e.a_span[1]].strip()
        b = qb.text[e.b_span[0] : e.b_span[1]].strip()
        if e.tag == "replace":
            parts.append(f"replace {a} -> {b}")
        elif e.tag == "insert":
            parts.append(f"insert {b}")
        elif e.tag == "delete":
            parts.append(f"delete {a}")
    return "; ".join(parts)


def compare_quotes(
    a: Article | str, b: Article | str, *, alignment: Alignment | None = None
) -> QuoteMatches:
    """How the quotes of two versions match, a :class:`QuoteMatch` per quote or pair.

    ``status`` is one of :data:`QUOTE_STATUSES`; ``diff`` lists the word edits of an
    altered or truncated quote; ``note`` says when only punctuation or capitals differ,
    or when the speakers differ. Rows follow ``a``'s order, then quotes only in ``b``.
    ``alignment``: the two versions' sentence alignment if the caller has made it already
    (used only when it aligns exactly these body sentences), so it is not made twice.
    """
    a, b = as_pair(a, b)
    mentions = find_mentions([a, b])
    quotes_a, quotes_b = find_quotes(a, mentions=mentions), find_quotes(b, mentions=mentions)
    linked: set[tuple[int, int]] = set()
    if quotes_a and quotes_b:
        body = (tuple(s.text for s in a.sentences), tuple(s.text for s in b.sentences))
        if alignment is None or (alignment.a_sentences, alignment.b_sentences) != body:
            alignment = align(a, b, diffs=False)
        for unit in alignment.units:
            linked.update((i, j) for i in unit.a for j in unit.b)
    words_a = [quote_words(q.text) for q in quotes_a]
    words_b = [quote_words(q.text) for q in quotes_b]
    pair_a: dict[int, tuple[int, str]] = {}
    used_b: set[int] = set()
    waiting: dict[tuple[str, ...], list[int]] = {}
    for j, words in enumerate(words_b):
        waiting.setdefault(words, []).append(j)
    for i, words in enumerate(words_a):  # verbatim first, in order: no pairwise work
        if waiting.get(words):
            j = waiting[words].pop(0)
            pair_a[i] = (j, "verbatim")
            used_b.add(j)
    scored = []
    candidates = _candidates(words_a, words_b, quotes_a, quotes_b, linked, pair_a, used_b)
    for i, qa in enumerate(quotes_a):
        if i in pair_a:
            continue
        for j in candidates[i]:
            qb = quotes_b[j]
            same_unit = qa.where == qb.where == "body" and any(
                (x, y) in linked for x in qa.sentences for y in qb.sentences
            )
            found = _status(words_a[i], words_b[j], qa, qb, same_unit)
            if found:
                scored.append((-found[1], i, j, found[0]))
    scored.sort()
    for _, i, j, status in scored:
        if i not in pair_a and j not in used_b:
            pair_a[i] = (j, status)
            used_b.add(j)
    for i, j in _same_place(
        [i for i in range(len(quotes_a)) if i not in pair_a],
        [j for j in range(len(quotes_b)) if j not in used_b],
        quotes_a,
        quotes_b,
        linked,
    ):
        pair_a[i] = (j, "altered")  # "constructive" -> "productive" in the same sentence
        used_b.add(j)
    rows = []
    # one status per quote: a quote a version repeats (a dek, an embedded post) that was
    # already paired is not listed again as "only in" that version
    paired_a = {words_a[i] for i in pair_a}
    paired_b = {words_b[j] for j in used_b}
    for i, qa in enumerate(quotes_a):
        if i in pair_a:
            j, status = pair_a[i]
            qb = quotes_b[j]
            rows.append(_row(qa, qb, status))
        elif words_a[i] not in paired_a:
            rows.append(_row(qa, None, "only_a"))
    rows.extend(
        _row(None, qb, "only_b")
        for j, qb in enumerate(quotes_b)
        if j not in used_b and words_b[j] not in paired_b
    )
    return QuoteMatches(rows)


_CANDIDATES = 12  # b quotes scored for each a quote: those sharing the rarest words
_COMMON = 64  # a word in more b quotes than this is not used to find candidates


def _candidates(words_a, words_b, quotes_a, quotes_b, linked, pair_a, used_b) -> dict:
    """For each unpaired quote of a, the quotes of b worth scoring (bounded, not all).

    Scoring every pair was quadratic (1,600 quotes took minutes): here a quote of a is
    scored against the b quotes in sentences aligned with its own, plus the
    ``_CANDIDATES`` that share the most rare words with it.
    """
    from collections import Counter, defaultdict
    from math import log

    open_b = [j for j in range(len(words_b)) if j not in used_b]
    index: dict[str, list[int]] = defaultdict(list)
    for j in open_b:
        for word in set(words_b[j]):
            index[word].append(j)
    by_sentence: dict[int, list[int]] = defaultdict(list)
    for j in open_b:
        if quotes_b[j].where == "body":
            for y in quotes_b[j].sentences:
                by_sentence[y].append(j)
    linked_b: dict[int, set[int]] = defaultdict(set)
    for x, y in linked:
        linked_b[x].add(y)
    found = {}
    total = max(len(open_b), 1)
    for i in range(len(words_a)):
        if i in pair_a:
            continue
        weights: Counter = Counter()
        for word in set(words_a[i]):
            holders = index.get(word, ())
            if len(holders) <= _COMMON:  # a word most quotes share says nothing
                for j in holders:
                    weights[j] += log(1 + total / len(holders))
        best = [j for j, _ in weights.most_common(_CANDIDATES)]
        near = []
        if quotes_a[i].where == "body":
            for x in quotes_a[i].sentences:
                for y in linked_b.get(x, ()):
                    near.extend(by_sentence.get(y, ()))
        found[i] = sorted(set(best) | set(near))
    return found


def _same_place(
    left_a: list[int],
    left_b: list[int],
    quotes_a: tuple[Quote, ...],
    quotes_b: tuple[Quote, ...],
    linked: set[tuple[int, int]],
) -> list[tuple[int, int]]:
    """Unmatched quotes that stand alone in aligned sentences pair up, however different."""
    pairs = []
    for i in left_a:
        qa = quotes_a[i]
        here_b = [
            j
            for j in left_b
            if any((x, y) in linked for x in qa.sentences for y in quotes_b[j].sentences)
        ]
        if len(here_b) != 1 or quotes_b[here_b[0]].where != qa.where:
            continue
        j = here_b[0]
        here_a = [
            k
            for k in left_a
            if any((x, y) in linked for x in quotes_a[k].sentences for y in quotes_b[j].sentences)
        ]
        if here_a == [i]:
            pairs.append((i, j))
    return pairs


def _row(qa: Quote | None, qb: Quote | None, status: str) -> QuoteMatch:
    speaker_a, speaker_b = (qa.speaker if qa else ""), (qb.speaker if qb else "")
    speaker = speaker_a or speaker_b
    notes = []
    if speaker_a and speaker_b and speaker_a != speaker_b:
        speaker = f"{speaker_a} / {speaker_b}"
        notes.append("speakers differ")
    diff = ""
    if qa and qb:
        if status == "verbatim" and _punctuation(qa.text) != _punctuation(qb.text):
            notes.append("punctuation differs")
        if status == "altered" and [w.casefold() for w in quote_words(qa.text)] == [
            w.casefold() for w in quote_words(qb.text)
        ]:
            notes.append("capitals only")
        if status in ("altered", "truncated"):
            diff = _diff(qa, qb)
        if status == "truncated":  # say which side is the shorter one
            shorter = qa if len(quote_words(qa.text)) < len(quote_words(qb.text)) else qb
            notes.append(f"shortened in {shorter.outlet}")
    return QuoteMatch(
        quote_a=qa.text if qa else "",
        quote_b=qb.text if qb else "",
        speaker=speaker,
        status=status,
        diff=diff,
        note="; ".join(notes),
        speaker_a=speaker_a,
        speaker_b=speaker_b,
        a_sentence=qa.sentences[0] if qa and qa.where == "body" else None,
        b_sentence=qb.sentences[0] if qb and qb.where == "body" else None,
    )
