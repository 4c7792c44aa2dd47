"""The corpus pipeline on a Dask LocalCluster: time, CPU, peak memory per worker, exactness.

Generated corpora (the story generator of ``bench_stories.py``: topics of near-miss
stories, 1-6 rewritten versions each) are written as Parquet shards of ``--shard``
articles, then ``cc.analyse_corpus`` groups, compares and summarises them on a
LocalCluster of 1 and 2 worker processes. For each run the table gives wall time, the
CPU time of the client and of all workers, the peak RSS of each worker process and of
the client, and how many true stories came out exactly. ``--check`` also runs the
single-process path (``cc.find_stories`` + the same per-story tables) on the same corpus
and says whether every table is identical.

    .venv/bin/python benchmarks/bench_corpus.py                       # 10k and 100k, 1 and 2 workers
    .venv/bin/python benchmarks/bench_corpus.py --sizes 10000 --workers 2 --check
    .venv/bin/python benchmarks/bench_corpus.py --sizes 1000000 --generate-only   # once, first
    .venv/bin/python benchmarks/bench_corpus.py --sizes 1000000 --workers 2 --no-report
    .venv/bin/python benchmarks/bench_corpus.py --sizes 100000 --workers 2 --no-report \
        --same-as /tmp/cc-bench-corpus/out-before        # an exact change: same rows as before
    make compiled && .venv-compiled/bin/python benchmarks/bench_corpus.py --sizes 1000000 \
        --workers 2 --no-report                          # the compiled build (the first line says which)

A run writes to ``--data``/out-SIZE-WORKERS and resumes a finished one found there: move
an earlier output aside (to compare with ``--same-as``) before measuring again.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_stories import corpus  # noqa: E402

import comparative_coverage as cc  # noqa: E402
from comparative_coverage.archive import CORPUS_TABLES  # noqa: E402


def write_corpus(size: int, folder: Path, *, shard: int = 10_000, seed: int | None = None) -> dict:
    """Write ``size`` generated articles as Parquet shards; return the true story of each id."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    folder.mkdir(parents=True, exist_ok=True)
    truth_path = folder.parent / f"{folder.name}.truth.json"
    if truth_path.exists() and any(folder.glob("*.parquet")):
        return json.loads(truth_path.read_text())
    articles, truth = corpus(size, seed=size if seed is None else seed)
    for number, first in enumerate(range(0, len(articles), shard)):
        batch = articles[first : first + shard]
        table = pa.table(
            {
                "id": [a.id for a in batch],
                "outlet": [a.outlet for a in batch],
                "title": [a.title for a in batch],
                "text": ["\n\n".join(a.paragraphs) for a in batch],
                "date": [
                    f"2026-{1 + k % 12:02d}-{1 + k % 28:02d}"
                    for k in range(first, first + len(batch))
                ],
                "url": [f"https://example.org/{a.id}" for a in batch],
            }
        )
        pq.write_table(table, folder / f"shard-{number:05d}.parquet")
    truth_path.write_text(json.dumps(truth))
    return truth


def exactness(output: Path, truth: dict) -> tuple[int, int, int]:
    """(true stories recovered exactly, true stories, found stories that mix true stories)."""
    articles = cc.CorpusAnalysis(output, {}, None).table("articles")
    found = defaultdict(set)
    for article_id, story in zip(articles["id"], articles["story"], strict=True):
        found[story].add(article_id)
    true_groups = defaultdict(set)
    for article_id, story in truth.items():
        true_groups[story].add(article_id)
    found_sets = {frozenset(v) for v in found.values()}
    exact = sum(frozenset(g) in found_sets for g in true_groups.values())
    mixed = sum(len({truth[i] for i in members}) > 1 for members in found.values())
    return exact, len(true_groups), mixed


def same_tables(first: Path, second: Path) -> str:
    """Whether two runs wrote the same rows in every table (part files may differ).

    Compared as multisets of rows: each row hashed (pandas, values and column names), the
    hashes summed per table, a part file at a time, so a 1M run's tables (14M units) are
    compared in the memory of one part file instead of two sorted copies of each table.
    """
    differ = [
        name for name in CORPUS_TABLES if rows_digest(first / name) != rows_digest(second / name)
    ]
    return "yes" if not differ else "NO: " + ", ".join(differ)


def rows_digest(folder: Path) -> tuple[int, int, int, tuple[str, ...]]:
    """(rows, two sums of 64-bit row hashes, columns): equal for the same rows in any order."""
    import pandas as pd
    import pyarrow.parquet as pq

    keys = ("0123456789123456", "6543210987654321")  # two independent row hashes
    rows, sums = 0, [0, 0]
    columns: tuple[str, ...] = ()
    for path in sorted(folder.glob("*.parquet")):
        frame = pq.read_table(path).to_pandas()
        if frame.empty:
            continue
        columns = columns or tuple(frame.columns)
        if tuple(frame.columns) != columns:
            return (-1, 0, 0, tuple(frame.columns))
        frame = frame.astype(object).where(frame.notna(), None)  # string and category alike
        for k, key in enumerate(keys):
            hashed = pd.util.hash_pandas_object(frame, index=False, hash_key=key)
            sums[k] = (sums[k] + int(hashed.sum())) % 2**64
        rows += len(frame)
    return rows, sums[0], sums[1], columns


