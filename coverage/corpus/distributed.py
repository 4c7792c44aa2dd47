"""Shards of articles -> stories on a Dask cluster, the same stories :func:`find_stories` finds.

The single-process steps of :mod:`stories`, cut where a cluster can share them out; each
stage leaves files in the output folder, so a failed run restarts where it stopped:

1. **Read and fingerprint**, one task per input partition (a Parquet/JSONL shard, or a
   batch of page files): articles to ``_work/read/part-P.parquet``, MinHash signatures
   beside them (``.npy``).
2. **Candidate pairs.** Every signature band becomes a row (band, key, article); a Dask
   shuffle on the band key brings equal keys together, where :func:`stories.run_pairs`
   turns runs into pairs. A second shuffle, on the input partition of the pair's first
   article, drops the pairs several bands proposed: no task ever holds the band table.
3. **Components.** The client joins pairs into connected components (a numpy
   union-find: 8 bytes an article); a third shuffle sends each component's articles,
   their signatures and their pairs to one partition.
4. **Confirmation**, one task per component partition: the pairs' estimated similarity,
   the single-process order (best pairs first) and :func:`stories.confirm`.
5. **Numbering** on the client (stories are numbered by their first article, as
   :func:`find_stories` numbers them), then **per-story tables**, one task per component
   partition, from a caller's function of a :class:`Story` (comparison, changes...), and
   the per-article tables, one task per input partition.

Every file is written to a temporary name and renamed, so a file that exists is whole.
"""

from __future__ import annotations

import base64
import json
import os
import uuid
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from ..model import Article
from ..reading.files import (
    HTML_SUFFIXES,
    METADATA_FILE,
    TABLE_SUFFIXES,
    TEXT_SUFFIXES,
    read_articles,
)
from ..unionfind import UnionFind
from .stories import (
    _MIN_JACCARD,
    Story,
    StoryLink,
    _components,
    _signatures,
    _title,
    confirm,
    estimated_similarity,
    run_pairs,
)

__all__ = [
    "Settings",
    "TableMaker",
    "input_partitions",
    "group_stories",
    "read_table",
]

WORK = "_work"
PAGE_FILES_PER_PARTITION = 500
ARTICLES_PER_COMPONENT_PARTITION = 4000
_TEXT = ("id", "outlet", "title", "dek", "date", "url", "language", "source")

TableMaker = Callable[..., dict[str, object]]  # -> {table name: pandas DataFrame}


@dataclass(frozen=True, kw_only=True)
class Settings:
    """What a run computes from: its inputs and every number that changes the result.

    Recorded in the output folder; a restart with other settings is refused, so finished
    partitions are only reused for the run they belong to.
    """

    partitions: tuple[tuple[str, ...], ...]
    shingle: int = 3
    num_perm: int = 128
    bands: int = 64
    seed: int = 1
    threshold: float = 0.3
    containment: float = 0.8

    def to_json(self) -> str:
        return json.dumps(asdict(self), indent=1, sort_keys=True)


# ---- inputs ----------------------------------------------------------------------------


