"""CPU per article of the corpus pipeline's stages, in one process: where the time goes.

On ``--size`` generated articles (the generator of ``bench_stories.py``): grouping
(``cc.find_stories``), then the per-story tables two ways, in the same run: the
reference (public functions one story at a time, timed stage by stage: ``cc.compare``,
``to_frame`` + ``summary``, ``classify_changes``, ``describe_labels``) and
``archive.story_tables`` (what the cluster's workers run: the stories of a partition in
one call), once alone, once handed the alignments of each story's linked pairs (made
outside the timing: the cluster's confirmation made them already) and once more so inside
``quiet_collector`` (the garbage collector as a worker's task has it), and ``find_attributions``. Prints median CPU ms per article over ``--runs``
runs (``time.process_time``: the machine is shared) and whether the two per-story paths
wrote the same rows (``check_corpus``'s normalisation).

    .venv/bin/python benchmarks/bench_story_tables.py --size 2000 --runs 3
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_stories import corpus  # noqa: E402
from check_corpus import _normal, reference_story_tables  # noqa: E402

import comparative_coverage as cc  # noqa: E402
from comparative_coverage.corpus.collector import quiet_collector  # noqa: E402
from comparative_coverage.options import Options  # noqa: E402
from comparative_coverage.present.tables import comparison_frame, comparison_summary  # noqa: E402


def reference_stages(stories: list, options: Options) -> dict[str, float]:
    """CPU seconds of each public per-story stage, one story at a time."""
    spent: dict[str, float] = defaultdict(float)
    for story in stories:
        start = time.process_time()
        comparison = cc.compare(story, options=options)
        spent["compare"] += time.process_time() - start
        start = time.process_time()
        comparison_frame(comparison), comparison_summary(comparison)
        spent["units + summary"] += time.process_time() - start
        start = time.process_time()
        for alignment in comparison.alignments.values():
            cc.classify_changes(alignment)
        spent["changes"] += time.process_time() - start
        start = time.process_time()
        cc.describe_labels(story.articles, alignments=list(comparison.alignments.values()))
        spent["labels"] += time.process_time() - start
    return spent


def cold_caches() -> None:
    """Empty the per-text caches (tokens, names, labels, spellings) the rules share."""
    import functools
    import sys

    for name, module in list(sys.modules.items()):
        if not name.startswith("comparative_coverage"):
            continue
        for value in list(vars(module).values()):
            if isinstance(value, functools._lru_cache_wrapper):
                value.cache_clear()


def confirmation_alignments(stories: list, options: Options) -> list[dict]:
    """Per story, the alignments its confirmation made of its linked pairs (``diffs=False``,
    by positions in the story, each link's first article as ``a``), as the cluster's task
    hands them to ``story_tables``."""
    from comparative_coverage.alignment.aligner import align
    from comparative_coverage.reading.articles import as_articles

    found = []
    for story in stories:
        articles = as_articles(story.articles)
        position = {a.id: k for k, a in enumerate(articles)}
        sentences = [tuple(s.text for s in a.sentences) for a in articles]
        pairs = sorted((position[x.a], position[x.b]) for x in story.links)
        found.append(
            {
                (x, y): align(sentences[x], sentences[y], options=options, diffs=False)
                for x, y in pairs
            }
        )
    return found


def same_rows(stories: list, options: Options, batch: dict[str, pd.DataFrame]) -> str:
    reference: dict[str, list] = defaultdict(list)
    for story in stories:
        for name, frame in reference_story_tables(story, options=options).items():
            reference[name].append(frame)
    differ = []
    for name, frames in reference.items():
        theirs = _normal(pd.concat(frames, ignore_index=True), None)
        ours = _normal(batch[name], list(theirs.columns))
        try:
            pd.testing.assert_frame_equal(ours, theirs, check_dtype=False)
        except AssertionError as error:
            differ.append(f"{name}: {str(error).splitlines()[0]}")
    return "same rows in every table" if not differ else "DIFFERENT: " + "; ".join(differ)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--reference-only", action="store_true", help="older code: no batch path")
    args = parser.parse_args()
    options = Options()
    articles, _ = corpus(args.size, seed=args.size)
    timings: dict[str, list[float]] = defaultdict(list)
    for _ in range(args.runs):
        start = time.process_time()
        stories = cc.find_stories(articles)
        timings["grouping (find_stories)"].append(time.process_time() - start)
        multi = [s for s in stories if len(s.articles) > 1]
        for name, seconds in reference_stages(multi, options).items():
            timings[f"reference: {name}"].append(seconds)
        if not args.reference_only:
            from comparative_coverage.archive import story_tables

            cold_caches()  # a worker meets each story once: no help from the reference's run
            start = time.process_time()
            batch = story_tables(multi, options=options)
            timings["archive.story_tables (all per-story tables)"].append(
                time.process_time() - start
            )
            aligned = confirmation_alignments(multi, options)  # made by confirmation
            cold_caches()
            start = time.process_time()
            reused = story_tables(multi, options=options, aligned=aligned)
            timings["  the same, confirmation's alignments reused"].append(
                time.process_time() - start
            )
            cold_caches()
            start = time.process_time()
            with quiet_collector():  # as a worker runs it
                story_tables(multi, options=options, aligned=aligned)
            timings["  the same, garbage collector quiet (a worker)"].append(
                time.process_time() - start
            )
        start = time.process_time()
        cc.find_attributions(articles)
        timings["attributions"].append(time.process_time() - start)
    print(f"{args.size} articles, {len(multi)} multi-version stories, {args.runs} runs")
    for name, values in timings.items():
        print(f"  {name:48s} {statistics.median(values) / args.size * 1000:6.2f} ms CPU/article")
    reference = sum(statistics.median(v) for k, v in timings.items() if k.startswith("reference"))
    print(f"  {'reference per-story total':48s} {reference / args.size * 1000:6.2f} ms CPU/article")
    if not args.reference_only:
        print(f"  check: {same_rows(multi, options, batch)}")
        print(f"  check, alignments reused: {same_rows(multi, options, reused)}")


if __name__ == "__main__":
    main()
