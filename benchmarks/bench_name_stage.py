"""CPU per article of the name analyses a worker makes for each story, and a digest of them.

On ``--size`` generated articles (``bench_stories.py``, ~15% of words are names), for each
multi-version story inside one ``names.memo.sharing`` block, as ``archive.story_tables``
opens it, with the garbage collector as a worker has it (``quiet_collector``):
``find_mentions`` of its articles (corpus statistics, mentions, spelling clusters), their
``find_name_variants`` and ``name_spans`` of every sentence (what the wording rules ask).
Prints the median CPU ms per article over ``--runs`` (``time.process_time``; caches
emptied before each run) and a sha256 of every mention, name group and span: equal
digests before and after a change mean the change is exact.

    .venv/bin/python benchmarks/bench_name_stage.py --size 2000 --runs 5
"""

from __future__ import annotations

import argparse
import hashlib
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_stories import corpus  # noqa: E402
from bench_story_tables import cold_caches  # noqa: E402

import comparative_coverage as cc  # noqa: E402
from comparative_coverage.corpus.collector import quiet_collector  # noqa: E402
from comparative_coverage.names.memo import sharing  # noqa: E402
from comparative_coverage.names.mentions import article_sentences  # noqa: E402
from comparative_coverage.names.spans import name_spans  # noqa: E402
from comparative_coverage.reading.articles import as_articles  # noqa: E402


def name_stage(stories: list) -> list:
    """Every story's mentions and sentence spans, as a worker's rules ask for them."""
    found = []
    for story in stories:
        with sharing():
            found.append(cc.find_mentions(story))
            found.append(cc.find_name_variants(story))  # the same analysis: its clusters
            for article in story:
                found.extend(name_spans(text) for _, _, text in article_sentences(article))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    articles, _ = corpus(args.size, seed=args.size)
    stories = [
        tuple(as_articles(s.articles)) for s in cc.find_stories(articles) if len(s.articles) > 1
    ]
    times, found = [], []
    for _ in range(args.runs):
        cold_caches()
        start = time.process_time()
        with quiet_collector():
            found = name_stage(stories)
        times.append(time.process_time() - start)
    digest = hashlib.sha256(repr(found).encode()).hexdigest()[:16]
    ms = statistics.median(times) / args.size * 1000
    print(f"{args.size} articles, {len(stories)} multi-version stories, {args.runs} runs")
    print(f"  name analyses (find_mentions + name_spans) {ms:6.3f} ms CPU/article")
    print(f"  digest {digest}")


if __name__ == "__main__":
    main()
