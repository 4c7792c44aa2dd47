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
4. **Confirmation and per-story tables**, one task per component partition: the pairs'
   estimated similarity, the single-process order (best pairs first) and
   :func:`stories.confirm`; then the tables of its multi-version stories, from a caller's
   function of the partition's :class:`Story` list (comparison, changes...), which is
   handed the confirmation's alignments to reuse. Stories are named by their root here.
5. **Numbering** on the client (stories are numbered by their first article, as
   :func:`find_stories` numbers them), then a task per component partition that renames
   its stories in its tables (``root-R`` -> ``story-N``), and the per-article tables, one
   task per input partition.

Every file is written to a temporary name and renamed, so a file that exists is whole.
"""

from __future__ import annotations

import json
import os
import time
import uuid
import warnings
from collections import defaultdict
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

from ..errors import EmptyInput
from ..options import ALIGNMENT, DEFAULT, Options
from ..reading.decoding import SkippedInputWarning
from ..unionfind import UnionFind
from .candidates import candidate_pairs, component_file, component_partitions, load_component, roots
from .collector import quiet_collector
from .shards import (
    TEXT_FIELDS,
    WORK,
    article_columns,
    articles_from,
    finished,
    mark_finished,
    read_partition,
    save_array,
    signatures_file,
    write_json,
    write_part,
)
from .stories import (
    Story,
    StoryLink,
    _components,
    _signatures,
    _title,
    confirm,
    default_bands,
    estimated_similarity,
    leading_weights,
    least_similarity,
)

__all__ = ["FRESH_WORKER_AFTER", "Run", "Settings", "TableMaker", "group_stories"]

FRESH_WORKER_AFTER = 1
"""Component partitions a worker's child process compares before a fresh one takes over.

A long-lived process gets slower at this work. Sixteen partitions of a 200k corpus, side
by side on the two cores, each in a fresh child process against all in one process:
318.5 against 343.5 s CPU (7% less); a fresh child every eight partitions saved 2.6%
(docs/scale.md). A child forks from a server that has imported the package: a few
milliseconds, against a partition's fifteen to twenty seconds."""


TableMaker = Callable[..., dict[str, object]]  # (stories or articles) -> {table: DataFrame}


@dataclass(frozen=True, kw_only=True)
class Settings:
    """What a run computes from: its inputs and every number that changes the result.

    Recorded in the output folder; a restart with other settings is refused, so finished
    partitions are only reused for the run they belong to.
    """

    partitions: tuple[tuple[str, ...], ...]
    shingle: int = 3
    num_perm: int = 128
    bands: int | None = None  # None: stories.default_bands for the corpus read
    seed: int = 1
    threshold: float = 0.3
    containment: float = 0.8
    # the aligner's numbers that differ from the defaults, as find_stories' options give them
    aligner: tuple[tuple[str, float], ...] = ()

    def to_json(self) -> str:
        return json.dumps(asdict(self), indent=1, sort_keys=True)


def aligner_settings(options: Options) -> tuple[tuple[str, float], ...]:
    """The alignment numbers of ``options`` that differ from the defaults, for :class:`Settings`."""
    return tuple(sorted((k, v) for k, v in options.changed().items() if k in ALIGNMENT))


class _Quiet:
    def update(self, _count: int) -> None:
        pass


# ---- 1. read and fingerprint -----------------------------------------------------------


def _read_partition(
    files: tuple[str, ...], part: int, work: Path, settings: Settings
) -> tuple[int, bool]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    path, signatures_path = work / "read" / f"part-{part:05d}.parquet", signatures_file(work, part)
    if path.exists() and signatures_path.exists():
        return pq.read_metadata(path).num_rows, False
    read, skipped = _readable(files)
    if skipped:  # before the partition's files: a finished partition has its list
        write_json(skipped_file(work, part), {"count": len(skipped), "first": skipped[:_SAID]})
    articles, signatures = _signatures(
        read,
        size=settings.shingle,
        num_perm=settings.num_perm,
        seed=settings.seed,
        bar=_Quiet(),
    )
    save_array(signatures, signatures_path)
    write_part(pa.table(article_columns(articles)), path)
    return len(articles), True


