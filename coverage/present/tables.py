"""Model objects -> tidy pandas DataFrames (one row per thing, one column per variable)."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from ..corpus.comparison import COMPARISON_STATUSES, Comparison
from ..corpus.related import Related
from ..corpus.stories import Story
from ..model import Alignment, Article, Records
from ..names.groups import NAME_COLUMNS, NameGroup
from ..reading.articles import with_sentences
from ..wording.kinds import KINDS
from ..wording.lexicon import LEXICON_COLUMNS, Lexicon
from ..wording.records import Changes

__all__ = [
    "articles_frame",
    "skipped_frame",
    "alignment_frame",
    "changes_frame",
    "ALIGNMENT_COLUMNS",
    "CHANGE_COLUMNS",
    "stories_frame",
    "related_frame",
    "comparison_frame",
    "comparison_summary",
    "records_frame",
    "lexicon_frame",
    "name_groups_frame",
]

ARTICLE_COLUMNS = (
    "id",
    "outlet",
    "title",
    "date",
    "sentences",
    "words",
    "paragraphs",
    "captions",
    "skipped",
    "source",
)


def skipped_frame(articles: Sequence[Article]) -> pd.DataFrame:
    """One row per line the reader set aside (``skipped``) or kept in doubt (``unsure``):
    id, outlet, place, reason, text, start, end."""
    rows = [
        {
            "id": a.id,
            "outlet": a.outlet or "unknown",
            "place": place,
            "reason": s.reason,
            "text": s.text,
            "start": s.start,
            "end": s.end,
        }
        for a in articles
        for place, records in (("skipped", a.skipped), ("kept, unsure", a.unsure))
        for s in records
    ]
    columns = ["id", "outlet", "place", "reason", "text", "start", "end"]
    return pd.DataFrame(rows, columns=columns)


def articles_frame(articles: Sequence[Article]) -> pd.DataFrame:
    """One row per article: id, outlet, title, date, sentence and word counts, source."""
    rows = [
        {
            "id": a.id,
            "outlet": a.outlet or "unknown",
            "title": a.title,
            "date": a.date,
            "sentences": len(with_sentences(a).sentences),
            "words": a.words,
            "paragraphs": len(a.paragraphs),
            "captions": len(a.captions),
            "skipped": len(a.skipped),
            "source": a.source,
        }
        for a in articles
    ]
    return pd.DataFrame(rows, columns=list(ARTICLE_COLUMNS))


ALIGNMENT_COLUMNS = (
    "unit",
    "a_index",
    "b_index",
    "a_text",
    "b_text",
    "status",
    "moved",
    "score",
    "method",
    "link",
)


def _restatement_rows(alignment: Alignment) -> list[dict]:
    unit_of = {
        (side, k): unit.unit
        for unit in alignment.units
        for side, ks in (("a", unit.a), ("b", unit.b))
        for k in ks
    }
    rows = []
    for link in alignment.restatements:
        a_text, b_text = alignment.a_sentences[link.a], alignment.b_sentences[link.b]
        rows.append(
            {
                "unit": unit_of[link.by, link.a if link.by == "a" else link.b],
                "a_index": link.a,
                "b_index": link.b,
                "a_text": a_text,
                "b_text": b_text,
                "status": "same" if a_text == b_text else "reworded",
                "moved": False,
                "score": link.score,
                "method": link.method,
                "link": "restatement",
            }
        )
    return rows


def alignment_frame(alignment: Alignment) -> pd.DataFrame:
    """One row per link, ordered by position in ``b`` then ``a``.

    A one-to-one unit is one row; a merge of two ``a`` sentences into one ``b`` sentence
    is two rows sharing ``unit`` (and the ``b`` sentence); added and dropped sentences
    have a missing index and empty text on the other side. Restatement links follow the
    units' rows, ``link`` saying which (``unit`` or ``restatement``): their ``unit`` is
    the unit of the restating sentence, ``method`` how the link was found.
    """
    rows = []
    for unit in alignment.units:
        a_side = list(unit.a) or [None]
        b_side = list(unit.b) or [None]
        if len(a_side) > 1 and len(b_side) > 1:  # many-to-many: pair them in order
            links = [
                (a_side[min(k, len(a_side) - 1)], b_side[min(k, len(b_side) - 1)])
                for k in range(max(len(a_side), len(b_side)))
            ]
        else:
            links = [(i, j) for i in a_side for j in b_side]
        for i, j in links:
            rows.append(
                {
                    "unit": unit.unit,
                    "a_index": i,
                    "b_index": j,
                    "a_text": alignment.a_sentences[i] if i is not None else "",
                    "b_text": alignment.b_sentences[j] if j is not None else "",
                    "status": unit.status,
                    "moved": unit.moved,
                    "score": unit.score,
                    "method": unit.method,
                    "link": "unit",
                }
            )
    rows.extend(_restatement_rows(alignment))
    frame = pd.DataFrame(rows, columns=list(ALIGNMENT_COLUMNS))
    frame["a_index"] = frame["a_index"].astype("Int64")
    frame["b_index"] = frame["b_index"].astype("Int64")
    frame["moved"] = frame["moved"].astype(bool)
    frame["score"] = frame["score"].astype(float)
    frame["unit"] = frame["unit"].astype(int)
    return frame


CHANGE_COLUMNS = (
    "unit",
    "a_index",
    "b_index",
    "tag",
    "a_words",
    "b_words",
    "status",
    "a_start",
    "a_end",
    "b_start",
    "b_end",
)


def _sentence_at(offsets: list[int], position: int) -> int:
    """Which of the joined sentences a character position falls in."""
    index = 0
    for k, start in enumerate(offsets):
        if position >= start:
            index = k
    return index


def changes_frame(alignment: Alignment, *, include_equal: bool = False) -> pd.DataFrame:
    """Every word edit of every unit, one row each (equal runs left out unless asked).

    ``a_words``/``b_words`` are the phrases (words joined by spaces). For a merge or
    split, ``a_index``/``b_index`` name the sentence the edit falls in; ``a_start``...
    are character offsets in that unit's joined text.
    """
    rows = []
    for unit in alignment.units:
        if not unit.edits:
            continue
        a_offsets = _join_offsets([alignment.a_sentences[i] for i in unit.a])
        b_offsets = _join_offsets([alignment.b_sentences[j] for j in unit.b])
        for edit in unit.edits:
            if edit.tag == "equal" and not include_equal:
                continue
            rows.append(
                {
                    "unit": unit.unit,
                    "a_index": unit.a[_sentence_at(a_offsets, edit.a_span[0])] if unit.a else None,
                    "b_index": unit.b[_sentence_at(b_offsets, edit.b_span[0])] if unit.b else None,
                    "status": unit.status,
                    "tag": edit.tag,
                    "a_words": edit.a_phrase,
                    "b_words": edit.b_phrase,
                    "a_start": edit.a_span[0],
                    "a_end": edit.a_span[1],
                    "b_start": edit.b_span[0],
                    "b_end": edit.b_span[1],
                }
            )
    frame = pd.DataFrame(rows, columns=list(CHANGE_COLUMNS))
    for column in ("a_index", "b_index"):
        frame[column] = frame[column].astype("Int64")
    return frame


def _join_offsets(sentences: list[str]) -> list[int]:
    offsets, position = [], 0
    for sentence in sentences:
        offsets.append(position)
        position += len(sentence) + 1  # joined by one space
    return offsets


# ---- stories and N-way comparisons ------------------------------------------------------

STORY_COLUMNS = ("story", "versions", "article_id", "outlet", "title", "date", "sentences", "words")


def stories_frame(stories: Sequence[Story]) -> pd.DataFrame:
    """One row per version of each story: story, versions, article_id, outlet, title, date..."""
    rows = [
        {
            "story": story.id,
            "versions": len(story.articles),
            "article_id": a.id,
            "outlet": a.outlet or "unknown",
            "title": a.title,
            "date": a.date,
            "sentences": len(with_sentences(a).sentences),
            "words": a.words,
        }
        for story in stories
        for a in story.articles
    ]
    return pd.DataFrame(rows, columns=list(STORY_COLUMNS))


def related_frame(groups: Sequence[Related]) -> pd.DataFrame:
    """One row per story of each related group: related, story, title, versions, names."""
    rows = [
        {
            "related": group.id,
            "stories": len(group.stories),
            "story": story.id,
            "title": story.title,
            "versions": len(story.articles),
            "names": ", ".join(group.names),
        }
        for group in groups
        for story in group.stories
    ]
    return pd.DataFrame(rows, columns=["related", "stories", "story", "title", "versions", "names"])


COMPARISON_COLUMNS = (
    "unit",
    "outlet",
    "article_id",
    "sentence_index",
    "text",
    "status",
    "versions",
    "relation",
    "moved",
    "spine",
)


def comparison_frame(comparison: Comparison) -> pd.DataFrame:
    """One row per sentence of each version, in table order (unit, then version).

    ``status`` is the unit's (shared_all, shared_some, only_this); ``relation`` how the
    sentence's cell relates to the spine's (spine, same, reworded, merged, split, added).
    A cell of two sentences (a merge or split) gives two rows with the same unit.
    """
    rows = []
    for unit in comparison.units:
        for k, cell in enumerate(unit.cells):
            if cell is None:
                continue
            for index in cell.sentences:
                rows.append(
                    {
                        "unit": unit.unit,
                        "outlet": comparison.outlets[k],
                        "article_id": comparison.articles[k].id,
                        "sentence_index": index,
                        "text": comparison.sentences[k][index],
                        "status": unit.status,
                        "versions": unit.versions,
                        "relation": cell.relation,
                        "moved": cell.moved,
                        "spine": k == comparison.spine,
                    }
                )
    frame = pd.DataFrame(rows, columns=list(COMPARISON_COLUMNS))
    frame["status"] = pd.Categorical(frame["status"], categories=list(COMPARISON_STATUSES))
    return frame.astype({"unit": int, "sentence_index": int, "versions": int, "moved": bool})


SUMMARY_COLUMNS = (
    "outlet",
    "article_id",
    "spine",
    "sentences",
    "words",
    "shared_all",
    "shared_some",
    "own",
    "words_shared_all",
    "words_shared_some",
    "words_own",
    "dropped",
    "moved",
)


def comparison_summary(comparison: Comparison) -> pd.DataFrame:
    """One row per version: how much of it all, some or no other versions carry.

    ``shared_all``/``shared_some``/``own`` count its sentences in units of that status
    (``own``: only this version has them, its additions); ``words_*`` the same in words;
    ``dropped`` counts units every other version carries and this one lacks; ``moved``
    its cells out of order relative to the spine.
    """
    rows = []
    for k, (article, outlet) in enumerate(
        zip(comparison.articles, comparison.outlets, strict=True)
    ):
        row = dict.fromkeys(SUMMARY_COLUMNS[3:], 0)
        row.update(outlet=outlet, article_id=article.id, spine=k == comparison.spine)
        for unit in comparison.units:
            cell = unit.cells[k]
            if cell is None:
                row["dropped"] += unit.versions == len(comparison.outlets) - 1
                continue
            kind = "own" if unit.status == "only_this" else unit.status
            words = sum(len(comparison.sentences[k][i].split()) for i in cell.sentences)
            row["sentences"] += len(cell.sentences)
            row["words"] += words
            row[kind] += len(cell.sentences)
            row[f"words_{kind}"] += words
            row["moved"] += cell.moved
        rows.append(row)
    return pd.DataFrame(rows, columns=list(SUMMARY_COLUMNS))


def lexicon_frame(lexicon: Lexicon) -> pd.DataFrame:
    """A lexicon's terms, one row each: ``term, category, load, note``."""
    rows = [(t.term, t.category, t.load, t.note) for t in lexicon.terms]
    return pd.DataFrame(rows, columns=list(LEXICON_COLUMNS))


def name_groups_frame(groups: Sequence[NameGroup]) -> pd.DataFrame:
    """Every occurrence of every name group, one row each (``NAME_COLUMNS``)."""
    rows = [
        (g.name, o.spelling, o.article, o.outlet, o.where, o.index, o.start, o.end, o.sentence)
        for g in groups
        for o in g.occurrences
    ]
    return pd.DataFrame(rows, columns=list(NAME_COLUMNS))


def records_frame(records: Records) -> pd.DataFrame:
    """A records container as a DataFrame: one row per record, its ``columns`` and dtypes.

    Missing indices (``None``) become ``<NA>`` in nullable integer columns; the ``kind``
    of changes is a Categorical ordered as ``KINDS``.
    """
    frame = pd.DataFrame([records.row(r) for r in records], columns=list(records.columns))
    for column, dtype in records.dtypes.items():
        frame[column] = frame[column].astype(dtype)
    if isinstance(records, Changes):
        frame["kind"] = pd.Categorical(frame["kind"], categories=list(KINDS))
    return frame
