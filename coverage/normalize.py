"""Text -> comparison keys: typography folding, word tokens with offsets, sound keys.

CollateX keeps each token's surface text beside its normalised key; so do we. Nothing
here rewrites what is stored: these functions only build keys for comparing.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Hashable, Iterable
from functools import lru_cache
from typing import NamedTuple, TypeVar


def _count_in_python(mapping: dict, iterable: Iterable) -> None:
    """What ``_count_elements`` does, for an interpreter without it."""
    get = mapping.get
    for element in iterable:
        mapping[element] = get(element, 0) + 1


try:  # the C loop that Counter itself counts with
    from _collections import _count_elements
except ImportError:  # pragma: no cover - an interpreter without it
    _count_elements = _count_in_python


__all__ = [
    "Token",
    "fold_typography",
    "fold_quotes",
    "tokenize",
    "token_texts",
    "word_key",
    "sound_key",
    "tally",
    "STOPWORDS",
]

_TYPOGRAPHY = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "`": "'",
        "\u00b4": "'",
        "\u02bc": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u2007": " ",
        "\u2009": " ",
        "\u200a": " ",
        "\u202f": " ",
        "\u2002": " ",
        "\u2003": " ",
        "\u3000": " ",
        "\u200b": None,
        "\u200c": None,
        "\u200d": None,
        "\ufeff": None,
        "\u00ad": None,
        "\u2026": "...",
    }
)
# str.translate with a dict table looks up every character of a non-ASCII text (~20x
# slower than this): a regex finds the few typography characters and only they are mapped
_TYPOGRAPHY_CHARS = re.compile("[" + re.escape("".join(map(chr, _TYPOGRAPHY))) + "]")
_TYPOGRAPHY_FOR = {chr(k): v or "" for k, v in _TYPOGRAPHY.items()}
_SPACES = re.compile(r"\s+")
_UNUSUAL_SPACE = re.compile(r"[^\S ]|  ")  # what _SPACES would change: not one plain space
# spaces around a dash are typography too: "Libya — a" and "Libya-a" fold alike. Runs of
# space are collapsed first, so each side holds at most one space: linear on any input.
_DASH_SPACES = re.compile(r" ?- ?(?=\D)|(?<=\D) ?- ?")


def fold_typography(text: str) -> str:
    """Fold quotes, apostrophes, dashes, spaces and ellipses to one plain form.

    Two sentences that fold to the same string differ only in typography.

    >>> fold_typography("Putin\u2018s backing \u2014 \u201cconstructive\u201d\u00a0work")
    'Putin\\'s backing-"constructive" work'
    """
    folded = fold_quotes(text)
    if _UNUSUAL_SPACE.search(folded):
        folded = _SPACES.sub(" ", folded)
    if "-" in folded:
        folded = _DASH_SPACES.sub("-", folded)
    return folded.strip()


def fold_quotes(text: str) -> str:
    """Fold typography inside a word or mark, keeping case: ``Putin\u2018s`` -> ``Putin's``."""
    if text.isascii():  # the backtick is the one ASCII character folded
        return text.replace("`", "'") if "`" in text else text
    return _TYPOGRAPHY_CHARS.sub(_typography_for, text)


def _typography_for(match: re.Match[str]) -> str:
    return _TYPOGRAPHY_FOR[match.group()]


# A word: letters/digits joined by inner apostrophes, hyphens or dots ("UN-recognised",
# "Libya's", "U.S", "5+5"), or a figure's thousands ("1,200": a figure is one word, so
# "1,200" -> "1,500" is one edit, not "200" -> "500"). Anything else that is not space
# is a one-character token.
_TOKEN = re.compile(
    r"[^\W_]+(?:(?:[\u2019\u2018'\u02bc\-\u2010\u2011.+/]|(?<=\d),(?=\d{3}(?![^\W_])))[^\W_]+)*"
    r"|[^\w\s]|_+"
)


class Token(NamedTuple):
    """A word or punctuation mark with its character offsets in the text it came from."""

    text: str
    start: int
    end: int


def tokenize(text: str) -> list[Token]:
    """Split text into words and punctuation marks, keeping offsets.

    >>> [t.text for t in tokenize("UN-recognised GNA, Putin\u2019s \u201cnew\u201d")]
    ['UN-recognised', 'GNA', ',', 'Putin\u2019s', '\u201c', 'new', '\u201d']
    """
    if len(text) > _CACHED_TEXT:
        return _tokens(text)
    return list(_cached_tokens(text))


_CACHED_TEXT = 1000  # sentences and shorter: the wording rules tokenize them many times


def _tokens(text: str) -> list[Token]:
    new = tuple.__new__  # builds the named tuple without its Python-level __new__
    return [new(Token, (m.group(), *m.span())) for m in _TOKEN.finditer(text)]


@lru_cache(maxsize=16_384)
def _cached_tokens(text: str) -> tuple[Token, ...]:
    return tuple(_tokens(text))


