"""Alignment quality on real data, each row beside the difflib baseline run in the same go.

Rows (all links are sentence links (i, j); a merge or split unit counts every link it makes):

- **news-dev, sentence lists**: the six real stories of ``shared/eval-public/news-dev``
  scored by its own ``score.py`` (all / strong / body links, micro P R F1), with the
  gold sentence lists as input. The toolkit's links are every unit's links plus every
  restatement link. The per-story all-links F1 follows, split into two halves (the
  first three stories and the last three) as a held-out check: the defaults were
  calibrated on all six (see the README's "Alignment" section), so a half that scores
  much worse than the other would show a rule fitted to a few stories.
- **news-dev, end to end**: the ``.raw.txt`` pages (chrome, teasers and doubled
  captions included) through ``cc.read_text`` (reader), the splitter and the aligner.
  The toolkit aligns the two read articles (``cc.align(a, b, lines=True)`` on ``Article``s: titles
  with titles, deks and captions linked to the body sentences they restate); the
  baseline gets each version as ``[title, dek, *captions, *body sentences]``. Predicted
  sentences are mapped to gold sentences by character overlap: a predicted sentence
  stands for every gold sentence of its version such that the shorter of the two
  (lower-cased, spaces collapsed, 15 characters or more) is found at 90% or better in
  one stretch of the longer (rapidfuzz ``partial_ratio``), so a sentence the splitter
  cut in two maps to the one gold sentence and a glued pair maps to both. A predicted link (p, q) stands for every gold
  pair (g, h) with g in map(p) and h in map(q); a link whose ends map to nothing (page
  chrome) is one false positive. A second row aligns only the body sentences
  (``lines=False``, the Python API's default), to show what the page lines add. Most of
  this row's false links are not the aligner's: the splitter keeps a quotation of
  several sentences whole where the gold splits it, and such a glued sentence maps to
  each gold sentence it holds.
- **DEplain-web test, exact n:m units**: German complex/simple document pairs
  (``shared/eval-public/deplain-web``); a predicted unit counts only when its ``a`` and
  ``b`` sentence sets equal a gold group's. The baseline's units are the connected
  groups of its links. Link P R F1 is printed beside, and how many gold units of each
  shape (1:1, 1:n split, n:1 merge, n:m) each aligner finds exactly: where the misses are.
  The same is then run with the ``simplification`` genre preset
  (``cc.Options.for_genre("simplification")``, calibrated by
  ``benchmarks/calibrate_genre.py``): the 2-fold cross-validated row scores each half
  of the documents with the options fitted on the other half (the ``[cross_validation]``
  tables of ``coverage/resources/genres/simplification.toml``), the figure to quote;
  the in-sample row runs the preset as shipped (fitted on all documents: optimistic).
  ``--option`` changes only the first rows.
- **flagship**: the sample's Asharq Al-Awsat / Defense Post pair against the links
  ``tests/test_align.py`` spells out.

Tried and not adopted (news-dev all / body links, DEplain exact units; measured before
``mutual_allowance``, when the defaults gave 89.6 / 92.2 / 66.6): a Gale-Church-style DP over the unpaired runs between kept pairs,
taking 1:1..1:6 and 6:1 groups whose fused score (each side read as one text) passes
0.30: 89.1 / 92.0 / 65.9 (0.40: no change; 1:n only, above their best pair: 65.9; 1:1
only at 0.27 / 0.29: 89.2 / 92.0 / 65.8, 89.4 / 92.3 / 66.3, the 0.2996 cliff again).
Character 4-gram Dice beside the Indel ratio: their max 89.3 / 92.3 / 66.5 (half A
-0.7, half B +0.7), instead of it 87.4 / 90.8 / 67.6 (3- and 5-grams alike). A join
gated on coverage (share of the single side found across) instead of the fused score:
DEplain 66.7. German suffixes in the light stem: 89.0 / 92.0 / 66.6. A threshold from
each pair's chance level (the 90th percentile of candidate scores below both
sentences' best) would go the wrong way: news-dev pairs' chance level (median 0.24) is
above DEplain's (0.22). Of the DEplain splits found in part, about half the missing
sentences share no content word with the sentence they split from, so no word-based
join reaches them; joining an unpaired neighbour that shares a word with its unit
neighbour would be right 112 times and wrong 210 (news-dev 16 / 98).

Tried beside the stem-matched split join and not adopted (news-dev all / body links,
DEplain exact units with the defaults / with the simplification preset, in-sample; the
split join alone gave 90.7 / 93.4 / 67.4 / 69.8): 1:1 seeds in the gaps between kept
pairs where one sentence holds 0.5 of the other's stems (two words or more), for the
join to grow: 90.6 / 93.2 / 66.0 / 69.2 (0.6: 66.4 / 69.2; three words: 66.6 / 69.5;
measured before the middle-dot fold, against 67.2 / 69.7).
A sentence with a run of two or more such pieces seeded as one split unit when the run
scores 0.40 with it: 90.7 / 93.4 / 67.4 / 70.0 (0.30: 67.2 / 69.7; 0.45: 67.4 / 69.9:
noise). A piece two sentences from its unit joining with the unpaired sentence between:
90.2 / 92.7 / 67.6 / 69.9. A piece whose content words the unit holds already joining
when it holds 0.5-0.9 of them: +0.1 at most. Rival ties allowed: 67.4 / 69.7. Stem
prefix 4 or 6 letters: within 0.1.

The baseline everywhere is ``score.py``'s: ``difflib.SequenceMatcher`` ratio over
normalised lower-cased text, each sentence of either side keeping its best match
above 0.5.

    .venv/bin/python benchmarks/eval_alignment.py [--data-root ../shared/eval-public]
        [--option threshold=0.28 ...]   (calibration: the toolkit with options changed)
        [--rows lists,deplain]          (only these rows: a calibration loop in seconds)
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import time
import tomllib
from collections import Counter
from pathlib import Path

from calibrate_genre import fold_of
from rapidfuzz import fuzz

import comparative_coverage as cc

ROOT = Path(__file__).resolve().parent.parent
# beside the checkout (CI), or beside a folder holding it (a git worktree)
DATA = next(
    (p / "shared" / "eval-public" for p in ROOT.parents if (p / "shared" / "eval-public").is_dir()),
    ROOT.parent / "shared" / "eval-public",
)
GENRE = ROOT / "coverage" / "resources" / "genres" / "simplification.toml"
_OVERLAP = 90  # share (%) of the shorter text found in one aligned stretch of the longer
_SHORTEST = 15  # characters: a shorter scrap (a credit, a bullet) maps to nothing
FIRST_HALF = (
    "c919-first-commercial-flight-2023",
    "germany-cannabis-legal-2024",
    "haniyeh-killed-tehran-2024",
)
ROWS = ("lists", "e2e", "deplain", "flagship")
OPTIONS: cc.Options | None = None  # the toolkit's options (``--option``; default: defaults)
# the flagship expectations of tests/test_align.py: (a, b) links of the units
FLAGSHIP = {(0, 0), (7, 1), (8, 2), (1, 3), (2, 4), (3, 5), (4, 6), (5, 7), (6, 8)}


def load_scorer(folder: Path):
    spec = importlib.util.spec_from_file_location("news_dev_score", folder / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def toolkit(a: list[str], b: list[str]) -> set[tuple[int, int]]:
    alignment = cc.align(a, b, diffs=False, options=OPTIONS)
    links = {(i, j) for unit in alignment.units for i in unit.a for j in unit.b}
    return links | {(r.a, r.b) for r in alignment.restatements}


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return 100 * p, 100 * r, (200 * p * r / (p + r) if p + r else 0.0)


def row(label: str, ours: tuple, base: tuple) -> str:
    cell = lambda s: f"{s[0]:5.1f} {s[1]:5.1f} {s[2]:5.1f}"  # noqa: E731
    return f"| {label:<48} | {cell(ours)} | {cell(base)} |"


def news_dev_lists(score, folder: Path) -> list[str]:
    pairs = score.load_pairs(str(folder))
    lines = []
    results = {}
    for name, fn in (("ours", toolkit), ("base", score.baseline_align)):
        total, by_story = score.evaluate(fn, pairs, {})
        results[name] = (total, by_story)
    for setting in score.SETTINGS:
        ours, base = (results[k][0][setting].prf() for k in ("ours", "base"))
        lines.append(
            row(
                f"news-dev lists, {setting}",
                tuple(100 * x for x in ours),
                tuple(100 * x for x in base),
            )
        )
    halves = {"held-out half A (3 stories)": FIRST_HALF, "held-out half B (3 stories)": None}
    for label, stories in halves.items():
        scores = []
        for name in ("ours", "base"):
            counts = score.Counts()
            for story, per in results[name][1].items():
                if (story in FIRST_HALF) == (stories is not None):
                    c = per["all links"]
                    counts.tp, counts.fp, counts.fn = (
                        counts.tp + c.tp,
                        counts.fp + c.fp,
                        counts.fn + c.fn,
                    )
            scores.append(tuple(100 * x for x in counts.prf()))
        lines.append(row(f"news-dev lists, all, {label}", *scores))
    return lines


def _plain(text: str) -> str:
    return " ".join(text.lower().split())


def _maps(predicted: list[str], gold: list[str]) -> list[set[int]]:
    """Each predicted sentence -> the gold sentences it overlaps (see the module docstring)."""
    gold_plain = [_plain(g) for g in gold]
    maps = []
    for text in predicted:
        p = _plain(text)
        maps.append(
            {
                k
                for k, g in enumerate(gold_plain)
                if min(len(p), len(g)) >= _SHORTEST and fuzz.partial_ratio(p, g) >= _OVERLAP
            }
        )
    return maps


def _read(raw: str) -> cc.Article:
    return max(cc.read_text(raw), key=lambda a: len(a.sentences))


def _as_list(article: cc.Article) -> list[str]:
    """The baseline's input: the page's lines in reading order, as one list."""
    lines = [article.title, article.dek, *article.captions]
    return [t for t in lines if t and t.strip()] + [s.text for s in article.sentences]


def _article_links(a: cc.Article, b: cc.Article, *, lines: bool = True):
    """The toolkit on the articles: every unit link and restatement link, with both texts."""
    alignment = cc.align(a, b, diffs=False, lines=lines, options=OPTIONS)
    links = {(i, j) for unit in alignment.units for i in unit.a for j in unit.b}
    links |= {(r.a, r.b) for r in alignment.restatements}
    return links, alignment.a_sentences, alignment.b_sentences


def _cached_maps(cache: dict, texts, gold: list[str]) -> list[set[int]]:
    key = (tuple(texts), tuple(gold))
    if key not in cache:
        cache[key] = _maps(list(texts), gold)
    return cache[key]


def news_dev_end_to_end(score, folder: Path) -> list[str]:
    counts = {"ours": Counter(), "body": Counter(), "base": Counter()}
    for gold_path in sorted(folder.glob("*/gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        read, cache = {}, {}
        for name, version in gold["versions"].items():
            raw = (gold_path.parent / version["raw_file"]).read_text(encoding="utf-8")
            read[name] = _read(raw)
        for pair in gold["pairs"]:
            a, b = read[pair["a"]], read[pair["b"]]
            truth = {tuple(x) for x in pair["pairs_flat"]}
            ours = _article_links(a, b)
            body = _article_links(a, b, lines=False)
            la, lb = _as_list(a), _as_list(b)
            base = (set(score.baseline_align(la, lb)), la, lb)
            for name, (links, ta, tb) in (("ours", ours), ("body", body), ("base", base)):
                ma, mb = (
                    _cached_maps(cache, texts, gold["versions"][name]["sentences"])
                    for texts, name in ((ta, pair["a"]), (tb, pair["b"]))
                )
                found, fp = set(), 0
                for p, q in links:
                    mapped = {(g, h) for g in ma[p] for h in mb[q]}
                    if mapped:
                        found |= mapped
                    else:
                        fp += 1
                c = counts[name]
                c["tp"] += len(found & truth)
                c["fp"] += len(found - truth) + fp
                c["fn"] += len(truth - found)
    ours, body, base = (prf(c["tp"], c["fp"], c["fn"]) for c in counts.values())
    return [
        row("news-dev end to end (raw pages), all", ours, base),
        row("news-dev end to end, body only (lines=False)", body, base),
    ]


def _components(links: set[tuple[int, int]]) -> set[tuple[tuple[int, ...], tuple[int, ...]]]:
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(x):
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j in links:
        parent[find(("a", i))] = find(("b", j))
    groups: dict = {}
    for node in list(parent):
        groups.setdefault(find(node), []).append(node)
    return {
        (
            tuple(sorted(k for side, k in nodes if side == "a")),
            tuple(sorted(k for side, k in nodes if side == "b")),
        )
        for nodes in groups.values()
    }


def _deplain_counts(pairs: list[dict], options_of) -> tuple[Counter, Counter, Counter]:
    """The toolkit's exact-unit and link counts on every document pair, with each
    document's options ``options_of(pair)``, and the gold units found by shape."""
    units, links, shapes = Counter(), Counter(), Counter()
    for pair in pairs:
        gold = {(tuple(g["a"]), tuple(g["b"])) for g in pair["gold_groups"]}
        gold_links = {(a, b) for a, b, _ in pair["gold"]}
        alignment = cc.align(
            pair["sents_a"], pair["sents_b"], diffs=False, options=options_of(pair)
        )
        ours = {(u.a, u.b) for u in alignment.units if u.a and u.b}
        ours_links = {(i, j) for u in alignment.units for i in u.a for j in u.b}
        for counter, p, g in ((units, ours, gold), (links, ours_links, gold_links)):
            counter["tp"] += len(p & g)
            counter["fp"] += len(p - g)
            counter["fn"] += len(g - p)
        shapes.update(_shape(g) for g in ours & gold)
    return units, links, shapes


