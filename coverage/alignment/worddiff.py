"""Two sentences -> word edits in difflib's vocabulary, grouped into phrases a reader names.

Words are compared by their typography-folded form (curly and straight quotes alike),
case kept, so "western" -> "Western" still shows. ``difflib.SequenceMatcher`` runs with
``autojunk=False``: by default it treats frequent words of long sequences as junk.

Two clean-ups make the edits read like a person's account of the change:

- a short run of stop words or punctuation between two changes joins them, so
  "supported by a number of western countries" -> "uprising backed by several Western
  powers" is one replace, not confetti around "by";
- inside a replace, words that are spellings of one another (Qaddafi / Kadhafi, not
  mere capitalisation) are cut out as their own replace, so "its leader Muammar Qaddafi" -> "longtime dictator Moamer
  Kadhafi" reads as two edits: a label and a name.
"""

from __future__ import annotations

from collections.abc import Sequence
from difflib import SequenceMatcher
from functools import lru_cache

from rapidfuzz.distance import Indel

from ..model import WordEdit
from ..normalize import STOPWORDS, fold_quotes, sound_key, tally, token_texts, word_key

__all__ = ["word_diff", "replay", "are_variants"]

_Opcode = tuple[str, int, int, int, int]


@lru_cache(maxsize=4096)
def _tokens(text: str) -> tuple[str, ...]:
    """A sentence's token texts, kept for the sentences that come round again (copies).

    Texts, not :class:`Token` tuples: a copy needs no offsets, a changed sentence finds
    them in one pass (:func:`_starts`), and a named tuple per word cost a third of an
    article's diffs.
    """
    return tuple(token_texts(text))


def _starts(text: str, words: Sequence[str]) -> list[int]:
    """Where each token begins: only white space lies between tokens, so each is the
    first match of its text after the previous one's end."""
    starts, at, find = [], 0, text.find
    for word in words:
        at = find(word, at)
        starts.append(at)
        at += len(word)
    return starts


def _compare_keys(text: str, words: Sequence[str]) -> list[str]:
    """Each token's typography-folded form; plain ASCII needs no folding but the backtick."""
    if text.isascii() and "`" not in text:
        return list(words)
    return [_fold_token(w) for w in words]


_fold_token = lru_cache(maxsize=65_536)(fold_quotes)


# difflib reads best (longest common blocks first), but its time explodes on long,
# repetitive sequences (900 repetitive tokens: 3.7 s; 3,000: over a minute). Past this
# size the bit-parallel LCS of rapidfuzz takes over (6,000 tokens: 8 ms).
_DIFFLIB_LIMIT = 150


def _opcodes(a: list[str], b: list[str]) -> list[_Opcode]:
    if len(a) <= _DIFFLIB_LIMIT and len(b) <= _DIFFLIB_LIMIT:
        return SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    return [tuple(op) for op in Indel.opcodes(a, b)]


def are_variants(a: str, b: str) -> bool:
    """True when two words look like spellings of one word (transliteration, -ise/-ize).

    >>> are_variants("Qaddafi", "Kadhafi"), are_variants("Muammar", "Moamer")
    (True, True)
    >>> are_variants("leader", "dictator"), are_variants("the", "he")
    (False, False)
    """
    if a == b or min(len(a), len(b)) < 3:
        return False
    if word_key(a) == word_key(b) or sound_key(a) == sound_key(b):
        return len(sound_key(a)) >= 2
    return Indel.normalized_similarity(word_key(a), word_key(b)) >= 0.8


def _is_filler(words: Sequence[str]) -> bool:
    return all(word_key(w) in STOPWORDS or not w[0].isalnum() for w in words)


