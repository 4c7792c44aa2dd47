"""Text -> sentences with character offsets (sentencex, plus a small rule layer).

sentencex (Wikimedia, Rust) is fast and maintained but misses a few things news prose
does all the time; the rules below fix those, each with a golden case in
``tests/cases/sentences.json``:

- a piece that starts with a lowercase letter continues the sentence before it
  ("80 kms. south of ...", "at 9 a.m. local time") -- so does a weekday or month after
  "a.m."/"p.m.";
- an initialism ends a sentence when a typical sentence opener follows
  ("... in Washington, D.C. The meeting ...");
- a whole sentence in parentheses is a sentence of its own ("(The talks were brief.) Then");
- a lowercase "no." ends a sentence before a capital ("voted no. Rep. Doe voted yes");
- quotation marks do not hide sentence ends: a piece holding quotation marks is cut
  wherever sentencex cuts it with those marks blanked out, and the closing marks stay with
  the sentence they close (``"We will not give up. We will win," he said.`` is two
  sentences, the speech tag staying with the last one, as news-dev's and DEplain's manual
  splits have it).

Offsets always point into the text given: ``text[s.start:s.end] == s.text``.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable

import sentencex

from ..model import PARAGRAPH_BREAK, Sentence
from .lines import split_blocks

__all__ = ["split_sentences", "split_paragraphs"]

_SUPPORTED = frozenset(
    [
        "en",
        "de",
        "fr",
        "es",
        "it",
        "pt",
        "nl",
        "sv",
        "da",
        "no",
        "nb",
        "fi",
        "pl",
        "cs",
        "sk",
        "sl",
        "hr",
        "sr",
        "ru",
        "uk",
        "bg",
        "el",
        "tr",
        "ro",
        "hu",
        "ar",
        "fa",
        "he",
        "hi",
        "ja",
        "zh",
        "ko",
    ]
)
_LOWER_START = re.compile(r"[\"'\u201c\u2018(\[]?[a-z\u00df-\u00ff]")
_AM_PM_END = re.compile(r"\b[ap]\.m\.\s*$", re.IGNORECASE)
_TIME_WORDS = re.compile(
    "(?:"
    + "|".join([*calendar.day_name, *calendar.month_name[1:]])
    + r"|GMT|UTC|ET|EST|EDT|PT|local"
    # a place's clock after "p.m.": "Moscow time", "Beijing Time", "Eastern Standard Time"
    # (a clock's name starts a word and is taken whole: linear wherever it is searched)
    + r"|(?<![\w-])(?!(?:The|A|An)\b)[A-Z][\w-]*+(?:\s++[A-Z][\w-]*+)?\s++[Tt]ime)\b"
)
_OPENERS = (
    r"The|A|An|He|She|It|They|We|I|In|On|At|But|And|This|That|These|Those|His|Her|Their|Its|"
    r"There|After|As|When|While|However|Meanwhile|Officials|Earlier|Later|Last|Since|Some"
)
# an initialism such as "D.C." or "U.S." closing a sentence before a typical opener
_INITIALISM_END = re.compile(r"(?<![\w.])(?:[A-Z]\.){2,}(?=\s+(?:" + _OPENERS + r")\b)")
_TWO_INITIALS = re.compile(r"\.[A-Z]\.")  # a cheap necessary test: starts with a literal
# a parenthesised whole sentence: "(The talks were brief.) Then ..."
_PAREN_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019]?\)(?=\s+[\"\u201c]?[A-Z])")
# "voted no. Rep. Jane Doe ...": sentencex reads "no." as the abbreviation of "number"
_NO_END = re.compile(r"(?<![\w.])no\.(?=\s+[\"\u201c]?[A-Z])")


def _language(language: str) -> str:
    return language if language in _SUPPORTED else "en"


# sentencex slows down quadratically on long runs with many opening quotes (a million
# "\u201c" took minutes): long blocks go to it in chunks cut at likely sentence ends.
_CHUNK = 4000
_LIKELY_END = re.compile(r"(?<=[.!?])[\"'\u201d\u2019)]*\s+")


def _chunks(text: str) -> list[tuple[int, int]]:
    """Offsets of pieces of at most about ``_CHUNK`` characters, cut between sentences."""
    if len(text) <= _CHUNK:
        return [(0, len(text))]
    chunks, start = [], 0
    while len(text) - start > _CHUNK:
        window_end = start + _CHUNK
        cut = None
        for match in _LIKELY_END.finditer(text, start + _CHUNK // 4, window_end):
            cut = match.end()
        if cut is None:  # no sentence end in sight: cut at a space, else anywhere
            space = text.rfind(" ", start + 1, window_end)
            cut = space + 1 if space > start else window_end
        chunks.append((start, cut))
        start = cut
    chunks.append((start, len(text)))
    return chunks


def _pieces(text: str, language: str) -> list[tuple[int, int]]:
    """sentencex's boundaries as (start, end) offsets, whitespace trimmed."""
    if len(text) > _CHUNK:
        return [
            (offset + s, offset + e)
            for offset, end in _chunks(text)
            for s, e in _pieces(text[offset:end], language)
        ]
    return _unchunked_pieces(text, language)


