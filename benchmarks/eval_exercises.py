"""Classroom exercises against human gold: how many are keyed wrong, junk, or repeat another.

Data: the development set ``../shared/eval-public/news-dev/`` beside this checkout (six
real wire stories, 5-6 versions each; ``gold.json`` holds every version's sentences, the
sentence links of every version pair, the role of deks, captions, subheads and credit
lines, and typed word edits). Each story's versions are read from their clean ``.txt``
files, ``make_exercises`` runs on them, and every exercise is checked from what a student
sees (the prompt, the texts shown, the choices, the key), never from the generator's own
records:

- **wrong**: the gold contradicts the key. A sentence keyed "in no other version" that the
  gold links to another version; a detail keyed "left out" that the gold records as
  reworded (curated edits only: the README warns that edits composed for pairs without
  the reference version can garble which words were replaced); a change keyed a name, label or spelling that the gold types as something
  else; a label that is an honorific or a job title; a phrase keyed to one outlet that
  another outlet's text holds; a quote keyed "not quoted" that the other version prints.
- **junk**: built on a headline, caption, dek, subhead or credit line; a phrase cut
  mid-phrase or with no word that carries meaning; token spacing ("MOSCOW ( AFP ) -") or
  the generator's vocabulary ("insert", ``dropped_detail``) in student text.
- **duplicate**: two exercises on the same item (the same phrase, or the same sentence
  keyed twice), whether or not their keys agree.

    .venv/bin/python benchmarks/eval_exercises.py [--data DIR] [--per-kind 3] [--seed 0] [-v]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import re
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import comparative_coverage as cc
from comparative_coverage.classroom.exercises import CHANGE_CHOICES

_REPO = Path(__file__).resolve().parents[1]
# beside the checkout (CI), or beside the folder of git worktrees
DEFAULT = next(
    (
        root / "shared" / "eval-public" / "news-dev"
        for root in (_REPO.parent, _REPO.parent.parent)
        if (root / "shared" / "eval-public" / "news-dev").is_dir()
    ),
    _REPO.parent / "shared" / "eval-public" / "news-dev",
)
ROLES = ("headline", "dek", "caption", "pullquote", "embed", "subhead", "attribution")
HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "mx"}
OFFICES = {  # job titles: what someone is, not how an outlet describes them
    "president", "former president", "prime minister", "minister", "foreign minister",
    "first minister", "leader", "chief", "secretary", "spokesman", "spokeswoman",
    "spokesperson", "chairman", "speaker", "senator", "rep", "representative", "governor",
    "mayor", "king", "queen", "general", "minority leader", "majority leader",
}  # fmt: skip
FUNCTION = {
    "a", "an", "the", "of", "in", "on", "at", "by", "to", "for", "from", "with", "as", "and",
    "or", "but", "that", "which", "who", "its", "his", "her", "their", "is", "was", "were",
    "be", "been", "has", "have", "had", "this", "these", "those", "it", "into", "than",
}  # fmt: skip
_GOLD_KINDS = {  # the gold kinds each keyed category agrees with
    "dropped_attribution": {"attribution", "dateline"},
    "added_attribution": {"attribution", "dateline"},
    "label": {"label"},
    "name_variant": {"name"},
    "spelling": {"spelling", "typo", "format"},
    "honorific": {"honorific"},
    "added_detail": {"rewording", "number", "label", "attribution", "dateline"},
    "dropped_detail": {"rewording", "number", "label", "attribution", "dateline"},
}
_CATEGORY = {text: key for key, text in CHANGE_CHOICES.items()}


def fold(text: str) -> str:
    """Case, accents, quote glyphs and punctuation folded away: letters and digits only."""
    text = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in text if ch.isalnum())


def fold_words(text: str) -> list[str]:
    return [w for w in (fold(t) for t in re.split(r"[\s\-–—/]+", text)) if w]


@dataclass
class GoldStory:
    """One story's gold, by version name: sentences, roles, links and typed edits."""

    name: str
    versions: list[str]
    outlets: dict[str, str]
    sentences: dict[str, list[str]]
    roles: dict[tuple[str, int], str] = field(default_factory=dict)
    links: dict[tuple[str, int], set[tuple[str, int]]] = field(default_factory=dict)
    body_links: dict[tuple[str, str], set[tuple[int, int]]] = field(default_factory=dict)
    edits: dict[tuple[str, str], list[dict]] = field(default_factory=dict)

    def text(self, version: str) -> str:
        return " ".join(self.sentences[version])


