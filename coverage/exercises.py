"""A story (or its versions) -> classroom exercises whose answers come from the alignment.

Six kinds (:data:`EXERCISE_KINDS`), each made only where the comparison supports it:
``spot_the_change`` (name the kind of one change in a sentence), ``who_said_it`` (the
outlet that used a phrase), ``added_or_left_out`` (the sentence no other version
carries), ``order_matters`` (the passage an outlet moved; what a reader who stops after
two paragraphs reads), ``label_check`` (how an outlet describes a person) and
``quote_check`` (is a quote the same, changed, shortened or missing elsewhere).

Every explanation quotes its evidence. Generation is seeded: the same seed gives the same
exercises and choices. Each exercise shuffles with its own ``random.Random`` (seeded by
the seed and the exercise's id, never the global one), so asking for fewer kinds changes
nothing in the others.
"""

from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, NamedTuple

from .compare import Comparison, compare
from .errors import InvalidOption
from .kinds import classify_changes
from .labels import describe_labels
from .lexicon import load_lexicon
from .model import Alignment, Article
from .normalize import STOPWORDS, fold_typography, tokenize, word_key
from .quotes import compare_quotes
from .spelling import american
from .stories import STRONG, Story

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["EXERCISE_KINDS", "CHANGE_CHOICES", "Evidence", "Exercise", "make_exercises"]

EXERCISE_KINDS = (
    "spot_the_change",
    "who_said_it",
    "added_or_left_out",
    "order_matters",
    "label_check",
    "quote_check",
)
TOP = 2  # "a reader who stops after two paragraphs"
_NUMBERS = {1: "one", 2: "two", 3: "three", 4: "four"}

# what a student may name in spot_the_change, in teaching order, and why it matters
CHANGE_CHOICES = {
    "dropped_attribution": "a source (who reported or said it) is left out",
    "added_attribution": "a source (who reported or said it) is added",
    "label": "someone or something is described with other words",
    "name_variant": "a name is spelled another way",
    "added_detail": "a detail is added",
    "dropped_detail": "a detail is left out",
    "spelling": "a word (not a name) is spelled another way",
}
_WHY = {
    "dropped_attribution": "the reader is no longer told where the information came from",
    "added_attribution": "the reader is now told where the information came from",
    "label": "the words chosen to describe someone carry a judgement, or none",
    "name_variant": "names from other alphabets have several spellings in English",
    "added_detail": "the sentence tells the reader something more",
    "dropped_detail": "the sentence tells the reader less",
    "spelling": "outlets follow British or American spelling, or their own style",
}
_ALSO_RIGHT = {  # a dropped source is also a dropped detail: never offer both
    "dropped_attribution": "dropped_detail",
    "added_attribution": "added_detail",
    "dropped_detail": "dropped_attribution",
    "added_detail": "added_attribution",
}
QUOTE_SCALE = ("word for word the same", "with words changed", "shortened")


class Evidence(NamedTuple):
    """A sentence (or quote) as one outlet printed it, and where (``paragraph 3``)."""

    outlet: str
    text: str
    where: str = ""


@dataclass(frozen=True)
class Exercise:
    """One question; ``answer`` is one of ``choices`` (empty for an open question).

    ``shown`` is what the student reads with the prompt (a sentence in two versions, a
    quote); ``explanation`` says why the answer is right and quotes ``evidence``, the
    sentences as each outlet printed them. ``id`` depends on the content, not the seed.
    """

    id: str
    kind: str
    prompt: str
    choices: tuple[str, ...]
    answer: str
    explanation: str
    evidence: tuple[Evidence, ...]
    shown: tuple[Evidence, ...] = ()

    def _repr_html_(self) -> str:
        from .exercises_html import WORKSHEET_STYLE, exercise_html

        return WORKSHEET_STYLE + exercise_html(self, answers=True)


def _q(text: str) -> str:
    """A phrase in curly quotes, without the punctuation around it.

    >>> _q(", AFP reported ")
    '“AFP reported”'
    """
    return "\u201c" + text.strip().strip(",;:.").strip() + "\u201d"


