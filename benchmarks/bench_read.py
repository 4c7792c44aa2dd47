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
import warnings
from pathlib import Path

import ftfy
import sentencex
from timing import timed_cpu

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


def _spans(lines: list) -> list[tuple[int, int]]:
    """The lines' offsets into the text from the first line's start to the last one's end."""
    base = lines[0].start
    return [(x.start - base, x.end - base) for x in lines]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    # here, not at the top: make_corpus is shared with other benchmarks
    from comparative_coverage.reading.decoding import decode
    from comparative_coverage.reading.furniture import promotion_lines
    from comparative_coverage.reading.lines import page_lines
    from comparative_coverage.reading.pages import parse_page
    from comparative_coverage.reading.segment import split_paragraphs

    with tempfile.TemporaryDirectory() as tmp:
        paths = make_corpus(Path(tmp), args.articles)
        data = [path.read_bytes() for path in paths]
        pages = [path.read_text(encoding="utf-8") for path in paths]

        def ours():
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # the pages have no metadata, on purpose
                return cc.read_articles(tmp)

        def in_memory():
            return [a for page in pages for a in cc.read_text(page)]

        def baseline():
            return sum(len(list(sentencex.segment("en", page))) for page in pages)

        wall, cpu, articles = timed_cpu(ours, args.runs)
        mem_wall, mem_cpu, _ = timed_cpu(in_memory, args.runs)
        base_wall, base_cpu, base_sentences = timed_cpu(baseline, args.runs)
        # the stages of read_articles, each on its own (the rest: files, metadata, copies)
        _, decode_cpu, _ = timed_cpu(lambda: [decode(d) for d in data], args.runs)
        _, rules_cpu, _ = timed_cpu(lambda: [parse_page(page) for page in pages], args.runs)
        # two parts of the page rules, each on its own: cutting lines, and the promotion-word
        # search over each page's lines (as a story runs it: the lines' text, offsets into it)
        _, lines_cpu, found = timed_cpu(lambda: [page_lines(page) for page in pages], args.runs)
        lined = [
            (page[x[0].start : x[-1].end], _spans(x))
            for page, x in zip(pages, found, strict=True)
            if x
        ]
        _, promo_cpu, _ = timed_cpu(lambda: [promotion_lines(t, s) for t, s in lined], args.runs)
        paragraphs = [a.paragraphs for a in articles]
        _, split_cpu, _ = timed_cpu(lambda: [split_paragraphs(p) for p in paragraphs], args.runs)
        _, ftfy_cpu, _ = timed_cpu(lambda: [ftfy.fix_encoding(page) for page in pages], args.runs)
    n = args.articles
    words = statistics.mean(a.words for a in articles)
    sentences = sum(len(a.sentences) for a in articles)
    print(
        f"corpus: {n} pages in 3 layouts, {words:.0f} body words each on average, "
        f"{sentences} body sentences; medians of {args.runs} runs"
    )
    print(
        f"read + clean + segment (read_articles): CPU {cpu:.3f} s -> {n / cpu:,.0f} articles/s "
        f"CPU, {cpu / n * 1e6:.0f} us a page (target >= 2,000/s); wall {wall:.3f} s "
        f"({n / wall:,.0f}/s)"
    )
    print(
        f"  pages already in memory (read_text: clean + segment): CPU {mem_cpu:.3f} s "
        f"-> {n / mem_cpu:,.0f} articles/s CPU (wall {mem_wall:.3f} s)"
    )
    for name, seconds in (
        ("decoding (UTF-8, control-character and mojibake checks)", decode_cpu),
        ("page rules (parse_page: lines, furniture, title, captions)", rules_cpu),
        ("segmentation (split_paragraphs: sentencex + rules)", split_cpu),
    ):
        print(f"  of which {name}: {seconds / n * 1e6:.0f} us a page ({seconds / cpu:.0%})")
        if name.startswith("page rules"):
            for part, part_cpu in (
                ("cutting lines (page_lines)", lines_cpu),
                ("promotion-word search (promotion_lines)", promo_cpu),
            ):
                print(f"    of which {part}: {part_cpu / n * 1e6:.0f} us a page")
    rest = cpu - decode_cpu - rules_cpu - split_cpu
    print(
        f"  the rest, by difference (files, metadata, duplicate check): {rest / n * 1e6:.0f} us a page"
    )
    print(f"  (ftfy.fix_encoding on every page would add {ftfy_cpu / n * 1e6:.0f} us a page)")
    print(
        f"baseline, raw sentencex on the same page text ({base_sentences} pieces): "
        f"CPU {base_cpu:.3f} s -> {n / base_cpu:,.0f} articles/s (wall {base_wall:.3f} s); "
        f"the reader costs {cpu / base_cpu:.1f}x raw splitting in CPU time"
    )


if __name__ == "__main__":
    main()