def _unchunked_pieces(text: str, language: str) -> list[tuple[int, int]]:
    """sentencex's pieces of ``text`` in one call, offsets from their lengths.

    ``segment`` returns the pieces (paragraph breaks too) end to end, which costs half
    what ``get_sentence_boundaries`` does (no dict a piece); its own offsets are used only
    where the pieces do not rebuild the text."""
    found = sentencex.segment(language, text)
    if "".join(found) != text:
        return _boundary_pieces(text, language)
    spans = []
    start = 0
    for piece in found:
        stripped = piece.strip()
        if stripped:
            # a leading space (or a paragraph break's "\n\n"): the first kept character's place
            begin = start if stripped[0] == piece[0] else start + piece.index(stripped[0])
            spans.append((begin, begin + len(stripped)))
        start += len(piece)
    return spans


def _boundary_pieces(text: str, language: str) -> list[tuple[int, int]]:
    spans = []
    for boundary in sentencex.get_sentence_boundaries(language, text):
        if boundary["is_paragraph_break"]:
            continue
        start, end = boundary["start_index"], boundary["end_index"]
        piece = text[start:end]
        stripped = piece.strip()
        if not stripped:
            continue
        if stripped[0] != piece[0]:  # leading space: the first kept character's place
            start += piece.index(stripped[0])
        spans.append((start, start + len(stripped)))
    return spans


# quotation marks of every style; a single mark between two letters is an apostrophe
_QUOTE_MARKS = "\"\u201c\u201d\u201e\u201f\u00ab\u00bb\u2039\u203a'\u2018\u2019\u201a"
# the marks to blank: every double mark, and a single one not between two letters (an
# apostrophe stays). One pass with a leading character set (a dict ``str.translate`` and a
# second pattern took four times as long); ``(?<!\w.)`` after the mark looks before it.
_BLANKED_MARK = re.compile(
    '["\u201c\u201d\u201e\u201f\u00ab\u00bb\u2039\u203a]'
    r"|['\u2018\u2019\u201a](?:(?<!\w.)|(?!\w))"
)
_HAS_QUOTE = re.compile("[" + _QUOTE_MARKS + "]")
# a cheap necessary test: an end mark, maybe closing marks, then a space inside the piece
_INNER_END = re.compile(r"[.!?\u2026][" + _QUOTE_MARKS + r"]*\s")
_ENDS = frozenset(".!?\u2026")