def _say(evidence: Iterable[Evidence]) -> str:
    """Sentences as evidence: ``Outlet (paragraph 2): text``, one after another."""
    return " ".join(
        f"{e.outlet} ({e.where}): {e.text}" if e.where else f"{e.outlet}: {e.text}"
        for e in evidence
    )


def _around(text: str, start: int | None = None, end: int | None = None, *, words: int = 8) -> str:
    """``text`` cut to ``words`` words either side of ``text[start:end]``, with ellipses.

    >>> _around("one two three four five six", 8, 13, words=1)
    '…two three four…'
    >>> _around("one two three four five six", words=2)
    'one two three four…'
    """
    if start is None:
        start, end, words = 0, 0, words * 2
    end = start if end is None else end
    head = re.findall(r"\S+\s*", text[:start])
    tail = re.findall(r"\s*\S+", text[end:])
    return (
        ("…" if len(head) > words else "")
        + "".join(head[len(head) - min(words, len(head)) :])
        + text[start:end]
        + "".join(tail[:words])
        + ("…" if len(tail) > words else "")
    )


def _find(text: str, phrase: str) -> tuple[int, int] | tuple[None, None]:
    """Where ``phrase`` stands in ``text`` (any case), if it does."""
    found = re.search(re.escape(phrase), text, re.IGNORECASE) if phrase else None
    return found.span() if found else (None, None)


def _cite(evidence: Iterable[Evidence], phrase: str | None = None) -> str:
    """Evidence cut short around ``phrase`` (or to its first words), as ``_say`` gives it."""
    return _say(
        e._replace(text=_around(e.text, *(_find(e.text, phrase) if phrase else ())))
        for e in evidence
    )


def _id(kind: str, *parts: object) -> str:
    digest = hashlib.sha1("|".join(map(str, (kind, *parts))).encode("utf-8")).hexdigest()
    return f"{kind}-{digest[:8]}"


def _key(text: str) -> str:
    """A phrase's key: typography, case, hyphens and British spellings folded.

    >>> _key("UN-recognised") == _key("UN-recognized"), _key("long-time") == _key("Longtime")
    (True, True)
    """
    return " ".join(_word(w) for w in fold_typography(text).split())


@lru_cache(maxsize=100_000)
def _word(word: str) -> str:
    return american(word_key(word)).replace("-", "")


def _keys(text: str) -> str:
    """A text's words as keys, to find a phrase whatever its case or spelling.

    >>> _keys("the UN-recognised GNA,") == _keys("The UN-recognized GNA")
    True
    """
    return " ".join(_word(t.text) for t in tokenize(text) if t.text[:1].isalnum())


def _content(phrase: str) -> bool:
    """Whether a phrase holds a word that is not a stop word.

    >>> _content("on Friday"), _content(", has the")
    (True, False)
    """
    return any(w not in STOPWORDS for w in re.findall(r"[^\W\d_][\w'\-]*", phrase.casefold()))


def _int(value: object) -> int | None:
    """A sentence index from a table, or None where it is missing (NA, None).

    >>> _int(3), _int(None)
    (3, None)
    """
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _choices(answer: str, wrong: Sequence[str], rng: random.Random, *, n: int = 4) -> tuple:
    pool = list(dict.fromkeys(w for w in wrong if w != answer))
    picked = [answer, *rng.sample(pool, min(n - 1, len(pool)))]
    rng.shuffle(picked)
    return tuple(picked)


