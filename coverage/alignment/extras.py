"""An article's lines outside the body (title, dek, captions) -> units and restatement links.

The reader keeps a page's title, standfirst (dek) and photo captions apart from the
body. Aligned as body sentences they would be paired by position or joined to the lead;
here they follow the conventions of the news-dev gold instead:

- a **title** pairs only with the other version's title (never with a body sentence);
- a **dek or caption** pairs with a dek or caption of the other version when the two
  say the same thing (a unit), and is linked to every body sentence across that it
  restates (restatement links beside the units, found as for body leftovers: see
  :mod:`restate`), so a dek that restates the lead is not a "merge" with it;
- a line that pairs with nothing is ``added`` or ``dropped`` like any sentence.

The lines are numbered after the body sentences, so a body sentence keeps its index in
``article.sentences`` whatever lines the page has.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Article
from .restate import Link, Thresholds, leftover_links
from .similarity import Scorer, fold, sentence_keys

__all__ = ["Extra", "extras_of", "ExtraLinks", "link_extras"]

TITLE = "title"


@dataclass(frozen=True)
class Extra:
    kind: str  # "title", "dek" or "caption"
    text: str


@dataclass(frozen=True)
class ExtraLinks:
    """Pairs of lines (each an index into the full lists) and restatement links."""

    pairs: tuple[tuple[int, int, float], ...]
    restatements: tuple[Link, ...]


def extras_of(version: object) -> tuple[Extra, ...]:
    """The title, dek and captions of an Article (nothing for texts and lists)."""
    if not isinstance(version, Article):
        return ()
    lines = [Extra(TITLE, version.title), Extra("dek", version.dek)]
    lines += [Extra("caption", c) for c in version.captions]
    return tuple(line for line in lines if line.text and line.text.strip())


def link_extras(
    a_texts: Sequence[str],
    b_texts: Sequence[str],
    a_kinds: Sequence[str],
    b_kinds: Sequence[str],
    *,
    pair_threshold: float,
    title_threshold: float,
    thresholds: Thresholds,
    smoothing: float,
    blend: float,
) -> ExtraLinks:
    """Pair the lines outside the body with their like, and link them to what they restate.

    ``a_texts``/``b_texts`` are body sentences then lines; ``a_kinds``/``b_kinds`` say
    each one's kind (``"body"`` for a body sentence).
    """
    a_folded = [fold(t) for t in a_texts]
    b_folded = [fold(t) for t in b_texts]
    scorer = Scorer(
        [sentence_keys(t) for t in a_folded],
        [sentence_keys(t) for t in b_folded],
        a_folded,
        b_folded,
        smoothing=smoothing,
        blend=blend,
    )
    a_lines = [i for i, k in enumerate(a_kinds) if k != "body"]
    b_lines = [j for j, k in enumerate(b_kinds) if k != "body"]
    a_body = [i for i, k in enumerate(a_kinds) if k == "body"]
    b_body = [j for j, k in enumerate(b_kinds) if k == "body"]

    pairs = _pair_lines(scorer, a_kinds, b_kinds, a_lines, b_lines, pair_threshold, title_threshold)
    # a dek or caption restates body sentences across (a title never does)
    links = [
        *_restating(scorer, "a", [i for i in a_lines if a_kinds[i] != TITLE], b_body, thresholds),
        *_restating(scorer, "b", [j for j in b_lines if b_kinds[j] != TITLE], a_body, thresholds),
    ]
    unique = {(link.a, link.b): link for link in reversed(links)}
    return ExtraLinks(pairs, tuple(sorted(unique.values(), key=lambda link: (link.b, link.a))))


def _restating(scorer: Scorer, side: str, lines, body, thresholds: Thresholds) -> list[Link]:
    """Links from each of ``side``'s lines to the body sentences across that it restates."""
    own_keys, other_keys = (
        (scorer.a_keys, scorer.b_keys) if side == "a" else (scorer.b_keys, scorer.a_keys)
    )
    found = []
    for line in lines:
        score_of = (
            (lambda k, line=line: scorer.pair(line, k))
            if side == "a"
            else (lambda k, line=line: scorer.pair(k, line))
        )
        partners = [(k, other_keys[k], None) for k in body]
        for k, score, method in leftover_links(
            own_keys[line], partners, scorer, thresholds, score_of
        ):
            a, b = (line, k) if side == "a" else (k, line)
            found.append(Link(a, b, side, score, method))
    return found


def _pair_lines(scorer, a_kinds, b_kinds, a_lines, b_lines, pair_threshold, title_threshold):
    """Lines with lines, best first, one to one: a title only with a title, a dek or
    caption with a dek or caption."""
    offers = []
    for i in a_lines:
        for j in b_lines:
            if (a_kinds[i] == TITLE) != (b_kinds[j] == TITLE) or scorer.by_chance(i, j):
                continue
            if (
                len(scorer.a_keys[i] & scorer.b_keys[j]) < 2
                and min(len(scorer.a_keys[i]), len(scorer.b_keys[j])) > 1
            ):
                continue
            score = scorer.pair(i, j)
            least = title_threshold if a_kinds[i] == TITLE else pair_threshold
            if score >= least:
                offers.append((-score, i, j))
    pairs, used_a, used_b = [], set(), set()
    for negative, i, j in sorted(offers):
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            pairs.append((i, j, min(-negative, 0.999)))
    return tuple(pairs)