def _short(outlet: str) -> str:
    return re.sub(r"\s*\(.*?\)\s*$", "", outlet).strip() or outlet


def load_gold(folder: Path) -> GoldStory:
    gold = json.loads((folder / "gold.json").read_text("utf-8"))
    versions = list(gold["versions"])
    story = GoldStory(
        folder.name,
        versions,
        {v: _short(gold["versions"][v]["outlet"]) for v in versions},
        {v: gold["versions"][v]["sentences"] for v in versions},
    )
    for v in versions:
        for i, units in enumerate(gold["versions"][v]["cu_map"]):
            if "T" in units:
                story.roles[(v, i)] = "headline"
    for pair in gold["pairs"]:
        a, b = pair["a"], pair["b"]
        for i, j in pair["pairs_flat"]:
            story.links.setdefault((a, i), set()).add((b, j))
            story.links.setdefault((b, j), set()).add((a, i))
        story.body_links[(a, b)] = {tuple(x) for x in pair["pairs_flat_body"]}
        story.body_links[(b, a)] = {(j, i) for i, j in pair["pairs_flat_body"]}
        for group in pair["alignments"]:
            for side, k, role in re.findall(r"([ab])\[(\d+)\]=(\w+)", group["relation"]):
                story.roles[(a if side == "a" else b, int(k))] = role
            edits = [*group["typed_edits"], *(e for g in group["edges"] for e in g["typed_edits"])]
            for edit in edits:
                record = {**edit, "a_sents": group["a"], "b_sents": group["b"]}
                record["curated"] = group.get("edits_source", "").startswith("curated")
                story.edits.setdefault((a, b), []).append(record)
                flipped = {**record, "a": edit["b"], "b": edit["a"], "a_sents": group["b"]}
                flipped["b_sents"] = group["a"]
                flipped["op"] = {"deleted": "inserted", "inserted": "deleted"}.get(
                    edit["op"], edit["op"]
                )
                story.edits.setdefault((b, a), []).append(flipped)
        for side, version, key in (("a", a, "i"), ("b", b, "j")):
            for item in pair[f"{side}_unaligned"]:
                # a role note is the role alone ("caption; ..."), not a sentence that
                # starts with its word ("attribution moved in front of the quotation")
                role = item["note"].split(";")[0].strip() if item["note"] else ""
                if role in ROLES:
                    story.roles[(version, item[key])] = role
    return story


def read_versions(folder: Path, story: GoldStory) -> list[cc.Article]:
    """Each version from its clean text file, named by its outlet."""
    articles = []
    for v in story.versions:
        [article] = cc.read_articles(folder / f"{v}.txt")[:1]
        articles.append(dataclasses.replace(article, outlet=story.outlets[v], id=f"{v}#1"))
    return articles


class Locator:
    """Where a text a student sees stands among a version's gold sentences."""

    def __init__(self, story: GoldStory) -> None:
        self.story = story
        self.joined, self.spans, self.words = {}, {}, {}
        for v, sentences in story.sentences.items():
            parts, spans, at = [], [], 0
            for s in sentences:
                f = fold(s)
                parts.append(f)
                spans.append((at, at + len(f)))
                at += len(f)
            self.joined[v], self.spans[v] = "".join(parts), spans

    def version(self, outlet: str) -> str | None:
        return next((v for v, o in self.story.outlets.items() if o == outlet), None)

    def find(self, v: str, text: str) -> list[int]:
        """The gold sentences of version ``v`` that ``text`` (a sentence or a run) covers."""
        key = fold(text.replace("…", " "))
        pieces = [p for p in (fold(x) for x in text.split("…")) if len(p) >= 12] or [key]
        found: set[int] = set()
        for piece in pieces:
            at = self.joined[v].find(piece)
            if at < 0:  # sentences that do not stand together: find each
                parts = re.split(r"(?<=[.!?”\"])\s+", text)
                if len(parts) > 1:
                    found |= {i for part in parts for i in self.find(v, part)}
                continue
            found |= {i for i, (s, e) in enumerate(self.spans[v]) if s < at + len(piece) and e > at}
        return sorted(found)

    def holds(self, v: str, phrase: str) -> bool:
        """Whether version ``v`` prints ``phrase`` as whole words ("vice" is not in "services")."""
        key = " ".join(fold_words(phrase))
        if v not in self.words:
            self.words[v] = f" {' '.join(fold_words(self.story.text(v)))} "
        return bool(key) and f" {key} " in self.words[v]


