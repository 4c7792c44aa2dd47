"""The records the wording stage returns, each kind in a small container.

A container is a :class:`~comparative_coverage.model.Records` sequence: walk it, index
it, test it; ``to_frame()`` gives the DataFrame (built by ``present.tables``) and a
notebook shows it as a table (``present.render``). Fields are the table's columns, in
order; an index that may be missing is ``None`` (``<NA>`` in the table).
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, TypeVar

from ..model import Records

if TYPE_CHECKING:
    import pandas as pd
    from markupsafe import Markup

    from .speakers import Quote

__all__ = [
    "Change",
    "Changes",
    "Substitution",
    "Substitutions",
    "Label",
    "Labels",
    "QuoteMatch",
    "QuoteMatches",
    "Quotes",
    "Attribution",
    "Attributions",
    "AttributionMatch",
    "AttributionMatches",
    "TermCount",
    "TermCounts",
]

T = TypeVar("T")


def _columns(record: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(record))


class Table(Records[T]):
    """Records that turn into a DataFrame and display as a table."""

    __slots__ = ()

    def to_frame(self) -> pd.DataFrame:
        """The records as a DataFrame, one row each (columns: :attr:`columns`)."""
        from ..present.tables import records_frame

        return records_frame(self)

    def _repr_html_(self) -> Markup:
        from ..present.render import records_html

        return records_html(self)


@dataclass(frozen=True, kw_only=True)
class Change:
    """One non-equal word edit and its kind (see ``KINDS``); offsets are in the unit's
    joined sentences; ``a_index``/``b_index`` is ``None`` for a side the unit lacks. A
    figure updated across unpaired sentences (detail ``figure_elsewhere``) sits in the
    unit of its a sentence; its b side is in the unit that holds ``b_index``."""

    unit: int
    a_index: int | None
    b_index: int | None
    tag: str
    a_words: str
    b_words: str
    kind: str
    detail: str
    loaded: str
    a_terms: str
    b_terms: str
    status: str
    a_outlet: str
    b_outlet: str
    a_start: int
    a_end: int
    b_start: int
    b_end: int


class Changes(Table[Change]):
    """What :func:`classify_changes` returns."""

    __slots__ = ()
    columns = _columns(Change)
    dtypes = {"a_index": "Int64", "b_index": "Int64"}


@dataclass(frozen=True, kw_only=True)
class Substitution:
    """A replacement seen ``count`` times across alignments (case folded)."""

    a_words: str
    b_words: str
    count: int
    kind: str
    loaded: str
    a_terms: str
    b_terms: str
    unlisted: str
    outlets: str


class Substitutions(Table[Substitution]):
    """What :func:`mine_substitutions` returns, most frequent first."""

    __slots__ = ()
    columns = _columns(Substitution)


@dataclass(frozen=True, kw_only=True)
class Label:
    """A descriptor an outlet puts beside a name (empty for a bare mention)."""

    entity: str
    outlet: str
    article: str
    where: str
    index: int
    name: str
    descriptor: str
    position: str
    terms: str
    load: int
    sentence: str


class Labels(Table[Label]):
    """What :func:`describe_labels` returns."""

    __slots__ = ()
    columns = _columns(Label)


@dataclass(frozen=True, kw_only=True)
class QuoteMatch:
    """A quote of one version and its counterpart in the other (``""`` when none)."""

    quote_a: str
    quote_b: str
    speaker: str
    status: str
    diff: str
    note: str
    speaker_a: str
    speaker_b: str
    a_sentence: int | None
    b_sentence: int | None


class QuoteMatches(Table[QuoteMatch]):
    """What :func:`compare_quotes` returns."""

    __slots__ = ()
    columns = _columns(QuoteMatch)
    dtypes = {"a_sentence": "Int64", "b_sentence": "Int64"}


class Quotes(Table["Quote"]):
    """What :func:`quotes_frame` returns: the :class:`Quote` records of many articles."""

    __slots__ = ()
    columns = (
        "article",
        "outlet",
        "where",
        "sentence",
        "quote",
        "speaker",
        "speaker_as_written",
        "verb",
        "start",
        "end",
    )

    def row(self, record: Quote) -> tuple:
        q = record
        return (
            q.article,
            q.outlet,
            q.where,
            q.sentences[0],
            q.text,
            q.speaker,
            q.speaker_as_written,
            q.verb,
            q.start,
            q.end,
        )


@dataclass(frozen=True, kw_only=True)
class Attribution:
    """A wire credit or a source in one sentence (``kind``: wire, photo, source, channel)."""

    article: str
    outlet: str
    where: str
    index: int
    kind: str
    source: str
    verb: str
    channel: str
    text: str
    sentence: str


class Attributions(Table[Attribution]):
    """What :func:`find_attributions` returns."""

    __slots__ = ()
    columns = _columns(Attribution)


@dataclass(frozen=True, kw_only=True)
class AttributionMatch:
    """An attribution ``kept``, ``dropped`` (only in a) or ``added`` (only in b)."""

    kind: str
    source: str
    status: str
    text_a: str
    text_b: str
    where_a: str
    where_b: str
    sentence_a: str
    sentence_b: str


class AttributionMatches(Table[AttributionMatch]):
    """What :func:`compare_attributions` returns."""

    __slots__ = ()
    columns = _columns(AttributionMatch)


@dataclass(frozen=True, kw_only=True)
class TermCount:
    """How often a lexicon term occurs in one part of one article."""

    article: str
    outlet: str
    where: str
    term: str
    category: str
    load: int
    count: int


class TermCounts(Table[TermCount]):
    """What :func:`count_terms` returns."""

    __slots__ = ()
    columns = _columns(TermCount)
    dtypes = {"load": "int64", "count": "int64"}
