"""A story's facts -> exercises on how each outlet frames the copy: headline, sources,
figures, names.

Four kinds read off each outlet's own text, so they need no sentence pairing and every
version of the story counts: ``headline_check`` (which outlet ran a headline: one whose
words no other outlet's headline has), ``source_check`` (whom an outlet credits for a
fact: a source its sentence names, against sources credited elsewhere in the story that
the sentence does not name), ``figure_check`` (which figure an outlet gives for a count
that other versions give another figure for) and ``name_check`` (how an outlet spells a
name other versions spell otherwise). Every candidate is checked against its own texts
before it is kept, as in :mod:`builders`.
"""

from __future__ import annotations

import re

from .. import vocabulary
from ..normalize import STOPWORDS
from ..wording.attributions import find_attributions
from .checks import whole_phrase
from .facts import _Story
from .text import Evidence, Exercise, _choices, _cite, _find, _id, _key, _keys, _q

__all__ = ["headline_check", "source_check", "figure_check", "name_check", "NO_SOURCE"]

HEADLINE_WORDS = 5  # fewer words name a topic (a label, a section), not an event
HEADLINE_MOST = 25  # more is a paragraph the reader took for a title, not a headline
_WORD = re.compile(r"[^\W_][\w'’\-.]*")
NO_SOURCE = "no one: the sentence names no source"
# a credit of the whole copy ("(AP)"), or a person speaking to an agency ("told AFP"),
# says nothing about where one fact came from
_CREDITING = frozenset({"reported", "quoted", "cited", "said", "added", ""})
_VAGUE = frozenset({"report", "reports", "statement", "media", "it", "they", "she", "he"})


def _content(text: str) -> set[str]:
    """A phrase's words that carry meaning, as keys ("Iran’s" is "iran")."""
    words = (re.sub(r"['’]s$", "", w) for w in _keys(text).split())
    return {w for w in words if w not in STOPWORDS and w[:1].isalpha()}


def _headlines(story: _Story) -> list[tuple[int, str]]:
    """(version, headline) for every version with a headline no other version shares.

    What the reader took for a title may be a kicker, a caption or a label over the text;
    a headline tells the story's event, so it has HEADLINE_WORDS words or more (a label
    such as "Nicola Sturgeon resignation letter" names a topic) and shares two words that
    carry meaning or more with another version's headline (headlines over one story name
    its actors and what happened)."""
    found = [(k, " ".join(a.title.split())) for k, a in enumerate(story.c.articles)]
    found = [(k, t) for k, t in found if HEADLINE_WORDS <= len(_WORD.findall(t)) <= HEADLINE_MOST]
    keys = [_key(t) for _, t in found]
    unique = [(k, t) for (k, t), key in zip(found, keys, strict=True) if keys.count(key) == 1]
    stems = {k: {w[:5] for w in _content(t)} for k, t in found}
    return [
        (k, t) for k, t in unique if any(len(stems[k] & stems[w]) >= 2 for w, _ in found if w != k)
    ]


def headline_check(story: _Story) -> list[Exercise]:
    """Which outlet ran a headline, among outlets whose headlines differ: a headline is the
    first framing a reader meets, and each outlet writes its own."""
    every = [(k, " ".join(a.title.split())) for k, a in enumerate(story.c.articles)]
    every = [(k, t) for k, t in every if t]
    exercises = []
    for k, title in story.pick("headline", _headlines(story))[: 4 * story.per_kind]:
        others = [(w, t) for w, t in every if w != k]  # each headline differs: _headlines
        mine = _content(title)
        own = sorted(mine - set().union(*(_content(t) for _, t in others)))
        if not own:
            continue  # every word of it stands in another headline: no telling them apart
        name = story.names[k]
        wid = _id("headline_check", story.c.articles[k].id, _key(title))
        words = ", ".join(_q(w) for w in _own_words(title, own))
        evidence = tuple(
            Evidence(outlet=story.names[v], text=t, where="headline")
            for v, t in [(k, title), *others]
        )
        exercises.append(
            Exercise(
                wid,
                "headline_check",
                f"Which outlet ran the headline {_q(title)}?",
                _choices(name, [story.names[w] for w, _ in others], story.rng(wid)),
                name,
                f"{name}'s headline; no other headline has {words}. Each outlet writes its own "
                "headline over the same copy: what it puts first is what a reader meets first. "
                + " ".join(f"{e.outlet}: {_q(e.text)}." for e in evidence),
                evidence,
                (),
                (title,),
            )
        )
    return exercises