@dataclass(frozen=True)
class Verdict:
    exercise: cc.Exercise
    wrong: tuple[str, ...] = ()
    junk: tuple[str, ...] = ()


def _quoted(prompt: str) -> list[str]:
    return re.findall(r"“([^”]+)”", prompt)


def _named(prompt: str, outlets: list[str]) -> list[str]:
    """The outlets a prompt names, in the order it names them."""
    hits = [(prompt.find(o), o) for o in outlets if o in prompt]
    return [o for _, o in sorted(hits)]


def _student_text(e: cc.Exercise) -> str:
    return " ".join([e.prompt, *e.choices])


def junk_reasons(e: cc.Exercise, loc: Locator, key_sentences: list[tuple[str, int]]) -> list[str]:
    reasons = []
    text = _student_text(e)
    if re.search(r"\w \( \w|\w \)|\w [,.;:!?](?:\s|$)|\s[‘“\"] ", text):
        reasons.append("token spacing")
    if re.search(r"[a-z]_[a-z]|\b(?:insert|delete|equal|unmatched|only_this)\b", text) or (
        re.search(r"\b(?:insert|delete|replace) ", e.explanation)
    ):
        reasons.append("internal word")
    roles = {loc.story.roles.get(k) for k in key_sentences} - {None}
    if e.kind == "headline_check":  # about headlines by design: any other role is junk
        roles -= {"headline"}
    if roles:
        reasons.append(f"built on a {'/'.join(sorted(roles))}")
    for phrase in _quoted(e.prompt) if e.kind in ("spot_the_change", "who_said_it") else ():
        words = [w.casefold().strip(".,;:’'\"") for w in phrase.split()]
        content = [w for w in words if w and w not in FUNCTION and not w.isdigit()]
        if not content:
            reasons.append(f"no word that carries meaning: {phrase!r}")
        elif words[-1] in FUNCTION or words[-1].endswith(("’s", "'s")) or len(words) > 7:
            reasons.append(f"a fragment: {phrase!r}")
    return reasons


def _edits_over(loc: Locator, a: str, b: str, ia: list[int], ib: list[int], pa: str, pb: str):
    """Gold typed edits of pair (a, b) in those sentences whose words overlap the phrases."""
    fa, fb = set(fold_words(pa)), set(fold_words(pb))
    found = []
    for edit in loc.story.edits.get((a, b), []):
        if not (set(edit["a_sents"]) & set(ia) or set(edit["b_sents"]) & set(ib)):
            continue
        ea, eb = set(fold_words(edit["a"] or "")), set(fold_words(edit["b"] or ""))
        if (fa and fa & ea) or (fb and fb & eb):
            found.append(edit)
    return found


def check_spot(e: cc.Exercise, loc: Locator) -> tuple[list[str], list]:
    (sa, sb), wrong = e.shown[:2], []
    a, b = loc.version(sa.outlet), loc.version(sb.outlet)
    ia, ib = loc.find(a, sa.text), loc.find(b, sb.text)
    keys = [(a, i) for i in ia] + [(b, j) for j in ib]
    if not any((b, j) in loc.story.links.get((a, i), ()) for i in ia for j in ib):
        wrong.append("the two sentences shown do not tell the same thing")
    phrases = _quoted(e.prompt)
    pa = next((p for p in phrases if fold(p) in fold(sa.text) and fold(p) not in fold(sb.text)), "")
    pb = next((p for p in phrases if fold(p) in fold(sb.text) and fold(p) not in fold(sa.text)), "")
    category = _CATEGORY.get(e.answer, "")
    kinds = _GOLD_KINDS.get(category, set())
    over = _edits_over(loc, a, b, ia, ib, pa, pb)
    if over and not any(x["kind"] in kinds for x in over):
        wrong.append(f"gold types it {sorted({x['kind'] for x in over})}, keyed {e.answer!r}")
    if category.endswith("detail"):
        gone, other = (pa, b) if category.startswith("dropped") else (pb, a)
        curated = [x for x in over if x["curated"]]  # composed lists can garble the op
        if curated and all(x["op"] == "substitution" for x in curated):
            wrong.append(f"gold: {gone!r} is reworded, not {category.split('_')[0]}")
        words = [w for w in fold_words(gone) if w not in FUNCTION]
        if words and all(w in loc.joined[other] for w in words):
            wrong.append(f"the other version carries {gone!r}")
    return wrong, keys