def input_partitions(
    paths: str | os.PathLike | Sequence[str | os.PathLike],
    *,
    files_per_partition: int = PAGE_FILES_PER_PARTITION,
) -> tuple[tuple[str, ...], ...]:
    """Input files in :func:`read_articles` order, cut into partitions.

    A table file (Parquet, JSONL, CSV shard) is a partition of its own; page files
    (.txt, .html) are taken ``files_per_partition`` at a time, folder by folder, so a
    folder's ``sources.csv`` applies as it does when the folder is read whole.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    files: list[Path] = []
    for given in paths:
        files.extend(_walk(Path(given)))
    out: list[tuple[str, ...]] = []
    batch: list[str] = []
    for path in files:
        if path.suffix.lower() in TABLE_SUFFIXES:
            if batch:
                out.append(tuple(batch))
                batch = []
            out.append((str(path),))
            continue
        if batch and (len(batch) >= files_per_partition or Path(batch[-1]).parent != path.parent):
            out.append(tuple(batch))
            batch = []
        batch.append(str(path))
    if batch:
        out.append(tuple(batch))
    return tuple(out)


def _walk(path: Path) -> list[Path]:
    """The files :func:`read_articles` reads from ``path``, in its order (it warns on others)."""
    if not path.is_dir():
        return [path]  # read_articles says what is wrong with a missing or odd file
    known = TEXT_SUFFIXES | HTML_SUFFIXES | TABLE_SUFFIXES
    found = []
    for root, dirs, names in os.walk(path):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            if name.startswith(".") or name == METADATA_FILE:
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
    schema = pa.schema(
        [f.with_type(pa.string()) if pa.types.is_large_string(f.type) else f for f in table.schema]
    )
    table = table.cast(schema)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    pq.write_table(table, temporary)
    os.replace(temporary, path)


def _save(array: np.ndarray, path: Path) -> None:
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


def _article_columns(articles: Sequence[Article]) -> dict[str, list]:
    columns: dict[str, list] = {name: [getattr(a, name) for a in articles] for name in _TEXT}
    columns["paragraphs"] = [json.dumps(a.paragraphs, ensure_ascii=False) for a in articles]
    columns["captions"] = [json.dumps(a.captions, ensure_ascii=False) for a in articles]
    return columns


def _articles_from(columns: dict[str, list]) -> list[Article]:
    return [
        Article(
            **{name: columns[name][k] for name in _TEXT},
            paragraphs=tuple(json.loads(columns["paragraphs"][k])),
            captions=tuple(json.loads(columns["captions"][k])),
        )
        for k in range(len(columns["id"]))
    ]


class _Quiet:
    def update(self, _count: int) -> None:
        pass


# ---- 1. read and fingerprint -----------------------------------------------------------


def _read_partition(files: tuple[str, ...], part: int, work: Path, settings: Settings) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    path, signatures_path = work / "read" / f"part-{part:05d}.parquet", _signatures_file(work, part)
    if path.exists() and signatures_path.exists():
        return pq.read_metadata(path).num_rows
    articles, signatures = _signatures(
        read_articles(list(files)),
        size=settings.shingle,
        num_perm=settings.num_perm,
        seed=settings.seed,
        bar=_Quiet(),
    )
    _save(signatures, signatures_path)
    write_part(pa.table(_article_columns(articles)), path)
    return len(articles)


def _signatures_file(work: Path, part: int) -> Path:
    return work / "read" / f"signatures-{part:05d}.npy"


# ---- 2. candidate pairs ----------------------------------------------------------------


def _band_rows(part: int, work: Path, offset: int, bands: int):
    """One row per (band, article) of a partition: the band's key values and a bucket hash."""
    import pandas as pd

    signatures = np.load(_signatures_file(work, part))
    rows = signatures.shape[1] // bands
    filled = np.flatnonzero((signatures != 0xFFFFFFFF).any(axis=1))
    signatures = signatures[filled]
    columns: dict[str, np.ndarray] = {
        "band": np.repeat(np.arange(bands, dtype=np.int64), len(filled)),
        "index": np.tile(filled.astype(np.int64) + offset, bands),
    }
    bucket = columns["band"].astype(np.uint64) * np.uint64(0x9E3779B97F4A7C15)
    with np.errstate(over="ignore"):
        for r in range(rows):
            # band-major, as the single-process index: band b holds columns b*rows ... + rows-1
            key = signatures.reshape(len(filled), bands, rows)[:, :, r].T.ravel()
            columns[f"k{r}"] = key
            bucket = (bucket ^ key.astype(np.uint64)) * np.uint64(0xBF58476D1CE4E5B9)
    columns["bucket"] = bucket
    return pd.DataFrame(columns)