def token_texts(text: str) -> list[str]:
    """The texts of :func:`tokenize`'s tokens, without offsets (a third of the work).

    Only white space lies between tokens, so each token's offset is the first place
    its text is found after the previous token's end.

    >>> token_texts("Putin\u2019s \u201cnew\u201d talks.")
    ['Putin\u2019s', '\u201c', 'new', '\u201d', 'talks', '.']
    """
    return _TOKEN.findall(text)


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=200_000)
def word_key(word: str) -> str:
    """The key under which two spellings of a word count as the same word.

    Case, accents and typography are folded; the spelling itself is not.

    >>> word_key("T\u00fcrkiye"), word_key("Libya\u2019s"), word_key("\u201c")
    ('turkiye', "libya's", '"')
    """
    key = fold_quotes(word).casefold()
    if not key.isascii():
        key = _strip_accents(key)
    return key


_SOUND_DIGRAPHS = (
    ("ph", "f"),
    ("dh", "d"),
    ("th", "t"),
    ("kh", "k"),
    ("gh", "g"),
    ("sh", "s"),
    ("ck", "k"),
    ("dj", "j"),
    ("ou", "u"),
)
_SOUND_CLASSES = str.maketrans({"q": "k", "c": "k", "g": "k", "z": "s", "x": "s", "w": "v"})
_VOWELS = re.compile(r"(?<!^)[aeiouy]+")
_DOUBLES = re.compile(r"(.)\1+")


def _one_of_run(match: re.Match[str]) -> str:
    # a function, not the template r"\1": a template is expanded by the re module's
    # Python code at each call, and sound_key runs for every new word of a corpus
    return match.group(1)


_SOFT_C = re.compile(r"c(?=[eiy])")


@lru_cache(maxsize=200_000)
def sound_key(word: str) -> str:
    """A rough phonetic skeleton that survives transliteration and spelling variants.

    Consonant classes are merged, vowels after the first letter dropped, doubled letters
    collapsed. Short or non-alphabetic words keep their plain key: their skeletons would
    collide too easily.

    >>> [sound_key(w) for w in ("Qaddafi", "Kadhafi", "Gaddafi")]
    ['kdf', 'kdf', 'kdf']
    >>> [sound_key(w) for w in ("Mohammed", "Mohammad", "Mohamed", "recognized", "recognised")]
    ['mhmd', 'mhmd', 'mhmd', 'rknsd', 'rknsd']
    >>> sound_key("Libya\u2019s") == sound_key("Libya"), sound_key("the")
    (True, 'the')
    """
    key = word_key(word)
    if key.endswith("'s"):
        key = key[:-2]
    key = key.replace("'", "").replace("-", "")
    if len(key) < 4 or not key.isalpha():
        return key
    for digraph, sound in _SOUND_DIGRAPHS:
        key = key.replace(digraph, sound)
    key = _SOFT_C.sub("s", key).translate(_SOUND_CLASSES)
    key = _DOUBLES.sub(_one_of_run, _VOWELS.sub("", key))
    return key


_Item = TypeVar("_Item", bound=Hashable)


def tally(items: Iterable[_Item], into: dict | None = None) -> dict[_Item, int]:
    """How many times each item occurs, in order of first occurrence: ``Counter(items)``
    as a plain dict (or added to ``into``, a ``Counter`` where a missing key must count 0).

    Counter's own set-up (Python code, and an ``isinstance`` check against an abstract
    class) costs as much as counting a sentence's keys; the aligner and the spine search
    count such short lists hundreds of thousands of times in a corpus run.

    >>> tally("abracadabra")
    {'a': 5, 'b': 2, 'r': 2, 'c': 1, 'd': 1}
    """
    counted: dict = {} if into is None else into
    _count_elements(counted, items)
    return counted


# Words too common in news copy to say anything about which sentence is which. IDF weighs
# words within each pair anyway; this list only keeps them from proposing candidates.
STOPWORDS = frozenset(
    """
    a an the and or but if of at by for with about against between into through during
    before after above below to from up down in out on off over under again further then once
    here there when where why how all any both each few more most other some such no nor not
    only own same so than too very can will just should now is are was were be been being have
    has had having do does did doing would could might must shall may it its it's he him his
    she her hers they them their theirs we us our you your i me my this that these those which
    yours ours myself yourself himself herself itself ourselves themselves
    who whom whose what as also said says say told tells according mr mrs ms since until while
    because although though yet still even already however
    der die das und oder ein eine einen einem einer eines den dem des ist sind war waren wird
    werden hat haben zu im in am an auf aus mit von vom zum zur für über unter nicht auch es
    er sie wir ihr ich sich dass wie als bei nach so noch nur
    le la les un une des et ou de du au aux en dans pour par sur pas que qui est sont il elle
    el los las y o del por con para una es se
    """.split()
)
