"""Articles (or paths) -> a self-contained HTML report that works offline: a page or a site.

This module reads and filters the input, compares each story's versions with one
reference version (``spine``), lets :mod:`report_sections` build the sections (each
story's digest first, then every version at a glance, then the details) and puts them
in a page (:func:`page.page_html`). Charts are Vega-Lite specs drawn by the Vega bundle,
each when it comes near the screen, so a long page opens fast. Nothing is fetched from
another host, and a Content-Security-Policy allows only the page's own scripts.

Beyond a few stories one page gets too long to open, so :func:`write_report` writes a
small offline site instead: an index (a searchable, sortable table of the stories and
the outlets) beside a folder with one page per story and the Vega bundle, shared. The
same input gives byte-identical files.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from ..corpus.comparison import compare
from ..corpus.stories import Story, find_stories
from ..corpus.stories import one_story as make_one_story
from ..errors import ArticleNotFound, EmptyInput, InvalidOption
from ..model import Article
from ..names.memo import sharing
from ..options import Options, resolve
from ..reading.articles import as_articles
from ..reading.files import read_articles
from .digest import unmatched
from .export import vega_bundle
from .page import json_for_script, page_html
from .render import render, resource
from .report_sections import (
    Charts,
    Compared,
    about_section,
    header_section,
    names_section,
    package_version,
    single_stories_section,
    story_section,
    summary_section,
)

__all__ = ["build_report", "build_site", "write_report", "ONE_PAGE_STORIES"]

Source = str | os.PathLike | Article | Iterable[str | os.PathLike | Article]

ONE_PAGE_STORIES = 5  # compared stories that still make one readable page
INDEX_ROWS = 50  # rows of the index's table in the page at once


# ---- input ------------------------------------------------------------------------------


def _articles(source: Source) -> list[Article]:
    if isinstance(source, Article):
        return as_articles(source)
    if isinstance(source, str | os.PathLike):
        return read_articles(source)
    articles: list[Article] = []
    for item in source:
        articles.extend([item] if isinstance(item, Article) else read_articles(item))
    return as_articles(articles)


def _keep_outlets(articles: list[Article], outlets: Iterable[str] | None) -> list[Article]:
    if outlets is None:
        return articles
    outlets = list(outlets)
    wanted = {o.strip().casefold() for o in outlets}
    kept = [a for a in articles if (a.outlet or "unknown").casefold() in wanted]
    if not kept:
        known = sorted({a.outlet or "unknown" for a in articles})
        raise ArticleNotFound(
            f"no article is from {', '.join(sorted(outlets))}; the outlets are: {', '.join(known)}"
        )
    return kept


def _keep_stories(stories: list[Story], wanted: Iterable[str] | None) -> list[Story]:
    """Stories named by id (story-2) or by a piece of their title, in corpus order."""
    if wanted is None:
        return stories
    wanted = [w.strip() for w in wanted]
    kept = [
        s
        for s in stories
        if any(w == s.id or (w and w.casefold() in s.title.casefold()) for w in wanted)
    ]
    if not kept:
        known = "; ".join(f"{s.id}: {s.title[:50]}" for s in stories)
        raise ArticleNotFound(
            f"no story matches {', '.join(wanted)}; pass a story id or part of a title ({known})"
        )
    return kept


def _spine_in(story: Story, spine) -> str | int | None:
    """The reference version of ``story`` that ``spine`` names, if the story has it."""
    if spine is None or isinstance(spine, int):
        return spine
    wanted = str(spine).strip().casefold()
    for article in story.articles:
        if wanted in (article.id.casefold(), (article.outlet or "").casefold()):
            return article.id
    return None


@dataclass(frozen=True)
class _Corpus:
    """What every page of a report is made of: articles, stories, comparisons, options."""

    articles: list[Article]
    stories: list[Story]
    compared: list[Compared]
    options: Options


class NothingToCompareWarning(UserWarning):
    """The input holds no story told twice: a report of it shows no comparison."""


def _corpus(
    source: Source, *, stories, outlets, options: Options, one_story: bool = False
) -> _Corpus:
    articles = _keep_outlets(_articles(source), outlets)
    if not articles:
        raise EmptyInput("there are no articles to report on; pass files, folders or tables")
    if one_story and stories:
        raise InvalidOption(
            "one_story takes every article as a version of one story; it does not go "
            "with picking stories"
        )
    found = (
        [make_one_story(articles, options=options)]
        if one_story
        else _keep_stories(find_stories(articles, options=options), stories)
    )
    kept = {a.id for s in found for a in s.articles}
    articles = [a for a in articles if a.id in kept]
    spine = options.spine
    multi = [s for s in found if len(s.articles) > 1]
    if not multi:
        warnings.warn(
            f"none of the {len(found)} stories is told in more than one version, so the report "
            "compares nothing; pass the versions of one story together",
            NothingToCompareWarning,
            stacklevel=3,
        )
    if spine is not None and multi and all(_spine_in(s, spine) is None for s in multi):
        known = sorted({a.outlet or a.id for s in multi for a in s.articles})
        raise ArticleNotFound(
            f"spine={spine!r} names no version of any story; pass an outlet or article id: "
            + ", ".join(known)
        )
    compared = []
    for story in multi:
        chosen = _spine_in(story, spine)
        comparison = compare(story, options=options, spine=chosen)
        compared.append(Compared(len(compared) + 1, story, comparison, chosen is not None))
    return _Corpus(articles, found, compared, options)


# ---- page -------------------------------------------------------------------------------


def _page(
    title: str, body: str, specs: list[tuple[str, dict]], *, bundle: str | None = None
) -> str:
    """The page around the sections: the chart specs, the scripts that draw them, the policy.

    ``bundle`` is the relative URL of a shared Vega bundle (a site's pages); without it
    the bundle is inlined.
    """
    data = (
        json_for_script([{"id": chart_id, "spec": spec} for chart_id, spec in specs])
        if specs
        else None
    )
    foot = render("report/foot.html.j2", data=Markup(data) if data else None)
    inline = ([] if bundle else [vega_bundle()]) + [resource("embed.js")]
    return page_html(
        title,
        body,
        foot=foot,
        scripts=inline if specs else [],
        script_files=[bundle] if specs and bundle else [],
        unsafe_eval=True,  # Vega compiles its expressions with Function(), in the hashed scripts
        data_fonts=True,
        generator=f"comparative-coverage {package_version()}",
    )


def _title(title: str | None) -> str:
    return title or "How the outlets told each story"


def _one_page(corpus: _Corpus, title: str) -> str:
    charts = Charts()
    with sharing():  # sections ask for the same name analyses: each made once per page
        sections = [
            header_section(title, corpus.articles, corpus.stories, corpus.compared),
            *(story_section(c, charts) for c in corpus.compared),
            summary_section(corpus.articles, corpus.stories, corpus.compared, charts),
            names_section(corpus.articles, corpus.compared, charts),
        ]
    singles = [s for s in corpus.stories if len(s.articles) == 1]
    if singles:
        sections.append(single_stories_section(singles))
    sections.append(about_section(sorted(corpus.options.changed().items())))
    return _page(title, render("report/main.html.j2", sections=sections), charts.specs)


def build_report(
    source: Source,
    *,
    title: str | None = None,
    stories: Iterable[str] | None = None,
    outlets: Iterable[str] | None = None,
    spine: str | int | None = None,
    options: Options | None = None,
    one_story: bool = False,
) -> str:
    """The whole report as one HTML page (see :func:`write_report`)."""
    options = resolve(options, spine=spine)
    corpus = _corpus(source, stories=stories, outlets=outlets, options=options, one_story=one_story)
    return _one_page(corpus, _title(title))


# ---- a site: an index and one page per story --------------------------------------------


def _tally(alignment) -> dict[str, int]:
    """Sentences a version added, dropped, reworded and moved against the reference
    (a sentence that only restates one of the other side is neither added nor dropped)."""
    units = alignment.units
    added, dropped, _ = unmatched(alignment)
    return {
        "added": len(added),
        "dropped": len(dropped),
        "reworded": sum(u.status == "reworded" for u in units),
        "moved": sum(u.moved for u in units),
    }


def _index_rows(corpus: _Corpus, folder: str) -> tuple[list[list], list[str]]:
    rows, hrefs = [], []
    for c in corpus.compared:
        tallies = [_tally(alignment) for alignment in c.alignments]
        rows.append(
            [
                c.story.id,
                c.story.title,
                len(c.story.articles),
                ", ".join(c.comparison.outlets),
                c.comparison.outlets[c.comparison.spine],
                *(sum(t[k] for t in tallies) for k in ("added", "dropped", "reworded", "moved")),
            ]
        )
        hrefs.append(f"{folder}/{c.anchor}.html")
    return rows, hrefs


INDEX_COLUMNS = (
    ("story", False),
    ("title", False),
    ("versions", True),
    ("outlets", False),
    ("reference", False),
    ("added", True),
    ("dropped", True),
    ("reworded", True),
    ("moved", True),
)


def _outlet_rows(corpus: _Corpus) -> list[list]:
    """Per outlet: articles, stories told with others, and what it did to the references."""
    table: dict[str, list[int]] = {}
    for a in corpus.articles:
        table.setdefault(a.outlet or "unknown", [0, 0, 0, 0, 0, 0])[0] += 1
    for c in corpus.compared:
        table[c.comparison.articles[c.comparison.spine].outlet or "unknown"][2] += 1
        for _, article, alignment in c.pairs:
            row, tally = table[article.outlet or "unknown"], _tally(alignment)
            row[1] += 1
            row[3] += tally["added"]
            row[4] += tally["dropped"]
            row[5] += tally["reworded"]
    return [
        [name, *counts] for name, counts in sorted(table.items(), key=lambda x: (-x[1][0], x[0]))
    ]


OUTLET_COLUMNS = [
    ("outlet", ""),
    ("articles", "cc-num"),
    ("compared", "cc-num"),
    ("reference", "cc-num"),
    ("added", "cc-num"),
    ("dropped", "cc-num"),
    ("reworded", "cc-num"),
]


def _index_page(corpus: _Corpus, title: str, folder: str) -> str:
    rows, hrefs = _index_rows(corpus, folder)
    singles = [s for s in corpus.stories if len(s.articles) == 1]
    data = {
        "numeric": [numeric for _, numeric in INDEX_COLUMNS],
        "link": 1,
        "hrefs": hrefs,
        "rows": rows,
    }
    body = render(
        "report/index.html.j2",
        header=header_section(
            title, corpus.articles, corpus.stories, corpus.compared, contents=False
        ),
        columns=INDEX_COLUMNS,
        first=[(row, href) for row, href in zip(rows[:INDEX_ROWS], hrefs, strict=False)],
        total=len(rows),
        outlet_columns=OUTLET_COLUMNS,
        outlet_rows=_outlet_rows(corpus),
        singles=single_stories_section(singles[:INDEX_ROWS]) if singles else "",
        more_singles=max(0, len(singles) - INDEX_ROWS),
        about=about_section(sorted(corpus.options.changed().items())),
    )
    foot = render("report/index_data.html.j2", data=Markup(json_for_script(data)))
    return page_html(
        title,
        body,
        foot=foot,
        scripts=[resource("index.js")],
        generator=f"comparative-coverage {package_version()}",
    )


def _story_page(corpus: _Corpus, c: Compared, title: str, index: str) -> str:
    charts = Charts()
    articles = list(c.story.articles)
    with sharing():  # see _one_page
        sections = [
            render("report/back.html.j2", href=f"../{index}", text=title),
            story_section(c, charts),
            names_section(articles, [c], charts),
            about_section(sorted(corpus.options.changed().items())),
        ]
    body = render("report/main.html.j2", sections=sections)
    return _page(c.story.title, body, charts.specs, bundle="vega.js")


def build_site(
    source: Source,
    *,
    name: str = "report",
    title: str | None = None,
    stories: Iterable[str] | None = None,
    outlets: Iterable[str] | None = None,
    spine: str | int | None = None,
    options: Options | None = None,
    one_story: bool = False,
) -> Iterator[tuple[str, str]]:
    """A report as a small offline site: ``(relative path, text)`` of each file, lazily.

    ``{name}.html`` is the index; ``{name}_files/`` holds one page per story
    (``story-1.html``...) and the Vega bundle they share (``vega.js``). The index is
    computed first; each story's page when it is reached.
    """
    options = resolve(options, spine=spine)
    corpus = _corpus(source, stories=stories, outlets=outlets, options=options, one_story=one_story)
    return _site(corpus, _title(title), name)


def _site(corpus: _Corpus, title: str, name: str) -> Iterator[tuple[str, str]]:
    folder = f"{name}_files"
    yield f"{name}.html", _index_page(corpus, title, folder)
    yield f"{folder}/vega.js", vega_bundle()
    for c in corpus.compared:
        yield f"{folder}/{c.anchor}.html", _story_page(corpus, c, title, f"{name}.html")


def write_report(
    source: Source,
    output: str | os.PathLike,
    *,
    title: str | None = None,
    stories: Iterable[str] | None = None,
    outlets: Iterable[str] | None = None,
    spine: str | int | None = None,
    options: Options | None = None,
    pages: str = "auto",
    one_story: bool = False,
) -> Path:
    """Write a self-contained HTML report of ``source`` to ``output``; returns its path.

    ``source`` is a path, a list of paths (files, folders, tables of articles) or of
    :class:`Article`s. ``stories`` keeps stories by id (``story-1``) or a piece of the
    title; ``outlets`` keeps articles of the named outlets; ``spine`` names the
    reference version (an outlet or article id) wherever a story has it;
    ``one_story=True`` takes every article as a version of one story instead of finding
    the stories (:func:`one_story`: for versions collected by hand). ``pages``:
    ``"one"`` writes one page, ``"site"`` an index at ``output`` and a page per story in
    ``<output stem>_files/``, ``"auto"`` one page up to :data:`ONE_PAGE_STORIES` compared
    stories and a site beyond. Either way the files need no network.
    """
    if pages not in ("auto", "one", "site"):
        raise InvalidOption(f"pages must be 'auto', 'one' or 'site', not {pages!r}")
    options = resolve(options, spine=spine)
    path = Path(output)
    path.parent.mkdir(parents=True, exist_ok=True)
    corpus = _corpus(source, stories=stories, outlets=outlets, options=options, one_story=one_story)
    if pages == "one" or (pages == "auto" and len(corpus.compared) <= ONE_PAGE_STORIES):
        _write(path, _one_page(corpus, _title(title)))
        return path
    (path.parent / f"{path.stem}_files").mkdir(exist_ok=True)
    for name, text in _site(corpus, _title(title), path.stem):
        _write(path.parent / name, text)
    return path


def _write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8", newline="\n")