def _join_fillers(opcodes: list[_Opcode], a: Sequence[str], b: Sequence[str]) -> list[_Opcode]:
    """Absorb a short equal run of stop words between two changes into one replace."""
    merged: list[_Opcode] = []
    for index, op in enumerate(opcodes):
        tag, i1, i2, j1, j2 = op
        sandwiched = (
            tag == "equal"
            and 0 < index < len(opcodes) - 1
            and i2 - i1 <= 2
            and opcodes[index + 1][0] != "equal"
            and merged
            and merged[-1][0] != "equal"
            and _is_filler(a[i1:i2])
        )
        if sandwiched or (tag != "equal" and merged and merged[-1][0] != "equal"):
            _, p1, _, q1, _ = merged[-1]
            merged[-1] = ("replace", p1, i2, q1, j2)
        else:
            merged.append(op)
    return [
        (_tag(i1, i2, j1, j2) if tag != "equal" else tag, i1, i2, j1, j2)
        for tag, i1, i2, j1, j2 in merged
    ]


def _tag(i1: int, i2: int, j1: int, j2: int) -> str:
    if i1 == i2:
        return "insert"
    if j1 == j2:
        return "delete"
    return "replace"


def _split_variants(op: _Opcode, a: Sequence[str], b: Sequence[str]) -> list[_Opcode]:
    """Cut name/spelling variants out of a replace, keeping the rest as phrases."""
    _, i1, i2, j1, j2 = op
    if (i2 - i1) * (j2 - j1) > 2500:  # a rewritten paragraph, not a phrase: leave it whole
        return [op]
    pairs, j_from = [], j1
    for i in range(i1, i2):
        for j in range(j_from, j2):
            if a[i][:1].isalnum() and word_key(a[i]) != word_key(b[j]) and are_variants(a[i], b[j]):
                pairs.append((i, j))
                j_from = j + 1
                break
    if not pairs:
        return [op]
    pieces: list[_Opcode] = []
    variant_piece = False  # is the last piece a (merged) variant pair?
    i_at, j_at = i1, j1
    for i, j in pairs:
        if i_at < i or j_at < j:
            pieces.append((_tag(i_at, i, j_at, j), i_at, i, j_at, j))
            variant_piece = False
        names = a[i][:1].isupper() and b[j][:1].isupper()
        if variant_piece and names and pieces[-1][2] == i and pieces[-1][4] == j:
            # "Muammar Qaddafi" -> "Moamer Kadhafi" stays one name
            pieces[-1] = ("replace", pieces[-1][1], i + 1, pieces[-1][3], j + 1)
        else:
            pieces.append(("replace", i, i + 1, j, j + 1))
        variant_piece = names
        i_at, j_at = i + 1, j + 1
    if i_at < i2 or j_at < j2:
        pieces.append((_tag(i_at, i2, j_at, j2), i_at, i2, j_at, j2))
    return pieces


def _boundaries(text: str, words: Sequence[str]) -> list[int]:
    """Where each token's share of the text begins; the text's end closes the last one."""
    starts = _starts(text, words)
    starts[:1] = [0]
    starts.append(len(text))
    return starts


def word_diff(a: str, b: str) -> tuple[WordEdit, ...]:
    """The word edits that turn sentence ``a`` into sentence ``b``.

    Swapping the sentences mirrors the edits (``insert`` <-> ``delete``): the diff is
    always worked out in one canonical direction and turned round when needed.

    >>> [str(e) for e in word_diff("backed by military leader Khalifa Haftar",
    ...                             "backed by military strongman Khalifa Haftar")]
    ['equal backed by military', 'replace leader -> strongman', 'equal Khalifa Haftar']
    >>> [str(e) for e in word_diff("since its leader Muammar Qaddafi was killed",
    ...                             "since longtime dictator Moamer Kadhafi was killed")]
    ['equal since', 'replace its leader -> longtime dictator', 'replace Muammar Qaddafi -> Moamer Kadhafi', 'equal was killed']
    >>> [str(e) for e in word_diff("U.S. Libya Russia.", "Libya.")]
    ['delete U.S .', 'equal Libya', 'delete Russia', 'equal .']
    """
    if b < a:
        return tuple(_mirror(edit) for edit in _diff(b, a))
    return _diff(a, b)


def _mirror(edit: WordEdit) -> WordEdit:
    tag = {"insert": "delete", "delete": "insert"}.get(edit.tag, edit.tag)
    return WordEdit(tag, edit.b_words, edit.a_words, edit.b_span, edit.a_span)  # type: ignore[arg-type]


