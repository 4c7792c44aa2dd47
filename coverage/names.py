"""Articles -> clusters of a name's spellings (:class:`NameGroup`) and corpus-wide entities.

Spellings are found, not listed. Every name part of every mention (``mentions.py``) is a
spelling; two spellings become **candidates** when they look alike (:func:`same_name`:
the same letters once case, accents, spacing and "al-" are folded, or the same
consonant skeleton, :func:`normalize.sound_key`, with enough letters in common), and a
candidate pair is merged only when something **confirms** it:

- the spellings are nearly the same (skeleton equal and 85% of letters in common:
  Gaddafi / Qaddafi, Dbeibah / Dbeibeh, Zelensky / Zelenskyy);
- two full names agree part by part, with one part nearly or exactly the same
  (Muammar Qaddafi ~ Moamer Kadhafi; Mohammad Younes Menfi ~ Mohamed al-Menfi) -- so
  Vladimir Putin and Jean Patin stay apart;
- an alignment shows one replaced by the other at the same place (``alignments=``);
- the editable table ``data/name_variants.csv`` lists the pair (Kiev / Kyiv).

Limits: a surname that is never written with a first name is merged only on a near
spelling or a listed pair; two different people with look-alike full names
(Mohammed Hassan, Mohamed Hasan) merge; names in non-Latin scripts are compared as
written.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from rapidfuzz.distance import Indel

from .errors import InputNotFound, MissingColumn
from .mentions import (
    DEMONYMS,
    ORG_HEADS,
    PLACE_HEADS,
    TITLE_WORDS,
    Mention,
    as_articles,
    extract_mentions,
    part_key,
)
from .model import Alignment, Article
from .normalize import sound_key, word_key

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "Occurrence",
    "NameGroup",
    "NameGroups",
    "same_name",
    "skeleton",
    "find_name_variants",
    "find_mentions",
    "NAME_COLUMNS",
]

NAME_COLUMNS = (
    "name",
    "variant",
    "article",
    "outlet",
    "where",
    "index",
    "start",
    "end",
    "sentence",
)
_SKIP = TITLE_WORDS | ORG_HEADS | PLACE_HEADS | DEMONYMS
_POSSESSIVE = re.compile(r"['\u2019\u2018\u02bc]s$")


@lru_cache(maxsize=100_000)
def skeleton(key: str) -> str:
    """A name key's consonant skeleton (``sound_key``, with x read as ks).

    >>> skeleton("alexander") == skeleton("aleksander"), skeleton("kadhafi")
    (True, 'kdf')
    """
    return sound_key(key.replace("x", "ks"))


def same_name(a: str, b: str) -> bool:
    """Could ``a`` and ``b`` be spellings of one name? (A candidate; context confirms.)

    >>> same_name("Qaddafi", "Kadhafi"), same_name("Muammar", "Moamer")
    (True, True)
    >>> same_name("Abdul Hamid", "Abdulhamid"), same_name("Jin-ping", "Jinping")
    (True, True)
    >>> same_name("Libya", "Liberia"), same_name("Austria", "Australia")
    (False, False)
    >>> same_name("Mohammed", "Mahmoud"), same_name("Khalifa", "Khaled")
    (False, False)
    """
    ka, kb = part_key(a), part_key(b)
    if ka == kb:
        return bool(ka)
    if min(len(ka), len(kb)) < 3:
        return False
    sa, sb = skeleton(ka), skeleton(kb)
    letters = Indel.normalized_similarity(ka, kb)
    if sa == sb and len(sa) >= 2:
        return letters >= 0.6
    return letters >= 0.85 and sa[1:] == sb[1:]  # Yevkurov / Evkurov: only the first sound


def _near(a: str, b: str) -> bool:
    """Nearly the same spelling: same skeleton and 85% of letters in common."""
    return skeleton(a) == skeleton(b) and Indel.normalized_similarity(a, b) >= 0.85


@dataclass(frozen=True)
class Occurrence:
    """One spelling of a name at one place: offsets are in ``sentence``."""

    spelling: str
    article: str
    outlet: str
    where: str
    index: int
    start: int
    end: int
    sentence: str


@dataclass(frozen=True)
class NameGroup:
    """The spellings of one name found in a corpus, where each occurs, and why they merged."""

    name: str
    variants: tuple[str, ...]
    occurrences: tuple[Occurrence, ...]
    evidence: tuple[str, ...] = ()
    kind: str = "name"

    def counts(self) -> dict[str, int]:
        """How often each variant occurs."""
        counted = Counter(o.spelling for o in self.occurrences)
        return {v: counted[v] for v in self.variants}

    def outlets(self) -> dict[str, tuple[str, ...]]:
        """Which outlets use each variant."""
        found: dict[str, list[str]] = {v: [] for v in self.variants}
        for o in self.occurrences:
            if o.outlet not in found[o.spelling]:
                found[o.spelling].append(o.outlet)
        return {v: tuple(outlets) for v, outlets in found.items()}

    def to_frame(self) -> pd.DataFrame:
        """One row per occurrence: name, variant, article, outlet, where, index, start, end, sentence."""
        import pandas as pd

        rows = [
            (
                self.name,
                o.spelling,
                o.article,
                o.outlet,
                o.where,
                o.index,
                o.start,
                o.end,
                o.sentence,
            )
            for o in self.occurrences
        ]
        return pd.DataFrame(rows, columns=list(NAME_COLUMNS))

    def __repr__(self) -> str:
        counts = ", ".join(f"{v} ({n})" for v, n in self.counts().items())
        return f"<NameGroup {self.name!r}: {counts}>"

    def _repr_html_(self) -> str:
        from .render import name_groups_html

        return name_groups_html([self])


class NameGroups(list):
    """The list :func:`find_name_variants` returns; it displays itself as a table."""

    def to_frame(self) -> pd.DataFrame:
        """Every occurrence of every group (columns as :meth:`NameGroup.to_frame`)."""
        import pandas as pd

        frames = [group.to_frame() for group in self]
        return (
            pd.concat(frames, ignore_index=True)
            if frames
            else pd.DataFrame(columns=list(NAME_COLUMNS))
        )

    def _repr_html_(self) -> str:
        from .render import name_groups_html

        return name_groups_html(self)


# ---- spellings -------------------------------------------------------------------------


def _part_offsets(mention: Mention) -> list[tuple[str, int, int]]:
    """Each name part of a mention with its offsets in the sentence."""
    found, at = [], mention.start
    for part in mention.parts:
        start = mention.sentence.find(part, at, mention.end)
        if start < 0:
            continue
        found.append((part, start, start + len(part)))
        at = start + len(part)
    return found


def _usable(part: str) -> bool:
    key = word_key(part)
    return not part.isupper() and key not in _SKIP and len(part_key(part)) >= 2


@dataclass
class _Spellings:
    """Occurrences of each spelling, the key each folds to, and the full names seen."""

    occurrences: dict[str, list[Occurrence]]
    key: dict[str, str]
    full_names: dict[tuple[str, ...], str]  # part keys of names of 2+ parts -> as written
    units: dict[tuple[str, int, int, str, int], list[str]]  # mention -> spellings of its parts


def _collect(mentions: Sequence[Mention]) -> _Spellings:
    singles = {part_key(p) for m in mentions for p in m.parts if _usable(p)}
    occurrences: dict[str, list[Occurrence]] = defaultdict(list)
    key: dict[str, str] = {}
    full_names: dict[tuple[str, ...], str] = {}
    units: dict = {}
    for m in mentions:
        if m.kind == "group":
            continue
        parts = _part_offsets(m)
        spellings: list[tuple[str, int, int]] = []
        k = 0
        while k < len(parts):
            part, start, end = parts[k]
            if k + 1 < len(parts):  # "Abdul Hamid" where "Abdulhamid" occurs elsewhere
                joined = m.sentence[start : parts[k + 1][2]]
                if part_key(joined) in singles and " " in joined:
                    spellings.append((joined, start, parts[k + 1][2]))
                    k += 2
                    continue
            if _usable(part):
                spellings.append((part, start, end))
            k += 1
        for spelling, start, end in spellings:
            key[spelling] = part_key(spelling)
            occurrences[spelling].append(
                Occurrence(spelling, m.article, m.outlet, m.where, m.index, start, end, m.sentence)
            )
        if len(spellings) >= 2:
            written = " ".join(s for s, _, _ in spellings)
            full_names.setdefault(tuple(key[s] for s, _, _ in spellings), written)
        units[(m.article, m.where, m.index, m.sentence, m.start)] = [s for s, _, _ in spellings]
    return _Spellings(dict(occurrences), key, full_names, units)


# ---- confirmation ----------------------------------------------------------------------


def _candidates(keys: Sequence[str]) -> set[tuple[str, str]]:
    """Pairs of distinct keys that :func:`same_name` accepts.

    Both of its rules need the skeletons to agree after their first sound, so only keys
    in one such block are compared: near-linear in the number of spellings.
    """
    blocks: dict[str, list[str]] = defaultdict(list)
    for k in keys:
        blocks[skeleton(k)[1:]].append(k)
    pairs = set()
    for block in blocks.values():
        block.sort()
        for i, a in enumerate(block):
            for b in block[i + 1 :]:
                if same_name(a, b):
                    pairs.add((a, b))
    return pairs


def _agree(x: str, y: str, candidates: set[tuple[str, str]]) -> bool:
    return x == y or (min(x, y), max(x, y)) in candidates


def _full_name_pairs(
    full_names: dict[tuple[str, ...], str], candidates: set[tuple[str, str]]
) -> dict[tuple[str, str], str]:
    """Candidate pairs confirmed by two full names agreeing first to first, last to last."""
    by_last: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for name in full_names:
        by_last[name[-1]].append(name)
    neighbours: dict[str, set[str]] = defaultdict(set)
    for a, b in candidates:
        neighbours[a].add(b)
        neighbours[b].add(a)
    confirmed: dict[tuple[str, str], str] = {}
    for last, names in by_last.items():
        for other_last in sorted({last} | neighbours[last]):
            for f1 in names:
                for f2 in by_last.get(other_last, ()):
                    if f1 >= f2 or not _agree(f1[0], f2[0], candidates):
                        continue
                    pairs = [(f1[0], f2[0]), (f1[-1], f2[-1])]
                    if not any(
                        x == y or Indel.normalized_similarity(x, y) >= 0.7 for x, y in pairs
                    ):
                        continue
                    for x, y in pairs:
                        if x != y:
                            confirmed.setdefault(
                                (min(x, y), max(x, y)), f"{full_names[f1]} ~ {full_names[f2]}"
                            )
    return confirmed


def _aligned_words(a_words: tuple[str, ...], b_words: tuple[str, ...]) -> list[tuple[str, str]]:
    """Capitalised words replaced one for one ("Muammar Qaddafi" -> "Moamer Kadhafi",
    "post-Qaddafi" -> "post-Kadhafi"), or the whole phrase when the counts differ."""
    if len(a_words) != len(b_words):
        return [(" ".join(a_words), " ".join(b_words))]
    pairs = []
    for x, y in zip(a_words, b_words, strict=True):
        xs, ys = x.split("-"), y.split("-")
        pieces = zip(xs, ys, strict=True) if len(xs) == len(ys) else [(x, y)]
        pairs.extend((p, q) for p, q in pieces if p != q)
    return pairs


def _aligned_pairs(alignments: Iterable[Alignment], candidates: set[tuple[str, str]]) -> dict:
    """Candidate pairs that an alignment shows replacing one another at the same place."""
    confirmed = {}
    for alignment in alignments:
        for unit in alignment.units:
            for edit in unit.edits:
                if edit.tag != "replace":
                    continue
                for x, y in _aligned_words(edit.a_words, edit.b_words):
                    if not (x[:1].isupper() and y[:1].isupper()):
                        continue
                    a, b = part_key(_POSSESSIVE.sub("", x)), part_key(_POSSESSIVE.sub("", y))
                    pair = (min(a, b), max(a, b))
                    if a != b and (pair in candidates or same_name(a, b)):
                        confirmed.setdefault(
                            pair, f"aligned in {alignment.a_name} / {alignment.b_name}"
                        )
    return confirmed


@lru_cache(maxsize=1)
def _bundled_known() -> tuple[tuple[str, str], ...]:
    text = resources.files(__package__).joinpath("resources/name_variants.csv").read_text("utf-8")
    return _parse_known(text, name="data/name_variants.csv")


def _parse_known(text: str, *, name: str) -> tuple[tuple[str, str], ...]:
    reader = csv.DictReader(io.StringIO(text))
    columns = [c.strip().lower() for c in reader.fieldnames or ()]
    if "name" not in columns or "variant" not in columns:
        raise MissingColumn(f"{name} needs the columns name,variant (and an optional note)")
    pairs = []
    for row in reader:
        row = {(k or "").strip().lower(): (v or "").strip() for k, v in row.items()}
        if row["name"] and row["variant"] and not row["name"].startswith("#"):
            pairs.append((row["name"], row["variant"]))
    return tuple(pairs)


def _known_pairs(
    known: str | Path | Iterable[tuple[str, str]] | None,
) -> tuple[tuple[str, str], ...]:
    if known is None:
        return _bundled_known()
    if isinstance(known, (str, Path)):
        path = Path(known)
        if not path.is_file():
            raise InputNotFound(f"{path} does not exist; pass a CSV with the columns name,variant")
        return _parse_known(path.read_text(encoding="utf-8-sig"), name=str(path))
    return tuple((str(a), str(b)) for a, b in known)


class _Union:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def join(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _cluster(
    spellings: _Spellings, alignments: Iterable[Alignment], known: tuple[tuple[str, str], ...]
) -> tuple[_Union, dict[str, list[tuple[str, str, str]]]]:
    keys = sorted(set(spellings.key.values()))
    candidates = _candidates(keys)
    reasons: dict[tuple[str, str], str] = {}
    for a, b in sorted(candidates):
        if _near(a, b):
            reasons[a, b] = "near spelling"
    for pair, why in _full_name_pairs(spellings.full_names, candidates).items():
        reasons.setdefault(pair, "full names " + why)
    for pair, why in _aligned_pairs(alignments, candidates).items():
        reasons.setdefault(pair, why)
    present = set(keys)
    for a, b in known:
        ka, kb = part_key(a), part_key(b)
        if ka != kb:
            reasons.setdefault((min(ka, kb), max(ka, kb)), "listed in name_variants.csv")
    reasons = {pair: why for pair, why in reasons.items() if set(pair) <= present}
    union = _Union()
    for k in keys:
        union.find(k)
    evidence: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for (a, b), why in sorted(reasons.items()):
        union.join(a, b)
        evidence[a].append((a, b, why))
    return union, evidence


def _groups(
    spellings: _Spellings, union: _Union, evidence: dict[str, list[tuple[str, str, str]]]
) -> dict[str, NameGroup]:
    """Every cluster as a NameGroup (singletons too), keyed by its root key."""
    order = {s: n for n, s in enumerate(spellings.occurrences)}
    members: dict[str, list[str]] = defaultdict(list)
    for spelling, key in spellings.key.items():
        members[union.find(key)].append(spelling)
    groups = {}
    for root, names in members.items():
        names.sort(key=lambda s: (-len(spellings.occurrences[s]), order[s]))
        occurrences = [o for s in names for o in spellings.occurrences[s]]
        shown: dict[str, list[str]] = defaultdict(list)  # key -> its spellings, most used first
        for name in names:
            shown[spellings.key[name]].append(name)
        why = [
            f"{' = '.join(same)}: the same letters (case, accents, spacing or al- differ)"
            for same in shown.values()
            if len(same) > 1
        ]
        why += [
            f"{shown[a][0]} ~ {shown[b][0]}: {reason}"
            for k in sorted(shown)
            for a, b, reason in evidence.get(k, ())
        ]
        groups[root] = NameGroup(names[0], tuple(names), tuple(occurrences), tuple(why))
    return groups


def _analyse(
    articles: Sequence[Article],
    alignments: Iterable[Alignment],
    known: str | Path | Iterable[tuple[str, str]] | None,
) -> tuple[tuple[Mention, ...], _Spellings, _Union, dict[str, NameGroup]]:
    mentions = extract_mentions(articles)
    spellings = _collect(mentions)
    union, evidence = _cluster(spellings, alignments, _known_pairs(known))
    return mentions, spellings, union, _groups(spellings, union, evidence)


def find_name_variants(
    articles: Article | Iterable[Article],
    *,
    alignments: Iterable[Alignment] = (),
    known: str | Path | Iterable[tuple[str, str]] | None = None,
    min_variants: int = 2,
) -> NameGroups:
    """Clusters of spellings of one name across ``articles``, most frequent first.

    ``alignments`` add evidence (a name replaced by a variant at the same place);
    ``known`` is the table of known variants: ``None`` for ``data/name_variants.csv``,
    a path to another CSV (columns ``name, variant``), pairs, or ``()`` for none. Only
    groups with at least ``min_variants`` spellings are returned.
    """
    _, _, _, groups = _analyse(as_articles(articles), alignments, known)
    kept = [g for g in groups.values() if len(g.variants) >= min_variants]
    kept.sort(key=lambda g: (-len(g.occurrences), g.name))
    return NameGroups(kept)


def find_mentions(
    articles: Article | Iterable[Article],
    *,
    alignments: Iterable[Alignment] = (),
    known: str | Path | Iterable[tuple[str, str]] | None = None,
) -> tuple[Mention, ...]:
    """Every name mention, with ``entity`` the same canonical name in every article.

    "Moamer Kadhafi" (one outlet) and "Muammar Qaddafi" (another) get one entity, spelled
    the way the corpus spells each part most often; a surname alone refers to the full
    name of its article, or to the one full name in the corpus that ends in it.
    """
    articles = as_articles(articles)
    mentions, spellings, union, groups = _analyse(articles, alignments, known)
    canonical = {s: groups[union.find(k)].name for s, k in spellings.key.items()}
    parts_of: dict[tuple[str, str], list[str]] = {}
    for m in mentions:
        spelled = spellings.units.get((m.article, m.where, m.index, m.sentence, m.start))
        if spelled and m.text == m.entity:
            parts_of[m.article, m.entity] = [canonical[s] for s in spelled]
    full: dict[tuple[str, str], str] = {}  # (first, last) canonical -> longest canonical name
    lasts: dict[str, set[str]] = defaultdict(set)
    for parts in parts_of.values():
        if len(parts) >= 2:
            name = " ".join(parts)
            key = (parts[0], parts[-1])
            if len(name) > len(full.get(key, "")):
                full[key] = name
    for (_, last), name in full.items():
        lasts[last].add(name)
    resolved = []
    for m in mentions:
        parts = parts_of.get((m.article, m.entity))
        entity = m.entity
        if parts and len(parts) >= 2:
            entity = full[parts[0], parts[-1]]
        elif parts and len(lasts.get(parts[0], ())) == 1:
            entity = next(iter(lasts[parts[0]]))
        elif parts:
            entity = parts[0]
        resolved.append(replace(m, entity=entity))
    return tuple(resolved)
