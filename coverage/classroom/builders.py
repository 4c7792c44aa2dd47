"""A story's facts -> exercises: one function per kind in :data:`exercises.EXERCISE_KINDS`.

Each returns the exercises the comparison supports, best first, more than one set needs
(:func:`exercises.make_exercises` picks ``per_kind`` of each, one per item). Every
candidate is checked against its own texts first (:mod:`checks`): only prose, only whole
phrases, a detail "left out" only where the other version carries it at no wording. Every
explanation quotes its evidence, and every exercise shuffles with its own
``random.Random`` (``_Story.rng``, seeded by the seed and the exercise's id).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from difflib import SequenceMatcher
from functools import lru_cache

from .. import vocabulary
from ..corpus.stories import STRONG
from ..model import Alignment, Unit
from ..normalize import STOPWORDS
from ..wording.kinds import is_attribution
from ..wording.lexicon import load_lexicon
from ..wording.quotes import compare_quotes
from ..wording.records import Label
from .checks import is_title, tidy, whole_phrase
from .facts import _Story
from .text import (
    Evidence,
    Exercise,
    _around,
    _choices,
    _cite,
    _id,
    _key,
    _keys,
    _q,
    _say,
    _say_changes,
)

__all__ = [
    "CHANGE_CHOICES",
    "QUOTE_SCALE",
    "spot_the_change",
    "who_said_it",
    "added_or_left_out",
    "order_matters",
    "label_check",
    "quote_check",
]

TOP = 2  # "a reader who stops after two paragraphs"
SHOWN_WORDS = 16  # words either side of a change that a spot-the-change question shows
CLOSE = 0.5  # a majority of a version's prose told by another: an edit of one copy, not a rewrite
MOST_SPLIT = 2  # sentences a side of a passage a spot-the-change question shows
MOST_REGROUPED = 3  # sentences a side of a regrouped passage shown whole for a name's form
SHARED_STEMS = 2  # words beside the name two regrouped passages share: they tell one thing
_NUMBERS = {1: "one", 2: "two", 3: "three", 4: "four"}

# what a student may say an outlet did, in teaching order, and why it matters
CHANGE_CHOICES = {
    "dropped_attribution": "left out a source (who reported or said it)",
    "added_attribution": "added a source (who reported or said it)",
    "label": "described someone or something with other words",
    "name_variant": "spelled a name another way",
    "added_detail": "added a detail",
    "dropped_detail": "left out a detail",
    "spelling": "spelled a word (not a name) another way",
    "honorific": "named a person another way (with or without Mr, Ms or a first name)",
}
_WHY = {
    "dropped_attribution": "the reader is no longer told where the information came from",
    "added_attribution": "the reader is now told where the information came from",
    "label": "the words chosen to describe someone carry a judgement, or none",
    "name_variant": "names from other alphabets have several spellings in English",
    "added_detail": "the sentence tells the reader something more",
    "dropped_detail": "the sentence tells the reader less",
    "spelling": "outlets follow British or American spelling, or their own style",
    "honorific": "many British outlets give a courtesy title (Mr, Ms) on later mentions; "
    "others repeat the first name or give the surname alone: a house style",
}
_ALSO_RIGHT = {  # a dropped source is also a dropped detail: never offer both
    "dropped_attribution": "dropped_detail",
    "added_attribution": "added_detail",
    "dropped_detail": "dropped_attribution",
    "added_detail": "added_attribution",
}
QUOTE_SCALE = ("word for word the same", "with words changed", "shortened")


@lru_cache(maxsize=20_000)
def _words(text: str) -> tuple[str, ...]:
    """A text's words that carry meaning, as keys."""
    return tuple(w for w in _keys(text).split() if w not in STOPWORDS and w[:1].isalpha())


def _similar(x: str, y: str) -> float:
    return SequenceMatcher(None, _key(x), _key(y), autojunk=False).ratio()


def _category(row) -> str:
    """The change a student names: a credit dropped or added is a source left out or added."""
    category = row.kind
    if category == "attribution" and row.tag in ("delete", "insert"):
        return "dropped_attribution" if row.tag == "delete" else "added_attribution"
    if category == "attribution" and row.detail in ("dropped", "added"):
        return f"{row.detail}_attribution"
    if row.detail == "attribution" and category in _ALSO_RIGHT:
        category = category.replace("detail", "attribution")
    return category


def _pure(unit: Unit, row) -> bool:
    """A detail only one side has: elsewhere in the sentence the other side says nothing new
    (a word added for a word dropped would be a rewording), respellings aside."""
    side = "b_words" if row.tag == "delete" else "a_words"
    here = (row.a_start, row.a_end) if row.tag == "delete" else (row.b_start, row.b_end)
    for e in unit.edits:
        span = e.a_span if row.tag == "delete" else e.b_span
        said = re.findall(r"[^\W\d_]+", " ".join(getattr(e, side)))  # "she said" counts
        if e.tag == "equal" or span == here or not said:
            continue
        if e.tag == "replace" and _similar(e.a_phrase, e.b_phrase) >= 0.5:
            continue  # a name or word spelled another way
        return False
    return True