def _readable(files: tuple[str, ...]) -> tuple[list, list[str]]:
    """The articles of an input partition, and why files or rows of it were skipped (the
    messages of its :class:`SkippedInputWarning`): a corrupt shard of an archive is
    reported with the run's result, not lost in a worker's log, and a partition with
    nothing readable is empty instead of failing the run. (Warning filters belong to the
    process: on a worker of several threads, a reading task can record another's.)"""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", SkippedInputWarning)
        try:
            articles = read_partition(files)
        except EmptyInput as error:
            articles = []
            if not caught:  # else the files' own warnings say why
                warnings.warn(str(error), SkippedInputWarning, stacklevel=1)
    skipped = []
    for warning in caught:
        if issubclass(warning.category, SkippedInputWarning):
            skipped.append(str(warning.message))
        else:  # not ours to keep: shown as it would have been
            warnings.warn_explicit(
                warning.message, warning.category, warning.filename, warning.lineno
            )
    return articles, skipped


def skipped_file(work: Path, part: int) -> Path:
    return work / "read" / f"skipped-{part:05d}.json"


_SAID = 20  # reasons kept a partition (a shard of rows without text has one a row)


def skipped_inputs(work: Path, partitions: int) -> tuple[int, list[str]]:
    """How many files or rows the reading stage skipped, and the first reasons of each
    partition, in partition order."""
    count, said = 0, []
    for part in range(partitions):
        path = skipped_file(work, part)
        if path.exists():
            found = json.loads(path.read_text(encoding="utf-8"))
            count += found["count"]
            said += found["first"]
    return count, said


def _confirm_partition(
    part: int, work: Path, settings: Settings, make: TableMaker | None, least: float
) -> tuple[int, bool]:
    """Confirm a component partition's pairs, then make its multi-version stories' tables
    in the same task, so the comparison reuses the confirmation's alignments. Stories are
    named by their root (``root-R``) until :func:`_number_partition` numbers them.
    ``least``: :func:`~.stories.least_similarity` for the corpus's bands."""
    import pyarrow as pa

    done = work / "confirmed" / f"part-{part:05d}.done"
    if finished(done):
        return 0, False
    (work / "analysed" / f"part-{part:05d}.done").unlink(missing_ok=True)  # numbered anew
    articles, signatures, found = load_component(component_file(work, part))
    pairs = np.array(sorted(set(found)), dtype=np.int64).reshape(-1, 2)
    similarity = estimated_similarity(
        np.stack([signatures[i] for i in pairs[:, 0]]) if len(pairs) else np.zeros((0, 1)),
        np.stack([signatures[j] for j in pairs[:, 1]]) if len(pairs) else np.zeros((0, 1)),
    )
    keep = similarity >= least
    pairs, similarity = pairs[keep], similarity[keep]
    forest: UnionFind[int] = UnionFind()
    links, aligned = [], {}
    leading = leading_weights(pairs, similarity)
    for component in _components(pairs, similarity):
        links += confirm(
            [(int(pairs[p, 0]), int(pairs[p, 1])) for p in component],
            articles.__getitem__,
            forest,
            threshold=settings.threshold,
            containment=settings.containment,
            options=DEFAULT.but(**dict(settings.aligner)),
            aligned=aligned,
            leading=leading,
        )
    links.sort()
    written = [work / "confirmed" / f"links-{part:05d}.parquet"]
    write_part(
        pa.table(
            {
                "a": pa.array([x[0] for x in links], pa.int64()),
                "b": pa.array([x[1] for x in links], pa.int64()),
                "share": pa.array([x[2] for x in links], pa.float64()),
                "score": pa.array([x[3] for x in links], pa.float64()),
            }
        ),
        written[0],
    )
    root_of = {k: forest.find(k) for k in articles}
    size = defaultdict(int)
    for root in root_of.values():
        size[root] += 1
    joined = sorted(k for k, root in root_of.items() if size[root] > 1)
    written.append(work / "confirmed" / f"members-{part:05d}.parquet")
    write_part(
        pa.table(
            {
                "index": pa.array(joined, pa.int64()),
                "root": pa.array([root_of[k] for k in joined], pa.int64()),
            }
        ),
        written[-1],
    )
    tables = _stories_of(articles, joined, root_of, links, aligned, make)
    written += _write_story_tables(tables, work / "tables", f"comp-{part:05d}")
    mark_finished(done, written)
    return len(links), True


