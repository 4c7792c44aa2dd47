"""Every regex the package compiles while it runs, tried on pathological text.

The audit half of the linear-time work (``bench_adversarial.py`` times whole stages):
run the pipeline once on the sample corpus (read, stories, report, worksheet, quotes,
attributions, labels, kinds) while recording each pattern compiled from ``coverage/``,
then time every pattern's ``finditer`` (a scan from every position, the worst way a
pattern can be used) on runs of 31 unit strings with 8 different endings, at 2,000 and
8,000 characters, in CPU time (best of three). A growth above 1.6 (1 is linear, 2 quadratic) flags a pattern that is super-linear in *some* use;
whether the package uses it that way is for a reader to check (a ``match`` at one place
or a bounded input is fine), so the location is printed beside it.

    .venv/bin/python benchmarks/audit_regex.py
"""

from __future__ import annotations

import math
import re
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UNITS = [
    " ", "a", "A", "Ab ", "ab ", "Ab, ", ".", "-", "\u2014", " \u2014 ", "1", "1 ", ",", "' ",
    '"', "\n", " \t", "Aug ", "22 ", "said ", "a-", "A.", "Ab'", "...", "\u201c", "a.b",
    "Mr. ", "of ", "AB ", "xxxxx ", "Ab Cd, ",
]  # fmt: skip
ENDINGS = ["", "x", "!", " said", '"', "22 August", "ll", "lled"]


def record_patterns() -> dict[re.Pattern, str]:
    """Run the pipeline once, noting every str pattern compiled from the package."""
    seen: dict[re.Pattern, str] = {}
    original = re._compile

    def recording(pattern, flags):
        compiled = original(pattern, flags)
        if isinstance(compiled.pattern, str) and compiled not in seen:
            frame = sys._getframe(1)
            while frame and frame.f_code.co_filename.endswith(("re/__init__.py", "re.py")):
                frame = frame.f_back
            where = frame.f_code.co_filename if frame else ""
            if "/coverage/" in where:
                seen[compiled] = f"{where.split('/coverage/')[-1]}:{frame.f_lineno}"
        return compiled

    re._compile = recording
    re.purge()
    try:
        import comparative_coverage as cc
        from comparative_coverage.classroom.worksheet import worksheet_html
        from comparative_coverage.present.report import build_report

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            articles = cc.read_articles(ROOT / "data" / "sample")
            build_report(articles)
            stories = [s for s in cc.find_stories(articles) if len(s.articles) > 1]
            worksheet_html(stories, answers=True)
            for story in stories:
                a, b = story.articles[:2]
                cc.compare_quotes(a, b)
                cc.compare_attributions(a, b)
                cc.describe_labels([a, b])
                cc.classify_changes(cc.align(a, b))
                cc.find_spelling_variants([a, b])
    finally:
        re._compile = original
    return seen


def scan(pattern: re.Pattern, text: str) -> float:
    """CPU seconds of a full finditer, the best of three (the machine may be shared)."""
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        for _ in pattern.finditer(text):
            pass
        best = min(best, time.process_time() - start)
    return best


def main() -> None:
    patterns = record_patterns()
    print(f"{len(patterns)} patterns compiled from coverage/ while running the pipeline")
    print(f"{'growth':>6} {'t(8k) s':>8}  {'where':34} worst input / pattern")
    rows = []
    for pattern, where in patterns.items():
        worst = (0.0, 0.0, "")
        for unit in UNITS:
            for end in ENDINGS:
                small = scan(pattern, unit * (2000 // len(unit)) + end)
                if small < 2e-4:
                    continue
                large = scan(pattern, unit * (8000 // len(unit)) + end)
                growth = math.log(max(large, 1e-9) / small) / math.log(4)
                if growth > worst[0]:
                    worst = (growth, large, f"{unit!r}*n+{end!r}")
        rows.append((worst[0], worst[1], where, worst[2], pattern.pattern))
    for growth, large, where, shape, source in sorted(rows, key=lambda r: r[2]):
        flag = "  <- super-linear: check its use" if growth > 1.6 and large > 0.003 else ""
        shown = source if len(source) <= 60 else source[:57] + "..."
        print(f"{growth:6.2f} {large:8.4f}  {where:34} {shape} /{shown}/{flag}")
    flagged = sum(1 for r in rows if r[0] > 1.6 and r[1] > 0.003)
    print(f"{flagged} of {len(rows)} patterns grow super-linearly under finditer somewhere")


if __name__ == "__main__":
    main()
