"""Story grouping at corpus scale: time, peak memory and accuracy on synthetic corpora.

A synthetic corpus has many distinct stories made from a generated vocabulary. Stories
come in topics that share names, topic words and a few background sentences (so that
topic-sharing stories are near misses, as in real coverage); each story has 1-6 versions
rewritten the way outlets rewrite wire copy (paragraphs moved, words and name spellings
substituted, sentences added and dropped). Articles are shuffled together.

For each size the script reports the median time of ``--runs`` runs of
``cc.find_stories``, the peak memory it allocated (tracemalloc, a separate run: tracing
slows it down) and the process's peak RSS, and how exactly the true stories were
recovered. The baseline in the same run is datasketch's MinHash (the signature step only),
which the vectorised numpy MinHash replaced.

    .venv/bin/python benchmarks/bench_stories.py                     # 1,000 and 10,000
    .venv/bin/python benchmarks/bench_stories.py --sizes 1000,10000,100000 --runs 1
"""

from __future__ import annotations

import argparse
import itertools
import math
import random
import resource
import statistics
import time
import tracemalloc
from collections import defaultdict

import numpy as np

import comparative_coverage as cc
from comparative_coverage.corpus.stories import (
    _key_hashes,
    _shingle_hashes,
    find_stories,
    minhash,
    shingles,
)

SYLLABLES = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"] + ["an", "el", "or", "ir", "us"]
STOP = "the of and to in a on for with that by from at as its was has were is be".split()
OUTLETS = ("Wire Daily", "The Courier", "Gazette", "Morning Post", "Observer", "Herald")


class Vocabulary:
    """Deterministic pseudo-words: common words, topic words and names.

    Words are unique, and there are only 427,500 words of two or three syllables: a
    million articles need about 1.2M names. When a length range is nearly used up (many
    draws in a row all taken), its words grow a syllable longer from then on. Below that
    point (every corpus up to 100k articles) the words are the ones drawn before.
    """

    CROWDED = 64  # draws in a row that all hit a taken word: the range is nearly full

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.seen: set[str] = set()
        self.longer: dict[tuple[int, int], int] = {}  # syllables added to a full range
        self.common = [self.word(2, 3) for _ in range(3000)]
        weights = [1 / (rank + 1) for rank in range(len(self.common))]  # Zipf-like
        self.cumulative = list(itertools.accumulate(weights))
        self.synonyms = {w: self.word(2, 3) for w in self.common[:600]}

    def word(self, low: int, high: int) -> str:
        extra = self.longer.get((low, high), 0)
        taken = 0
        while True:
            length = self.rng.randint(low + extra, high + extra)
            text = "".join(self.rng.choice(SYLLABLES) for _ in range(length))
            if text not in self.seen:
                self.seen.add(text)
                return text
            taken += 1
            if taken == self.CROWDED:
                extra = self.longer[low, high] = extra + 1
                taken = 0

    def name(self) -> str:
        return self.word(2, 3).capitalize()


def sentence(vocab: Vocabulary, rng: random.Random, names: list[str], topic: list[str]) -> str:
    words = []
    for _ in range(rng.randint(10, 22)):
        roll = rng.random()
        if roll < 0.3:
            words.append(rng.choice(STOP))
        elif roll < 0.45:
            words.append(rng.choice(names))
        elif roll < 0.6:
            words.append(rng.choice(topic))
        elif roll < 0.65:
            words.append(str(rng.randint(2, 2030)))
        else:
            words.append(rng.choices(vocab.common, cum_weights=vocab.cumulative)[0])
    words[0] = words[0].capitalize()
    return " ".join(words) + "."


def rewrite(sentences: list[str], vocab: Vocabulary, rng: random.Random, names, topic) -> list[str]:
    """Another outlet's version: drop, substitute, add sentences, move a paragraph."""
    spelling = {n: n[:-1] + rng.choice("aeiou") for n in names if rng.random() < 0.3}
    out = []
    for text in sentences:
        if rng.random() < 0.1:
            continue
        if rng.random() < 0.5:
            words = text.rstrip(".").split(" ")
            words = [
                vocab.synonyms.get(w, spelling.get(w, w)) if rng.random() < 0.3 else w
                for w in words
            ]
            text = " ".join(words) + (", the agency reported." if rng.random() < 0.3 else ".")
        out.append(text)
        if rng.random() < 0.1:
            out.append(sentence(vocab, rng, names, topic))
    if len(out) >= 4:  # move a block of 1-3 sentences
        start = rng.randrange(len(out) - 1)
        block = out[start : start + rng.randint(1, 3)]
        del out[start : start + len(block)]
        at = rng.randrange(len(out) + 1)
        out[at:at] = block
    return out


