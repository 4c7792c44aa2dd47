"""Kinds of change, names, labels, quotes and attributions: precision and recall per family.

Two sources, printed as two tables:

1. **The labelled cases** (``tests/cases/{kinds,names,labels,quotes,attributions}.json``,
   the same files the tests read; see ``tests/cases/README.md``). Per family, each case
   is scored by :mod:`wording_cases` (in ``tests/``): what the family's rule answers
   against what the case says. ``figures.json`` (figures updated across sentences) is
   scored pair by pair, as ``tests/test_figures.py`` reads it.
2. **news-dev's gold typed edits** (``../shared/eval-public/news-dev/*/gold.json`` beside
   this checkout). Every version pair is aligned with the toolkit's own ``cc.align`` on
   the gold sentence lists (so the aligner is measured too) and classified with
   ``cc.classify_changes``. A toolkit change **matches** a gold edit when it touches one
   of the edit's sentences and shares a changed word with it: the gold edit's changed
   words are the tokens one side has and the other lacks (case and typography folded;
   only punctuation when no word differs, as in ``"zone",`` / ``"zone,"``). A gold edit
   is **found** (recall) when a matching change has the gold kind (toolkit kinds map to
   gold kinds: ``name_variant`` and ``name_form`` to ``name``, ``added_detail``,
   ``dropped_detail`` and ``other`` to ``rewording``). A toolkit change of kind K is
   **judged** when it matches any gold typed edit of its pair (group and edge edits,
   ``rewording`` included, plus the pair's notable edits) and **right** (precision) when
   one of those has kind K; unjudged changes are counted apart, not scored. ``no
   change`` counts the gold edits no toolkit change matches at all (their sentences were
   not paired by the aligner, or the diff saw no change there). ``other
   share`` is the share of all toolkit changes of kind ``other``; the label rows that
   hold an honorific (Mr, Ms) are listed, as issue 14 wants none.

    .venv/bin/python benchmarks/eval_wording.py [--news-dev DIR] [--misses KIND]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import comparative_coverage as cc
from comparative_coverage.normalize import fold_typography, tokenize, word_key
from comparative_coverage.wording.forms import HONORIFICS

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))

import wording_cases  # noqa: E402  (tests/wording_cases.py: shared with the tests)


def _news_dev() -> Path:
    """``shared/eval-public/news-dev`` beside the checkout (or beside a folder above it)."""
    for folder in HERE.parents[1:]:
        if (folder / "shared" / "eval-public" / "news-dev").is_dir():
            return folder / "shared" / "eval-public" / "news-dev"
    return HERE.parents[1] / "shared" / "eval-public" / "news-dev"


NEWS_DEV = _news_dev()
GOLD_KINDS = (
    "name",
    "label",
    "spelling",
    "attribution",
    "dateline",
    "number",
    "format",
    "honorific",
    "typo",
)
TO_GOLD = {
    "name_variant": "name",
    "name_form": "name",
    "added_detail": "rewording",
    "dropped_detail": "rewording",
    "other": "rewording",
    "grammar": "rewording",
    "rewritten": "rewording",
    "word_choice": "rewording",
}
TARGETS = {
    "name": (0.90, 0.90),
    "label": (0.80, 0.90),
    "spelling": (0.95, None),
    "attribution": (0.90, None),
    "number": (0.80, None),
    "format": (0.80, None),
    "dateline": (0.80, None),
}


def _tokens(text: str | None) -> list[str]:
    return [t.text.casefold() for t in tokenize(fold_typography(text or ""))]


def changed_words(a: str | None, b: str | None) -> set[str]:
    """The tokens one side of an edit has and the other lacks (words first)."""
    ta, tb = Counter(_tokens(a)), Counter(_tokens(b))
    diff = set((ta - tb) | (tb - ta))
    words = {w for w in diff if w[:1].isalnum()}
    if words:
        return words
    if diff:
        return diff
    return {w for w in ta | tb if not w[:1].isalnum()} or set(ta | tb)


def _edit_record(edit: dict, a_sents, b_sents) -> dict:
    return {
        "kind": edit["kind"],
        "a": edit.get("a"),
        "b": edit.get("b"),
        "a_sents": set(a_sents),
        "b_sents": set(b_sents),
        "words": changed_words(edit.get("a"), edit.get("b")),
    }


def gold_pairs(root: Path):
    """(story, pair, a sentences, b sentences, notable edits, all typed edits) per pair."""
    for path in sorted(root.glob("*/gold.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        versions = gold["versions"]
        for pair in gold["pairs"]:
            notable = [_edit_record(e, e["a_sents"], e["b_sents"]) for e in pair["notable_edits"]]
            typed = list(notable)
            for group in pair["alignments"]:
                for e in group["typed_edits"]:
                    typed.append(_edit_record(e, group["a"], group["b"]))
                for edge in group["edges"]:
                    for e in edge["typed_edits"]:
                        typed.append(_edit_record(e, [edge["a"]], [edge["b"]]))
            yield (
                path.parent.name,
                pair,
                versions[pair["a"]]["sentences"],
                versions[pair["b"]]["sentences"],
                notable,
                typed,
            )


def _matches(change: dict, edit: dict) -> bool:
    here = change["a_index"] in edit["a_sents"] or change["b_index"] in edit["b_sents"]
    return here and bool(change["words"] & edit["words"])


def score_news_dev(root: Path, *, show: str | None = None) -> dict:
    found, total = Counter(), Counter()
    right, judged = Counter(), Counter()
    unjudged, kinds_all, unseen = Counter(), Counter(), Counter()
    misses: list[str] = []
    honorific_labels: list[str] = []
    for story, pair, sents_a, sents_b, notable, typed in gold_pairs(root):
        alignment = cc.align(sents_a, sents_b, a_name=pair["a"], b_name=pair["b"])
        changes = []
        for row in cc.classify_changes(alignment):
            changes.append(
                {
                    "a_index": row.a_index,
                    "b_index": row.b_index,
                    "kind": TO_GOLD.get(row.kind, row.kind),
                    "raw": row.kind,
                    "words": changed_words(row.a_words, row.b_words)
                    | set(_tokens(row.a_words))
                    | set(_tokens(row.b_words)),
                    "text": f"{row.a_words!r} -> {row.b_words!r} [{row.kind}/{row.detail}]",
                }
            )
            kinds_all[row.kind] += 1
            if row.kind == "label" and _honorific_in(f"{row.a_words} {row.b_words}"):
                honorific_labels.append(changes[-1]["text"])
        for edit in notable:
            total[edit["kind"]] += 1
            near = [c for c in changes if _matches(c, edit)]
            if not near:
                unseen[edit["kind"]] += 1  # its sentences were not paired, or not changed
            if any(c["kind"] == edit["kind"] for c in near):
                found[edit["kind"]] += 1
            elif show in (edit["kind"], "all"):
                got = "; ".join(c["text"] for c in near) or "no matching change"
                misses.append(
                    f"{story} {pair['a']}->{pair['b']} {edit['kind']}: {edit['a']!r} -> {edit['b']!r}: {got}"
                )
        for change in changes:
            if change["kind"] == "rewording":
                continue
            near = [e for e in typed if _matches(change, e)]
            if not near:
                unjudged[change["kind"]] += 1
                continue
            judged[change["kind"]] += 1
            if any(e["kind"] == change["kind"] for e in near):
                right[change["kind"]] += 1
            elif show in (change["kind"], "all"):
                gold = ", ".join(sorted({e["kind"] for e in near}))
                misses.append(
                    f"{story} {pair['a']}->{pair['b']} FALSE {change['text']} (gold: {gold})"
                )
    return {
        "found": found,
        "total": total,
        "right": right,
        "judged": judged,
        "unjudged": unjudged,
        "kinds": kinds_all,
        "unseen": unseen,
        "misses": misses,
        "honorific_labels": honorific_labels,
    }


def _honorific_in(text: str) -> bool:
    """Does a label's text hold a courtesy title (Mr, Ms)? Issue 14: never a label."""
    return any(word_key(w).rstrip(".") in HONORIFICS for w in text.split())


