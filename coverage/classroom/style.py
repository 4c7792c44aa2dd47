"""A story's facts -> ``style_check`` exercises: how an outlet writes a word others write
otherwise (British or American spelling, capitals on a title), read off its own prose.

A word counts where an outlet writes it itself: in prose, outside quotes (the house style
governs the outlet's words, not those it quotes) and not first in its sentence (every
sentence opens with a capital). An outlet is asked about only where it writes the word one
way throughout and another version prints the other way; both ways must occur, so nothing
is guessed. A run of words that differ together ("First Minister" / "first minister") is
cut out whole, so that no word left in the sentence gives the answer away.
"""

from __future__ import annotations

import re

from .. import vocabulary
from ..normalize import STOPWORDS
from ..wording.spelling import american
from .facts import _Story
from .text import Evidence, Exercise, _choices, _cite, _id, _key, _q
from .voices import _in_quote, _quote_spans

__all__ = ["style_check"]

# a word starts after no letter, digit, apostrophe or hyphen: never a fragment such as
# "N-recognised" of "UN-recognised" or "Donald" of "McDonald"
_TOKEN = re.compile(r"(?<![\w'’\-])(?:[A-Za-z][a-z'’\-]*[a-z]|[A-Za-z])")
_OFFICES = vocabulary.listed("job_titles", "office_words")
SHORTEST = 4  # letters: shorter words are names' parts, initials, acronyms


def _words(story: _Story, k: int) -> list[tuple[int, int, int, str]]:
    """(sentence, start, end, word) of version ``k``'s own words: prose, outside quotes,
    not first in the sentence, not all capitals."""
    if ("style words", k) in story.memo:
        return story.memo[("style words", k)]
    spans, found = _quote_spans(story, k), []
    for i, sentence in enumerate(story.c.articles[k].sentences):
        if not story.prose(k, i):
            continue
        for n, m in enumerate(_TOKEN.finditer(sentence.text)):
            at = sentence.start + m.start()
            if n == 0 or _in_quote(spans, at) or m.group().isupper():
                continue
            if _office(m.group()) and _before_name(sentence.text, m.end()):
                continue  # "President Joe Biden": a title before a name takes capitals anyway
            found.append((i, m.start(), m.end(), m.group()))
    story.memo[("style words", k)] = found
    return found


def _office(word: str) -> bool:
    """A word of a title or an office ("Minister", "Interior"): its capitals are a house
    style; a capital on another word marks a name ("China Eastern Airlines")."""
    return word.casefold() in _OFFICES


def _before_name(text: str, end: int) -> bool:
    """Whether the words after ``text[:end]``, past any more words of a title, are a name.

    >>> _before_name("U.S. President Joe Biden said", 14), _before_name("the president said", 13)
    (True, False)
    """
    for word in _TOKEN.finditer(text, end):
        if not _office(word.group()):
            return word.group()[:1].isupper()
    return False


def _kind(x: str, y: str) -> str | None:
    """How two ways of writing one word differ: "spelling" (British or American), or
    "capitals" (on a title or an office only)."""
    if x == y:
        return None
    if x.casefold() == y.casefold():
        return "capitals" if _office(x) else None
    if american(x.casefold()) == american(y.casefold()):
        return "spelling"
    return None


def _ways(story: _Story) -> dict[str, dict[int, set[str]]]:
    """Per word key, per version: the ways the version writes the word."""
    ways: dict[str, dict[int, set[str]]] = {}
    for k in range(len(story.names)):
        for _, _, _, word in _words(story, k):
            folded = word.casefold()
            if len(folded) >= SHORTEST and folded not in STOPWORDS:
                ways.setdefault(american(folded), {}).setdefault(k, set()).add(word)
    return ways


def _run(story: _Story, k: int, i: int, start: int, end: int, other: dict[str, str]) -> tuple:
    """The run of words around ``sentence[start:end]`` that differ together, and the other
    way to write it: neighbours that other versions write with other capitals too."""
    text, words = story.sentence(k, i), [w for w in _words(story, k) if w[0] == i]
    at = next(n for n, w in enumerate(words) if w[1] == start)
    low, high = at, at

    def joins(word: str) -> bool:  # written otherwise elsewhere, and not small already
        return word.casefold() in other and not word.islower() and _office(word)

    while low > 0 and joins(words[low - 1][3]) and words[low - 1][2] + 1 == words[low][1]:
        low -= 1
    while (
        high + 1 < len(words)
        and joins(words[high + 1][3])
        and words[high][2] + 1 == words[high + 1][1]
    ):
        high += 1
    mine = text[words[low][1] : words[high][2]]
    theirs = " ".join(other.get(w[3].casefold(), w[3]) for w in words[low : high + 1])
    return words[low][1], words[high][2], mine, theirs


def _as_word(phrase: str, flags: int = 0) -> re.Pattern:
    """``phrase`` as whole words: not inside a longer word, a contraction or a hyphenation."""
    return re.compile(rf"(?<![\w'’\-]){re.escape(phrase)}(?![\w'’\-])", flags)


def _cut(sentence: str, start: int, end: int, phrase: str) -> str:
    """The sentence with ``sentence[start:end]`` and every other use of ``phrase`` in it
    (in any case) cut out: a second "organised" beside the gap would print the answer.

    >>> _cut("They organised it and Organised more.", 5, 14, "organised")
    'They […] it and […] more.'
    """
    pattern = _as_word(phrase, re.IGNORECASE)
    return f"{pattern.sub('[…]', sentence[:start])}[…]{pattern.sub('[…]', sentence[end:])}"


