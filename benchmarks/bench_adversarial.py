"""Adversarial input shapes x pipeline stages: time at three sizes and print the growth.

Each case is an input shape that once sent a regex or a pairwise step super-linear
(whitespace runs in a date line, a long word that differs between versions, capitalised
words before a quote, many quotes, many identical sentences, ...) and the stage it
hits. Every case runs in its own process with a time limit (CPython's regex engine
cannot be interrupted), in CPU seconds, at 64 K characters, just under the per-article
limit (:data:`comparative_coverage.model.MAX_ARTICLE_CHARS`, 200 K) and at 1 M. The growth
exponent, log(t_190K / t_64K) / log(190 / 64), is 1 for a linear step and 2 for a
quadratic one. An input over the limit stops with a one-line error, which counts as
handled (its time is the time to refuse).

    .venv/bin/python benchmarks/bench_adversarial.py            # 64 K, 190 K and 1 M characters
    .venv/bin/python benchmarks/bench_adversarial.py --sizes 4000 16000 64000 --limit 20
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


BUDGET = 10.0  # CPU seconds an input may take at any size (issue 17: 1 MB under 10 s)

# ---- running ---------------------------------------------------------------------------------


def _child(index: int, n: int, runs: int, queue) -> None:
    from comparative_coverage.errors import CoverageError

    stage, shape, setup = cases()[index]
    try:
        call = setup(n)  # an Article over the limit is refused as it is made
    except CoverageError as error:
        queue.put((0.0, 0.0, "refused: " + str(error)[:60]))
        return
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
    parser.add_argument(
        "--sizes",
        type=int,
        nargs=3,
        default=(64_000, 190_000, 1_000_000),
        help="small, near the per-article limit, large (characters)",
    )
    parser.add_argument("--runs", type=int, default=3, help="runs per size (median)")
    parser.add_argument("--limit", type=float, default=60.0, help="seconds before a case is killed")
    parser.add_argument("--only", help="run only cases whose stage or shape contains this")
    args = parser.parse_args()
    small, near, large = args.sizes
    import comparative_coverage  # noqa: F401  (imports before forking: not timed)
    from comparative_coverage.present import report  # noqa: F401

    print(f"sizes {small:,}, {near:,} and {large:,} characters; median of {args.runs}; ")
    print(f"CPU seconds (wall is noisy on a shared machine); a case is killed after {args.limit} s")
    print(
        f"{'stage':18} {'shape':31} {'cpu ' + _k(small):>9} {'cpu ' + _k(near):>9} "
        f"{'cpu ' + _k(large):>9} {'growth':>6}  outcome at {_k(large)}"
    )
    worst = (0.0, "")
    tried, handled = 0, 0
    for index, (stage, shape, _) in enumerate(cases()):
        if args.only and args.only not in stage and args.only not in shape:
            continue
        times = [measure(index, n, args.runs, args.limit) for n in (small, near, large)]
        cpu = [t[1] for t in times]
        growth = "-"  # from small to near the limit: the largest accepted inputs
        if cpu[0] and cpu[1] and cpu[0] > 2e-3:
            growth = f"{math.log(cpu[1] / cpu[0]) / math.log(near / small):.2f}"
        shown = [f"{c:9.3f}" if c is not None else f"{'-':>9}" for c in cpu]
        outcome = times[2][2]
        print(f"{stage:18} {shape:31} {' '.join(shown)} {growth:>6}  {outcome}")
        for n, c, (_, _, result) in zip((small, near, large), cpu, times, strict=True):
            seconds = c if c is not None else float("inf")
            tried += 1
            handled += result.startswith("refused") or (result == "ok" and seconds < BUDGET)
            if seconds > worst[0]:
                worst = (seconds, f"{stage} / {shape} at {_k(n)} ({result[:30]})")
    print(f"worst CPU time: {worst[1]}: {worst[0]:.2f} s")
    print(
        f"adversarial inputs: {tried} tried, {handled} handled "
        f"(finished under {BUDGET:g} s CPU or refused with a one-line error)"
    )


def _k(n: int) -> str:
    return f"{n / 1_000_000:g}M" if n >= 1_000_000 else f"{n // 1000}K"


if __name__ == "__main__":
    main()