def _by_shape(label: str, ours: Counter, base: Counter, gold: Counter) -> str:
    return f"DEplain gold units found exactly, by shape, {label} (toolkit | baseline / gold): " + (
        ", ".join(
            f"{shape} {ours[shape]} | {base[shape]} / {n}" for shape, n in sorted(gold.items())
        )
    )


def deplain(score, path: Path) -> list[str]:
    pairs = json.loads(path.read_text(encoding="utf-8"))
    base_units, base_links, base_shapes, gold_shapes = Counter(), Counter(), Counter(), Counter()
    for pair in pairs:
        gold = {(tuple(g["a"]), tuple(g["b"])) for g in pair["gold_groups"]}
        gold_shapes.update(_shape(g) for g in gold)
        gold_links = {(a, b) for a, b, _ in pair["gold"]}
        predicted_links = set(score.baseline_align(pair["sents_a"], pair["sents_b"]))
        predicted = _components(predicted_links)
        for counter, p, g in (
            (base_units, predicted, gold),
            (base_links, predicted_links, gold_links),
        ):
            counter["tp"] += len(p & g)
            counter["fp"] += len(p - g)
            counter["fn"] += len(g - p)
        base_shapes.update(_shape(g) for g in predicted & gold)
    units, links, shapes = _deplain_counts(pairs, lambda pair: OPTIONS)
    preset = GENRE.read_text(encoding="utf-8")
    folds = tomllib.loads(preset)["cross_validation"]
    fits = {half: cc.Options().but(**folds[f"half_{half}"]) for half in (0, 1)}
    held_out, _, held_shapes = _deplain_counts(pairs, lambda pair: fits[fold_of(pair["id"])])
    shipped = cc.Options.for_genre("simplification")
    in_sample, _, _ = _deplain_counts(pairs, lambda pair: shipped)
    base = prf(base_units["tp"], base_units["fp"], base_units["fn"])
    unit_row = lambda label, c: row(label, prf(c["tp"], c["fp"], c["fn"]), base)  # noqa: E731
    return [
        unit_row("DEplain-web test, exact n:m units", units),
        row(
            "DEplain-web test, links",
            prf(links["tp"], links["fp"], links["fn"]),
            prf(base_links["tp"], base_links["fp"], base_links["fn"]),
        ),
        unit_row("DEplain, simplification preset, 2-fold CV", held_out),
        unit_row("DEplain, simplification preset (in-sample)", in_sample),
        "",
        _by_shape("options as run", shapes, base_shapes, gold_shapes),
        _by_shape("preset, 2-fold CV", held_shapes, base_shapes, gold_shapes),
        "",
    ]


