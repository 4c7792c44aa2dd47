"""Sentence-splitting quality against manual splits: boundary precision, recall and F1.

Data: DEplain-web's manually split test documents (German; sentences joined by "|||"),
``../shared/eval-public/deplain-web/DEplain-web-doc_manual_open_sentence-split_test.csv``
beside this checkout. Both columns (original and simplified) are used. Compared in the
same run: our splitter (sentencex plus rules), sentencex alone, and pysbd (the accuracy
reference, if installed).

Its manual conventions differ from news style in places (it often splits after ":" and
";" and inside multi-sentence quotations, and puts a spaced closing quotation mark at the
start of the next sentence), so no splitter reaches a high recall here; the comparison
between splitters is what this measures.

    .venv/bin/python benchmarks/eval_segmentation.py [--data FILE]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import pandas as pd
import sentencex

import comparative_coverage as cc

DEFAULT = (
    Path(__file__).resolve().parents[2]
    / "shared/eval-public/deplain-web/DEplain-web-doc_manual_open_sentence-split_test.csv"
)


def gold_boundaries(segments: list[str]) -> set[int]:
    """Offsets of the spaces that join the gold sentences."""
    position, boundaries = 0, set()
    for segment in segments[:-1]:
        position += len(segment)
        boundaries.add(position)
        position += 1
    return boundaries


def _skip_space(text: str, start: int) -> int:
    while start < len(text) and text[start].isspace():
        start += 1
    return start


def ours(text: str) -> list[int]:
    return [s.start for s in cc.split_sentences(text, language="de")]


def sentencex_alone(text: str) -> list[int]:
    return [
        _skip_space(text, b["start_index"]) for b in sentencex.get_sentence_boundaries("de", text)
    ]


def evaluate(documents: list[list[str]], split) -> tuple[float, float, float, float]:
    tp = fp = fn = 0
    start = time.perf_counter()
    for segments in documents:
        text = " ".join(segments)
        gold = gold_boundaries(segments)
        predicted = {s - 1 for s in split(text)[1:]}
        tp += len(gold & predicted)
        fp += len(predicted - gold)
        fn += len(gold - predicted)
    elapsed = time.perf_counter() - start
    precision, recall = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT)
    args = parser.parse_args()
    if not args.data.is_file():
        raise SystemExit(f"{args.data} not found; pass --data FILE")
    table = pd.read_csv(args.data)
    documents = [
        [s.strip() for s in doc.split("|||") if s.strip()]
        for column in ("original", "simplification")
        for doc in table[column]
    ]
    splitters = {"comparative_coverage": ours, "sentencex alone": sentencex_alone}
    try:
        import pysbd

        segmenter = pysbd.Segmenter(language="de", clean=False, char_span=True)
        splitters["pysbd 0.3.4"] = lambda text: [
            _skip_space(text, s.start) for s in segmenter.segment(text)
        ]
    except ImportError:
        print("pysbd not installed: pip install -r benchmarks/requirements.txt")
    sentences = sum(map(len, documents))
    print(f"{len(documents)} documents, {sentences} gold sentences")
    for name, split in splitters.items():
        precision, recall, f1, elapsed = evaluate(documents, split)
        print(f"{name:22} P {precision:.3f} R {recall:.3f} F1 {f1:.3f}   {elapsed:6.2f} s")


if __name__ == "__main__":
    main()
