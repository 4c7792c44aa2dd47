"""Alignment speed: this aligner against a naive baseline and CollateX, in one run.

Pairs: the flagship pair (the sample's two Shoigu-Dbeibah versions) and synthetic
sibling pairs of 10 to 1000 sentences (benchmarks/synthetic.py). Each time is the median
of several runs; ours includes every word diff. Also reports how well each pair is
aligned against its known truth (link precision and recall).

    pip install -r benchmarks/requirements.txt   # collatex (GPL-3, benchmark only)
    .venv/bin/python benchmarks/bench_align.py [--runs 5] [--baseline-max 300] [--collatex-max 100]
"""

from __future__ import annotations

import argparse
import math
from difflib import SequenceMatcher
from pathlib import Path

from synthetic import base_sentences, rewrite
from timing import timed

import comparative_coverage as cc


def timed_s(function, runs: int) -> float:
    return timed(function, runs)[0]


ROOT = Path(__file__).resolve().parent.parent


def naive(a: list[str], b: list[str]) -> list[tuple[int, int]]:
    """Every pair scored with SequenceMatcher.ratio; each b sentence takes its best a >= 0.5."""
    links = []
    for j, sentence in enumerate(b):
        scores = [SequenceMatcher(None, other, sentence).ratio() for other in a]
        best = max(range(len(a)), key=scores.__getitem__, default=None)
        if best is not None and scores[best] >= 0.5:
            links.append((best, j))
    return links


def collate_texts(a: str, b: str) -> None:
    from collatex import Collation, collate

    collation = Collation()
    collation.add_plain_witness("A", a)
    collation.add_plain_witness("B", b)
    collate(collation, output="table", segmentation=True)


def accuracy(predicted: set, truth: set) -> str:
    hits = len(predicted & truth)
    return f"P {hits / max(len(predicted), 1):.3f} R {hits / max(len(truth), 1):.3f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--baseline-max",
        type=int,
        default=300,
        help="largest size the quadratic baseline is run at",
    )
    parser.add_argument(
        "--collatex-max", type=int, default=100, help="largest size CollateX is run at"
    )
    parser.add_argument("--sizes", default="10,30,100,300,1000")
    args = parser.parse_args()
    try:
        import collatex  # noqa: F401

        have_collatex = True
    except ImportError:
        have_collatex = False
        print("collatex not installed: pip install -r benchmarks/requirements.txt")

    articles = {a.id: a for a in cc.read_articles(ROOT / "data" / "sample")}
    a_article, b_article = articles["000_2b30075c1d741493#1"], articles["001_d4fe8bf4671f7d50#1"]
    a_list = [s.text for s in a_article.sentences]
    b_list = [s.text for s in b_article.sentences]
    ours = timed_s(lambda: cc.align(a_list, b_list), args.runs * 20)
    from_text = timed_s(lambda: cc.align(a_article.body, b_article.body), args.runs * 20)
    base = timed_s(lambda: naive(a_list, b_list), args.runs)
    print("flagship pair (9 vs 12 sentences)")
    print(f"  ours, sentences given, all word diffs: {ours * 1000:8.2f} ms")
    print(f"  ours, from raw body text (segmenting too): {from_text * 1000:8.2f} ms")
    print(f"  naive baseline (SequenceMatcher, all pairs): {base * 1000:8.2f} ms")
    if have_collatex:
        coll = timed_s(lambda: collate_texts(a_article.body, b_article.body), args.runs)
        print(
            f"  CollateX (collate the two texts): {coll * 1000:8.2f} ms -> ours is "
            f"{coll / from_text:,.0f}x faster from text, {coll / ours:,.0f}x with sentences given "
            f"(target: 100x)"
        )

    print("\nsynthetic sibling pairs (a: n sentences; b: rewritten)")
    print(
        f"{'n':>6} {'b':>6} {'ours ms':>10} {'naive ms':>10} {'collatex ms':>12}  accuracy (ours | naive)"
    )
    rows = []
    for n in map(int, args.sizes.split(",")):
        a = base_sentences(n)
        b, truth = rewrite(a, seed=n)
        runs = args.runs if n <= 300 else max(3, args.runs // 2)
        t_ours = timed_s(lambda a=a, b=b: cc.align(a, b), runs)
        predicted = {(i, j) for u in cc.align(a, b).units for i in u.a for j in u.b}
        t_naive = naive_acc = None
        if n <= args.baseline_max:
            t_naive = timed_s(lambda a=a, b=b: naive(a, b), 1 if n > 100 else args.runs)
            naive_acc = accuracy(set(naive(a, b)), set(truth))
        t_coll = None
        if have_collatex and n <= args.collatex_max:
            t_coll = timed_s(
                lambda a=a, b=b: collate_texts(" ".join(a), " ".join(b)), 1 if n > 30 else args.runs
            )
        rows.append((n, t_ours))
        fmt = lambda t: f"{t * 1000:10.1f}" if t is not None else f"{'-':>10}"  # noqa: E731
        print(
            f"{n:6d} {len(b):6d} {fmt(t_ours)} {fmt(t_naive)} {fmt(t_coll):>12}  "
            f"{accuracy(predicted, set(truth))} | {naive_acc or '-'}"
        )
    if len(rows) >= 2:
        (n0, t0), (n1, t1) = rows[0], rows[-1]
        slope = math.log(t1 / t0) / math.log(n1 / n0)
        print(
            f"\ngrowth: time ~ n^{slope:.2f} between n={n0} and n={n1} "
            f"(1.0 is linear; the naive baseline is n^2)"
        )
        if n1 >= 1000:
            verdict = "met" if rows[-1][1] < 1 else "NOT met"
            print(f"1000-sentence target < 1 s: {verdict} ({rows[-1][1]:.3f} s)")


if __name__ == "__main__":
    main()
