"""A hostile corpus through every output: nothing runs, nothing is fetched, text shows as text.

The corpus (built here, nothing binary committed) puts each payload in article text, in
titles, outlet names and file names, and in a table's ``url`` column: script tags, event
handlers, ``javascript:`` and ``data:`` URLs, ``</style>`` and ``</script>`` (which would
end Altair's script element), ``<!--<script>`` (the double-escape state), U+2028/U+2029,
control characters, a right-to-left override, a very long word, and a Vega-expression
escape. Every payload that runs pushes its name onto ``window.__p`` (or raises a dialog).

The outputs: the report, the worksheet with and without answers, an exported notebook
charting the corpus with every renderer (the toolkit's offline one, with and without the
widget, and Altair's default) and showing every object's ``_repr_html_``, and the
``_repr_html_`` of every object on a page with no policy at all (as a notebook shows it).
Each is checked statically (no event-handler attribute, no foreign script, no URL
attribute that is not ours) and, where Chromium is installed, opened with the network
blocked: no payload runs, no dialog opens, no request leaves, no error in the console.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
import warnings
from collections.abc import Iterable
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest

import comparative_coverage as cc
from comparative_coverage.present.page import WORD_JOINER, json_for_script

from .conftest import ROOT
from .test_browser import browser  # noqa: F401  (the Chromium fixture)

PUSH = "(window.__p=window.__p||[]).push"
PAYLOADS = {
    "script": f"<script>{PUSH}('script');alert('script')</script>",
    "img": f"<img src=x onerror=\"{PUSH}('img')\">",
    "svg": f"<svg onload=\"{PUSH}('svg')\"><circle r=9></circle></svg>",
    "link": f"<a href=\"javascript:{PUSH}('link')\">click me</a>",
    "style": f"</style><script>{PUSH}('style')</script>",
    "script-end": f"</script><script>{PUSH}('script-end')</script>",
    "comment": f"<!--<script>{PUSH}('comment')</script>-->",
    "attribute": f'" onmouseover="{PUSH}(\'attribute\')" data-x="',
    "single-quote": f"' onfocus='{PUSH}(\"single-quote\")' autofocus x='",
    "iframe": f"<iframe src=\"javascript:parent.{PUSH}('iframe')\"></iframe>",
    "data-url": "<object data=\"data:text/html,<script>parent.alert('data-url')</script>\">",
    "template": "${alert('template')} {{constructor.constructor('alert(1)')()}}",
    "vega-expr": "Agency\\\" + alert('vega') + \"\\",
    "meta-refresh": '<meta http-equiv="refresh" content="0;url=https://example.org/">',
    "remote-css": "<style>@import url(https://example.org/x.css)</style>",
    "line-separators": "one\u2028two\u2029three",
    "controls": "bell\x07 escape\x1b]0;title\x07 \x1b[2J rtl \u202eevil\u202c end",
    "long-word": "Gaddafi" * 400,
}
URLS = ("javascript:alert('url')", "data:text/html,<script>alert('url')</script>")


# ---- what a test saw: shown literally, executed, requested -----------------------------------


def literal(text: str) -> str:
    """Text as compared for "shows literally": no control or format characters (reading
    drops some, pages add word joiners), line separators as spaces, whitespace collapsed."""
    kept = (
        " " if unicodedata.category(c) in ("Zl", "Zp") else c
        for c in text
        if unicodedata.category(c) not in ("Cc", "Cf") or c in "\n\t"
    )
    return " ".join("".join(kept).split())


def shown_payloads(text: str) -> set[str]:
    """The names of the payloads whose text shows, as text, in ``text``."""
    shown = literal(text)
    return {name for name, payload in PAYLOADS.items() if literal(payload) in shown}


def executed_payloads(page) -> list[str]:
    """What ran on a page: the payloads that pushed their name, and every dialog."""
    return page.page.evaluate("window.__p || []") + [f"dialog: {d}" for d in page.dialogs]


def record(
    output: str, *, shown: set[str], executed: Iterable[str] = (), requests: Iterable[str] = ()
) -> None:
    """Note one output's result for the closing table (``benchmarks/hostile_totals.py``):
    a JSON line appended to the file named by ``HOSTILE_RESULTS``, when it is set."""
    path = os.environ.get("HOSTILE_RESULTS")
    if path:
        line = {
            "output": output,
            "tried": len(PAYLOADS),
            "shown": sorted(shown),
            "executed": sorted(executed),
            "requests": sorted(requests),
        }
        with open(path, "a", encoding="utf-8") as file:
            file.write(json.dumps(line) + "\n")


def _sentence(name: str, payload: str, *, edited: bool) -> str:
    verb = "said on Friday that" if edited else "said that"
    return f"Officials {verb} the talks in Moscow covered {payload} and military cooperation."


def hostile_folder(folder: Path) -> Path:
    """Two versions of one story as files whose names, titles and text carry payloads."""
    folder.mkdir(parents=True, exist_ok=True)
    names = list(PAYLOADS)
    for side, edited in (("a", False), ("b", True)):
        title = f"Talks in Moscow {PAYLOADS['script']} {PAYLOADS['controls']}"
        body = "\n\n".join(
            _sentence(n, PAYLOADS[n], edited=edited and k % 2 == 0) for k, n in enumerate(names)
        )
        if side == "b":
            body += f"\n\nAn added sentence with {PAYLOADS['iframe']} in it."
        file_name = f"{side} <img src=x onerror={PUSH[:-5]}.txt" if side == "a" else "b.txt"
        (folder / file_name).write_text(f"{title}\n\n{body}\n", encoding="utf-8")
    rows = [
        {
            "file": "b.txt",
            "article": 1,
            "outlet": f"O'Brien & Sons </style> {PAYLOADS['vega-expr']}",
            "date": "2021-04-17",
            "url": URLS[0],
        },
    ]
    lines = ["file,article,outlet,date,url"] + [
        ",".join(json.dumps(str(r[k])) for k in ("file", "article", "outlet", "date", "url"))
        for r in rows
    ]
    (folder / "sources.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def hostile_table(folder: Path) -> Path:
    """A table of two articles with payloads in every column, URLs included."""
    import pandas as pd

    rows = []
    for k, (side, url) in enumerate(zip("ab", URLS, strict=True)):
        rows.append(
            {
                "id": f"row{k} {PAYLOADS['img']}",
                "outlet": f"Outlet {side} {PAYLOADS['script-end']}",
                "title": f"Talks {PAYLOADS['comment']}",
                "text": "\n\n".join(
                    _sentence(n, PAYLOADS[n], edited=side == "b" and j % 3 == 0)
                    for j, n in enumerate(PAYLOADS)
                ),
                "url": url,
                "date": "2021-04-17",
            }
        )
    path = folder / "table.csv"
    pd.DataFrame(rows).to_csv(path, index=False)
    return path


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> list[cc.Article]:
    root = tmp_path_factory.mktemp("hostile")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the control characters are reported, rightly
        return cc.read_articles([hostile_folder(root / "files"), hostile_table(root)])


# ---- static checks ----------------------------------------------------------------------


class Markup(HTMLParser):
    """Every start tag with its attributes; script elements' types and texts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[tuple[str, str]] = []
        self._script: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._script = [dict(attrs).get("type", ""), ""]
            self.scripts.append(self._script)

    def handle_endtag(self, tag):
        if tag == "script":
            self._script = None

    def handle_data(self, data):
        if self._script is not None:
            self._script[1] += data