class _Story:
    """A comparison with what every kind looks up: sentences, paragraphs, counterparts."""

    def __init__(self, comparison: Comparison, seed: int, per_kind: int) -> None:
        self.c, self.seed, self.per_kind = comparison, seed, per_kind
        self.names, self.spine = comparison.outlets, comparison.spine
        # only versions that tell the same story as the spine: two strong pairs, as in find_stories
        self.pairs = [
            (self.names.index(n), a)
            for n, a in comparison.alignments.items()
            if sum(bool(u.a and u.b) and u.score >= STRONG for u in a.units) >= 2
        ]
        self.versions = sorted([self.spine, *(k for k, _ in self.pairs)])
        self.unit_of = {
            (k, i): unit
            for unit in comparison.units
            for k, cell in enumerate(unit.cells)
            for i in (cell.sentences if cell else ())
        }

    def rng(self, *parts: object) -> random.Random:
        return random.Random(":".join(map(str, (self.seed, *parts))))

    def pick(self, kind: str, candidates: list, *, rank=None) -> list:
        """Candidates best ``rank`` first, ties in a seeded order."""
        order = list(range(len(candidates)))
        self.rng("pick", kind).shuffle(order)
        order.sort(key=lambda n: rank(candidates[n]) if rank else 0)
        return [candidates[n] for n in order]

    def sentence(self, k: int, i: int) -> str:
        return self.c.sentences[k][i]

    def paragraph(self, k: int, i: int) -> int:
        return self.c.articles[k].sentences[i].paragraph

    def evidence(self, k: int, indices: Iterable[int]) -> Evidence:
        indices = sorted(indices)
        where = ", ".join(str(p + 1) for p in sorted({self.paragraph(k, i) for i in indices}))
        text = " ".join(self.sentence(k, i) for i in indices)
        return Evidence(self.names[k], text, f"paragraph {where}")

    def counterparts(self, k: int, i: int) -> list[Evidence]:
        """Where the other versions carry version ``k``'s sentence ``i``."""
        unit = self.unit_of.get((k, i))
        cells = enumerate(unit.cells) if unit else ()
        return [self.evidence(j, c.sentences) for j, c in cells if c is not None and j != k]

    @cached_property
    def _keyed(self) -> list[list[str]]:
        return [[f" {_keys(t)} " for t in texts] for texts in self.c.sentences]

    def holding(self, phrase: str, k: int) -> list[int]:
        """Version ``k``'s sentences that hold ``phrase`` (case and spelling folded)."""
        key = f" {_keys(phrase)} "
        return [i for i, text in enumerate(self._keyed[k]) if key.strip() and key in text]

    @cached_property
    def labels(self) -> pd.DataFrame:
        """``describe_labels`` of the versions, ``outlet`` as the comparison labels them."""
        frame = describe_labels(self.c.articles, alignments=list(self.c.alignments.values()))
        label: dict[str, str] = {}
        for article, name in zip(self.c.articles, self.names, strict=True):
            label.setdefault(article.id, name)
        frame["outlet"] = frame["article"].map(label)
        return frame[frame["descriptor"] != ""]

    def label_evidence(self, row) -> Evidence:
        if row.where == "body":
            return self.evidence(self.names.index(row.outlet), [row.index])
        return Evidence(
            row.outlet, row.sentence, "caption" if row.where == "caption" else "standfirst"
        )

    @cached_property
    def changes(self) -> list[tuple[int, Alignment, object]]:
        """Every classified word edit of every pair: (version, alignment, row)."""
        return [(k, a, row) for k, a in self.pairs for row in classify_changes(a).itertuples()]


# ---- the six kinds ----------------------------------------------------------------------


def spot_the_change(story: _Story) -> list[Exercise]:
    """One short change per category a student can name, from as many sentences as can be."""
    found: dict[str, list] = {}
    for k, alignment, row in story.changes:
        category = row.kind
        if row.detail == "attribution" and category in _ALSO_RIGHT:
            category = category.replace("detail", "attribution")
        short = max(len(row.a_words.split()), len(row.b_words.split())) <= 4
        if category in CHANGE_CHOICES and short and _content(f"{row.a_words} {row.b_words}"):
            found.setdefault(category, []).append((k, alignment, row))
    exercises, used = [], set()
    for category in [c for c in CHANGE_CHOICES if c in found][: story.per_kind]:
        candidates = story.pick(f"spot:{category}", found[category])
        k, alignment, row = next(
            (c for c in candidates if (c[0], c[2].unit) not in used), candidates[0]
        )
        used.add((k, row.unit))
        unit = next(u for u in alignment.units if u.unit == row.unit)
        a_name, b_name = alignment.a_name, alignment.b_name
        shown = (story.evidence(story.spine, unit.a), story.evidence(k, unit.b))
        if row.tag == "replace":
            find = (
                f"Find {_q(row.a_words)} in {a_name}'s version and {_q(row.b_words)} in {b_name}'s."
            )
        else:
            name, words = (b_name, row.b_words) if row.tag == "insert" else (a_name, row.a_words)
            find = f"Find {_q(words)} in {name}'s version."
        answer = CHANGE_CHOICES[category]
        wid = _id("spot_the_change", story.c.articles[k].id, row.unit, row.a_words, row.b_words)
        wrong = [
            t for c, t in CHANGE_CHOICES.items() if c not in (category, _ALSO_RIGHT.get(category))
        ]
        explanation = f"{answer[0].upper()}{answer[1:]}: {_WHY[category]}."
        if category == "label" and row.loaded != "none":
            more = "more" if row.loaded == "towards" else "less"
            explanation += f" {b_name}'s words are {more} loaded."
        cited = (
            shown[0]._replace(text=_around(shown[0].text, row.a_start, row.a_end)),
            shown[1]._replace(text=_around(shown[1].text, row.b_start, row.b_end)),
        )
        exercises.append(
            Exercise(
                wid,
                "spot_the_change",
                f"Here is one sentence as two outlets printed it. {find} What changed there?",
                _choices(answer, wrong, story.rng(wid)),
                answer,
                f"{explanation} {_say(cited)}",
                shown,
                shown,
            )
        )
    return exercises


