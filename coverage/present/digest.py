"""A comparison -> a digest in plain words: what each outlet did to the reference version.

For each version against the reference (the one closest to all the others: likely the
closest to the wire copy; or the one the caller names with ``spine=``): the sentences
it added and dropped (counted, with their first words), how many it reworded, moved,
merged or split, the labels it changed, how it spelled names, and which attributions
it kept, dropped or added. Records only; the report's templates put them in words.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cached_property

from ..corpus.comparison import Comparison
from ..model import Alignment, Article
from ..wording.attributions import compare_attributions
from ..wording.kinds import classify_changes
from ..wording.quotes import compare_quotes
from ..wording.records import AttributionMatches, Changes, QuoteMatches

__all__ = ["OutletDigest", "PairAnalysis", "StoryDigest", "digest", "first_words", "pairs_of"]


@dataclass(frozen=True)
class PairAnalysis:
    """The reference ``a`` against version ``b``: each analysis computed once, when first
    asked, and shared by the digest and every section of the report that shows it."""

    a: Article
    b: Article
    alignment: Alignment

    @cached_property
    def changes(self) -> Changes:
        return classify_changes(self.alignment)

    @cached_property
    def attributions(self) -> AttributionMatches:
        return compare_attributions(self.a, self.b)

    @cached_property
    def quotes(self) -> QuoteMatches:
        return compare_quotes(self.a, self.b, alignment=self.alignment)


def pairs_of(comparison: Comparison) -> tuple[PairAnalysis, ...]:
    """The reference against each other version, in the story's order."""
    spine = comparison.articles[comparison.spine]
    return tuple(
        PairAnalysis(spine, article, comparison.alignments[label])
        for article, label in zip(comparison.articles, comparison.outlets, strict=True)
        if label in comparison.alignments
    )


@dataclass(frozen=True, kw_only=True)
class OutletDigest:
    """What one version did to the reference: sentences, wording, names, attributions.

    ``added``/``dropped`` hold whole sentences (the report shows their first words and
    the full text on hover); a sentence that only restates one of the other side (a
    restatement link, see :class:`~comparative_coverage.model.Restatement`) is in
    ``restated`` as (reference's sentence, this version's), not added or dropped: its
    content is carried in other words. ``relabelled`` and ``names`` are (reference's
    words, this version's words); attributions are ``kind: source`` strings.
    """

    outlet: str
    sentences: int
    added: tuple[str, ...] = ()
    dropped: tuple[str, ...] = ()
    restated: tuple[tuple[str, str], ...] = ()
    same: int = 0
    reworded: int = 0
    merged: int = 0
    split: int = 0
    moved: int = 0
    relabelled: tuple[tuple[str, str], ...] = ()
    names: tuple[tuple[str, str], ...] = ()
    spellings: tuple[tuple[str, str], ...] = ()
    attributions_kept: tuple[str, ...] = ()
    attributions_dropped: tuple[str, ...] = ()
    attributions_added: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class StoryDigest:
    """A story's reference version, why it is the reference, and each other version's digest."""

    reference: str
    reference_sentences: int
    why: str
    outlets: tuple[OutletDigest, ...]


def first_words(sentence: str, count: int = 8) -> str:
    """The first ``count`` words of a sentence, with an ellipsis when there are more.

    >>> first_words("Russia on Friday called for deeper military ties with Libya.", 5)
    'Russia on Friday called for…'
    >>> first_words("Talks ended."), first_words("“We agree,” he said.")
    ('Talks ended.', 'We agree,” he said.')
    """
    words = sentence.strip().lstrip("\"'“‘«„ ").split()
    return " ".join(words) if len(words) <= count else " ".join(words[:count]) + "…"


def _pairs(changes: Changes, kind: str) -> tuple[tuple[str, str], ...]:
    found = []
    for change in changes:
        pair = (change.a_words.strip(), change.b_words.strip())
        if change.kind == kind and (pair[0] or pair[1]) and pair not in found:
            found.append(pair)
    return tuple(found)


def in_running_text(source: str) -> str:
    """A source as it reads inside a sentence: a leading article taken from the start of
    the sentence it was found in is lower-cased.

    >>> in_running_text("The Iranian state television"), in_running_text("A statement by Hamas")
    ('the Iranian state television', 'a statement by Hamas')
    >>> in_running_text("Hamas"), in_running_text("Theresa May"), in_running_text("The")
    ('Hamas', 'Theresa May', 'The')
    """
    first, _, rest = source.partition(" ")
    if first in ("The", "A", "An") and rest:
        return f"{first.lower()} {rest}"
    return source