def _own_words(title: str, own: list[str]) -> list[str]:
    """The words of ``title`` whose keys are in ``own``, as printed, in order."""
    words = _WORD.findall(title)
    return list(dict.fromkeys(w.strip(".") for w in words if _content(w) & set(own)))[:3]


def _credits(story: _Story) -> list:
    """The body credits of every version, as rows (version, index, source, text)."""
    rows = list(find_attributions(story.c.articles))
    by_id = {a.id: k for k, a in enumerate(story.c.articles)}
    return [(by_id.get(r.article), r) for r in rows if r.where == "body" and r.source]


def _fair_source(row) -> bool:
    """A source a fact is credited to, named well enough to tell it from another."""
    if row.kind not in ("source", "wire") or row.verb not in _CREDITING:
        return False
    if row.kind == "wire" and not row.verb:
        return False  # "(AP)": the copy's credit, not a fact's
    return bool(_content(row.source) - _VAGUE) and whole_phrase(row.source, most=8)


_QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]")
# a credit clause set off by a comma ("..., said Iran's Guards", "..., Hamas said.") or
# opening the sentence ("According to ..."): a source for the fact itself
_CREDIT_CLAUSE = re.compile(
    r"(?:^\W*|[,;]\s*)(?:according to|said|says|told|reported)\b"
    r"|,[^,]{1,60}\b(?:said|says|told|reported)\W*$",
    re.IGNORECASE,
)


def _credits_another(cut: str) -> bool:
    """Whether the sentence shown still credits the fact to a source outside its quotes
    (a second credit clause the attributions did not find): a student would take it for
    the answer. A saying that is itself the fact ("Dbeibah said authorities hoped ...")
    is no such credit.

    >>> _credits_another("[…], Haniyeh was killed, said Iran's Revolutionary Guards.")
    True
    >>> _credits_another("According to reports, he died, […].")
    True
    >>> _credits_another("Dbeibah said authorities hoped Libya would see a new climate, […]")
    False
    >>> _credits_another("“He said it was over,” […].")
    False
    """
    return bool(_CREDIT_CLAUSE.search(_QUOTED.sub(" ", cut)))


def source_check(story: _Story) -> list[Exercise]:
    """Whom an outlet credits for a fact, the credit cut out of the sentence shown: the
    other choices are sources credited elsewhere in the story that the sentence does not
    name at all, and "no one"."""
    credits = [(k, r) for k, r in _credits(story) if k is not None]
    named = [  # sources named well enough to be told apart: "the report" is not one
        s
        for s in dict.fromkeys(r.source for _, r in credits if r.kind != "photo")
        if _content(s) - _VAGUE
    ]
    candidates = [
        (k, r)
        for k, r in credits
        if _fair_source(r)
        and r.index is not None
        and story.prose(k, int(r.index))
        and r.text in story.sentence(k, int(r.index))
    ]
    exercises, asked = [], set()
    for k, row in story.pick("source", candidates, rank=lambda c: -len(c[1].source)):
        i = int(row.index)
        sentence = story.sentence(k, i)
        if (k, i) in asked or len(exercises) >= 4 * story.per_kind:
            continue
        said = _content(sentence)
        wrong = [s for s in named if not (_content(s) & said) and _key(s) != _key(row.source)]
        wid = _id("source_check", story.c.articles[k].id, i, _key(row.source))
        rng = story.rng(wid)
        choices = _choices(row.source, [*rng.sample(wrong, min(2, len(wrong))), NO_SOURCE], rng)
        cut = sentence.replace(row.text, "[…]", 1)
        if _credits_another(cut):
            continue
        name = story.names[k]
        shown = (Evidence(outlet=name, text=cut, where=story.evidence(k, [i]).where),)
        evidence = [story.evidence(k, [i]), *story.counterparts(k, i)[:2]]
        asked.add((k, i))
        exercises.append(
            Exercise(
                wid,
                "source_check",
                f"{name} credits this fact to a source (cut out below, […]). Whom does "
                f"{name}'s version credit for it?",
                choices,
                row.source,
                f"{name} writes {_q(row.text)}: knowing who reported a fact tells a reader "
                f"how far to trust it. {_cite(evidence[:1], row.text)}"
                + (f" Other versions: {_cite(evidence[1:])}" if len(evidence) > 1 else ""),
                tuple(evidence),
                shown,
                (row.text,),
            )
        )
    return exercises