def _inner_ends(text: str) -> list[tuple[int, int]]:
    """Where ``_INNER_END`` matches (start, end), in order: the same as ``finditer``, found
    from each end mark (a match opens with one, and holds no other: quotation marks and a
    space follow it), not by trying the pattern at every character (30 -> 16 us a
    4,000-character body).

    >>> _inner_ends('He said "No." Then: why? Mr. X!')
    [(11, 14), (23, 25), (27, 29)]
    """
    found = []
    for mark in _ENDS:
        at = text.find(mark)
        while at >= 0:
            match = _INNER_END.match(text, at)
            if match:
                found.append((at, match.end()))
            at = text.find(mark, at + 1)
    found.sort()
    return found


def _split_quoted(text: str, spans: list[tuple[int, int]], language: str) -> list[tuple[int, int]]:
    """Cut pieces where sentencex would cut them if their quotation marks were not there.

    sentencex keeps a quotation of several sentences whole; blanking the marks (same
    length, so offsets hold) lets its own abbreviation rules decide, and a cut is kept only
    right after an end mark, moved past the marks that close the quotation there."""
    # the end marks followed by a space, found once in the text (a whole article's body):
    # a piece holds one when the first that starts inside it also ends inside it
    inner = _inner_ends(text)
    result = []
    k = 0
    for start, end in spans:
        while k < len(inner) and inner[k][0] < start:
            k += 1
        if k == len(inner) or inner[k][1] >= end or not _HAS_QUOTE.search(text, start, end):
            result.append((start, end))
            continue
        piece = text[start:end]
        blanked = _BLANKED_MARK.sub(" ", piece)
        cuts = []
        for _, cut in _pieces(blanked, language)[:-1]:
            if blanked[cut - 1] not in _ENDS:
                continue
            while cut < len(piece) and piece[cut] in _QUOTE_MARKS:
                cut += 1
            cuts.append(cut)
        begin = 0
        for cut in [*cuts, len(piece)]:
            part = piece[begin:cut]
            stripped = part.strip()
            if stripped:
                offset = start + begin + len(part) - len(part.lstrip())
                result.append((offset, offset + len(stripped)))
            begin = max(begin, cut)
    return result


def _inside_token(text: str, prev_end: int, gap: str, following: str) -> bool:
    """A cut with no space after a full stop, before a digit or "_", is inside a token
    ("os._exit", "v1.2"). Letters are left to the splitter: a space lost between two
    sentences ("Minister.From me") is common in captured pages."""
    head = following[:1]
    return not gap and text[prev_end - 1] == "." and (head.isdigit() or head == "_")


def _after_am_pm(text: str, start: int, end: int) -> bool:
    """The piece ``text[start:end]`` ends in "a.m." or "p.m." (a cheap test of the last
    characters first: most pieces end in a word and a full stop)."""
    tail = text[max(start, end - 12) : end].rstrip()
    if len(tail) < 2 and end - start > 12:  # a long run of spaces: the whole piece, then
        tail = text[start:end].rstrip()
    return tail[-2:] in ("m.", "M.") and bool(_AM_PM_END.search(text[start:end]))


_WORDLIKE = re.compile(r"[^\W_]")
_DASHES = "\u2014\u2013-"


def _a_dateline(piece: str) -> bool:
    """A place in capitals and a full stop ("SHANGHAI.") before a dash: the sentence's
    dateline, not a sentence of its own."""
    return len(piece) <= 40 and piece.endswith(".") and piece.isupper()


_LINE_END = re.compile(r"(?<![ \t])[ \t]*+(?:\n|$)")  # from a piece's end: no space before


def _a_sign_off(piece: str) -> bool:
    """A credit or signature after a paragraph's last sentence, in capitals and figures
    ("— Xinhua", "— Nicola Sturgeon (@NicolaSturgeon) March 28, 2023" under an
    embedded post): part of that sentence, as the news-dev gold keeps it.

    >>> _a_sign_off("— Nicola Sturgeon (@NicolaSturgeon) March 28, 2023"), _a_sign_off("— Xinhua")
    (True, True)
    >>> _a_sign_off("— and then it ended")
    False
    """
    words = piece[1:].split()
    return 0 < len(words) <= 8 and all(
        w.lstrip("(@")[:1].isupper() or w[:1].isdigit() for w in words
    )