def _bucket_pairs(frame, offsets: np.ndarray, rows: int):
    """Pairs from the band-key runs of one shuffled partition, deduplicated within it."""
    import pandas as pd

    if not len(frame):
        return _pairs_frame(np.zeros(0, np.int64), np.zeros(0, np.int64), offsets)
    keys = [frame["band"].to_numpy()] + [frame[f"k{r}"].to_numpy() for r in range(rows)]
    index = frame["index"].to_numpy()
    order = np.lexsort([index, *reversed(keys)])
    change = np.zeros(len(order), dtype=bool)
    change[0] = True
    for key in keys:
        ordered = key[order]
        change[1:] |= ordered[1:] != ordered[:-1]
    group = np.cumsum(change)
    found = list(run_pairs(group, index[order]))
    if not found:
        return _pairs_frame(np.zeros(0, np.int64), np.zeros(0, np.int64), offsets)
    first = np.concatenate([f for f, _ in found])
    second = np.concatenate([s for _, s in found])
    unique = pd.DataFrame({"i": first, "j": second}).drop_duplicates()
    return _pairs_frame(unique["i"].to_numpy(), unique["j"].to_numpy(), offsets)


def _pairs_frame(first: np.ndarray, second: np.ndarray, offsets: np.ndarray):
    import pandas as pd

    part = np.searchsorted(offsets, first, side="right") - 1
    return pd.DataFrame({"i": first, "j": second, "part": part.astype(np.int64)})


def _write_pairs(frame, work: Path):
    """Deduplicate the pairs of the input partitions this shuffled partition holds; write them."""
    import pandas as pd

    frame = frame.drop_duplicates(["i", "j"]).sort_values(["i", "j"])
    counts = []
    for part, pairs in frame.groupby("part", sort=True):
        write_part(pairs[["i", "j"]].reset_index(drop=True), _pairs_file(work, int(part)))
        counts.append((int(part), len(pairs)))
    return pd.DataFrame(counts, columns=["part", "pairs"]).astype("int64")


def _pairs_file(work: Path, part: int) -> Path:
    return work / "pairs" / f"part-{part:05d}.parquet"


def _read_pairs(work: Path, part: int) -> tuple[np.ndarray, np.ndarray]:
    import pyarrow.parquet as pq

    path = _pairs_file(work, part)
    if not path.exists():
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    table = pq.read_table(path)
    return table["i"].to_numpy(), table["j"].to_numpy()


# ---- 3. components ---------------------------------------------------------------------


def _compress(parent: np.ndarray) -> np.ndarray:
    while True:
        grand = parent[parent]
        if np.array_equal(grand, parent):
            return parent
        parent = grand


def union_pairs(parent: np.ndarray, first: np.ndarray, second: np.ndarray) -> np.ndarray:
    """Join pairs into a compressed parent array; every set's root is its smallest member.

    >>> union_pairs(np.arange(6), np.array([3, 1, 4]), np.array([5, 3, 0]))
    array([0, 1, 2, 1, 0, 1])
    """
    parent = _compress(parent)
    while len(first):
        a, b = parent[first], parent[second]
        apart = a != b
        if not apart.any():
            break
        first, second, a, b = first[apart], second[apart], a[apart], b[apart]
        np.minimum.at(parent, np.maximum(a, b), np.minimum(a, b))
        parent = _compress(parent)
    return parent


def _component_rows(part: int, work: Path, offset: int, root, keep):
    """The articles of a partition that belong to a component, with their pairs."""
    import pandas as pd
    import pyarrow.parquet as pq

    table = pq.read_table(work / "read" / f"part-{part:05d}.parquet").to_pydict()
    signatures = np.load(_signatures_file(work, part))
    first, second = _read_pairs(work, part)
    partners: dict[int, list[int]] = defaultdict(list)
    for i, j in zip(first.tolist(), second.tolist(), strict=True):
        partners[i].append(j)
    local = np.flatnonzero(keep)
    frame = {name: [table[name][k] for k in local] for name in table}
    frame["component"] = root[local].astype(np.int64)
    frame["index"] = local.astype(np.int64) + offset
    frame["signature"] = [base64.b64encode(signatures[k].tobytes()).decode() for k in local]
    frame["partners"] = [" ".join(map(str, partners.get(k + offset, ()))) for k in local]
    return pd.DataFrame(frame)