def _fits(story: _Story, k: int, unit: Unit, row, category: str, pa: str, pb: str) -> bool:
    """Whether the texts bear the category out, not merely the word diff."""
    if category in ("name_variant", "spelling", "label"):
        if row.tag != "replace":
            return False
        if category == "label":  # a term the lexicon knows as a description, and no title
            hits = (*load_lexicon().find(pa), *load_lexicon().find(pb))
            known = [h for h in hits if h.term.category != "speech"]  # "said" describes nobody
            return bool(known) and not is_title(pa) and not is_title(pb) and _key(pa) != _key(pb)
        first = pa[:1].isupper() and pb[:1].isupper()
        return _similar(pa, pb) >= 0.5 and (first or category == "spelling")
    gone, keeper = (pa, k) if category.startswith("dropped") else (pb, story.spine)
    if category.endswith("attribution"):  # the source named is nowhere in the other version
        names = [w for w in gone.split() if w[:1].isupper()] or gone.split()
        return not story.carries(keeper, _words(" ".join(names)))
    expected = "delete" if category == "dropped_detail" else "insert"
    text, start, end = (
        (" ".join(story.sentence(story.spine, i) for i in unit.a), row.a_start, row.a_end)
        if category.startswith("dropped")
        else (" ".join(story.sentence(k, j) for j in unit.b), row.b_start, row.b_end)
    )
    return (
        row.tag == expected
        and not _part_of_name(text, start, end)
        and _pure(unit, row)
        and not story.carries(keeper, _words(gone))
    )


