"""Model objects -> tidy pandas DataFrames (one row per thing, one column per variable)."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from .model import Article

__all__ = ["articles_frame"]

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


def articles_frame(articles: Sequence[Article]) -> pd.DataFrame:
    """One row per article: id, outlet, title, date, sentence and word counts, source."""
    rows = [
        {
            "id": a.id,
            "outlet": a.outlet or "unknown",
            "title": a.title,
            "date": a.date,
            "sentences": len(a.sentences),
            "words": a.words,
            "paragraphs": len(a.paragraphs),
            "captions": len(a.captions),
            "skipped": len(a.skipped),
            "source": a.source,
        }
        for a in articles
    ]
    return pd.DataFrame(rows, columns=list(ARTICLE_COLUMNS))