def _stories_of(articles, joined, root_of, links, aligned, make) -> dict[str, list]:
    """The stories of the joined articles, named ``root-R``, and the caller's tables of them."""
    groups: dict[int, list[int]] = defaultdict(list)
    for index in joined:
        groups[root_of[index]].append(index)
    by_root: dict[int, list[StoryLink]] = defaultdict(list)
    for a, b, share, score in links:
        link = StoryLink(a=articles[a].id, b=articles[b].id, share=share, score=score)
        by_root[root_of[a]].append(link)
    reused: dict[int, dict[tuple[int, int], object]] = defaultdict(dict)
    position = {k: p for members in groups.values() for p, k in enumerate(members)}
    for (i, j), alignment in aligned.items():
        # by positions in the story, i's sentences as a: compare reuses those with the spine as a
        if root_of[i] == root_of[j]:
            reused[root_of[i]][position[i], position[j]] = alignment
    tables: dict[str, list] = defaultdict(list)
    stories = []
    for root in sorted(groups):
        versions = tuple(articles[k] for k in groups[root])
        story = Story(f"root-{root}", versions, _title(versions), tuple(by_root[root]))
        tables["stories"].append(_story_row(story, root, root))
        tables["story_links"].extend((story.id, x.a, x.b, x.share, x.score) for x in story.links)
        stories.append(story)
    if make is not None and stories:  # one call for the partition: one frame per table
        aligned_of = [reused.get(root, {}) for root in sorted(groups)]
        for name, frame in make(stories, aligned=aligned_of).items():
            tables[name].append(frame)
    return tables


# ---- 5. stories and their tables -------------------------------------------------------


def _number_partition(
    part: int, work: Path, out: Path, numbers: dict[int, int]
) -> tuple[int, bool]:
    """A component partition's tables with their stories numbered (``root-R`` -> ``story-N``)."""
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    done = work / "analysed" / f"part-{part:05d}.done"
    if finished(done):
        return 0, False
    name = f"comp-{part:05d}.parquet"
    written = []
    for folder in sorted((work / "tables").iterdir()):
        path = folder / name
        if not path.exists():
            continue
        table = pq.read_table(path)
        written.append(out / folder.name / name)
        if "story" not in table.column_names:  # a table without rows or columns
            write_part(table, written[-1])
            continue
        encoded = pc.dictionary_encode(table["story"]).combine_chunks()
        roots = [int(x[5:]) for x in encoded.dictionary.to_pylist()]
        story = pc.take(
            pa.array([f"story-{numbers[r]}" for r in roots], pa.string()), encoded.indices
        )
        table = table.set_column(table.schema.get_field_index("story"), "story", story)
        if folder.name == "stories":
            number = pa.array([numbers[r] for r in roots], pa.int64()).take(encoded.indices)
            table = table.set_column(table.schema.get_field_index("number"), "number", number)
        write_part(table, written[-1])
    mark_finished(done, written)
    return len(numbers), True


STORY_COLUMNS = ("story", "number", "first_index", "title", "versions", "outlets", "article_ids")
LINK_COLUMNS = ("story", "a", "b", "share", "score")


