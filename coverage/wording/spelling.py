"""Words -> how two spellings of one word differ; a corpus -> the words it spells two ways.

British and American spellings (recognised / recognized, Defence / Defense, labour /
labor, travelled / traveled), capitals, accents and hyphens (long-time / longtime).
The rules map British forms to American ones and compare; corpus-wide, both spellings
must occur, so nothing is guessed. Capitalisation alone is a difference of one edit
(western -> Western) but is not reported corpus-wide: every sentence capitalises a word.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache

from ..model import Article
from ..names.groups import NameGroup, NameGroups, Occurrence
from ..names.mentions import article_sentences
from ..normalize import tokenize, word_key
from ..reading.articles import as_articles
from ..vocabulary import cached_by_lists, entries

__all__ = ["spelling_rule", "find_spelling_variants", "american"]

_BRITISH = (
    (re.compile(r"(?<=\w\w)is(e|ed|es|ing|ation|ations|er|ers)$"), r"iz\1"),
    (re.compile(r"(?<=\w)ys(e|ed|es|ing)$"), r"yz\1"),
    (re.compile(r"(?<=\w\w)our(s|ed|ing|ite|ites|able|ful|less)?$"), r"or\1"),
    (re.compile(r"(?<=\w[bcdfghkmnpstvz])re(s?)$"), r"er\1"),
    (re.compile(r"(?<=\w\w)ence$"), "ense"),
    (re.compile(r"(?<=\w\w)ogue(s?)$"), r"og\1"),
)
# travelled -> traveled: "ll" plus an ending after a stem with a vowel, consonants, a vowel.
# Checked in two linear steps: the one-regex form backtracked cubically on long words.
_DOUBLED_L_END = re.compile(r"ll(ed|ing|er|ers)$")
_WORD = re.compile(r"\w+")
_VOWEL_CONSONANT_VOWEL = re.compile(r"[aeiou][^aeiou\W]+[aeiou]")


def _undouble_l(part: str) -> str:
    """``travelled`` -> ``traveled``; the word must be all word characters."""
    end = _DOUBLED_L_END.search(part)
    if end is None or not _WORD.fullmatch(part):
        return part
    stem = part[: end.start()]
    if not _VOWEL_CONSONANT_VOWEL.search(stem):
        return part
    return f"{stem}l{end.group(1)}"


def _irregular() -> dict[str, str]:
    """British -> American spellings that the suffix rules miss (programme / program)."""
    return _pairs(entries("british_american"))


@lru_cache(maxsize=4)
def _pairs(lines: tuple[str, ...]) -> dict[str, str]:
    return dict(line.lower().split()[:2] for line in lines)


@cached_by_lists()
def american(key: str) -> str:
    """A word key with British spellings mapped to American ones, part by part (cached
    per word: rules ask again for each pair)."""
    parts = []
    for part in key.split("-"):
        part = _irregular().get(part, part)
        for pattern, repl in _BRITISH:
            part = pattern.sub(repl, part)
        part = _undouble_l(part)
        parts.append(part)
    return "-".join(parts)


def spelling_rule(a: str, b: str) -> str | None:
    """How two spellings of one word differ, or None when they are different words.

    >>> spelling_rule("recognized", "recognised"), spelling_rule("Defense", "Defence")
    ('british_american', 'british_american')
    >>> spelling_rule("western", "Western"), spelling_rule("long-time", "longtime")
    ('case', 'hyphenation')
    >>> spelling_rule("travelled", "traveled"), spelling_rule("filled", "filed")
    ('british_american', None)
    >>> spelling_rule("leader", "leaders") is None
    True
    """
    if a == b:
        return None
    if a.casefold() == b.casefold():
        return "case"
    ka, kb = word_key(a), word_key(b)
    if ka == kb:
        return "accents"
    if re.sub(r"[\s\-]", "", ka) == re.sub(r"[\s\-]", "", kb):
        return "hyphenation"
    if american(ka) == american(kb):
        return "british_american"
    return None


def find_spelling_variants(articles: Article | Iterable[Article]) -> NameGroups:
    """Words a corpus spells two ways (recognized / recognised, Defense / Defence).

    British and American spellings and hyphenation (long-time / longtime) are found by
    rule against the corpus's own vocabulary, so nothing is guessed: both spellings
    occur. Capitalisation alone is not reported (every sentence capitalises a word).
    """
    articles = as_articles(articles)
    places: dict[str, list[Occurrence]] = defaultdict(list)
    for article in articles:
        for where, index, text in article_sentences(article):
            for token in tokenize(text):
                if token.text[:1].isalpha() and len(token.text) > 3:
                    places[token.text].append(
                        Occurrence(
                            token.text,
                            article.id,
                            article.outlet or "unknown",
                            where,
                            index,
                            token.start,
                            token.end,
                            text,
                        )
                    )
    by_rule: dict[tuple[str, str], set[str]] = defaultdict(set)
    for spelling in places:
        key = word_key(spelling)
        if key.endswith("'s"):
            continue
        by_rule["british_american", american(key)].add(key)
        if "-" in key:
            by_rule["hyphenation", key.replace("-", "")].add(key)
    for spelling in places:  # the unhyphenated forms join their hyphenated twins
        key = word_key(spelling)
        if ("hyphenation", key) in by_rule:
            by_rule["hyphenation", key].add(key)
    groups = []
    for (rule, _), keys in sorted(by_rule.items()):
        if len(keys) < 2:
            continue
        spellings = sorted(
            (s for s in places if word_key(s) in keys), key=lambda s: (-len(places[s]), s)
        )
        occurrences = tuple(o for s in spellings for o in places[s])
        evidence = (f"{' / '.join(spellings)}: {rule.replace('_', '/')} spelling",)
        groups.append(
            NameGroup(spellings[0], tuple(spellings), occurrences, evidence, kind="spelling")
        )
    groups.sort(key=lambda g: (-len(g.occurrences), g.name))
    return NameGroups(groups)
