"""Articles -> clusters of a name's spellings (:class:`NameGroup`) and corpus-wide entities.

Spellings are found, not listed. Every name part of every mention (``mentions.py``) is a
spelling; two spellings join one group when they look alike and something confirms it
(:func:`name_pairs.confirmed_pairs`: a near spelling, two full names agreeing part by
part, an alignment, or the table ``data/name_variants.csv``). :func:`find_mentions`
then gives every mention one canonical full name as its ``entity``, the same in every
article.

Limits: a surname that is never written with a first name is merged only on a near
spelling or a listed pair; two different people with look-alike full names
(Mohammed Hassan, Mohamed Hasan) merge; names in non-Latin scripts are compared as
written.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from ..model import Alignment, Article
from ..normalize import word_key
from ..reading.articles import as_articles
from ..unionfind import UnionFind
from .memo import shared
from .mentions import Mention, extract_mentions
from .pairs import confirmed_pairs, same_name, skeleton
from .spans import DEMONYMS, ORG_HEADS, PLACE_HEADS, TITLE_WORDS, part_key

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
        from ..present.tables import name_groups_frame

        return name_groups_frame([self])

    def __repr__(self) -> str:
        counts = ", ".join(f"{v} ({n})" for v, n in self.counts().items())
        return f"<NameGroup {self.name!r}: {counts}>"

    def _repr_html_(self) -> str:
        from ..present.render import name_groups_html

        return name_groups_html([self])


class NameGroups(list):
    """The list :func:`find_name_variants` returns; it displays itself as a table."""

    def to_frame(self) -> pd.DataFrame:
        """Every occurrence of every group (columns as :meth:`NameGroup.to_frame`)."""
        from ..present.tables import name_groups_frame

        return name_groups_frame(self)

    def _repr_html_(self) -> str:
        from ..present.render import name_groups_html

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
    usable = {p: _usable(p) for p in {p for m in mentions for p in m.parts}}
    singles = {part_key(p) for p, ok in usable.items() if ok}
    occurrences: dict[str, list[Occurrence]] = defaultdict(list)
    key: dict[str, str] = {}
    full_names: dict[tuple[str, ...], str] = {}
    units: dict = {}
    spelled: dict = {}  # versions of a story repeat sentences: each mention's spellings once
    for m in mentions:
        if m.kind == "group":
            continue
        at = (m.sentence, m.start, m.end, m.parts)
        spellings = spelled.get(at)
        if spellings is None:
            spellings = spelled[at] = _spellings(m, singles, usable)
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


def _spellings(
    m: Mention, singles: set[str], usable: dict[str, bool]
) -> list[tuple[str, int, int]]:
    """The spellings of a mention's parts with their offsets: usable parts, and two parts
    written as one name elsewhere ("Abdul Hamid" where "Abdulhamid" occurs)."""
    parts = _part_offsets(m)
    spellings: list[tuple[str, int, int]] = []
    k = 0
    while k < len(parts):
        part, start, end = parts[k]
        if k + 1 < len(parts):
            joined = m.sentence[start : parts[k + 1][2]]
            if part_key(joined) in singles and " " in joined:
                spellings.append((joined, start, parts[k + 1][2]))
                k += 2
                continue
        if usable[part]:
            spellings.append((part, start, end))
        k += 1
    return spellings


def _cluster(
    spellings: _Spellings,
    alignments: Iterable[Alignment],
    known: str | Path | Iterable[tuple[str, str]] | None,
) -> tuple[UnionFind, dict[str, list[tuple[str, str, str]]]]:
    keys = sorted(set(spellings.key.values()))
    reasons = confirmed_pairs(keys, spellings.full_names, alignments, known)
    forest = UnionFind()
    evidence: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for (a, b), why in sorted(reasons.items()):
        forest.union(a, b)
        evidence[a].append((a, b, why))
    return forest, evidence


def _groups(
    spellings: _Spellings, forest: UnionFind, evidence: dict[str, list[tuple[str, str, str]]]
) -> dict[str, NameGroup]:
    """Every cluster as a NameGroup (singletons too), keyed by its root key."""
    order = {s: n for n, s in enumerate(spellings.occurrences)}
    members: dict[str, list[str]] = defaultdict(list)
    for spelling, key in spellings.key.items():
        members[forest.find(key)].append(spelling)
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


_Analysis = tuple[tuple[Mention, ...], _Spellings, UnionFind, dict[str, NameGroup]]


def _analyse(
    articles: Sequence[Article],
    alignments: Iterable[Alignment],
    known: str | Path | Iterable[tuple[str, str]] | None,
) -> _Analysis:
    """Mentions, spellings, clusters and groups of ``articles`` (read-only: shared).

    With the bundled table of variants, made once per inputs within a
    :func:`memo.sharing` block: a report's labels and name variants of a story share it.
    The inputs are frozen, so they are named by identity (cheap, and exact).
    """
    articles, alignments = tuple(articles), tuple(alignments)
    if known is not None:  # a file may change between calls, pairs may be a generator
        return _analysed(articles, alignments, known)
    key = ("analyse", tuple(map(id, articles)), tuple(map(id, alignments)))
    return shared(key, lambda: _analysed(articles, alignments, None), keep=(articles, alignments))


def _analysed(
    articles: Sequence[Article],
    alignments: Iterable[Alignment],
    known: str | Path | Iterable[tuple[str, str]] | None,
) -> _Analysis:
    mentions = extract_mentions(articles)
    spellings = _collect(mentions)
    forest, evidence = _cluster(spellings, alignments, known)
    return mentions, spellings, forest, _groups(spellings, forest, evidence)


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
    mentions, spellings, forest, groups = _analyse(articles, alignments, known)
    canonical = {s: groups[forest.find(k)].name for s, k in spellings.key.items()}
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
        resolved.append(m if entity == m.entity else replace(m, entity=entity))
    return tuple(resolved)