_AMOUNT = (
    r"(?:(?:some|about|nearly|almost|over|around|at least|more than)\s+)?"
    r"(?:\d[\d,]*(?:\.\d+)?|dozens|hundreds|thousands|millions)"
)
_FIGURE = re.compile(rf"\b(?P<amount>{_AMOUNT})(?:\s+of)?\s+(?P<noun>[a-z]{{3,}})\b")


def _figures(text: str) -> list[re.Match]:
    """Counts of something in a text: "128 passengers", "some 1,500 people", "hundreds of
    people" (a figure, then the noun it counts; dates, times and money have no such noun).

    >>> [m["amount"] for m in _figures("some 1,500 people cheered; 128 passengers flew")]
    ['some 1,500', '128']
    """
    magnitudes = vocabulary.words("classroom_magnitudes")
    return [
        m
        for m in _FIGURE.finditer(text)
        if m["noun"] not in STOPWORDS
        and m["noun"] not in magnitudes
        and not re.search(r"[$€£¥]\s*$", text[: m.start()])  # money: "$24 billion"
    ]


def _bare(amount: str) -> str:
    """A figure without its hedge or commas: "some 1,500" and "1500" are one figure."""
    return amount.split()[-1].replace(",", "")


def _counts(story: _Story) -> dict[str, list[tuple[int, int, re.Match]]]:
    """Every count in the versions' prose, (version, sentence, match), by the noun counted."""
    found: dict[str, list[tuple[int, int, re.Match]]] = {}
    for k in range(len(story.names)):
        for i, sentence in enumerate(story.c.sentences[k]):
            if story.prose(k, i):
                for m in _figures(sentence):
                    found.setdefault(m["noun"][:5], []).append((k, i, m))
    return found


def _figure_candidates(story: _Story) -> list[tuple]:
    """(version, sentence, match, other figures, all counts of the noun) for each count a
    version gives once and other versions give otherwise, figures its text nowhere holds."""
    candidates = []
    for counts in _counts(story).values():
        figures: dict[str, str] = {}  # one choice a figure: "some 1,500" and "1,500" are one
        for _, _, m in counts:
            figures.setdefault(_bare(m["amount"]), m["amount"])
        amounts = list(figures.values())
        held: dict[int, set[str]] = {}  # the figures each version gives for the noun
        for k, _, m in counts:
            held.setdefault(k, set()).add(_bare(m["amount"]))
        for k, i, m in counts:
            if len(held[k]) != 1:
                continue  # the version gives two figures for it: which one is asked?
            others = [
                a for a in amounts if _bare(a) not in held[k] and not _prints(story, k, _bare(a))
            ]
            if others:
                candidates.append((k, i, m, others, counts))
    return candidates


def figure_check(story: _Story) -> list[Exercise]:
    """Which figure an outlet gives for a count that another version gives otherwise: the
    figure cut out of the outlet's sentence, the other versions' figures as the other
    choices. Only a count its text gives once, with figures its text nowhere holds."""
    candidates = _figure_candidates(story)
    exercises, asked = [], set()
    for k, i, m, others, counts in story.pick("figure", candidates):
        if (k, m["noun"][:5]) in asked or len(exercises) >= 4 * story.per_kind:
            continue
        asked.add((k, m["noun"][:5]))
        sentence, name = story.sentence(k, i), story.names[k]
        wid = _id("figure_check", story.c.articles[k].id, i, m["amount"], m["noun"])
        rng = story.rng(wid)
        amount = m["amount"]
        cut = sentence[: m.start("amount")] + "[…]" + sentence[m.end("amount") :]
        theirs = [
            story.evidence(w, [j]) for w, j, n in counts if w != k and n["amount"] in others[:3]
        ]
        evidence = (story.evidence(k, [i]), *list({e.text: e for e in theirs}.values())[:2])
        exercises.append(
            Exercise(
                wid,
                "figure_check",
                f"Which figure does {name} give here (cut out below, […])?",
                _choices(amount, others[:3], rng),
                amount,
                f"{name} writes {_q(m.group())}. {_cite(evidence[:1], m.group())} Other "
                f"versions give other figures for {m['noun']}:"
                + "".join(f" {_cite([e], m['noun'])}" for e in evidence[1:])
                + " Do they count the same thing? If so, who gives which figure, and why "
                "might they differ (another take, another source)?",
                evidence,
                (Evidence(outlet=name, text=cut, where=evidence[0].where),),
                (m.group(),),
            )
        )
    return exercises


