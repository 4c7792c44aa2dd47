"""Reading + segmenting throughput, in articles per second, on one core.

The corpus repeats the bundled sample's page layout with 600-word stories built from its
own paragraphs (doubled headline and captions, "TT" marker, chrome around them), written
to a temporary folder. Baseline in the same run: the same bodies split by pysbd, the
accuracy reference among sentence splitters.

    .venv/bin/python benchmarks/bench_read.py [--articles 1000] [--runs 5]
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

import comparative_coverage as cc

ROOT = Path(__file__).resolve().parent.parent


def make_corpus(folder: Path, count: int, *, words: int = 600, seed: int = 0) -> list[Path]:
    rng = random.Random(seed)
    sample = cc.read_articles(ROOT / "data" / "sample")
    paragraphs = [p for a in sample for p in a.paragraphs]
    paths = []
    for number in range(count):
        title = f"Story Number {number} About Talks in Moscow"
        caption = f"Officials meet in Moscow on day {number}. (AFP)"
        body, total = [], 0
        while total < words:
            paragraph = rng.choice(paragraphs)
            body.append(paragraph)
            total += len(paragraph.split())
        page = "\n".join(
            [
                title,
                "",
                caption,
                caption,
                "TT",
                "",
                title,
                "",
                caption,
                caption,
                "",
                *body,
                "",
                "Related Articles",
                "",
                "Back to top button",
            ]
        )
        path = folder / f"story_{number:05d}.txt"
        path.write_text(page, encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        paths = make_corpus(Path(tmp), args.articles)
        timings, sentences = [], 0
        for _ in range(args.runs):
            start = time.perf_counter()
            articles = cc.read_articles(paths)
            sentences = sum(len(a.sentences) for a in articles)
            timings.append(time.perf_counter() - start)
        words = statistics.mean(a.words for a in articles)
        ours = args.articles / statistics.median(timings)
        print(
            f"corpus: {args.articles} articles, {words:.0f} words each on average, "
            f"{sentences} sentences"
        )
        print(
            f"read + segment (comparative_coverage): median {statistics.median(timings):.3f} s "
            f"over {args.runs} runs -> {ours:,.0f} articles/s (target >= 500)"
        )
        try:
            import pysbd
        except ImportError:
            print("pysbd not installed: baseline skipped (pip install pysbd)")
            return
        segmenter = pysbd.Segmenter(language="en", clean=False)
        bodies = [a.body for a in articles[: max(50, args.articles // 10)]]
        start = time.perf_counter()
        for body in bodies:
            segmenter.segment(body)
        baseline = len(bodies) / (time.perf_counter() - start)
        print(
            f"baseline, segmenting only (pysbd 0.3.4): {baseline:,.0f} articles/s "
            f"on {len(bodies)} bodies -> ours is {ours / baseline:.0f}x faster while also reading"
        )


if __name__ == "__main__":
    main()
