"""Input files -> partitions of articles, and articles <-> rows of Parquet part files.

The corpus pipeline (:mod:`distributed`) reads its inputs a partition at a time and
keeps every intermediate result as part files in the output folder: written under a
temporary name and renamed, so a part file that exists is complete, and a restarted
run can trust it.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from ..errors import EmptyInput, InputNotFound
from ..model import Article
from ..reading.files import (
    FOLDER_SKIPPED,
    HTML_SUFFIXES,
    TABLE_SUFFIXES,
    TEXT_SUFFIXES,
    read_articles,
)
from ..reading.metadata import METADATA_FILES

__all__ = [
    "input_partitions",
    "read_partition",
    "write_part",
    "save_array",
    "read_table",
    "article_columns",
    "articles_from",
    "stored_articles",
    "finished",
    "signatures_file",
    "mark_finished",
    "WORK",
    "TEXT_FIELDS",
]

WORK = "_work"
PAGE_FILES_PER_PARTITION = 500
TEXT_FIELDS = ("id", "outlet", "title", "dek", "date", "url", "language", "source")

# ---- inputs ----------------------------------------------------------------------------


def input_partitions(
    paths: str | os.PathLike | Sequence[str | os.PathLike],
    *,
    files_per_partition: int = PAGE_FILES_PER_PARTITION,
) -> tuple[tuple[str, ...], ...]:
    """Input files in :func:`read_articles` order, cut into partitions.

    A partition is ``(given, file, file...)``: the path the user gave (a file, or the
    folder the files were found in, which their ids and ``sources.csv`` are relative to)
    and its files. A table file (Parquet, JSONL, CSV shard) is a partition of its own;
    page files (.txt, .html) are taken ``files_per_partition`` at a time.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    out: list[tuple[str, ...]] = []
    for given in paths:
        if not Path(given).exists():
            raise InputNotFound(
                f"{given} does not exist; check the path (relative paths start at {Path.cwd()})"
            )
        batch: list[str] = []
        for path in _walk(Path(given)):
            if path.suffix.lower() in TABLE_SUFFIXES or len(batch) >= files_per_partition:
                if batch:
                    out.append((str(given), *batch))
                batch = []
            if path.suffix.lower() in TABLE_SUFFIXES:
                out.append((str(given), str(path)))
            else:
                batch.append(str(path))
        if batch:
            out.append((str(given), *batch))
    if not out:
        raise EmptyInput(
            f"no article files in {', '.join(map(str, paths))}; "
            "pass folders of .txt/.html pages or .parquet/.jsonl/.csv shards"
        )
    return tuple(out)


def read_partition(partition: Sequence[str]) -> list[Article]:
    """The articles of one partition, with the ids and metadata :func:`read_articles` gives
    them when it reads the whole folder (ids are unique within a partition only).

    Their sentences are not split: the reading stage stores paragraphs, and the stages
    after it split the articles they compare (splitting here too cost 0.05 ms an article).
    """
    given, *files = partition
    if not Path(given).is_dir():
        return read_articles(given, sentences=False)
    root = Path(given)
    wanted = [_escape(Path(f).relative_to(root).as_posix()) for f in files]
    keep = set(files)
    return [
        article
        for article in read_articles(root, include=wanted, sentences=False)
        if article.source in keep or (article.source or "").rpartition("#")[0] in keep
    ]


def _escape(name: str) -> str:
    """A file name as an fnmatch pattern that matches only itself."""
    return "".join(f"[{c}]" if c in "[]*?" else c for c in name)


def _walk(path: Path) -> list[Path]:
    """The files :func:`read_articles` reads from ``path``, in its order (it warns on others)."""
    if not path.is_dir():
        return [path]  # read_articles says what is wrong with a missing or odd file
    known = (TEXT_SUFFIXES | HTML_SUFFIXES | TABLE_SUFFIXES) - FOLDER_SKIPPED
    found = []
    for root, dirs, names in os.walk(path):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            if name.startswith(".") or name in METADATA_FILES:
                continue
            if Path(name).suffix.lower() in known:
                found.append(Path(root) / name)
    return found


