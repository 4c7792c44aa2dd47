"""A news archive -> Parquet tables and a report, on a Dask cluster: :func:`analyse_corpus`.

The per-story work (the N-way comparison, kinds of change, labels) and the per-article
work (attributions) run on the workers through :func:`corpus.distributed.group_stories`;
this module says what is computed for each story and sums it up per outlet. It sits
above ``present`` in the layers because it writes the report.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from .corpus.comparison import Comparison, compare
from .corpus.distributed import FRESH_WORKER_AFTER, Settings, aligner_settings, group_stories
from .corpus.shards import input_partitions, read_table, stored_articles, write_part
from .corpus.stories import Story
from .errors import InvalidOption, missing_dependency
from .model import Alignment, Article
from .names.memo import sharing
from .options import Options, resolve
from .present.tables import COMPARISON_COLUMNS, SUMMARY_COLUMNS
from .reading.articles import as_articles
from .wording.attributions import find_attributions
from .wording.kinds import KINDS, classify_changes
from .wording.labels import describe_labels
from .wording.records import Changes, Labels

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["CorpusAnalysis", "analyse_corpus", "CORPUS_TABLES"]

CORPUS_TABLES = (
    "articles",
    "stories",
    "story_links",
    "units",
    "outlet_stories",
    "changes",
    "labels",
    "attributions",
    "outlets",
)
REPORT_STORIES = 20


@dataclass(frozen=True)
class CorpusAnalysis:
    """Where a corpus run wrote its tables (one Parquet folder each), its counts and options.

    ``computed`` counts the partitions each stage computed in this call (the rest were
    finished by an earlier, interrupted call); ``seconds`` is the wall time per stage and
    ``cpu_seconds`` the CPU time (client and workers; the report's is the client's).
    """

    output: Path
    counts: dict[str, int]
    report: Path | None = None
    options: Options = field(default_factory=Options)
    computed: dict[str, int] = field(default_factory=dict, compare=False)
    seconds: dict[str, float] = field(default_factory=dict, compare=False)
    cpu_seconds: dict[str, float] = field(default_factory=dict, compare=False)

    def table(self, name: str) -> pd.DataFrame:
        """One of :data:`CORPUS_TABLES` as a DataFrame (read whole: use Dask or pyarrow for big ones)."""
        if name not in CORPUS_TABLES:
            raise InvalidOption(f"no table {name!r}; the tables are {', '.join(CORPUS_TABLES)}")
        return read_table(self.output / name).to_pandas()

    def __repr__(self) -> str:
        counts = ", ".join(f"{k} {v}" for k, v in self.counts.items())
        return f"<CorpusAnalysis {str(self.output)!r}: {counts}>"


# ---- what each task computes (shipped to the workers by reference) ----------------------


def story_tables(
    stories: Sequence[Story],
    *,
    options: Options,
    aligned: Sequence[Mapping[tuple[int, int], Alignment]] | None = None,
) -> dict[str, pd.DataFrame]:
    """The tables of a batch of multi-version stories: content units, per-version summary,
    changes, labels; one frame per table for the whole batch, built from the records (a
    frame per story costs more than the story's comparison). ``aligned``, one mapping a
    story, holds the alignments its confirmation made, for :func:`compare` to reuse."""
    rows: dict[str, list] = {"units": [], "outlet_stories": [], "changes": [], "labels": []}
    for k, story in enumerate(stories):
        with sharing():  # a story's name analyses made once for all its rules
            _story_rows(story, rows, options, aligned[k] if aligned else None)
    return {
        "units": _frame(rows["units"], ("story", *COMPARISON_COLUMNS)),
        "outlet_stories": _frame(rows["outlet_stories"], _SUMMARY_COLUMNS),
        "changes": _frame(rows["changes"], _CHANGE_COLUMNS, Changes.dtypes),
        "labels": _frame(rows["labels"], ("story", *Labels.columns), Labels.dtypes),
    }


def _story_rows(
    story: Story,
    rows: dict[str, list],
    options: Options,
    aligned: Mapping[tuple[int, int], Alignment] | None,
) -> None:
    """One story's rows of the four tables, added to ``rows``."""
    # sentences split once: compare, the labels and the tables all read them
    articles = tuple(as_articles(story.articles))
    comparison = compare(articles, options=options, aligned=aligned)
    rows["units"].extend(_unit_rows(story.id, comparison))
    rows["outlet_stories"].extend(_summary_rows(story.id, comparison))
    spine = comparison.articles[comparison.spine]
    for label, alignment in comparison.alignments.items():
        version = comparison.articles[comparison.outlets.index(label)]
        key, outlet = (story.id, spine.id, version.id), version.outlet or "unknown"
        changes = classify_changes(alignment)
        rows["changes"].extend((*key, *changes.row(c), outlet) for c in changes)
    labels = describe_labels(articles, alignments=list(comparison.alignments.values()))
    rows["labels"].extend((story.id, *labels.row(x)) for x in labels)


_CHANGE_COLUMNS = ("story", "a_article", "b_article", *Changes.columns, "b_outlet_name")
_SUMMARY_COLUMNS = ("story", *SUMMARY_COLUMNS, "outlet_name")


def _unit_rows(story: str, comparison: Comparison) -> Iterator[tuple]:
    """The rows of :func:`present.tables.comparison_frame`, as tuples, with the story first."""
    for unit in comparison.units:
        versions = unit.versions
        for k, cell in enumerate(unit.cells):
            if cell is None:
                continue
            article_id, outlet = comparison.articles[k].id, comparison.outlets[k]
            texts, spine = comparison.sentences[k], k == comparison.spine
            for index in cell.sentences:
                yield (
                    story,
                    unit.unit,
                    outlet,
                    article_id,
                    index,
                    texts[index],
                    unit.status,
                    versions,
                    cell.relation,
                    cell.moved,
                    spine,
                )


def _summary_rows(story: str, comparison: Comparison) -> Iterator[tuple]:
    """The rows of :func:`present.tables.comparison_summary`, the story first, the outlet last."""
    others = len(comparison.outlets) - 1
    for k, (article, outlet) in enumerate(
        zip(comparison.articles, comparison.outlets, strict=True)
    ):
        count = dict.fromkeys(SUMMARY_COLUMNS[3:], 0)
        sentences = comparison.sentences[k]
        for unit in comparison.units:
            cell = unit.cells[k]
            if cell is None:
                count["dropped"] += unit.versions == others
                continue
            kind = "own" if unit.status == "only_this" else unit.status
            words = sum(len(sentences[i].split()) for i in cell.sentences)
            count["sentences"] += len(cell.sentences)
            count["words"] += words
            count[kind] += len(cell.sentences)
            count[f"words_{kind}"] += words
            count["moved"] += cell.moved
        yield (
            story,
            outlet,
            article.id,
            k == comparison.spine,
            *count.values(),
            article.outlet or "unknown",
        )


def _frame(
    rows: list[tuple], columns: Sequence[str], dtypes: dict[str, str] | None = None
) -> pd.DataFrame:
    """Rows as a frame with the dtypes ``to_frame`` gives (the units' flags as booleans,
    the summaries' counts as integers, missing indices as ``<NA>``)."""
    import pandas as pd

    frame = pd.DataFrame(rows, columns=list(columns))
    if dtypes is not None:
        return frame.astype(dtypes)
    flags = ("spine",) if "sentences" in columns else ("moved", "spine")  # summary: moved counts
    counts = [c for c in columns if c in _COUNTS and c not in flags]
    return frame.astype(dict.fromkeys(counts, "int64") | dict.fromkeys(flags, bool))


_COUNTS = {"unit", "sentence_index", "versions", *SUMMARY_COLUMNS[3:]}


def article_tables(articles: Sequence[Article]) -> dict[str, pd.DataFrame]:
    """The per-article tables of an input partition: attributions (wire credits, sources)."""
    return {"attributions": find_attributions(list(articles)).to_frame()}


# ---- the run -----------------------------------------------------------------------------


@contextmanager
def _client(scheduler, workers: int | None) -> Iterator[object]:
    """A client of the cluster at ``scheduler``, or of a new LocalCluster of processes."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as error:
        raise missing_dependency(
            "dask[distributed]", "run the corpus pipeline", extra="corpus"
        ) from error
    if scheduler is not None and not isinstance(scheduler, str):
        yield scheduler  # a Client the caller made
        return
    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    if workers is not None and workers < 1:
        raise InvalidOption(f"workers must be 1 or more, not {workers!r}")
    import dask

    # workers that may start processes of their own (corpus.distributed.FRESH_WORKER_AFTER)
    with dask.config.set({"distributed.worker.daemon": False}):
        cluster = LocalCluster(
            n_workers=workers or min(4, os.cpu_count() or 1),
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",
            silence_logs=logging.ERROR,
        )
    with cluster, Client(cluster) as client:
        yield client


def analyse_corpus(
    inputs: str | os.PathLike | Sequence[str | os.PathLike],
    output: str | os.PathLike,
    *,
    scheduler: str | object | None = None,
    workers: int | None = None,
    options: Options | None = None,
    report: bool = True,
    report_stories: int = REPORT_STORIES,
    files_per_partition: int = 500,
    progress: bool = False,
    fresh_worker_after: int | None = FRESH_WORKER_AFTER,
    **overrides: object,
) -> CorpusAnalysis:
    """Group, compare and summarise a corpus on a Dask cluster; write Parquet tables to ``output``.

    ``inputs`` are folders of pages or Parquet/JSONL/CSV shards of articles (``text``,
    ``outlet``, ``date``, ``url`` ...). ``scheduler`` is a cluster address
    (``tcp://host:8786``) or a ``distributed.Client``; by default a LocalCluster of
    ``workers`` processes is started and stopped. The stories are those
    :func:`find_stories` finds on the same corpus, numbered the same way. Tables:
    :data:`CORPUS_TABLES`, one folder of part files each; ``report.html`` shows the
    ``report_stories`` stories with the most versions (a single page has to stay
    readable). A run that stopped is resumed by calling again with the same output.
    Each worker compares stories in a child process that a fresh one replaces after
    ``fresh_worker_after`` partitions (a long-lived process gets slower at it; ``None``:
    in the worker itself).
    """
    options = resolve(options, **overrides)
    if fresh_worker_after is not None and (
        isinstance(fresh_worker_after, bool)
        or not isinstance(fresh_worker_after, int)
        or fresh_worker_after < 1
    ):
        raise InvalidOption(
            f"fresh_worker_after must be a whole number of partitions, 1 or more, or None "
            f"(never), not {fresh_worker_after!r}"
        )
    out = Path(output)
    settings = Settings(
        partitions=input_partitions(inputs, files_per_partition=files_per_partition),
        threshold=options.story_threshold,
        containment=options.story_containment,
        aligner=aligner_settings(options),
    )
    with _client(scheduler, workers) as client:
        run = group_stories(
            client,
            settings,
            out,
            story_tables=partial(story_tables, options=options),
            article_tables=article_tables,
            progress=progress,
            fresh_worker_after=fresh_worker_after,
        )
        start, cpu = time.perf_counter(), time.process_time()
        _outlets(out)
        summarised = (time.perf_counter() - start, time.process_time() - cpu)
    start, cpu = time.perf_counter(), time.process_time()
    page = _report(out, report_stories, options) if report else None
    reported = (time.perf_counter() - start, time.process_time() - cpu)
    seconds = run.seconds | {
        "summarising": round(summarised[0], 2),
        "report": round(reported[0], 2),
    }
    cpu_seconds = run.cpu | {
        "summarising": round(summarised[1], 2),
        "report": round(reported[1], 2),
    }
    return CorpusAnalysis(out, run.counts, page, options, run.computed, seconds, cpu_seconds)


def _outlets(out: Path) -> None:
    """The per-outlet summary: articles, stories, wire-copy share, kinds of change, labels, credits."""
    import pandas as pd

    articles = read_table(out / "articles", columns=["outlet", "words"]).to_pandas()
    articles["outlet"] = articles["outlet"].replace("", "unknown").fillna("unknown")
    frame = articles.groupby("outlet").agg(articles=("words", "size"), words=("words", "sum"))
    summary = read_table(
        out / "outlet_stories",
        columns=[
            "outlet_name",
            "spine",
            "sentences",
            "shared_all",
            "shared_some",
            "own",
            "dropped",
            "moved",
        ],
    ).to_pandas()
    if len(summary):
        grouped = summary.groupby("outlet_name")
        versions = grouped.agg(
            compared_versions=("sentences", "size"),
            spine=("spine", "sum"),
            sentences=("sentences", "sum"),
            shared_all=("shared_all", "sum"),
            shared_some=("shared_some", "sum"),
            own=("own", "sum"),
            dropped=("dropped", "sum"),
            moved=("moved", "sum"),
        )
        versions["shared_share"] = (
            (versions["shared_all"] + versions["shared_some"]) / versions["sentences"].clip(lower=1)
        ).round(4)
        frame = frame.join(versions, how="left")
    changes = read_table(out / "changes", columns=["b_outlet_name", "kind", "loaded"]).to_pandas()
    if len(changes):
        kinds = pd.crosstab(changes["b_outlet_name"], changes["kind"]).reindex(
            columns=list(KINDS), fill_value=0
        )
        frame = frame.join(kinds.add_prefix("changes_"), how="left")
        towards = changes[changes["loaded"] == "towards"].groupby("b_outlet_name").size()
        frame["changes_towards_loaded"] = towards
    labels = read_table(out / "labels", columns=["outlet", "load"]).to_pandas()
    if len(labels):
        frame["labels"] = labels.groupby("outlet").size()
        frame["label_load"] = labels.groupby("outlet")["load"].sum()
    credits = read_table(out / "attributions", columns=["outlet", "kind"]).to_pandas()
    if len(credits):
        frame = frame.join(
            pd.crosstab(credits["outlet"], credits["kind"]).add_prefix("attributions_"), how="left"
        )
    frame = frame.fillna(0)
    counts = [c for c in frame.columns if c != "shared_share"]
    frame = frame.astype(dict.fromkeys(counts, "int64")).reset_index()
    write_part(frame, out / "outlets" / "part-00000.parquet")


def _report(out: Path, count: int, options: Options) -> Path | None:
    from .present.report import write_report

    stories = read_table(out / "stories", columns=["story", "number", "versions"]).to_pandas()
    chosen = stories[stories["versions"] > 1].sort_values(
        ["versions", "number"], ascending=[False, True]
    )
    wanted = chosen["story"].head(count).tolist()
    if not wanted:
        return None
    articles = stored_articles(out, wanted)
    title = f"The {len(wanted)} stories of the corpus with the most versions"
    return write_report(articles, out / "report.html", title=title, options=options)