def who_said_it(story: _Story) -> list[Exercise]:
    """Phrases only one version holds: labels first, the more loaded the better."""
    lexicon, found = load_lexicon(), {}
    rank = {"label": 0, "dropped_detail": 1, "added_detail": 1, "name_variant": 2, "spelling": 3}
    for _, _, row in story.changes:
        for words in (row.a_words, row.b_words):
            phrase = words.strip(" ,;:.")
            if row.kind in rank and _content(phrase) and len(phrase.split()) <= 5:
                found.setdefault(_key(phrase), (rank[row.kind], -lexicon.load_of(phrase), phrase))
    for row in story.labels.itertuples():
        if row.where != "caption" and _content(row.descriptor):
            found.setdefault(
                _key(row.descriptor), (0 if row.load else 1, -row.load, row.descriptor)
            )
    candidates = []
    for score in found.values():
        users = [k for k in range(len(story.names)) if story.holding(score[2], k)]
        # one version alone has it, and the others tell that sentence otherwise
        if len(users) == 1 and users[0] in story.versions:
            owner = users[0]
            if story.counterparts(owner, story.holding(score[2], owner)[0]):
                candidates.append((*score, owner))
    chosen: list[tuple] = []
    for candidate in story.pick("who", candidates, rank=lambda c: (*c[:2], -len(c[2].split()))):
        key = _key(candidate[2])  # "strongman" adds nothing to "military strongman"
        if len(chosen) < story.per_kind and not any(
            key in _key(c[2]) or _key(c[2]) in key for c in chosen
        ):
            chosen.append(candidate)
    exercises = []
    for _, _, phrase, owner in chosen:
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
            )
        )
    return exercises