def check_who(e: cc.Exercise, loc: Locator) -> tuple[list[str], list]:
    [phrase] = _quoted(e.prompt)[:1] or [""]
    wrong, owner = [], loc.version(e.answer)
    if not loc.holds(owner, phrase):
        wrong.append(f"{e.answer} does not print {phrase!r}")
    others = [c for c in e.choices if c != e.answer and loc.holds(loc.version(c), phrase)]
    if others:
        wrong.append(f"{others} print {phrase!r} too")
    keys = [(owner, i) for i in loc.find(owner, phrase)]
    return wrong, keys


def check_added(e: cc.Exercise, loc: Locator) -> tuple[list[str], list]:
    outlets = list(loc.story.outlets.values())
    owner = loc.version(e.evidence[0].outlet)
    named = [o for o in _named(e.prompt, outlets) if o != e.evidence[0].outlet]
    others = {loc.version(o) for o in named} or set(loc.story.versions) - {owner}
    wrong = []

    def linked(text: str) -> bool:
        return any(
            w in others
            for i in loc.find(owner, text)
            for w, _ in loc.story.links.get((owner, i), ())
        )

    if linked(e.answer):
        wrong.append("the gold links the keyed sentence to another version")
    alone = [c[:40] for c in e.choices if c != e.answer and not linked(c)]
    if alone:
        wrong.append(f"wrong choices no other version carries either: {alone}")
    return wrong, [(owner, i) for i in loc.find(owner, e.answer)]


def check_order(e: cc.Exercise, loc: Locator) -> tuple[list[str], list]:
    outlets = list(loc.story.outlets.values())
    named = _named(e.prompt, outlets)
    if "reader stops" in e.prompt or len(named) < 2:
        owner = loc.version(named[0]) if named else None
        return [], [(owner, i) for i in loc.find(owner, e.answer)] if owner else []
    b, a = loc.version(named[0]), loc.version(named[1])  # "B tells the story ... than A"
    links = sorted(loc.story.body_links.get((a, b), ()))
    rank_a = {i: r for r, i in enumerate(sorted({i for i, _ in links}))}
    rank_b = {j: r for r, j in enumerate(sorted({j for _, j in links}))}
    shift = {}
    for i, j in links:
        shift.setdefault(j, rank_b[j] - rank_a[i])

    def moved(text: str) -> int | None:
        found = [shift[j] for j in loc.find(b, text) if j in shift]
        return max(found, key=abs) if found else None

    wrong, keyed = [], moved(e.answer)
    if keyed is None:
        wrong.append("the gold does not pair the keyed sentence")
    else:
        if ("higher" in e.prompt) != (keyed < 0) and keyed:
            wrong.append("the passage moved the other way")
        beaten = [c[:40] for c in e.choices if c != e.answer and abs(moved(c) or 0) > abs(keyed)]
        if beaten or not keyed:
            wrong.append(f"the keyed sentence did not move most ({keyed}); {beaten}")
    return wrong, [(b, i) for i in loc.find(b, e.answer)]


def check_label(e: cc.Exercise, loc: Locator) -> tuple[list[str], list]:
    named = _named(e.prompt, list(loc.story.outlets.values()))
    owner = loc.version(named[0]) if named else loc.version(e.evidence[0].outlet)
    words = e.answer.casefold().strip(" .,").split()
    wrong = []
    if words and (words[0].strip(".") in HONORIFICS and len(words) == 1):
        wrong.append(f"{e.answer!r} is an honorific")
    if " ".join(words) in OFFICES or " ".join(w for w in words if w != "former") in OFFICES:
        wrong.append(f"{e.answer!r} is a job title")
    if not loc.holds(owner, e.answer):
        wrong.append(f"{named[:1]} does not print {e.answer!r}")
    if any(loc.holds(owner, c) for c in e.choices if c != e.answer and len(fold(c)) > 3):
        wrong.append("the outlet also prints a wrong choice")
    keys = [(owner, i) for i in loc.find(owner, e.evidence[0].text)]
    return wrong, keys