def _part_of_name(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is capitalised words beside another: a name shortened
    ("Volodymyr Zelensky" -> "Zelensky") is a name's change, not a detail.

    >>> _part_of_name("President Volodymyr Zelensky said", 10, 19)
    True
    >>> _part_of_name("Russia on Friday welcomed", 7, 17)
    False
    """
    words = text[start:end].split()
    before, after = text[:start].split()[-1:], text[end:].split()[:1]
    capital = [w for w in (*before, *after) if w[:1].isupper()]
    return bool(words) and all(w[:1].isupper() for w in words) and bool(capital)


def _passage(sentences: tuple[int, ...]) -> bool:
    """One sentence, or two neighbours: a sentence split in two (or two merged into one) is
    still one statement, and a student reads its changes over the passage shown whole."""
    return 1 <= len(sentences) <= MOST_SPLIT and list(sentences) == list(
        range(sentences[0], sentences[0] + len(sentences))
    )


def _name_form(text: str, start: int, end: int) -> str:
    """The name at ``text[start:end]`` with the capitalised words right after it: "Mr" in
    "Mr Yousaf will" is "Mr Yousaf"."""
    end = start + len(text[start:end].rstrip())
    after = re.match(r"(?:\s+[A-Z][\w'’\-]*)*", text[end:])
    return tidy(text[start : end + (after.end() if after else 0)])


def _titled(form: str) -> bool:
    first = form.split()[0].rstrip(".") if form.split() else ""
    return first[:1].isupper() and first.casefold() in vocabulary.words("honorifics")


def _honorific_change(story: _Story, k: int, unit: Unit, row):
    """A person named with a courtesy title on one side and without it on the other
    ("Ms Sturgeon" / "Nicola Sturgeon"), in passages the aligner paired, however it
    regrouped them: each side is read whole, so a merge or a split does not hide it."""
    if row.tag != "replace" or not unit.a or not unit.b:
        return None
    if not all(
        len(s) <= MOST_REGROUPED and list(s) == list(range(s[0], s[0] + len(s)))
        for s in (unit.a, unit.b)
    ):
        return None
    if not all(story.prose(story.spine, i) for i in unit.a) or not all(
        story.prose(k, j) for j in unit.b
    ):
        return None
    a_text = " ".join(story.sentence(story.spine, i) for i in unit.a)
    b_text = " ".join(story.sentence(k, j) for j in unit.b)
    pa = _name_form(a_text, row.a_start, row.a_end)
    pb = _name_form(b_text, row.b_start, row.b_end)
    if len(pa.split()) != 2 or len(pb.split()) != 2 or pa.split()[-1] != pb.split()[-1]:
        return None  # not one person's name, as a title or first name before the surname
    if _titled(pa) == _titled(pb):
        return None
    beside = _stems(a_text.replace(pa, " ")) & _stems(b_text.replace(pb, " "))
    if len(beside) < SHARED_STEMS:
        return None  # the passages share too little to be one part of the story
    return "honorific", pa, pb, unit


def _change(story: _Story, k: int, alignment: Alignment, row):
    """(category, a phrase, b phrase, unit) for a change a student can name, or None."""
    unit = story.unit(alignment, row.unit)
    if row.kind == "honorific":
        return _honorific_change(story, k, unit, row)
    if not (_passage(unit.a) and _passage(unit.b)) or unit.score < STRONG:
        return None
    if not all(story.prose(story.spine, i) for i in unit.a) or not all(
        story.prose(k, j) for j in unit.b
    ):
        return None
    category = _category(row)
    a_text = " ".join(story.sentence(story.spine, i) for i in unit.a)
    b_text = " ".join(story.sentence(k, j) for j in unit.b)
    pa, pb = tidy(a_text[row.a_start : row.a_end]), tidy(b_text[row.b_start : row.b_end])
    sides = [p for p in (pa, pb) if p]
    if category not in CHANGE_CHOICES or not sides:
        return None
    if not all(_weighable(p, category) for p in sides):
        return None
    if category.endswith("attribution") and not is_attribution(pa or pb):
        return None
    if category.endswith("attribution") and _similar(a_text, b_text) < 0.5:
        return None  # a source added to a rewritten sentence: the change is the rewording
    if not _fits(story, k, unit, row, category, pa, pb):
        return None
    return category, pa, pb, unit


def _kept_verb(phrase: str, category: str) -> bool:
    """The verb of saying left where a source went ("told AFP" / "said"): shown, not asked."""
    return category.endswith("attribution") and phrase.casefold() in vocabulary.words(
        "speech_verbs"
    )


def _weighable(phrase: str, category: str) -> bool:
    """A phrase a student can weigh, or the verb of saying beside a source left out."""
    return _kept_verb(phrase, category) or (whole_phrase(phrase, most=4) and not phrase.isupper())


def _spot_prompt(a_name: str, b_name: str, pa: str, pb: str, *, one: bool = True) -> str:
    """The change, said from the second version's side: what did it do with the first's words?"""
    head = f"Here is one {'sentence' if one else 'passage'} as {a_name} and {b_name} printed it."
    if pa and pb:
        return f"{head} Where {a_name} has {_q(pa)}, {b_name} has {_q(pb)}. What did {b_name} do?"
    if pa:
        return f"{head} What did {b_name} do with {_q(pa)}, which {a_name} has?"
    return f"{head} {b_name} has {_q(pb)}, which {a_name} does not. What did {b_name} do?"


def spot_the_change(story: _Story) -> list[Exercise]:
    """Changes a student can name, one per category in turn, each from its own sentence."""
    found: dict[str, list] = {}
    for k, alignment, row in story.changes:
        change = _change(story, k, alignment, row)
        if change:
            found.setdefault(change[0], []).append((k, alignment, row, *change[1:]))
    ranked = [
        c for cat in CHANGE_CHOICES if cat in found for c in story.pick(f"spot:{cat}", found[cat])
    ]
    order, used, units = [], Counter(), set()
    while ranked:  # a new category first, then a sentence not asked about yet
        n = min(
            range(len(ranked)),
            key=lambda n: (
                used[_category(ranked[n][2])],
                (ranked[n][0], ranked[n][2].unit) in units,
                n,
            ),
        )
        k, _, row, *_ = chosen = ranked.pop(n)
        order.append(chosen)
        used[_category(row)] += 1
        units.add((k, row.unit))
    exercises = []
    for k, alignment, row, pa, pb, unit in order[: 4 * story.per_kind]:
        category = _category(row)
        a_name, b_name = alignment.a_name, alignment.b_name
        shown = (story.evidence(story.spine, unit.a), story.evidence(k, unit.b))
        answer = CHANGE_CHOICES[category]
        wid = _id("spot_the_change", story.c.articles[k].id, row.unit, pa, pb)
        wrong = [
            t for c, t in CHANGE_CHOICES.items() if c not in (category, _ALSO_RIGHT.get(category))
        ]
        explanation = f"{b_name} {answer}: {_WHY[category]}."
        if category == "label" and row.loaded != "none":
            more = "more" if row.loaded == "towards" else "less"
            explanation += f" {b_name}'s words are {more} loaded."
        cited = (
            replace(shown[0], text=_around(shown[0].text, row.a_start, row.a_end)),
            replace(shown[1], text=_around(shown[1].text, row.b_start, row.b_end)),
        )
        exercises.append(
            Exercise(
                wid,
                "spot_the_change",
                _spot_prompt(a_name, b_name, pa, pb, one=len(unit.a) == len(unit.b) == 1),
                _choices(answer, wrong, story.rng(wid)),
                answer,
                f"{explanation} {_say(cited)}",
                shown,
                tuple(  # the sentence around the change: the whole text is beside it
                    replace(e, text=_around(e.text, start, end, words=SHOWN_WORDS))
                    for e, start, end in (
                        (shown[0], row.a_start, row.a_end),
                        (shown[1], row.b_start, row.b_end),
                    )
                ),
                tuple(p for p in (pa, pb) if p and not _kept_verb(p, category)),
            )
        )
    return exercises


def _phrases(story: _Story):
    """(rank, -load, phrase) for every whole phrase of a change or a label."""
    lexicon = load_lexicon()
    rank = {"label": 0, "dropped_detail": 1, "added_detail": 1, "name_variant": 2, "spelling": 3}
    for k, alignment, row in story.changes:
        unit = story.unit(alignment, row.unit)
        joined = (
            " ".join(story.sentence(story.spine, i) for i in unit.a),
            " ".join(story.sentence(k, j) for j in unit.b),
        )
        for text, start, end in (
            (joined[0], row.a_start, row.a_end),
            (joined[1], row.b_start, row.b_end),
        ):
            phrase = tidy(text[start:end]) if start is not None else ""
            if row.kind in rank and whole_phrase(phrase, most=5) and not phrase.isupper():
                yield rank[row.kind], -lexicon.load_of(phrase), phrase
    for row in story.labels:
        if row.where == "body" and whole_phrase(row.descriptor) and not is_title(row.descriptor):
            yield (0 if row.load else 1), -row.load, row.descriptor


def who_said_it(story: _Story) -> list[Exercise]:
    """Phrases only one version holds, in prose others tell otherwise: loaded labels first."""
    found = {}
    for score in _phrases(story):
        found.setdefault(_key(score[2]), score)
    candidates = []
    for score in found.values():
        users = [k for k in range(len(story.names)) if story.holding(score[2], k)]
        # one version alone has it, in prose that the others tell otherwise
        if len(users) == 1 and users[0] in story.versions:
            owner = users[0]
            i = story.holding(score[2], owner)[0]
            if story.prose(owner, i) and story.strong(owner, i) and story.counterparts(owner, i):
                candidates.append((*score, owner))
    exercises = []
    ranked = story.pick("who", candidates, rank=lambda c: (*c[:2], -len(c[2].split())))
    for _, _, phrase, owner in ranked[: 4 * story.per_kind]:
        i = story.holding(phrase, owner)[0]
        evidence = (story.evidence(owner, [i]), *story.counterparts(owner, i))
        name = story.names[owner]
        wid = _id("who_said_it", story.c.articles[owner].id, _key(phrase))
        explanation = f"Only {name} wrote {_q(phrase)}. {_cite(evidence[:1], phrase)}"
        if len(evidence) > 1:
            explanation += f" Instead: {_cite(evidence[1:])}"
        exercises.append(
            Exercise(
                wid,
                "who_said_it",
                f"Which outlet wrote {_q(phrase)}?",
                _choices(name, [n for n in story.names if n != name], story.rng(wid)),
                name,
                explanation,
                evidence,
                (),
                (phrase,),
            )
        )
    return exercises


@lru_cache(maxsize=20_000)
def _stems(text: str) -> frozenset[str]:
    """Words that carry meaning, cut to five letters: "cheers" meets "cheered"."""
    return frozenset(w[:5] for w in _words(text))


def _restated(story: _Story, w: int, text: str) -> bool:
    """Whether one of version ``w``'s sentences carries as large a share of a sentence's
    words as the aligner needs to pair a lone sentence between two kept pairs (its
    ``context_threshold``): where a sentence sits in such a gap, anything the aligner could
    have paired is never keyed as told by one version alone."""
    words = _stems(text)
    if len(words) < 4:
        return True  # too short to tell: never keyed as told by one version alone
    share = story.c.options.restate_threshold
    return any(len(words & _stems(t)) >= share * len(words) for t in story.c.sentences[w])


def _cells_of(story: _Story, k: int, i: int, w: int) -> tuple[int, ...]:
    """Version ``w``'s sentences that surely tell version ``k``'s sentence ``i``."""
    unit = story.unit_of.get((k, i))
    cell = unit.cells[w] if unit else None
    if not cell or not story.strong(k, i) or not all(story.strong(w, j) for j in cell.sentences):
        return ()
    return cell.sentences


def _told(story: _Story, k: int, w: int, steps: range) -> tuple[int, ...]:
    """Version ``w``'s sentences for the first of version ``k``'s sentences ``steps`` it tells."""
    return next((c for i in steps if (c := _cells_of(story, k, i, w))), ())


def _gap(story: _Story, k: int, sentences: tuple[int, ...], w: int) -> bool:
    """Whether ``w`` has no room for these sentences: between the sentences it tells before
    and after them (or its start or end) stands nothing that ``k`` does not tell elsewhere."""
    before = _told(story, k, w, range(min(sentences) - 1, -1, -1))
    after = _told(story, k, w, range(max(sentences) + 1, len(story.c.sentences[k])))
    if not before and not after:
        return False
    low = max(before) + 1 if before else 0
    high = min(after) if after else len(story.c.sentences[w])
    return all(
        (unit := story.unit_of.get((w, j))) is not None
        and unit.cells[k] is not None
        and story.strong(w, j)
        for j in range(low, high)
    )


def _close(story: _Story, k: int, w: int) -> bool:
    """Whether ``w`` tells more than half of version ``k``'s prose: two edits of one copy, not
    a rewrite, in which an unpaired sentence is more likely a paraphrase than a gap."""
    if (k, w) not in story.memo:
        prose = [i for i in range(len(story.c.sentences[k])) if story.prose(k, i)]
        told = sum(bool(_cells_of(story, k, i, w)) for i in prose)
        story.memo[(k, w)] = bool(prose) and told > CLOSE * len(prose)
    return story.memo[(k, w)]


def _left_out_by(story: _Story, k: int, unit) -> list[int]:
    """The versions that surely lack the sentences of version ``k`` in this unit."""
    cell = unit.cells[k]
    if not all(story.prose(k, i) for i in cell.sentences):
        return []
    return [
        w
        for w in story.versions
        if w != k
        and unit.cells[w] is None
        and _close(story, k, w)
        and _gap(story, k, cell.sentences, w)
        and not _restated(story, w, cell.text)
    ]


def _told_by(story: _Story, k: int, others: list[int]) -> list:
    """Version ``k``'s prose sentences (one a cell: a choice is one sentence) that every
    one of ``others`` surely tells too."""
    return [
        u.cells[k]
        for u in story.c.units
        if u.cells[k]
        and len(u.cells[k].sentences) == 1
        and all(story.prose(k, i) for i in u.cells[k].sentences)
        and all(_retold(story, k, u.cells[k].sentences[0], w) for w in others)
    ]


def _retold(story: _Story, k: int, i: int, w: int) -> bool:
    """Whether version ``w`` surely tells version ``k``'s sentence ``i``: paired, and with
    half of its words or more (a wrong choice must be plainly in the other version)."""
    cell = _cells_of(story, k, i, w)
    words = _stems(story.sentence(k, i))
    theirs = _stems(" ".join(story.sentence(w, j) for j in cell))
    return bool(cell) and len(words & theirs) >= len(words) / 2


def _gap_words(story: _Story, k: int, sentences: tuple[int, ...], others: list[int]) -> str:
    """Where the lacking versions leave the sentence out, in words true to their place: a
    version that tells nothing after it ends there, one that tells nothing before it starts
    there (the verb agrees with one version or several)."""
    low, high = (
        range(min(sentences) - 1, -1, -1),
        range(max(sentences) + 1, len(story.c.sentences[k])),
    )
    places = {(bool(_told(story, k, w, low)), bool(_told(story, k, w, high))) for w in others}
    one = len(others) == 1
    if places == {(True, False)}:
        return "ends with the sentence before it" if one else "end with the sentence before it"
    if places == {(False, True)}:
        return "starts with the sentence after it" if one else "start with the sentence after it"
    if places == {(True, True)}:
        verb = "goes" if one else "go"
        return f"{verb} straight from the sentence before it to the one after"
    return "carry the sentences around it with nothing in its place"


def added_or_left_out(story: _Story) -> list[Exercise]:
    """A sentence one version carries and another surely lacks: the other goes straight from
    the sentence before it to the one after, and restates none of its words elsewhere."""
    candidates = []
    for unit in story.c.units:
        for k, cell in enumerate(unit.cells):
            if cell and k in story.versions and (lacking := _left_out_by(story, k, unit)):
                everyone = len(lacking) == len(story.versions) - 1 and unit.status == "only_this"
                candidates.append((k, unit, lacking if everyone else lacking[:1]))
    exercises = []
    for k, unit, others in story.pick("added", candidates)[: 4 * story.per_kind]:
        shared = _told_by(story, k, others)
        cell = unit.cells[k]
        wid = _id("added_or_left_out", story.c.articles[k].id, *cell.sentences)
        choices = _choices(cell.text, [c.text for c in shared[:6]], story.rng(wid))
        example = next((c for c in shared if c.text in choices and c.text != cell.text), None)
        if example is None:
            continue  # the same words stand in a shared sentence too: no fair choice
        counterpart = [
            story.evidence(w, _cells_of(story, k, example.sentences[0], w)) for w in others[:1]
        ]
        name = story.names[k]
        if len(others) == 1:
            other = story.names[others[0]]
            prompt = (
                f"Which of these sentences from {name}'s version has no counterpart in {other}'s?"
            )
            where = f"{other}'s version"
        else:
            prompt = f"Which of these sentences from {name}'s version is in no other version?"
            where = "the other versions"
        evidence = (story.evidence(k, cell.sentences), *counterpart)
        gap = _gap_words(story, k, cell.sentences, others)
        exercises.append(
            Exercise(
                wid,
                "added_or_left_out",
                prompt,
                choices,
                cell.text,
                f"{where[0].upper()}{where[1:]} {gap} ({name}, {evidence[0].where}). "
                f"The other sentences are in {where} "
                f"too, e.g. " + _cite([story.evidence(k, example.sentences), *counterpart]),
                evidence,
                (),
                (cell.text,),
            )
        )
    return exercises


def _shifts(story: _Story, k: int, alignment: Alignment) -> list[tuple[int, object]]:
    """(rank in b minus rank in a, unit) for strong pairs of prose, in b's order: < 0 moved up."""
    paired = [
        u
        for u in alignment.units
        if u.a
        and u.b
        and u.score >= STRONG
        and all(story.prose(story.spine, i) for i in u.a)
        and all(story.prose(k, j) for j in u.b)
    ]
    rank_a = {id(u): r for r, u in enumerate(sorted(paired, key=lambda u: min(u.a)))}
    return [(r - rank_a[id(u)], u) for r, u in enumerate(sorted(paired, key=lambda u: min(u.b)))]


def _unpaired(story: _Story, k: int, shifts: list[tuple[int, object]]) -> int:
    """How many pairs the aligner may have missed: the fewer of either side's unpaired prose
    sentences. Each missed pair moves every shift by one rank at most, so a shift is sure
    in direction past this many, and one shift surely beats another by more than twice it."""
    paired = (
        {i for _, u in shifts for i in u.a},
        {j for _, u in shifts for j in u.b},
    )
    return min(
        sum(story.prose(v, i) and i not in seen for i in range(len(story.c.sentences[v])))
        for v, seen in zip((story.spine, k), paired, strict=True)
    )


def order_matters(story: _Story) -> list[Exercise]:
    """Per pair with a move: the passage that moved most, and what the first paragraphs hold."""
    exercises = []
    for k, alignment in story.pairs:
        shifts = _shifts(story, k, alignment)
        most = max((abs(s) for s, _ in shifts), default=0)
        if not most or not any(u.moved for u in alignment.units):
            continue
        missed = _unpaired(story, k, shifts)
        if most <= missed:
            continue  # pairs the aligner missed could make the move go either way
        start = next(n for n, (s, _) in enumerate(shifts) if abs(s) == most)
        block = []
        for s, unit in shifts[start:]:  # the passage: neighbours in b that moved as far
            if s != shifts[start][0] or (block and min(unit.b) != max(block[-1].b) + 1):
                break
            block.append(unit)
        a_ids, b_ids = [i for u in block for i in u.a], [j for u in block for j in u.b]
        shown = (story.evidence(story.spine, a_ids), story.evidence(k, b_ids))
        a_name, b_name = alignment.a_name, alignment.b_name
        first = story.sentence(k, min(b_ids))
        still = [  # moved at most half as far, however many pairs were missed
            story.sentence(k, min(u.b))
            for s, u in shifts
            if abs(s) * 2 <= most and most - abs(s) > 2 * missed
        ]
        sizes = [len(story.c.articles[v].paragraphs) for v in (story.spine, k)]
        wid = _id("order_matters", story.c.articles[k].id, *a_ids, "moved")
        if still:
            exercises.append(
                Exercise(
                    wid,
                    "order_matters",
                    f"{b_name} tells the story in another order than {a_name}: one passage sits "
                    f"much {'higher' if shifts[start][0] < 0 else 'lower'} in {b_name}'s version. "
                    "Which of these sentences opens it?",
                    _choices(first, still, story.rng(wid)),
                    first,
                    f"In {a_name} the passage is {shown[0].where} of {sizes[0]}; in {b_name}, "
                    f"{shown[1].where} of {sizes[1]}. {_cite(shown)}",
                    shown,
                    (),
                    (first,),
                )
            )
        exercises.extend(_stops_early(story, k, a_ids, b_ids))
    return exercises


def _stops_early(story: _Story, k: int, a_ids: list[int], b_ids: list[int]) -> list[Exercise]:
    """What a reader who stops after TOP paragraphs reads, when a move crosses that line."""
    pa = min(story.paragraph(story.spine, i) for i in a_ids)
    pb = min(story.paragraph(k, j) for j in b_ids)
    if pb < TOP <= pa:
        t, o, moved = k, story.spine, min(b_ids)
    elif pa < TOP <= pb:
        t, o, moved = story.spine, k, min(a_ids)
    else:
        return []

    def early(v: int, w: int) -> list[int]:  # v's first paragraphs that w does not open with
        return [
            i
            for i in range(len(story.c.sentences[v]))
            if story.paragraph(v, i) < TOP
            and not any(story.paragraph(w, j) < TOP for j in _cell(story, v, i, w))
        ]

    wid = _id("order_matters", story.c.articles[t].id, moved, "top")
    rng = story.rng(wid)
    missed = [j for i in early(o, t) for j in _cell(story, o, i, t)]  # o's opening, later in t
    later = [
        j
        for j in range(len(story.c.sentences[t]))
        if story.paragraph(t, j) >= TOP and story.prose(t, j)
    ]
    rest = [j for j in later if j not in missed]
    wrong = list(dict.fromkeys(missed))[:3]
    wrong += rng.sample(rest, min(3 - len(wrong), len(rest)))
    if not wrong or not story.prose(t, moved):
        return []
    answer, names, top = story.sentence(t, moved), story.names, _NUMBERS.get(TOP, str(TOP))
    learns_t = [story.evidence(t, [i]) for i in early(t, o)[:2]]
    learns_o = [story.evidence(o, [i]) for i in early(o, t)[:2]]
    return [
        Exercise(
            wid,
            "order_matters",
            f"A reader stops after the first {top} paragraphs of {names[t]}'s version. Which "
            "of these sentences do they read?",
            _choices(answer, [story.sentence(t, j) for j in wrong], rng),
            answer,
            f"Only that sentence stands in {names[t]}'s first {top} paragraphs. A reader who "
            f"stops there learns what {names[o]}'s first {top} paragraphs leave out: "
            + _cite(learns_t)
            + (
                f" A reader of {names[o]} learns this instead: {_cite(learns_o)}"
                if learns_o
                else ""
            ),
            (*learns_t, *learns_o),
            (),
            (answer,),
        )
    ]


def _cell(story: _Story, v: int, i: int, w: int) -> tuple[int, ...]:
    """Version ``w``'s sentences in the unit of version ``v``'s sentence ``i``."""
    unit = story.unit_of.get((v, i))
    return unit.cells[w].sentences if unit and unit.cells[w] else ()


def label_check(story: _Story) -> list[Exercise]:
    """How an outlet describes a person or group whom another outlet describes otherwise.

    A label is read off each outlet's own text and checked against every other version's
    whole text, so it needs no sentence pairing: every version of the story counts, not
    only those paired sentence by sentence with the reference."""
    lexicon, candidates, everyone = load_lexicon(), [], range(len(story.names))
    by_entity: dict[str, list[Label]] = {}
    for label in story.labels:
        by_entity.setdefault(label.entity, []).append(label)

    def only_in(phrase: str, outlet: str) -> bool:  # as written, not merely as extracted
        return [story.names[k] for k in everyone if story.holding(phrase, k)] == [outlet]

    for rows in by_entity.values():
        own = [
            row
            for row in rows
            if row.where == "body"
            and len({r.outlet for r in rows}) > 1
            and only_in(row.descriptor, row.outlet)
            and whole_phrase(row.descriptor)
            and not is_title(row.descriptor)
            and story.prose(story.names.index(row.outlet), row.index)
        ]
        if own:  # the most loaded label that no other outlet uses
            candidates.append(max(own, key=lambda r: r.load))
    exercises = []
    for row in story.pick("label", candidates, rank=lambda r: -r.load):
        k = story.names.index(row.outlet)
        theirs = [r for r in by_entity[row.entity] if r.outlet != row.outlet]
        real = [
            d
            for d in dict.fromkeys(r.descriptor for r in theirs)
            if not story.holding(d, k) and not is_title(d)
        ]
        swapped = [  # the same words with another lexicon term of the same category
            row.descriptor[: hit.start] + term.term + row.descriptor[hit.end :]
            for hit in lexicon.find(row.descriptor)
            for term in lexicon.terms
            if term.category == hit.term.category and term != hit.term
        ]
        wid = _id("label_check", row.article, row.entity, _key(row.descriptor))
        rng = story.rng(wid)
        swapped = [d for d in swapped if not story.holding(d, k) and d not in real]
        wrong = real[:3] + rng.sample(swapped, min(len(swapped), max(0, 3 - len(real))))
        if not wrong or len(exercises) >= 4 * story.per_kind:
            continue
        evidence = [story.label_evidence(row)]
        firsts = []  # each other outlet's first label, from the body when it has one
        first_of: dict[str, Label] = {}
        for other in sorted(theirs, key=lambda r: r.where == "caption"):  # stable: body first
            first_of.setdefault(other.outlet, other)
        for first in first_of.values():
            evidence.append(story.label_evidence(first))
            firsts.append(first.descriptor)
        by_outlet: dict[str, list[str]] = {}
        for other in theirs:
            by_outlet.setdefault(other.outlet, []).append(other.descriptor)
        said = "; ".join(
            f"{o}: {', '.join(map(_q, dict.fromkeys(ds)))}" for o, ds in by_outlet.items()
        )
        notes = "; ".join(
            f"{_q(h.text)}: {h.term.note}" for h in lexicon.find(row.descriptor) if h.term.load
        )
        written = f" (written {_q(row.name)})" if row.name != row.entity else ""
        exercises.append(
            Exercise(
                wid,
                "label_check",
                f"How does {row.outlet} describe {row.entity}{written}?",
                _choices(row.descriptor, wrong, rng),
                row.descriptor,
                f"{row.outlet} calls {row.entity} {_q(row.descriptor)}; {said}."
                + (f" Lexicon note on {notes}." if notes else "")
                + f" {_cite(evidence[:1], row.descriptor)}"
                + "".join(f" {_cite([e], d)}" for e, d in zip(evidence[1:], firsts, strict=True)),
                tuple(evidence),
                (),
                (row.descriptor,),
            )
        )
    return exercises


def _quoted_in(story: _Story, y: int, quote: str) -> str:
    """How version ``y``'s text gives a quote: ``verbatim``, ``partial`` (a run of four
    words or more) or ``missing``, whatever the case, quote marks and spelling."""
    words = _keys(quote).split()
    text = f" {story._whole[y]} "
    if words and f" {' '.join(words)} " in text:
        return "verbatim"
    runs = (" ".join(words[n : n + 4]) for n in range(max(1, len(words) - 3)))
    return "partial" if any(f" {r} " in text for r in runs) else "missing"


_SHOWN_AS = {
    "verbatim": "verbatim",
    "altered": "partial",
    "truncated": "partial",
    "missing": "missing",
}
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you"})


def _quote_candidates(story: _Story) -> list[tuple]:
    """(status, quote, x, y, row) for each quote whose status the texts bear out."""
    found = []
    for k, _ in story.pairs:
        for row in compare_quotes(story.c.articles[story.spine], story.c.articles[k]):
            status = "missing" if row.status.startswith("only_") else row.status
            x, y = (k, story.spine) if row.status == "only_b" else (story.spine, k)
            quote = row.quote_b if row.status == "only_b" else row.quote_a
            at = row.b_sentence if row.status == "only_b" else row.a_sentence
            if status not in _SHOWN_AS or at is None or not story.prose(x, at):
                continue
            if _SHOWN_AS[status] != _quoted_in(story, y, quote) or len(quote.split()) < 5:
                continue  # the texts say otherwise: the quote matcher missed a counterpart
            if status == "truncated" and len(row.quote_b.split()) >= len(row.quote_a.split()):
                continue  # the other version gives more of it, not less
            found.append((status, quote, x, y, row))
    order = ("altered", "truncated", "missing", "verbatim")
    found.sort(key=lambda c: (order.index(c[0]), -len(c[1].split())))
    best = {}  # the longest quote of each status: never one answer twice
    for candidate in found:
        best.setdefault(candidate[0], candidate)
    return list(best.values())


def quote_check(story: _Story) -> list[Exercise]:
    """Quotes whose status the texts bear out, changed quotes first, the longest first."""
    exercises = []
    for status, quote, x, y, row in _quote_candidates(story)[: 4 * story.per_kind]:
        found = {
            v: story.evidence(v, [i])
            for v, i in (
                (story.spine, row.a_sentence),
                (k_of(row, story, x, y), row.b_sentence),
            )
            if i is not None
        }
        shown = Evidence(
            outlet=story.names[x], text=quote, where=found[x].where if x in found else ""
        )
        other = (row.quote_a if row.status == "only_b" else row.quote_b) or ""
        choices = (*QUOTE_SCALE, f"not quoted in {story.names[y]}'s version")
        why = {
            "verbatim": "Both give the same words (quote marks and punctuation aside).",
            "altered": f"Words differ: {_say_changes(quote, other)}.",
            "truncated": f"{story.names[y]} gives only part of it: {_say_changes(quote, other)}.",
            "missing": f"{story.names[y]} does not quote it.",
        }[status]
        speaker = row.speaker if row.speaker and row.speaker.casefold() not in _PRONOUNS else ""
        if speaker and x in found and not _says(found[x].text, speaker):
            speaker = ""  # "Biden assured Zelenskyy": the name is no speaker of this sentence
        wid = _id("quote_check", story.c.articles[x].id, story.c.articles[y].id, _key(quote))
        exercises.append(
            Exercise(
                wid,
                "quote_check",
                f"{story.names[x]} quotes {speaker or 'someone'} (below). How does "
                f"{story.names[y]}'s version give this quote?",
                choices,  # a scale, in its own order: not shuffled
                choices[("verbatim", "altered", "truncated", "missing").index(status)],
                f"{why} {_cite(found.values(), quote[:40])}",
                tuple(found.values()),
                (shown,),
                (quote, found[x].text) if x in found else (quote,),
            )
        )
    return exercises


def _says(sentence: str, speaker: str) -> bool:
    """Whether the sentence gives the quote to the speaker: the speaker's last name (or a
    pronoun) right beside a verb of saying ("Sturgeon added", "said Shoigu", "She tweeted").

    >>> _says("“We will win,” Biden assured Zelenskyy.", "Volodymyr Zelenskyy")
    False
    >>> _says("“We will win,” said Zelenskyy.", "Volodymyr Zelenskyy")
    True
    """
    verbs = vocabulary.words("speech_verbs")
    spoken_to = vocabulary.words("speech_verbs_with_object")  # "assured Zelenskyy": the listener
    last = speaker.split()[-1].casefold()
    words = [w.strip(",.:;!?“”\"'‘’()").casefold() for w in sentence.split()]
    for n, word in enumerate(words):
        near = words[max(0, n - 1) : n] + ([] if word in spoken_to else words[n + 1 : n + 2])
        if word in verbs and any(w == last or w in _PRONOUNS for w in near):
            return True
    return False


def k_of(row, story: _Story, x: int, y: int) -> int:
    """The non-spine version of a quote row's pair."""
    return y if x == story.spine else x