def _shape(group: tuple[tuple[int, ...], tuple[int, ...]]) -> str:
    """A unit's shape: 1:1, 1:n (a split), n:1 (a merge) or n:m."""
    a, b = len(group[0]), len(group[1])
    return "1:1" if a == b == 1 else "1:n" if a == 1 else "n:1" if b == 1 else "n:m"


def flagship(score) -> list[str]:
    articles = {a.id: a for a in cc.read_articles(ROOT / "data" / "sample")}
    a = [s.text for s in articles["000_2b30075c1d741493#1"].sentences]
    b = [s.text for s in articles["001_d4fe8bf4671f7d50#1"].sentences]
    rows = []
    for fn in (toolkit, score.baseline_align):
        found = set(fn(a, b))
        rows.append(prf(len(found & FLAGSHIP), len(found - FLAGSHIP), len(FLAGSHIP - found)))
    return [row("flagship pair (data/sample)", *rows)]


def _option(text: str) -> tuple[str, float | int]:
    name, _, value = text.partition("=")
    return name.strip(), int(value) if value.strip().isdigit() else float(value)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data-root", type=Path, default=DATA)
    parser.add_argument(
        "--option",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="run the toolkit with this option changed (repeatable), e.g. threshold=0.28",
    )
    parser.add_argument(
        "--rows",
        default=",".join(ROWS),
        help=f"the rows to run, comma-separated (default all: {','.join(ROWS)}); "
        "calibration loops can skip the slow end-to-end and DEplain rows",
    )
    args = parser.parse_args()
    rows = set(args.rows.split(","))
    if not rows <= set(ROWS):
        parser.error(f"--rows takes {', '.join(ROWS)}, not {args.rows!r}")
    global OPTIONS
    OPTIONS = cc.Options().but(**dict(_option(text) for text in args.option))
    if OPTIONS.changed():
        print(f"options changed: {OPTIONS.changed()}\n")
    news = args.data_root / "news-dev"
    plain = args.data_root / "deplain-web" / "deplain_web_test_docpairs.json"
    if not (news / "score.py").is_file():
        raise SystemExit(f"{news} not found; pass --data-root (the eval-public folder)")
    score = load_scorer(news)
    start = time.process_time()
    print("| data | toolkit P R F1 | difflib baseline P R F1 |")
    print("|---|---|---|")
    if "lists" in rows:
        print(*news_dev_lists(score, news), sep="\n")
    if "e2e" in rows:
        print(*news_dev_end_to_end(score, news), sep="\n")
    if "deplain" in rows and plain.is_file():
        print(*deplain(score, plain), sep="\n")
    elif "deplain" in rows:
        print(f"(DEplain skipped: {plain} not found)")
    if "flagship" in rows:
        print(*flagship(score), sep="\n")
    print(f"\n{time.process_time() - start:.1f} s CPU for every row, both aligners")


if __name__ == "__main__":
    main()