def check_quote(e: cc.Exercise, loc: Locator) -> tuple[list[str], list]:
    quote = e.shown[0]
    x = loc.version(quote.outlet)
    named = [o for o in _named(e.prompt, list(loc.story.outlets.values())) if o != quote.outlet]
    y = loc.version(named[0]) if named else None
    wrong = []
    if y is None:
        return ["no second version named"], []
    whole = loc.holds(y, quote.text)
    words = fold_words(quote.text)
    runs = [" ".join(words[k : k + 5]) for k in range(max(1, len(words) - 4))]
    y_words = " ".join(fold_words(loc.story.text(y)))
    part = any(r in y_words for r in runs)
    if e.answer == "word for word the same" and not whole:
        wrong.append("the other version does not print the quote word for word")
    if e.answer.startswith("not quoted") and part:
        wrong.append("the other version prints (part of) the quote")
    if e.answer in ("with words changed", "shortened") and whole:
        wrong.append("the other version prints the quote word for word")
    keys = [(x, i) for i in loc.find(x, quote.text)]
    return wrong, keys


def check_source(e: cc.Exercise, loc: Locator) -> tuple[list[str], list]:
    """The keyed source stands in the outlet's sentence; no other choice is named there."""
    owner = loc.version(e.evidence[0].outlet)
    found = loc.find(owner, e.evidence[0].text)
    said = set(fold_words(" ".join(loc.story.sentences[owner][i] for i in found)))
    wrong = []
    if not found:
        return ["the sentence is not in the outlet's text"], []
    if not set(fold_words(e.answer)) <= said:
        wrong.append(f"the sentence does not name {e.answer!r}")
    for choice in e.choices:
        words = {w for w in fold_words(choice) if w not in FUNCTION}
        if choice != e.answer and words and words <= said:
            wrong.append(f"the sentence names the wrong choice {choice!r} too")
    return wrong, [(owner, i) for i in found]


def check_headline(e: cc.Exercise, loc: Locator) -> tuple[list[str], list]:
    """The keyed outlet's headline is the one quoted; no other choice's headline is."""
    [title] = _quoted(e.prompt)[:1] or [""]
    heads = {
        v: [
            i
            for i in range(len(loc.story.sentences[v]))
            if loc.story.roles.get((v, i)) == "headline"
        ]
        for v in loc.story.versions
    }

    def runs(v: str) -> bool:
        return any(fold(title) == fold(loc.story.sentences[v][i]) for i in heads[v])

    owner, wrong = loc.version(e.answer), []
    if not runs(owner):
        wrong.append(f"{e.answer}'s gold headline is not {title!r}")
    others = [c for c in e.choices if c != e.answer and runs(loc.version(c))]
    if others:
        wrong.append(f"{others} run the same headline")
    return wrong, [(owner, i) for i in heads[owner]]


def _owner_sentence(e: cc.Exercise, loc: Locator) -> tuple[str, list[int], str] | None:
    """The outlet the evidence quotes, where its sentence stands, and its folded words
    (space-padded, for whole-word tests); None when the sentence is not in its text."""
    owner = loc.version(e.evidence[0].outlet)
    found = loc.find(owner, e.evidence[0].text)
    if not found:
        return None
    return (
        owner,
        found,
        f" {' '.join(fold_words(' '.join(loc.story.sentences[owner][i] for i in found)))} ",
    )


def check_figure(e: cc.Exercise, loc: Locator) -> tuple[list[str], list]:
    """The keyed figure stands in the outlet's sentence; no other choice stands there."""
    located = _owner_sentence(e, loc)
    if located is None:
        return ["the sentence is not in the outlet's text"], []
    owner, found, said = located
    wrong = []
    if f" {' '.join(fold_words(e.answer))} " not in said:
        wrong.append(f"the sentence does not give {e.answer!r}")
    for choice in e.choices:
        number = fold_words(choice)[-1:]
        if choice != e.answer and number and f" {number[0]} " in said:
            wrong.append(f"the sentence gives the wrong choice {choice!r} too")
    return wrong, [(owner, i) for i in found]


