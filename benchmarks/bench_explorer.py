"""The explorer's response times on the sample: filters re-filter, choices recompute once.

After the first draw: a status or kind filter (nothing recomputed), a story seen before
(taken from what was kept), and a new choice of outlets and threshold (aligned, changes
classified, charts re-specified in the chart widgets it already has). Medians of several
runs, wall and CPU time (the machine is shared). Baseline, in the same run: the old way,
every change rebuilding everything with new chart widgets.

    .venv/bin/python benchmarks/bench_explorer.py [--runs 7]
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import comparative_coverage as cc

ROOT = Path(__file__).resolve().parent.parent


def clocked(action, runs: int) -> tuple[float, float]:
    walls, cpus = [], []
    for k in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        action(k)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls) * 1000, statistics.median(cpus) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    articles = cc.read_articles(ROOT / "data" / "sample")
    start = time.perf_counter()
    explorer = cc.explore(articles)
    print(f"first draw (offline chart widgets included): {time.perf_counter() - start:.2f} s")
    statuses = [s for _, s in explorer.statuses.options]
    kinds = [k for _, k in explorer.kinds.options]
    cases = {
        "status filter": lambda k: setattr(
            explorer.statuses, "value", tuple(statuses[: 1 + k % len(statuses)])
        ),
        "kind filter": lambda k: setattr(
            explorer.kinds, "value", tuple(kinds[: 1 + k % len(kinds)])
        ),
        "story seen before": lambda k: setattr(
            explorer.story, "value", "story-1" if k % 2 else "story-2"
        ),
    }
    print(f"{'after the first draw':34} {'wall ms':>8} {'CPU ms':>7}")
    for name, action in cases.items():
        wall, cpu = clocked(action, args.runs)
        print(f"{name:34} {wall:8.1f} {cpu:7.1f}")
    explorer.story.value = "story-1"

    def new_threshold(k: int) -> None:  # a value not computed before: realign
        explorer.threshold.value = round(0.2 + 0.05 * (k % 12), 2)

    wall, cpu = clocked(new_threshold, args.runs)
    print(f"{'new threshold (realigned)':34} {wall:8.1f} {cpu:7.1f}")
    explorer._results.clear()
    explorer._chart_views.clear()  # the baseline: new chart widgets every time
    wall, cpu = clocked(
        lambda k: (explorer._results.clear(), explorer._chart_views.clear(), explorer.update()),
        args.runs,
    )
    print(f"{'baseline: rebuild all, new widgets':34} {wall:8.1f} {cpu:7.1f}")


if __name__ == "__main__":
    main()
