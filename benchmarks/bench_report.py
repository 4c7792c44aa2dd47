"""Report build time and size: a 4-version story, the sample corpus, long stories, in one run.

Times are medians of several runs after start-up (imports) and after the Vega bundle is
loaded once per process (start-up is bench_startup.py's), CPU seconds beside wall
seconds. Baselines, measured in the same run:

- the same builds by the package before the report work (git rev 78b75bb, in a child
  process, see baseline.py): Altair validating every piece of every chart;
- Altair's own way to self-contained charts, ``chart.to_html(inline=True)``, which
  inlines the Vega bundle into every chart's page (ours inlines it once per report).

    .venv/bin/python benchmarks/bench_report.py [--runs 5]

``--shares`` instead prints where a 4-version story's build spends its CPU time: each
stage's median CPU milliseconds per build (stages timed where the report calls them;
nested stages count in their callers too).

    .venv/bin/python benchmarks/bench_report.py --shares [--runs 5]

``--against REV`` instead compares this checkout with the package at git revision
``REV`` (e.g. ``main``), A/B: the two in alternating child processes, ``--runs`` rounds;
each child times the story's and the sample's report build (medians of ``--runs``
builds after one warm-up), and the whole ``compare-coverage report data/sample``
command (start-up included, from the OS) runs once per round for each. Medians of the
rounds, CPU beside wall; the two sample reports must be byte-identical.

    .venv/bin/python benchmarks/bench_report.py --against main [--runs 5]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

from baseline import BEFORE_ISSUE_18, baseline_path, env_with
from synthetic import base_sentences, rewrite
from timing import process_times, timed_both

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent
STORY = (25, 4)  # sentences per version, versions: a wire story told by four outlets

# The same builds, run by whichever package the child imports; prints {case: [cpu, wall]}.
BUILDS = """
import json, sys
from pathlib import Path
import comparative_coverage as cc
from comparative_coverage.present.report import build_report
from bench_report import synthetic_story, STORY
from timing import timed_both
runs = int(sys.argv[1])
cc.vega_bundle()
story = synthetic_story(*STORY)
sample = Path("..") / "data" / "sample"
found = {}
for case, source in (("story", story), ("sample", sample)):
    build_report(source)
    cpu, wall, _ = timed_both(lambda: build_report(source), runs)
    found[case] = [cpu, wall]