def _component_meta():
    import pandas as pd

    columns = {name: pd.Series([], dtype=object) for name in (*_TEXT, "paragraphs", "captions")}
    columns |= {"component": pd.Series([], dtype="int64"), "index": pd.Series([], dtype="int64")}
    columns |= {"signature": pd.Series([], dtype=object), "partners": pd.Series([], dtype=object)}
    return pd.DataFrame(columns)


def _component_file(work: Path, part: int) -> Path:
    return work / "components" / f"part-{part:05d}.parquet"


def _write_components(frame, work: Path, partition_info=None):
    import pandas as pd

    number = partition_info["number"] if partition_info else 0
    frame = frame.sort_values("index").reset_index(drop=True)
    for name in (*_TEXT, "paragraphs", "captions", "signature", "partners"):
        frame[name] = frame[name].astype(object).where(frame[name].notna(), None)
    write_part(frame, _component_file(work, number))
    return pd.DataFrame({"part": [number], "articles": [len(frame)]}).astype("int64")


def _load_component(path: Path, num_perm: int):
    """The articles of a component partition by index, their signatures, their pairs."""
    import pyarrow.parquet as pq

    columns = pq.read_table(path).to_pydict()
    index = [int(k) for k in columns["index"]]
    articles = dict(zip(index, _articles_from(columns), strict=True))
    signatures = {
        k: np.frombuffer(base64.b64decode(s), dtype=np.uint32)
        for k, s in zip(index, columns["signature"], strict=True)
    }
    pairs = [
        (i, int(j))
        for i, text in zip(index, columns["partners"], strict=True)
        for j in text.split()
    ]
    return articles, signatures, pairs


# ---- 4. confirmation -------------------------------------------------------------------


def _confirm_partition(part: int, work: Path, settings: Settings) -> int:
    import pyarrow as pa

    done = work / "confirmed" / f"members-{part:05d}.parquet"
    if done.exists():
        return -1
    articles, signatures, found = _load_component(_component_file(work, part), settings.num_perm)
    pairs = np.array(sorted(set(found)), dtype=np.int64).reshape(-1, 2)
    similarity = estimated_similarity(
        np.stack([signatures[i] for i in pairs[:, 0]]) if len(pairs) else np.zeros((0, 1)),
        np.stack([signatures[j] for j in pairs[:, 1]]) if len(pairs) else np.zeros((0, 1)),
    )
    keep = similarity >= _MIN_JACCARD
    pairs, similarity = pairs[keep], similarity[keep]
    forest: UnionFind[int] = UnionFind()
    links = []
    for component in _components(pairs, similarity):
        links += confirm(
            [(int(pairs[p, 0]), int(pairs[p, 1])) for p in component],
            articles.__getitem__,
            forest,
            threshold=settings.threshold,
            containment=settings.containment,
        )
    links.sort()
    write_part(
        pa.table(
            {
                "a": pa.array([x[0] for x in links], pa.int64()),
                "b": pa.array([x[1] for x in links], pa.int64()),
                "share": pa.array([x[2] for x in links], pa.float64()),
                "score": pa.array([x[3] for x in links], pa.float64()),
            }
        ),
        work / "confirmed" / f"links-{part:05d}.parquet",
    )
    roots = {k: forest.find(k) for k in articles}
    size = defaultdict(int)
    for root in roots.values():
        size[root] += 1
    joined = sorted(k for k, root in roots.items() if size[root] > 1)
    write_part(
        pa.table(
            {
                "index": pa.array(joined, pa.int64()),
                "root": pa.array([forest.find(k) for k in joined], pa.int64()),
            }
        ),
        done,
    )
    return len(links)


# ---- 5. stories and their tables -------------------------------------------------------