def _story_row(story: Story, number: int, first_index: int) -> tuple:
    return (
        story.id,
        number,
        first_index,
        story.title,
        len(story.articles),
        "; ".join(story.outlets),
        "; ".join(story.ids),
    )


def _write_story_tables(tables: dict[str, list], out: Path, name: str) -> list[Path]:
    """Write each table's part ``name``; return the paths written."""
    import pandas as pd

    written = [out / t / f"{name}.parquet" for t in ("stories", "story_links", *tables)]
    written = list(dict.fromkeys(written))
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
    return written


def _article_tables(
    part: int,
    work: Path,
    out: Path,
    offset: int,
    story_number: np.ndarray,
    single: np.ndarray,
    make: TableMaker | None,
) -> tuple[int, bool]:
    """The articles table of an input partition, its single-version stories, per-article tables."""
    import pandas as pd
    import pyarrow.parquet as pq

    done = work / "articles" / f"part-{part:05d}.done"
    if finished(done):
        return 0, False
    columns = pq.read_table(work / "read" / f"part-{part:05d}.parquet").to_pydict()
    articles = articles_from(columns)
    frame = pd.DataFrame({"index": np.arange(len(articles), dtype=np.int64) + offset})
    frame["story"] = [f"story-{n}" for n in story_number.tolist()]
    for name in TEXT_FIELDS:
        frame[name] = [getattr(a, name) for a in articles]
    frame["paragraphs"] = [len(a.paragraphs) for a in articles]
    frame["words"] = [a.words for a in articles]
    written = [out / "articles" / f"part-{part:05d}.parquet"]
    write_part(frame, written[0])
    tables: dict[str, list] = defaultdict(list)
    for k in np.flatnonzero(single).tolist():
        story = Story(f"story-{story_number[k]}", (articles[k],), _title((articles[k],)))
        tables["stories"].append(_story_row(story, int(story_number[k]), k + offset))
    if make is not None:
        for name, table in make(articles).items():
            tables[name].append(table)
    written += _write_story_tables(tables, out, f"read-{part:05d}")
    mark_finished(done, written)
    return len(articles), True


# ---- the driver -------------------------------------------------------------------------


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


@dataclass(frozen=True)
class Run:
    """What :func:`group_stories` did: counts, partitions computed (not reused), and per
    stage wall seconds and CPU seconds (the client's and every worker process's)."""

    counts: dict[str, int]
    computed: dict[str, int]
    seconds: dict[str, float]
    cpu: dict[str, float] = field(default_factory=dict)


