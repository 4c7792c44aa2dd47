"""The plain data passed between stages: articles, sentences, alignments, word edits.

Frozen dataclasses with tuples inside: they compare with ``==``, print well, and are
easy to build in tests. Conversions to DataFrames and HTML live in ``tables`` and
``render``; the methods here only delegate to them (lazily, so nothing here imports
down the pipeline at import time).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, ClassVar, Generic, Literal, TypeVar, overload

from .errors import InputTooLarge

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "Sentence",
    "Skipped",
    "Article",
    "WordEdit",
    "Unit",
    "Restatement",
    "Alignment",
    "STATUSES",
    "Status",
    "EditTag",
    "Records",
]

T = TypeVar("T")

PARAGRAPH_BREAK = "\n\n"
# One article's text at most (about 30,000 words, several times the longest news story).
# Every stage is linear or n log n in it, but a megabyte "article" is a mistake (a whole
# site, a book); refusing it keeps any report build to seconds (bench_adversarial.py).
MAX_ARTICLE_CHARS = 200_000


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence and its character offsets in the text it was split from.

    ``text`` is exactly ``source[start:end]``; ``paragraph`` counts paragraphs from 0.
    """

    text: str
    start: int
    end: int
    paragraph: int = 0


@dataclass(frozen=True, slots=True)
class Skipped:
    """A piece of a page that was not read as article text, and why.

    Nothing is dropped silently: captions, navigation, teasers and the like are kept
    here with their offsets in the raw file.
    """

    text: str
    reason: str
    start: int
    end: int


@dataclass(frozen=True)
class Article:
    """One outlet's version of a story.

    The body is the paragraphs joined by blank lines; ``sentences`` are split from it by
    the reading stage, so ``article.body[s.start:s.end] == s.text`` for every sentence. An
    Article built by hand may leave ``sentences`` empty: every entry point passes its input
    through ``reading.as_articles``, which fills them. ``source_spans`` give each
    paragraph's offsets in the raw file it was read from (empty when there is none).
    ``skipped`` holds every piece of the page that is not in the title, dek, captions or
    body, with the reason.
    """

    id: str
    outlet: str
    title: str
    paragraphs: tuple[str, ...]
    dek: str = ""
    captions: tuple[str, ...] = ()
    date: str | None = None
    url: str | None = None
    language: str = "en"
    source: str | None = None
    source_spans: tuple[tuple[int, int], ...] = ()
    skipped: tuple[Skipped, ...] = ()
    # lines kept in the body although a furniture rule doubted them (the reader says so)
    unsure: tuple[Skipped, ...] = ()
    # derived from ``paragraphs`` (so left out of ``==`` and the repr)
    sentences: tuple[Sentence, ...] = field(default=(), compare=False, repr=False)

    def __post_init__(self) -> None:
        size = sum(map(len, self.paragraphs))
        if size > MAX_ARTICLE_CHARS:
            raise InputTooLarge(
                f"article {self.id} is {size:,} characters, over the limit of "
                f"{MAX_ARTICLE_CHARS:,} per article (MAX_ARTICLE_CHARS); split it into articles"
            )

    @cached_property
    def body(self) -> str:
        return PARAGRAPH_BREAK.join(self.paragraphs)

    @property
    def words(self) -> int:
        return len(self.body.split())

    def _repr_html_(self) -> str:
        from .present.render import article_html

        return article_html(self)


Status = Literal["same", "reworded", "merged", "split", "added", "dropped"]
STATUSES: tuple[str, ...] = ("same", "reworded", "merged", "split", "added", "dropped")
EditTag = Literal["equal", "replace", "insert", "delete"]


@dataclass(frozen=True)
class WordEdit:
    """One step of a word diff, in difflib's vocabulary.

    ``a_span``/``b_span`` are character offsets into the two compared texts. Spans are
    contiguous and cover each text from start to end (a word's trailing space belongs to
    it), so joining the spans of all edits rebuilds both texts exactly.
    """

    tag: EditTag
    a_words: tuple[str, ...]
    b_words: tuple[str, ...]
    a_span: tuple[int, int]
    b_span: tuple[int, int]

    @property
    def a_phrase(self) -> str:
        return " ".join(self.a_words)

    @property
    def b_phrase(self) -> str:
        return " ".join(self.b_words)

    def __str__(self) -> str:
        if self.tag == "replace":
            return f"replace {self.a_phrase} -> {self.b_phrase}"
        if self.tag == "insert":
            return f"insert {self.b_phrase}"
        if self.tag == "delete":
            return f"delete {self.a_phrase}"
        return f"equal {self.a_phrase}"


@dataclass(frozen=True)
class Unit:
    """Sentences of ``a`` and ``b`` that tell the same thing (or one side's own sentence).

    ``method`` records why the unit exists (``identical``, ``similar``, ``lead``, ``gap``,
    ``merge``, ``unmatched``); ``edits`` is the word diff of the joined ``a`` sentences
    against the joined ``b`` sentences (empty for added and dropped units).
    """

    unit: int
    status: Status
    a: tuple[int, ...]
    b: tuple[int, ...]
    score: float
    moved: bool = False
    method: str = ""
    edits: tuple[WordEdit, ...] = ()


