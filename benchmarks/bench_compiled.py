"""The compiled build against the pure-Python one, in the same run: CPU an article and the rows.

The per-story tables as a corpus worker makes them (``archive.story_tables`` on the
multi-version stories of ``--size`` generated articles, the confirmation's alignments
handed in, the garbage collector quiet, caches cold), run by each build's own
interpreter in a child process, the builds alternating, ``--runs`` times each. Prints
the median CPU ms an article of each build (``time.process_time`` in the child: the
machine is shared) and whether both wrote the same rows (sha256 of every table).
``--build NAME=PYTHON`` adds builds to compare, such as another interpreter's venv
(the interpreter matters as much as the compiling: see ``COMPILED_PYTHON`` in the Makefile).

    make compiled
    .venv/bin/python benchmarks/bench_compiled.py --size 2000 --runs 3
    .venv/bin/python benchmarks/bench_compiled.py --build "pyenv compiled=/tmp/other/bin/python"
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILDS = {"pure Python": ROOT / ".venv/bin/python", "compiled": ROOT / ".venv-compiled/bin/python"}

# What each child runs: one build, one measurement, a JSON line on stdout.
CHILD = """
import hashlib, json, sys, time
sys.path.insert(0, {benchmarks!r})
from bench_stories import corpus
from bench_story_tables import cold_caches, confirmation_alignments
import comparative_coverage as cc
from comparative_coverage.archive import story_tables
from comparative_coverage.corpus.collector import quiet_collector
from comparative_coverage.options import Options

size = {size}
articles, _ = corpus(size, seed=size)
stories = [s for s in cc.find_stories(articles) if len(s.articles) > 1]
aligned = confirmation_alignments(stories, Options())
cold_caches()
start = time.process_time()
with quiet_collector():
    tables = story_tables(stories, options=Options(), aligned=aligned)
spent = time.process_time() - start
digest = hashlib.sha256()
for name in sorted(tables):
    digest.update(name.encode() + tables[name].to_csv(index=False).encode())
print(json.dumps({{"compiled": cc.compiled, "ms": spent / size * 1000,
                   "digest": digest.hexdigest()[:16], "python": sys.version.split()[0],
                   "interpreter": sys._base_executable}}))
"""


def measure(python: Path, size: int) -> dict:
    code = CHILD.format(benchmarks=str(ROOT / "benchmarks"), size=size)
    done = subprocess.run([str(python), "-c", code], capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--build", action="append", default=[], metavar="NAME=PYTHON", help="another build"
    )
    args = parser.parse_args()
    builds = dict(BUILDS)
    for given in args.build:
        name, _, python = given.partition("=")
        builds[name] = Path(python)
    missing = [str(path) for path in builds.values() if not path.exists()]
    if missing:
        sys.exit(f"no {', '.join(missing)}: run `make test` and `make compiled` first")
    results: dict[str, list[dict]] = {name: [] for name in builds}
    for _ in range(args.runs):
        for name, python in builds.items():  # alternating: the load of the moment hits all
            results[name].append(measure(python, args.size))
    print(f"story_tables on {args.size} generated articles, {args.runs} runs a build")
    print(f"{'build':>16} {'CPU ms an article (median)':>27}  runs  tables sha256  interpreter")
    medians = {}
    for name, runs in results.items():
        if name in BUILDS:
            assert all(r["compiled"] == (name == "compiled") for r in runs), f"{name}: wrong build"
        medians[name] = statistics.median(r["ms"] for r in runs)
        each = ", ".join(f"{r['ms']:.2f}" for r in runs)
        built = "compiled" if runs[0]["compiled"] else "pure"
        where = f"{runs[0]['python']} {runs[0]['interpreter']} ({built})"
        print(f"{name:>16} {medians[name]:27.2f}  {each}  {runs[0]['digest']}  {where}")
    digests = {r["digest"] for runs in results.values() for r in runs}
    print(f"same rows in every run of every build: {'yes' if len(digests) == 1 else 'NO'}")
    for name in medians:
        if name != "pure Python":
            print(f"{name} / pure Python: {medians[name] / medians['pure Python']:.2f}")


if __name__ == "__main__":
    main()