def check_name(e: cc.Exercise, loc: Locator) -> tuple[list[str], list]:
    """The keyed spelling stands in the outlet's sentence; its text holds no other choice."""
    located = _owner_sentence(e, loc)
    if located is None:
        return ["the sentence is not in the outlet's text"], []
    owner, found, said = located
    wrong = []
    if f" {' '.join(fold_words(e.answer))} " not in said:
        wrong.append(f"the sentence does not spell it {e.answer!r}")
    held = [c for c in e.choices if c != e.answer and loc.holds(owner, c)]
    if held:
        wrong.append(f"the outlet also writes {held}")
    return wrong, [(owner, i) for i in found]


def _said(said: str, phrase: str) -> bool:
    """Whether folded, space-padded words ``said`` hold ``phrase`` as whole words."""
    key = " ".join(fold_words(phrase))
    return bool(key) and f" {key} " in said


def check_honorific(e: cc.Exercise, loc: Locator) -> tuple[list[str], list]:
    """The outlet prints the keyed form and the full name the prompt quotes; it never
    prints a wrong choice on its own (not as part of the key or the full name)."""
    named = _named(e.prompt, list(loc.story.outlets.values()))
    owner = loc.version(named[0]) if named else None
    if owner is None:
        return ["no outlet named"], []
    [first] = _quoted(e.prompt)[:1] or [""]
    text = f" {' '.join(fold_words(loc.story.text(owner)))} "
    wrong = []
    if not _said(text, e.answer):
        wrong.append(f"{named[0]} never writes {e.answer!r}")
    if not _said(text, first):
        wrong.append(f"{named[0]} never writes {first!r}")
    longer = [e.answer, first, *e.choices]
    for choice in e.choices:
        if choice == e.answer:
            continue
        key = f" {' '.join(fold_words(choice))} "
        alone = text.count(key)
        for other in longer:
            other_key = f" {' '.join(fold_words(other))} "
            if other_key != key and key in other_key:
                alone -= text.count(other_key) * other_key.count(key)
        if alone > 0:
            wrong.append(f"{named[0]} also writes {choice!r} on its own")
    keys = [(owner, i) for i in loc.find(owner, e.evidence[-1].text)]
    return wrong, keys


def check_attribution(e: cc.Exercise, loc: Locator) -> tuple[list[str], list]:
    """The keyed introduction stands in the outlet's sentence; no wrong choice does."""
    located = _owner_sentence(e, loc)
    if located is None:
        return ["the sentence is not in the outlet's text"], []
    owner, found, said = located
    wrong = []
    if not _said(said, e.answer):
        wrong.append(f"the sentence does not introduce the quote with {e.answer!r}")
    held = [c for c in e.choices if c != e.answer and _said(said, c)]
    if held:
        wrong.append(f"the sentence also holds {held}")
    return wrong, [(owner, i) for i in found]


def check_style(e: cc.Exercise, loc: Locator) -> tuple[list[str], list]:
    """The keyed way of writing stands in the outlet's sentence, capitals as printed; the
    other way stands nowhere in the outlet's text and somewhere in another version's."""
    owner = loc.version(e.evidence[0].outlet)
    found = loc.find(owner, e.evidence[0].text)
    if not found:
        return ["the sentence is not in the outlet's text"], []

    def prints(text: str, phrase: str) -> bool:
        return bool(re.search(rf"(?<![\w'’\-]){re.escape(phrase)}(?![\w'’\-])", text))

    sentence = " ".join(loc.story.sentences[owner][i] for i in found)
    wrong = []
    if not prints(sentence, e.answer):
        wrong.append(f"the sentence does not write {e.answer!r}")
    for choice in e.choices:
        if choice == e.answer:
            continue
        if prints(loc.story.text(owner), choice):
            wrong.append(f"the outlet also writes {choice!r}")
        if not any(prints(loc.story.text(v), choice) for v in loc.story.versions if v != owner):
            wrong.append(f"no other version writes {choice!r}")
    return wrong, [(owner, i) for i in found]


CHECKS = {
    "style_check": check_style,
    "honorific_check": check_honorific,
    "attribution_check": check_attribution,
    "name_check": check_name,
    "figure_check": check_figure,
    "source_check": check_source,
    "headline_check": check_headline,
    "spot_the_change": check_spot,
    "who_said_it": check_who,
    "added_or_left_out": check_added,
    "order_matters": check_order,
    "label_check": check_label,
    "quote_check": check_quote,
}


