"""Paths, texts, HTML pages and tables -> :class:`Article` objects.

Files are decoded (UTF-8 first, then detection), line endings normalised, and page text
handed to :mod:`pages`, which peels off the chrome. A ``sources.csv`` beside the files
(columns ``file, article, outlet, date, url, language, notes``) supplies what the text
itself does not say, such as the outlet.
"""

from __future__ import annotations

import dataclasses
import fnmatch
import os
import re
import warnings
from collections.abc import Iterable, Sequence
from pathlib import Path

from ..errors import (
    ArticleNotFound,
    CoverageError,
    EmptyInput,
    InputNotFound,
    InputUnreadable,
    UnsupportedFormat,
    safe_text,
)
from ..model import Article
from .articles import with_sentences
from .copies import _warn_of_copies
from .decoding import SkippedInputWarning, _read_bytes, decode
from .html_pages import _read_html
from .lines import split_blocks, unix_newlines
from .metadata import (
    METADATA_FILES,
    MetadataWarning,
    folder_sources,
    lookup,
    name_from_path,
    outlet_from_url,
    site_name,
    url_in,
)
from .pages import parse_page
from .table_files import _read_table

__all__ = [
    "read_articles",
    "read_text",
    "SkippedInputWarning",  # its home is decoding; read from here by the package root
    "MAX_BYTES",
    "TEXT_SUFFIXES",
    "HTML_SUFFIXES",
    "TABLE_SUFFIXES",
]

MAX_BYTES = 20_000_000
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
TABLE_SUFFIXES = frozenset({".csv", ".tsv", ".jsonl", ".ndjson", ".json", ".parquet"})
FOLDER_SKIPPED = frozenset({".md", ".markdown"})

_HTML_SNIFF = re.compile(
    rb"^\s*(?:<!doctype html|<html|<head|<body|<article|<div|<p[\s>])", re.IGNORECASE
)


def read_text(
    text: str,
    *,
    outlet: str = "",
    title: str | None = None,
    name: str = "text",
    date: str | None = None,
    url: str | None = None,
    language: str = "en",
    clean: bool = True,
) -> list[Article]:
    """Articles from text held in memory (a page copied from a site, or a clean story).

    With ``clean=True`` the text goes through the page rules (titles, captions, chrome,
    several stories in one text); with ``clean=False`` every paragraph is body text.
    """
    text = unix_newlines(text)
    if not text.strip():
        raise EmptyInput(f"{name} is empty; pass some article text")
    if clean:
        articles = parse_page(text, name=name, language=language)
        if not articles:
            raise EmptyInput(
                f"{name} holds no article text (only page furniture was found); "
                "pass clean=False to read every line as text"
            )
    else:
        spans = split_blocks(text)
        articles = [
            Article(
                id=f"{name}#1",
                outlet="",
                title="",
                paragraphs=tuple(text[s:e] for s, e in spans),
                language=language,
                source_spans=tuple(spans),
            )
        ]
    updates = {"outlet": outlet, "date": date, "url": url}
    articles = [_with(article, **updates) for article in articles]
    if title is not None and len(articles) == 1:
        articles = [dataclasses.replace(articles[0], title=title)]
    return [with_sentences(article) for article in articles]


def _with(article: Article, **fields: object) -> Article:
    """A copy with the given fields set, leaving out empty values."""
    changes = {k: v for k, v in fields.items() if v not in (None, "")}
    return dataclasses.replace(article, **changes) if changes else article


# ---- files ------------------------------------------------------------------------------


def _read_page_file(path: Path, max_bytes: int, language: str) -> list[Article]:
    data = _read_bytes(path, max_bytes)
    if path.suffix.lower() in HTML_SUFFIXES or _HTML_SNIFF.match(data[:2048]):
        return _read_html(decode(data, name=str(path)), path, language)
    text = decode(data, name=str(path))
    if not text.strip():
        raise EmptyInput(f"{path} holds only white space; pass a file with article text")
    name = safe_text(path.stem)  # a file name's undecodable bytes would break every writer
    articles = parse_page(text, name=name, source=safe_text(str(path)), language=language)
    if not articles:
        raise EmptyInput(f"{path} holds no article text (only page furniture was found)")
    return articles


