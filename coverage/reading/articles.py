"""Anything a user may pass (an Article, a text, a list of them) -> Articles with sentences.

The one input coercer of the package: every entry point that takes articles or texts
calls :func:`as_articles` (or :func:`as_article`), so the same string always becomes the
same Article, and an Article built by hand (``Article("x", "AP", "", ("A. B.",))``) gets
its sentences filled the same way the readers fill them.

>>> [s.text for s in as_article("One. Two.\\n\\nThree.").sentences]
['One.', 'Two.', 'Three.']
>>> as_articles(["A.", "B."])[1].id, as_articles(["A.", "B."])[1].outlet
('text#2', 'text 2')

A :class:`pathlib.Path` is a file (or, for :func:`as_articles`, a folder) to read with
:func:`~comparative_coverage.reading.files.read_articles`. A ``str`` is always text, never
a path (text from a form or a feed must not open files), but a ``str`` that names an
existing file gets a warning: passing "a.txt" to ``align`` compares the two file names.
"""

from __future__ import annotations

import dataclasses
import os
import sys
import warnings
from collections.abc import Iterable

from ..model import Article
from .lines import split_blocks, unix_newlines
from .segment import split_paragraphs

__all__ = ["as_article", "as_articles", "with_sentences"]


def with_sentences(article: Article) -> Article:
    """The article with its ``sentences`` split from its paragraphs (unless already there).

    Sentences left over from other paragraphs (after a ``dataclasses.replace`` of the
    paragraphs) are noticed and split again.
    """
    sentences = article.sentences
    if sentences:
        body = article.body
        first, last = sentences[0], sentences[-1]
        if body[first.start : first.end] == first.text and body[last.start : last.end] == (
            last.text
        ):
            return article
    elif not any(p.strip() for p in article.paragraphs):
        return article
    return dataclasses.replace(
        article, sentences=split_paragraphs(article.paragraphs, language=article.language)
    )


def _from_text(text: str, number: int) -> Article:
    """A text held in memory as an Article: paragraphs as :func:`pages.split_blocks` cuts them."""
    text = unix_newlines(text)
    spans = tuple(split_blocks(text))
    return with_sentences(
        Article(
            id=f"text#{number}",
            outlet=f"text {number}",
            title="",
            paragraphs=tuple(text[s:e] for s, e in spans),
            source_spans=spans,
        )
    )


def as_article(item: Article | str | os.PathLike, *, number: int = 1) -> Article:
    """One Article (sentences filled) from an Article, a text (``text#<number>``) or a file."""
    if isinstance(item, Article):
        return with_sentences(item)
    if isinstance(item, str):
        _warn_if_a_path(item)
        return _from_text(item, number)
    if isinstance(item, os.PathLike):
        return _from_file(item)
    raise TypeError(f"expected Articles or texts (see read_articles), not {type(item).__name__}")


def _from_file(path: os.PathLike) -> Article:
    """The one article a file holds (a page with several stories is the caller's to choose)."""
    from .files import read_articles  # files builds on this module

    articles = read_articles(path)
    if len(articles) != 1:
        raise ValueError(
            f"{os.fspath(path)} holds {len(articles)} articles: choose them with "
            "read_articles (a file 'name#N' is its N-th)"
        )
    return articles[0]


def _warn_if_a_path(text: str) -> None:
    """Warn when a text looks like the path of a file: its name, not its content, is read."""
    if len(text) < 1024 and not any(c.isspace() for c in text) and os.path.isfile(text):
        warnings.warn(
            f"{text!r} is read as text, not as the file it names: pass Path({text!r}) "
            "or read_articles(...)",
            UserWarning,
            stacklevel=_outside_the_package(),
        )


def _outside_the_package() -> int:
    """The ``stacklevel`` of the first caller outside the package (the user's line)."""
    package = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    frame, level = sys._getframe(1), 1
    while frame is not None and frame.f_code.co_filename.startswith(package):
        frame, level = frame.f_back, level + 1
    return level


def as_pair(a: Article | str, b: Article | str) -> tuple[Article, Article]:
    """Two versions for a two-sided comparison; a text is named for its side, ``a`` or ``b``.

    The toolkit calls the two versions of a pair ``a`` and ``b`` everywhere (arguments,
    columns, notes such as "shortened in b"), so texts passed in memory take those names.
    """

    def one(item: Article | str, side: str) -> Article:
        article = as_article(item)
        if isinstance(item, str):
            article = dataclasses.replace(article, id=side, outlet=side)
        return article

    return one(a, "a"), one(b, "b")


def as_articles(
    items: Article | str | os.PathLike | Iterable[Article | str | os.PathLike],
) -> list[Article]:
    """One article or text, or several, as a list of Articles with sentences.

    A text becomes ``Article(id="text#k", outlet="text k")`` where ``k`` is its position
    among ``items`` (from 1), its paragraphs cut at line breaks (see
    :func:`~comparative_coverage.reading.pages.split_blocks`).
    """
    if isinstance(items, (Article, str)):
        items = [items]
    elif isinstance(items, os.PathLike):
        from .files import read_articles  # a folder, or a page with several stories

        return read_articles(items)
    try:
        listed = list(items)
    except TypeError:
        raise TypeError(
            f"expected Articles or texts (see read_articles), not {type(items).__name__}"
        ) from None
    return [as_article(item, number=k) for k, item in enumerate(listed, 1)]
