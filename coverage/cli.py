"""The command line: ``compare-coverage SUBCOMMAND ...``, a thin shell over the package."""

from __future__ import annotations

import argparse
import shutil
import sys
import textwrap
import warnings
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from .align import align
from .compare import compare
from .errors import ArticleNotFound, CoverageError
from .exercises import EXERCISE_KINDS
from .read import read_articles
from .stories import find_stories
from .tables import (
    alignment_frame,
    articles_frame,
    comparison_frame,
    comparison_summary,
    stories_frame,
)

PROG = "compare-coverage"


def _write_frame(frame: pd.DataFrame, *, fmt: str, output: str | None) -> None:
    if fmt == "csv":
        text = frame.to_csv(index=False)
    elif fmt == "json":
        text = frame.to_json(orient="records", force_ascii=False, indent=2) + "\n"
    else:
        shown = frame.astype(object).where(frame.notna(), "")
        for column in shown.columns:
            shown[column] = shown[column].map(
                lambda v: v if not isinstance(v, str) or len(v) <= 60 else v[:57] + "..."
            )
        text = shown.to_string(index=False) + "\n"
    if output:
        Path(output).parent.mkdir(parents=True, exist_ok=True)
        Path(output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


def _articles(args: argparse.Namespace) -> int:
    frame = articles_frame(read_articles(args.paths))
    fmt = args.format or _format_from_suffix(args.output)
    _write_frame(frame, fmt=fmt, output=args.output)
    return 0


def _one_article(path: str) -> object:
    articles = read_articles(path)
    if len(articles) > 1:
        raise ArticleNotFound(
            f"{path} holds {len(articles)} articles; pick one with "
            f"{path}#1 ... {path}#{len(articles)}"
        )
    return articles[0]


def _align(args: argparse.Namespace) -> int:
    options = {"threshold": args.threshold} if args.threshold is not None else {}
    alignment = align(_one_article(args.a), _one_article(args.b), **options)
    fmt = args.format or _format_from_suffix(args.output)
    if fmt == "table":
        text = _alignment_table(alignment)
        if args.output:
            Path(args.output).write_text(text, encoding="utf-8")
        else:
            sys.stdout.write(text)
        return 0
    _write_frame(alignment_frame(alignment), fmt=fmt, output=args.output)
    return 0


def _alignment_table(alignment) -> str:
    """A terminal view: one block per unit, status first, word edits spelled out."""
    width = shutil.get_terminal_size((100, 20)).columns
    lines = [
        f"a = {alignment.a_name} ({len(alignment.a_sentences)} sentences)   "
        f"b = {alignment.b_name} ({len(alignment.b_sentences)} sentences)",
        "",
    ]
    for unit in alignment.units:
        flag = "  MOVED" if unit.moved else ""
        head = f"{unit.status.upper():9}{flag:7} a {_nums(unit.a):>5}  b {_nums(unit.b):>5}  score {unit.score:.2f}"
        lines.append(head)
        for side, indices, sentences in (
            ("a", unit.a, alignment.a_sentences),
            ("b", unit.b, alignment.b_sentences),
        ):
            if indices and (unit.status != "same" or side == "a"):
                text = " ".join(sentences[k] for k in indices)
                lines.extend(
                    textwrap.wrap(
                        text,
                        width=max(40, width - 6),
                        initial_indent=f"  {side}: ",
                        subsequent_indent="     ",
                    )
                )
        for edit in unit.edits:
            if edit.tag != "equal":
                lines.append(f"     ~ {edit}")
        lines.append("")
    counts = ", ".join(f"{v} {k}" for k, v in alignment.counts().items() if v)
    lines.append(counts)
    return "\n".join(lines) + "\n"


def _nums(indices: tuple[int, ...]) -> str:
    return ",".join(str(k) for k in indices) or "-"


def _report(args: argparse.Namespace) -> int:
    from .report import write_report  # imported here: it loads Altair

    path = write_report(
        args.paths, args.output, title=args.title, stories=args.story, outlets=args.outlets
    )
    print(f"wrote {path} ({path.stat().st_size / 1e6:.2f} MB)")
    return 0


def _export(args: argparse.Namespace) -> int:
    from .export import export_notebook  # imported here: it loads nbconvert

    output = args.output or str(Path(args.notebook).with_suffix(".html"))
    path = export_notebook(args.notebook, output)
    print(f"wrote {path}")
    return 0


def _emit(text: str, output: str | None) -> None:
    if output:
        Path(output).parent.mkdir(parents=True, exist_ok=True)
        Path(output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


def _stories(args: argparse.Namespace) -> int:
    options = {"threshold": args.threshold} if args.threshold is not None else {}
    stories = find_stories(read_articles(args.paths), progress=args.progress, **options)
    fmt = args.format or _format_from_suffix(args.output)
    if fmt != "table":
        _write_frame(stories_frame(stories), fmt=fmt, output=args.output)
        return 0
    lines = []
    for story in stories:
        versions = "version" if len(story.articles) == 1 else "versions"
        lines.append(f"{story.id}  {len(story.articles)} {versions}  {story.title}")
        for article in story.articles:
            lines.append(
                f"    {article.id}  {article.outlet or 'unknown'}  {article.date or ''}".rstrip()
            )
        for link in story.links:
            lines.append(
                f"      linked {link.a} <-> {link.b}: {link.share:.0%} of sentences shared, "
                f"score {link.score:.2f}"
            )
    multi = sum(len(s.articles) > 1 for s in stories)
    lines.append(f"\n{len(stories)} stories, {multi} with several versions")
    _emit("\n".join(lines) + "\n", args.output)
    return 0


def _pick_story(stories, wanted: str):
    for story in stories:
        if story.id == wanted:
            return story
    matches = [s for s in stories if wanted.casefold() in s.title.casefold()]
    if len(matches) == 1:
        return matches[0]
    several = f"{len(matches)} stories match" if matches else "no story matches"
    raise ArticleNotFound(
        f"{several} --story {wanted!r}; pass an id from `{PROG} stories`: "
        + ", ".join(f"{s.id} ({s.title[:40]})" for s in (matches or stories)[:8])
    )


def _compare(args: argparse.Namespace) -> int:
    articles = read_articles(args.paths)
    if args.story:
        articles = _pick_story(find_stories(articles), args.story)
    comparison = compare(articles, spine=args.spine)
    fmt = args.format or _format_from_suffix(args.output)
    if args.summary:
        _write_frame(comparison_summary(comparison), fmt=fmt, output=args.output)
    elif fmt == "table":
        _emit(_comparison_table(comparison), args.output)
    else:
        _write_frame(comparison_frame(comparison), fmt=fmt, output=args.output)
    return 0


def _comparison_table(comparison) -> str:
    """A terminal view: one block per unit, each version's sentence on its own lines."""
    width = max(40, shutil.get_terminal_size((100, 20)).columns - 4)
    total = len(comparison.outlets)
    lines = [f"spine: {comparison.outlets[comparison.spine]}  ({total} versions)", ""]
    pad = max(len(o) for o in comparison.outlets)
    for unit in comparison.units:
        lines.append(f"unit {unit.unit}  {unit.status} ({unit.versions}/{total})")
        for label, cell in zip(comparison.outlets, unit.cells, strict=True):
            if cell is None:
                lines.append(f"  {label:<{pad}}  -")
                continue
            flag = f" [{cell.relation}{', moved' if cell.moved else ''}]"
            lines.extend(
                textwrap.wrap(
                    cell.text + flag,
                    width=width,
                    initial_indent=f"  {label:<{pad}}  ",
                    subsequent_indent=" " * (pad + 4),
                )
            )
        lines.append("")
    lines.append(", ".join(f"{v} {k}" for k, v in comparison.counts().items() if v))
    return "\n".join(lines) + "\n"


def _worksheet(args: argparse.Namespace) -> int:
    from .errors import NotEnoughVersions
    from .exercises_html import worksheet_html

    stories = find_stories(read_articles(args.paths))
    if args.story:
        chosen = [_pick_story(stories, wanted) for wanted in args.story]
        single = [s.id for s in chosen if len(s.articles) < 2]
        if single:
            raise NotEnoughVersions(
                f"{', '.join(single)} has only one version here, and exercises compare "
                "versions; add another outlet's version of it"
            )
    else:
        chosen = [s for s in stories if len(s.articles) > 1]
        if not chosen:
            raise NotEnoughVersions(
                "no story in these articles is told in more than one version, and exercises "
                f"compare versions; pass two versions of one story (see `{PROG} stories`)"
            )
    options = {"kinds": args.kinds, "seed": args.seed, "per_kind": args.per_kind}
    output = Path(args.output)
    key = output.with_name(f"{output.stem}-answers{output.suffix or '.html'}")
    output.parent.mkdir(parents=True, exist_ok=True)
    for path, answers in ((output, False), (key, True))[: 1 + args.answers]:
        html = worksheet_html(chosen, answers=answers, title=args.title, **options)
        path.write_text(html, encoding="utf-8", newline="\n")
        print(f"wrote {path}" + (" (the answer key)" if answers else ""))
    return 0


def _format_from_suffix(output: str | None) -> str:
    suffix = Path(output).suffix.lower() if output else ""
    return {".csv": "csv", ".json": "json"}.get(suffix, "table")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG, description="Show how different news outlets told the same story."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    articles = commands.add_parser(
        "articles",
        help="list the articles found in files, folders or tables",
        description="List the articles found: outlet, title, sentence and word counts.",
    )
    articles.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="a file, folder or table; FILE#N picks the N-th article",
    )
    articles.add_argument(
        "--format",
        choices=("table", "csv", "json"),
        help="output format (default: from -o's suffix, else table)",
    )
    articles.add_argument("-o", "--output", help="write to this file instead of the terminal")
    articles.set_defaults(run=_articles)

    aligned = commands.add_parser(
        "align",
        help="align two versions of a story sentence by sentence",
        description="Align version A with version B: pairs, merges, splits, moves, "
        "additions and deletions, with word edits. Sentence indices start at 0.",
    )
    aligned.add_argument("a", metavar="A", help="version a: a file, or FILE#N for its N-th article")
    aligned.add_argument("b", metavar="B", help="version b: a file, or FILE#N")
    aligned.add_argument(
        "--format",
        choices=("table", "csv", "json"),
        help="table (readable in a terminal, the default), csv or json",
    )
    aligned.add_argument("--threshold", type=float, help="least score for a pair (default 0.35)")
    aligned.add_argument("-o", "--output", help="write to this file instead of the terminal")
    aligned.set_defaults(run=_align)

    report = commands.add_parser(
        "report",
        help="write one self-contained HTML report that works offline",
        description="Find the stories in the articles, compare the versions of each and "
        "write one HTML file: summary, charts, side-by-side views. It needs no network.",
    )
    report.add_argument(
        "paths", nargs="+", metavar="PATH", help="a file, folder or table of articles"
    )
    report.add_argument("-o", "--output", required=True, help="the HTML file to write")
    report.add_argument("--title", help="the report's title")
    report.add_argument(
        "--story",
        action="append",
        metavar="STORY",
        help="keep only this story: an id (story-1) or part of its title; repeatable",
    )
    report.add_argument(
        "--outlets", nargs="+", metavar="OUTLET", help="keep only articles from these outlets"
    )
    report.set_defaults(run=_report)

    export = commands.add_parser(
        "export",
        help="export a notebook to HTML whose charts render offline",
        description="Export a notebook with nbconvert to one HTML file whose Altair charts "
        "render with no network (the Vega scripts are inlined).",
    )
    export.add_argument("notebook", metavar="NOTEBOOK", help="an .ipynb file")
    export.add_argument("-o", "--output", help="the HTML file (default: NOTEBOOK.html)")
    export.set_defaults(run=_export)

    stories = commands.add_parser(
        "stories",
        help="group articles into stories: the versions of one report",
        description="Group the articles into stories (rewrites of one report, a story and "
        "its update) and list each story's versions with the evidence that links them.",
    )
    stories.add_argument(
        "paths", nargs="+", metavar="PATH", help="a file, folder or table of articles"
    )
    stories.add_argument(
        "--format",
        choices=("table", "csv", "json"),
        help="table (the default), or csv/json with one row per version",
    )
    stories.add_argument(
        "--threshold",
        type=float,
        help="least share of sentences two versions must share (default 0.3)",
    )
    stories.add_argument("--progress", action="store_true", help="show a progress bar")
    stories.add_argument("-o", "--output", help="write to this file instead of the terminal")
    stories.set_defaults(run=_stories)

    compared = commands.add_parser(
        "compare",
        help="compare N versions of a story in one table",
        description="Align N versions of a story into one table: a row per content unit, a "
        "column per outlet. Without --story, the articles given are the versions.",
    )
    compared.add_argument(
        "paths", nargs="+", metavar="PATH", help="files, folders or tables; FILE#N picks one"
    )
    compared.add_argument(
        "--story", help="compare this story's versions: an id from `stories`, or part of its title"
    )
    compared.add_argument(
        "--spine", help="the reference version: an article id or outlet (default: most shared)"
    )
    compared.add_argument(
        "--summary", action="store_true", help="one row per outlet instead of the table"
    )
    compared.add_argument(
        "--format",
        choices=("table", "csv", "json"),
        help="table (the default), or csv/json with one row per sentence",
    )
    compared.add_argument("-o", "--output", help="write to this file instead of the terminal")
    compared.set_defaults(run=_compare)

    worksheet = commands.add_parser(
        "worksheet",
        help="write a printable classroom worksheet (and its answer key) from the stories",
        description="Make exercises from each story told in more than one version (spot the "
        "change, who said it, what was added or left out, order, labels, quotes) and write a "
        "printable page that needs no network and runs no script.",
    )
    worksheet.add_argument(
        "paths", nargs="+", metavar="PATH", help="a file, folder or table of articles"
    )
    worksheet.add_argument("-o", "--output", required=True, help="the HTML file to write")
    worksheet.add_argument(
        "--answers",
        action="store_true",
        help="also write the answer key, beside OUTPUT as NAME-answers.html",
    )
    worksheet.add_argument(
        "--story",
        action="append",
        metavar="STORY",
        help="only this story: an id from `stories` or part of its title; repeatable",
    )
    worksheet.add_argument(
        "--kinds",
        nargs="+",
        choices=EXERCISE_KINDS,
        metavar="KIND",
        help=f"only these kinds of exercise: {', '.join(EXERCISE_KINDS)}",
    )
    worksheet.add_argument(
        "--seed", type=int, default=0, help="another seed gives other choices and order (default 0)"
    )
    worksheet.add_argument(
        "--per-kind",
        type=int,
        default=3,
        help="at most this many exercises of each kind (default 3)",
    )
    worksheet.add_argument("--title", help="the worksheet's title")
    worksheet.set_defaults(run=_worksheet)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)

    def show_warning(message, category, filename, lineno, file=None, line=None):
        print(f"{PROG}: warning: {message}", file=sys.stderr)

    warnings.showwarning = show_warning
    try:
        return args.run(args)
    except CoverageError as error:
        print(f"{PROG}: error: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # e.g. piped into `head`
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