def corpus(
    articles: int, *, seed: int = 0, firsts: set[str] | None = None
) -> tuple[list[cc.Article], dict[str, int]]:
    """About ``articles`` shuffled articles and the true story of each article id;
    ``firsts``, when given, receives the ids of the versions the others rewrite."""
    rng = random.Random(seed)
    vocab = Vocabulary(seed)
    topics = []
    for _ in range(max(1, articles // 40)):  # topics of ~10 stories: near misses abound
        names = [vocab.name() for _ in range(4)]
        words = [vocab.word(2, 4) for _ in range(25)]
        background = [sentence(vocab, rng, names, words) for _ in range(3)]
        topics.append((names, words, background))
    made: list[tuple[int, list[str], str, bool]] = []
    story = 0
    while len(made) < articles:
        names, words, background = rng.choice(topics)
        own = names[:2] + [vocab.name() for _ in range(4)]
        body = [sentence(vocab, rng, own, words) for _ in range(rng.randint(8, 20))]
        if rng.random() < 0.5:
            body.insert(rng.randrange(len(body)), rng.choice(background))
        title = sentence(vocab, rng, own, words).rstrip(".")
        for version in range(rng.randint(1, 6)):
            text = body if version == 0 else rewrite(body, vocab, rng, own, words)
            made.append((story, text, title, version == 0))
        story += 1
    made = made[:articles]
    rng.shuffle(made)
    out, truth = [], {}
    for number, (story, text, title, first) in enumerate(made):
        paragraphs = tuple(" ".join(text[k : k + 3]) for k in range(0, len(text), 3))
        article_id = f"doc{number:06d}"
        out.append(cc.Article(article_id, OUTLETS[number % len(OUTLETS)], title, paragraphs))
        truth[article_id] = story
        if first and firsts is not None:
            firsts.add(article_id)
    return out, truth


def exactness(stories, truth: dict[str, int]) -> str:
    """How many true stories came out exactly (same members, nothing more)."""
    true_groups: dict[int, set[str]] = defaultdict(set)
    for article_id, story in truth.items():
        true_groups[story].add(article_id)
    found = {frozenset(s.ids) for s in stories}
    exact = sum(frozenset(g) in found for g in true_groups.values())
    merged = sum(len({truth[i] for i in s.ids}) > 1 for s in stories)
    return f"{exact}/{len(true_groups)} stories exact, {merged} found stories mix stories"


def datasketch_signatures(articles: list[cc.Article], num_perm: int) -> float:
    """The baseline: datasketch MinHash over the same shingles, seconds taken."""
    from datasketch import MinHash

    start = time.perf_counter()
    for article in articles:
        m = MinHash(num_perm=num_perm, seed=1)
        m.update_batch([s.encode() for s in shingles(article.paragraphs)])
    return time.perf_counter() - start


def numpy_signatures(articles: list[cc.Article], num_perm: int) -> float:
    start = time.perf_counter()
    cache: dict[str, int] = {}
    for first in range(0, len(articles), 256):
        batch = []
        for article in articles[first : first + 256]:
            keys = np.array(_key_hashes(article.paragraphs, cache), dtype=np.uint64)
            batch.append(_shingle_hashes(keys, 3))
        minhash(batch, num_perm=num_perm)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--baseline-max", type=int, default=10000)
    parser.add_argument("--memory", action="store_true", help="also trace peak memory")
    args = parser.parse_args()
    rows = []
    print(f"{'articles':>9} {'stories':>8} {'time s':>8} {'per 1k':>7} {'traced MB':>10}  accuracy")
    for size in map(int, args.sizes.split(",")):
        articles, truth = corpus(size, seed=size)
        times = []
        for _ in range(args.runs):
            start = time.perf_counter()
            stories = find_stories(articles)
            times.append(time.perf_counter() - start)
        median = statistics.median(times)
        traced = "-"
        if args.memory:
            tracemalloc.start()
            find_stories(articles)
            traced = f"{tracemalloc.get_traced_memory()[1] / 2**20:10.1f}"
            tracemalloc.stop()
        rows.append((size, median))
        print(
            f"{size:9d} {len(set(truth.values())):8d} {median:8.2f} {median / size * 1000:7.2f} "
            f"{traced:>10}  {exactness(stories, truth)}",
            flush=True,
        )
        if size <= args.baseline_max:
            ours = numpy_signatures(articles, 64)
            theirs = datasketch_signatures(articles, 64)
            print(
                f"{'':9} signatures only: numpy {size / ours:8.0f} articles/s, "
                f"datasketch {size / theirs:8.0f} articles/s ({theirs / ours:.1f}x)",
                flush=True,
            )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS of the whole process (corpora included): {peak:.0f} MB")
    if len(rows) >= 2:
        (n0, t0), (n1, t1) = rows[0], rows[-1]
        print(f"growth: time ~ n^{math.log(t1 / t0) / math.log(n1 / n0):.2f} (1.0 is linear)")


if __name__ == "__main__":
    main()