def _pct(n: int, d: int) -> str:
    return f"{100 * n / d:5.1f}%" if d else "    -"


def print_news_dev(result: dict) -> None:
    print("news-dev gold typed edits (notable_edits), aligned with cc.align")
    print(
        f"{'kind':<12} {'recall':>8} {'found':>7} {'precision':>10} {'right':>9} {'unjudged':>9} {'no change':>9}  target"
    )
    for kind in GOLD_KINDS:
        f, t = result["found"][kind], result["total"][kind]
        r, j = result["right"][kind], result["judged"][kind]
        target = TARGETS.get(kind)
        goal = ""
        if target:
            goal = f"R>={target[0]:.0%}" + (f" P>={target[1]:.0%}" if target[1] else "")
        print(
            f"{kind:<12} {_pct(f, t):>8} {f:>3}/{t:<3} {_pct(r, j):>10} {r:>4}/{j:<4} {result['unjudged'][kind]:>9} {result['unseen'][kind]:>9}  {goal}"
        )
    all_changes = sum(result["kinds"].values())
    print(
        f"other share: {_pct(result['kinds']['other'], all_changes).strip()} "
        f"({result['kinds']['other']}/{all_changes} toolkit changes; target < 15%)"
    )
    print(
        f"honorifics reported as labels: {len(result['honorific_labels'])}"
        + "".join(f"\n   {t}" for t in result["honorific_labels"])
    )
    print("toolkit kinds:", ", ".join(f"{k} {n}" for k, n in result["kinds"].most_common()))


