"""The command line: ``compare-coverage SUBCOMMAND ...``, a thin shell over the package."""

from __future__ import annotations

import argparse
import sys
import warnings
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from .errors import CoverageError
from .read import read_articles
from .tables import articles_frame

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