def _merge_false_splits(
    text: str, spans: list[tuple[int, int]], *, blank_joins: bool = True
) -> list[tuple[int, int]]:
    """Pieces joined back to the one before: a cut inside a token, before a lowercase
    word or after "a.m.", a piece with no word in it, a dateline cut off its sentence, a
    sign-off ending its paragraph, a piece ending in a comma before a blank line (a
    letter's salutation that the reader keeps in one paragraph with its first sentence;
    ``blank_joins=False`` where every blank line is a paragraph break)."""
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged:
            prev_start, prev_end = merged[-1]
            gap = text[prev_end:start]
            blank = "\n\n" in gap
            # the patterns read the piece in place (no copy of it): they look no further back
            continues = (
                not blank
                and (
                    _inside_token(text, prev_end, gap, text[start : start + 1])
                    or _LOWER_START.match(text, start, end)
                    or (
                        _after_am_pm(text, prev_start, prev_end)
                        and _TIME_WORDS.match(text, start, end)
                    )
                    or not _WORDLIKE.search(text, start, end)  # "is now dead. ." : no sentence
                    or (
                        text[start] in _DASHES
                        and (
                            _a_dateline(text[prev_start:prev_end])
                            or (_LINE_END.match(text, end) and _a_sign_off(text[start:end]))
                        )
                    )
                )
            )
            # a blank line after a comma inside one paragraph: 'She wrote: "Dear Sir,\n\n"I ...'
            continues = continues or (blank and blank_joins and text[prev_end - 1] == ",")
            if continues:
                merged[-1] = (prev_start, end)
                continue
        merged.append((start, end))
    return merged


def _missed_cuts(text: str) -> list[int]:
    """Where the three patterns cut, sorted (cheap tests first: most paragraphs hold no
    initialism, bracket or "no.")."""
    cuts: list[int] = []
    if _TWO_INITIALS.search(text):
        cuts.extend(m.end() for m in _INITIALISM_END.finditer(text))
    if ")" in text:
        cuts.extend(_paren_ends(text))
    if "no." in text:
        cuts.extend(m.end() for m in _NO_END.finditer(text))
    return sorted(set(cuts))


def _paren_ends(text: str) -> list[int]:
    """Where ``_PAREN_SENTENCE_END`` matches end, found from each ")" (one or two characters
    after the end mark that opens a match): the same matches as ``finditer``, which tried
    the pattern at every character (17 us on a 4,000-character body, against about 1).

    >>> _paren_ends('He left. (The talks were brief.) Then "(It ended.") Then.')
    [32, 51]
    """
    ends = []
    at = text.find(")", 1)
    while at >= 0:
        match = _PAREN_SENTENCE_END.match(text, at - 1) or (
            at >= 2 and _PAREN_SENTENCE_END.match(text, at - 2)
        )
        if match:
            ends.append(match.end())
        at = text.find(")", at + 1)
    return ends