def assert_inert(html: str, *, policy: bool = True, allowed_scripts: int | None = 0) -> Markup:
    markup = Markup()
    markup.feed(html)
    for tag, attrs in markup.tags:
        handlers = [a for a in attrs if a.lower().startswith("on")]
        assert handlers == [], (tag, attrs)
        assert tag not in {"iframe", "object", "embed", "img", "svg", "base", "form"}, (tag, attrs)
        for name in ("href", "src", "action", "data"):
            value = (attrs.get(name) or "").strip().lower()
            assert not value.startswith(("javascript:", "data:text")), (tag, attrs)
        if tag == "meta" and "http-equiv" in attrs:
            assert attrs["http-equiv"].lower() == "content-security-policy", attrs
    code = [text for kind, text in markup.scripts if kind not in ("application/json",)]
    if allowed_scripts is not None:
        assert len(code) == allowed_scripts
    for kind, text in markup.scripts:
        if kind == "application/json":
            json.loads(text)  # a data block parses whole: nothing closed it early
    if policy:
        [csp] = [
            a["content"]
            for t, a in markup.tags
            if t == "meta"
            and "content" in a
            and a.get("http-equiv", "").lower() == "content-security-policy"
        ]
        assert "default-src 'none'" in csp and "'unsafe-inline'" not in csp.split("style-src")[0]
    return markup


def test_json_for_script_survives_every_payload():
    for name, payload in PAYLOADS.items():
        text = json_for_script({"v": payload})
        assert "<" not in text and "\u2028" not in text and "\u2029" not in text, name
        assert json.loads(text) == {"v": payload}


