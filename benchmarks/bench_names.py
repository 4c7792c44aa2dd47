"""Name-variant clustering: speed and accuracy against a naive all-pairs baseline, in one run.

Synthetic corpora of N articles: sentences of the bundled sample (benchmarks/synthetic.py)
plus sentences naming people and places, each outlet spelling them its own way
(Qaddafi / Kadhafi / Gaddafi / Gadhafi ...), with look-alikes that must stay apart
(Putin / Patin, Libya / Liberia, Austria / Australia). Reports the median time of
``find_name_variants`` and of a naive baseline (every pair of distinct spellings scored
with ``same_name``, no context), and the precision and recall of the pairs each merges.

    .venv/bin/python benchmarks/bench_names.py [--runs 3] [--sizes 50 200 800]
"""

from __future__ import annotations

import argparse
import itertools
import random
from pathlib import Path

from synthetic import base_sentences
from timing import timed

import comparative_coverage as cc
from comparative_coverage.unionfind import UnionFind

ROOT = Path(__file__).resolve().parent.parent

PEOPLE = [  # (first-name spellings, surname spellings): one person each
    (("Muammar", "Moamer", "Moammar"), ("Qaddafi", "Kadhafi", "Gaddafi", "Gadhafi")),
    (("Volodymyr",), ("Zelensky", "Zelenskyy", "Zelenskiy")),
    (("Mohammed", "Mohammad", "Mohamed"), ("Menfi",)),
    (("Abdul Hamid", "Abdulhamid"), ("Dbeibah", "Dbeibeh")),
    (("Yunus-Bek",), ("Yevkurov", "Evkurov")),
    (("Vladimir",), ("Putin",)),
    (("Jean",), ("Patin",)),
    (("Sergei",), ("Shoigu", "Shoygu")),
]
PLACES = [("Libya",), ("Liberia",), ("Austria",), ("Australia",), ("Kyiv", "Kiev")]
TITLES = ["President", "Prime Minister", "Marshal", "Defense Minister", "General"]


def corpus(size: int, *, seed: int = 0) -> list[cc.Article]:
    rng = random.Random(seed)
    base = base_sentences(size * 8, seed=seed)
    articles = []
    for k in range(size):
        outlet = k % 7
        sentences = base[k * 8 : k * 8 + 8]
        for first, last in rng.sample(PEOPLE, 3):
            f, s = first[outlet % len(first)], last[outlet % len(last)]
            sentences.append(f"{rng.choice(TITLES)} {f} {s} met officials in district {k}.")
            sentences.append(f"On day {k}, officials said {s} was expected in the capital.")
        place = rng.choice(PLACES)
        sentences.append(f"Envoys from {place[outlet % len(place)]} arrived on day {k}.")
        articles.append(
            cc.Article(id=f"s{k}", outlet=f"outlet {outlet}", title="", paragraphs=tuple(sentences))
        )
    return articles


def truth() -> set[frozenset[str]]:
    families = (
        [set(first) for first, _ in PEOPLE]
        + [set(last) for _, last in PEOPLE]
        + [set(p) for p in PLACES]
    )
    return {
        frozenset(pair) for family in families for pair in itertools.combinations(sorted(family), 2)
    }


def pairs(groups: list[set[str]]) -> set[frozenset[str]]:
    return {
        frozenset(pair) for group in groups for pair in itertools.combinations(sorted(group), 2)
    }


def naive(articles: list[cc.Article]) -> list[set[str]]:
    """Every pair of distinct capitalised words compared with same_name; no context."""
    words = sorted({w.strip(".,") for a in articles for w in a.body.split() if w[:1].isupper()})
    union = UnionFind()
    for a, b in itertools.combinations(words, 2):
        if cc.same_name(a, b):
            union.union(a, b)
    groups: dict[str, set[str]] = {}
    for w in words:
        groups.setdefault(union.find(w), set()).add(w)
    return [g for g in groups.values() if len(g) > 1]


NAMES = {n for first, last in PEOPLE for n in (*first, *last)} | {n for p in PLACES for n in p}


def score(found: set[frozenset[str]], expected: set[frozenset[str]]) -> str:
    relevant = {p for p in found if p <= NAMES}  # pairs among the injected names
    hits = len(relevant & expected)
    return f"P {hits / max(len(relevant), 1):.2f} R {hits / max(len(expected), 1):.2f}"


def missed(found: set[frozenset[str]], expected: set[frozenset[str]]) -> str:
    wrong = sorted("/".join(sorted(p)) for p in found if p <= NAMES and p not in expected)
    lost = sorted("/".join(sorted(p)) for p in expected - found)
    return f"false merges: {', '.join(wrong) or 'none'}; missed: {', '.join(lost) or 'none'}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 200, 800])
    args = parser.parse_args()
    expected = truth()
    print(f"{'articles':>8} {'ours s':>8} {'ours':>14} {'naive s':>8} {'naive':>14}")
    for size in args.sizes:
        articles = corpus(size)
        for a in articles:
            a.sentences  # segment once, outside the timings  # noqa: B018
        ours_time, groups = timed(lambda a=articles: cc.find_name_variants(a, known=()), args.runs)
        naive_time, naive_groups = timed(lambda a=articles: naive(a), args.runs)
        ours = score(pairs([set(g.variants) for g in groups]), expected)
        base = score(pairs(naive_groups), expected)
        print(f"{size:>8} {ours_time:>8.3f} {ours:>14} {naive_time:>8.3f} {base:>14}")
    print("ours: ", missed(pairs([set(g.variants) for g in groups]), expected))
    print("naive:", missed(pairs(naive_groups), expected))
    sample = cc.read_articles(ROOT / "data" / "sample")
    by_id = {article.id: article for article in sample}
    a, b = by_id["000_2b30075c1d741493#1"], by_id["001_d4fe8bf4671f7d50#1"]
    alignment = cc.align(a, b)
    for name, function in [
        ("find_name_variants(sample)", lambda: cc.find_name_variants(sample)),
        ("describe_labels(sample)", lambda: cc.describe_labels(sample)),
        ("classify_changes(flagship)", lambda: cc.classify_changes(alignment)),
        ("compare_quotes(flagship)", lambda: cc.compare_quotes(a, b)),
    ]:
        seconds, _ = timed(function, args.runs * 3)
        print(f"{name:<28} {seconds * 1000:8.1f} ms")


if __name__ == "__main__":
    main()
