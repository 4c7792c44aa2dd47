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
from .errors import ArticleNotFound, CoverageError
from .read import read_articles
from .tables import alignment_frame, articles_frame

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