def added_or_left_out(story: _Story) -> list[Exercise]:
    """A sentence only one version carries, among that version's sentences others carry too."""
    only = [
        (k, u)
        for u in story.c.units
        if u.status == "only_this"
        for k, c in enumerate(u.cells)
        if c and k in story.versions
    ]
    exercises = []
    for k, unit in story.pick("added", only)[: story.per_kind]:
        shared = [u.cells[k] for u in story.c.units if u.status != "only_this" and u.cells[k]]
        if not shared:
            continue
        shared.sort(key=lambda c: c.relation not in ("spine", "same"))  # told alike elsewhere
        cell = unit.cells[k]
        wid = _id("added_or_left_out", story.c.articles[k].id, *cell.sentences)
        choices = _choices(
            cell.text, [c.text for c in shared[: max(6, len(shared) // 2)]], story.rng(wid)
        )
        example = next((c for c in shared if c.text in choices and c.text != cell.text), None)
        if example is None:
            continue  # the same words stand in a shared sentence too: no fair choice
        counterpart = story.counterparts(k, example.sentences[0])[:1]
        name, others = story.names[k], [n for j, n in enumerate(story.names) if j != k]
        if len(others) == 1:
            prompt = f"Which of these sentences from {name}'s version has no counterpart in {others[0]}'s?"
        else:
            prompt = f"Which of these sentences from {name}'s version is in no other version?"
        evidence = (story.evidence(k, cell.sentences), *counterpart)
        exercises.append(
            Exercise(
                wid,
                "added_or_left_out",
                prompt,
                choices,
                cell.text,
                f"Only {name} carried it ({evidence[0].where}). The other sentences are in "
                f"{'the other version' if len(others) == 1 else 'other versions'} too, e.g. "
                + _cite([story.evidence(k, example.sentences), *counterpart]),
                evidence,
            )
        )
    return exercises


def _shifts(alignment: Alignment) -> list[tuple[int, object]]:
    """(rank in b minus rank in a, unit) for paired units, in b's order: < 0 moved up."""
    paired = [u for u in alignment.units if u.a and u.b]
    rank_a = {id(u): r for r, u in enumerate(sorted(paired, key=lambda u: min(u.a)))}
    return [(r - rank_a[id(u)], u) for r, u in enumerate(sorted(paired, key=lambda u: min(u.b)))]


def order_matters(story: _Story) -> list[Exercise]:
    """Per pair with a move: the passage that moved most, and what the first paragraphs hold."""
    exercises = []
    for k, alignment in story.pairs:
        shifts = _shifts(alignment)
        most = max((abs(s) for s, _ in shifts), default=0)
        if not most or not any(u.moved for u in alignment.units):
            continue
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
        still = [story.sentence(k, min(u.b)) for s, u in shifts if abs(s) * 2 <= most]
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
                )
            )
        exercises.extend(_stops_early(story, k, a_ids, b_ids))
    return exercises[: story.per_kind]


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
    later = [j for j in range(len(story.c.sentences[t])) if story.paragraph(t, j) >= TOP]
    rest = [j for j in later if j not in missed]
    wrong = list(dict.fromkeys(missed))[:3]
    wrong += rng.sample(rest, min(3 - len(wrong), len(rest)))
    if not wrong:
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
        )
    ]


def _cell(story: _Story, v: int, i: int, w: int) -> tuple[int, ...]:
    """Version ``w``'s sentences in the unit of version ``v``'s sentence ``i``."""
    unit = story.unit_of.get((v, i))
    return unit.cells[w].sentences if unit and unit.cells[w] else ()


def label_check(story: _Story) -> list[Exercise]:
    """How an outlet describes a person or group whom another outlet describes otherwise."""
    lexicon, candidates = load_lexicon(), []
    frame = story.labels[story.labels["outlet"].isin([story.names[k] for k in story.versions])]

    def only_in(phrase: str, outlet: str) -> bool:  # as written, not merely as extracted
        return [story.names[k] for k in story.versions if story.holding(phrase, k)] == [outlet]

    for _, rows in frame.groupby("entity", sort=False):
        own = [
            row
            for row in rows[rows["where"] == "body"].itertuples()
            if rows["outlet"].nunique() > 1 and only_in(row.descriptor, row.outlet)
        ]
        if own:  # the most loaded label that no other outlet uses
            candidates.append(max(own, key=lambda r: r.load))
    exercises = []
    for row in story.pick("label", candidates, rank=lambda r: -r.load):
        k = story.names.index(row.outlet)
        theirs = frame[(frame["entity"] == row.entity) & (frame["outlet"] != row.outlet)]
        real = [d for d in dict.fromkeys(theirs["descriptor"]) if not story.holding(d, k)]
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
        if not wrong or len(exercises) >= story.per_kind:
            continue
        evidence = [story.label_evidence(row)]
        firsts = []  # each other outlet's first label, from the body when it has one
        for _, rows in theirs.sort_values(
            "where", key=lambda w: w == "caption", kind="stable"
        ).groupby("outlet", sort=False):
            first = next(rows.itertuples())
            evidence.append(story.label_evidence(first))
            firsts.append(first.descriptor)
        said = "; ".join(
            f"{o}: {', '.join(map(_q, dict.fromkeys(g['descriptor'])))}"
            for o, g in theirs.groupby("outlet", sort=False)
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
            )
        )
    return exercises


