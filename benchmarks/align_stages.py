"""Where align() spends its time as versions grow: CPU time per stage and its growth.

Each stage's function is wrapped, for the run only, in a CPU timer (``time.process_time``);
the sizes are interleaved round by round so that load on a shared machine falls on all of
them alike, and the medians are printed in microseconds per sentence with each stage's
growth exponent (time ~ n^k, least squares over the sizes). Nested stages (the eligible
pairs weighed and capped, and the chain, in the core; the word diffs in the units) are
printed indented and are part of their parent's time. ``work`` rows count what the
stages work through per sentence: pairs the candidate index keeps, pairs the chain
weighs and restatement links found. On the near-twins text each sentence has more
near-twins the longer the text (2 at 250 sentences, 17 at 2,000); before each sentence
kept only its three heaviest pairs for the chain (``pairing._STRONG_MOST``), the chain
pairs rose from 3.1 to 8.8 a sentence and the restatement links from 1.35 to 7.86.

    .venv/bin/python benchmarks/align_stages.py [--runs 7] [--sizes 250,500,1000,2000]
"""

from __future__ import annotations

import argparse
import gc
import statistics
import time
from collections import defaultdict

import numpy as np
from synthetic import base_sentences, rewrite, varied_sentences

import comparative_coverage as cc
from comparative_coverage.alignment import aligner, candidates, pair, pairing, similarity, worddiff

# (label, owner, attribute, nested in the stage before)
STAGES = (
    ("fold + keys", pair, "fold", False),
    ("fold + keys", pair, "sentence_keys", False),
    ("weights", similarity.Scorer, "__post_init__", False),
    ("candidate index", similarity, "_proposals_arrays", False),
    ("scoring", similarity.Scorer, "_pairs_sharing", False),
    ("core", aligner, "_core", False),
    ("weighed + cap", pairing, "_weighed", True),
    ("chain", pairing, "heaviest_chain", True),
    ("gaps", aligner, "_fill_gaps", False),
    ("joins", aligner, "_join_neighbours", False),
    ("restatements", aligner, "find_restatements", False),
    ("units", aligner, "_units", False),
    ("word diffs", aligner, "word_diff", True),
)
TEXTS = {"near-twins": base_sentences, "varied": varied_sentences}


def _timed(function, label: str, spent: dict[str, float]):  # noqa: ANN001, ANN202
    def timed(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        start = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            spent[label] += time.process_time() - start

    return timed


def cold() -> None:
    """Forget the per-text caches, so each run does all its work."""
    for cached in (similarity.word_sound, similarity.fold, similarity.sentence_keys):
        cached.cache_clear()
    worddiff._tokens.cache_clear()
    worddiff._fold_token.cache_clear()


def measure(text: str, sizes: list[int], runs: int) -> dict[int, dict[str, float]]:
    """Median seconds per stage (and ``total``) at each size, sizes interleaved."""
    pairs = {}
    for n in sizes:
        a = TEXTS[text](n)
        pairs[n] = (a, rewrite(a, seed=n)[0])
    spent: dict[str, float] = defaultdict(float)
    saved = [(owner, name, getattr(owner, name)) for _, owner, name, _ in STAGES]
    for (label, owner, name, _), (_, _, original) in zip(STAGES, saved, strict=True):
        setattr(owner, name, _timed(original, label, spent))
    samples: dict[int, dict[str, list[float]]] = {n: defaultdict(list) for n in sizes}
    try:
        for _ in range(runs):
            for n in sizes:
                cold()
                spent.clear()
                gc.collect()
                start = time.process_time()
                cc.align(*pairs[n])
                spent["total"] = time.process_time() - start
                for label in {s[0] for s in STAGES} | {"total"}:
                    samples[n][label].append(spent.get(label, 0.0))
    finally:
        for owner, name, original in saved:
            setattr(owner, name, original)
    return {n: {k: statistics.median(v) for k, v in samples[n].items()} for n in sizes}


def work(text: str, sizes: list[int]) -> dict[str, list[float]]:
    """Per sentence: the index's posting visits (a key within the cap that an a and a b
    sentence share and both propose through: ``candidates.VISITS_MOST``), the distinct
    pairs they propose (ranked), the candidate pairs kept, the pairs the chain weighs,
    the restatement links, and the words of both sides the units' word diffs compare."""
    rows: dict[str, list[float]] = defaultdict(list)
    chained: list[int] = []
    original = pairing.heaviest_chain
    pairing.heaviest_chain = lambda pairs: (chained.append(len(pairs)), original(pairs))[1]
    try:
        for n in sizes:
            a = TEXTS[text](n)
            b = rewrite(a, seed=n)[0]
            a_keys = [similarity.sentence_keys(similarity.fold(t)) for t in a]
            b_keys = [similarity.sentence_keys(similarity.fold(t)) for t in b]
            scorer = similarity.Scorer(
                a_keys, b_keys, [similarity.fold(t) for t in a], [similarity.fold(t) for t in b]
            )
            found = candidates._proposals_arrays(
                a_keys, b_keys, scorer.frequency, scorer.grid_weight, 8, numbered=scorer.numbered
            )
            rows["posting visits"].append(found.visits / n)
            rows["pairs proposed"].append(found.proposed / n)
            rows["candidate pairs"].append(len(scorer.candidates(per_sentence=8)) / n)
            alignment = cc.align(a, b)
            rows["chain pairs"].append(chained[-1] / n)
            rows["restatement links"].append(len(alignment.restatements) / n)
            diffed = (e for u in alignment.units if u.a and u.b for e in u.edits)
            rows["words diffed"].append(sum(len(e.a_words) + len(e.b_words) for e in diffed) / n)
    finally:
        pairing.heaviest_chain = original
    return rows


def slope(sizes: list[int], times: list[float]) -> float:
    return float(np.polyfit(np.log(sizes), np.log(np.maximum(times, 1e-9)), 1)[0])


def report(text: str, sizes: list[int], runs: int) -> None:
    table = measure(text, sizes, runs)
    print(f"\n{text} text: CPU us per sentence, median of {runs} (sizes interleaved)")
    print(f"{'stage':<22}" + "".join(f"{n:>9}" for n in sizes) + "   growth")
    labels = list(dict.fromkeys(s[0] for s in STAGES))
    nested = {s[0] for s in STAGES if s[3]}
    top = [label for label in labels if label not in nested]
    for label in [*labels, "other", "total"]:
        if label == "other":
            times = [table[n]["total"] - sum(table[n][k] for k in top) for n in sizes]
        else:
            times = [table[n][label] for n in sizes]
        name = f"  ({label})" if label in nested else label
        cells = "".join(f"{t * 1e6 / n:9.1f}" for t, n in zip(times, sizes, strict=True))
        print(f"{name:<22}{cells}   n^{slope(sizes, times):.2f}")
    for label, per in work(text, sizes).items():
        print(f"{'work: ' + label:<22}" + "".join(f"{x:9.2f}" for x in per) + "   per sentence")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--sizes", default="250,500,1000,2000")
    parser.add_argument("--texts", default="near-twins,varied")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    for text in args.texts.split(","):
        report(text, sizes, args.runs)


if __name__ == "__main__":
    main()
