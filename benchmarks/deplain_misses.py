"""DEplain splits and merges the aligner misses, counted by how it misses them.

For every gold unit of one sentence on one side and several on the other (a split,
1:n, or a merge, n:1), the unit the one sentence ends up in is compared with the gold:

- ``found``: the same sentences exactly;
- ``long unpaired``: the one sentence is in no unit; ``pieces unpaired`` when no piece
  is paired either, else ``some pieces paired elsewhere``;
- ``wrong partner``: its unit holds none of the pieces;
- ``subset``: its unit holds some pieces and nothing else; the missing pieces are
  ``unpaired``, ``paired elsewhere`` or ``mixed``;
- ``subset + extra`` / ``superset``: its unit holds sentences outside the gold unit too.

``[apart]`` marks gold units whose pieces are not neighbours. Then, for the pieces
a subset leaves unpaired, the share of their content words (matched by stem) the one
sentence holds, and how far each is from the nearest piece that was found.

Then the wrong units (false positives of the exact-unit score), by how they relate to
the gold: ``inside a gold a:b group`` (a part of it: a split found in part), ``across
gold groups`` (sentences of two or more), ``partly outside gold`` (some sentences the
gold aligns to nothing), ``no gold at all`` (none of its sentences is aligned in the
gold: often a fair pair the annotators left out).

    .venv/bin/python benchmarks/deplain_misses.py [--option threshold=0.4 ...]
        [--genre simplification] [--examples 10]
"""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter

from calibrate_genre import DEPLAIN
from eval_alignment import _option

import comparative_coverage as cc
from comparative_coverage.alignment.splits import held_share


def classify(unit, pieces: tuple[int, ...], across: tuple[int, ...], paired: set[int]) -> str:
    """How the unit holding the one sentence differs from the gold unit."""
    if not across:
        some = any(k in paired for k in pieces)
        return "long unpaired, " + ("some pieces paired elsewhere" if some else "pieces unpaired")
    inside, extra = set(across) & set(pieces), set(across) - set(pieces)
    missing = set(pieces) - set(across)
    if not inside:
        return "wrong partner"
    if extra:
        return "subset + extra" if missing else "superset"
    elsewhere = sum(k in paired for k in missing)
    how = (
        "unpaired"
        if not elsewhere
        else "paired elsewhere"
        if elsewhere == len(missing)
        else "mixed"
    )
    return f"subset ({'one piece' if len(inside) == 1 else 'several pieces'}), missing {how}"


def wrong_unit(unit, a_gold: dict, b_gold: dict) -> str:
    """How a unit that is no gold group relates to the gold groups its sentences are in."""
    groups = {a_gold.get(i) for i in unit.a} | {b_gold.get(j) for j in unit.b}
    if groups == {None}:
        return "no gold at all"
    if None in groups:
        return "partly outside gold"
    if len(groups) > 1:
        return "across gold groups"
    (ga, gb) = groups.pop()
    return f"inside a gold {min(len(ga), 3)}:{min(len(gb), 3)} group"


def _shape(a: tuple, b: tuple) -> str:
    return (
        "1:1"
        if len(a) == len(b) == 1
        else "1:n"
        if len(a) == 1
        else "n:1"
        if len(b) == 1
        else "n:m"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--option", action="append", default=[], metavar="NAME=VALUE")
    parser.add_argument("--genre", help="start from a genre preset (Options.for_genre)")
    parser.add_argument("--examples", type=int, default=0, help="print this many subsets")
    args = parser.parse_args()
    options = cc.Options.for_genre(args.genre) if args.genre else cc.Options()
    options = options.but(**dict(_option(text) for text in args.option))
    kinds, held, distance, examples, wrong = Counter(), Counter(), Counter(), [], Counter()
    for pair in json.loads(DEPLAIN.read_text(encoding="utf-8")):
        a, b = pair["sents_a"], pair["sents_b"]
        alignment = cc.align(a, b, diffs=False, options=options)
        gold = {(tuple(g["a"]), tuple(g["b"])) for g in pair["gold_groups"]}
        a_gold = {i: g for g in gold for i in g[0]}
        b_gold = {j: g for g in gold for j in g[1]}
        for unit in alignment.units:
            if unit.a and unit.b and (unit.a, unit.b) not in gold:
                wrong[_shape(unit.a, unit.b), wrong_unit(unit, a_gold, b_gold)] += 1
        unit_of = {("a", i): u for u in alignment.units for i in u.a}
        unit_of.update({("b", j): u for u in alignment.units for j in u.b})
        for group in pair["gold_groups"]:
            ga, gb = tuple(group["a"]), tuple(group["b"])
            if len(ga) == 1 and len(gb) > 1:
                shape, one, pieces, side, texts = "1:n", ga[0], gb, "a", (a, b)
            elif len(gb) == 1 and len(ga) > 1:
                shape, one, pieces, side, texts = "n:1", gb[0], ga, "b", (b, a)
            else:
                continue
            other = "b" if side == "a" else "a"
            unit = unit_of[(side, one)]
            if (unit.a, unit.b) == (ga, gb):
                kinds[shape, "found"] += 1
                continue
            across = unit.b if side == "a" else unit.a
            paired = {k for k in pieces if unit_of[(other, k)].a and unit_of[(other, k)].b}
            kind = classify(unit, pieces, across, paired)
            apart = max(pieces) - min(pieces) + 1 != len(pieces)
            kinds[shape, kind + (" [apart]" if apart else "")] += 1
            if kind.startswith("subset") and kind.endswith("unpaired"):
                for k in set(pieces) - set(across):
                    share = held_share(texts[1][k], texts[0][one], {})
                    held[min(int(share * 10) / 10, 1.0)] += 1
                    distance[min(abs(k - x) for x in across)] += 1
                examples.append((pair["id"], texts, one, pieces, across))
    print(f"options: {options.changed() or 'defaults'}")
    for (shape, kind), count in sorted(kinds.items()):
        print(f"{count:5d}  {shape}  {kind}")
    print("unpaired pieces of subsets, share of their words the long sentence holds (stems):")
    print("  " + ", ".join(f">={share:.1f}: {n}" for share, n in sorted(held.items())))
    print("  distance to the nearest piece found: " + str(dict(sorted(distance.items()))))
    print(f"wrong units ({sum(wrong.values())}), by shape and how they relate to the gold:")
    for (shape, kind), count in sorted(wrong.items(), key=lambda item: (-item[1], item[0])):
        print(f"{count:5d}  {shape}  {kind}")
    for doc, (one_texts, many_texts), one, pieces, across in random.Random(1).sample(
        examples, min(args.examples, len(examples))
    ):
        print(f"\n{doc}: {one_texts[one]}")
        for k in pieces:
            print(f"  {'*' if k in across else ' '} {many_texts[k]}")


if __name__ == "__main__":
    main()