def group_stories(
    client,
    settings: Settings,
    output: str | os.PathLike,
    *,
    story_tables: TableMaker | None = None,
    article_tables: TableMaker | None = None,
    progress: bool = False,
    fresh_worker_after: int | None = FRESH_WORKER_AFTER,
) -> Run:
    """Run every stage on ``client``'s cluster; write the tables to ``output``.

    ``story_tables(stories, aligned=...)`` and ``article_tables(articles)`` make the
    caller's tables (``{name: DataFrame}`` with a ``story`` column) on the workers, for the
    multi-version stories of each component partition and the articles of each input
    partition; ``aligned`` holds, per story, the confirmation's alignments to pass to
    :func:`compare`. They must be importable functions (shipped by reference). A partition
    whose files exist is not computed again. Each worker confirms and compares component
    partitions in a child process that a fresh one replaces after ``fresh_worker_after``
    of them (``None``: in the worker itself; see :func:`_task`).
    """
    out = Path(output)
    work = out / WORK
    _check_settings(work, settings)
    parts = list(enumerate(settings.partitions))
    clock = _Clock(client, progress)
    counts = clock.run(
        _read_partition, [(files, p, work, settings) for p, files in parts], "reading"
    )
    offsets = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
    total = int(offsets[-1])
    _say_skipped(*skipped_inputs(work, len(parts)), total, settings)
    bands = settings.bands or default_bands(total, settings.num_perm)
    with clock.stage("pairing"):
        pairs = candidate_pairs(
            client,
            work,
            offsets,
            bands=bands,
            rows=settings.num_perm // bands,
            progress=progress,
        )
        root = roots(work, offsets)
        in_component = np.bincount(root, minlength=total)[root] >= 2
        components = component_partitions(
            client, work, offsets, root, in_component, progress=progress
        )
    clock.run(
        _confirm_partition,
        [
            (k, work, settings, story_tables, least_similarity(bands, settings.num_perm))
            for k in range(components)
        ],
        "comparing",
        fresh_after=fresh_worker_after,
        # largest first: a giant component (10% of the 1M corpus chained into one) starts
        # at once instead of running alone at the end while the other cores wait
        priorities=_articles_in(work, components),
    )
    story_root, number = _numbers(work, components, total)
    clock.run(
        _number_partition,
        [(k, work, out, _numbers_of(work, k, number)) for k in range(components)],
        "numbering",
    )
    single = np.bincount(story_root, minlength=total)[story_root] == 1
    clock.run(
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
        "articles",
    )
    counts = {
        "articles": total,
        "stories": int(number[-1]) if total else 0,
        "multi_version_stories": int((np.bincount(story_root, minlength=total) >= 2).sum()),
        "input_partitions": len(parts),
        "component_partitions": components,
        "articles_in_components": int(in_component.sum()),
        **pairs,
    }
    return Run(counts, clock.computed, clock.seconds, clock.cpu)


def _say_skipped(count: int, said: list[str], total: int, settings: Settings) -> None:
    """Warn of the inputs the reading stage skipped; with nothing read, say why."""
    if not count:
        return
    # the first reason for each of the first five files (a message starts with its path):
    # a shard of a thousand rows without text does not hide a corrupt one
    first: dict[str, str] = {}
    for message in said:
        first.setdefault(message.split(" ", 1)[0].rstrip(":"), message)
    named = list(first.values())[:5]
    shown = "; ".join(named) + (f"; and {count - len(named)} more" if count > len(named) else "")
    if not total:
        inputs = sorted({files[0] for files in settings.partitions})
        raise EmptyInput(f"no articles could be read from {', '.join(inputs)}: {shown}")
    warnings.warn(
        f"{count} input file(s) or row(s) were skipped: {shown}",
        SkippedInputWarning,
        stacklevel=3,
    )


class _Clock:
    """Runs a stage's tasks with a progress bar; counts the partitions computed; times stages."""

    def __init__(self, client, progress: bool) -> None:
        self.client, self.progress = client, progress
        self.computed: dict[str, int] = {}
        self.seconds: dict[str, float] = {}
        self.cpu: dict[str, float] = {}
        self.children: dict[int, float] = {}  # pid -> CPU seconds after its last task

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        start, cpu = time.perf_counter(), self.cpu_seconds()
        yield
        self.seconds[name] = round(time.perf_counter() - start, 2)
        self.cpu[name] = round(sum(t - cpu.get(p, 0.0) for p, t in self.cpu_seconds().items()), 2)

    def cpu_seconds(self) -> dict[int, float]:
        """CPU seconds so far of this process, of every worker process and of the processes
        the workers ran tasks in, by process id (the machine is shared: CPU time, not wall
        time, says what a stage costs)."""
        workers = self.client.run(_process_cpu).values()
        return self.children | dict(workers) | dict([_process_cpu()])

    def run(
        self,
        function,
        arguments: list[tuple],
        name: str,
        priorities: list[int] | None = None,
        fresh_after: int | None = None,
    ) -> list:
        """One task per argument tuple; each returns (value, computed); the values in order.
        Tasks of a higher priority start first (Dask's ``priority``; all 0 by default). With
        ``fresh_after``, each worker runs them in a child process replaced after that many
        (:func:`_task`)."""
        from distributed import as_completed
        from tqdm.auto import tqdm

        with self.stage(name):
            token = uuid.uuid4().hex
            futures = [
                self.client.submit(
                    _task,
                    function,
                    fresh_after,
                    *args,
                    key=f"{name}-{k}-{token}",
                    pure=False,
                    priority=priorities[k] if priorities else 0,
                )
                for k, args in enumerate(arguments)
            ]
            with tqdm(total=len(futures), desc=name, unit="part", disable=not self.progress) as bar:
                for _ in as_completed(futures):
                    bar.update(1)
            results = self.client.gather(futures)
            for _, _, (pid, cpu) in results:  # a process's last task says its time
                self.children[pid] = max(cpu, self.children.get(pid, 0.0))
        self.computed[name] = sum(computed for _, computed, _ in results)
        return [value for value, _, _ in results]