def _printed(story: _Story, w: int, phrase: str, beside: tuple[str, str] = ("", "")) -> list[int]:
    """Version ``w``'s prose sentences that print ``phrase`` exactly (case kept), as words;
    with ``beside``, only where the word before or after it is one of those (folded)."""
    pattern = _as_word(phrase)
    found = []
    for i in dict.fromkeys(i for i, _, _, _ in _words(story, w)):
        sentence = story.sentence(w, i)
        for m in pattern.finditer(sentence):
            if not any(beside) or _neighbours(sentence, m.start(), m.end()) & set(beside) - {""}:
                found.append(i)
                break
    return found


def _around_body(story: _Story, k: int, phrase: str) -> bool:
    """Whether version ``k``'s title, dek or captions print ``phrase`` (case kept): a wrong
    choice is a way the outlet prints nowhere, even where title case rules."""
    article = story.c.articles[k]
    pattern = _as_word(phrase)
    return any(pattern.search(text) for text in (article.title, article.dek, *article.captions))


def _neighbours(text: str, start: int, end: int) -> set[str]:
    """The words right before and after ``text[start:end]``, folded.

    >>> sorted(_neighbours("confirmed as First Minister on Tuesday", 13, 27))
    ['as', 'on']
    """
    before = _TOKEN.findall(text[:start])[-1:]
    after = _TOKEN.findall(text[end:])[:1]
    return {w.casefold() for w in (*before, *after)}


def _candidates(story: _Story) -> list[tuple]:
    """(kind, version, sentence, start, end, the outlet's way, the other way, its user)."""
    ways, found = _ways(story), []
    for by_version in ways.values():
        for k, mine in by_version.items():
            if len(mine) != 1 or k not in story.versions:
                continue  # written two ways by one outlet: no one answer
            [word] = mine
            others = {x for w, xs in by_version.items() if w != k for x in xs if _kind(word, x)}
            if len(others) != 1:
                continue
            [theirs] = others
            kind = _kind(word, theirs)
            # a capitalised word's neighbours that others write in small letters too
            lower = {
                x.casefold(): x
                for xs in ways.values()
                for w, forms in xs.items()
                if w != k
                for x in forms
                if x.islower() and kind == "capitals"
            }
            i, start, end, _ = next(x for x in _words(story, k) if x[3] == word)
            other = {word.casefold(): theirs, **({} if kind != "capitals" else lower)}
            start, end, phrase, wrong = _run(story, k, i, start, end, other)
            # capitals: the other way beside one of the same words ("as First Minister" /
            # "as first minister"), not another word that shares its letters ("UN General
            # Assembly" / "a general election")
            near = sorted(_neighbours(story.sentence(k, i), start, end))
            beside = (near + ["", ""])[:2] if kind == "capitals" else ("", "")
            users = [w for w in story.versions if w != k and _printed(story, w, wrong, beside)]
            if users and not _printed(story, k, wrong) and not _around_body(story, k, wrong):
                found.append((kind, k, i, start, end, phrase, wrong, users[0]))
    return found


def _turn(turn: dict[str, int], kind: str) -> int:
    """The place of a candidate among those of its kind: 0, 1, 2..."""
    turn[kind] += 1
    return turn[kind] - 1


def style_check(story: _Story) -> list[Exercise]:
    """How an outlet writes a word (cut out of its sentence) that another version writes
    otherwise: spelling and capitals in turn, each word once."""
    exercises, asked, turn = [], set(), {"spelling": 0, "capitals": 0}
    ranked = story.pick("style", _candidates(story))
    ranked = [  # spelling and capitals in turn: the same point is not made twice running
        c for _, c in sorted(enumerate(ranked), key=lambda n: (_turn(turn, n[1][0]), n[0]))
    ]
    for kind, k, i, start, end, phrase, wrong, user in ranked:
        if _key(phrase) in asked or len(exercises) >= 4 * story.per_kind:
            continue
        asked.add(_key(phrase))
        name, sentence = story.names[k], story.sentence(k, i)
        wid = _id("style_check", story.c.articles[k].id, i, phrase)
        near = sorted(_neighbours(sentence, start, end))
        beside = (near + ["", ""])[:2] if kind == "capitals" else ("", "")
        theirs = story.evidence(user, _printed(story, user, wrong, beside)[:1])
        evidence = (story.evidence(k, [i]), theirs)
        why = (
            "British and American spelling differ, and each outlet follows one"
            if kind == "spelling"
            else "outlets differ on capitals for titles and offices: some write them small "
            "unless they stand before a name"
        )
        exercises.append(
            Exercise(
                wid,
                "style_check",
                f"Outlets write this in different ways. How does {name} write it (cut out "
                "below, […])?",
                _choices(phrase, [wrong], story.rng(wid)),
                phrase,
                f"{name} writes {_q(phrase)}; {story.names[user]} writes {_q(wrong)}: {why}. "
                f"{_cite(evidence[:1], phrase)} {_cite(evidence[1:], wrong)}",
                evidence,
                (
                    Evidence(
                        outlet=name,
                        text=_cut(sentence, start, end, phrase),
                        where=evidence[0].where,
                    ),
                ),
                (phrase,),
            )
        )
    return exercises