def _best_opcodes(a_keys: list[str], b_keys: list[str]) -> list[_Opcode]:
    """The matcher's opcodes either way round, whichever keeps more words equal.

    difflib takes the first of equally long matches, so "Libya." against "U.S. Libya
    Russia." may anchor on the full stop and lose the name; reading the pair the other
    way round finds it.
    """
    forward = _opcodes(a_keys, b_keys)
    best = _equal_counts(forward, a_keys)
    if best == _most_equal(a_keys, b_keys):
        return forward
    backward = [
        ({"insert": "delete", "delete": "insert"}.get(tag, tag), j1, j2, i1, i2)
        for tag, i1, i2, j1, j2 in _opcodes(b_keys, a_keys)
    ]
    return backward if _equal_counts(backward, a_keys) > best else forward


def _most_equal(a_keys: list[str], b_keys: list[str]) -> tuple[int, int]:
    """(words, tokens) the two sides have in common: no diff keeps more equal than this.

    >>> _most_equal(["Libya", ".", "Libya"], ["Libya", ".", "."])
    (1, 2)
    """
    left = tally(b_keys)
    words = tokens = 0
    for key, have in tally(a_keys).items():  # each distinct key once
        found = left.get(key)
        if found:
            common = have if have < found else found
            tokens += common
            if key[:1].isalnum():
                words += common
    return words, tokens


def _words(keys: list[str]) -> int:
    return sum(1 for k in keys if k[:1].isalnum())


def _equal_counts(opcodes: list[_Opcode], a_keys: list[str]) -> tuple[int, int]:
    """(equal words, equal tokens) of a diff."""
    words = tokens = 0
    for tag, i1, i2, _, _ in opcodes:
        if tag == "equal":
            tokens += i2 - i1
            words += _words(a_keys[i1:i2])
    return words, tokens


def _diff(a: str, b: str) -> tuple[WordEdit, ...]:
    a_tokens = _tokens(a)
    b_tokens = a_tokens if b == a else _tokens(b)
    if b == a and a_tokens:  # the same sentence: one equal run (no matcher needed)
        return (WordEdit("equal", a_tokens, a_tokens, (0, len(a)), (0, len(b))),)
    if not a_tokens and not b_tokens:  # nothing but white space, if anything
        return (WordEdit("equal", (), (), (0, len(a)), (0, len(b))),) if a or b else ()
    a_keys = _compare_keys(a, a_tokens)
    b_keys = _compare_keys(b, b_tokens)
    opcodes = _join_fillers(_best_opcodes(a_keys, b_keys), a_tokens, b_tokens)
    refined: list[_Opcode] = []
    for op in opcodes:
        refined.extend(_split_variants(op, a_tokens, b_tokens) if op[0] == "replace" else [op])
    a_at, b_at = _boundaries(a, a_tokens), _boundaries(b, b_tokens)
    edits = []
    for tag, i1, i2, j1, j2 in refined:
        edits.append(
            WordEdit(
                tag=tag,  # type: ignore[arg-type]
                a_words=a_tokens[i1:i2],
                b_words=b_tokens[j1:j2],
                a_span=(a_at[i1] if i1 else 0, a_at[i2] if i2 < len(a_tokens) else len(a)),
                b_span=(b_at[j1] if j1 else 0, b_at[j2] if j2 < len(b_tokens) else len(b)),
            )
        )
    return tuple(edits)


def replay(edits: tuple[WordEdit, ...], text: str, *, side: str = "a") -> str:
    """Rebuild one side's text from the edits' spans (the diff's round-trip property).

    >>> edits = word_diff("Mohammed Younes Menfi", "Mohammad Younes Menfi")
    >>> replay(edits, "Mohammed Younes Menfi", side="a")
    'Mohammed Younes Menfi'
    """
    spans = [edit.a_span if side == "a" else edit.b_span for edit in edits]
    return "".join(text[start:end] for start, end in spans)