def test_reading_keeps_payloads_as_text(corpus):
    assert len(corpus) == 4
    body = "\n".join(a.body for a in corpus)
    for name in ("script", "img", "script-end", "comment", "line-separators", "long-word"):
        assert PAYLOADS[name] in body, name
    assert {a.url for a in corpus if a.url} >= set(URLS)  # kept as data, never as a link


def test_report_is_inert(corpus):
    html = cc.build_report(corpus)
    markup = assert_inert(html, allowed_scripts=2)  # the Vega bundle and the embedding call
    specs = json.loads(dict((k, t) for k, t in markup.scripts)["application/json"])
    text = json.dumps(specs, ensure_ascii=False)
    assert "<\u2060/script>" in text or "<\\u2060/script>" in text
    assert "javascript:" not in re.sub(r"<[^>]*>", "", html.split("<main>")[0])


@pytest.mark.parametrize("answers", [False, True], ids=["worksheet", "answer key"])
def test_worksheet_is_inert(corpus, answers):
    stories = [s for s in cc.find_stories(corpus) if len(s.articles) > 1]
    html = cc.worksheet_html(stories, answers=answers)
    assert_inert(html, allowed_scripts=0)
    assert "script-src 'none'" in unescape(html)


def repr_page(corpus) -> str:
    """Every object's _repr_html_, as a notebook shows them: no policy on the page."""
    a, b = corpus[0], corpus[1]
    alignment = cc.align(a, b)
    stories = cc.find_stories(corpus)
    objects = [
        a,
        alignment,
        *alignment.units[:6],
        *stories,
        cc.compare(corpus[:2]),
        cc.find_related(corpus),
        *cc.find_quotes(a),
        cc.find_name_variants(corpus),
        *cc.make_exercises([s for s in stories if len(s.articles) > 1][0])[:6],
    ]
    parts = [o._repr_html_() for o in objects if hasattr(o, "_repr_html_")]
    assert len(parts) >= 8
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'></head><body>"
        + "".join(f"<div class='output'>{p}</div>" for p in parts)
        + "</body></html>"
    )


def test_repr_html_of_every_object_is_inert(corpus):
    html = repr_page(corpus)
    assert_inert(html, policy=False, allowed_scripts=0)


def test_altair_specs_cannot_close_a_script_element(corpus):
    alignment = cc.align(corpus[0], corpus[1])
    charts = [
        cc.alignment_map(alignment),
        cc.similarity_heatmap(cc.similarity_frame(alignment)),
        cc.changes_chart(cc.change_counts(alignment)),
    ]
    for chart in charts:
        plain = json.dumps(chart.to_dict())  # what Altair's own HTML renderer writes
        assert not re.search(r"</script|<!--", plain, re.IGNORECASE)
        tooltips = re.findall(r'"tooltip": (\[.*?\])', plain)
        assert all("O'Brien" not in t and "Outlet" not in t for t in tooltips)


# ---- in a browser -------------------------------------------------------------------------

NOTEBOOK_CELLS = (
    "import warnings; warnings.simplefilter('ignore')\n"
    "import comparative_coverage as cc\n"
    "import altair as alt\n"
    "from tests.test_hostile import hostile_folder, hostile_table\n"
    "from pathlib import Path\n"
    "root = Path({root!r})\n"
    "corpus = cc.read_articles([hostile_folder(root / 'files'), hostile_table(root)])\n"
    "alignment = cc.align(corpus[0], corpus[1])\n"
    "cc.use_offline_charts()",
    "cc.alignment_map(alignment)",
    "cc.similarity_heatmap(cc.similarity_frame(alignment))",
    "cc.use_offline_charts(widget=False)\ncc.changes_chart(cc.change_counts(alignment))",
    "alt.renderers.enable('default')\ncc.alignment_map(alignment)",
    "alt.renderers.enable('html')\ncc.changes_chart(cc.change_counts(alignment))",
    "corpus[0]",
    "alignment",
    "cc.find_stories(corpus)[0]",
    "cc.compare(corpus[:2])",
)


@pytest.fixture(scope="module")
def hostile_notebook(tmp_path_factory) -> Path:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    folder = tmp_path_factory.mktemp("hostile-notebook")
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell(NOTEBOOK_CELLS[0].format(root=str(folder))),
        *(nbformat.v4.new_code_cell(c) for c in NOTEBOOK_CELLS[1:]),
    ]
    nbclient.NotebookClient(
        nb, timeout=180, kernel_name="python3", resources={"metadata": {"path": str(ROOT)}}
    ).execute()
    path = folder / "hostile.ipynb"
    nbformat.write(nb, path)
    return path


