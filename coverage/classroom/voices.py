"""A story's facts -> exercises on how each outlet names people and introduces their words.

Two kinds read off each outlet's own text, so they need no sentence pairing and hold in
passages the aligner regroups (merges, splits): ``honorific_check`` (how an outlet refers
to a person once it has named them in full: "Ms Sturgeon", "Sturgeon") and
``attribution_check`` (how an outlet introduces words that other versions quote too: "she
said", "She tweeted:", "In her letter to the King, Ms Sturgeon wrote:"). Mentions and
introductions inside quotes are left out: a house style governs the outlet's own words,
not those it quotes. Every candidate is checked against its own texts before it is kept.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from .. import vocabulary
from ..names.groups import find_mentions
from ..normalize import STOPWORDS
from ..unionfind import UnionFind
from ..wording.speakers import find_quotes
from .facts import _Story
from .framing import _prints
from .text import Evidence, Exercise, _around, _choices, _cite, _id, _key, _keys, _q

__all__ = ["honorific_check", "attribution_check"]

INTRO_WORDS = 10  # more is a sentence that reports, not a phrase that introduces a quote
QUOTE_RUN = 5  # words in a row two quotes share to be the same words quoted
_BEFORE_NAME = re.compile(r"\b(?P<word>[A-Z][a-z]{0,7})\.?\s+$")
_MARKS = "\"'“”‘’"


def _in_quote(spans: list[tuple[int, int]], at: int) -> bool:
    """Whether offset ``at`` falls inside one of ``spans`` (sorted, not overlapping)."""
    n = bisect_right(spans, (at, float("inf"))) - 1
    return n >= 0 and spans[n][0] <= at < spans[n][1]


def _quote_spans(story: _Story, k: int) -> list[tuple[int, int]]:
    """Where version ``k``'s body quotes someone: offsets of the quoted words."""
    if ("quote spans", k) not in story.memo:
        merged: list[tuple[int, int]] = []  # a nested quote lies inside its outer one
        for start, end in sorted((q.start, q.end) for q in _quotes(story, k) if q.where == "body"):
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], end))
            else:
                merged.append((start, end))
        story.memo[("quote spans", k)] = merged
    return story.memo[("quote spans", k)]


def _quotes(story: _Story, k: int):
    if ("quotes", k) not in story.memo:
        story.memo[("quotes", k)] = find_quotes(story.c.articles[k], mentions=_mentions(story))
    return story.memo[("quotes", k)]


def _mentions(story: _Story):
    if "mentions" not in story.memo:
        story.memo["mentions"] = find_mentions(story.c.articles)
    return story.memo["mentions"]


def _honorific(sentence: str, start: int) -> str:
    """The courtesy title written right before a name, as printed ("Ms", "Dr."), or "".

    >>> _honorific("Later, Dr. Smith said", 11), _honorific("the lady Jill Biden", 9)
    ('Dr.', '')
    """
    found = _BEFORE_NAME.search(sentence[:start])
    if found and found["word"].casefold() in vocabulary.words("honorifics"):
        return found.group().strip()
    return ""


def _forms(story: _Story) -> dict[str, dict[int, list[tuple[int, str, tuple, str]]]]:
    """Per person, per version: (sentence, form as written, name parts, courtesy title) of
    each mention in the version's own prose, in reading order; a form is the name with its
    courtesy title."""
    by_id = {a.id: k for k, a in enumerate(story.c.articles)}
    found: dict[str, dict[int, list[tuple[int, str, tuple, str]]]] = {}
    for m in _mentions(story):
        k = by_id.get(m.article)
        if m.where != "body" or m.kind != "person" or k is None or not story.prose(k, m.index):
            continue
        if _in_quote(
            _quote_spans(story, k), story.c.articles[k].sentences[m.index].start + m.start
        ):
            continue
        title = _honorific(m.sentence, m.start)
        form = f"{title} {m.text}" if title else m.text
        found.setdefault(m.entity, {}).setdefault(k, []).append((m.index, form, m.parts, title))
    return found


def _uses(story: _Story, k: int, form: str, longer: list[str]) -> bool:
    """Whether version ``k``'s printed text (title, dek, captions and body) has ``form`` on
    its own, not as part of one of the ``longer`` forms ("Sturgeon" alone, not in "Ms
    Sturgeon"): a wrong choice is a form the outlet prints nowhere."""
    if ("printed", k) not in story.memo:
        _prints(story, k, "")  # fills the memo: the text framing's checks read
    text = story.memo[("printed", k)]
    key = f" {_keys(form)} "
    covered: set[int] = set()  # where the form stands inside a longer one
    for other in dict.fromkeys(f" {_keys(o)} " for o in longer):
        if other != key and key in other:
            at = other.index(key)
            covered |= {n + at for n in _at(text, other)}
    return any(n not in covered for n in _at(text, key))