def _split_missed(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    # the patterns run once over the whole text; each piece takes the cuts inside it
    found = _missed_cuts(text)
    if not found:  # the usual case: sentencex's pieces stand (already trimmed, not empty)
        return spans
    result: list[tuple[int, int]] = []
    k = 0
    for start, end in spans:
        while k < len(found) and found[k] <= start:
            k += 1
        if k == len(found) or found[k] >= end:  # no cut inside: the piece stands
            result.append((start, end))
        else:
            _cut_piece(text, start, end, [c - start for c in found[k:] if c < end], result)
    return result


def _cut_piece(text: str, start: int, end: int, cuts: list[int], result: list) -> None:
    """The parts of ``text[start:end]`` between ``cuts`` (offsets in it), trimmed, to ``result``."""
    piece = text[start:end]
    begin = 0
    for cut in cuts:
        left = piece[begin:cut].strip()
        if left:
            offset = start + begin + (len(piece[begin:cut]) - len(piece[begin:cut].lstrip()))
            result.append((offset, offset + len(left)))
        begin = cut
    rest = piece[begin:]
    if rest.strip():
        offset = start + begin + (len(rest) - len(rest.lstrip()))
        result.append((offset, offset + len(rest.strip())))


def _split_block(text: str, start: int, end: int, language: str) -> list[tuple[int, int]]:
    block = text[start:end]
    spans = _pieces(block, language)
    spans = _split_missed(block, _merge_false_splits(block, _split_quoted(block, spans, language)))
    return spans if start == 0 else [(start + s, start + e) for s, e in spans]


def split_sentences(text: str, *, language: str = "en") -> tuple[Sentence, ...]:
    """Split a text into sentences; paragraphs (see :func:`pages.split_blocks`) never share one.

    >>> [s.text for s in split_sentences("Gen. Smith met Mr. Jones in Washington, D.C. The talks ended.")]
    ['Gen. Smith met Mr. Jones in Washington, D.C.', 'The talks ended.']
    >>> s = split_sentences("Hi there.  Bye.")[1]
    >>> (s.text, s.start, s.end)
    ('Bye.', 11, 15)
    """
    language = _language(language)
    sentences = []
    for number, (start, end) in enumerate(split_blocks(text)):
        for s, e in _split_block(text, start, end, language):
            sentences.append(Sentence(text[s:e], s, e, number))
    return tuple(sentences)


def split_paragraphs(paragraphs: Iterable[str], *, language: str = "en") -> tuple[Sentence, ...]:
    """Split paragraphs that will be joined by blank lines; offsets point into the join."""
    language = _language(language)
    paragraphs = tuple(paragraphs)
    body = PARAGRAPH_BREAK.join(paragraphs)
    if paragraphs and _splits_back(body, paragraphs):
        return _split_body(body, paragraphs, language)
    sentences = []
    offset = 0
    for number, paragraph in enumerate(paragraphs):
        for s, e in _split_block(paragraph, 0, len(paragraph), language):
            sentences.append(Sentence(paragraph[s:e], offset + s, offset + e, number))
        offset += len(paragraph) + len(PARAGRAPH_BREAK)
    return tuple(sentences)


def _splits_back(body: str, paragraphs: tuple[str, ...]) -> bool:
    """sentencex cuts ``body`` into exactly ``paragraphs`` (it splits at ``\n\r*\n`` and
    reads each part alone), and no paragraph is long enough to be cut in chunks: then the
    whole body can go through the splitter at once with the same sentences."""
    if len(body) > _CHUNK and max(map(len, paragraphs)) > _CHUNK:
        return False
    inside = "".join(paragraphs)  # one-character tests are the fast ones (memchr)
    if "\r" in inside:
        return False
    return "\n" not in inside or (
        body.count("\n\n") == len(paragraphs) - 1 and "\n\n\n" not in body
    )


def _split_body(body: str, paragraphs: tuple[str, ...], language: str) -> tuple[Sentence, ...]:
    """The sentences of the paragraphs, split in one pass over their join.

    The same as splitting each paragraph alone (see :func:`_splits_back`): sentencex reads
    each paragraph on its own, no rule below joins pieces across a blank line, and a cut
    the patterns of :func:`_split_missed` find at a paragraph's end is no cut inside it."""
    spans = _unchunked_pieces(body, language)
    quoted = _split_quoted(body, spans, language)
    spans = _split_missed(body, _merge_false_splits(body, quoted, blank_joins=False))
    sentences = []
    add, gap = sentences.append, len(PARAGRAPH_BREAK)
    number, next_start = 0, len(paragraphs[0]) + gap
    for s, e in spans:
        while s >= next_start:
            number += 1
            next_start += len(paragraphs[number]) + gap
        add(Sentence(body[s:e], s, e, number))
    return tuple(sentences)