def _prints(story: _Story, k: int, phrase: str) -> bool:
    """Whether version ``k`` prints ``phrase`` anywhere: title, dek, captions or body."""
    if ("printed", k) not in story.memo:
        article = story.c.articles[k]
        parts = (article.title, article.dek, *article.captions, *article.paragraphs)
        story.memo[("printed", k)] = f" {_keys(' '.join(parts))} "
    if ("prints", k, phrase) not in story.memo:
        key = _keys(phrase)
        story.memo[("prints", k, phrase)] = bool(key) and f" {key} " in story.memo[("printed", k)]
    return story.memo[("prints", k, phrase)]


def _name_groups(story: _Story) -> list[list[str]]:
    """Spellings of one name, from the name changes a student could name (builders'
    checks: alike, capitalised on both sides, in strong pairs of prose)."""
    from .builders import _change  # the checks spot_the_change keys a name change by

    groups: list[list[str]] = []
    for k, alignment, row in story.changes:
        change = _change(story, k, alignment, row)
        if not change or change[0] != "name_variant":
            continue
        pair = {change[1], change[2]}
        joined = [g for g in groups if pair & set(g)]
        merged = sorted(pair.union(*joined))
        groups = [g for g in groups if g not in joined] + [merged]
    return groups


def name_check(story: _Story) -> list[Exercise]:
    """How an outlet spells a name that other versions spell otherwise: the name cut out of
    its sentence, the other spellings as the other choices. Only a version whose text holds
    one spelling of the name and none of the others; one name a story (the point is made
    once, and the other names stay for spot_the_change to ask as changes)."""
    candidates = []
    for group in _name_groups(story):
        for k in range(len(story.names)):
            held = [p for p in group if _prints(story, k, p)]  # captions and title too
            if len(held) != 1:
                continue
            spots = [i for i in story.holding(held[0], k) if story.prose(k, i)]
            # surely body: told elsewhere, else the last (a dek or teaser stands on top)
            spots.sort(key=lambda i: (not story.strong(k, i), -i))
            if spots:
                candidates.append((k, spots[0], held[0], [p for p in group if p != held[0]]))
    exercises = []
    for k, i, spelling, others in story.pick("name", candidates):
        sentence, name = story.sentence(k, i), story.names[k]
        start, end = _find(sentence, spelling)
        if start is None or exercises:
            continue
        wid = _id("name_check", story.c.articles[k].id, i, _key(spelling))
        users = [
            story.evidence(w, story.holding(p, w)[:1])
            for p in others
            for w in range(len(story.names))
            if w != k and story.holding(p, w)
        ]
        evidence = (story.evidence(k, [i]), *users[:2])
        exercises.append(
            Exercise(
                wid,
                "name_check",
                f"Versions spell this name in different ways. How does {name} spell it "
                "(cut out below, […])?",
                _choices(spelling, others, story.rng(wid)),
                spelling,
                f"{name} writes {_q(spelling)}; "
                + "; ".join(
                    f"{e.outlet} writes {_q(p)}" for e, p in zip(users, others, strict=False)
                )
                + ". Names from other alphabets have several spellings in English, and each "
                f"outlet follows its own style. {_cite(evidence[:1], spelling)}",
                evidence,
                (
                    Evidence(
                        outlet=name,
                        text=sentence[:start] + "[…]" + sentence[end:],
                        where=evidence[0].where,
                    ),
                ),
                tuple(sorted({spelling, *others})),  # one question per name, any spelling
            )
        )
    return exercises
