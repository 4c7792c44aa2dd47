"""Reading + segmenting throughput against a git revision, in one process, runs alternating.

The machine is shared and its load drifts by more than most changes to the reader gain,
so two separate runs of ``bench_read.py`` cannot tell them apart. Here the package as it
is at ``--base`` (default ``main``) is exported from git into a temporary folder and
imported beside the working tree's under another name; ``read_articles`` of each reads
the same bench pages (``bench_read.make_corpus``), in alternating order, and the medians
of CPU time are compared. The articles of both are checked to be the same first.

    .venv/bin/python benchmarks/bench_read_ab.py [--base main] [--articles 1000] [--runs 9]
"""

from __future__ import annotations

import argparse
import importlib
import io
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
import warnings
from pathlib import Path

from bench_read import make_corpus

import comparative_coverage as cc

ROOT = Path(__file__).resolve().parent.parent
BASE_NAME = "cc_base"  # the import name of the exported revision


def export_base(revision: str, folder: Path):
    """The package as it is at ``revision``, importable as ``cc_base`` (relative imports
    inside it resolve to it; resources are read from the installed package's folder)."""
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", "--format=tar", revision, "coverage"],
        check=True,
        capture_output=True,
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")
    (folder / "coverage").rename(folder / BASE_NAME)
    sys.path.insert(0, str(folder))
    return importlib.import_module(BASE_NAME)


def _fields(article) -> tuple:
    sentences = tuple((s.text, s.start, s.end, s.paragraph) for s in article.sentences)
    skipped = tuple((s.text, s.reason, s.start, s.end) for s in article.skipped)
    unsure = tuple((s.text, s.reason, s.start, s.end) for s in article.unsure)
    return (article.id, article.title, article.dek, article.paragraphs, article.captions,
            article.date, article.source_spans, skipped, unsure, sentences)  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--base", default="main")
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as code, tempfile.TemporaryDirectory() as pages:
        try:
            base = export_base(args.base, Path(code))
        except (OSError, subprocess.CalledProcessError) as error:  # no git, or no such revision
            print(f"cannot export {args.base} from git ({error}); pass --base REVISION")
            return
        make_corpus(Path(pages), args.articles)

        def read(package):
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # the pages have no metadata, on purpose
                return package.read_articles(pages)

        if [_fields(a) for a in read(base)] != [_fields(a) for a in read(cc)]:
            print(f"the articles differ from {args.base}'s: timing them side by side says nothing")
        cpu: dict[str, list[float]] = {"base": [], "here": []}
        for run in range(args.runs):
            order = [("base", base), ("here", cc)]
            for name, package in order if run % 2 else order[::-1]:
                start = time.process_time()
                read(package)
                cpu[name].append(time.process_time() - start)
    n = args.articles
    medians = {name: statistics.median(times) for name, times in cpu.items()}
    print(f"read_articles on {n} bench pages, medians of {args.runs} alternating runs (CPU):")
    for name, label in (("base", args.base), ("here", "working tree")):
        print(
            f"  {label}: {n / medians[name]:,.0f} pages/s, {medians[name] / n * 1e6:.0f} us a page"
            f" (runs {min(cpu[name]):.3f}-{max(cpu[name]):.3f} s)"
        )
    print(f"  working tree / {args.base}: {medians['base'] / medians['here']:.3f}x the pages/s")


if __name__ == "__main__":
    main()
