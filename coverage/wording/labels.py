"""Articles -> how each outlet describes each person or group: a tidy table of descriptors.

For every name mention (:func:`names.find_mentions`) the words an outlet puts beside it:

- **before** the name: titles and descriptors, walked back from the name while the words
  read as a noun phrase ending in a title-like word or a capitalised name ("military
  strongman", "Libyan National Army commander", "Commander of the Libyan National Army
  (LNA)", "Marshal"), or, for a name set off by commas, the phrase before the comma
  ("the Special Representative of the UN Secretary-General, Abdoulaye Bathily,");
- **after** the name: an appositive after a comma that starts with an article, a
  possessive or a title-like word, up to the next comma or the sentence's end
  ("Khalifa Haftar, a long-time commander in Libyan armed forces,").

Title-like means a known title (president, commander, marshal), a lexicon term
(strongman, dictator) or an agent-noun ending (-er, -or, -ist, -ant, -ent, -man). Limits:
no parser, so a descriptor after a verb ("led by") is found only when it is
title-like, relative clauses stay inside an appositive, and a descriptor in another
sentence ("He is a former general") is not linked to the name.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from functools import lru_cache

from ..model import Alignment, Article
from ..names.groups import find_mentions
from ..names.memo import sharing
from ..names.mentions import Mention, mentions_by_sentence
from ..names.spans import DEMONYMS, ORG_HEADS, TITLE_WORDS, name_spans
from ..normalize import STOPWORDS, Token, tokenize, word_key
from ..reading.articles import as_articles
from ..vocabulary import cached_by_lists, listed
from .edit_rules import is_ownership, number_word_keys
from .lexicon import Lexicon, load_lexicon
from .records import Label, Labels

__all__ = ["describe_labels", "descriptors", "labels_beside_names", "LABEL_COLUMNS"]

LABEL_COLUMNS = (
    "entity",
    "outlet",
    "article",
    "where",
    "index",
    "name",
    "descriptor",
    "position",
    "terms",
    "load",
    "sentence",
)
_AGENT = re.compile(r"(?:er|or|ist|ant|ent|man|woman|ee|ary|ive)s?$")
_ADJECTIVE = re.compile(r"(?:al|ic|ian|ese|ary|ous|ive|ern|ior)$")
_DETERMINERS = listed("determiners")
_MODIFIERS = listed("descriptor_modifiers")
# lexicon categories whose terms can name a person or group ("strongman", "militia")
PERSON_CATEGORIES = frozenset({"ruler", "armed group", "government", "description"})
_CAPITALISED_HEADS = TITLE_WORDS | DEMONYMS | ORG_HEADS
_MAX_WORDS = 12
_WINDOW = 64  # tokens before a name searched for its descriptor
_OPENERS = listed("sentence_openers")
_HONORIFICS = listed("honorifics")
_JOB_TITLES = listed("job_titles")


def _a_label(descriptor: str) -> bool:
    """Honorifics and bare job titles are not labels ("Mr", "President", "Ms Dr"), and nor
    is who owns an organisation ("the state-run"): the kinds of change say the same."""
    words = re.findall(r"[\w.'\u2019-]+", descriptor)
    keys = [k for k in (word_key(w).rstrip(".") for w in words) if k]
    if not keys or is_ownership(words):
        return False
    if all(k.replace(",", "").isdigit() for k in keys) or set(keys) <= number_word_keys():
        return False  # "three Palestinians", "12 Americans": a count, not a description
    return not all(k in _HONORIFICS or k in _JOB_TITLES for k in keys)


def _without_honorifics(descriptor: str) -> str:
    """ "Ms" in "Ms Nicola Sturgeon" or "Mr" before a title is courtesy, not description."""
    words = descriptor.split()
    while words and word_key(words[-1]).rstrip(".") in _HONORIFICS:
        words.pop()
    while words and word_key(words[0]).rstrip(".") in _HONORIFICS:
        words.pop(0)
    return " ".join(words)


def _title_like(word: str, lexicon: Lexicon) -> bool:
    """A title, a lexicon term for a person or group, or an agent noun (commander)."""
    key = word_key(word)
    if key in TITLE_WORDS or key in ORG_HEADS:  # "commander", "rights group"
        return True
    if any(h.term.category in PERSON_CATEGORIES for h in lexicon.find(word)):
        return True
    return len(key) >= 5 and key not in STOPWORDS and bool(_AGENT.search(key))


def _head(word: str, lexicon: Lexicon) -> bool:
    """May this word stand right before a name as the end of its descriptor?"""
    if "-" in word:
        return True  # "war-shattered", "UN-recognized"
    if word[:1].isupper():
        return word_key(word) in _CAPITALISED_HEADS
    return _title_like(word, lexicon)


def _modifier(word: str, lexicon: Lexicon) -> bool:
    """May this word stand inside a descriptor ("military", "Libyan", "National")?"""
    key = word_key(word)
    if "-" in word or word[:1].isupper() or key in _MODIFIERS:
        return True
    if key.endswith(("ed", "ing")) and key not in TITLE_WORDS:
        return False  # a verb, most likely: "backed", "including"
    return _title_like(word, lexicon) or bool(_ADJECTIVE.search(key))


@lru_cache(maxsize=16)
def _sentence_tokens(text: str) -> tuple[list[Token], list[int]]:
    tokens = tokenize(text)
    return tokens, [t.end for t in tokens]


def _tokens_before(text: str, end: int) -> list[Token]:
    """The last ``_WINDOW`` tokens of ``text[:end]``, as ``tokenize(text[:end])`` gives them.

    The sentence is tokenized once for all its names (tokenizing ``text[:end]`` for every
    name made long sentences quadratic); only a token cut by ``end`` is tokenized again.
    """
    tokens, ends = _sentence_tokens(text)
    i = bisect_right(ends, end)
    cut = tokens[i].start if i < len(tokens) and tokens[i].start < end else end
    tail = [Token(t.text, t.start + cut, t.end + cut) for t in tokenize(text[cut:end])]
    return tokens[max(0, i - _WINDOW) : i] + tail


def _walk_back(text: str, end: int, lexicon: Lexicon, *, headed: bool = False) -> int | None:
    """Where a descriptor ending at ``end`` starts, or None when there is none.

    ``headed``: a title already follows, so the nearest word need not be title-like.
    """
    tokens = _tokens_before(text, end)
    k = len(tokens) - 1
    start = end if headed else None
    words = 0
    while k >= 0 and words < _MAX_WORDS:
        word = tokens[k].text
        if word == ")" and k >= 2 and tokens[k - 2].text == "(" and tokens[k - 1].text.isupper():
            start, k = tokens[k - 2].start, k - 3  # "(LNA)"
            continue
        key = word_key(word)
        if word == "." and k >= 1 and word_key(tokens[k - 1].text) in TITLE_WORDS:
            k -= 1  # "Gen." is one word
            continue
        if not word[:1].isalnum() or "/" in word or key.endswith("'s"):
            break
        if start is None and not _head(word, lexicon):
            return None  # the nearest word is no title: "convince Putin", "Britain, France"
        if key in ("of", "the") and start is not None:
            j = k - 1 if key == "of" else k - 2
            if key == "the" and (k < 1 or word_key(tokens[k - 1].text) != "of"):
                break
            if j >= 0 and (tokens[j].text[:1].isupper() or word_key(tokens[j].text) in TITLE_WORDS):
                start, k, words = tokens[j].start, j - 1, words + 1  # "Commander of the ..."
                continue
            break
        if key in _DETERMINERS or (key in STOPWORDS and not word[:1].isupper()):
            break
        if (
            k == 0
            and word[:1].isupper()
            and key not in _CAPITALISED_HEADS
            and (key in _OPENERS or k + 1 >= len(tokens) or not _head(tokens[k + 1].text, lexicon))
        ):
            break  # a sentence's first word: "Many Syrian Christians"; but "Kremlin spokesman"
        if not _modifier(word, lexicon):
            break
        start = tokens[k].start
        words += 1
        k -= 1
    return start


_APPOSITIVE_STOP = re.compile(r"[,;:()]|\s[\u2013\u2014-]\s|[.!?][\"\u201d]?\s*$")


def _appositive(text: str, end: int, lexicon: Lexicon) -> tuple[int, int] | None:
    """The span of ", a long-time commander in Libyan armed forces," after a name."""
    match = _COMMA_SPACES.match(text, end)
    if not match or _ACCORDING.match(text, match.end()):
        return None
    start = match.end()
    # no leading \s* in the search (quadratic on a run of spaces): trailing spaces are
    # stripped from the phrase instead
    stop = _APPOSITIVE_STOP.search(text, start)
    finish = stop.start() if stop else len(text)
    finish = start + len(text[start:finish].rstrip())
    phrase = text[start:finish]
    words = phrase.split()
    if not words or len(words) > 20:
        return None
    if _a_credit(words):
        return None
    first = words[0]
    possessive = re.search(r"['\u2019]s$", first) and first[:1].isupper()
    if (
        word_key(first) in {"the", "a", "an"}
        or possessive
        or (first[:1].islower() and _title_like(first, lexicon))
    ):
        return start, finish
    return None


def _a_credit(words: list[str]) -> bool:
    """Is the phrase after a name's comma a credit ("in Tehran, the militant group Hamas
    said") rather than an appositive? A verb of reporting before any relative pronoun
    says so; "a warlord who said no" is still an appositive."""
    for word in words[1:]:
        key = word_key(word)
        if key in _RELATIVES:
            return False
        if key in _REPORTING:
            return True
    return False


_RELATIVES = frozenset({"who", "whom", "whose", "which", "that"})
_ACCORDING = re.compile(r"according to\b", re.IGNORECASE)
_REPORTING = listed("verbs_of_reporting", "speech_verbs")
_COMMA_AFTER = re.compile(r"\s*,")
_COMMA_SPACES = re.compile(r"\s*,\s*")


def _back_over(text: str, end: int, what: str) -> int:
    """Where a run of spaces (``" "``: any white space) or of ``what`` ends before ``end``."""
    while end and (text[end - 1].isspace() if what == " " else text[end - 1] == what):
        end -= 1
    return end


def _comma_before(text: str, end: int) -> bool:
    r"""Does ``text[:end]`` end in a comma and spaces? (``re.search(r",\s*$", ...)``)"""
    end = _back_over(text, end, " ")
    return bool(end) and text[end - 1] == ","


def descriptors(mention: Mention, *, lexicon: Lexicon | None = None) -> list[tuple[str, str]]:
    """The ``(descriptor, position)`` pairs written beside one mention."""
    return list(
        _descriptors(
            mention.sentence,
            mention.start,
            mention.end,
            mention.title_start,
            lexicon or load_lexicon(),
        )
    )


@cached_by_lists()
def _descriptors(
    text: str, name_start: int, name_end: int, title_start: int, lexicon: Lexicon
) -> tuple[tuple[str, str], ...]:
    """Cached per sentence and place: the versions of a story repeat the wire copy's
    sentences, and the kinds of change ask for the same names' labels first."""
    found = []
    headed = title_start < name_start
    before = _walk_back(text, title_start, lexicon, headed=headed)
    start = before if before is not None else title_start
    if start < name_start:
        found.append((text[start:name_start].strip(), "before"))
    elif _comma_before(text, name_start) and _COMMA_AFTER.match(text, name_end):
        # by index, not by slicing the text before each name (quadratic in long sentences)
        comma = _back_over(text, _back_over(text, name_start, " "), ",")
        comma = _back_over(text, comma, " ")
        head = _walk_back(text, comma, lexicon)
        word = comma
        while word and not text[word - 1].isspace():
            word -= 1
        last = text[word:comma]
        if head is not None and _title_like(last, lexicon):  # "the UN envoy, Abdoulaye Bathily,"
            found.append((text[head:comma].strip(), "before"))
    after = _appositive(text, name_end, lexicon)
    if after:
        found.append((text[after[0] : after[1]].strip(), "after"))
    return tuple(found)