def _at(text: str, key: str) -> list[int]:
    """Every offset of ``key`` in ``text``, overlapping ones too."""
    found, n = [], text.find(key)
    while n >= 0:
        found.append(n)
        n = text.find(key, n + 1)
    return found


def _honorific_candidates(story: _Story) -> list[tuple]:
    """(version, person, first form, later form, first sentence, later sentences, others)
    for each version that names a person in full and then always one short way."""
    candidates = []
    for person, by_version in _forms(story).items():
        parts = person.split()
        titled = any(title for mentions in by_version.values() for *_, title in mentions)
        if len(parts) < 2 or not titled:
            continue  # no courtesy title anywhere in the story: nothing to compare
        short = {
            k: [(i, f) for i, f, p, _ in mentions[1:] if len(p) == 1]
            for k, mentions in by_version.items()
            if len(mentions[0][2]) >= 2  # named in full first
        }
        styles = {k: {f for _, f in s} for k, s in short.items() if s}
        for k, later in short.items():
            if len(styles.get(k, ())) != 1:
                continue  # never shortened, or shortened two ways: no one answer
            [form] = styles[k]
            others = {w: next(iter(s)) for w, s in styles.items() if w != k and len(s) == 1}
            first_i, first_form, *_ = by_version[k][0]
            candidates.append((k, person, first_form, form, first_i, [i for i, _ in later], others))
    return candidates


def honorific_check(story: _Story) -> list[Exercise]:
    """How an outlet refers to a person after naming them in full: with a courtesy title
    ("Ms Sturgeon") or the surname alone. Made only where some version of the story uses a
    courtesy title for that person; the wrong choices are forms the outlet never prints."""
    exercises, asked = [], set()
    ranked = story.pick(
        "honorific",
        _honorific_candidates(story),
        rank=lambda c: (all(f == c[3] for f in c[6].values()), -len(c[5])),
    )
    for k, person, first, form, first_i, later, others in ranked:
        if person in asked or len(exercises) >= 4 * story.per_kind:
            continue
        surname, firstname = person.split()[-1], person.split()[0]
        titled = {f for f in others.values() if f != form}
        pool = [surname, firstname, *sorted(titled)]
        longer = [form, first, person, *pool]
        wrong = [c for c in dict.fromkeys(pool) if _key(c) != _key(form)]
        wrong = [c for c in wrong if not _uses(story, k, c, longer)]
        if not wrong or not _uses(story, k, form, [first, person]):
            continue
        asked.add(person)
        name = story.names[k]
        wid = _id("honorific_check", story.c.articles[k].id, _key(person), _key(form))
        said = "; ".join(f"{story.names[w]} writes {_q(f)}" for w, f in sorted(others.items()))
        evidence = (story.evidence(k, [first_i]), story.evidence(k, later[:1]))
        exercises.append(
            Exercise(
                wid,
                "honorific_check",
                f"{name} first writes {_q(first)}. How does it refer to this person in later "
                "sentences?",
                _choices(form, wrong, story.rng(wid)),
                form,
                f"{name} writes {_q(form)} after {_q(first)}"
                + (f"; {said}" if said else "")
                + ". Many British outlets give a courtesy title (Mr, Ms) on later mentions; "
                "many others use the surname alone: a house style, not a judgement. "
                + f"{_cite(evidence[:1], first)} {_cite(evidence[1:], form)}",
                evidence,
                (),
                (form,),
            )
        )
    return exercises


def _intro(story: _Story, k: int, quote) -> tuple[int, str] | None:
    """(sentence, words) with which version ``k`` introduces a quote: the speaker and verb
    before it ("On Twitter, Ms Sturgeon wrote:") or right after it ("she said")."""
    article = story.c.articles[k]
    if quote.where != "body" or not quote.verb or not quote.sentences:
        return None
    first, last = quote.sentences[0], quote.sentences[-1]
    verb = re.compile(rf"\b{re.escape(quote.verb)}\b", re.IGNORECASE)
    before = article.body[article.sentences[first].start : quote.start].rstrip(f" {_MARKS}")
    after = article.body[quote.end : article.sentences[last].end].lstrip(f" {_MARKS},.")
    after = re.split(r"[,.;:!?]", after, maxsplit=1)[0]
    for at, text in ((first, before), (last, after)):
        text = text.strip(" ,;:—–-")
        words = text.split()
        if verb.search(text) and len(words) <= INTRO_WORDS and not any(m in text for m in _MARKS):
            return at, text + (":" if at == first and before.rstrip().endswith(":") else "")
    return None


def _quote_groups(story: _Story) -> list[dict[int, tuple]]:
    """Quotes that several versions give, each group by version: (quote, sentence, intro)."""
    found = []  # (version, quote, sentence, intro, runs of QUOTE_RUN words)
    for k in range(len(story.names)):
        for quote in _quotes(story, k):
            intro = _intro(story, k, quote)
            if intro and story.prose(k, intro[0]):
                words = _keys(quote.text).split()
                runs = {
                    " ".join(words[n : n + QUOTE_RUN]) for n in range(len(words) - QUOTE_RUN + 1)
                }
                if runs:
                    found.append((k, quote, *intro, runs))
    groups = [[found[n] for n in members] for members in joined_by_runs([f[4] for f in found])]
    return [
        {k: (q, i, intro) for k, q, i, intro, _ in reversed(g)}  # each version's first quote
        for g in groups
        if len({k for k, *_ in g}) >= 2
    ]


