"""Stories -> related coverage: groups of stories about the same people and places.

Looser than a story: related stories are different reports (a meeting, then a visit a
month later) that name the same people and places, close in time. Each story becomes a
profile of the capitalised names it mentions, weighted by rarity across the corpus; an
inverted index over the rarer names proposes pairs (no all-pairs scoring); groups form
by average linkage, so one shared name does not chain two topics together.
"""

from __future__ import annotations

import calendar
import contextlib
import heapq
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from ..model import Article
from ..normalize import STOPWORDS, sound_key, word_key
from ..reading.articles import with_sentences
from ..vocabulary import words
from .stories import Story, find_stories

__all__ = ["Related", "RelatedLink", "find_related", "names_in", "GENERIC_NAMES"]

_NAME = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)?")
# Capitalised words that name no one and nowhere: days, months, titles, offices.
GENERIC_NAMES = (
    frozenset(d.lower() for d in calendar.day_name)
    | frozenset(m.lower() for m in calendar.month_name[1:] if m != "May")  # May: also a name
    | words("related_generic")
)


@dataclass(frozen=True, kw_only=True)
class RelatedLink:
    """Why two stories are related: the names they share (most telling first), and a score."""

    a: str
    b: str
    names: tuple[str, ...]
    score: float


@dataclass(frozen=True)
class Related:
    """Stories about the same people and places, close in time: related, not the same story."""

    id: str
    stories: tuple[Story, ...]
    names: tuple[str, ...]
    links: tuple[RelatedLink, ...] = ()

    @property
    def articles(self) -> tuple[Article, ...]:
        return tuple(a for story in self.stories for a in story.articles)

    def _repr_html_(self) -> str:
        from ..present.render import stories_html

        return stories_html(self.stories, caption=f"{self.id}: {', '.join(self.names[:8])}")

    def __repr__(self) -> str:
        ids = ", ".join(s.id for s in self.stories)
        return f"<Related {self.id!r}: {ids}; names {', '.join(self.names[:6]) or '-'}>"


def names_in(sentences: Iterable[str]) -> Counter[str]:
    """Capitalised words inside sentences, counted: the people and places a text names.

    A sentence's first word counts only if the text also capitalises it elsewhere; days,
    months and titles (:data:`GENERIC_NAMES`) are left out; possessives are folded.

    >>> sorted(names_in(["Russia met Libya's Haftar on Friday.", "Then Haftar left Russia."]).items())
    [('Haftar', 2), ('Libya', 1), ('Russia', 2)]
    """
    inside: Counter[str] = Counter()
    first: list[str] = []
    for text in sentences:
        for position, match in enumerate(_NAME.finditer(text)):
            word = re.sub(r"['\u2019]s$", "", match.group())
            if len(word) < 2 or not word[0].isupper() or word_key(word).startswith("i'"):
                continue
            if word_key(word) in STOPWORDS or word_key(word) in GENERIC_NAMES:
                continue
            (first.append(word) if position == 0 else inside.update([word]))
    for word in first:
        if word in inside:
            inside[word] += 1
    return inside


def _profile(story: Story) -> tuple[Counter[str], dict[str, str], list[date]]:
    """A story's names by sound key, a surface form for each, and its known dates."""
    counts: Counter[str] = Counter()
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    dates = []
    for article in story.articles:
        texts = [s.text for s in with_sentences(article).sentences]
        for word, count in names_in(texts).items():
            counts[sound_key(word)] += count
            forms[sound_key(word)][word] += count
        with contextlib.suppress(ValueError):  # "unknown" or a date we cannot read
            dates.append(date.fromisoformat((article.date or "")[:10]))
    return counts, {k: f.most_common(1)[0][0] for k, f in forms.items()}, dates


def _fold_demonyms(profiles: list[Counter[str]]) -> list[Counter[str]]:
    """Count 'Libyan' as 'Libya' and 'Syrian' as 'Syria' when the corpus names both."""
    known = {k for p in profiles for k in p}
    fold = {}
    for key in known:
        for cut in (1, 2):  # lbn -> lb (Libyan -> Libya), rsn -> rs (Russian -> Russia)
            if len(key) - cut >= 2 and key.endswith("n") and key[:-cut] in known:
                fold[key] = key[:-cut]
                break
    out = []
    for profile in profiles:
        folded: Counter[str] = Counter()
        for key, count in profile.items():
            folded[fold.get(key, key)] += count
        out.append(folded)
    return out


