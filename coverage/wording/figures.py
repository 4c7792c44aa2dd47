"""Two versions of a story -> the figures one updated against the other, across sentences.

A figure changed inside one pair of sentences is an ordinary word edit (``kinds``). A
figure also changes where the aligner paired nothing, or paired other sentences: a later
take counts "nearly 160 passengers" in a sentence of its own where the first said "with
128 passengers on board". Two signs, each needing the old figure to be gone from the new
version and the new one absent from the old (a figure that is still there was kept, not
updated):

- **the same thing counted once in each**: one noun counted exactly once in each version,
  with another figure, in the same part of the story (within a third of its length or
  two sentences: news puts a fact at about the same depth) ("128 passengers" / "nearly 160 passengers");
- **one count in linked sentences**: a sentence and its restatement (a caption, a dek,
  a rewritten lead) that each count exactly one thing, with another figure ("some 1,500
  people cheered" / "thousands flocking").

Both counts need the same outcome words after them (``count_outcomes``: "30 people were
killed" / "200 people were injured" count two groups). Years, times, ages and measures (``figure_units``: days, grams, percent) are left out:
two of them in two versions are as often two facts as one fact updated.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import islice

from ..model import Alignment
from ..names.memo import shared
from ..normalize import STOPWORDS, word_key
from ..vocabulary import listed

__all__ = ["Count", "counts", "updated_figures"]

_COUNT = re.compile(
    r"(?<![\w.,:$£€-])(?P<figure>\d[\d,.]*\d|\d|hundreds|thousands|dozens|millions)"
    r"(?:\s+of)?\s+(?P<noun>[a-z][a-z-]{2,})\b",
    re.IGNORECASE,
)
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_WORD = re.compile(r"[\w'-]+")
OUTCOME_WORDS = 4  # words after a count read for its outcome ("were killed", "injured")
_UNITS = listed("figure_units", "classroom_magnitudes")
_OUTCOMES = listed("count_outcomes")


@dataclass(frozen=True, kw_only=True)
class Count:
    """A figure counting a noun in one sentence: ``128 passengers`` at ``start:end``."""

    sentence: int
    figure: str
    noun: str
    start: int
    end: int
    outcome: frozenset[str] = frozenset()  # count_outcomes words just after: killed, injured
    figure_end: int = 0  # where the figure alone ends ("thousands" of "thousands flocking")

    @property
    def value(self) -> str:
        """The figure as one key: ``1,500`` -> ``1500``, ``Thousands`` -> ``thousands``."""
        return self.figure.replace(",", "").casefold()


def counts(sentences) -> list[Count]:
    """Every figure that counts a noun, sentence by sentence.

    >>> [(c.figure, c.noun) for c in counts(["Some 1,500 people and hundreds of police."])]
    [('1,500', 'people'), ('hundreds', 'police')]
    >>> counts(["In 2017, 25 grams, at 12:31 and 25-year-old Niyazi; 2021 and 2022."])
    []
    """
    found = []
    for i, sentence in enumerate(sentences):
        for m in _COUNT.finditer(sentence):
            figure, noun = m.group("figure"), word_key(m.group("noun"))
            if _YEAR.fullmatch(figure) or noun in STOPWORDS or noun in _UNITS:
                continue
            # only the next few words: a scan to the sentence's end made a long
            # sentence of counts quadratic
            words = islice(_WORD.finditer(sentence, m.end()), OUTCOME_WORDS)
            after = {word_key(w.group()) for w in words}
            found.append(
                Count(
                    sentence=i,
                    figure=figure,
                    noun=noun,
                    start=m.start(),
                    end=m.end(),
                    outcome=frozenset((after | {noun}) & _OUTCOMES),
                    figure_end=m.end("figure"),
                )
            )
    return found


def _counts(sentences: Sequence[str]) -> list[Count]:
    """:func:`counts` made once a version within a ``sharing`` block: a story's spine is
    compared with each other version in turn. Shared: read it, never change it."""
    sentences = tuple(sentences)
    return shared(("figure_counts", sentences), lambda: counts(sentences))


def _values(sentences: Sequence[str]) -> set[str]:
    """Every figure a version writes, counted or not (so one still there is not updated)."""
    sentences = tuple(sentences)
    return shared(("figure_values", sentences), lambda: _find_values(sentences))


def _find_values(sentences: Sequence[str]) -> set[str]:
    text = " ".join(sentences)
    digits = {f.replace(",", "") for f in re.findall(r"\d[\d,.]*\d|\d", text)}
    return digits | {w.casefold() for w in re.findall(r"[A-Za-z]+", text)}


def _grouped(found: list[Count], field: str) -> dict:
    """Counts by one field (noun or sentence), in order: one pass, not one scan a key."""
    groups = defaultdict(list)
    for c in found:
        groups[getattr(c, field)].append(c)
    return groups


def updated_figures(alignment: Alignment) -> list[tuple[Count, Count]]:
    """Pairs (a count, b count) of a figure updated between two versions, by the two signs
    in the module's docstring, in order of the a sentence."""
    a_counts, b_counts = _counts(alignment.a_sentences), _counts(alignment.b_sentences)
    if not (a_counts and b_counts):
        return []  # both signs need a count on each side
    values: list[set[str]] = []  # every figure each version writes, read at the first pair

    def updated(x: Count, y: Count) -> bool:
        if x.value == y.value or x.outcome != y.outcome:
            return False
        if not values:
            values.extend((_values(alignment.a_sentences), _values(alignment.b_sentences)))
        return x.value not in values[1] and y.value not in values[0]

    def near(x: Count, y: Count) -> bool:  # the same part of the story (lead, body, end)
        a_at = x.sentence / max(len(alignment.a_sentences), 1)
        b_at = y.sentence / max(len(alignment.b_sentences), 1)
        return abs(a_at - b_at) <= 1 / 3 or abs(x.sentence - y.sentence) <= 2

    pairs = []
    a_nouns, b_nouns = _grouped(a_counts, "noun"), _grouped(b_counts, "noun")
    for noun in sorted(a_nouns.keys() & b_nouns.keys()):
        xs, ys = a_nouns[noun], b_nouns[noun]
        if len(xs) == 1 and len(ys) == 1 and updated(xs[0], ys[0]) and near(xs[0], ys[0]):
            pairs.append((xs[0], ys[0]))
    a_in, b_in = _grouped(a_counts, "sentence"), _grouped(b_counts, "sentence")
    for link in alignment.restatements:
        xs, ys = a_in.get(link.a, []), b_in.get(link.b, [])
        if len(xs) == 1 and len(ys) == 1 and updated(xs[0], ys[0]):
            pairs.append((xs[0], ys[0]))
    return sorted(set(pairs), key=lambda p: (p[0].sentence, p[0].start, p[1].sentence, p[1].start))
