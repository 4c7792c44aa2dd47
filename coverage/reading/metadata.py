"""Where an article comes from: ``sources.csv``/``sources.json`` rows, URLs, site names, paths.

The outlet (and date, URL, language) of a file is taken from the best evidence there is,
in this order: a row of a ``sources.csv`` or ``sources.json`` beside the file (``file,
article, outlet, date, url, language, wire, notes``; a JSON list of such records, a JSON
object keyed by file or version name, or an object with a ``versions`` object, as the
news-dev set keeps), a URL written in the page, a site name in the page chrome (a
copyright line, or a short name above the title), and last the file name
(``dailysabah`` from ``dailysabah.txt``) or, when that is only a number or a hash, the
folder's name. So no two files share an "unknown" outlet, and the caller can tell the
user which files had no metadata.

>>> outlet_from_url("https://www.nation.com.pk/02-Apr-2024/germany")
'nation.com.pk'
>>> name_from_path(Path("news/haftar-arrives/marsad.raw.txt"))
'marsad'
>>> name_from_path(Path("news/dailysabah/000_2b30075c1d741493.txt"))
'dailysabah'
"""

from __future__ import annotations

import csv
import io
import json
import re
import warnings
from dataclasses import dataclass
from pathlib import Path

from .. import vocabulary
from ..errors import CoverageError
from ..model import Article
from .dates import find_date

__all__ = [
    "METADATA_FILES",
    "Source",
    "folder_sources",
    "outlet_from_url",
    "name_from_path",
    "site_name",
    "MetadataWarning",
    "lookup",
    "url_in",
]

METADATA_FILES = ("sources.csv", "sources.json")
_UNKNOWN = {"", "unknown", "none", "null", "n/a", "-"}
_URL = re.compile(r"https?://[^\s<>\"')\]]+", re.IGNORECASE)
_COPYRIGHT = re.compile(
    r"(?:\u00a9|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-\u2013]\s*\d{4})?\s*)?,?\s*"
    r"(?P<name>[A-Z][\w&.'\u2019 -]{1,40}?)(?:\.|,|\s+all rights|\s*$)",
    re.IGNORECASE,
)
_GENERIC_STEM = re.compile(
    r"^(?:[\d_\W]*|[0-9a-f_-]{8,}|\d+_[0-9a-f]{6,}|(?:article|story|page|text|index|file|doc)[\W_]*\d*)$",
    re.IGNORECASE,
)


class MetadataWarning(UserWarning):
    """Files had no outlet metadata, or a sources file could not be used; the message says which."""


@dataclass(frozen=True, kw_only=True)
class Source:
    """What a sources file says of one file (or one article of it: ``article``)."""

    outlet: str = ""
    date: str | None = None
    url: str | None = None
    language: str | None = None
    article: int | None = None


def _clean(value: object) -> str:
    text = "" if value is None else str(value).strip()
    return "" if text.casefold() in _UNKNOWN else text


def _source(record: dict) -> Source:
    date = _clean(record.get("date"))
    article = _clean(record.get("article"))
    return Source(
        outlet=_clean(record.get("outlet")),
        date=(find_date(date) or date or None) if date else None,
        url=_clean(record.get("url")) or None,
        language=_clean(record.get("language")) or None,
        article=int(article) if article.isdigit() else None,
    )


def _csv_records(path: Path) -> list[dict]:
    from .decoding import decode  # the one decoder

    text = decode(path.read_bytes(), name=str(path))
    limit = csv.field_size_limit()
    csv.field_size_limit(max(limit, 50_000_000))  # long notes fields are fine
    try:
        return list(csv.DictReader(io.StringIO(text)))
    finally:
        csv.field_size_limit(limit)


def _json_records(path: Path) -> list[dict]:
    data = json.loads(path.read_text(encoding="utf-8-sig"))
    if isinstance(data, dict) and isinstance(data.get("versions"), dict | list):
        data = data["versions"]
    if isinstance(data, dict):
        return [{**value, "version": key} for key, value in data.items() if isinstance(value, dict)]
    if isinstance(data, list):
        return [record for record in data if isinstance(record, dict)]
    return []