def _found_metadata(
    article: Article, path: Path, number: int, cache: dict[Path, dict]
) -> tuple[dict[str, object], bool]:
    """The fields (outlet, date, URL, language) to set from the best evidence there is,
    and whether real metadata was found (a sources row, a URL, a site name) or only the
    file name was left. The caller builds the article once with them."""
    folder = path.parent
    if folder not in cache:
        cache[folder] = folder_sources(folder)
    row = lookup(cache[folder], path, number)
    changes: dict[str, object] = {}
    if row is not None:
        fields = (("outlet", row.outlet), ("date", row.date), ("url", row.url))
        changes = {k: v for k, v in (*fields, ("language", row.language)) if v not in (None, "")}
    if changes.get("outlet") or article.outlet:
        return changes, True
    url = changes.get("url") or article.url or url_in(article)
    if url:
        return {**changes, "outlet": outlet_from_url(url), "url": url}, True
    site = site_name(article)
    if site:
        return {**changes, "outlet": site}, True
    outlet = safe_text(name_from_path(path))
    return ({**changes, "outlet": outlet} if outlet else changes), False


def _skip(path: Path, why: str) -> None:
    warnings.warn(f"{_shown(path)} was skipped: {why}", SkippedInputWarning, stacklevel=5)


def _shown(path: Path | str) -> str:
    """A path for a message, even when its name holds bytes that are not UTF-8."""
    return str(path).encode("utf-8", "backslashreplace").decode("utf-8")


def _wanted(relative: str, include: Sequence[str], exclude: Sequence[str]) -> bool:
    name = relative.rsplit("/", 1)[-1]
    matches = lambda patterns: any(  # noqa: E731
        fnmatch.fnmatch(relative, p) or fnmatch.fnmatch(name, p) for p in patterns
    )
    return (not include or matches(include)) and not matches(exclude)


def _is_metadata(path: Path) -> bool:
    return path.name.lower() in METADATA_FILES  # Sources.csv too


def _walk_error(error: OSError) -> None:
    warnings.warn(
        f"{_shown(error.filename)} was skipped: the folder could not be read "
        f"({error.strerror or type(error).__name__})",
        SkippedInputWarning,
        stacklevel=5,
    )


def _files(
    path: Path, include: Sequence[str], exclude: Sequence[str]
) -> Iterable[tuple[Path, str | None]]:
    """(file, its path in the folder it was found in, or None when named) for every file to
    read; a folder's path and its path in the folder are built once, not for each file."""
    if not path.exists() and path.is_symlink():
        raise InputUnreadable(f"{_shown(path)} is a broken link or a link loop; pass the file")
    if not path.exists():
        raise InputNotFound(
            f"{_shown(path)} does not exist; check the path "
            f"(relative paths start at {_shown(Path.cwd())})"
        )
    if not path.is_dir():
        if _is_metadata(path):
            raise UnsupportedFormat(
                f"{_shown(path)} is the metadata table (outlet, date, url) of the files beside "
                "it, not a table of articles; pass the folder or the article files"
            )
        yield path, None
        return
    known = TEXT_SUFFIXES | HTML_SUFFIXES | TABLE_SUFFIXES
    for root, dirs, names in os.walk(path, onerror=_walk_error):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        folder = Path(root)
        inside = folder.relative_to(path).as_posix()
        prefix = "" if inside == "." else inside + "/"
        for file_name in sorted(names):
            child = folder / file_name
            relative = prefix + file_name
            if (
                file_name.startswith(".")
                or _is_metadata(child)
                or not _wanted(relative, include, exclude)
            ):
                continue
            suffix = child.suffix.lower()
            if suffix in known and not child.is_file():
                _skip(child, "a broken link, a link loop or not a regular file")
            elif suffix in FOLDER_SKIPPED:
                _skip(child, "Markdown is not read from a folder (name the file to read it)")
            elif suffix in known:
                yield child, relative
            else:
                _skip(child, f"not a known article file ({', '.join(sorted(known))})")


def _read_file(path: Path, max_bytes: int, language: str) -> list[Article]:
    if path.suffix.lower() in TABLE_SUFFIXES:
        return _read_table(path, max_bytes, language)
    return _read_page_file(path, max_bytes, language)


