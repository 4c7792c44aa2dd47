"""A table file (CSV, TSV, JSON, JSON lines, Parquet) -> one :class:`Article` a row.

Tables name their columns in many ways and hold cells of every type (bytes, lists,
timestamps, NaN); finding the text column and turning cells into text is its own job,
kept apart from :mod:`files`, which finds the files and sends each to its reader. pandas
is imported here, inside the reader: a table-reading edge.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Sequence
from pathlib import Path

from ..errors import (
    EmptyInput,
    InputTooLarge,
    MissingColumn,
    NotText,
    missing_dependency,
    safe_text,
)
from ..model import Article
from .dates import find_date
from .decoding import SkippedInputWarning, _read_bytes, decode
from .lines import split_blocks, unix_newlines

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


def _column(columns: Sequence[str], role: str) -> str | None:
    lowered = {str(c).strip().lower(): c for c in columns}
    return next((lowered[a] for a in _COLUMN_ALIASES[role] if a in lowered), None)


def _read_table(path: Path, max_bytes: int, language: str) -> list[Article]:
    import io

    import pandas as pd

    data = _read_bytes(path, max_bytes)  # size and emptiness checks
    suffix = path.suffix.lower()
    if suffix != ".parquet":  # a PDF renamed .csv says so; a Windows-1252 table reads
        text = io.StringIO(decode(data, name=str(path)))
    try:
        if suffix == ".parquet":
            try:
                frame = pd.read_parquet(path)
            except ImportError as error:
                raise missing_dependency(
                    "pyarrow", "read .parquet files", extra="parquet"
                ) from error
        elif suffix in (".jsonl", ".ndjson"):
            try:
                frame = pd.read_json(text, lines=True, dtype=False)
            except ValueError:  # a bad line (a crawl cut off mid-line): read the others
                frame = _json_lines(text.getvalue(), path)
        elif suffix == ".json":
            frame = pd.read_json(text, dtype=False)
        else:
            frame = pd.read_csv(
                text, sep="\t" if suffix == ".tsv" else ",", dtype=str, keep_default_na=False
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
    cells = [str(c).strip() for c in frame[text_column] if str(c).strip()]
    if pd.api.types.is_numeric_dtype(frame[text_column]) or (cells and all(map(_number, cells))):
        raise MissingColumn(
            f"{path}: its text column {text_column!r} holds numbers, not article text; "
            "name the column with the article text 'text' (or body/content)"
        )
    roles = {role: _column(list(frame.columns), role) for role in _COLUMN_ALIASES}
    articles = []
    # rows are numbered as the file's lines when some lines were skipped (ids stay put)
    numbers = frame.attrs.get("line_numbers") or range(1, len(frame) + 1)
    for number, row in zip(numbers, frame.to_dict("records"), strict=True):

        def value(role: str, row: dict = row) -> str:
            column = roles[role]
            return _cell_text(row.get(column) if column is not None else None, str(path))

        text = value("text")
        if not text.strip():
            warnings.warn(
                f"{path} row {number} has no text; it was skipped",
                SkippedInputWarning,
                stacklevel=3,
            )
            continue
        text = unix_newlines(text)
        spans = split_blocks(text)
        try:
            article = Article(
                id=value("id") or f"{safe_text(path.stem)}#{number}",
                outlet=value("outlet"),
                title=value("title"),
                paragraphs=tuple(text[s:e] for s, e in spans),
                dek=value("dek"),
                date=find_date(value("date")) or (value("date") or None),
                url=value("url") or None,
                language=value("language") or language,
                source=f"{safe_text(str(path))}#{number}",
            )
        except InputTooLarge as error:  # one huge row does not sink the table
            warnings.warn(
                f"{path} row {number}: {error}; it was skipped", SkippedInputWarning, stacklevel=3
            )
            continue
        articles.append(article)
    if not articles:
        raise EmptyInput(f"{path} has no rows with text; fill its '{text_column}' column")
    return articles


def _json_lines(text: str, path: Path):
    """The rows of a JSON-lines file, one line at a time: a line that is not a JSON
    object is skipped with one warning that counts them and says where the first are (a
    file of none raises). The frame's ``attrs["line_numbers"]`` numbers its rows as the
    file's lines, so a row's id and warnings name the line it came from."""
    import json

    import pandas as pd

    rows, numbers, bad = [], [], []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except ValueError:
            row = None
        if isinstance(row, dict):
            rows.append(row)
            numbers.append(number)
        else:
            bad.append(number)
    if not rows:
        raise ValueError(f"no line is a JSON object (line {bad[0]} is not)")
    if bad:
        shown = ", ".join(map(str, bad[:10])) + (" ..." if len(bad) > 10 else "")
        warnings.warn(
            f"{path}: {len(bad)} line(s) are not JSON objects and were skipped (line {shown})",
            SkippedInputWarning,
            stacklevel=4,
        )
    frame = pd.DataFrame.from_records(rows)
    frame.attrs["line_numbers"] = numbers
    return frame


def _number(text: str) -> bool:
    return bool(re.fullmatch(r"[-+]?\d[\d,]*(?:\.\d+)?", text))


def _cell_text(cell: object, name: str) -> str:
    """A table cell as text: bytes decoded, a list of strings as paragraphs, no ``'NaT'``.

    >>> _cell_text([b"One.", "Two."], "t"), _cell_text(float("nan"), "t"), _cell_text(7, "t")
    ('One.\\n\\nTwo.', '', '7')
    """
    if cell is None or cell is getattr(cell, "NaT", object()):
        return ""
    if isinstance(cell, bytes | bytearray):
        return decode(bytes(cell), name=name) if cell.strip() else ""
    if isinstance(cell, str):
        return cell
    if isinstance(cell, float) and cell != cell:
        return ""
    if hasattr(cell, "isoformat"):  # a timestamp or a date: midnight means a date
        if str(cell) == "NaT":
            return ""
        text = cell.isoformat()
        return text[:10] if text[10:] in ("", "T00:00:00") else text
    if hasattr(cell, "tolist") and not hasattr(cell, "is_integer"):  # a numpy array
        cell = cell.tolist()
    if isinstance(cell, list | tuple):
        return "\n\n".join(filter(None, (_cell_text(c, name) for c in cell)))
    if str(cell) in ("NaT", "<NA>", "nan"):
        return ""
    return str(cell)
