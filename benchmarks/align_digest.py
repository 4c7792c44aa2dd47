"""One sha256 over the aligner's output on real pairs: a change that should not move any
output (speed, bounds) is checked against the digest printed before it.

Hashed, for every ordered pair of the sample's articles and of each news-dev story's
versions (the gold sentence lists, and the clean texts read as articles with their page
lines): every unit (sentences, status, score, method, moved, word edits) and every
restatement. ``--synthetic`` prints one more digest per synthetic text and size
(benchmarks/synthetic.py), where the long versions take the candidate index's array path.

    .venv/bin/python benchmarks/align_digest.py [--synthetic 250,500,1000,2000]
"""

from __future__ import annotations

import argparse
import hashlib
import json
from itertools import permutations
from pathlib import Path

import comparative_coverage as cc

ROOT = Path(__file__).resolve().parent.parent
# beside the checkout (CI), or beside a folder holding it (a git worktree)
NEWS_DEV = (
    next(
        (
            p / "shared" / "eval-public"
            for p in ROOT.parents
            if (p / "shared" / "eval-public").is_dir()
        ),
        ROOT.parent / "shared" / "eval-public",
    )
    / "news-dev"
)


def described(alignment: cc.Alignment) -> str:
    units = [
        (u.a, u.b, u.status, repr(u.score), u.method, u.moved, [repr(e) for e in u.edits])
        for u in alignment.units
    ]
    restated = [(r.a, r.b, r.by, repr(r.score), r.method) for r in alignment.restatements]
    return repr((units, restated))


def digest(alignments) -> tuple[str, int]:  # noqa: ANN001
    h, n = hashlib.sha256(), 0
    for alignment in alignments:
        h.update(described(alignment).encode())
        n += 1
    return h.hexdigest(), n


def sample_alignments():
    articles = cc.read_articles(ROOT / "data" / "sample")
    for a, b in permutations(articles, 2):
        yield cc.align(a, b)
        yield cc.align(a, b, lines=True)


def news_dev_alignments():
    for gold_path in sorted(NEWS_DEV.glob("*/gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        versions = gold["versions"]
        read = {
            name: max(
                cc.read_text((gold_path.parent / v["file"]).read_text(encoding="utf-8")),
                key=lambda article: len(article.sentences),
            )
            for name, v in versions.items()
        }
        for x, y in permutations(sorted(versions), 2):
            yield cc.align(versions[x]["sentences"], versions[y]["sentences"])
            yield cc.align(read[x], read[y], lines=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--synthetic", default="", help="sizes of synthetic pairs to hash")
    args = parser.parse_args()
    for name, alignments in (("sample", sample_alignments), ("news-dev", news_dev_alignments)):
        if name == "news-dev" and not NEWS_DEV.is_dir():
            continue
        found, count = digest(alignments())
        print(f"{name:<10}       {found} ({count} alignments)")
    if args.synthetic:
        from synthetic import base_sentences, rewrite, varied_sentences

        for name, make in (("near-twins", base_sentences), ("varied", varied_sentences)):
            for n in map(int, args.synthetic.split(",")):
                a = make(n)
                found = digest([cc.align(a, rewrite(a, seed=n)[0])])[0]
                print(f"{name:<10} {n:5d} {found}")


if __name__ == "__main__":
    main()