def _story_tables(
    part: int, work: Path, out: Path, numbers: dict[int, int], make: TableMaker | None
) -> int:
    """Rebuild a component partition's multi-version stories; write the tables made of them."""
    import pyarrow.parquet as pq

    done = work / "analysed" / f"part-{part:05d}.done"
    if done.exists():
        return -1
    articles, _, _ = _load_component(_component_file(work, part), 0)
    members = pq.read_table(work / "confirmed" / f"members-{part:05d}.parquet").to_pydict()
    links = pq.read_table(work / "confirmed" / f"links-{part:05d}.parquet").to_pylist()
    groups: dict[int, list[int]] = defaultdict(list)
    for index, root in zip(members["index"], members["root"], strict=True):
        groups[root].append(index)
    by_root: dict[int, list[StoryLink]] = defaultdict(list)
    root_of = dict(zip(members["index"], members["root"], strict=True))
    for link in links:
        by_root[root_of[link["a"]]].append(
            StoryLink(articles[link["a"]].id, articles[link["b"]].id, link["share"], link["score"])
        )
    tables: dict[str, list] = defaultdict(list)
    for root in sorted(groups):
        versions = tuple(articles[k] for k in sorted(groups[root]))
        story = Story(f"story-{numbers[root]}", versions, _title(versions), tuple(by_root[root]))
        tables["stories"].append(_story_row(story, root))
        tables["story_links"].extend((story.id, x.a, x.b, x.share, x.score) for x in story.links)
        if make is not None:
            for name, frame in make(story).items():
                tables[name].append(frame)
    _write_story_tables(tables, out, f"comp-{part:05d}")
    done.parent.mkdir(parents=True, exist_ok=True)
    done.touch()
    return len(groups)


STORY_COLUMNS = ("story", "number", "first_index", "title", "versions", "outlets", "article_ids")
LINK_COLUMNS = ("story", "a", "b", "share", "score")


def _story_row(story: Story, first_index: int) -> tuple:
    return (
        story.id,
        int(story.id.split("-")[1]),
        first_index,
        story.title,
        len(story.articles),
        "; ".join(story.outlets),
        "; ".join(story.ids),
    )


def _write_story_tables(tables: dict[str, list], out: Path, name: str) -> None:
    import pandas as pd

    stories = pd.DataFrame(tables.pop("stories", []), columns=list(STORY_COLUMNS))
    write_part(
        stories.astype({"number": "int64", "first_index": "int64", "versions": "int64"}),
        out / "stories" / f"{name}.parquet",
    )
    links = pd.DataFrame(tables.pop("story_links", []), columns=list(LINK_COLUMNS))
    write_part(
        links.astype({"share": "float64", "score": "float64"}),
        out / "story_links" / f"{name}.parquet",
    )
    for table, frames in tables.items():
        frames = [f for f in frames if len(f)] or frames[:1]
        frame = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
        for column in frame.columns:
            if isinstance(frame[column].dtype, pd.CategoricalDtype):
                frame[column] = frame[column].astype(str)
        write_part(frame, out / table / f"{name}.parquet")


def _article_tables(
    part: int,
    work: Path,
    out: Path,
    offset: int,
    story_number: np.ndarray,
    single: np.ndarray,
    make: TableMaker | None,
) -> int:
    """The articles table of an input partition, its single-version stories, per-article tables."""
    import pandas as pd
    import pyarrow.parquet as pq

    done = work / "articles" / f"part-{part:05d}.done"
    if done.exists():
        return -1
    columns = pq.read_table(work / "read" / f"part-{part:05d}.parquet").to_pydict()
    articles = _articles_from(columns)
    frame = pd.DataFrame({"index": np.arange(len(articles), dtype=np.int64) + offset})
    frame["story"] = [f"story-{n}" for n in story_number.tolist()]
    for name in _TEXT:
        frame[name] = [getattr(a, name) for a in articles]
    frame["paragraphs"] = [len(a.paragraphs) for a in articles]
    frame["words"] = [a.words for a in articles]
    write_part(frame, out / "articles" / f"part-{part:05d}.parquet")
    tables: dict[str, list] = defaultdict(list)
    for k in np.flatnonzero(single).tolist():
        story = Story(f"story-{story_number[k]}", (articles[k],), _title((articles[k],)))
        tables["stories"].append(_story_row(story, k + offset))
    if make is not None:
        for name, table in make(articles).items():
            tables[name].append(table)
    _write_story_tables(tables, out, f"read-{part:05d}")
    done.parent.mkdir(parents=True, exist_ok=True)
    done.touch()
    return len(articles)


