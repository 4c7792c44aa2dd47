"""Which version ``compare`` takes as the spine, against what is known of each story.

The spine is the version the others are compared with: the changes a report shows are
each version's against it, so it should be the agency's copy, not one outlet's rewrite
of it. Two rules, in the same run:

- **closest** (``comparison._central``, the default since 2 December): for each pair of
  versions, the share of both versions' sentences with a strong partner in the other,
  summed over the version's pairs; a tie to the aligned count below.
- **most aligned** (``comparison._most_shared``, the default before): the most sentences
  in aligned units, summed over every pair.

Scored on:

- **news-dev** (``../shared/eval-public/news-dev``, the clean ``.txt`` files): whether the
  pick is the story's ``reference_version`` (the version closest to the agency's copy,
  chosen by hand), and whether it is agency copy as published, not rewritten, by the
  ``wire`` field of ``sources.json`` (no "rewritten", "retold", "paraphrased", "via",
  "shortened", "machine-translated", and not "none").
- **generated stories** (``bench_stories.corpus``): stories of three or more versions,
  each other version a rewrite of a first one; whether the pick is that first version.
  Two versions are decided by the aligned count under both rules.

Prints CPU seconds of each rule's choice (``time.process_time``) beside the scores.

    .venv/bin/python benchmarks/eval_spine.py [--size 10000] [--data DIR]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import warnings
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_stories import corpus  # noqa: E402
from eval_wording import NEWS_DEV  # noqa: E402

import comparative_coverage as cc  # noqa: E402
from comparative_coverage.corpus import comparison  # noqa: E402
from comparative_coverage.reading.articles import as_articles  # noqa: E402

RULES = {
    "closest": lambda sentences: comparison._central(sentences, {}, cc.Options()),
    "most aligned": lambda sentences: comparison._most_shared(sentences, {}, cc.Options()),
}
NOT_AS_PUBLISHED = ("rewritten", "retold", "paraphrased", "via", "shortened", "translated")


def as_published(wire: str) -> bool:
    """Agency copy as the agency wrote it, by the ``wire`` field of news-dev's sources.json."""
    wire = wire.casefold()
    return not wire.startswith("none") and not any(word in wire for word in NOT_AS_PUBLISHED)


def versions_sentences(articles) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(s.text for s in a.sentences) for a in as_articles(articles))


def news_dev(folder: Path) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", cc.MetadataWarning)
        articles = cc.read_articles(folder, include="*.txt", exclude="*.raw.txt")
    stories = defaultdict(list)
    for article in articles:
        stories[article.id.split("/")[0]].append(article)
    score = {rule: [0, 0] for rule in RULES}
    print(f"news-dev: {len(stories)} stories")
    print(f"{'story':34} {'reference':>14}  " + "  ".join(f"{rule:>22}" for rule in RULES))
    for story, members in sorted(stories.items()):
        gold = json.loads((folder / story / "gold.json").read_text(encoding="utf-8"))
        sources = json.loads((folder / story / "sources.json").read_text(encoding="utf-8"))
        names = [a.id.split("/")[1].split("#")[0] for a in members]
        sentences = versions_sentences(members)
        cells = []
        for rule, choose in RULES.items():
            name = names[choose(sentences)]
            wire = sources["versions"][name]["wire"]
            hit, agency = name == gold["reference_version"], as_published(wire)
            score[rule][0] += hit
            score[rule][1] += agency
            cells.append(f"{name + ('*' if hit else '') + (' (agency)' if agency else ''):>22}")
        print(f"{story:34} {gold['reference_version']:>14}  " + "  ".join(cells))
    for rule, (hits, agency) in score.items():
        print(
            f"  {rule}: the reference version in {hits} of {len(stories)}, "
            f"agency copy as published in {agency} of {len(stories)}"
        )


def generated(size: int) -> None:
    firsts: set[str] = set()
    articles, _ = corpus(size, seed=size, firsts=firsts)
    stories = [s for s in cc.find_stories(articles) if len(s.articles) >= 3]
    found = {rule: 0 for rule in RULES}
    spent = {rule: 0.0 for rule in RULES}
    known = 0
    for story in stories:
        members = tuple(as_articles(story.articles))
        first = {k for k, a in enumerate(members) if a.id in firsts}
        if not first:
            continue  # the first version fell outside the corpus's cut
        known += 1
        sentences = versions_sentences(members)
        for rule, choose in RULES.items():
            start = time.process_time()
            found[rule] += choose(sentences) in first
            spent[rule] += time.process_time() - start
    print(f"generated: {size} articles, {known} stories of 3+ versions with their first version")
    for rule in RULES:
        print(
            f"  {rule}: the first version in {found[rule]} of {known} "
            f"({found[rule] / known:.1%}), {spent[rule]:.1f} s CPU"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", type=int, default=10_000, help="generated articles")
    parser.add_argument("--data", type=Path, default=NEWS_DEV, help="the news-dev folder")
    args = parser.parse_args()
    if args.data.is_dir():
        news_dev(args.data)
    else:
        print(f"no development set at {args.data}: news-dev skipped")
    generated(args.size)


if __name__ == "__main__":
    main()
