"""The command line: ``compare-coverage SUBCOMMAND ...``, a thin shell over the package."""

from __future__ import annotations

import argparse
import os
import sys
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import (
    ArticleNotFound,
    CoverageError,
    InvalidOption,
    OutputNotWritable,
    one_line,
    visible,
)

if TYPE_CHECKING:
    import pandas as pd

# Each subcommand imports its own stages inside its function: `align` never loads
# pandas, numpy or Altair (unless it writes csv/json), and `--help` loads nothing.

PROG = "compare-coverage"


def _emit(text: str, output: str | None, *, raw: bool = False) -> None:
    """Write to ``output`` or the terminal; control characters never reach a terminal."""
    if output:
        _write(Path(output), text if raw else visible(text))
    else:
        sys.stdout.write(visible(text))


def _write(path: Path, text: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
    except OSError as error:
        raise OutputNotWritable(
            f"could not write {path}: {error.strerror or error}; pick another -o"
        ) from None


def _say(text: str) -> None:
    print(visible(text))


def _warn(text: str) -> None:
    print(visible(text), file=sys.stderr)


def _inputs(args: argparse.Namespace) -> list[str]:
    given = [*(getattr(args, "paths", None) or [])]
    given += [getattr(args, name, None) for name in ("a", "b", "notebook")]
    return [g.rpartition("#")[0] if "#" in g and not Path(g).exists() else g for g in given if g]


def check_output(
    output: str | os.PathLike, inputs: Sequence[str | os.PathLike] = (), *, folder: bool = False
) -> Path:
    """Refuse an output path that cannot be written or that is one of the inputs.

    Checked before any work, so a long run does not end in a traceback or overwrite
    the file it read. A ``folder`` output (the corpus tables) may exist already: running
    the same command again resumes that run. It must not lie inside an input folder,
    where the next run would read its tables as articles.
    """
    path = Path(output)
    if folder:
        _check_folder(path, inputs)
    elif path.is_dir():
        raise OutputNotWritable(
            f"{path} is a folder; give a file name, as in {path / 'output.html'}"
        )
    parent = path.parent
    while not parent.exists() and parent != parent.parent:
        parent = parent.parent
    if parent.exists() and not parent.is_dir():
        raise OutputNotWritable(f"cannot write {path}: {parent} is a file, not a folder")
    for given in inputs:
        source = Path(given)
        same = os.path.realpath(source) == os.path.realpath(path)  # never raises on loops
        if not same and source.exists() and path.exists():
            try:
                same = os.path.samefile(source, path)
            except OSError:
                same = False
        if same:
            raise OutputNotWritable(
                f"-o {path} is one of the inputs; it would be overwritten, so pick another file"
            )
    return path


def _check_folder(path: Path, inputs: Sequence[str | os.PathLike]) -> None:
    if path.exists() and not path.is_dir():
        raise OutputNotWritable(f"{path} is a file; the tables go in a folder, as in {path}.out/")
    for given in inputs:
        source = os.path.realpath(given)
        if Path(given).is_dir() and os.path.realpath(path).startswith(source + os.sep):
            raise OutputNotWritable(
                f"-o {path} is inside the input folder {given}; a later run would read "
                "its tables as articles, so put it elsewhere"
            )


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
    _emit(text, output, raw=fmt != "table")


def _read(args: argparse.Namespace, paths=None) -> list:
    """read_articles with the command's --include and --exclude patterns."""
    from .reading.files import read_articles

    return read_articles(
        args.paths if paths is None else paths,
        include=getattr(args, "include", None) or (),
        exclude=getattr(args, "exclude", None) or (),
    )


def _articles(args: argparse.Namespace) -> int:
    from .present.tables import articles_frame, skipped_frame

    articles = _read(args)
    frame = skipped_frame(articles) if args.skipped else articles_frame(articles)
    fmt = args.format or _format_from_suffix(args.output)
    _write_frame(frame, fmt=fmt, output=args.output)
    return 0


def _one_article(path: str, args: argparse.Namespace) -> object:
    articles = _read(args, path)
    if len(articles) > 1:
        raise ArticleNotFound(
            f"{path} holds {len(articles)} articles; pick one with "
            f"{path}#1 ... {path}#{len(articles)}"
        )
    return articles[0]


def _options(args: argparse.Namespace, **overrides: object):
    """The run's Options: ``--config FILE.toml`` (else the defaults), then the flags given."""
    from .options import DEFAULT, load_options

    config = getattr(args, "config", None)
    return (load_options(config) if config else DEFAULT).but(**overrides)


def _align(args: argparse.Namespace) -> int:
    from .alignment.aligner import align

    options = _options(args, threshold=args.threshold)
    alignment = align(
        _one_article(args.a, args), _one_article(args.b, args), options=options, lines=True
    )
    fmt = args.format or _format_from_suffix(args.output)
    if fmt == "table":
        from .present.terminal import alignment_text

        _emit(alignment_text(alignment), args.output)
    else:
        from .present.tables import alignment_frame

        _write_frame(alignment_frame(alignment), fmt=fmt, output=args.output)
    return 0


def _report(args: argparse.Namespace) -> int:
    from .present.report import write_report  # imported here: it loads Altair

    _one_story_alone(args)
    path = write_report(
        _read(args),
        args.output,
        title=args.title,
        stories=args.story,
        outlets=args.outlets,
        spine=args.spine,
        options=_options(args),
        one_story=args.one_story,
    )
    _say(f"wrote {path} ({path.stat().st_size / 1e6:.2f} MB)")
    return 0


def _corpus(args: argparse.Namespace) -> int:
    from .archive import analyse_corpus  # imported here: it loads Dask

    result = analyse_corpus(
        args.paths,
        args.output,
        scheduler=args.scheduler,
        workers=args.workers,
        report=not args.no_report,
        report_stories=args.report_stories,
        progress=not args.quiet,
        **(
            {}
            if args.fresh_worker_after is None
            else {"fresh_worker_after": args.fresh_worker_after or None}
        ),
    )
    counts = result.counts
    print(
        f"wrote {result.output}: {counts['articles']} articles, {counts['stories']} stories "
        f"({counts['multi_version_stories']} told in more than one version)"
        + (f"; report {result.report}" if result.report else "")
    )
    return 0


def _export(args: argparse.Namespace) -> int:
    from .present.export import export_notebook  # imported here: it loads nbconvert

    output = args.output or str(Path(args.notebook).with_suffix(".html"))
    check_output(output, _inputs(args))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        path = export_notebook(args.notebook, output, execute=args.execute)
    for warning in caught:
        _warn(f"warning: {warning.message}")
    _say(f"wrote {path}")
    return 0


def _stories(args: argparse.Namespace) -> int:
    from .corpus.stories import find_stories

    options = _options(args, story_threshold=args.threshold)
    stories = find_stories(_read(args), options=options, progress=args.progress)
    fmt = args.format or _format_from_suffix(args.output)
    if fmt != "table":
        from .present.tables import stories_frame

        _write_frame(stories_frame(stories), fmt=fmt, output=args.output)
        return 0
    from .present.terminal import stories_text

    _emit(stories_text(stories), args.output)
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
    from .corpus.comparison import compare
    from .corpus.stories import find_stories

    articles = _read(args)
    options = _options(args, spine=args.spine)
    if args.story:
        articles = _pick_story(find_stories(articles, options=options), args.story)
    comparison = compare(articles, options=options)
    fmt = args.format or _format_from_suffix(args.output)
    if fmt == "table" and not args.summary:
        from .present.terminal import comparison_text

        _emit(comparison_text(comparison), args.output)
        return 0
    from .present.tables import comparison_frame, comparison_summary

    frame = comparison_summary(comparison) if args.summary else comparison_frame(comparison)
    _write_frame(frame, fmt=fmt, output=args.output)
    return 0


def _worksheet(args: argparse.Namespace) -> int:
    from .classroom.worksheet import worksheet_html
    from .errors import NotEnoughVersions

    stories = _found_stories(args)
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
    check_output(key, _inputs(args))
    for path, answers in ((output, False), (key, True))[: 1 + args.answers]:
        html = worksheet_html(chosen, answers=answers, title=args.title, **options)
        _write(path, html)
        _say(f"wrote {path}" + (" (the answer key)" if answers else ""))
    return 0


def _quiz(args: argparse.Namespace) -> int:
    from .classroom.quiz_page import quiz_html
    from .errors import NotEnoughVersions

    stories = _found_stories(args)
    chosen = _pick_story(stories, args.story[0]) if args.story else None
    if chosen is None:
        chosen = next((s for s in stories if len(s.articles) > 1), None)
    if chosen is None or len(chosen.articles) < 2:
        raise NotEnoughVersions(
            "the quiz compares versions, and no story here is told in more than one; "
            f"pass two versions of one story (see `{PROG} stories`)"
        )
    options = {"kinds": args.kinds, "seed": args.seed, "per_kind": args.per_kind}
    html = quiz_html(chosen, teacher=args.teacher, title=args.title, **options)
    output = Path(args.output)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(html, encoding="utf-8", newline="\n")
    print(f"wrote {output}" + (" (the teacher view)" if args.teacher else ""))
    return 0


class _ExerciseKinds(Sequence[str]):
    """``EXERCISE_KINDS``, imported only when argparse checks ``--kinds`` or prints its help.

    The classroom stage loads the whole pipeline; building the parser must not.
    """

    @staticmethod
    def _kinds() -> tuple[str, ...]:
        from .classroom.exercises import EXERCISE_KINDS

        return EXERCISE_KINDS

    def __getitem__(self, index):
        return self._kinds()[index]

    def __len__(self) -> int:
        return len(self._kinds())


def _format_from_suffix(output: str | None) -> str:
    suffix = Path(output).suffix.lower() if output else ""
    return {".csv": "csv", ".json": "json"}.get(suffix, "table")


def _paths(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="a file, folder or table of articles; FILE#N picks one article",
    )
    _file_filters(parser)


def _file_filters(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--config",
        metavar="FILE.toml",
        help="options from a TOML file (see README, Options); flags given here override it",
    )
    parser.add_argument(
        "--include",
        action="append",
        metavar="GLOB",
        help="in folders, read only files whose name or path matches (e.g. '*.raw.txt'); "
        "repeatable",
    )
    parser.add_argument(
        "--exclude",
        action="append",
        metavar="GLOB",
        help="in folders, leave out files whose name or path matches; repeatable",
    )


def _frame_output(parser: argparse.ArgumentParser, *, rows: str) -> None:
    parser.add_argument(
        "--format",
        choices=("table", "csv", "json"),
        help=f"table (readable in a terminal; the default unless -o ends in "
        f".csv or .json), or csv/json with one row per {rows}",
    )
    parser.add_argument("-o", "--output", help="write to this file instead of the terminal")


def _story_filter(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--story",
        action="append",
        metavar="STORY",
        help="only this story: an id from `stories` (story-1) or part of its title; repeatable",
    )


def _one_story_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--one-story",
        action="store_true",
        help="take every article given as a version of one story, without grouping: for "
        "versions collected by hand (a bulletin, a paraphrase or a translation shares too "
        "few sentences to be grouped with the others)",
    )


