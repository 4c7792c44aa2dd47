"""How well the reader takes real pages apart: titles, body sentences kept, furniture out.

Two measurements, printed per story and overall:

1. The development set (``../shared/eval-public/news-dev``): each ``<outlet>.raw.txt`` (the
   page as captured) is read by ``read_articles`` and compared with the hand-cleaned
   ``<outlet>.txt`` and the gold sentence lists of ``gold.json``:

   - title: the gold headline (the sentence of unit ``T``) is the article's title; pages
     without one must not get a lead or caption as title ("false titles");
   - body recall: gold body sentences (no headline and no role: not a dek, caption,
     subhead, pull quote, embedded post or credit line) found in the reader's body;
   - furniture in body: the reader's body sentences that are not in the clean text, or
     that are only a gold headline, dek or caption;
   - furniture lines removed: raw lines that the hand clean-up dropped, not in the body;
   - dates: the article's date, read with the set's ``sources.json`` and from the page
     alone, against the date the set gives (a wrong one is worse than none).

2. The labelled cases of ``tests/cases/pages.json`` (story text that must stay, furniture
   that must go): story text kept and furniture removed, by origin.

    .venv/bin/python benchmarks/eval_reading.py [--dev PATH] [--cases PATH] [--verbose]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
import warnings
from collections import Counter, defaultdict
from pathlib import Path

import comparative_coverage as cc

ROOT = Path(__file__).resolve().parent.parent
# beside the repository (CI), or beside the folder of git worktrees (development)
DEV = next(
    (
        base / "shared" / "eval-public" / "news-dev"
        for base in (ROOT.parent, ROOT.parent.parent)
        if (base / "shared" / "eval-public" / "news-dev").is_dir()
    ),
    ROOT.parent / "shared" / "eval-public" / "news-dev",
)
CASES = ROOT / "tests" / "cases" / "pages.json"
NOT_BODY_ROLES = {"dek", "caption", "subhead", "pullquote", "embed", "attribution"}
FURNITURE_ROLES = {"dek", "caption"}
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})
_DATE_MARK = re.compile(r"^\s*date \d{4}-\d\d-\d\d ")


def norm(text: str) -> str:
    """NFKC, straight quotes, collapsed white space: how sentences are matched."""
    return " ".join(unicodedata.normalize("NFKC", text).translate(_QUOTES).split())


def load_roles(dev: Path) -> dict[str, dict[str, dict[int, str]]]:
    """The annotation's roles (dek, caption, ...) per story and version, from annotations.py."""
    sys.path.insert(0, str(dev))
    try:
        import annotations  # the development set's own hand annotation
    finally:
        sys.path.pop(0)
    return {story: data.get("roles", {}) for story, data in annotations.STORIES.items()}


def score_version(raw: Path, clean: Path, gold: dict, roles: dict[int, str]) -> dict:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        articles = cc.read_articles(raw)
    body = " ".join(norm(p) for a in articles for p in a.paragraphs)
    title = articles[0].title if articles else ""
    sentences = gold["sentences"]
    headline = [s for i, s in enumerate(sentences) if "T" in gold["cu_map"][i]]
    gold_body = [
        s for i, s in enumerate(sentences) if "T" not in gold["cu_map"][i] and i not in roles
    ]
    not_story = [norm(s) for s in headline] + [
        norm(sentences[i]) for i, role in roles.items() if role in FURNITURE_ROLES
    ]
    story = [norm(s) for s in gold_body]
    clean_text = norm(clean.read_text(encoding="utf-8"))
    found = [s for s in gold_body if norm(s) in body]
    ours = [norm(s.text) for a in articles for s in a.sentences]
    furniture = [
        s
        for s in ours
        if s not in clean_text
        or (any(s in x for x in not_story) and not any(s in x for x in story))
    ]
    clean_lines = {norm(line) for line in clean.read_text(encoding="utf-8").splitlines()}
    raw_lines = [norm(_DATE_MARK.sub("", line)) for line in raw.read_text("utf-8").splitlines()]
    dropped = [line for line in raw_lines if line and line not in clean_lines]
    dropped = [line for line in dropped if not any(line in c for c in clean_lines)]
    return {
        "title_gold": bool(headline),
        "title_ok": bool(headline) and norm(title) == norm(headline[0]),
        "false_title": not headline and bool(title),
        "title": title,
        "gold_title": headline[0] if headline else "",
        "gold_body": len(gold_body),
        "found": len(found),
        "missed": [s for s in gold_body if s not in found],
        "body_sentences": len(ours),
        "furniture": furniture,
        "dropped_lines": len(dropped),
        "dropped_in_body": [line for line in dropped if line in body],
    }


def eval_dev(dev: Path, verbose: bool) -> None:
    roles = load_roles(dev)
    print("## Development set: real pages (.raw.txt) against the hand clean-up and gold.json\n")
    header = (
        f"{'story':<34} {'pages':>5} {'titles':>7} {'false':>5} {'body kept':>13} "
        f"{'furniture in body':>18} {'furniture lines out':>20}"
    )
    print(header)
    print("-" * len(header))
    total: dict[str, int] = defaultdict(int)
    for folder in sorted(p for p in dev.iterdir() if (p / "gold.json").is_file()):
        gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
        row: dict[str, int] = defaultdict(int)
        for version, data in gold["versions"].items():
            result = score_version(
                folder / data["raw_file"],
                folder / data["file"],
                data,
                {int(k): v for k, v in roles.get(folder.name, {}).get(version, {}).items()},
            )
            row["pages"] += 1
            row["titles"] += result["title_gold"]
            row["titles_ok"] += result["title_ok"]
            row["false"] += result["false_title"]
            row["gold"] += result["gold_body"]
            row["found"] += result["found"]
            row["ours"] += result["body_sentences"]
            row["furniture"] += len(result["furniture"])
            row["dropped"] += result["dropped_lines"]
            row["dropped_in"] += len(result["dropped_in_body"])
            if verbose:
                _explain(folder.name, version, result)
        _row(folder.name, row)
        for key, value in row.items():
            total[key] += value
    print("-" * len(header))
    _row("overall", total)
    eval_folder(dev)


