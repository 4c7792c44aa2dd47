"""A comparison -> what every exercise kind looks up about the story, as Evidence.

:class:`_Story` holds the versions that tell one story (strong pairs with the spine),
their sentences and paragraphs, where the other versions carry a sentence, the labels
outlets give people, and every classified word edit; and the seeded random generators.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from dataclasses import replace
from functools import cached_property

from ..corpus.comparison import Comparison
from ..corpus.stories import STRONG
from ..model import Alignment, Unit
from ..wording.kinds import classify_changes
from ..wording.labels import describe_labels
from ..wording.records import Change, Labels
from .checks import is_prose
from .text import Evidence, _keys


class _Story:
    """A comparison with what every kind looks up: sentences, paragraphs, counterparts."""

    def __init__(self, comparison: Comparison, seed: int, per_kind: int) -> None:
        self.c, self.seed, self.per_kind = comparison, seed, per_kind
        self.memo: dict = {}  # what builders compute once per story
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

    def unit(self, alignment: Alignment, number: int) -> Unit:
        """The unit numbered ``number`` of a pair's alignment."""
        return next(u for u in alignment.units if u.unit == number)

    def prose(self, k: int, i: int) -> bool:
        """Whether version ``k``'s sentence ``i`` is article prose (not a caption or heading)."""
        return self._prose[k][i]

    @cached_property
    def _prose(self) -> list[list[bool]]:
        return [
            [is_prose(s.text, article.paragraphs[s.paragraph]) for s in article.sentences]
            for article in self.c.articles
        ]

    @cached_property
    def _strong(self) -> set[tuple[int, int]]:
        found = set()
        for k, alignment in self.pairs:
            for unit in alignment.units:
                if unit.a and unit.b and unit.score >= STRONG:
                    found |= {(self.spine, i) for i in unit.a} | {(k, j) for j in unit.b}
        return found

    def strong(self, k: int, i: int) -> bool:
        """Whether version ``k``'s sentence ``i`` is surely told by another version too."""
        return (k, i) in self._strong

    @cached_property
    def _whole(self) -> list[str]:
        return [" ".join(text) for text in self._keyed]

    def carries(self, k: int, words: Iterable[str]) -> bool:
        """Whether version ``k``'s text holds every one of ``words`` (keys), anywhere."""
        return all(f" {w} " in self._whole[k] for w in words)

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
        return Evidence(outlet=self.names[k], text=text, where=f"paragraph {where}")

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
    def labels(self) -> Labels:
        """``describe_labels`` of the versions, ``outlet`` as the comparison labels them."""
        found = describe_labels(self.c.articles, alignments=list(self.c.alignments.values()))
        label: dict[str, str] = {}
        for article, name in zip(self.c.articles, self.names, strict=True):
            label.setdefault(article.id, name)
        return Labels(
            replace(row, outlet=label.get(row.article)) for row in found if row.descriptor != ""
        )

    def label_evidence(self, row) -> Evidence:
        if row.where == "body":
            return self.evidence(self.names.index(row.outlet), [row.index])
        return Evidence(
            outlet=row.outlet,
            text=row.sentence,
            where="caption" if row.where == "caption" else "standfirst",
        )

    @cached_property
    def changes(self) -> list[tuple[int, Alignment, Change]]:
        """Every classified word edit of every pair: (version, alignment, change)."""
        return [(k, a, row) for k, a in self.pairs for row in classify_changes(a)]