def find_related(
    stories_or_articles: Sequence[Story] | Sequence[Article],
    *,
    threshold: float = 0.08,
    min_shared: int = 2,
    days: int | None = 365,
    progress: bool = False,
) -> list[Related]:
    """Group stories that name the same people and places, close in time.

    Each story is a profile of the names it mentions, weighted by how rare each name is
    across the corpus (a name every story mentions weighs nothing); two stories are as
    related as their profiles' cosine similarity, and count only when they share at
    least ``min_shared`` names. Groups form by average linkage: a group joins another
    while the mean similarity between their stories is at least ``threshold``, and
    never so that the known dates of one group span more than ``days`` days
    (``days=None`` ignores dates; unknown dates never block). Articles are grouped into
    stories first (:func:`find_stories`). Every story is in exactly one group; groups
    come in order of their first story, ids ``related-1``, ``related-2``...
    """
    items = list(stories_or_articles)
    if items and not all(isinstance(x, Story) for x in items):
        items = find_stories(items, progress=progress)
    names, forms, spans = [], {}, []
    for story in items:
        counts, surface, dates = _profile(story)
        names.append(counts)
        forms.update({k: v for k, v in surface.items() if k not in forms})
        spans.append((min(dates), max(dates)) if dates else None)
    names = _fold_demonyms(names)
    frequency = Counter(k for profile in names for k in profile)
    weight = {k: math.log(len(items) / df) for k, df in frequency.items()}
    vectors = [{k: (1 + math.log(c)) * weight[k] for k, c in p.items() if weight[k]} for p in names]
    norms = [math.sqrt(sum(v * v for v in vec.values())) or 1.0 for vec in vectors]

    cap = max(50, int(4 * math.sqrt(len(items))))  # names this common propose no pairs
    postings: dict[str, list[int]] = defaultdict(list)
    for index, vector in enumerate(vectors):
        for key in vector:
            if frequency[key] <= cap:
                postings[key].append(index)
    edges: dict[tuple[int, int], float] = {}
    for members in postings.values():
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                if (i, j) in edges:
                    continue
                shared = vectors[i].keys() & vectors[j].keys()
                if len(shared) < min_shared:
                    edges[i, j] = 0.0
                    continue
                dot = sum(vectors[i][k] * vectors[j][k] for k in shared)
                edges[i, j] = dot / (norms[i] * norms[j])
    groups = _average_linkage(len(items), edges, spans, threshold=threshold, days=days)

    out = []
    for number, members in enumerate(groups, 1):
        inside = [(i, j) for i in members for j in members if i < j and edges.get((i, j), 0) > 0]
        links = tuple(
            RelatedLink(
                a=items[i].id,
                b=items[j].id,
                names=tuple(
                    forms[k] for k in _telling(vectors[i].keys() & vectors[j].keys(), weight)
                ),
                score=round(edges[i, j], 4),
            )
            for i, j in sorted(inside, key=lambda p: (-edges[p], p))
        )
        mentions = Counter(k for i in members for k in vectors[i])
        common = [k for k, n in mentions.items() if n >= 2]
        shared_names = tuple(forms[k] for k in _telling(common, weight, mentions))
        out.append(
            Related(f"related-{number}", tuple(items[i] for i in members), shared_names, links)
        )
    return out


def _telling(keys, weight: dict[str, float], mentions: Counter | None = None) -> list[str]:
    """Names ordered by how many stories share them, then by rarity: at most twelve."""
    mentions = mentions or Counter()
    return sorted(keys, key=lambda k: (-mentions[k], -weight[k], k))[:12]


def _average_linkage(
    count: int,
    edges: dict[tuple[int, int], float],
    spans: list[tuple[date, date] | None],
    *,
    threshold: float,
    days: int | None,
) -> list[list[int]]:
    """Agglomerate the best pair of groups while their mean similarity reaches threshold.

    Only stories joined by an edge have a similarity; all other pairs count as 0, so a
    group that merely touches another through one story does not swallow it.
    """
    members = {k: [k] for k in range(count)}
    span = dict(enumerate(spans))
    between: dict[int, dict[int, float]] = defaultdict(dict)
    for (i, j), score in edges.items():
        between[i][j] = between[j][i] = score
    heap = [(-s, i, j) for (i, j), s in edges.items() if s >= threshold]
    heapq.heapify(heap)
    version = dict.fromkeys(members, 0)
    while heap:
        _, i, j = heapq.heappop(heap)
        if i not in members or j not in members:
            continue
        mean = between[i].get(j, 0.0) / (len(members[i]) * len(members[j]))
        if mean < threshold:
            continue
        joined = _join_spans(span[i], span[j])
        if days is not None and joined and (joined[1] - joined[0]).days > days:
            continue
        keep, gone = min(i, j), max(i, j)
        members[keep] += members.pop(gone)
        members[keep].sort()
        span[keep] = joined
        version[keep] += 1
        for other, score in between.pop(gone).items():
            between[other].pop(gone, None)
            if other == keep:
                continue
            total = between[keep].get(other, 0.0) + score
            between[keep][other] = between[other][keep] = total
        for other, total in between[keep].items():
            if other in members:
                mean = total / (len(members[keep]) * len(members[other]))
                if mean >= threshold:
                    heapq.heappush(heap, (-mean, min(keep, other), max(keep, other)))
    return sorted(members.values())


def _join_spans(x, y):
    if x is None or y is None:
        return x or y
    return (min(x[0], y[0]), max(x[1], y[1]))
