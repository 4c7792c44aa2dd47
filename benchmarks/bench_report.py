"""Report build time and size: the sample corpus and a long synthetic story, in one run.

Baseline, in the same run: Altair's own way to a self-contained chart,
``chart.to_html(inline=True)``, which inlines the Vega bundle into every chart's page.
Ours inlines it once for the whole report. Times are medians of several runs, after
start-up (imports) and after the bundle is built once per process (reported apart).

    .venv/bin/python benchmarks/bench_report.py [--runs 5]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from synthetic import base_sentences, rewrite
from timing import timed

ROOT = Path(__file__).resolve().parent.parent


def charts_in(html: str) -> int:
    return html.count('"id":"chart-')


def synthetic_story(n: int, versions: int) -> list:
    import comparative_coverage as cc

    base = base_sentences(n, seed=7)
    articles = [
        cc.Article(id="wire#1", outlet="Wire", title="Synthetic story", paragraphs=tuple(base))
    ]
    for k in range(1, versions):
        text, _ = rewrite(base, seed=k)
        articles.append(
            cc.Article(
                id=f"outlet{k}#1",
                outlet=f"Outlet {k}",
                title="Synthetic story",
                paragraphs=tuple(text),
            )
        )
    return articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    start = time.perf_counter()
    import altair as alt

    import comparative_coverage as cc
    from comparative_coverage.present.report import build_report

    startup = time.perf_counter() - start
    start = time.perf_counter()
    bundle = cc.vega_bundle()
    bundle_time = time.perf_counter() - start
    sample = ROOT / "data" / "sample"
    articles = cc.read_articles(sample)

    print(
        f"start-up (imports): {startup:.2f} s; Vega bundle, once per process: {bundle_time:.2f} s "
        f"({len(bundle.encode()) / 1e6:.2f} MB)"
    )
    print(f"{'case':44} {'median s':>9} {'size MB':>8} {'charts':>6}")

    cold_start = time.perf_counter()
    build_report(sample)
    cold = time.perf_counter() - cold_start
    seconds, html = timed(lambda: build_report(sample), args.runs)
    print(
        f"{'sample report, first build (after bundle)':44} {cold:9.3f} {len(html.encode()) / 1e6:8.2f} "
        f"{charts_in(html)}"
    )
    print(
        f"{'sample report (read + stories + align + html)':44} {seconds:9.3f} "
        f"{len(html.encode()) / 1e6:8.2f} {charts_in(html)}"
    )
    seconds, html = timed(lambda: build_report(articles), args.runs)
    print(
        f"{'sample report from articles already read':44} {seconds:9.3f} {len(html.encode()) / 1e6:8.2f}"
    )

    # baseline: Altair's self-contained HTML, one page per chart, bundle in each
    a, b = (
        next(x for x in articles if x.id == i)
        for i in ("000_2b30075c1d741493#1", "001_d4fe8bf4671f7d50#1")
    )
    alignment = cc.align(a, b)
    charts = [
        cc.changes_chart(cc.change_counts(alignment)),
        cc.alignment_map(alignment),
        cc.similarity_heatmap(cc.similarity_frame(alignment), a_name=a.outlet, b_name=b.outlet),
    ]
    seconds, pages = timed(lambda: [c.to_html(inline=True) for c in charts], args.runs)
    size = sum(len(p.encode()) for p in pages) / 1e6
    print(
        f"{'baseline: altair to_html(inline=True) x3':44} {seconds:9.3f} {size:8.2f} {len(pages):6}"
    )

    for n, versions in ((100, 3), (300, 2)):
        story = synthetic_story(n, versions)
        seconds, html = timed(lambda story=story: build_report(story), max(1, args.runs // 2))
        label = f"synthetic story: {versions} versions x {n} sentences"
        print(f"{label:44} {seconds:9.3f} {len(html.encode()) / 1e6:8.2f} {charts_in(html)}")
    del alt


if __name__ == "__main__":
    main()