def _read_found(
    path: Path, relative: str | None, max_bytes: int, language: str, missing: list[str], cache
) -> list[Article]:
    """The articles of one file, with ids from its path (``relative``: in the folder read,
    None when named) and metadata; a file met in a folder that cannot be read is skipped
    with a warning (a file named on purpose raises)."""
    try:
        found = _read_file(path, max_bytes, language)
    except (CoverageError, OSError) as error:
        if relative is None:
            if not isinstance(error, CoverageError):  # InputUnreadable is an OSError too
                raise InputNotFound(f"{_shown(path)} cannot be read ({error.strerror})") from None
            raise
        _skip(path, str(error) if isinstance(error, CoverageError) else f"unreadable ({error})")
        return []
    base = path.name if relative is None else relative
    base = base[: len(base) - len(path.suffix)]  # the id: the path without the suffix
    base = safe_text(base)  # undecodable bytes in a file name would break every writer
    table = path.suffix.lower() in TABLE_SUFFIXES
    articles = []
    for number, article in enumerate(found, 1):
        changes: dict[str, object] = {}
        if not (table and article.id != f"{path.stem}#{number}"):
            changes["id"] = f"{base}#{number}"
        if not (table and article.outlet):
            metadata, known = _found_metadata(article, path, number, cache)
            changes.update(metadata)
            if not known:
                missing.append(_shown(path if relative is None else relative.replace("/", os.sep)))
        articles.append(dataclasses.replace(article, **changes) if changes else article)
    return articles


def _unique_ids(articles: list[Article]) -> list[Article]:
    """Ids stay unique in a corpus: a repeated one gets ``~2``, ``~3``."""
    seen: dict[str, int] = {}
    unique = []
    for article in articles:
        count = seen.get(article.id, 0) + 1
        seen[article.id] = count
        if count > 1:
            article = dataclasses.replace(article, id=f"{article.id}~{count}")
        unique.append(article)
    return unique


def _selector(given: str) -> tuple[str, int | None]:
    if "#" not in given or Path(given).exists():
        return given, None
    given, _, number = given.rpartition("#")
    if not (number.isascii() and number.isdigit()):
        raise InputNotFound(
            f"{_shown(given)}#{number}: after '#' give an article number, as in {_shown(given)}#1"
        )
    return given, int(number)


def read_articles(
    paths: str | os.PathLike | Iterable[str | os.PathLike],
    *,
    max_bytes: int = MAX_BYTES,
    language: str = "en",
    include: str | Sequence[str] = (),
    exclude: str | Sequence[str] = (),
    sentences: bool = True,
) -> list[Article]:
    """Read articles from a file, a folder (recursively), or a list of them.

    Text pages (``.txt``) may hold several stories and page chrome; HTML pages go through
    trafilatura; tables (``.csv``, ``.jsonl``, ``.parquet``) hold one article a row. A
    file ``name#N`` means the N-th article of that file. In a folder, ``include`` and
    ``exclude`` (glob patterns such as ``"*.raw.txt"``, matched against the file name or
    its path in the folder) choose the files; files there that are not articles (Markdown,
    images, PDFs, tables without a text column) are skipped with a warning. Ids come from
    the path in the folder read (``haftar-arrives/marsad#1``) and are unique. Outlets come
    from ``sources.csv``/``sources.json``, a URL, a site name, else the file name (see
    :mod:`~comparative_coverage.reading.metadata`); one warning lists the files that had no
    metadata. ``sentences=False`` leaves the articles' sentences unsplit (every entry point
    splits them when it needs them, see :func:`as_articles`): the corpus pipeline reads
    paragraphs, fingerprints them and stores them, and splits later. Raises a
    :class:`~comparative_coverage.errors.CoverageError` whose message says what to do.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    include = [include] if isinstance(include, str) else list(include)
    exclude = [exclude] if isinstance(exclude, str) else list(exclude)
    paths = list(paths)
    articles: list[Article] = []
    cache: dict[Path, dict] = {}
    missing: list[str] = []
    for given in paths:
        given, selector = _selector(os.fspath(given))
        found = []
        for path, relative in _files(Path(given), include, exclude):
            found.extend(_read_found(path, relative, max_bytes, language, missing, cache))
        if selector is not None:
            if not 1 <= selector <= len(found):
                raise ArticleNotFound(
                    f"{_shown(given)} holds {len(found)} article(s); "
                    f"#{selector} does not exist (use #1 to #{len(found)})"
                )
            found = [found[selector - 1]]
        articles.extend(found)
    if not articles:
        raise EmptyInput(
            f"no articles found in {', '.join(_shown(p) for p in paths)}; pass .txt, "
            ".html, .csv, .jsonl or .parquet files"
        )
    if len(set(missing)) > 1:  # one file named on its own is named after itself quietly
        files = sorted(set(missing))
        warnings.warn(
            f"{len(files)} file(s) had no outlet metadata (no sources.csv or sources.json row, "
            f"URL or site name), so the outlet is their file name: {', '.join(files[:20])}"
            + (" ..." if len(files) > 20 else "")
            + "; add a sources.csv beside them to name the outlets",
            MetadataWarning,
            stacklevel=2,
        )
    articles = _unique_ids(articles)
    _warn_of_copies(articles)
    return [with_sentences(article) for article in articles] if sentences else articles