def _keys(record: dict) -> list[str]:
    """The file names (and version names) a record speaks for."""
    keys = [_clean(record.get(k)) for k in ("file", "raw_file", "path", "version", "name")]
    files = record.get("files")
    if isinstance(files, list):
        keys += [_clean(f) for f in files]
    return [k for k in keys if k]


def _entries(folder: Path) -> list[Path]:
    try:
        return sorted(folder.iterdir())
    except OSError:
        return []


def folder_sources(folder: Path) -> dict[str, list[Source]]:
    """The sources files of one folder, keyed by file name and by version name."""
    found: dict[str, list[Source]] = {}
    by_case = {p.name.lower(): p for p in _entries(folder) if p.name.lower() in METADATA_FILES}
    for name in METADATA_FILES:
        path = by_case.get(name, folder / name)  # Sources.csv is the same table
        if not path.is_file():
            continue
        try:
            records = _csv_records(path) if name.endswith(".csv") else _json_records(path)
        except (OSError, ValueError, csv.Error, CoverageError) as error:
            warnings.warn(
                f"{path} could not be read ({error}); its metadata was not used",
                MetadataWarning,
                stacklevel=4,
            )
            continue
        for record in records:
            source = _source(record)
            for key in _keys(record):
                found.setdefault(key, []).append(source)
    return found


def lookup(sources: dict[str, list[Source]], path: Path, number: int) -> Source | None:
    """The row for article ``number`` of ``path``: by file name, else by version name."""
    if not sources:  # a folder without a sources file
        return None
    name = path.name
    for key in (name, name.split(".")[0]):
        rows = sources.get(key, [])
        exact = [row for row in rows if row.article == number]
        if exact:
            return exact[0]
        loose = [row for row in rows if row.article is None or row.article == 1]
        if loose and (number == 1 or loose[0].article is None):
            return loose[0]
    return None


_SCHEME = re.compile(r"^[a-z]+://", re.IGNORECASE)


def outlet_from_url(url: str) -> str:
    """The site's domain, without ``www.``: the outlet when nothing names it better."""
    host = _SCHEME.sub("", url.strip()).split("/")[0]
    host = host.split("@")[-1].split(":")[0].lower()
    return host[4:] if host.startswith("www.") else host


def url_in(article: Article) -> str | None:
    """A URL written in the page chrome (its skipped lines; the first one)."""
    for text in (s.text for s in article.skipped):
        match = _URL.search(text) if "://" in text else None  # the pattern holds "://"
        if match:
            return match.group().rstrip(".,;")
    return None


def _may_name_copyright(text: str) -> bool:
    """A cheap necessary test for ``_COPYRIGHT``, exact for ASCII text (the search tries
    its case-blind alternation at every character of every skipped line)."""
    if not text.isascii():
        return True
    low = text.lower()
    return "(c)" in low or "copyright" in low


def site_name(article: Article) -> str:
    """A site name in the page chrome: a copyright line, or a short name above the title."""
    for skipped in article.skipped:
        match = _may_name_copyright(skipped.text) and _COPYRIGHT.search(skipped.text)
        if match:
            return match.group("name").strip()
    for skipped in article.skipped[:1]:  # only the page's first line, above the title
        words = skipped.text.split()
        if (
            skipped.reason in ("kicker or site name above the title", "page header")
            and 1 <= len(words) <= 4
            and not any(c.isdigit() for c in skipped.text)
            and all(w[0].isupper() for w in words if w[0].isalpha())
            and any(w[0].isalpha() for w in words)
            and skipped.text.casefold() not in vocabulary.words("reading_section_labels")
        ):
            return skipped.text
    return ""


def name_from_path(path: Path) -> str:
    """A readable outlet name from the file name, or the folder's when the file's is a hash."""
    stem = path.name.split(".")[0]
    if stem and not _GENERIC_STEM.match(stem):
        return stem
    parent = path.parent.name
    return parent or stem or path.name