# ---- files -----------------------------------------------------------------------------


def write_part(table, path: Path) -> None:
    """Write a pyarrow table or pandas frame atomically: a file that exists is complete."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    if not isinstance(table, pa.Table):
        table = pa.Table.from_pandas(table, preserve_index=False)
    # one schema for every part: pandas gives string or large_string depending on content
    # and an empty or all-missing text column has no type: call it text too
    schema = pa.schema(
        [
            f.with_type(pa.string())
            if pa.types.is_large_string(f.type) or pa.types.is_null(f.type)
            else f
            for f in table.schema
        ]
    )
    table = table.cast(schema)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    pq.write_table(table, temporary)
    os.replace(temporary, path)


def save_array(array: np.ndarray, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp.npy")
    np.save(temporary, array)
    os.replace(temporary, path)


def read_table(folder: str | os.PathLike, columns: Sequence[str] | None = None):
    """All part files of one output table as one pyarrow table (empty parts skipped)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    parts = sorted(Path(folder).glob("*.parquet"))
    tables = [pq.read_table(p, columns=columns) for p in parts]
    tables = [t for t in tables if t.num_rows] or tables[:1]
    return pa.concat_tables(tables, promote_options="default") if tables else pa.table({})


def article_columns(articles: Sequence[Article]) -> dict[str, list]:
    columns: dict[str, list] = {name: [getattr(a, name) for a in articles] for name in TEXT_FIELDS}
    columns["paragraphs"] = [json.dumps(a.paragraphs, ensure_ascii=False) for a in articles]
    columns["captions"] = [json.dumps(a.captions, ensure_ascii=False) for a in articles]
    return columns


def articles_from(columns: dict[str, list]) -> list[Article]:
    return [
        Article(
            **{name: columns[name][k] for name in TEXT_FIELDS},
            paragraphs=tuple(json.loads(columns["paragraphs"][k])),
            captions=tuple(json.loads(columns["captions"][k])),
        )
        for k in range(len(columns["id"]))
    ]


def stored_articles(output: str | os.PathLike, stories: Sequence[str]) -> list[Article]:
    """The articles of some stories of a finished run, in corpus order (for a report)."""
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    out = Path(output)
    table = read_table(out / "articles", columns=["index", "story"])
    wanted = table.filter(pc.is_in(table["story"], value_set=pa.array(list(stories))))
    indices = sorted(wanted["index"].to_pylist())
    found: list[Article] = []
    offset = 0
    for path in sorted((out / WORK / "read").glob("part-*.parquet")):
        count = pq.read_metadata(path).num_rows
        local = [k - offset for k in indices if offset <= k < offset + count]
        if local:
            columns = pq.read_table(path).take(local).to_pydict()
            found.extend(articles_from(columns))
        offset += count
    return found


def signatures_file(work: Path, part: int) -> Path:
    return work / "read" / f"signatures-{part:05d}.npy"


# ---- 4. confirmation -------------------------------------------------------------------


def write_json(path: Path, value: object) -> None:
    """Write ``value`` as JSON atomically: a file that exists is complete."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_text(json.dumps(value), encoding="utf-8")
    os.replace(temporary, path)


def mark_finished(marker: Path, paths: Sequence[Path]) -> None:
    """Record that a task wrote ``paths``: the marker names them, relative to its folder's parent."""
    base = marker.parent.parent
    write_json(marker, [os.path.relpath(path, base) for path in paths])


def finished(marker: Path) -> bool:
    """Did the task behind ``marker`` finish, and is every file it wrote still there?"""
    if not marker.exists():
        return False
    base = marker.parent.parent
    return all((base / name).exists() for name in json.loads(marker.read_text(encoding="utf-8")))
