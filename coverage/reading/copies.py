"""Articles read -> one warning naming those that copy an earlier one word for word.

A story copied twice (a folder read twice, a file saved under two names) would count as
two versions; finding the copies cheaply in a large corpus is its own job, kept apart
from :mod:`files`, which calls it once on everything read.
"""

from __future__ import annotations

import warnings

from ..model import Article
from .furniture import fold


class DuplicateArticleWarning(UserWarning):
    """Two inputs hold the same text: a story copied twice would count as two versions."""


def _warn_of_copies(articles: list[Article]) -> None:
    """Say once which articles are exact copies of an earlier one (a folder read twice)."""
    first: dict[str, str] = {}
    copies = []
    # the whole text is normalised only where a cheap key (its first two and last two
    # words, which the normalisation keeps) is shared: most articles of a corpus share none
    # (one word each way was shared by half the bench pages: "The ... said.")
    waiting: dict[tuple[str, ...], Article | None] = {}
    for article in articles:
        head, tail = _end_words(article.paragraphs)
        if not head:
            continue  # no words: nothing to copy
        cheap = (*(w.casefold() for w in head), "", *(w.casefold() for w in tail))
        if cheap not in waiting:
            waiting[cheap] = article  # normalised only if another article has this key
            continue
        held = waiting[cheap]
        if held is not None:  # the second with this key: the first is normalised now
            first.setdefault(_copy_key(held), held.id)
            waiting[cheap] = None
        key = _copy_key(article)
        if not key:
            continue
        if key in first:
            copies.append(f"{article.id} = {first[key]}")
        else:
            first[key] = article.id
    if copies:
        warnings.warn(
            f"{len(copies)} article(s) repeat another word for word, so the same text would "
            f"count as several versions: {', '.join(copies[:10])}"
            + (" ..." if len(copies) > 10 else "")
            + "; drop the copies or --exclude them",
            DuplicateArticleWarning,
            stacklevel=3,
        )


def _end_words(paragraphs: tuple[str, ...]) -> tuple[list[str], list[str]]:
    """The first two and the last two words of the paragraphs joined by spaces, read from
    the first and the last paragraphs (not from a copy of the whole text, split whole).

    >>> _end_words(("One", "two three", "four five six"))
    (['One', 'two'], ['five', 'six'])
    """
    head: list[str] = []
    for paragraph in paragraphs:
        head += paragraph.split(None, 2)[: 2 - len(head)]
        if len(head) == 2:
            break
    tail: list[str] = []
    for paragraph in reversed(paragraphs):
        tail[:0] = paragraph.rsplit(None, 2)[len(tail) - 2 :]
        if len(tail) == 2:
            break
    return head, tail


def _copy_key(article: Article) -> str:
    """The text two copies share: words joined by single spaces, case folded."""
    return fold(" ".join(" ".join(article.paragraphs).split()))