@pytest.mark.notebook
def test_exported_notebook_is_inert(hostile_notebook, tmp_path):
    html = cc.notebook_html(hostile_notebook)
    markup = assert_inert(html, allowed_scripts=None)
    code = [t for k, t in markup.scripts if k != "application/json"]
    assert len(code) == 3  # bundle, VEGA_DEBUG, the embedding script: no output's own script
    assert html.count('class="cc-nb-spec"') == 5  # every chart, whatever its renderer


@pytest.mark.browser
@pytest.mark.notebook
def test_no_payload_runs_in_any_output(browser, corpus, hostile_notebook, tmp_path):  # noqa: F811
    """Every output in Chromium with the network blocked: no payload, no request, no error."""
    pages = {
        "report": cc.write_report(corpus, tmp_path / "report.html"),
        "worksheet": _write(tmp_path / "sheet.html", cc.worksheet_html(_stories(corpus))),
        "answer key": _write(
            tmp_path / "key.html", cc.worksheet_html(_stories(corpus), answers=True)
        ),
        "notebook": cc.export_notebook(hostile_notebook, tmp_path / "notebook.html"),
        "repr_html": _write(tmp_path / "reprs.html", repr_page(corpus)),
        "quiz": _write(tmp_path / "quiz.html", cc.quiz_html(_stories(corpus)[0], seed=1)),
        "teacher's quiz": _write(
            tmp_path / "teacher.html", cc.quiz_html(_stories(corpus)[0], teacher=True)
        ),
    }
    ran = {}
    for name, path in pages.items():
        page = browser.open(path)
        if name in ("report", "notebook"):
            page.page.evaluate("window.ccDrawCharts && window.ccDrawCharts()")  # drawn lazily
            page.page.wait_for_function(
                "document.querySelectorAll('.vega-embed svg.marks').length >= "
                + ("5" if name == "notebook" else "3"),
                timeout=30_000,
            )
            page.page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
            for mark in page.page.locator(".vega-embed g.mark-rect path").all()[:40]:
                if mark.is_visible():
                    mark.hover(force=True)  # tooltips show the hostile text
            tooltip = page.page.locator("#vg-tooltip-element")
            if tooltip.count():
                tags = "e => e.querySelectorAll('script, img, svg, iframe, a, object').length"
                assert page.page.eval_on_selector("#vg-tooltip-element", tags) == 0
        for button in page.page.locator(".cc-exercise button").all():  # answer, evidence
            if button.is_visible() and button.is_enabled():
                button.click()
        for element in page.page.locator("ins, del, a, [title]").all()[:60]:
            element.hover(force=True, timeout=2_000)
        ran[name] = page.page.evaluate("window.__p || []")
        text = page.page.inner_text("body").replace(WORD_JOINER, "")
        record(
            name,
            shown=shown_payloads(text),
            executed=executed_payloads(page),
            requests=page.blocked,
        )
        assert PAYLOADS["script"] in text or name == "worksheet", name  # shown as text
        assert page.dialogs == [], (name, page.dialogs)
        assert page.blocked == [], (name, page.blocked)
        assert page.page_errors == [], (name, page.page_errors)
        errors = [e for e in page.console_errors if "Content Security Policy" not in e]
        assert errors == [], (name, errors)
    assert ran == {name: [] for name in pages}


@pytest.mark.browser
def test_the_hostile_report_does_not_widen_the_page(browser, corpus, tmp_path):  # noqa: F811
    page = browser.open(cc.write_report(corpus, tmp_path / "report.html"))
    assert page.page.evaluate("document.documentElement.scrollWidth") <= 1200


def _stories(corpus):
    return [s for s in cc.find_stories(corpus) if len(s.articles) > 1]


def _write(path: Path, html: str) -> Path:
    path.write_text(html, encoding="utf-8")
    return path


@pytest.mark.browser
def test_the_harness_sees_a_payload_that_runs(browser, tmp_path):  # noqa: F811
    """A control: the same checks on a page that does run a payload do see it."""
    import altair as alt
    import pandas as pd

    frame = pd.DataFrame({"t": [PAYLOADS["script-end"]], "x": [1]})
    unsafe = alt.Chart(frame).mark_point().encode(x="x:Q", tooltip="t:N").to_html()
    page = browser.open(_write(tmp_path / "unsafe.html", unsafe + PAYLOADS["img"]))
    page.page.wait_for_timeout(500)
    assert sorted(page.page.evaluate("window.__p || []")) == ["img", "script-end"]
