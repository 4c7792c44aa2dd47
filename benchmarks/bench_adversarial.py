"""Adversarial input shapes x pipeline stages: time at two sizes and print the growth.

Each case is an input shape that once sent a regex or a pairwise step super-linear
(whitespace runs in a date line, a long word that differs between versions, capitalised
words before a quote, many quotes, many identical sentences, ...) and the stage it
hits. Every case runs in its own process with a time limit (CPython's regex engine
cannot be interrupted), at a small and a large size; the growth exponent is
log(t_large / t_small) / log(n_large / n_small): 1 is linear, 2 quadratic. An input over
the per-article limit (:data:`comparative_coverage.model.MAX_ARTICLE_CHARS`)
stops with a one-line error, which counts as handled (its time is the time to refuse).

    .venv/bin/python benchmarks/bench_adversarial.py                 # 64 KB and 1 MB
    .venv/bin/python benchmarks/bench_adversarial.py --sizes 4000 16000 --limit 20
"""

from __future__ import annotations

import argparse
import math
import multiprocessing as mp
import time
from collections.abc import Callable

# ---- input shapes: each takes a size in characters and returns text of about that size ----


def whitespace_date_line(n: int) -> str:
    return "Published on" + " " * n + "Friday, 22 August 2023x\n\nTalks resume Monday."


def whitespace_run(n: int) -> str:
    return "Officials said" + " " * n + "the talks went well.\n\nThe minister agreed."


