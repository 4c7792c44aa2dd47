"""The report at any corpus size: build time, file size, and first view in Chromium.

The sample (one page) and a generated corpus of 1,000 stories x 4 versions (an index and
one page per story). For each: build time (median of runs; CPU time beside wall time),
file size, and, opened in headless Chromium with the network blocked, the number of DOM
elements after load (Lighthouse fails a page above about 1,400) and the load time.
Building all 1,000 story pages takes long, so the story-page build time is the median
of a few pages.

    .venv/bin/python benchmarks/bench_report_scale.py [--stories 1000] [--runs 3]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from report_corpus import story_corpus

import comparative_coverage as cc
from comparative_coverage.options import Options
from comparative_coverage.present.report import _corpus, _index_page, _story_page

ROOT = Path(__file__).resolve().parent.parent
FIRST_VIEW = """() => ({
  elements: document.querySelectorAll('*').length,
  load: Math.round(performance.getEntriesByType('navigation')[0].loadEventEnd),
})"""


def clocked(function, runs: int):
    walls, cpus, result = [], [], None
    for _ in range(max(1, runs)):
        wall, cpu = time.perf_counter(), time.process_time()
        result = function()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus), result


def first_views(paths: list[Path]) -> list[dict]:
    chromium = shutil.which("chromium")
    if not chromium:
        return [{} for _ in paths]
    from playwright.sync_api import sync_playwright

    found = []
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=chromium, headless=True, args=["--no-sandbox", "--disable-gpu"]
        )
        context = browser.new_context(viewport={"width": 1200, "height": 900})
        context.route(
            "**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort()
        )
        for path in paths:
            views = []
            for _ in range(3):
                page = context.new_page()
                page.goto(path.as_uri())
                page.wait_for_timeout(800)  # the charts near the screen draw
                views.append(page.evaluate(FIRST_VIEW))
                page.close()
            found.append(
                {
                    "elements": statistics.median(v["elements"] for v in views),
                    "load ms": statistics.median(v["load"] for v in views),
                }
            )
        browser.close()
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    cc.vega_bundle()  # once per process, not timed
    out = Path(tempfile.mkdtemp(prefix="cc-scale-"))
    sample = ROOT / "data" / "sample"
    wall, cpu, html = clocked(lambda: cc.build_report(sample), args.runs)
    (out / "sample.html").write_text(html, encoding="utf-8")
    print(f"sample report: {wall:.2f} s wall, {cpu:.2f} s CPU, {len(html.encode()) / 1e6:.2f} MB")

    articles = story_corpus(args.stories, versions=4)
    start, cpu0 = time.perf_counter(), time.process_time()
    corpus = _corpus(articles, stories=None, outlets=None, options=Options())
    print(
        f"{args.stories} x 4: stories + comparisons {time.perf_counter() - start:.1f} s wall, "
        f"{time.process_time() - cpu0:.1f} s CPU"
    )
    wall, cpu, index = clocked(lambda: _index_page(corpus, "Scale", "scale_files"), args.runs)
    (out / "scale.html").write_text(index, encoding="utf-8")
    print(f"index page: {wall:.2f} s wall, {cpu:.2f} s CPU, {len(index.encode()) / 1e3:.0f} KB")
    (out / "scale_files").mkdir()
    (out / "scale_files" / "vega.js").write_text(cc.vega_bundle(), encoding="utf-8")
    pages = []
    for c in corpus.compared[:5]:
        wall, cpu, text = clocked(lambda c=c: _story_page(corpus, c, "Scale", "scale.html"), 1)
        (out / "scale_files" / f"{c.anchor}.html").write_text(text, encoding="utf-8")
        pages.append((wall, cpu, len(text.encode())))
    print(
        f"story page (median of {len(pages)}): {statistics.median(p[0] for p in pages):.2f} s wall, "
        f"{statistics.median(p[1] for p in pages):.2f} s CPU, "
        f"{statistics.median(p[2] for p in pages) / 1e3:.0f} KB (+ the shared 0.90 MB vega.js)"
    )
    views = first_views(
        [out / "sample.html", out / "scale.html", out / "scale_files" / "story-1.html"]
    )
    for name, view in zip(("sample", "index", "story-1"), views, strict=True):
        print(f"first view in Chromium, {name}: {view}")
    shutil.rmtree(out)


if __name__ == "__main__":
    main()