def _attributions(rows: AttributionMatches) -> dict[str, tuple[str, ...]]:
    """Each source once per status; one the version both kept and dropped (credited twice
    in the reference, once here) is dropped "in 1 of its 2 places", and one it kept and
    credits again is added "once more", not simply dropped or added."""
    found: dict[str, Counter[str]] = {"kept": Counter(), "dropped": Counter(), "added": Counter()}
    for row in rows:
        if row.status in found:
            source = in_running_text(row.source)
            found[row.status][f"{source} ({_KIND_WORDS.get(row.kind, row.kind)})"] += 1
    kept, dropped = found["kept"], found["dropped"]
    return {
        "kept": tuple(kept),
        "dropped": tuple(
            f"{w} in {n} of its {n + kept[w]} places" if w in kept else w
            for w, n in dropped.items()
        ),
        "added": tuple(
            (f"{w} once more" if n == 1 else f"{w} {n} more times") if w in kept else w
            for w, n in found["added"].items()
        ),
    }


_KIND_WORDS = {"photo": "photo credit"}


def unmatched(alignment: Alignment) -> tuple[list[int], list[int], list[tuple[int, int]]]:
    """Sentences of b the reference lacks, of a the version lacks, and restatement links
    that carry an otherwise added or dropped sentence: ``(added, dropped, restated)``.

    A version that says "Hanieh attended the swearing in ceremony" where the reference
    says "He was in Tehran for the inauguration" has neither added nor dropped it: the
    aligner links the two as a restatement, beside the units.
    """
    units = alignment.units
    added = [j for u in units if u.status == "added" for j in u.b]
    dropped = [i for u in units if u.status == "dropped" for i in u.a]
    loose_a, loose_b = set(dropped), set(added)
    restated = [(r.a, r.b) for r in alignment.restatements if r.a in loose_a or r.b in loose_b]
    carried_a = {a for a, _ in restated}
    carried_b = {b for _, b in restated}
    return (
        [j for j in added if j not in carried_b],
        [i for i in dropped if i not in carried_a],
        restated,
    )


def _outlet(pair: PairAnalysis) -> OutletDigest:
    alignment = pair.alignment
    units = alignment.units
    counts = {s: sum(u.status == s for u in units) for s in ("same", "reworded", "merged", "split")}
    changes = pair.changes
    attributions = _attributions(pair.attributions)
    added, dropped, restated = unmatched(alignment)
    return OutletDigest(
        outlet=alignment.b_name,
        sentences=len(alignment.b_sentences),
        added=tuple(alignment.b_sentences[j] for j in added),
        dropped=tuple(alignment.a_sentences[i] for i in dropped),
        restated=tuple((alignment.a_sentences[i], alignment.b_sentences[j]) for i, j in restated),
        moved=sum(u.moved for u in units),
        relabelled=_pairs(changes, "label"),
        names=_pairs(changes, "name_variant"),
        spellings=_pairs(changes, "spelling"),
        attributions_kept=attributions["kept"],
        attributions_dropped=attributions["dropped"],
        attributions_added=attributions["added"],
        **counts,
    )


def _carried(comparison: Comparison, k: int) -> int:
    """How many sentences of version ``k`` at least one other version carries."""
    return sum(
        len(unit.cells[k].sentences)
        for unit in comparison.units
        if unit.cells[k] is not None and unit.versions > 1
    )


def _why(comparison: Comparison, chosen: bool) -> str:
    """Why the reference is the reference, in a sentence, from the comparison itself."""
    spine = comparison.spine
    sizes = [max(1, len(sentences)) for sentences in comparison.sentences]
    shares = [_carried(comparison, k) / sizes[k] for k in range(len(sizes))]
    share = (
        f"the other versions carry {_carried(comparison, spine)} of its "
        f"{len(comparison.sentences[spine])} sentences"
    )
    if chosen:
        return f"chosen as the reference (spine); {share}."
    if shares[spine] >= max(shares):
        return (
            f"{share}, the largest share of any version: it is likely the closest to the wire copy."
        )
    return f"{share}; of all the versions, it is the closest to the others."


def digest(
    comparison: Comparison,
    *,
    chosen: bool = False,
    pairs: tuple[PairAnalysis, ...] | None = None,
) -> StoryDigest:
    """The plain-words digest of a comparison; ``chosen`` says the caller named the spine.

    ``pairs`` (:func:`pairs_of` the comparison) shares analyses already made elsewhere.
    """
    spine = comparison.spine
    outlets = tuple(_outlet(pair) for pair in (pairs or pairs_of(comparison)))
    return StoryDigest(
        reference=comparison.outlets[spine],
        reference_sentences=len(comparison.sentences[spine]),
        why=_why(comparison, chosen),
        outlets=outlets,
    )