def joined_by_runs(runs: list[set[str]]) -> list[list[int]]:
    """Items (by index) grouped when they share a run of words, directly or through
    others; a group's items in the order the groups joined, the groups in the order of
    their latest item. A union-find over the runs seen so far: comparing each quote with
    every group made a story of many quotes quadratic (1,600 quotes a version: 8 s).

    >>> joined_by_runs([{"a b"}, {"c d"}, {"a b", "e f"}, {"x y"}, {"e f", "c d"}])
    [[3], [1, 0, 2, 4]]
    """
    forest: UnionFind[int] = UnionFind()
    holder: dict[str, int] = {}  # a run -> the first item that has it
    members: dict[int, list[int]] = {}  # a group's root -> its items
    latest: dict[int, int] = {}  # a group's root -> its latest item: its place
    for n, item in enumerate(runs):
        roots = {forest.find(holder[r]) for r in item if r in holder}
        joined = sorted(roots, key=latest.__getitem__)
        group = members.pop(joined[0]) if joined else []
        for root in joined[1:]:
            group.extend(members.pop(root))
        group.append(n)
        for root in joined:
            del latest[root]
            forest.union(root, n)
        root = forest.find(n)
        members[root], latest[root] = group, n
        for r in item:
            holder.setdefault(r, n)
    return [members[root] for root in sorted(members, key=latest.__getitem__)]


def _more(story: _Story, phrase: str, sentence: str) -> bool:
    """Whether ``phrase`` holds a word that carries meaning and that ``sentence`` lacks: an
    introduction that only drops words ("Amnesty International said" in "The Amnesty
    International said") is no other choice."""
    words = set(_keys(sentence).split())
    return any(w not in words and w not in STOPWORDS for w in _keys(phrase).split())


def _who_writes(story: _Story, intros: dict[int, str], first: int) -> str:
    """Each introduction and the outlets that use it, version ``first``'s first: "ITV News
    writes ...; The National and The Independent write ..."."""
    by: dict[str, list[str]] = {}
    for w, intro in sorted(intros.items(), key=lambda item: (item[0] != first, item[0])):
        by.setdefault(_key(intro), [intro]).append(story.names[w])
    said = []
    for intro, *names in by.values():
        who = names[0] if len(names) == 1 else ", ".join(names[:-1]) + f" and {names[-1]}"
        said.append(f"{who} {'writes' if len(names) == 1 else 'write'} {_q(intro)}")
    return "; ".join(said)


def attribution_check(story: _Story) -> list[Exercise]:
    """How an outlet introduces words other versions quote too: the other versions'
    introductions as the other choices, only those with a word the outlet's sentence lacks.
    One question per quote."""
    candidates = []
    for n, group in enumerate(_quote_groups(story)):
        intros = {k: intro for k, (_, _, intro) in group.items()}
        for k, (quote, i, intro) in group.items():
            sentence = story.sentence(k, i)
            wrong = [
                other
                for w, other in intros.items()
                if w != k and _key(other) != _key(intro) and _more(story, other, sentence)
            ]
            wrong = list({_key(w): w for w in wrong}.values())
            if wrong:
                unique = sum(_key(x) == _key(intro) for x in intros.values()) == 1
                candidates.append((n, k, quote, i, intro, wrong, group, unique))
    exercises, asked = [], set()
    for n, k, quote, i, intro, wrong, group, _ in story.pick(
        "attribution", candidates, rank=lambda c: (not c[7], -len(c[5]))
    ):
        if n in asked or len(exercises) >= 4 * story.per_kind:
            continue
        asked.add(n)
        name = story.names[k]
        wid = _id("attribution_check", story.c.articles[k].id, i, _key(intro))
        others = [(w, x) for w, x in group.items() if w != k]
        evidence = (
            story.evidence(k, [i]),
            *(story.evidence(w, [x[1]]) for w, x in others[:2]),
        )
        said = _who_writes(story, {w: x[2] for w, x in group.items()}, k)
        exercises.append(
            Exercise(
                wid,
                "attribution_check",
                f"Several versions quote these words (below). How does {name} introduce them?",
                _choices(intro, wrong, story.rng(wid)),
                intro,
                f"{said}. The words around a quote tell the reader who gave it and how (said, "
                "tweeted, wrote in a letter): some tell more than others. "
                f"{_cite(evidence[:1], intro)}",
                evidence,
                (Evidence(outlet=name, text=_around(quote.text, words=12), where="quote"),),
                (intro,),
            )
        )
    return exercises
