"""Exercise generation time: the flagship story and longer synthetic stories, in one run.

Baseline, in the same run: ``cc.compare`` alone, the N-way comparison every exercise
reads. The difference is what making the exercises costs on top (labels, quotes, word
edit kinds, the checks against the texts, choices). The pages are the worksheet, its key
and the standalone quiz page. Times are medians of several runs, after start-up; CPU
time (``time.process_time``) of ``make_exercises`` stands beside its wall time, since
the machine is shared.

    .venv/bin/python benchmarks/bench_exercises.py [--runs 7]
"""

from __future__ import annotations

import argparse
import statistics
import time

from synthetic import base_sentences, rewrite
from timing import timed

import comparative_coverage as cc
from comparative_coverage.classroom.quiz_page import quiz_html
from comparative_coverage.classroom.worksheet import worksheet_html


def synthetic_story(n: int, versions: int) -> list[cc.Article]:
    base = base_sentences(n, seed=7)
    articles = [cc.Article("wire#1", "Wire", "Synthetic story", tuple(base))]
    for k in range(1, versions):
        text, _ = rewrite(base, seed=k)
        articles.append(cc.Article(f"outlet{k}#1", f"Outlet {k}", "Synthetic story", tuple(text)))
    return articles


def cpu_median(function, runs: int) -> float:
    """Median CPU seconds (``time.process_time``) over ``runs`` calls of ``function``."""
    times = []
    for _ in range(max(1, runs)):
        start = time.process_time()
        function()
        times.append(time.process_time() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    story = cc.find_stories(cc.read_articles(cc.__file__.rsplit("/", 2)[0] + "/data/sample"))[0]
    cases = [("flagship: 2 versions x 9-12 sentences", list(story.articles))]
    cases += [
        (f"synthetic: {v} versions x {n} sentences", synthetic_story(n, v))
        for n, v in ((100, 2), (100, 3), (300, 2))
    ]
    cc.make_exercises(cases[0][1])  # warm caches: lexicon, name tables
    print(
        f"{'case':40} {'compare':>9} {'exercises':>10} {'(cpu)':>9} {'overhead':>9} "
        f"{'sheet+key+quiz':>15} {'n':>3}"
    )
    for label, articles in cases:
        runs = args.runs if len(articles[0].paragraphs) < 50 else max(3, args.runs // 2)
        baseline, comparison = timed(lambda a=articles: cc.compare(a), runs)
        total, made = timed(lambda a=articles: cc.make_exercises(a), runs)
        cpu = cpu_median(lambda a=articles: cc.make_exercises(a), runs)
        on_top, _ = timed(lambda c=comparison: cc.make_exercises(c), runs)
        pages, _ = timed(
            lambda a=articles: [
                *(worksheet_html(a, answers=x) for x in (False, True)),
                quiz_html(a),
            ],
            runs,
        )
        print(
            f"{label:40} {baseline * 1e3:7.1f}ms {total * 1e3:8.1f}ms {cpu * 1e3:7.1f}ms "
            f"{on_top * 1e3:7.1f}ms {pages * 1e3:13.1f}ms {len(made):3}"
        )


if __name__ == "__main__":
    main()