def labels_beside_names(
    text: str, *, lexicon: Lexicon | None = None
) -> list[tuple[str, str, tuple[int, int]]]:
    """``(name, descriptor, span)`` for each label written beside a name in one text
    (honorifics and bare job titles left out); ``name`` is the name's last word.

    >>> labels_beside_names("The renegade general Khalifa Haftar, a former ally, spoke.")
    [('Haftar', 'renegade general', (4, 20)), ('Haftar', 'a former ally', (37, 50))]
    """
    return list(_labels_beside_names(text, lexicon or load_lexicon()))


@cached_by_lists()
def _labels_beside_names(
    text: str, lexicon: Lexicon
) -> tuple[tuple[str, str, tuple[int, int]], ...]:
    """Cached per text and lexicon: each version's units ask again for the spine's
    sentences."""
    found = []
    for start, end, parts, title_start in name_spans(text):
        # what descriptors() asks of a mention of this name, without building one
        for descriptor, position in _descriptors(text, start, end, title_start, lexicon):
            label = _without_honorifics(descriptor)
            if not _a_label(label):
                continue
            at = text.rfind(label, 0, start) if position == "before" else text.find(label, end)
            if at >= 0:
                found.append((parts[-1], label, (at, at + len(label))))
    return tuple(found)


def _any_label(articles: list[Article], lexicon: Lexicon) -> bool:
    """Does a label stand beside any name of the articles? A mention's descriptors depend
    on its sentence and place alone, which are known before the entities are resolved
    (most stories of a corpus have no label: their clustering is not needed)."""
    return any(
        _a_label(_without_honorifics(descriptor))
        for text, (fields, _) in mentions_by_sentence(articles).items()
        for start, end, _, _, _, title_start, _ in fields
        for descriptor, _ in _descriptors(text, start, end, title_start, lexicon)
    )