def _one_story_alone(args: argparse.Namespace) -> None:
    if args.one_story and args.story:
        raise InvalidOption("--one-story takes every article as one story; leave out --story")


def _found_stories(args: argparse.Namespace) -> list:
    """The stories of the articles given, or all of them as one with ``--one-story``."""
    from .corpus.stories import find_stories, one_story

    _one_story_alone(args)
    articles = _read(args)
    options = _options(args)
    return (
        [one_story(articles, options=options)]
        if args.one_story
        else find_stories(articles, options=options)
    )


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
    _paths(articles)
    articles.add_argument(
        "--skipped",
        action="store_true",
        help="list what the reader set aside (and kept in doubt), line by line, with the reason",
    )
    _frame_output(articles, rows="article")
    articles.set_defaults(run=_articles)

    aligned = commands.add_parser(
        "align",
        help="align two versions of a story sentence by sentence",
        description="Align version A with version B: pairs, merges, splits, moves, "
        "additions and deletions, with word edits. Sentence indices start at 0.",
    )
    aligned.add_argument("a", metavar="A", help="version a: a file, or FILE#N for its N-th article")
    aligned.add_argument("b", metavar="B", help="version b: a file, or FILE#N")
    aligned.add_argument("--threshold", type=float, help="least score for a pair (default 0.3)")
    _file_filters(aligned)
    _frame_output(aligned, rows="link")
    aligned.set_defaults(run=_align)

    stories = commands.add_parser(
        "stories",
        help="group articles into stories: the versions of one report",
        description="Group the articles into stories (rewrites of one report, a story and "
        "its update) and list each story's versions with the evidence that links them.",
    )
    _paths(stories)
    stories.add_argument(
        "--threshold",
        type=float,
        help="least share of sentences two versions must share (default 0.3)",
    )
    stories.add_argument("--progress", action="store_true", help="show a progress bar")
    _frame_output(stories, rows="version")
    stories.set_defaults(run=_stories)

    compared = commands.add_parser(
        "compare",
        help="compare N versions of a story in one table",
        description="Align N versions of a story into one table: a row per content unit, a "
        "column per outlet. Without --story, the articles given are the versions.",
    )
    _paths(compared)
    compared.add_argument(
        "--story", help="compare this story's versions: an id from `stories`, or part of its title"
    )
    compared.add_argument(
        "--spine", help="the reference version: an article id or outlet (default: most shared)"
    )
    compared.add_argument(
        "--summary", action="store_true", help="one row per outlet instead of the table"
    )
    _frame_output(compared, rows="sentence")
    compared.set_defaults(run=_compare)

    report = commands.add_parser(
        "report",
        help="write one self-contained HTML report that works offline",
        description="Find the stories in the articles, compare the versions of each and "
        "write one HTML file: summary, charts, side-by-side views. It needs no network.",
    )
    _paths(report)
    report.add_argument("-o", "--output", required=True, help="the HTML file to write")
    report.add_argument("--title", help="the report's title")
    _story_filter(report)
    report.add_argument(
        "--outlets", nargs="+", metavar="OUTLET", help="keep only articles from these outlets"
    )
    report.add_argument(
        "--spine",
        help="the reference version, wherever a story has it: an outlet or article id "
        "(default: the version the others share most with)",
    )
    _one_story_flag(report)
    report.set_defaults(run=_report)

    worksheet = commands.add_parser(
        "worksheet",
        help="write a printable classroom worksheet (and its answer key) from the stories",
        description="Make exercises from each story told in more than one version (spot the "
        "change, who said it, what was added or left out, order, labels, quotes) and write a "
        "printable page that needs no network and runs no script.",
    )
    _paths(worksheet)
    worksheet.add_argument("-o", "--output", required=True, help="the HTML file to write")
    worksheet.add_argument(
        "--answers",
        action="store_true",
        help="also write the answer key, beside OUTPUT as NAME-answers.html",
    )
    _story_filter(worksheet)
    worksheet.add_argument(
        "--kinds",
        nargs="+",
        choices=_ExerciseKinds(),
        metavar="KIND",
        help="only these kinds of exercise: %(choices)s",
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
    _one_story_flag(worksheet)
    worksheet.set_defaults(run=_worksheet)

    quiz = commands.add_parser(
        "quiz",
        help="write a self-contained offline quiz page (no Jupyter needed) for one story",
        description="Make exercises from a story told in more than one version and write one "
        "HTML page where a student answers, sees feedback and a score; it needs no network.",
    )
    _paths(quiz)
    quiz.add_argument("-o", "--output", required=True, help="the HTML file to write")
    _story_filter(quiz)
    quiz.add_argument("--kinds", nargs="+", choices=_ExerciseKinds(), metavar="KIND")
    quiz.add_argument("--seed", type=int, default=0, help="another seed gives other choices")
    quiz.add_argument("--per-kind", type=int, default=3, help="at most this many of each kind")
    quiz.add_argument("--teacher", action="store_true", help="the teacher view: answers shown")
    quiz.add_argument("--title", help="the quiz's title")
    _one_story_flag(quiz)
    quiz.set_defaults(run=_quiz)

    corpus = commands.add_parser(
        "corpus",
        help="group, compare and summarise a whole archive on a Dask cluster (Parquet tables)",
        description="Read an archive (folders of pages, or Parquet/JSONL/CSV shards with text, "
        "outlet, date, url), group it into stories, compare each story's versions and write "
        "Parquet tables (articles, stories, story_links, units, outlet_stories, changes, "
        "labels, attributions, outlets) and a report of the largest stories. Runs on a local "
        "cluster by default; a run that stopped resumes from its finished parts.",
    )
    corpus.add_argument("paths", nargs="+", metavar="INPUT", help="a folder or shard of articles")
    corpus.add_argument("-o", "--output", required=True, help="the output folder")
    corpus.add_argument(
        "--scheduler", metavar="ADDRESS", help="an existing Dask scheduler (tcp://host:8786)"
    )
    corpus.add_argument(
        "--workers",
        type=int,
        help="worker processes of the local cluster (default: cores, at most 4)",
    )
    corpus.add_argument(
        "--report-stories",
        type=int,
        default=20,
        metavar="N",
        help="stories (the most versions first) shown in report.html (default 20)",
    )
    corpus.add_argument(
        "--fresh-worker-after",
        type=int,
        metavar="N",
        help="each worker compares stories in a child process that is replaced by a fresh "
        "one after N partitions, as a long-lived process gets slower at it; 0: in the worker "
        "itself (default: corpus.distributed.FRESH_WORKER_AFTER, 1)",
    )
    corpus.add_argument("--no-report", action="store_true", help="write the tables only")
    corpus.add_argument("--quiet", action="store_true", help="no progress bars")
    corpus.set_defaults(run=_corpus)

    export = commands.add_parser(
        "export",
        help="export a notebook to HTML whose charts render offline",
        description="Export a notebook with nbconvert to one HTML file whose Altair charts "
        "render with no network (the Vega scripts are inlined).",
    )
    export.add_argument("notebook", metavar="NOTEBOOK", help="an .ipynb file")
    export.add_argument("-o", "--output", help="the HTML file (default: NOTEBOOK.html)")
    export.add_argument(
        "--execute", action="store_true", help="run the notebook first, so its outputs show"
    )
    export.set_defaults(run=_export)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)

    def show_warning(message, category, filename, lineno, file=None, line=None):
        print(f"{PROG}: warning: {one_line(message)}", file=sys.stderr)

    warnings.showwarning = show_warning
    try:
        if getattr(args, "output", None):
            check_output(args.output, _inputs(args), folder=args.run is _corpus)
        return args.run(args)
    except CoverageError as error:
        print(f"{PROG}: error: {one_line(error)}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # e.g. piped into `head`
        return 0
    except OSError as error:  # a path that vanished or cannot be used: the user's to fix
        where = f"{error.filename}: " if error.filename else ""
        print(f"{PROG}: error: {one_line(where + (error.strerror or str(error)))}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