def tab_run(n: int) -> str:
    return "Officials" + " \t" * (n // 2) + "said so.\n\nMore."


def repeated_punctuation(n: int) -> str:
    return "He said " + ".-" * (n // 2) + " and left.\n\nThen \u2014" + "\u2014" * (n // 100) + "."


def dashes(n: int) -> str:
    return "Officials \u2014" + " \u2014" * (n // 2) + " said so."


def long_word(n: int) -> str:
    return "The minister thanked " + "Gaddafi" * (n // 7) + " for his support."


def long_word_b(n: int) -> str:
    return "The minister thanked " + "Gaddafi" * (n // 7) + "s for her support."


def capitalised_words_before_quote(n: int) -> str:
    return "Then " + "Moscow Libya " * (n // 13) + '"We agree," he said.'


def capitalised_comma_words(n: int) -> str:
    return "Officials, " + "Ab, " * (n // 4) + "said the talks ended."


def many_quotes(n: int) -> str:
    k = max(1, n // 40)
    return "\n\n".join(f'"We agree on point {i}," the minister said.' for i in range(k))


def many_identical_sentences(n: int) -> str:
    return " ".join(["The talks continue."] * max(1, n // 20))


def one_long_sentence(n: int) -> str:
    return " ".join(f"word{k % 97}" for k in range(n // 7)) + "."


def many_short_paragraphs(n: int) -> str:
    return "\n\n".join(["Moscow is pleased."] * max(1, n // 20))


def one_megabyte_line(n: int) -> str:
    return "x" * n


def date_cell(n: int) -> str:
    return "text,date\nTalks resume Monday.,Published on" + " " * n + "x\n"


# ---- stages ---------------------------------------------------------------------------------


STORY = (
    "Russian Defence Minister Sergei Shoigu met Libyan strongman Khalifa Haftar in Moscow.",
    "The two discussed the situation in Libya and military cooperation, the ministry said.",
    '"We support a political settlement," Shoigu told reporters after the talks.',
)


def _pair(shape: Callable[[int], str], other: Callable[[int], str] | None = None):
    """Two versions of a short story, each with the adversarial paragraph inside."""
    import comparative_coverage as cc

    def build(n: int):
        a = cc.Article(id="a#1", outlet="A", title="T", paragraphs=(*STORY, shape(n)))
        text_b = (other or shape)(n)
        b = cc.Article(id="b#1", outlet="B", title="T", paragraphs=(*STORY, text_b + " Added."))
        return a, b

    return build


def stage_changes(shape, other=None):
    import comparative_coverage as cc

    build = _pair(shape, other)

    def run(n: int):
        a, b = build(n)
        return lambda: cc.classify_changes(cc.align(a, b))

    return run


def stage_read(shape):
    import comparative_coverage as cc

    def run(n: int):
        text = shape(n)
        return lambda: cc.read_text(text)

    return run


def stage_table(shape):
    import tempfile
    from pathlib import Path

    import comparative_coverage as cc

    def run(n: int):
        folder = Path(tempfile.mkdtemp())
        (folder / "t.csv").write_text(shape(n), encoding="utf-8")
        return lambda: cc.read_articles(folder / "t.csv")

    return run


def stage_segment(shape):
    import comparative_coverage as cc

    def run(n: int):
        text = shape(n)
        return lambda: cc.split_sentences(text)

    return run


def stage_pairwise(shape, function: str, other=None):
    import comparative_coverage as cc

    build = _pair(shape, other)

    def run(n: int):
        a, b = build(n)
        return lambda: getattr(cc, function)(a, b)

    return run


def stage_diff(shape, other=None):
    import comparative_coverage as cc

    def run(n: int):
        a, b = shape(n), (other or shape)(n) + " more"
        return lambda: cc.word_diff(a, b)

    return run


def stage_single(shape, function: str):
    import comparative_coverage as cc

    def run(n: int):
        article = cc.Article(id="a#1", outlet="A", title="T", paragraphs=(shape(n),))
        given = article if function == "find_quotes" else [article]
        return lambda: getattr(cc, function)(given)

    return run


def stage_spelling(shape, other):
    import comparative_coverage as cc

    build = _pair(shape, other)

    def run(n: int):
        a, b = build(n)
        return lambda: cc.find_spelling_variants([a, b])

    return run


def stage_report(shape, other=None):
    from comparative_coverage.present.report import build_report

    build = _pair(shape, other)

    def run(n: int):
        a, b = build(n)
        return lambda: build_report([a, b])

    return run


def cases() -> list[tuple[str, str, Callable]]:
    """(stage, shape, setup): setup(n) builds the input and returns the call to time."""
    found = []
    for shape in (
        whitespace_date_line,
        whitespace_run,
        tab_run,
        repeated_punctuation,
        dashes,
        long_word,
        capitalised_words_before_quote,
        capitalised_comma_words,
        many_quotes,
        many_short_paragraphs,
        one_megabyte_line,
    ):
        found.append(("read_text", shape.__name__, stage_read(shape)))
    found.append(("read table", "date_cell", stage_table(date_cell)))
    for shape in (whitespace_run, repeated_punctuation, dashes, long_word, one_long_sentence):
        found.append(("split_sentences", shape.__name__, stage_segment(shape)))
    for shape in (whitespace_run, dashes, long_word, one_long_sentence, many_identical_sentences):
        found.append(("align", shape.__name__, stage_pairwise(shape, "align")))
    found.append(("word_diff", "one_long_sentence", stage_diff(one_long_sentence)))
    found.append(("word_diff", "long_word", stage_diff(long_word, long_word_b)))
    found.append(("classify_changes", "long_word", stage_changes(long_word, long_word_b)))
    found.append(("classify_changes", "whitespace_run", stage_changes(whitespace_run)))
    found.append(("spelling variants", "long_word", stage_spelling(long_word, long_word_b)))
    for shape in (
        capitalised_words_before_quote,
        capitalised_comma_words,
        many_quotes,
        whitespace_run,
    ):
        found.append(("find_quotes", shape.__name__, stage_single(shape, "find_quotes")))
    found.append(("compare_quotes", "many_quotes", stage_pairwise(many_quotes, "compare_quotes")))
    for shape in (capitalised_comma_words, whitespace_run, long_word):
        found.append(("describe_labels", shape.__name__, stage_single(shape, "describe_labels")))
        found.append(("find_mentions", shape.__name__, stage_single(shape, "find_mentions")))
    found.append(
        (
            "find_attributions",
            "capitalised_words_before_quote",
            stage_single(capitalised_words_before_quote, "find_attributions"),
        )
    )
    found.append(("report", "long_word", stage_report(long_word, long_word_b)))
    found.append(("report", "whitespace_run", stage_report(whitespace_run)))
    found.append(("report", "many_quotes", stage_report(many_quotes)))
    return found


# ---- running ---------------------------------------------------------------------------------


def _child(index: int, n: int, runs: int, queue) -> None:
    from comparative_coverage.errors import CoverageError

    stage, shape, setup = cases()[index]
    call = setup(n)
    walls, cpus, outcome = [], [], "ok"
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            call()
        except CoverageError as error:
            outcome = "refused: " + str(error)[:60]
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    walls.sort()
    cpus.sort()
    queue.put((walls[len(walls) // 2], cpus[len(cpus) // 2], outcome))


def measure(index: int, n: int, runs: int, limit: float) -> tuple[float | None, float | None, str]:
    """Median wall and CPU seconds of one case at size n, in a child killed after ``limit``."""
    queue = mp.get_context("fork").Queue()
    child = mp.get_context("fork").Process(target=_child, args=(index, n, runs, queue))
    child.start()
    child.join(limit)
    if child.is_alive():
        child.kill()
        child.join()
        return None, None, f"TIMEOUT > {limit:.0f} s"
    if child.exitcode != 0:
        return None, None, f"crashed (exit {child.exitcode})"
    return queue.get()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs=2, default=(64_000, 1_000_000))
    parser.add_argument("--runs", type=int, default=3, help="runs per size (median)")
    parser.add_argument("--limit", type=float, default=60.0, help="seconds before a case is killed")
    parser.add_argument("--only", help="run only cases whose stage or shape contains this")
    args = parser.parse_args()
    small, large = args.sizes
    import comparative_coverage  # noqa: F401  (imports before forking: not timed)
    from comparative_coverage.present import report  # noqa: F401

    print(f"sizes {small:,} and {large:,} characters; median of {args.runs}; limit {args.limit} s")
    print(
        f"{'stage':18} {'shape':32} {'small s':>8} {'large s':>8} {'cpu s':>7} {'growth':>6}  outcome"
    )
    worst = (0.0, "")
    for index, (stage, shape, _) in enumerate(cases()):
        if args.only and args.only not in stage and args.only not in shape:
            continue
        t_small, cpu_small, _ = measure(index, small, args.runs, args.limit)
        t_large, cpu_large, outcome = measure(index, large, args.runs, args.limit)
        growth = "-"  # from CPU time: the machine is shared, wall time is noisy
        if cpu_small and cpu_large and cpu_small > 2e-3:
            growth = f"{math.log(cpu_large / cpu_small) / math.log(large / small):.2f}"
        fmt = lambda t: f"{t:8.3f}" if t is not None else "       -"
        cpu = f"{cpu_large:7.3f}" if cpu_large is not None else "      -"
        print(f"{stage:18} {shape:32} {fmt(t_small)} {fmt(t_large)} {cpu} {growth:>6}  {outcome}")
        seconds = t_large if t_large is not None else float("inf")
        if seconds > worst[0]:
            worst = (seconds, f"{stage} / {shape}")
    print(f"worst at {large:,}: {worst[1]} ({worst[0]:.2f} s)")


if __name__ == "__main__":
    main()