# ---- the driver -------------------------------------------------------------------------


def _run(client, function, arguments: list[tuple], *, desc: str, progress: bool) -> list:
    """Submit one task per argument tuple; wait with a progress bar; results in order."""
    from distributed import as_completed
    from tqdm.auto import tqdm

    token = uuid.uuid4().hex
    futures = [
        client.submit(function, *args, key=f"{desc}-{k}-{token}", pure=False)
        for k, args in enumerate(arguments)
    ]
    with tqdm(total=len(futures), desc=desc, unit="part", disable=not progress) as bar:
        for _ in as_completed(futures):
            bar.update(1)
    return client.gather(futures)


def _check_settings(work: Path, settings: Settings) -> None:
    from ..errors import InvalidOption

    recorded = work / "settings.json"
    if recorded.exists():
        if recorded.read_text(encoding="utf-8") != settings.to_json():
            raise InvalidOption(
                f"{work.parent} holds a run of other inputs or settings; "
                "pass a new output folder (or delete this one) to start afresh"
            )
        return
    work.mkdir(parents=True, exist_ok=True)
    recorded.write_text(settings.to_json(), encoding="utf-8")


def group_stories(
    client,
    settings: Settings,
    output: str | os.PathLike,
    *,
    story_tables: TableMaker | None = None,
    article_tables: TableMaker | None = None,
    progress: bool = False,
) -> dict[str, int]:
    """Run every stage on ``client``'s cluster; write the tables to ``output``; return counts.

    ``story_tables(story)`` and ``article_tables(articles)`` make the caller's tables
    (``{name: DataFrame}``) on the workers, for each multi-version story and each input
    partition; they must be importable functions (shipped by reference). A stage whose
    files exist is not run again.
    """
    out = Path(output)
    work = out / WORK
    _check_settings(work, settings)
    parts = list(enumerate(settings.partitions))
    counts = _run(
        client,
        _read_partition,
        [(files, p, work, settings) for p, files in parts],
        desc="reading",
        progress=progress,
    )
    offsets = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
    total = int(offsets[-1])
    _candidate_pairs(client, work, offsets, settings)
    root = _roots(work, offsets)
    size = np.bincount(root, minlength=total)
    in_component = size[root] >= 2
    components = _component_partitions(client, work, offsets, root, in_component)
    _run(
        client,
        _confirm_partition,
        [(k, work, settings) for k in range(components)],
        desc="confirming",
        progress=progress,
    )
    story_root, number = _numbers(work, components, total)
    _run(
        client,
        _story_tables,
        [(k, work, out, _numbers_of(work, k, number), story_tables) for k in range(components)],
        desc="comparing",
        progress=progress,
    )
    single = np.bincount(story_root, minlength=total)[story_root] == 1
    _run(
        client,
        _article_tables,
        [
            (
                p,
                work,
                out,
                int(offsets[p]),
                number[story_root[offsets[p] : offsets[p + 1]]],
                single[offsets[p] : offsets[p + 1]],
                article_tables,
            )
            for p, _ in parts
        ],
        desc="articles",
        progress=progress,
    )
    return {
        "articles": total,
        "stories": int(number.max()) if total else 0,
        "multi_version_stories": int((np.bincount(story_root, minlength=total) >= 2).sum()),
        "input_partitions": len(parts),
        "component_partitions": components,
        "articles_in_components": int(in_component.sum()),
    }