print(json.dumps(found))
"""


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


def before(runs: int) -> dict[str, list[float]] | None:
    """The same builds by the package at BEFORE_ISSUE_18, or None where git cannot give it."""
    old = baseline_path()
    if old is None:
        return None
    _, _, out = process_times(
        [sys.executable, "-c", BUILDS, str(runs)], env=env_with(old), cwd=str(HERE)
    )
    return json.loads(out.strip().splitlines()[-1])


CLI = "import sys; from comparative_coverage.cli import main; sys.exit(main(sys.argv[1:]))"


def against(rev: str, runs: int) -> None:
    """This checkout against the package at ``rev``, in alternating child processes."""
    old = baseline_path(rev)
    if old is None:
        raise SystemExit(f"git rev {rev} is not available here")
    sides = {rev: env_with(old), "this checkout": env_with(None)}
    found: dict[str, dict[str, list[list[float]]]] = {side: {} for side in sides}
    digests: dict[str, set[str]] = {side: set() for side in sides}
    with tempfile.TemporaryDirectory() as folder:
        for _ in range(max(1, runs)):
            for side, env in sides.items():
                _, _, out = process_times(
                    [sys.executable, "-c", BUILDS, str(runs)], env=env, cwd=str(HERE)
                )
                for case, times in json.loads(out.strip().splitlines()[-1]).items():
                    found[side].setdefault(case, []).append(times)
                html = Path(folder) / "report.html"
                cpu, wall, _ = process_times(
                    [sys.executable, "-c", CLI, "report", "data/sample", "-o", str(html)],
                    env=env,
                    cwd=str(ROOT),
                )
                found[side].setdefault("command", []).append([cpu, wall])
                digests[side].add(hashlib.sha256(html.read_bytes()).hexdigest())
    labels = {
        "story": f"report build, {STORY[1]}-version story ({STORY[0]} sentences)",
        "sample": "sample report build (read + stories + align + html)",
        "command": "compare-coverage report data/sample (process)",
    }
    base, ours = sides
    print(f"A/B, {runs} rounds, alternating processes: {base} vs this checkout")
    print(f"{'case':52} {'base CPU':>9} {'CPU s':>7} {'base wall':>9} {'wall s':>7} {'ratio':>6}")
    for case, label in labels.items():
        b_cpu, o_cpu = (statistics.median(t[0] for t in found[s][case]) for s in (base, ours))
        b_wall, o_wall = (statistics.median(t[1] for t in found[s][case]) for s in (base, ours))
        print(
            f"{label:52} {b_cpu:9.3f} {o_cpu:7.3f} {b_wall:9.3f} {o_wall:7.3f} "
            f"{b_cpu / o_cpu:5.2f}x"
        )
    same = len(digests[base] | digests[ours]) == 1
    print(
        "sample report sha256: "
        + (f"identical ({next(iter(digests[ours]))})" if same else f"DIFFERS {digests}")
    )


# where the report calls each stage: (module, name as that module knows it)
STAGES = (
    ("present.report", "_corpus"),
    ("present.digest", "classify_changes"),
    ("present.digest", "compare_quotes"),
    ("present.digest", "compare_attributions"),
    ("present.report_sections", "describe_labels"),
    ("present.report_sections", "find_name_variants"),
    ("present.report_sections", "alignment_html"),
    ("present.report_sections", "comparison_html"),
    ("present.report_sections", "alignment_map_spec"),
    ("present.report_sections", "similarity_spec"),
    ("present.report_sections", "changes_spec"),
    ("present.report_sections", "kinds_spec"),
    ("present.report_sections", "labels_spec"),
    ("present.report_sections", "name_variants_spec"),
    ("present.report", "_page"),
)


def shares(runs: int) -> None:
    """Median CPU milliseconds per build of each stage of the story's report."""
    import importlib

    from comparative_coverage.present.report import build_report

    spent: dict[str, list[float]] = {}
    current: dict[str, float] = {}

    def timed_stage(label, function):
        def stage(*args, **kwargs):
            start = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                current[label] = current.get(label, 0.0) + time.process_time() - start

        return stage

    for module_name, name in STAGES:
        module = importlib.import_module(f"comparative_coverage.{module_name}")
        if hasattr(module, name):  # a stage this checkout no longer has is left out
            label = f"{module_name.rsplit('.', 1)[-1]}.{name}"
            setattr(module, name, timed_stage(label, getattr(module, name)))
    story = synthetic_story(*STORY)
    build_report(story)
    totals = []
    for _ in range(max(1, runs)):
        current.clear()
        start = time.process_time()
        build_report(story)
        totals.append(time.process_time() - start)
        for label, seconds in current.items():
            spent.setdefault(label, []).append(seconds)
    total = statistics.median(totals)
    print(f"report build, {STORY[1]}-version story: {total * 1e3:.1f} ms CPU (median of {runs})")
    for label, times in sorted(spent.items(), key=lambda item: -statistics.median(item[1])):
        share = statistics.median(times)
        print(f"  {share * 1e3:7.1f} ms  {share / total:5.1%}  {label}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--against", metavar="REV", help="A/B against the package at REV")
    parser.add_argument("--shares", action="store_true", help="CPU time per stage of a story")
    args = parser.parse_args()
    if args.shares:
        shares(args.runs)
        return
    if args.against:
        against(args.against, args.runs)
        return

    start = time.perf_counter()
    import comparative_coverage as cc
    from comparative_coverage.present.report import build_report

    startup = time.perf_counter() - start
    start = time.perf_counter()
    bundle = cc.vega_bundle()
    bundle_time = time.perf_counter() - start
    sample = ROOT / "data" / "sample"
    articles = cc.read_articles(sample)
    print(
        f"start-up (imports): {startup:.2f} s; Vega bundle: {bundle_time:.3f} s "
        f"({len(bundle.encode()) / 1e6:.2f} MB; from the disk cache after the first run)"
    )
    old = before(args.runs)
    nan = [float("nan")] * 2
    print(
        f"{'case':46} {'CPU s':>7} {'wall s':>7} {'base CPU':>9} {'base wall':>9} "
        f"{'ratio':>6} {'MB':>5} {'charts':>6}"
    )

    def line(label, cpu, wall, base, html, note=""):
        ratio = base[0] / cpu if cpu else float("nan")
        size = len(html.encode()) / 1e6 if isinstance(html, str) else html
        charts = charts_in(html) if isinstance(html, str) else ""
        print(
            f"{label:46} {cpu:7.3f} {wall:7.3f} {base[0]:9.3f} {base[1]:9.3f} {ratio:5.1f}x "
            f"{size:5.2f} {charts:>6}{note}"
        )

    story = synthetic_story(*STORY)
    build_report(story)
    cpu, wall, html = timed_both(lambda: build_report(story), args.runs)
    line(
        f"report build, {STORY[1]}-version story ({STORY[0]} sentences)",
        cpu,
        wall,
        old["story"] if old else nan,
        html,
        f"  target <= 0.2 s CPU: {'met' if cpu <= 0.2 else 'NOT met'}",
    )
    start_cpu, start = time.process_time(), time.perf_counter()
    build_report(sample)
    cold_cpu, cold = time.process_time() - start_cpu, time.perf_counter() - start
    cpu, wall, html = timed_both(lambda: build_report(sample), args.runs)
    line(
        "sample report (read + stories + align + html)",
        cpu,
        wall,
        old["sample"] if old else nan,
        html,
    )
    line("sample report, first build in the process", cold_cpu, cold, nan, html)
    cpu, wall, html = timed_both(lambda: build_report(articles), args.runs)
    line("sample report from articles already read", cpu, wall, nan, html)

    # Altair's self-contained HTML, one page per chart, the bundle in each
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
    cpu, wall, pages = timed_both(lambda: [c.to_html(inline=True) for c in charts], args.runs)
    size = sum(len(p.encode()) for p in pages) / 1e6
    line("altair to_html(inline=True) x3 (a baseline)", cpu, wall, nan, size)

    for n, versions in ((100, 3), (300, 2)):
        long_story = synthetic_story(n, versions)
        cpu, wall, html = timed_both(lambda s=long_story: build_report(s), max(1, args.runs // 2))
        line(f"synthetic story: {versions} versions x {n} sentences", cpu, wall, nan, html)
    if old is None:
        print(f"(no baseline: git rev {BEFORE_ISSUE_18} is not available here)")
    else:
        print(f"base: the same build by the package at {BEFORE_ISSUE_18} (before issue 18)")


if __name__ == "__main__":
    main()
