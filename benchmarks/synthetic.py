"""Synthetic sibling versions made by rewriting real text, with the true alignment known.

Shared by the benchmarks (and usable in tests): start from the bundled sample's
sentences, make ``n`` distinct sentences, then rewrite them the way another outlet
would: move blocks, substitute words and names, insert and delete sentences.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import comparative_coverage as cc

ROOT = Path(__file__).resolve().parent.parent
SUBSTITUTES = {
    "leader": "strongman",
    "forces": "militias",
    "said": "stated",
    "Qaddafi": "Kadhafi",
    "Gaddafi": "Qaddafi",
    "Mohammed": "Mohammad",
    "recognized": "recognised",
    "Defense": "Defence",
    "military": "armed",
    "talks": "negotiations",
    "backed": "supported",
    "several": "a number of",
    "Moscow": "the Russian capital",
    "killed": "slain",
    "government": "administration",
    "crisis": "conflict",
    "agreement": "deal",
}
FILLER = (
    "officials",
    "analysts",
    "diplomats",
    "residents",
    "sources",
    "observers",
    "envoys",
    "ministers",
    "traders",
    "lawmakers",
    "commanders",
    "negotiators",
    "activists",
)


def _sample() -> list[str]:
    return [s.text for a in cc.read_articles(ROOT / "data" / "sample") for s in a.sentences]


def base_sentences(count: int, *, seed: int = 0) -> list[str]:
    """``count`` distinct news sentences: the sample's, varied once they run out."""
    rng = random.Random(seed)
    sample = _sample()
    sentences = []
    for k in range(count):
        text = sample[k % len(sample)]
        if k >= len(sample):  # make repeats distinct: a new clause with rare-ish words
            extra = " ".join(rng.sample(FILLER, 2))
            text = text.rstrip(".") + f", {extra} in district {k} added."
        sentences.append(text)
    return sentences


CONTENT_WORD = re.compile(r"[A-Za-z]{4,}")
SYLLABLES = (
    "ka",
    "lo",
    "mir",
    "ten",
    "sa",
    "vor",
    "el",
    "du",
    "ran",
    "pe",
    "zho",
    "bi",
    "ost",
    "ul",
)


def _pseudo_word(word: str, rounds: int) -> str:
    """A made-up word for ``word`` in pass ``rounds``: the same in every call, new per pass."""
    rng = random.Random(f"{word.casefold()}/{rounds}")
    made = "".join(rng.choice(SYLLABLES) for _ in range(2 + len(word) // 4))
    return made.capitalize() if word[:1].isupper() else made


def varied_sentences(count: int, *, seed: int = 0) -> list[str]:
    """``count`` news sentences whose near-twins per sentence stay the same as ``count`` grows.

    ``base_sentences`` repeats the sample with a clause added, so at 2000 sentences each has
    twenty near-twins and the work per sentence grows with the text: a fair test of the
    unlucky case, not of growth. Here every pass over the sample after the first renames
    the content words (four letters or more) with made-up words of that pass, the way a
    long archive holds many stories told in the same sentence shapes.
    """
    sample = base_sentences(min(count, len(_sample())), seed=seed)
    sentences = []
    for k in range(count):
        rounds, text = divmod(k, len(sample))[0], sample[k % len(sample)]
        if rounds:
            text = CONTENT_WORD.sub(lambda m, r=rounds: _pseudo_word(m[0], r), text)
        sentences.append(text)
    return sentences


def rewrite(
    sentences: list[str],
    *,
    seed: int = 0,
    move: float = 0.05,
    substitute: float = 0.5,
    insert: float = 0.1,
    delete: float = 0.1,
) -> tuple[list[str], list[tuple[int, int]]]:
    """Another outlet's version and the true links (a_index, b_index)."""
    rng = random.Random(seed)
    kept = [i for i in range(len(sentences)) if rng.random() >= delete]
    order = list(kept)
    for _ in range(max(1, int(move * len(order)))):  # move a block of 1-3 sentences
        if len(order) < 4:
            break
        start = rng.randrange(len(order) - 1)
        block = order[start : start + rng.randint(1, 3)]
        del order[start : start + len(block)]
        at = rng.randrange(len(order) + 1)
        order[at:at] = block
    b_sentences, truth = [], []
    for i in order:
        text = sentences[i]
        if rng.random() < substitute:
            words = text.split(" ")
            text = " ".join(SUBSTITUTES.get(w, w) for w in words)
            if rng.random() < 0.5:
                text = text.rstrip(".") + ", AFP reported."
        if rng.random() < insert:
            b_sentences.append(
                f"In a statement on day {rng.randrange(999)}, "
                f"{rng.choice(FILLER)} said nothing about {rng.choice(FILLER)}."
            )
        truth.append((i, len(b_sentences)))
        b_sentences.append(text)
    return b_sentences, truth