@dataclass(frozen=True)
class Restatement:
    """A sentence that restates another outside its own unit: a dek, caption or pull quote.

    ``by`` says which side holds the restating sentence (``"a"`` or ``"b"``); ``a`` and
    ``b`` are the two sentence indices. A restatement never repeats a unit's link: the
    two sentences belong to different units (the restating one is often ``added`` or
    ``dropped`` itself, while the sentence it restates is paired in the body).
    ``method`` says how it was found (``holds``, ``held``, ``leftover``, ``cross``: see
    ``alignment.restate``). No word diff is stored: a restatement says the same thing in
    other words, and :func:`word_diff` gives the edits when they are wanted.
    """

    a: int
    b: int
    by: Literal["a", "b"]
    score: float
    method: str = ""


@dataclass(frozen=True)
class Alignment:
    """Two versions of a story, sentence by sentence.

    Every sentence index of both sides appears in exactly one unit. Units are ordered by
    position in ``b``, then ``a`` (dropped sentences sit where they stood in ``a``); the
    units of an article's title, dek and captions come last, as their indices do.
    ``restatements`` are links beside the units: a sentence that restates one of the
    other side outside its own unit (ordered by ``b``, then ``a``).
    """

    a_sentences: tuple[str, ...]
    b_sentences: tuple[str, ...]
    units: tuple[Unit, ...]
    a_name: str = "a"
    b_name: str = "b"
    options: tuple[tuple[str, object], ...] = field(default=(), compare=False)
    restatements: tuple[Restatement, ...] = ()
    # each sentence's kind ("body", "title", "dek", "caption"); empty when all are body.
    # An article's title, dek and captions follow its body sentences, so a body
    # sentence keeps its index in ``article.sentences``.
    a_kinds: tuple[str, ...] = ()
    b_kinds: tuple[str, ...] = ()

    def kind(self, side: str, index: int) -> str:
        """What sentence ``index`` of side ``"a"`` or ``"b"`` is: body, title, dek or caption."""
        kinds = self.a_kinds if side == "a" else self.b_kinds
        return kinds[index] if kinds else "body"

    def to_frame(self) -> pd.DataFrame:
        """One row per link: a_index, b_index, a_text, b_text, status, moved, score, unit."""
        from .present.tables import alignment_frame

        return alignment_frame(self)

    def changes(self) -> pd.DataFrame:
        """Every word edit of every unit: unit, a_index, b_index, tag, a_words, b_words."""
        from .present.tables import changes_frame

        return changes_frame(self)

    def counts(self) -> dict[str, int]:
        """How many units have each status, plus ``moved``."""
        counts = dict.fromkeys(STATUSES, 0)
        for unit in self.units:
            counts[unit.status] += 1
        counts["moved"] = sum(unit.moved for unit in self.units)
        return counts

    def _repr_html_(self) -> str:
        from .present.render import alignment_html

        return alignment_html(self)

    def __repr__(self) -> str:
        summary = ", ".join(f"{k} {v}" for k, v in self.counts().items() if v)
        return (
            f"<Alignment {self.a_name!r} ({len(self.a_sentences)} sentences) vs "
            f"{self.b_name!r} ({len(self.b_sentences)}): {summary or 'empty'}>"
        )


class Records(Sequence[T], Generic[T]):
    """An immutable sequence of records an analysis stage returns (a change, a label ...).

    A subclass names its record's ``columns`` (the fields, in table order) and the
    ``dtypes`` its table needs; it adds ``to_frame()`` and ``_repr_html_()`` that delegate
    to ``present`` (this core module imports nothing from the package).
    """

    __slots__ = ("_items",)
    columns: ClassVar[tuple[str, ...]] = ()
    dtypes: ClassVar[dict[str, str]] = {}

    def __init__(self, items: Iterable[T] = ()) -> None:
        self._items = tuple(items)

    def __iter__(self) -> Iterator[T]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    @overload
    def __getitem__(self, index: int) -> T: ...
    @overload
    def __getitem__(self, index: slice) -> Records[T]: ...
    def __getitem__(self, index):
        if isinstance(index, slice):
            return type(self)(self._items[index])
        return self._items[index]

    def __bool__(self) -> bool:
        return bool(self._items)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Records):
            return type(self) is type(other) and self._items == other._items
        return NotImplemented

    def __hash__(self) -> int:
        return hash((type(self), self._items))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({list(self._items)!r})"

    def __reduce__(self):
        return (type(self), (self._items,))

    def row(self, record: T) -> tuple:
        """One record as a table row, in :attr:`columns` order."""
        return tuple(getattr(record, column) for column in self.columns)
