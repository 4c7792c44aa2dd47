"""Start-up: what a process pays before it does any work, each row against its baseline.

Every measurement runs in a fresh process (start-up is what is measured), ours and the
baseline interleaved, and reports the median of ``--runs`` runs: CPU seconds beside wall
seconds. Rows and their baselines:

- ``import comparative_coverage`` (the import alone, timed inside the child), against
  the package before lazy loading (git rev 78b75bb, see baseline.py);
- ``compare-coverage align A B`` on the flagship pair and ``compare-coverage report
  data/sample`` (the whole process), against the same commands before;
- importing Altair through the package (jsonschema's IRI grammar deferred), against
  ``import altair`` (the grammar built at import where rfc3987-syntax is installed);
- the Vega bundle read from the disk cache, against building it (no cache).

    .venv/bin/python benchmarks/bench_startup.py [--runs 5]
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import statistics
import sys
import tempfile
from pathlib import Path

from baseline import BEFORE_ISSUE_18, baseline_path, env_with
from timing import process_times

ROOT = Path(__file__).resolve().parent.parent
A = "data/sample/000_2b30075c1d741493.txt#1"
B = "data/sample/001_d4fe8bf4671f7d50.txt"

# A child that times one statement itself and prints [cpu, wall] (start-up excluded).
TIME_ONE = """
import json, time
{setup}
cpu, wall = time.process_time(), time.perf_counter()
{statement}
print(json.dumps([time.process_time() - cpu, time.perf_counter() - wall]))
"""
CLI = "import sys; from comparative_coverage.cli import main; sys.exit(main(sys.argv[1:]))"


def inner_times(statement: str, env: dict, setup: str = "") -> tuple[float, float]:
    code = TIME_ONE.format(setup=setup, statement=statement)
    _, _, out = process_times([sys.executable, "-c", code], env=env, cwd=str(ROOT))
    cpu, wall = json.loads(out.strip().splitlines()[-1])
    return cpu, wall


def whole_times(argv: list[str], env: dict) -> tuple[float, float]:
    cpu, wall, _ = process_times([sys.executable, "-c", CLI, *argv], env=env, cwd=str(ROOT))
    return cpu, wall


def interleaved(ours, baseline, runs: int) -> tuple[tuple[float, float], tuple[float, float]]:
    """Medians (cpu, wall) of ``ours()`` and ``baseline()``, run alternately."""
    mine, theirs = [], []
    for _ in range(runs):
        mine.append(ours())
        theirs.append(baseline() if baseline else (float("nan"), float("nan")))
    median = lambda rows, k: statistics.median(r[k] for r in rows)  # noqa: E731
    return (median(mine, 0), median(mine, 1)), (median(theirs, 0), median(theirs, 1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    old = baseline_path()
    now_env = env_with(None)
    old_env = env_with(old) if old else None
    work = Path(tempfile.mkdtemp(prefix="cc-bench-startup-"))
    cache_env = env_with(None, XDG_CACHE_HOME=str(work / "cache"))
    blocked = work / "no-cache"  # a file where the cache directory would go: nothing cached
    blocked.write_text("", encoding="utf-8")
    no_cache_env = env_with(None, XDG_CACHE_HOME=str(blocked))
    old_report_env = env_with(old, XDG_CACHE_HOME=str(blocked)) if old else None
    # warm the cache the rows that use it read
    inner_times("import comparative_coverage as cc; cc.vega_bundle()", cache_env)

    rows = []

    def row(label, ours, baseline, against, target=None):
        (cpu, wall), (base_cpu, base_wall) = interleaved(ours, baseline, args.runs)
        rows.append((label, cpu, wall, base_cpu, base_wall, against, target))

    row(
        "import comparative_coverage",
        lambda: inner_times("import comparative_coverage", now_env),
        old_env and (lambda: inner_times("import comparative_coverage", old_env)),
        f"eager imports ({BEFORE_ISSUE_18})",
        0.3,
    )
    align = ["align", A, B, "-o", str(work / "align.txt")]
    row(
        "compare-coverage align A B (process)",
        lambda: whole_times(align, now_env),
        old_env and (lambda: whole_times(align, old_env)),
        f"same command ({BEFORE_ISSUE_18})",
        0.25,
    )
    ours_report, old_report = work / "ours.html", work / "before.html"
    row(
        "compare-coverage report data/sample",
        lambda: whole_times(["report", "data/sample", "-o", str(ours_report)], cache_env),
        old_report_env
        and (lambda: whole_times(["report", "data/sample", "-o", str(old_report)], old_report_env)),
        f"same command ({BEFORE_ISSUE_18})",
        1.5,
    )
    row(
        "Altair import, IRI grammar deferred",
        lambda: inner_times("import comparative_coverage.present.altair_import", now_env),
        lambda: inner_times("import altair", now_env),
        "import altair",
    )
    warm = "import comparative_coverage as cc, altair, vl_convert"
    row(
        "Vega bundle, from the disk cache",
        lambda: inner_times("cc.vega_bundle()", cache_env, setup=warm),
        lambda: inner_times("cc.vega_bundle()", no_cache_env, setup=warm),
        "built in the process",
    )

    print(f"{'row':40} {'CPU s':>7} {'wall s':>7} {'base CPU':>9} {'base wall':>9} {'ratio':>6}")
    for label, cpu, wall, base_cpu, base_wall, against, target in rows:
        ratio = base_cpu / cpu if cpu else float("nan")
        verdict = ""
        if target is not None:
            verdict = f"  target <= {target} s CPU: {'met' if cpu <= target else 'NOT met'}"
        print(
            f"{label:40} {cpu:7.3f} {wall:7.3f} {base_cpu:9.3f} {base_wall:9.3f} {ratio:5.1f}x"
            f"  vs {against}{verdict}"
        )
    if old_report.exists():  # equal unless later work changed what the report says
        ours, before = (
            hashlib.sha256(p.read_bytes()).hexdigest()[:16] for p in (ours_report, old_report)
        )
        print(f"report of the sample: sha256 {ours}...; at {BEFORE_ISSUE_18}: {before}...")
    if old is None:
        print(f"(no baseline: git rev {BEFORE_ISSUE_18} is not available here)")
    if importlib.util.find_spec("rfc3987_syntax") is None:
        print("(rfc3987-syntax is not installed: the Altair row has nothing to defer)")


if __name__ == "__main__":
    main()
