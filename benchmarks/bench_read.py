"""Reading + segmenting throughput, in articles per second, on one core.

The corpus: 600-word pages built from the bundled sample's paragraphs in several page
layouts (a doubled headline with doubled captions and a "TT" marker; a blog page with
tags, byline, date widget, share buttons and a related-links list; a wire reprint with an
archive date marker, a dateline, a caption with a photo credit, a subhead and a cut-off
last sentence), written to a temporary folder. ``read_articles`` reads, cleans and splits
them into sentences. Baseline in the same run: raw sentencex splitting the same pages'
text (no reading, no page rules), the floor any reader built on it pays.

    .venv/bin/python benchmarks/bench_read.py [--articles 1000] [--runs 5]
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
import warnings
from pathlib import Path

import ftfy
import sentencex

import comparative_coverage as cc

ROOT = Path(__file__).resolve().parent.parent


def _body(rng: random.Random, paragraphs: list[str], words: int) -> list[str]:
    body, total = [], 0
    while total < words:
        paragraph = rng.choice(paragraphs)
        body.append(paragraph)
        total += len(paragraph.split())
    return body


def _page(number: int, body: list[str], layout: int) -> str:
    title = f"Story Number {number} About Talks in Moscow"
    caption = f"Officials meet in Moscow on day {number}. Photo: AFP"
    if layout == 0:
        head = [title, "", caption, caption, "TT", "", title, "", caption, caption, ""]
        return "\n".join([*head, *body, "", "Related Articles", "", "Back to top button"])
    if layout == 1:
        head = ["WorldNewsPolitics", "", title, "", "By Jane Doe", "Published 22 August 2023", ""]
        foot = ["", "Share this article", "- Complete coverage of the talks", "- Live updates"]
        return "\n\n".join([*head, *body[:3], "WHAT COMES NEXT", *body[3:], *foot])
    lead = f"MOSCOW (AFP) \u2014 {body[0]}"
    return "\n\n".join(
        [f" date 2023-05-0{1 + number % 9} {title}", lead, caption, *body[1:], "The talks were in"]
    )


def make_corpus(folder: Path, count: int, *, words: int = 600, seed: int = 0) -> list[Path]:
    rng = random.Random(seed)
    sample = cc.read_articles(ROOT / "data" / "sample")
    paragraphs = [p for a in sample for p in a.paragraphs]
    paths = []
    for number in range(count):
        page = _page(number, _body(rng, paragraphs, words), number % 3)
        path = folder / f"story_{number:05d}.txt"
        path.write_text(page, encoding="utf-8")
        paths.append(path)
    return paths


def timed(function, runs: int) -> tuple[float, float, object]:
    """Median wall and CPU seconds over ``runs`` calls, and the last result."""
    walls, cpus, result = [], [], None
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        result = function()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    from comparative_coverage.reading.files import _fix_mojibake  # here: make_corpus is shared
    with tempfile.TemporaryDirectory() as tmp:
        paths = make_corpus(Path(tmp), args.articles)
        pages = [path.read_text(encoding="utf-8") for path in paths]

        def ours():
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # the pages have no metadata, on purpose
                return cc.read_articles(tmp)

        def in_memory():
            return [a for page in pages for a in cc.read_text(page)]

        def baseline():
            return sum(len(list(sentencex.segment("en", page))) for page in pages)

        def mojibake_gate():  # what read_articles pays on clean pages: the cheap check
            return [_fix_mojibake(page) for page in pages]

        def ftfy_everywhere():  # what calling ftfy.fix_encoding on every page would cost
            return [ftfy.fix_encoding(page) for page in pages]

        wall, cpu, articles = timed(ours, args.runs)
        _, gate_cpu, _ = timed(mojibake_gate, args.runs)
        _, ftfy_cpu, _ = timed(ftfy_everywhere, args.runs)
        mem_wall, mem_cpu, _ = timed(in_memory, args.runs)
        base_wall, base_cpu, base_sentences = timed(baseline, args.runs)
    words = statistics.mean(a.words for a in articles)
    sentences = sum(len(a.sentences) for a in articles)
    print(
        f"corpus: {args.articles} pages in 3 layouts, {words:.0f} body words each on average, "
        f"{sentences} body sentences; medians of {args.runs} runs"
    )
    print(
        f"read + clean + segment (read_articles): wall {wall:.3f} s, CPU {cpu:.3f} s -> "
        f"{args.articles / wall:,.0f} articles/s wall, {args.articles / cpu:,.0f}/s CPU "
        f"(target >= 500, aim 2,000)"
    )
    print(
        f"  of which pages already in memory (read_text: clean + segment): CPU {mem_cpu:.3f} s "
        f"-> {args.articles / mem_cpu:,.0f} articles/s CPU (wall {mem_wall:.3f} s)"
    )
    print(
        f"  of which the mojibake check (ftfy only where a hint is found): CPU {gate_cpu:.4f} s "
        f"({gate_cpu / cpu:.1%}); ftfy.fix_encoding on every page would be {ftfy_cpu:.3f} s"
    )
    print(
        f"baseline, raw sentencex on the same page text ({base_sentences} pieces): "
        f"wall {base_wall:.3f} s, CPU {base_cpu:.3f} s -> {args.articles / base_wall:,.0f} "
        f"articles/s; the reader costs {wall / base_wall:.1f}x raw splitting"
    )


if __name__ == "__main__":
    main()
