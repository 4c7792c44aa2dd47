"""Articles (or paths) -> one self-contained HTML report that works offline.

This module reads and filters the input, lets :mod:`report_sections` build the sections
(a summary, each story's charts and side-by-side view, the name variants across the
corpus) and puts them in one page (:func:`standalone.page_html`). Charts are Vega-Lite
specs drawn by the Vega bundle inlined once at the end of the page
(:func:`export.vega_bundle`), one ``vegaEmbed`` call per chart; nothing is fetched from
another host, and a Content-Security-Policy that allows only the page's own two scripts
(by hash) makes sure of it. The same input gives a byte-identical file.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path

from ..corpus.comparison import compare
from ..corpus.stories import Story, find_stories
from ..errors import ArticleNotFound, EmptyInput
from ..model import Article
from ..reading.articles import as_articles
from ..reading.files import read_articles
from .export import vega_bundle
from .page import page_html
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

__all__ = ["build_report", "write_report"]

Source = str | os.PathLike | Article | Iterable[str | os.PathLike | Article]

_EMBED = """(function () {
  "use strict";
  var specs = JSON.parse(document.getElementById("cc-chart-specs").textContent);
  specs.forEach(function (item) {
    var target = document.getElementById(item.id);
    if (typeof vegaEmbed !== "function") {
      target.textContent = "This chart could not be drawn: the Vega script did not load.";
      return;
    }
    vegaEmbed(target, item.spec, {renderer: "svg", actions: false}).catch(function (error) {
      target.textContent = "This chart could not be drawn: " + error;
      console.error(error);
    });
  });
})();"""


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


# ---- page -------------------------------------------------------------------------------


def _json_for_script(value: object) -> str:
    """JSON that cannot end or open markup inside a ``<script>`` data block.

    >>> _json_for_script({"t": "</script><b>"})
    '{"t":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e"}'
    """
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _page(title: str, body: str, specs: list[tuple[str, dict]]) -> str:
    """The page around the sections: the chart specs, the scripts that draw them, the policy."""
    scripts = [vega_bundle(), _EMBED] if specs else []
    foot = (
        '<noscript><p class="cc-note">The charts need JavaScript; everything else in this '
        "report reads without it.</p></noscript>\n"
    )
    if specs:
        data = _json_for_script([{"id": chart_id, "spec": spec} for chart_id, spec in specs])
        foot += f'<script type="application/json" id="cc-chart-specs">{data}</script>'
    return page_html(
        title,
        body,
        foot=foot,
        scripts=scripts,
        unsafe_eval=True,  # Vega compiles its expressions with Function(), in the hashed scripts
        data_fonts=True,
        generator=f"comparative-coverage {package_version()}",
    )


def build_report(
    source: Source,
    *,
    title: str | None = None,
    stories: Iterable[str] | None = None,
    outlets: Iterable[str] | None = None,
) -> str:
    """The whole report as one HTML string (see :func:`write_report`)."""
    articles = _keep_outlets(_articles(source), outlets)
    if not articles:
        raise EmptyInput("there are no articles to report on; pass files, folders or tables")
    found = _keep_stories(find_stories(articles), stories)
    kept = {a.id for s in found for a in s.articles}
    articles = [a for a in articles if a.id in kept]
    compared = []
    for story in found:
        if len(story.articles) > 1:
            compared.append(Compared(len(compared) + 1, story, compare(story)))
    title = title or "How the outlets told each story"
    charts = Charts()
    sections = [
        header_section(title, articles, found, compared),
        summary_section(articles, found, compared, charts),
        *(story_section(c, charts) for c in compared),
        names_section(articles, compared, charts),
    ]
    singles = [s for s in found if len(s.articles) == 1]
    if singles:
        sections.append(single_stories_section(singles))
    sections.append(about_section())
    return _page(title, "<main>" + "".join(sections) + "</main>", charts.specs)


def write_report(
    source: Source,
    output: str | os.PathLike,
    *,
    title: str | None = None,
    stories: Iterable[str] | None = None,
    outlets: Iterable[str] | None = None,
) -> Path:
    """Write one self-contained HTML report of ``source`` to ``output``; returns the path.

    ``source`` is a path, a list of paths (files, folders, tables of articles) or of
    :class:`Article`s. ``stories`` keeps stories by id (``story-1``) or a piece of the
    title; ``outlets`` keeps articles of the named outlets. The page needs no network:
    every script, style and chart is inline.
    """
    html = build_report(source, title=title, stories=stories, outlets=outlets)
    path = Path(output)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(html, encoding="utf-8", newline="\n")
    return path
