"""Alignment quality against human gold links: precision, recall and F1 of sentence links.

Data: a JSON list of document pairs with ``sents_a``, ``sents_b`` and ``gold`` links
``[a_index, b_index, label]``, the format of DEplain-web's test split
(``../shared/eval-public/deplain-web/deplain_web_test_docpairs.json`` beside this checkout;
German simplification: a hard test, with many one-to-many links). Every link of a merge
or split unit counts as one predicted link. Baseline in the same run: each ``b`` sentence
linked to its best ``a`` sentence by ``difflib.SequenceMatcher.ratio`` when >= 0.5.

    .venv/bin/python benchmarks/eval_alignment.py [--data FILE] [--threshold 0.45 ...]
"""

from __future__ import annotations

import argparse
import json
import time
from difflib import SequenceMatcher
from pathlib import Path

import comparative_coverage as cc

DEFAULT = (
    Path(__file__).resolve().parents[2]
    / "shared/eval-public/deplain-web/deplain_web_test_docpairs.json"
)


def links_of(alignment: cc.Alignment) -> set[tuple[int, int]]:
    return {(i, j) for unit in alignment.units for i in unit.a for j in unit.b}


def baseline_links(a: list[str], b: list[str], *, cutoff: float = 0.5) -> set[tuple[int, int]]:
    links = set()
    for j, sentence in enumerate(b):
        best, best_i = cutoff, None
        for i, other in enumerate(a):
            ratio = SequenceMatcher(None, other, sentence, autojunk=False).ratio()
            if ratio >= best:
                best, best_i = ratio, i
        if best_i is not None:
            links.add((best_i, j))
    return links


def score(predicted: list[set], gold: list[set]) -> dict[str, float]:
    tp = sum(len(p & g) for p, g in zip(predicted, gold, strict=True))
    n_pred, n_gold = sum(map(len, predicted)), sum(map(len, gold))
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT)
    parser.add_argument("--threshold", type=float, default=None)
    parser.add_argument("--context-threshold", type=float, default=None)
    parser.add_argument("--join-threshold", type=float, default=None)
    parser.add_argument("--baseline", action="store_true", help="also run the difflib baseline")
    args = parser.parse_args()
    if not args.data.is_file():
        raise SystemExit(f"{args.data} not found; pass --data FILE")
    pairs = json.loads(args.data.read_text(encoding="utf-8"))
    options = {
        k: v
        for k, v in (
            ("threshold", args.threshold),
            ("context_threshold", args.context_threshold),
            ("join_threshold", args.join_threshold),
        )
        if v is not None
    }
    gold = [{(a, b) for a, b, _ in pair["gold"]} for pair in pairs]
    start = time.perf_counter()
    ours = [links_of(cc.align(p["sents_a"], p["sents_b"], diffs=False, **options)) for p in pairs]
    elapsed = time.perf_counter() - start
    result = score(ours, gold)
    sentences = sum(len(p["sents_a"]) + len(p["sents_b"]) for p in pairs)
    print(f"{len(pairs)} document pairs, {sentences} sentences, {sum(map(len, gold))} gold links")
    print(
        f"comparative_coverage.alignment.aligner {options or '(defaults)'}: P {result['precision']:.3f} "
        f"R {result['recall']:.3f} F1 {result['f1']:.3f} in {elapsed:.2f} s"
    )
    if args.baseline:
        start = time.perf_counter()
        base = [baseline_links(p["sents_a"], p["sents_b"]) for p in pairs]
        elapsed = time.perf_counter() - start
        result = score(base, gold)
        print(
            f"baseline difflib ratio >= 0.5: P {result['precision']:.3f} "
            f"R {result['recall']:.3f} F1 {result['f1']:.3f} in {elapsed:.2f} s"
        )


if __name__ == "__main__":
    main()