def _process_cpu() -> tuple[int, float]:
    return os.getpid(), time.process_time()


_pool: tuple[int, ProcessPoolExecutor] | None = None  # this worker's (fresh_after, pool)


def _task(function, fresh_after: int | None, *args) -> tuple[object, bool, tuple[int, float]]:
    """``function(*args)`` in this worker's own child process, which is replaced by a fresh
    one every ``fresh_after`` tasks (:data:`FRESH_WORKER_AFTER`); in the worker itself
    without ``fresh_after`` or where it cannot have children (a daemonic process, as Dask
    starts workers unless ``distributed.worker.daemon`` is false).

    Returns (value, computed) and the id and CPU seconds of the process that ran it.
    """
    import multiprocessing
    from concurrent.futures.process import BrokenProcessPool

    if not fresh_after or multiprocessing.current_process().daemon:
        return _quietly(function, *args)
    try:
        return _child_process(fresh_after).submit(_quietly, function, *args).result()
    except BrokenProcessPool:  # the child was killed (out of memory?): once more, afresh
        _drop_child_process()
        return _child_process(fresh_after).submit(_quietly, function, *args).result()


def _child_process(fresh_after: int) -> ProcessPoolExecutor:
    """This worker's pool of one child process, replaced after ``fresh_after`` tasks.
    Children fork from a server that has imported the package, not from the worker."""
    import multiprocessing

    global _pool
    if _pool is None or _pool[0] != fresh_after:
        _drop_child_process()
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["comparative_coverage.archive"])
        pool = ProcessPoolExecutor(
            1,
            mp_context=context,
            max_tasks_per_child=fresh_after,
            initializer=_leave_with,
            initargs=(os.getpid(),),
        )
        _pool = (fresh_after, pool)
    return _pool[1]


def _drop_child_process() -> None:
    global _pool
    if _pool is not None:
        _pool[1].shutdown(wait=False)
        _pool = None


def _leave_with(worker: int) -> None:
    """Exit when the worker process is gone. A worker that is killed does not shut its pool
    down, and the child (which holds the fork server's pipe, keeping that alive too)
    would wait for tasks for ever."""
    import threading

    def watch() -> None:
        while True:
            time.sleep(1.0)
            try:
                os.kill(worker, 0)
            except (ProcessLookupError, PermissionError):  # gone (or the number reused)
                os._exit(0)

    threading.Thread(target=watch, name="leave-with-worker", daemon=True).start()


def _quietly(function, *args) -> tuple[object, bool, tuple[int, float]]:
    """A task run with the garbage collector quiet (:func:`collector.quiet_collector`)."""
    with quiet_collector():
        value, computed = function(*args)
    return value, computed, _process_cpu()


def _articles_in(work: Path, components: int) -> list[int]:
    """The number of articles in each component partition (from the Parquet footers)."""
    import pyarrow.parquet as pq

    return [pq.read_metadata(component_file(work, k)).num_rows for k in range(components)]


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