def quote_check(story: _Story) -> list[Exercise]:
    """The longest quote of each status found, changed quotes first."""
    best: dict[str, tuple] = {}
    for k, _ in story.pairs:
        for row in compare_quotes(story.c.articles[story.spine], story.c.articles[k]).itertuples():
            status = "missing" if row.status.startswith("only_") else row.status
            length = len((row.quote_a or row.quote_b).split())
            if status not in best or length > best[status][0]:
                best[status] = (length, k, row)
    exercises = []
    for status in [s for s in ("altered", "truncated", "missing", "verbatim") if s in best]:
        _, k, row = best[status]
        found = {
            v: story.evidence(v, [i])
            for v, i in ((story.spine, _int(row.a_sentence)), (k, _int(row.b_sentence)))
            if i is not None
        }
        x, y = (k, story.spine) if row.status == "only_b" else (story.spine, k)
        quote = row.quote_b if row.status == "only_b" else row.quote_a
        shown = Evidence(story.names[x], quote, found[x].where if x in found else "")
        choices = (*QUOTE_SCALE, f"not quoted in {story.names[y]}'s version")
        why = {
            "verbatim": "Both give the same words (quote marks and punctuation aside).",
            "altered": f"Words differ: {row.diff}.",
            "truncated": f"One gives only part of it: {row.diff}.",
            "missing": f"{story.names[y]} does not quote it.",
        }[status]
        wid = _id("quote_check", story.c.articles[x].id, story.c.articles[y].id, _key(quote))
        exercises.append(
            Exercise(
                wid,
                "quote_check",
                f"{story.names[x]} quotes {row.speaker or 'someone'} (below). How does "
                f"{story.names[y]}'s version give this quote?",
                choices,  # a scale, in its own order: not shuffled
                choices[("verbatim", "altered", "truncated", "missing").index(status)],
                f"{why} {_cite(found.values(), quote[:40])}",
                tuple(found.values()),
                (shown,),
            )
        )
    return exercises[: story.per_kind]


_MAKERS = {kind: globals()[kind] for kind in EXERCISE_KINDS}


def make_exercises(
    story_or_articles: Story | Comparison | Article | Iterable[Article],
    *,
    kinds: Iterable[str] | None = None,
    seed: int = 0,
    per_kind: int = 3,
) -> list[Exercise]:
    """Exercises on the versions of a story: at most ``per_kind`` of each kind, in kind order.

    Takes a :class:`Story`, a :class:`Comparison` or the articles that are versions of
    one story. ``kinds`` picks from :data:`EXERCISE_KINDS`. The same ``seed`` gives the
    same exercises and choices. Only what the versions support is made: a single version
    gives none, a story with no move no ``order_matters``.
    """
    wanted = (
        EXERCISE_KINDS
        if kinds is None
        else tuple(dict.fromkeys([kinds] if isinstance(kinds, str) else kinds))
    )
    unknown = [k for k in wanted if k not in EXERCISE_KINDS]
    wanted = tuple(k for k in EXERCISE_KINDS if k in wanted)
    if isinstance(per_kind, bool) or not isinstance(per_kind, int) or per_kind < 0:
        raise InvalidOption(f"per_kind={per_kind!r}: pass a whole number, 0 or more")
    if unknown:
        raise InvalidOption(
            f"no exercise kind {', '.join(map(repr, unknown))}; pick from {', '.join(EXERCISE_KINDS)}"
        )
    if isinstance(story_or_articles, Comparison):
        comparison = story_or_articles
    else:
        if isinstance(story_or_articles, Story):
            articles = list(story_or_articles.articles)
        elif isinstance(story_or_articles, Article):
            articles = [story_or_articles]
        else:
            articles = list(story_or_articles)
        if len(articles) < 2 or not wanted:
            return []
        comparison = compare(articles)
    story = _Story(comparison, seed, per_kind)
    if len(story.versions) < 2:
        return []  # no two versions tell the same story: nothing to compare
    made = [exercise for kind in wanted for exercise in _MAKERS[kind](story)]
    return [e for e in made if not e.choices or len(set(e.choices)) > 1]