def print_cases() -> None:
    print("labelled cases (tests/cases/*.json)")
    print(
        f"{'family':<13} {'label':<15} {'cases':>6} {'wild+seed':>10} {'precision':>10} {'recall':>8} {'xfail':>6}"
    )
    for family in wording_cases.FAMILIES:
        cases = wording_cases.load(family)
        real = sum(1 for c in cases if not c["origin"].startswith("synthetic"))
        tp, fp, fn = defaultdict(int), defaultdict(int), defaultdict(int)
        for case in cases:
            expected, got = wording_cases.run(family, case)
            if expected == got:
                tp[expected] += 1
            else:
                fp[got] += 1
                fn[expected] += 1
        for label in sorted(set(tp) | set(fn) | set(fp)):
            if label in wording_cases.NEGATIVE:
                continue
            p = _pct(tp[label], tp[label] + fp[label])
            r = _pct(tp[label], tp[label] + fn[label])
            xfails = sum(
                1 for c in cases if c.get("xfail") and wording_cases.expected(family, c) == label
            )
            print(
                f"{family:<13} {label:<15} {tp[label] + fn[label]:>6} {'':>10} {p:>10} {r:>8} {xfails:>6}"
            )
        print(f"{family:<13} {'(all)':<15} {len(cases):>6} {real:>10}")


def print_figure_cases() -> None:
    """``tests/cases/figures.json``: figures updated across sentences (wording/figures.py),
    scored pair by pair: an expected (a count, b count) found, missed, or found falsely."""
    from comparative_coverage.wording.figures import updated_figures

    cases = json.loads((HERE.parent / "tests" / "cases" / "figures.json").read_text("utf-8"))
    tp = fp = fn = 0
    for case in cases:
        alignment = cc.align(case["a"], case["b"])
        got = {
            (
                alignment.a_sentences[x.sentence][x.start : x.end],
                alignment.b_sentences[y.sentence][y.start : y.end],
            )
            for x, y in updated_figures(alignment)
        }
        want = {tuple(pair) for pair in case["updated"]}
        tp, fp, fn = tp + len(got & want), fp + len(got - want), fn + len(want - got)
    real = sum(1 for c in cases if not c["origin"].startswith("synthetic"))
    print(
        f"{'figures':<13} {'updated':<15} {tp + fn:>6} {'':>10} {_pct(tp, tp + fp):>10} "
        f"{_pct(tp, tp + fn):>8} {0:>6}"
    )
    print(f"{'figures':<13} {'(all)':<15} {len(cases):>6} {real:>10}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--news-dev", type=Path, default=NEWS_DEV)
    parser.add_argument(
        "--misses", help="print the misses and false hits of one gold kind (or all)"
    )
    parser.add_argument("--no-cases", action="store_true")
    args = parser.parse_args()
    if not args.no_cases:
        print_cases()
        print_figure_cases()
        print()
    if not args.news_dev.is_dir():
        print(f"{args.news_dev} is absent: news-dev not scored")
        return
    cpu, wall = time.process_time(), time.perf_counter()
    result = score_news_dev(args.news_dev, show=args.misses)
    print_news_dev(result)
    print(f"time: {time.perf_counter() - wall:.1f} s wall, {time.process_time() - cpu:.1f} s CPU")
    for line in result["misses"]:
        print("  ", line)


if __name__ == "__main__":
    main()
