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
    InputTooLarge,
    MissingColumn,
    NotText,
    missing_dependency,
)
from ..model import Article
from .articles import with_sentences
from .furniture import find_date
from .lines import split_blocks
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

__all__ = [
    "read_articles",
    "read_text",
    "decode",
    "SkippedInputWarning",
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

_MAGIC = (
    (b"%PDF", "a PDF"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or .docx/.xlsx)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"RIFF", "a media file"),
    (b"\x7fELF", "a program"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
    (b"PAR1", "a Parquet table"),
)
_HTML_SNIFF = re.compile(
    rb"^\s*(?:<!doctype html|<html|<head|<body|<article|<div|<p[\s>])", re.IGNORECASE
)

_COLUMN_ALIASES = {
    "text": ("text", "body", "content", "article", "full_text", "maintext"),
    "title": ("title", "headline", "head"),
    "outlet": ("outlet", "source", "publisher", "site", "sitename", "source_name", "media"),
    "date": ("date", "published", "publish_date", "date_publish", "pubdate", "datetime"),
    "url": ("url", "link", "href"),
    "id": ("id", "article_id", "doc_id", "uid"),
    "dek": ("dek", "standfirst", "description", "summary", "subtitle", "lede"),
    "language": ("language", "lang"),
}


_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


class SkippedInputWarning(UserWarning):
    """A file or row was not read (unknown type, empty text); the message says which."""


def _human(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 100_000 else f"{size:,} bytes"


def decode(data: bytes, *, name: str = "input") -> str:
    """Bytes -> text: UTF-8 (with or without BOM) first, then charset detection.

    Line endings are normalised to ``\\n``; nothing else is changed.

    >>> decode("caf\\u00e9 \\u201cquoted\\u201d\\r\\n".encode("cp1252")) == "caf\\u00e9 \\u201cquoted\\u201d\\n"
    True
    """
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise NotText(
                f"{name} is not text (looks like {kind}); "
                "pass a .txt, .html, .csv, .jsonl or .parquet file"
            )
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise NotText(
            f"{name} is binary, not text (it contains NUL bytes); "
            "pass a .txt, .html, .csv, .jsonl or .parquet file"
        )
    try:
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with its byte-order mark
            text = data.decode("utf-16")
        else:
            text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = _detect(data, name)
    controls = len(_CONTROLS.findall(text, 0, 100_000))
    if controls > 0.01 * min(len(text), 100_000):
        raise NotText(
            f"{name} looks binary, not text (it is full of control characters); "
            "pass a .txt, .html, .csv, .jsonl or .parquet file"
        )
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _detect(data: bytes, name: str) -> str:
    # Windows-1252 is what most non-UTF-8 news text is; prefer it when it decodes cleanly
    # and the bytes look like its typographic range (curly quotes, dashes).
    # A mostly-ASCII text with a few accented letters is Western European far more often
    # than anything charset detection guesses from so little evidence.
    try:
        text = data.decode("cp1252")
        clean = not re.search(rb"[\x81\x8d\x8f\x90\x9d]", data)
        few = sum(b >= 0x80 for b in data[:100_000]) < 0.05 * min(len(data), 100_000)
        if clean and (few or re.search(rb"[\x91-\x97]", data)):
            return text
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise NotText(
            f"{name} is in no text encoding we could recognise; save it as UTF-8 and try again"
        )
    return str(best)


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    size = path.stat().st_size
    if size > max_bytes:
        raise InputTooLarge(
            f"{path} is {_human(size)}, over the {_human(max_bytes)} limit; "
            f"split it, or pass max_bytes={size + 1} to read it anyway"
        )
    data = path.read_bytes()
    if not data.strip():
        raise EmptyInput(f"{path} is empty; pass a file that holds article text")
    return data


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
    text = text.replace("\r\n", "\n").replace("\r", "\n")
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
    articles = parse_page(text, name=path.stem, source=str(path), language=language)
    if not articles:
        raise EmptyInput(f"{path} holds no article text (only page furniture was found)")
    return articles


def _read_html(html: str, path: Path, language: str) -> list[Article]:
    import trafilatura

    document = trafilatura.bare_extraction(
        html, include_comments=False, include_tables=False, with_metadata=True, favor_precision=True
    )
    text = getattr(document, "text", None) if document is not None else None
    if not text or not text.strip():
        raise EmptyInput(
            f"{path} is an HTML page in which no article text was found; "
            "save the article's text as .txt instead"
        )
    meta = {
        key: getattr(document, key, None)
        for key in ("title", "date", "sitename", "url", "description")
    }
    spans = [(s, e) for s, e in split_blocks(text) if text[s:e] != meta["title"]]
    article = Article(
        id=f"{path.stem}#1",
        outlet=meta["sitename"] or "",
        title=meta["title"] or "",
        paragraphs=tuple(text[s:e] for s, e in spans),
        dek=meta["description"] or "",
        date=(meta["date"] or None),
        url=meta["url"] or None,
        language=language,
        source=str(path),
    )
    return [article]


def _column(columns: Sequence[str], role: str) -> str | None:
    lowered = {str(c).strip().lower(): c for c in columns}
    return next((lowered[a] for a in _COLUMN_ALIASES[role] if a in lowered), None)


def _read_table(path: Path, max_bytes: int, language: str) -> list[Article]:
    import pandas as pd

    _read_bytes(path, max_bytes)  # size and emptiness checks
    suffix = path.suffix.lower()
    try:
        if suffix == ".parquet":
            try:
                frame = pd.read_parquet(path)
            except ImportError as error:
                raise missing_dependency(
                    "pyarrow", "read .parquet files", extra="parquet"
                ) from error
        elif suffix in (".jsonl", ".ndjson"):
            frame = pd.read_json(path, lines=True, dtype=False)
        elif suffix == ".json":
            frame = pd.read_json(path, dtype=False)
        else:
            frame = pd.read_csv(
                path, sep="\t" if suffix == ".tsv" else ",", dtype=str, keep_default_na=False
            )
    except (ValueError, UnicodeDecodeError, pd.errors.ParserError) as error:
        raise NotText(
            f"{path} could not be read as a {suffix} table ({error}); "
            "check that it is a valid, UTF-8 encoded table"
        ) from error
    text_column = _column(list(frame.columns), "text")
    if text_column is None:
        raise MissingColumn(
            f"{path} has no text column (its columns: {', '.join(map(str, frame.columns))}); "
            "name the column with the article text 'text' (or body/content)"
        )
    roles = {role: _column(list(frame.columns), role) for role in _COLUMN_ALIASES}
    articles = []
    for number, row in enumerate(frame.to_dict("records"), 1):

        def value(role: str, row: dict = row) -> str:
            column = roles[role]
            cell = row.get(column) if column is not None else None
            return "" if cell is None or (isinstance(cell, float) and cell != cell) else str(cell)

        text = value("text")
        if not text.strip():
            warnings.warn(
                f"{path} row {number} has no text; it was skipped",
                SkippedInputWarning,
                stacklevel=3,
            )
            continue
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        spans = split_blocks(text)
        articles.append(
            Article(
                id=value("id") or f"{path.stem}#{number}",
                outlet=value("outlet"),
                title=value("title"),
                paragraphs=tuple(text[s:e] for s, e in spans),
                dek=value("dek"),
                date=find_date(value("date")) or (value("date") or None),
                url=value("url") or None,
                language=value("language") or language,
                source=f"{path}#{number}",
            )
        )
    if not articles:
        raise EmptyInput(f"{path} has no rows with text; fill its '{text_column}' column")
    return articles


def _found_metadata(
    article: Article, path: Path, number: int, cache: dict[Path, dict]
) -> tuple[Article, bool]:
    """The article with its outlet, date, URL and language from the best evidence there is.

    Returns whether real metadata was found (a sources row, a URL, a site name) or only
    the file name was left.
    """
    folder = path.parent
    if folder not in cache:
        cache[folder] = folder_sources(folder)
    row = lookup(cache[folder], path, number)
    if row is not None:
        article = _with(
            article, outlet=row.outlet, date=row.date, url=row.url, language=row.language
        )
    if article.outlet:
        return article, True
    url = article.url or url_in(article)
    if url:
        return _with(article, outlet=outlet_from_url(url), url=url), True
    site = site_name(article)
    if site:
        return _with(article, outlet=site), True
    return _with(article, outlet=name_from_path(path)), False


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


def _files(
    path: Path, include: Sequence[str], exclude: Sequence[str]
) -> Iterable[tuple[Path, Path | None]]:
    """(file, the folder it was found in or None when named) for every file to read."""
    if not path.exists():
        raise InputNotFound(
            f"{_shown(path)} does not exist; check the path "
            f"(relative paths start at {_shown(Path.cwd())})"
        )
    if path.is_file():
        yield path, None
        return
    known = TEXT_SUFFIXES | HTML_SUFFIXES | TABLE_SUFFIXES
    for root, dirs, names in os.walk(path):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for file_name in sorted(names):
            child = Path(root) / file_name
            relative = child.relative_to(path).as_posix()
            if (
                file_name.startswith(".")
                or file_name in METADATA_FILES
                or not _wanted(relative, include, exclude)
            ):
                continue
            if child.suffix.lower() in FOLDER_SKIPPED:
                _skip(child, "Markdown is not read from a folder (name the file to read it)")
            elif child.suffix.lower() in known:
                yield child, path
            else:
                _skip(child, f"not a known article file ({', '.join(sorted(known))})")


def _read_file(path: Path, max_bytes: int, language: str) -> list[Article]:
    if path.suffix.lower() in TABLE_SUFFIXES:
        return _read_table(path, max_bytes, language)
    return _read_page_file(path, max_bytes, language)


def _read_found(
    path: Path, folder: Path | None, max_bytes: int, language: str, missing: list[str], cache
) -> list[Article]:
    """The articles of one file, with ids from its path and metadata; a file met in a folder
    that cannot be read is skipped with a warning (a file named on purpose raises)."""
    try:
        found = _read_file(path, max_bytes, language)
    except (CoverageError, OSError) as error:
        if folder is None:
            if isinstance(error, OSError):
                raise InputNotFound(f"{_shown(path)} cannot be read ({error.strerror})") from None
            raise
        _skip(path, str(error) if isinstance(error, CoverageError) else f"unreadable ({error})")
        return []
    base = (path.relative_to(folder) if folder else Path(path.name)).with_suffix("").as_posix()
    table = path.suffix.lower() in TABLE_SUFFIXES
    articles = []
    for number, article in enumerate(found, 1):
        if not (table and article.id != f"{path.stem}#{number}"):
            article = dataclasses.replace(article, id=f"{base}#{number}")
        if table and article.outlet:
            articles.append(article)
            continue
        article, known = _found_metadata(article, path, number, cache)
        if not known:
            missing.append(_shown(path if folder is None else path.relative_to(folder)))
        articles.append(article)
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
    metadata. Raises a :class:`~comparative_coverage.errors.CoverageError` whose message
    says what to do.
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
        for path, folder in _files(Path(given), include, exclude):
            found.extend(_read_found(path, folder, max_bytes, language, missing, cache))
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
    return [with_sentences(article) for article in _unique_ids(articles)]
