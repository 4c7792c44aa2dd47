"""The closing totals of hostile and unlucky input (issue 17), each from a run made here.

1. Payloads x outputs: the hostile browser tests open every output in Chromium with the
   network blocked (report, worksheet, answer key, quiz page, teacher's quiz, exported
   notebook, every ``_repr_html_``, the report site's index and story pages, and with
   ``--lab`` the explorer and quiz widgets in a live JupyterLab). Each notes what it saw
   (``HOSTILE_RESULTS``): payloads tried, shown literally, executed, requests.
2. Adversarial inputs: ``bench_adversarial.py`` (every input shape x stage at three sizes),
   its closing line: tried, handled (under the time budget or refused with an error).
3. Property cases: every test module using Hypothesis, run with
   ``--hypothesis-show-statistics``; the cases run (passing + failing, every phase) and
   failed, summed over the tests.

    .venv/bin/python benchmarks/hostile_totals.py                  # all three
    .venv/bin/python benchmarks/hostile_totals.py --lab            # with JupyterLab (~1 min)
    .venv/bin/python benchmarks/hostile_totals.py --skip adversarial properties
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BROWSER_TESTS = [
    "tests/test_hostile.py::test_no_payload_runs_in_any_output",
    "tests/test_hostile_site.py",
]
LAB_TESTS = ["tests/test_hostile_lab.py"]
CASES = re.compile(r"(\d+) passing, (\d+) failing, and (\d+) invalid")
TEST = re.compile(r"^(tests/\S+::\S+):$")
SUMMARY = re.compile(r"=+ (.*) in [\d.]+s")


def pytest(args: list[str], env: dict | None = None) -> tuple[str, float]:
    """Run pytest in a child; its output and wall seconds (failures are reported, not raised)."""
    start = time.perf_counter()
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", *args],
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
    )
    return run.stdout + run.stderr, time.perf_counter() - start


def _summary(output: str) -> str:
    found = SUMMARY.findall(output)
    return found[-1] if found else output.strip().splitlines()[-1]


def payloads_by_output(lab: bool) -> tuple[int, int, int]:
    with tempfile.TemporaryDirectory() as folder:
        results = Path(folder) / "results.jsonl"
        env = {"HOSTILE_RESULTS": str(results), "REQUIRE_BROWSER": "1"}
        if lab:
            env["JUPYTERLAB_TEST"] = "1"
        output, seconds = pytest(BROWSER_TESTS + LAB_TESTS * lab, env)
        lines = results.read_text("utf-8").splitlines() if results.exists() else []
    rows = [json.loads(line) for line in lines]
    print(f"payloads x outputs ({_summary(output)}, {seconds:.0f} s)")
    print(f"{'output':40} {'tried':>5} {'shown':>5} {'executed':>8} {'requests':>8}")
    for r in rows:
        print(
            f"{r['output']:40} {r['tried']:5} {len(r['shown']):5} "
            f"{len(r['executed']):8} {len(r['requests']):8}"
        )
    tried = sum(r["tried"] for r in rows)
    executed = sum(len(r["executed"]) for r in rows)
    requests = sum(len(r["requests"]) for r in rows)
    print(f"{'total':40} {tried:5} {'':5} {executed:8} {requests:8}")
    if "failed" in _summary(output) or "error" in _summary(output):
        print(output[-3000:])
    return tried, executed, requests


def adversarial() -> str:
    start = time.perf_counter()
    run = subprocess.run(
        [sys.executable, "bench_adversarial.py"],
        cwd=ROOT / "benchmarks",
        capture_output=True,
        text=True,
    )
    print(run.stdout.rstrip())
    lines = [line for line in run.stdout.splitlines() if line.startswith("adversarial inputs:")]
    print(f"({time.perf_counter() - start:.0f} s)")
    return lines[-1] if lines else f"bench_adversarial.py failed: {run.stderr.strip()[-300:]}"


def properties() -> tuple[int, int, int, str]:
    modules = sorted(
        str(p.relative_to(ROOT))
        for p in (ROOT / "tests").glob("test_*.py")
        if re.search(r"^from hypothesis import", p.read_text("utf-8"), re.MULTILINE)
    )
    output, seconds = pytest(
        [*modules, "-m", "not browser and not notebook", "--hypothesis-show-statistics"]
    )
    per_test: dict[str, list[int]] = {}
    test = None
    for line in output.splitlines():
        if match := TEST.match(line):
            test = match.group(1)
            per_test.setdefault(test, [0, 0])
        elif (match := CASES.search(line)) and test:
            per_test[test][0] += int(match.group(1)) + int(match.group(2))
            per_test[test][1] += int(match.group(2))
    run = sum(v[0] for v in per_test.values())
    failed = sum(v[1] for v in per_test.values())
    print(f"property tests ({len(modules)} modules; {_summary(output)}, {seconds:.0f} s)")
    for name, (cases, fails) in sorted(per_test.items()):
        print(f"  {name:100} {cases:6} run {fails:3} failed")
    return len(per_test), run, failed, _summary(output)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lab", action="store_true", help="also the live JupyterLab widgets")
    parser.add_argument(
        "--skip", nargs="*", default=(), choices=("payloads", "adversarial", "properties")
    )
    args = parser.parse_args()
    totals = []
    if "payloads" not in args.skip:
        tried, executed, requests = payloads_by_output(args.lab)
        totals.append(
            f"payloads x outputs: {tried} tried, {executed} executed, {requests} requests"
        )
    if "adversarial" not in args.skip:
        totals.append(adversarial())
    if "properties" not in args.skip:
        tests, run, failed, summary = properties()
        totals.append(f"property cases: {run} run, {failed} failed ({tests} tests; {summary})")
    print("\n".join(["", "totals:", *totals]))


if __name__ == "__main__":
    main()