def items(e: cc.Exercise, keys: list) -> set:
    """What an exercise is about: its phrases, or its keyed sentence."""
    if e.kind == "name_check":  # one name, whichever spelling is keyed
        return {("phrase", " ".join(fold_words(c))) for c in e.choices if fold(c)}
    if e.kind in (
        "spot_the_change",
        "who_said_it",
        "label_check",
        "honorific_check",
        "style_check",
    ):
        phrases = _quoted(e.prompt) if e.kind in ("spot_the_change", "who_said_it") else [e.answer]
        return {("phrase", " ".join(fold_words(p))) for p in phrases if fold(p)}
    return {("sentence", e.kind.split("_")[0], k) for k in keys[:1]} | (
        {("answer", fold(e.answer))} if len(e.answer) > 60 else set()
    )


def _overlap(x: set, y: set) -> bool:
    for p in x:
        for q in y:
            if p == q or (
                p[0] == q[0] == "phrase"
                and (f" {p[1]} " in f" {q[1]} " or f" {q[1]} " in f" {p[1]} ")
            ):
                return True
    return False


def evaluate(exercises: list[cc.Exercise], story: GoldStory) -> tuple[list[Verdict], int]:
    """Each exercise's verdict, and how many exercises repeat an earlier one."""
    loc, verdicts, seen, duplicates = Locator(story), [], [], 0
    for e in exercises:
        wrong, keys = CHECKS[e.kind](e, loc)
        junk = junk_reasons(e, loc, keys)
        about = items(e, keys)
        if any(_overlap(about, other) for other in seen) or e.id in {
            v.exercise.id for v in verdicts
        }:
            duplicates += 1
            junk = [*junk, "duplicate"]
        seen.append(about)
        verdicts.append(Verdict(e, tuple(wrong), tuple(junk)))
    return verdicts, duplicates


def stories(root: Path) -> list[Path]:
    return sorted(p for p in root.iterdir() if (p / "gold.json").is_file())


def run(root: Path, *, per_kind: int = 3, seed: int = 0):
    """Per story: (name, exercises, verdicts, duplicates)."""
    rows = []
    for folder in stories(root):
        story = load_gold(folder)
        made = cc.make_exercises(read_versions(folder, story), per_kind=per_kind, seed=seed)
        verdicts, duplicates = evaluate(made, story)
        rows.append((folder.name, made, verdicts, duplicates))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT)
    parser.add_argument("--per-kind", type=int, default=3)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("-v", "--verbose", action="store_true", help="print every exercise")
    args = parser.parse_args()
    if not args.data.is_dir():
        print(f"no development set at {args.data}", file=sys.stderr)
        return 2
    rows = run(args.data, per_kind=args.per_kind, seed=args.seed)
    print(f"{'story':36} {'exercises':>9} {'wrong':>5} {'junk':>4} {'dup':>3} kinds")
    total = Counter()
    for name, made, verdicts, duplicates in rows:
        wrong = sum(bool(v.wrong) for v in verdicts)
        junk = sum(bool(v.junk) for v in verdicts)
        kinds = Counter(e.kind for e in made)
        total.update(exercises=len(made), wrong=wrong, junk=junk, dup=duplicates)
        total["stories with >= 5 kinds"] += len(kinds) >= 5
        short = " ".join(f"{k.split('_')[0]}:{n}" for k, n in kinds.items())
        print(f"{name:36} {len(made):9} {wrong:5} {junk:4} {duplicates:3} {len(kinds)} ({short})")
        for v in verdicts:
            if args.verbose or v.wrong or v.junk:
                mark = "WRONG" if v.wrong else ("junk " if v.junk else "ok   ")
                print(f"  {mark} {v.exercise.kind:17} {v.exercise.prompt[:110]}")
                print(f"        key: {v.exercise.answer[:90]}")
                for reason in (*v.wrong, *v.junk):
                    print(f"        - {reason}")
    n = total["exercises"] or 1
    print(
        f"{'total':36} {total['exercises']:9} {total['wrong']:5} {total['junk']:4} "
        f"{total['dup']:3} junk {100 * total['junk'] / n:.1f}%, "
        f"{total['stories with >= 5 kinds']} of {len(rows)} stories with 5+ kinds"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
