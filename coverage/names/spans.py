"""A sentence -> the names in it: spans of capitalised words, titles split off, a kind guessed.

No downloadable model: names are found by rules over capitalised words (the word lists
are the rules' vocabulary, in ``resources/vocabulary/``; :mod:`mentions` applies them).

- A **run** is a sequence of capitalised words, with particles inside ("bin", "van",
  "al-Dbeibeh"); a possessive ("Libya's") ends it. A lowercase prefix or suffix is cut
  off ("post-Qaddafi" -> Qaddafi, "Tripoli-based" -> Tripoli), but "Jin-ping" after
  "Xi" stays a name.
- A capitalised first word of a sentence counts only when the corpus also capitalises it
  mid-sentence, or another capitalised word follows ("Following the ..." is no name).
- Leading titles and nationalities are split off as the mention's ``title``
  ("Russian Defense Minister" | "Sergei Shoigu"), unless the run names an organisation
  ("Libyan National Army", "Russian Defense Ministry"). "Government of National
  Accord" joins over "of"; an acronym in brackets after a name is an alias for it.

Limits, by design of a rule set: "Al Khoms" (a town) reads as a person, a capitalised
first word that the corpus never capitalises elsewhere is dropped even when it is a
name, initials ("John F. Kennedy") break a name, and kind (person, group, place) is a
guess from titles and head words.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from anyascii import anyascii
from rapidfuzz.distance import Indel

from ..normalize import STOPWORDS, Token, sound_key, tokenize, word_key
from ..vocabulary import listed
from .memo import shared

__all__ = [
    "part_key",
    "name_spans",
    "PARTICLES",
    "TITLE_WORDS",
    "PERSON_TITLES",
    "DEMONYMS",
    "ORG_HEADS",
    "PLACE_HEADS",
    "CALENDAR",
    "NOT_NAMES",
    "COMMON_OPENERS",
]


PARTICLES = listed("name_particles")
_ARTICLE_PREFIX = re.compile(
    r"^(?:al|el|ad|ed|as|ash|at|az|an|ar|ul|bin|ibn|bint|abu)(?:[-\u2010\u2011]|\s(?=\w))", re.I
)
TITLE_WORDS = listed("titles")
PERSON_TITLES = listed("titles", without=("office_words",))
DEMONYMS = listed("demonyms")
ORG_HEADS = listed("organisation_heads")
PLACE_HEADS = listed("place_heads")
CALENDAR = listed("calendar")
_COMPOUND_SUFFIXES = listed("compound_suffixes")
_TITLE_OR_DEMONYM = TITLE_WORDS | DEMONYMS  # live unions, made once (not per test)
_LONE_WORDS = TITLE_WORDS | ORG_HEADS | DEMONYMS
NOT_NAMES = listed("generic_names")
COMMON_OPENERS = listed("sentence_openers")  # capitalised only because they open a sentence
_HYPHEN = re.compile(r"[-\u2010\u2011]")
_NAME_GLUE = re.compile(r"[\s\-\u2010\u2011'.]")  # spacing and marks inside a name part
_POSSESSIVE = re.compile(r"['\u2019\u2018\u02bc]s$")
_OPENERS = frozenset("\u201c\"\u2018'(:[\u2014\u2013-.!?")


@lru_cache(maxsize=200_000)
def part_key(part: str) -> str:
    """The key a name part is compared on: case, accents, spacing, article prefix folded.

    >>> part_key("al-Dbeibeh"), part_key("Abdul Hamid"), part_key("Jin-ping")
    ('dbeibeh', 'abdulhamid', 'jinping')
    >>> part_key("Шойгу"), part_key("Karikó"), part_key("@HumzaYousaf")
    ('shoigu', 'kariko', 'humzayousaf')
    """
    key = word_key(part)
    if not key.isascii():  # another script: Шойгу -> shoigu
        key = anyascii(key).casefold()
    key = _ARTICLE_PREFIX.sub("", key.lstrip("@#"))
    return _NAME_GLUE.sub("", key)


@dataclass
class _Tok:
    text: str
    start: int
    end: int
    role: str  # name, particle, other
    alone: bool = False  # a piece cut from a compound: a run of its own
    possessive: bool = False


@lru_cache(maxsize=100_000)
def skeleton(key: str) -> str:
    """A name key's consonant skeleton (``sound_key``, with x read as ks, and j in the
    class of g, k and q: Arabic jim is written j or, from Egyptian speech, g).

    >>> skeleton("alexander") == skeleton("aleksander"), skeleton("kadhafi")
    (True, 'kdf')
    >>> skeleton("jolani") == skeleton("golani"), skeleton("jamal") == skeleton("gamal")
    (True, True)
    """
    sound = sound_key(key.replace("x", "ks"))
    return sound.replace("j", "k") if len(key) >= 4 else sound  # Jim is not Kim


def near_spelling(a: str, b: str) -> bool:
    """Nearly the same spelling: same skeleton and 85% of letters in common.

    >>> near_spelling("hanieh", "haniyeh"), near_spelling("police", "pelosi")
    (True, False)
    """
    return skeleton(a) == skeleton(b) and Indel.normalized_similarity(a, b) >= 0.85


@dataclass
class _Stats:
    midcaps: frozenset[str]  # words capitalised somewhere after a sentence's first word
    lower: frozenset[str]  # words written in lowercase somewhere
    alone: Counter  # how often a word is a whole run by itself
    # first words never written otherwise that nearly spell a word of ``midcaps`` (Hanieh)
    variants: frozenset[str] = frozenset()


def _common_opener(key: str, stats: _Stats, following: str) -> bool:
    """Is a sentence's capitalised first word an ordinary word ("Following", "Activists")?

    Yes when the corpus writes it in lowercase somewhere, or it is a usual opener; else
    when no name follows and the corpus never capitalises it mid-sentence, nor a near
    spelling of it ("Hanieh attended ..." where "Ismail Haniyeh" stands elsewhere), so a
    name written only at the start of sentences, and in no other spelling, is missed.
    """
    if key in stats.lower or key in COMMON_OPENERS:
        return True
    return (
        key not in stats.midcaps
        and key not in stats.variants
        and not (following[:1].isupper() or _ARTICLE_PREFIX.match(following))
    )


def _not_a_name(base: str, key: str, parts: list[str]) -> bool:
    """Capitalised, but a pronoun, a stop word, a date, a credit word or a nationality pair."""
    if "/" in base or key in CALENDAR or key in NOT_NAMES or key.startswith("i'"):
        return True
    if key in STOPWORDS and not base.isupper():  # "It", "So"; but "US" is a name
        return True
    return len(parts) > 1 and all(word_key(p) in DEMONYMS for p in parts)  # Russian-Libyan


def _classify(
    tokens: list[Token], stats: _Stats | None, doubts: list[tuple[int, str, str]] | None = None
) -> list[_Tok]:
    """Each token's role. Without ``stats``, ``doubts`` receives ``(k, key, following)``
    for each capitalised sentence opener that corpus statistics could make an ordinary word
    (:func:`_common_opener`): with none of them ordinary, the statistics change nothing."""
    out: list[_Tok] = []
    at_start = True
    particles = PARTICLES.current()  # tested for most words: a plain set
    for k, (text, start, end) in enumerate(tokens):
        if not text[:1].isalnum():
            out.append(_Tok(text, start, end, "other"))
            at_start = at_start or text in _OPENERS
            continue
        first, at_start = at_start, False
        if text.isalpha() and not text[:1].isupper():  # most words: no name, no regex
            role = "particle" if text in particles else "other"
            out.append(_Tok(text, start, end, role))
            continue
        possessive = bool(_POSSESSIVE.search(text))
        base = text[:-2] if possessive else text
        parts = _HYPHEN.split(base)
        if base[:1].isupper() and len(base) > 1:
            key = word_key(parts[0])
            if _not_a_name(base, key, parts):
                out.append(_Tok(text, start, end, "other"))
                continue
            if first and not base.isupper() and (stats is not None or doubts is not None):
                following = tokens[k + 1].text if k + 1 < len(tokens) else ""
                if stats is None:
                    doubts.append((k, key, following))
                elif _common_opener(key, stats, following):
                    out.append(_Tok(text, start, end, "other"))
                    continue
            rest = parts[1:]
            if rest and all(p[:1].islower() for p in rest):
                previous = out[-1] if out else None
                continuing = previous is not None and previous.role == "name" and not previous.alone
                suffix = rest[-1].lower()  # "-backed", "-leaning"; but "Jin-ping" is a name
                compound = suffix in _COMPOUND_SUFFIXES or (
                    len(suffix) > 4 and suffix.endswith(("ed", "ing", "ly"))
                )
                if compound or not continuing:  # "Tripoli-based": the capitalised piece only
                    cut = start + len(parts[0])
                    out.append(_Tok(parts[0], start, cut, "name", alone=True))
                    continue
            out.append(_Tok(base, start, start + len(base), "name", possessive=possessive))
        elif base in particles:
            out.append(_Tok(text, start, end, "particle"))
        elif len(parts) > 1 and any(p[:1].isupper() for p in parts[1:]):
            if _ARTICLE_PREFIX.match(base):  # al-Dbeibeh
                out.append(_Tok(base, start, start + len(base), "name", possessive=possessive))
            else:  # post-Qaddafi, pro-LNA: the capitalised tail only
                offset = base.index(next(p for p in parts[1:] if p[:1].isupper()))
                tail = base[offset:]
                out.append(_Tok(tail, start + offset, start + len(base), "name", alone=True))
        else:
            out.append(_Tok(text, start, end, "other"))
    return out


def _plain_classes(
    text: str, tokens: list[Token] | None = None
) -> tuple[list[_Tok], list[tuple[int, str, str]]]:
    """``_classify`` without corpus statistics, and its openers in doubt, made once a text
    within a :func:`~comparative_coverage.names.memo.sharing` block: a story's sentence
    names (:func:`name_spans`), its corpus statistics (:func:`_stats`) and its mentions
    with those statistics all start from it."""

    def classify() -> tuple[list[_Tok], list[tuple[int, str, str]]]:
        doubts: list[tuple[int, str, str]] = []
        return _classify(tokenize(text) if tokens is None else tokens, None, doubts), doubts

    return shared(("plain_classes", text), classify)


def _ordinary_openers(
    toks: list[_Tok], ordinary: list[int], tokens: list[Token]
) -> list[_Tok] | None:
    """The plain classes with the openers at ``ordinary`` made ordinary words, as
    :func:`_classify` with statistics makes them; None when a hyphenated word follows one
    (its class depends on the word before it: classify again)."""
    if any(k + 1 < len(tokens) and _HYPHEN.search(tokens[k + 1].text) for k in ordinary):
        return None
    out = list(toks)
    for k in ordinary:
        token = tokens[k]
        out[k] = _Tok(token.text, token.start, token.end, "other")
    return out


def _runs(toks: list[_Tok]) -> list[list[int]]:
    """Indices of the tokens of each run of names, particles allowed inside."""
    runs: list[list[int]] = []
    current: list[int] = []
    for k, tok in enumerate(toks):
        if tok.role == "name" and not tok.alone:
            current.append(k)
            if tok.possessive:
                runs.append(current)
                current = []
            continue
        if tok.role == "particle" and current and k + 1 < len(toks) and toks[k + 1].role == "name":
            current.append(k)
            continue
        if current:
            runs.append(current)
            current = []
        if tok.role == "name":
            runs.append([k])
    if current:
        runs.append(current)
    return _join_of(runs, toks)


def _org_or_place(key: str) -> bool:
    return key in ORG_HEADS or key in PLACE_HEADS


def _join_of(runs: list[list[int]], toks: list[_Tok]) -> list[list[int]]:
    """'Government' + 'of' + 'National Accord' -> one run, when the first ends in a head word."""
    joined: list[list[int]] = []
    for run in runs:
        if joined and run[0] - joined[-1][-1] in (2, 3):  # one or two words between
            last = joined[-1]
            gap = [toks[k].text.lower() for k in range(last[-1] + 1, run[0])]
            if (
                gap in (["of"], ["of", "the"])  # first: most runs stand apart
                and not toks[last[-1]].possessive
                and _org_or_place(word_key(toks[last[-1]].text))
            ):
                last.extend(range(last[-1] + 1, run[0]))
                last.extend(run)
                continue
        joined.append(list(run))
    return joined


def _kind(parts: list[str], title: list[str]) -> str:
    keys = {word_key(p) for p in parts}
    if not ORG_HEADS.current().isdisjoint(keys) or (
        len(parts) == 1 and parts[0].isupper() and len(parts[0]) > 1
    ):
        return "group"
    if not PLACE_HEADS.current().isdisjoint(keys):
        return "place"
    if any(word_key(t) in PERSON_TITLES for t in title) or len(parts) >= 2:
        return "person"
    return "name"


def _sentence_mentions(
    text: str,
    stats: _Stats | None,
    tokens: list[Token] | None = None,
    plain: tuple[list[_Tok], list[tuple[int, str, str]]] | None = None,
) -> tuple[list[tuple[int, int, list[str], int]], dict[str, str]]:
    """(start, end, parts, title_start) per mention, and acronym aliases found.

    ``plain``: the text's :func:`_plain_classes`, when the caller has them already.
    Statistics change the result only through an opener they make ordinary or a word
    that stands alone elsewhere (``_Stats.alone``): without either, the mentions are
    those found without statistics, made once a text within a ``sharing`` block (the
    kinds of change asked for them first)."""
    toks, doubts = plain or _plain_classes(text, tokens)
    ordinary = (
        [k for k, key, f in doubts if _common_opener(key, stats, f)] if stats is not None else []
    )
    if not ordinary:
        found, aliases, alone = shared(
            ("plain_mentions", text), lambda: _run_mentions(text, toks, None), keep=toks
        )
        if stats is None or not any(stats.alone[key] >= 2 for key in alone):
            return [(s, e, list(parts), t) for s, e, parts, t in found], dict(aliases)
        return _run_mentions(text, toks, stats)[:2]
    toks = _ordinary_openers(toks, ordinary, tokenize(text) if tokens is None else tokens)
    toks = toks or _classify(tokenize(text) if tokens is None else tokens, stats)
    return _run_mentions(text, toks, stats)[:2]


def _run_mentions(
    text: str, toks: list[_Tok], stats: _Stats | None
) -> tuple[list[tuple[int, int, list[str], int]], dict[str, str], list[str]]:
    """:func:`_sentence_mentions` of classified tokens, and the words that would stand
    alone before a name if the statistics saw them alone elsewhere (without statistics,
    none does)."""
    found, aliases, alone_keys = [], {}, []
    # the lists as plain sets, taken once a call: a test on a live list costs a call
    org_heads, title_or_demonym = ORG_HEADS.current(), _TITLE_OR_DEMONYM.current()
    for run in _runs(toks):
        names = [k for k in run if toks[k].role == "name"]
        keys = [word_key(toks[k].text) for k in names]
        heads = [n for n, key in enumerate(keys) if key in org_heads]
        if (
            heads and heads[-1] < len(names) - 2
        ):  # "Government of National Unity Abdul Hamid Dbeibah"
            last = names[heads[-1]]
            organisation = [k for k in run if k <= last]
            found.append(
                (
                    toks[run[0]].start,
                    toks[last].end,
                    [toks[k].text for k in organisation if toks[k].role == "name"],
                    toks[run[0]].start,
                )
            )
            run, names, keys = (
                [k for k in run if k > last],
                names[heads[-1] + 1 :],
                keys[heads[-1] + 1 :],
            )
        cut, organisation = 0, keys[-1] in org_heads
        if not organisation:  # an organisation keeps its nationality
            while cut < len(names) and keys[cut] in title_or_demonym:
                cut += 1
            # "Health Minister Karl Lauterbach": a portfolio before a person's title is
            # part of the title, when a name of two words or more follows it
            inner = [
                n for n in range(cut + 1, min(cut + 4, len(names) - 2)) if keys[n] in PERSON_TITLES
            ]
            if inner:
                cut = inner[0] + 1
                while cut < len(names) and keys[cut] in title_or_demonym:
                    cut += 1
        title_start = toks[names[0]].start
        could_stand_alone = (
            not organisation and len(names) - cut >= 3 and keys[cut] not in title_or_demonym
        )
        if could_stand_alone:
            alone_keys.append(keys[cut])
        if (
            could_stand_alone and stats is not None and stats.alone[keys[cut]] >= 2
        ):  # "... to Libya Shimmura Izuru": a place that stands alone elsewhere
            alone = toks[names[cut]]
            found.append((alone.start, alone.end, [alone.text], alone.start))
            cut += 1
            title_start = toks[names[cut]].start
        if cut >= len(names):
            continue
        kept = [k for k in run if k >= names[cut]]
        parts = [toks[k].text for k in kept if toks[k].role == "name"]
        if len(parts) == 1 and word_key(parts[0]) in _LONE_WORDS:
            continue
        start, end = toks[kept[0]].start, toks[kept[-1]].end
        found.append((start, end, parts, title_start))
        after = kept[-1] + 1
        if (
            after + 2 < len(toks)
            and toks[after].text == "("
            and toks[after + 2].text == ")"
            and toks[after + 1].text.isupper()
            and 2 <= len(toks[after + 1].text) <= 6
            and len(parts) > 1
        ):
            aliases[toks[after + 1].text] = text[start:end]
    return found, aliases, alone_keys


def name_spans(text: str) -> list[tuple[int, int, tuple[str, ...], int]]:
    """The names of one sentence, without corpus statistics: ``(start, end, parts,
    title_start)`` each, the title words before the name between ``title_start`` and
    ``start``.

    >>> [(s, e, p) for s, e, p, _ in name_spans("Ukrainian President Volodymyr Zelensky spoke.")]
    [(20, 38, ('Volodymyr', 'Zelensky'))]
    """
    return list(shared(("name_spans", text), lambda: _name_spans(text)))


def _name_spans(text: str) -> tuple[tuple[int, int, tuple[str, ...], int], ...]:
    found, _ = _sentence_mentions(text, None)
    return tuple((start, end, tuple(parts), title) for start, end, parts, title in found)


def _stats(
    texts: Iterable[str],
    tokenized: dict[str, list[Token]],
    plain: dict[str, tuple[list[_Tok], list[tuple[int, str, str]]]] | None = None,
) -> _Stats:
    """Corpus statistics the rules need; fills ``tokenized`` (sentence -> tokens) and
    ``plain`` (sentence -> :func:`_plain_classes`) on the way."""
    midcaps: set[str] = set()
    lower: set[str] = set()
    openers: set[str] = set()
    alone: Counter = Counter()
    for text in texts:
        if text in tokenized:
            continue
        tokens = tokenized[text] = tokenize(text)
        lower.update(t.text for t in tokens if t.text[:1].islower())
        classes = _plain_classes(text, tokens)
        if plain is not None:
            plain[text] = classes
        toks = classes[0]
        for k, tok in enumerate(toks):
            if tok.role == "name":
                if k > 0 and toks[k - 1].text not in _OPENERS:
                    midcaps.add(word_key(_HYPHEN.split(tok.text)[0]))
                elif k == 0:
                    openers.add(word_key(tok.text))
        for run in _runs(toks):
            if len(run) == 1:
                alone[word_key(toks[run[0]].text)] += 1
    lowered = frozenset(word_key(w) for w in lower)
    return _Stats(frozenset(midcaps), lowered, alone, _variants(openers, midcaps, lowered))


def _variants(openers: set[str], midcaps: set[str], lower: frozenset[str]) -> frozenset[str]:
    """First words the corpus writes no other way that nearly spell a mid-sentence name."""
    unknown = [k for k in openers - midcaps - lower if len(k) >= 4 and k not in COMMON_OPENERS]
    if not unknown:
        return frozenset()
    by_skeleton: dict[str, list[str]] = {}
    for key in midcaps:
        by_skeleton.setdefault(skeleton(key), []).append(key)
    return frozenset(
        key
        for key in unknown
        if any(near_spelling(key, other) for other in by_skeleton.get(skeleton(key), ()))
    )