def eval_folder(dev: Path) -> None:
    """The whole tree read at once, as `compare-coverage articles DEV --include '*.raw.txt'`;
    then each page alone (no sources file): whose date it finds, against the set's date."""
    expected, dates, pages = {}, {}, []
    for sources in dev.glob("*/sources.json"):
        for version in json.loads(sources.read_text(encoding="utf-8"))["versions"].values():
            key = f"{sources.parent.name}/{version['raw_file'][:-4]}#1"
            expected[key] = version["outlet"]
            dates[key] = (version.get("date") or "")[:10]  # "2022-09-16 (event date; ...)"
            pages.append((sources.parent / version["raw_file"], dates[key]))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        articles = cc.read_articles(dev, include="*.raw.txt")
    right = sum(expected.get(a.id) == a.outlet for a in articles)
    dated = sum(dates.get(a.id) == a.date for a in articles)
    unique = len({a.id for a in articles}) == len(articles)
    print(
        f"\nfolder read (include '*.raw.txt'): {len(articles)} articles, outlet right for "
        f"{right}/{len(expected)}, date right for {dated}/{len(dates)}, ids unique: {unique}, "
        f"warnings: {len(caught)}"
    )
    found = Counter()
    for path, date in pages:
        article = max(cc.read_text(path.read_text(encoding="utf-8")), key=lambda a: len(a.body))
        found["none" if article.date is None else "right" if article.date == date else "wrong"] += 1
    print(
        f"dates from the pages alone (no sources file): right {found['right']}, "
        f"wrong {found['wrong']} (a date the page shows that is not the article's), "
        f"none {found['none']}"
    )


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f}%" if whole else "    -"


def _row(name: str, row: dict[str, int]) -> None:
    removed = row["dropped"] - row["dropped_in"]
    print(
        f"{name:<34} {row['pages']:>5} {row['titles_ok']:>3}/{row['titles']:<3} {row['false']:>5} "
        f"{row['found']:>4}/{row['gold']:<4}{_pct(row['found'], row['gold']):>5} "
        f"{row['furniture']:>5}/{row['ours']:<4}{_pct(row['furniture'], row['ours']):>7} "
        f"{removed:>5}/{row['dropped']:<4}{_pct(removed, row['dropped']):>9}"
    )


def _explain(story: str, version: str, result: dict) -> None:
    problems = []
    if result["title_gold"] and not result["title_ok"]:
        problems.append(f"  title {result['title']!r} (gold {result['gold_title']!r})")
    if result["false_title"]:
        problems.append(f"  false title {result['title']!r}")
    problems += [f"  missed: {s[:100]}" for s in result["missed"]]
    problems += [f"  furniture: {s[:100]}" for s in result["furniture"]]
    problems += [f"  line kept: {s[:100]}" for s in result["dropped_in_body"]]
    if problems:
        print(f"{story}/{version}")
        print("\n".join(problems))


# ---- labelled cases --------------------------------------------------------------------


def place_of(case: dict) -> str:
    """Where the case's text landed: body, title, dek, caption or skipped."""
    page = case["context"].replace("{text}", case["text"])
    articles = cc.read_text(page)
    start = case["context"].index("{text}")
    end = start + len(case["text"])
    for article in articles:
        for s, e in article.source_spans:
            if s < end and e > start:
                return "body"
    for article in articles:
        if norm(case["text"]) == norm(article.title):
            return "title"
        if article.dek and norm(case["text"]) in norm(article.dek):
            return "dek"
        if any(norm(case["text"]) in norm(c) for c in article.captions):
            return "caption"
    return "skipped"


def eval_cases(path: Path, verbose: bool) -> None:
    cases = json.loads(path.read_text(encoding="utf-8"))["cases"]
    print(f"\n## Labelled cases ({path.relative_to(ROOT)}): {len(cases)} paragraphs in context\n")
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for case in cases:
        place = place_of(case)
        story = case["expected"] == "body"
        right = place == "body" if story else place != "body"
        for origin in (case["origin"].split()[0], "all"):
            counts[(origin, "story" if story else "furniture")][0] += right
            counts[(origin, "story" if story else "furniture")][1] += 1
        if verbose and not right:
            print(f"  wrong: {case['id']}: expected {case['expected']}, got {place}")
    print(f"{'origin':<10} {'story text kept':>18} {'furniture removed':>20}")
    for origin in sorted({o for o, _ in counts}, key=lambda o: (o == "all", o)):
        kept = counts[(origin, "story")]
        removed = counts[(origin, "furniture")]
        print(
            f"{origin:<10} {kept[0]:>5}/{kept[1]:<4}{_pct(*kept):>8} "
            f"{removed[0]:>5}/{removed[1]:<4}{_pct(*removed):>10}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dev", type=Path, default=DEV)
    parser.add_argument("--cases", type=Path, default=CASES)
    parser.add_argument("--verbose", action="store_true", help="list every miss")
    args = parser.parse_args()
    if args.dev.is_dir():
        eval_dev(args.dev, args.verbose)
    else:
        print(f"{args.dev} not found: development set skipped")
    if args.cases.is_file():
        eval_cases(args.cases, args.verbose)


if __name__ == "__main__":
    main()
