"""Signatures -> candidate pairs -> components, through Dask shuffles (stages 2 and 3 of a run).

Band rows (band, key, article) are shuffled on the band key, so equal keys meet in one
partition whatever the size of the corpus, and :func:`stories.run_pairs` turns each run
of equal keys into pairs; a second shuffle, on the input partition of a pair's first
article, deduplicates pairs that several bands proposed and writes them per partition.
The client joins the pairs into components (:func:`union_pairs`, 8 bytes an article),
and a third shuffle gathers each component's articles, signatures and pairs in one
partition for :mod:`distributed` to confirm.
"""

from __future__ import annotations

import base64
import json
from collections import defaultdict
from pathlib import Path

import numpy as np

from ..reading.articles import with_sentences
from .shards import TEXT_FIELDS, articles_from, save_array, signatures_file, write_part
from .stories import run_pairs

__all__ = [
    "union_pairs",
    "candidate_pairs",
    "roots",
    "component_partitions",
    "load_component",
    "component_file",
]

ARTICLES_PER_COMPONENT_PARTITION = 4000


# ---- 2. candidate pairs ----------------------------------------------------------------


def _band_rows(part: int, work: Path, offset: int, bands: int):
    """One row per (band, article) of a partition: the band's key values and a bucket hash."""
    import pandas as pd

    signatures = np.load(signatures_file(work, part))
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

    proposed = len(frame)
    frame = frame.drop_duplicates(["i", "j"]).sort_values(["i", "j"])
    for part, pairs in frame.groupby("part", sort=True):
        write_part(pairs[["i", "j"]].reset_index(drop=True), _pairs_file(work, int(part)))
    return pd.DataFrame({"proposed": [proposed], "pairs": [len(frame)]}).astype("int64")


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
    signatures = np.load(signatures_file(work, part))
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

    columns = {
        name: pd.Series([], dtype=object) for name in (*TEXT_FIELDS, "paragraphs", "captions")
    }
    columns |= {"component": pd.Series([], dtype="int64"), "index": pd.Series([], dtype="int64")}
    columns |= {"signature": pd.Series([], dtype=object), "partners": pd.Series([], dtype=object)}
    return pd.DataFrame(columns)


def component_file(work: Path, part: int) -> Path:
    return work / "components" / f"part-{part:05d}.parquet"


def _write_components(frame, work: Path, partition_info=None):
    import pandas as pd

    number = partition_info["number"] if partition_info else 0
    frame = frame.sort_values("index").reset_index(drop=True)
    for name in (*TEXT_FIELDS, "paragraphs", "captions", "signature", "partners"):
        frame[name] = frame[name].astype(object).where(frame[name].notna(), None)
    write_part(frame, component_file(work, number))
    return pd.DataFrame({"part": [number], "articles": [len(frame)]}).astype("int64")


def load_component(path: Path):
    """The articles of a component partition by index, their signatures, their pairs."""
    import pyarrow.parquet as pq

    columns = pq.read_table(path).to_pydict()
    index = [int(k) for k in columns["index"]]
    # sentences split once here, for the confirmation and the comparison alike
    articles = dict(zip(index, map(with_sentences, articles_from(columns)), strict=True))
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


# ---- the driver's part ------------------------------------------------------------------


def candidate_pairs(
    client, work: Path, offsets: np.ndarray, *, bands: int, rows: int, progress: bool = False
) -> dict[str, int]:
    """Stage 2: band rows, shuffled on the band key, turned into deduplicated pairs.

    Returns how many pairs the band partitions proposed (each deduplicated within its
    partition) and how many distinct pairs were left.
    """
    import dask.dataframe as dd
    import pandas as pd

    done = work / "pairs" / "_done"
    if done.exists():
        return json.loads(done.read_text())
    parts = len(offsets) - 1
    meta = pd.DataFrame(
        {"band": pd.Series([], dtype="int64"), "index": pd.Series([], dtype="int64")}
        | {f"k{r}": pd.Series([], dtype="uint32") for r in range(rows)}
        | {"bucket": pd.Series([], dtype="uint64")}
    )
    pairs_meta = _pairs_frame(np.zeros(0, np.int64), np.zeros(0, np.int64), offsets)
    band_rows = dd.from_map(
        _band_rows,
        list(range(parts)),
        [work] * parts,
        [int(offsets[p]) for p in range(parts)],
        [bands] * parts,
        meta=meta,
        enforce_metadata=False,
    )
    buckets = max(1, min(parts * 4, int(offsets[-1]) // 5000 + 1))
    pairs = band_rows.shuffle(on="bucket", npartitions=buckets).map_partitions(
        _bucket_pairs, offsets, rows, meta=pairs_meta
    )
    written = pairs.shuffle(on="part", npartitions=max(1, min(parts, buckets))).map_partitions(
        _write_pairs,
        work,
        meta=pd.DataFrame(
            {"proposed": pd.Series([], dtype="int64"), "pairs": pd.Series([], dtype="int64")}
        ),
    )
    for path in (work / "pairs").glob("*.parquet"):
        path.unlink()  # a stage that did not finish may have left some
    counts = _wait(client.compute(written), progress).sum()
    found = {"proposed_pairs": int(counts["proposed"]), "candidate_pairs": int(counts["pairs"])}
    done.write_text(json.dumps(found))
    return found


def _wait(future, progress: bool):
    """The result of a shuffle's future, with Dask's own progress bar over its tasks."""
    if progress:
        from distributed import progress as bar

        bar(future)
    return future.result()


def roots(work: Path, offsets: np.ndarray) -> np.ndarray:
    """Stage 3: connected components of all pairs, streamed one input partition at a time."""
    path = work / "components.npy"
    if path.exists():
        return np.load(path)
    parent = np.arange(int(offsets[-1]), dtype=np.int64)
    for part in range(len(offsets) - 1):
        first, second = _read_pairs(work, part)
        parent = union_pairs(parent, first, second)
    save_array(parent, path)
    return parent


def component_partitions(client, work, offsets, root, in_component, *, progress=False) -> int:
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
    _wait(client.compute(written), progress)
    marker.write_text(str(count))
    return count
