"""A synthetic corpus of many distinct stories, each told by several outlets.

For the report's scale tests and benchmark (1,000 stories x 4 versions): each story is
made of sentences of made-up words drawn for that story alone, so stories never share
rare words and group exactly; its versions are rewrites by :func:`synthetic.rewrite`
(moves, substitutions, inserted and deleted sentences).
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import rewrite  # noqa: E402

import comparative_coverage as cc  # noqa: E402

COMMON = (
    "the officials said on talks with leaders in a statement after that was and of to "
    "military government forces minister country new week agreement".split()
)
OUTLETS = ("Wire Service", "Daily Courier", "Evening Ledger", "Global Times Online", "Metro")


def _word(rng: random.Random) -> str:
    syllables = ("ka", "lo", "mir", "ta", "ven", "do", "sha", "rek", "ul", "po", "zan", "bi")
    return "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4)))


def _sentence(rng: random.Random, names: list[str]) -> str:
    words = [rng.choice(COMMON) if rng.random() < 0.5 else _word(rng) for _ in range(14)]
    words.insert(rng.randrange(len(words)), rng.choice(names))
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def story_corpus(stories: int, versions: int = 4, *, sentences: int = 10, seed: int = 0):
    """``stories`` x ``versions`` articles: the wire copy and its rewrites, per story."""
    rng = random.Random(seed)
    articles = []
    for s in range(stories):
        names = [_word(rng).capitalize() for _ in range(3)]
        base = [_sentence(rng, names) for _ in range(sentences)]
        title = f"{names[0]} and {names[1]}: story {s + 1}"
        for v in range(versions):
            text = base if v == 0 else rewrite(base, seed=seed * 7919 + s * 31 + v)[0]
            articles.append(
                cc.Article(
                    id=f"s{s:04d}v{v}#1",
                    outlet=OUTLETS[v % len(OUTLETS)],
                    title=title,
                    paragraphs=tuple(text),
                    date=f"2024-01-{1 + s % 28:02d}",
                )
            )
    return articles