def _candidate_pairs(client, work: Path, offsets: np.ndarray, settings: Settings) -> None:
    """Stage 2: band rows, shuffled on the band key, turned into deduplicated pairs."""
    import dask.dataframe as dd
    import pandas as pd

    done = work / "pairs" / "_done"
    if done.exists():
        return
    rows = settings.num_perm // settings.bands
    parts = len(offsets) - 1
    meta = pd.DataFrame(
        {"band": pd.Series([], dtype="int64"), "index": pd.Series([], dtype="int64")}
        | {f"k{r}": pd.Series([], dtype="uint32") for r in range(rows)}
        | {"bucket": pd.Series([], dtype="uint64")}
    )
    pairs_meta = _pairs_frame(np.zeros(0, np.int64), np.zeros(0, np.int64), offsets)
    bands = dd.from_map(
        _band_rows,
        list(range(parts)),
        [work] * parts,
        [int(offsets[p]) for p in range(parts)],
        [settings.bands] * parts,
        meta=meta,
        enforce_metadata=False,
    )
    buckets = max(1, min(parts * 4, int(offsets[-1]) // 5000 + 1))
    pairs = bands.shuffle(on="bucket", npartitions=buckets).map_partitions(
        _bucket_pairs, offsets, rows, meta=pairs_meta
    )
    written = pairs.shuffle(on="part", npartitions=max(1, min(parts, buckets))).map_partitions(
        _write_pairs,
        work,
        meta=pd.DataFrame(
            {"part": pd.Series([], dtype="int64"), "pairs": pd.Series([], dtype="int64")}
        ),
    )
    for path in (work / "pairs").glob("*.parquet"):
        path.unlink()  # a stage that did not finish may have left some
    client.compute(written).result()
    done.touch()


def _roots(work: Path, offsets: np.ndarray) -> np.ndarray:
    """Stage 3: connected components of all pairs, streamed one input partition at a time."""
    path = work / "components.npy"
    if path.exists():
        return np.load(path)
    parent = np.arange(int(offsets[-1]), dtype=np.int64)
    for part in range(len(offsets) - 1):
        first, second = _read_pairs(work, part)
        parent = union_pairs(parent, first, second)
    _save(parent, path)
    return parent


def _component_partitions(client, work, offsets, root, in_component) -> int:
    """Stage 3: a shuffle that puts each component's articles and pairs in one partition."""
    import dask.dataframe as dd
    import pandas as pd

    marker = work / "components" / "_done"
    workers = max(1, len(client.scheduler_info().get("workers", {})))
    count = max(4 * workers, int(in_component.sum()) // ARTICLES_PER_COMPONENT_PARTITION + 1)
    if marker.exists():
        return int(marker.read_text())
    parts = len(offsets) - 1
    rows = dd.from_map(
        _component_rows,
        list(range(parts)),
        [work] * parts,
        [int(offsets[p]) for p in range(parts)],
        [root[offsets[p] : offsets[p + 1]] for p in range(parts)],
        [in_component[offsets[p] : offsets[p + 1]] for p in range(parts)],
        meta=_component_meta(),
        enforce_metadata=False,
    )
    for path in (work / "components").glob("*.parquet"):
        path.unlink()
    written = rows.shuffle(on="component", npartitions=count).map_partitions(
        _write_components,
        work,
        meta=pd.DataFrame(
            {"part": pd.Series([], dtype="int64"), "articles": pd.Series([], dtype="int64")}
        ),
    )
    client.compute(written).result()
    marker.write_text(str(count))
    return count


def _numbers(work: Path, components: int, total: int) -> tuple[np.ndarray, np.ndarray]:
    """Stage 5: each article's story root, and story numbers in order of first article."""
    import pyarrow.parquet as pq

    story_root = np.arange(total, dtype=np.int64)
    for k in range(components):
        members = pq.read_table(work / "confirmed" / f"members-{k:05d}.parquet")
        story_root[members["index"].to_numpy()] = members["root"].to_numpy()
    is_root = story_root == np.arange(total)
    number = np.cumsum(is_root)
    return story_root, number


def _numbers_of(work: Path, part: int, number: np.ndarray) -> dict[int, int]:
    import pyarrow.parquet as pq

    members = pq.read_table(work / "confirmed" / f"members-{part:05d}.parquet", columns=["root"])
    return {int(r): int(number[r]) for r in set(members["root"].to_pylist())}


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
            found.extend(_articles_from(columns))
        offset += count
    return found