def describe_labels(
    articles: Article | Iterable[Article],
    *,
    alignments: Iterable[Alignment] = (),
    lexicon: Lexicon | None = None,
    kinds: Iterable[str] = ("person", "group", "name"),
    include_bare: bool = False,
) -> Labels:
    """One :class:`Label` per descriptor an outlet puts beside a name (:data:`LABEL_COLUMNS`).

    ``entity`` is the canonical name (the same for Muammar Qaddafi and Moamer Kadhafi),
    ``name`` the spelling the outlet used, ``where`` body, dek or caption, ``index`` the
    sentence's position there, ``position`` before or after the name, ``terms`` and
    ``load`` the lexicon terms in the descriptor (spaces in ``name`` and ``descriptor``
    are normalised; ``sentence`` is as written). ``include_bare`` adds a row with an
    empty descriptor for mentions that have none, so every name variant used is listed.
    """
    lexicon = lexicon or load_lexicon()
    kinds = set(kinds)
    rows = []
    with sharing():  # the sentences' names are read once, for the check and the mentions
        articles = as_articles(articles)
        if include_bare or _any_label(articles, lexicon):
            mentions = find_mentions(articles, alignments=alignments)
        else:
            mentions = ()  # no label: no entity across the articles to resolve
    for mention in mentions:
        if mention.kind not in kinds:
            continue
        found = [
            (_without_honorifics(d), position)
            for d, position in descriptors(mention, lexicon=lexicon)
            if _a_label(_without_honorifics(d))
        ]
        if not found and include_bare:
            found = [("", "")]
        for descriptor, position in found:
            hits = lexicon.find(descriptor)
            rows.append(
                Label(
                    entity=mention.entity,
                    outlet=mention.outlet,
                    article=mention.article,
                    where=mention.where,
                    index=mention.index,
                    name=" ".join(mention.text.split()),  # no-break spaces become spaces
                    descriptor=" ".join(descriptor.split()),
                    position=position,
                    terms="; ".join(h.term.term for h in hits),
                    load=sum(h.term.load for h in hits),
                    sentence=mention.sentence,
                )
            )
    return Labels(rows)