class Sampler:
    """Peak RSS of each worker process (with its child processes) and of this process,
    sampled every 0.5 s, and the peak of their sum at one sample (what the run needs of the
    machine at once); the CPU time of every process, as last sampled."""

    def __init__(self) -> None:
        self.peaks: dict[int, int] = defaultdict(int)
        self.together = 0
        self.cpu: dict[int, float] = {}
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self.run, daemon=True)

    def run(self) -> None:
        me = psutil.Process()
        while not self.stop.is_set():
            now = 0
            # a worker's memory is its own and its child processes' (the process it runs
            # the comparing tasks in, and the fork server that starts those)
            for process in [me, *me.children()]:
                try:
                    family = [process] if process is me else [process, *process.children(True)]
                except psutil.Error:
                    continue
                rss = 0
                for member in family:
                    try:
                        rss += member.memory_info().rss
                        times = member.cpu_times()
                        self.cpu[member.pid] = times.user + times.system
                    except psutil.Error:
                        continue
                self.peaks[process.pid] = max(self.peaks[process.pid], rss)
                now += rss
            self.together = max(self.together, now)
            self.stop.wait(0.5)

    def __enter__(self) -> Sampler:
        self.thread.start()
        return self

    def __exit__(self, *_exc) -> None:
        self.stop.set()
        self.thread.join()


def run(folder: Path, output: Path, workers: int, report: bool, **options) -> dict:
    shutil.rmtree(output, ignore_errors=True)
    me = os.getpid()
    cpu_before = time.process_time()
    with Sampler() as sampler:
        start = time.perf_counter()
        result = cc.analyse_corpus(folder, output, workers=workers, report=report, **options)
        wall = time.perf_counter() - start
    client_cpu = time.process_time() - cpu_before
    worker_peaks = sorted((rss for pid, rss in sampler.peaks.items() if pid != me), reverse=True)
    worker_cpu = sum(cpu for pid, cpu in sampler.cpu.items() if pid != me)
    return {
        "wall": wall,
        "cpu": client_cpu + worker_cpu,
        "client_peak": sampler.peaks[me],
        "together_peak": sampler.together,
        "worker_peaks": worker_peaks[:workers],
        "counts": result.counts,
        "seconds": result.seconds,
        "cpu_stages": result.cpu_seconds,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--workers", default="1,2")
    parser.add_argument("--shard", type=int, default=10_000)
    parser.add_argument(
        "--data", type=Path, default=Path(tempfile.gettempdir()) / "cc-bench-corpus"
    )
    parser.add_argument("--check", action="store_true", help="compare with the single-process path")
    parser.add_argument("--no-report", action="store_true")
    parser.add_argument(
        "--same-as",
        type=Path,
        help="an earlier run's output folder of the same corpus (say, before a change that "
        "should not move any output): whether every table has the same rows",
    )
    parser.add_argument(
        "--generate-only",
        action="store_true",
        help="write the corpora and stop (a later run reuses them; the generator holds a "
        "whole corpus in memory: 601 MiB peak at 100k, about 4 GiB at 1M; run it on its own first)",
    )
    args = parser.parse_args()
    build = "compiled (make compiled)" if cc.compiled else "pure Python"
    print(f"comparative_coverage {cc.__version__}, {build} build, {sys.executable}")
    print(f"Python {sys.version.split()[0]} ({sys._base_executable}; Makefile: COMPILED_PYTHON)")
    print(
        f"{'articles':>9} {'workers':>7} {'wall s':>8} {'CPU s':>8} {'ms/article':>10} "
        f"{'worker peak MiB':>16} {'client MiB':>10}  stories exact"
    )
    for size in map(int, args.sizes.split(",")):
        folder = args.data / f"corpus-{size}"
        start, cpu = time.perf_counter(), time.process_time()
        truth = write_corpus(size, folder, shard=args.shard)
        if args.generate_only:
            print(
                f"{size:9d} articles in {folder}: {time.perf_counter() - start:.1f} s wall, "
                f"{time.process_time() - cpu:.1f} s CPU",
                flush=True,
            )
            continue
        outputs: list[Path] = []
        for workers in map(int, args.workers.split(",")):
            output = args.data / f"out-{size}-{workers}"
            measured = run(folder, output, workers, not args.no_report)
            exact, total, mixed = exactness(output, truth)
            peaks = "/".join(f"{p / 2**20:.0f}" for p in measured["worker_peaks"])
            print(
                f"{size:9d} {workers:7d} {measured['wall']:8.1f} {measured['cpu']:8.1f} "
                f"{measured['cpu'] / size * 1000:10.2f} {peaks:>16} "
                f"{measured['client_peak'] / 2**20:10.0f}  {exact}/{total} ({mixed} mixed)",
                flush=True,
            )
            print(
                f"{'':9} peak RSS of client and workers together: "
                f"{measured['together_peak'] / 2**30:.2f} GiB",
                flush=True,
            )
            print(f"{'':9} stages (wall s): {measured['seconds']}", flush=True)
            per_article = {
                stage: round(cpu / size * 1000, 2) for stage, cpu in measured["cpu_stages"].items()
            }
            print(f"{'':9} stages (CPU ms an article): {per_article}", flush=True)
            print(f"{'':9} counts: {measured['counts']}", flush=True)
            if outputs:  # every run writes the same tables, whatever the number of workers
                print(
                    f"{'':9} same tables as with {args.workers.split(',')[0]} worker(s): "
                    f"{same_tables(outputs[0], output)}",
                    flush=True,
                )
            if args.same_as:
                print(
                    f"{'':9} same tables as {args.same_as}: {same_tables(args.same_as, output)}",
                    flush=True,
                )
            outputs.append(output)
        if args.check:  # once per size, against the first run
            from check_corpus import same_as_single_process

            start = time.process_time()
            verdict = same_as_single_process(folder, outputs[0])
            print(
                f"{'':9} single-process check ({time.process_time() - start:.0f} s CPU): {verdict}",
                flush=True,
            )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS of the benchmark process (generator included): {peak:.0f} MiB")


if __name__ == "__main__":
    main()
