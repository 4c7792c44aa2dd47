"""What only a browser can show, in a real headless Chromium with the network blocked.

The sample report draws every chart offline with no console error and no request leaving
the file; the hostile report runs no script and raises no dialog, even when its chart
tooltips show the hostile text; the print view keeps the side-by-side view; an exported
notebook draws its Altair charts offline. Screenshots go to each test's tmp folder, and
to docs/ (for the README) when UPDATE_SCREENSHOTS=1.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

import comparative_coverage as cc

from .conftest import ROOT, require_chromium
from .test_report import CHART_IDS, hostile_articles

pytestmark = pytest.mark.browser

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
CHARTS = ".vega-embed svg.marks"


@dataclass
class Browser:
    """A Chromium context whose every request other than file: and data: is blocked."""

    context: object
    blocked: list[str] = field(default_factory=list)
    allowed: list[str] = field(default_factory=lambda: ["file:", "data:", "blob:"])

    def open(self, path: Path) -> Page:
        return self.open_url(path.resolve().as_uri())

    def open_url(self, url: str) -> Page:
        self.blocked.clear()
        page = Page(self.context.new_page(), self.blocked)
        page.page.goto(url)
        page.page.wait_for_load_state("load")
        return page


@dataclass
class Page:
    page: object
    blocked: list[str]
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.page.on(
            "console",
            lambda m: self.console_errors.append(m.text) if m.type == "error" else None,
        )
        self.page.on("pageerror", lambda e: self.page_errors.append(str(e)))

        def dialog(d) -> None:
            self.dialogs.append(d.message)
            d.dismiss()

        self.page.on("dialog", dialog)

    def wait_for_charts(self, count: int | None = None) -> list[dict]:
        """Wait until ``count`` charts (default: every spec in the page) are drawn.

        Returns each one's id, size and number of marks.
        """
        self.page.evaluate("window.ccDrawCharts && window.ccDrawCharts()")  # drawn lazily
        if count is None:
            count = self.page.evaluate(
                "JSON.parse(document.getElementById('cc-chart-specs').textContent).length"
            )
        drawn = f"new Set([...document.querySelectorAll({CHARTS!r})].map(s => s.closest('.vega-embed')))"
        self.page.wait_for_function(f"{drawn}.size >= {count}", timeout=20_000)
        self.page.wait_for_timeout(200)  # let a chart that is still being drawn finish
        return self.page.eval_on_selector_all(
            CHARTS,
            """svgs => svgs.map(svg => ({
                id: svg.closest('.vega-embed').id,
                width: svg.getBoundingClientRect().width,
                height: svg.getBoundingClientRect().height,
                marks: svg.querySelectorAll('g.mark-rect path, g.mark-rule line, '
                                            + 'g.mark-text text, g.mark-rect rect').length,
            }))""",
        )


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    executable = require_chromium()
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")),
            executable_path=executable,
            headless=True,
            args=CHROMIUM_ARGS,
            viewport={"width": 1200, "height": 900},
        )
        browser = Browser(context)

        def route(r) -> None:
            if r.request.url.startswith(tuple(browser.allowed)):
                r.continue_()
            else:
                browser.blocked.append(r.request.url)
                r.abort()

        context.route("**/*", route)
        yield browser
        context.close()


def assert_clean(page: Page) -> None:
    assert page.blocked == []
    assert page.console_errors == []
    assert page.page_errors == []
    assert page.dialogs == []


# ---- the sample report ------------------------------------------------------------------


def test_sample_report_draws_every_chart_offline(browser, sample_dir, tmp_path):
    report = cc.write_report(sample_dir, tmp_path / "sample.html")
    page = browser.open(report)
    charts = page.wait_for_charts(len(CHART_IDS))
    assert [c["id"] for c in charts] == CHART_IDS
    shown = [c for c in charts if c["id"] != "chart-1-1-similarity"]  # that one is folded
    assert all(c["width"] > 200 and c["height"] > 100 for c in shown)
    assert all(c["marks"] > 5 for c in charts)
    assert page.page.locator(".cc-chart-error").count() == 0
    assert_clean(page)
    page.page.screenshot(path=str(tmp_path / "sample-report.png"), full_page=True)
    side_by_side = page.page.locator("#story-1 .cc-view").first
    side_by_side.screenshot(path=str(tmp_path / "side-by-side.png"))
    page.page.locator("#chart-1-1-map").screenshot(path=str(tmp_path / "chart.png"))
    assert (tmp_path / "side-by-side.png").stat().st_size > 10_000
    box = page.page.evaluate(
        """() => {  // from the story's title to the end of its digest, in page coordinates
          const top = document.querySelector('#story-1 h2').getBoundingClientRect();
          const end = document.querySelector('#story-1 .cc-digest').getBoundingClientRect();
          return {x: end.x - 10, y: top.y + window.scrollY - 10, width: end.width + 20,
                  height: end.bottom - top.y + 20};
        }"""
    )
    page.page.screenshot(path=str(tmp_path / "digest.png"), full_page=True, clip=box)
    if os.environ.get("UPDATE_SCREENSHOTS"):
        for name in ("side-by-side.png", "chart.png", "digest.png"):
            shutil.copyfile(tmp_path / name, ROOT / "docs" / name)


def test_the_print_view_keeps_the_side_by_side_and_drops_the_contents(
    browser, sample_dir, tmp_path
):
    page = browser.open(cc.write_report(sample_dir, tmp_path / "sample.html"))
    page.wait_for_charts(len(CHART_IDS))
    assert page.page.locator("nav.cc-toc").is_visible()
    page.page.emulate_media(media="print")
    assert not page.page.locator("nav.cc-toc").is_visible()
    assert page.page.locator("#story-1 .cc-view table").is_visible()
    assert (
        page.page.eval_on_selector("#story-1 h3", "e => getComputedStyle(e).breakAfter") == "avoid"
    )
    page.page.pdf(path=str(tmp_path / "sample.pdf"))  # headless Chromium prints
    assert (tmp_path / "sample.pdf").stat().st_size > 20_000


# ---- hostile text -----------------------------------------------------------------------


def test_hostile_report_runs_no_script_even_in_tooltips(browser, tmp_path):
    report = cc.write_report(hostile_articles(), tmp_path / "hostile.html")
    page = browser.open(report)
    drawn = page.wait_for_charts()
    # the hostile pair merges or restates sentences, so its similarity matrix is drawn
    assert [c["id"] for c in drawn][:2] == ["chart-1-1-map", "chart-1-1-similarity"]
    assert all(c["marks"] > 0 for c in drawn)
    body = page.page.inner_text("body")
    assert "<script>window." in body and "<img src=x onerror=" in body
    # hover every sentence of the alignment map: its tooltip shows the hostile text
    marks = page.page.locator("#chart-1-1-map g.mark-rect path")
    assert marks.count() >= 18
    tooltips = []
    for k in range(marks.count()):
        marks.nth(k).hover(force=True)
        tooltip = page.page.locator("#vg-tooltip-element")
        tooltips.append(tooltip.inner_text())
        elements = "e => e.querySelectorAll('script, img, svg, iframe, a, b').length"
        assert page.page.eval_on_selector("#vg-tooltip-element", elements) == 0
    shown = "\n".join(tooltips)
    assert "<script>window." in shown and "<img src=x onerror=" in shown
    assert '<iframe src="javascript:' in shown
    # and the highlighted edits, whose titles carry the text too
    page.page.locator("#story-1 ins").first.hover()
    assert page.page.evaluate("typeof window.__pwned") == "undefined"
    assert_clean(page)  # no console error: not even a script blocked by the policy
    width = page.page.evaluate("document.documentElement.scrollWidth")
    assert width <= 1200  # the 2,800-letter word wraps instead of widening the page
    page.page.screenshot(path=str(tmp_path / "hostile-report.png"), full_page=True)


# ---- notebook export --------------------------------------------------------------------


@pytest.fixture(scope="module")
def executed_notebook(tmp_path_factory):
    """A tiny notebook, executed in a kernel with the offline charts on, saved to disk."""
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell(
            "import comparative_coverage as cc\ncc.use_offline_charts()\n"
            "a, b = cc.read_articles(['data/sample/000_2b30075c1d741493.txt#1',\n"
            "                         'data/sample/001_d4fe8bf4671f7d50.txt'])\n"
            "alignment = cc.align(a, b)"
        ),
        nbformat.v4.new_code_cell("cc.alignment_map(alignment)"),
        nbformat.v4.new_code_cell("cc.changes_chart(cc.change_counts(alignment))"),
        nbformat.v4.new_code_cell(  # a chart as any notebook makes it, with Altair's default
            "import altair as alt\nalt.renderers.enable('default')\ncc.alignment_map(alignment)"
        ),
        nbformat.v4.new_markdown_cell("An equation stays as source: $x^2$"),
    ]
    client = nbclient.NotebookClient(
        nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(ROOT)}}
    )
    client.execute()
    path = tmp_path_factory.mktemp("notebook") / "tiny.ipynb"
    nbformat.write(nb, path)
    return path


@pytest.mark.notebook
def test_executed_notebook_holds_the_vega_lite_specs(executed_notebook):
    import nbformat

    nb = nbformat.read(executed_notebook, as_version=4)
    nbformat.validate(nb)
    outputs = [o for cell in nb.cells[1:3] for o in cell["outputs"]]
    assert [sorted(k for k in o["data"] if "vegalite" in k) for o in outputs] == [
        ["application/vnd.vegalite.v6+json"],
        ["application/vnd.vegalite.v6+json"],
    ]
    assert all("text/html" in o["data"] for o in outputs)  # what the export draws
    assert all("application/vnd.jupyter.widget-view+json" in o["data"] for o in outputs)


@pytest.mark.notebook
def test_exported_notebook_has_no_script_from_another_host(executed_notebook, tmp_path):
    from .test_report import parse

    html = cc.export_notebook(executed_notebook, tmp_path / "tiny.html").read_text("utf-8")
    tags = parse(html)
    assert [attrs["src"] for tag, attrs in tags.tags if tag == "script" and "src" in attrs] == []
    assert [a for t, a in tags.tags if t == "link" and a.get("rel") == "stylesheet"] == []
    assert html.count("window.vegaEmbed=") == 1
    assert 'var VEGA_DEBUG = {"vega_version": "6"' in html


@pytest.mark.notebook
def test_exported_notebook_draws_its_charts_offline(browser, executed_notebook, tmp_path):
    from comparative_coverage.cli import main

    assert main(["export", str(executed_notebook), "-o", str(tmp_path / "tiny.html")]) == 0
    page = browser.open(tmp_path / "tiny.html")
    charts = page.wait_for_charts(3)  # two offline-renderer charts, one default-renderer
    assert len(charts) == 3 and all(c["marks"] > 5 for c in charts)
    assert_clean(page)
    page.page.screenshot(path=str(tmp_path / "notebook.png"), full_page=True)


def test_use_offline_charts_puts_widget_spec_and_html_in_each_output(shoigu_pair):
    import altair as alt

    chart = cc.alignment_map(cc.align(*shoigu_pair))
    try:
        assert cc.use_offline_charts() == "comparative_coverage"
        bundle = chart._repr_mimebundle_()
        assert sorted(bundle) == [
            "application/vnd.jupyter.widget-view+json",
            "application/vnd.vegalite.v6+json",
            "text/html",
        ]
        assert bundle["application/vnd.vegalite.v6+json"] == chart.to_dict()
        cc.use_offline_charts(widget=False)
        assert "application/vnd.jupyter.widget-view+json" not in chart._repr_mimebundle_()
    finally:
        alt.renderers.enable("default")


def test_export_refuses_what_is_not_a_notebook(tmp_path):
    with pytest.raises(cc.InputNotFound):
        cc.export_notebook(tmp_path / "missing.ipynb", tmp_path / "x.html")
    (tmp_path / "notes.txt").write_text("hello", encoding="utf-8")
    with pytest.raises(cc.UnsupportedFormat, match="pass an .ipynb file"):
        cc.export_notebook(tmp_path / "notes.txt", tmp_path / "x.html")
    (tmp_path / "broken.ipynb").write_text("{not json", encoding="utf-8")
    with pytest.raises(cc.NotText, match="not a readable notebook"):
        cc.export_notebook(tmp_path / "broken.ipynb", tmp_path / "x.html")


# ---- live JupyterLab (opt-in: JUPYTERLAB_TEST=1; starts a server, about 40 s) -----------


@pytest.mark.notebook
@pytest.mark.skipif(
    not os.environ.get("JUPYTERLAB_TEST"), reason="set JUPYTERLAB_TEST=1 to drive JupyterLab"
)
def test_jupyterlab_draws_offline_charts_and_altairs_default_needs_the_network(browser, tmp_path):
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nb.cells = [
        nbformat.v4.new_code_cell(
            "import comparative_coverage as cc\ncc.use_offline_charts()\n"
            f"a, b = cc.read_articles([{str(ROOT / 'data/sample/000_2b30075c1d741493.txt#1')!r},\n"
            f"                         {str(ROOT / 'data/sample/001_d4fe8bf4671f7d50.txt')!r}])\n"
            "alignment = cc.align(a, b)"
        ),
        nbformat.v4.new_code_cell("cc.alignment_map(alignment)"),
        nbformat.v4.new_code_cell("cc.changes_chart(cc.change_counts(alignment))"),
        nbformat.v4.new_code_cell(
            "import altair as alt\nalt.renderers.enable('default')\n"
            "cc.changes_chart(cc.change_counts(alignment))"
        ),
    ]
    nbformat.write(nb, tmp_path / "offline.ipynb")
    with jupyterlab(browser, tmp_path) as origin:
        page = open_notebook(browser, origin, "offline.ipynb", cells=4)
        page.page.wait_for_function(
            "document.querySelectorAll('.jp-OutputArea-output').length >= 3", timeout=60_000
        )
        page.page.wait_for_function(
            "document.querySelectorAll('.jp-OutputArea-output svg.marks').length >= 2",
            timeout=60_000,
        )
        time.sleep(2)
        outputs = page.page.eval_on_selector_all(
            ".jp-OutputArea-output", "els => els.map(e => e.innerText.slice(0, 80))"
        )
        assert len(outputs) == 3 and "Error loading script" in outputs[2]  # the CDN one
        assert [u for u in page.blocked if "jsdelivr" not in u] == []
        page.page.screenshot(path=str(tmp_path / "jupyterlab.png"))


@contextlib.contextmanager
def jupyterlab(browser, folder: Path, *, theme: str | None = None):
    """A JupyterLab server on a free local port serving ``folder``; yields its origin."""
    import json
    import socket
    import subprocess
    import sys
    import urllib.request

    settings = folder / "settings"
    if theme:  # JupyterLab reads user settings from here
        themes = settings / "@jupyterlab" / "apputils-extension"
        themes.mkdir(parents=True)
        (themes / "themes.jupyterlab-settings").write_text(json.dumps({"theme": theme}))
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "jupyterlab",
            "--no-browser",
            "--allow-root",
            f"--port={port}",
            "--IdentityProvider.token=cc",
            f"--ServerApp.root_dir={folder}",
            f"--LabApp.user_settings_dir={settings}",
            f"--LabApp.workspaces_dir={folder / 'workspaces'}",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    origin = f"http://127.0.0.1:{port}"
    try:
        for _ in range(60):
            try:
                urllib.request.urlopen(f"{origin}/api/status?token=cc", timeout=1)
                break
            except OSError:
                time.sleep(0.5)
        browser.allowed.append(origin)  # the local server, and nothing else
        yield origin
    finally:
        server.terminate()  # first: nothing below may leave the server running
        server.wait(timeout=30)
        for page in browser.context.pages:  # no page may go on polling a stopped server
            page.close()
        if origin in browser.allowed:
            browser.allowed.remove(origin)


def open_notebook(browser, origin: str, name: str, *, cells: int) -> Page:
    """Open a notebook in JupyterLab, pick its kernel and run its first ``cells`` cells."""
    page = browser.open_url(f"{origin}/lab/tree/{name}?token=cc")
    page.page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=60_000)
    accept = page.page.locator(".jp-Dialog button.jp-mod-accept")
    with contextlib.suppress(Exception):
        accept.first.click(timeout=10_000)  # "Select Kernel"
    page.page.locator(".jp-Cell").first.click()
    page.page.keyboard.press("Escape")
    for _ in range(cells):
        page.page.keyboard.press("Shift+Enter")
        time.sleep(1)
    return page


@pytest.mark.notebook
@pytest.mark.skipif(
    not os.environ.get("JUPYTERLAB_TEST"), reason="set JUPYTERLAB_TEST=1 to drive JupyterLab"
)
def test_the_explorer_draws_offline_in_a_fresh_kernel_and_reads_in_the_dark(browser, tmp_path):
    """The first cell of a fresh kernel: offline charts on, then the explorer. No CDN.
    A chart of its own (the second cell) takes Vega's dark theme, as JupyterLab's own
    Vega renderer would, and the heatmap's blank cells stay the colour of no similarity."""
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nb.cells = [
        nbformat.v4.new_code_cell(
            "import comparative_coverage as cc\ncc.use_offline_charts()\n"
            f"cc.explore({str(ROOT / 'data' / 'sample')!r})"
        ),
        nbformat.v4.new_code_cell(
            f"by = {{x.id: x for x in cc.read_articles({str(ROOT / 'data' / 'sample')!r})}}\n"
            "pair = cc.align(by['000_2b30075c1d741493#1'], by['001_d4fe8bf4671f7d50#1'])\n"
            "cc.similarity_heatmap(cc.similarity_frame(pair))"
        ),
    ]
    nbformat.write(nb, tmp_path / "explore.ipynb")
    with jupyterlab(browser, tmp_path, theme="JupyterLab Dark") as origin:
        page = open_notebook(browser, origin, "explore.ipynb", cells=2)
        page.page.wait_for_selector(".jp-OutputArea-output .cc-view td.cc-a", timeout=90_000)
        page.page.locator(".jp-OutputArea-output .lm-TabBar-tab", has_text="Charts").click()
        page.page.wait_for_function(
            "document.querySelectorAll('.jp-OutputArea-output svg.marks').length >= 3",
            timeout=60_000,
        )
        assert page.blocked == []  # nothing asked of esm.sh, jsdelivr or any other host
        text = page.page.locator(".jp-OutputArea-output .lm-TabBar-tab", has_text="Side by side")
        text.click()
        cell = page.page.locator(".jp-OutputArea-output .cc-view td.cc-a").first
        assert cell.evaluate("e => getComputedStyle(e).color") != "rgb(34, 34, 34)"
        low = [f for f in lowest_contrast(page) if "cc-" in str(f["cls"])]
        assert low == []  # the explorer's views read in the dark theme
        heatmap = page.page.locator(".jp-Notebook .jp-Cell").nth(1).locator("svg.marks")
        heatmap.wait_for(timeout=60_000)
        assert heatmap.evaluate("e => e.style.backgroundColor") == "rgb(51, 51, 51)"  # Vega's dark
        assert heatmap.locator("path.background").first.get_attribute("fill") == "#ffffff"
        page.page.screenshot(path=str(tmp_path / "explorer-dark.png"))
        if os.environ.get("UPDATE_SCREENSHOTS"):
            shutil.copyfile(tmp_path / "explorer-dark.png", ROOT / "docs" / "explorer-dark.png")


# ---- export: run first, warn when there is nothing to show, widgets as static HTML -----


def _bare_notebook(path: Path) -> Path:
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nb.cells = [
        nbformat.v4.new_code_cell("print(6 * 7)"),
        nbformat.v4.new_code_cell(
            "import ipywidgets\nipywidgets.IntSlider(value=3, description='widget')"
        ),
    ]
    nbformat.write(nb, path)
    return path


def test_a_notebook_without_outputs_exports_with_a_warning(tmp_path, capsys):
    from comparative_coverage.cli import main
    from comparative_coverage.present.export import NoOutputsWarning

    notebook = _bare_notebook(tmp_path / "bare.ipynb")
    with pytest.warns(NoOutputsWarning, match="has no outputs.*--execute"):
        cc.export_notebook(notebook, tmp_path / "bare.html")
    assert main(["export", str(notebook), "-o", str(tmp_path / "cli.html")]) == 0
    assert "warning: " in capsys.readouterr().err


@pytest.mark.notebook
def test_export_execute_runs_the_notebook_and_replaces_widgets_by_static_html(tmp_path):
    import warnings

    from comparative_coverage.cli import main

    notebook = _bare_notebook(tmp_path / "bare.ipynb")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # an executed notebook has outputs: no warning
        assert main(["export", str(notebook), "-o", str(tmp_path / "run.html"), "--execute"]) == 0
    html = (tmp_path / "run.html").read_text(encoding="utf-8")
    assert "42" in html
    assert "An interactive widget was here" in html and "IntSlider(" not in html


# ---- any screen: a phone, a dark theme, print ------------------------------------------

CONTRAST = """() => {
  // the WCAG contrast of every piece of text against what is behind it
  function rgb(value) {
    const m = value.match(/[\\d.]+/g).map(Number);
    return {r: m[0], g: m[1], b: m[2], a: m.length > 3 ? m[3] : 1};
  }
  function lum(c) {
    const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
  }
  function background(e) {
    for (; e; e = e.parentElement) {
      const c = rgb(getComputedStyle(e).backgroundColor);
      if (c.a > 0.5) return c;
    }
    return {r: 255, g: 255, b: 255, a: 1};
  }
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const e = n.parentElement;
    if (!n.textContent.trim() || e.closest('svg, script, style, noscript, .vega-embed')) continue;
    const box = e.getBoundingClientRect();
    if (!box.width || getComputedStyle(e).visibility === 'hidden') continue;
    const fg = rgb(getComputedStyle(e).color), bg = background(e);
    const mix = {r: fg.r * fg.a + bg.r * (1 - fg.a), g: fg.g * fg.a + bg.g * (1 - fg.a),
                 b: fg.b * fg.a + bg.b * (1 - fg.a)};
    const [hi, lo] = [lum(mix), lum(bg)].sort((x, y) => y - x);
    found.push({text: n.textContent.trim().slice(0, 40), ratio: (hi + 0.05) / (lo + 0.05),
                cls: e.className});
  }
  return found;
}"""


def lowest_contrast(page: Page) -> list[dict]:
    """The text pieces below WCAG AA (4.5:1), worst first."""
    found = page.page.evaluate(CONTRAST)
    assert len(found) > 100
    return sorted((f for f in found if f["ratio"] < 4.5), key=lambda f: f["ratio"])


@pytest.fixture(scope="module")
def sample_report_file(sample_dir, tmp_path_factory) -> Path:
    return cc.write_report(sample_dir, tmp_path_factory.mktemp("sample") / "sample.html")


def test_on_a_phone_nothing_scrolls_sideways_and_the_versions_stack(
    browser, sample_report_file, tmp_path
):
    page = browser.open(sample_report_file)
    page.page.set_viewport_size({"width": 400, "height": 800})
    page.page.wait_for_timeout(300)
    assert page.page.evaluate("document.documentElement.scrollWidth") <= 400
    cells = page.page.locator("#story-1 table.cc-stack tr.cc-reworded td.cc-a").first
    assert cells.evaluate("e => getComputedStyle(e).display") == "block"  # a above b
    assert page.page.locator("#story-1 .cc-side").first.is_visible()  # each says whose it is
    page.page.screenshot(path=str(tmp_path / "phone.png"), full_page=True)
    page.page.set_viewport_size({"width": 1200, "height": 900})
    assert cells.evaluate("e => getComputedStyle(e).display") == "table-cell"
    assert not page.page.locator("#story-1 .cc-side").first.is_visible()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_text_and_badge_keeps_aa_contrast(browser, sample_report_file, tmp_path, scheme):
    page = browser.open(sample_report_file)
    page.page.emulate_media(color_scheme=scheme)
    background = page.page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background == ("rgb(255, 255, 255)" if scheme == "light" else "rgb(23, 25, 28)")
    assert lowest_contrast(page) == []
    badges = page.page.locator(".cc-badge, .cc-moved").count()
    assert badges > 20  # the badges were measured too
    page.page.screenshot(path=str(tmp_path / f"{scheme}.png"), full_page=True)


JUPYTERLAB_DARK = (  # the variables JupyterLab's dark theme sets, as the views read them
    ":root{--jp-content-font-color1:rgba(255,255,255,1);--jp-content-font-color2:"
    "rgba(255,255,255,0.7);--jp-layout-color0:#111111;--jp-layout-color2:#2a2a2a;"
    "--jp-border-color1:#616161;--jp-border-color2:#424242}"
    "body{background:var(--jp-layout-color0)}"
)


def test_the_views_are_readable_in_jupyterlabs_dark_theme(browser, shoigu_pair, tmp_path):
    from comparative_coverage.present.page import page_html
    from comparative_coverage.present.render import render

    a, b = shoigu_pair
    third = cc.Article(id="c#1", outlet="Third", title="", paragraphs=b.paragraphs[:-2])
    views = cc.align(a, b)._repr_html_() + cc.compare([a, b, third])._repr_html_()
    head = render("style.html.j2", css=JUPYTERLAB_DARK)
    (tmp_path / "dark.html").write_text(page_html("views", views, head=head), encoding="utf-8")
    page = browser.open(tmp_path / "dark.html")
    assert (
        page.page.evaluate("getComputedStyle(document.querySelector('.cc-view td.cc-a')).color")
        == "rgb(255, 255, 255)"
    )
    assert lowest_contrast(page) == []
    page.page.screenshot(path=str(tmp_path / "jupyterlab-dark.png"), full_page=True)


def test_the_sample_prints_on_a_few_pages_none_of_them_near_empty(
    browser, sample_report_file, tmp_path
):
    import re
    import subprocess

    page = browser.open(sample_report_file)
    page.page.emulate_media(media="print")
    page.page.evaluate("window.ccDrawCharts()")
    page.page.wait_for_function("document.querySelectorAll('.vega-embed svg.marks').length >= 5")
    pdf = tmp_path / "sample.pdf"
    page.page.pdf(path=str(pdf), format="A4")
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf.read_bytes()))
    assert 3 <= pages <= 10
    if shutil.which("pdftotext"):  # every page but the last holds a fair amount of text
        text = subprocess.run(
            ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        sheets = text.split("\f")[:pages]
        assert all(len(s.split()) > 60 for s in sheets[:-1]), [len(s.split()) for s in sheets]
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-r", "50", "-png", str(pdf), str(tmp_path / "page")])


# ---- any corpus size: 1,000 stories x 4 versions ----------------------------------------

LIGHTHOUSE_DOM = 1_400  # Lighthouse fails a page above about this many elements
FIRST_VIEW = """() => ({
  elements: document.querySelectorAll('*').length,
  load: performance.getEntriesByType('navigation')[0].loadEventEnd,
})"""


@pytest.fixture(scope="module")
def thousand_stories(tmp_path_factory) -> Path:
    """A generated corpus of 1,000 stories x 4 versions: its index and first story's page."""
    import sys

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from report_corpus import story_corpus

    folder = tmp_path_factory.mktemp("thousand")
    files = cc.build_site(story_corpus(1000, versions=4), name="corpus")
    for k, (name, text) in enumerate(files):
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
        if k == 2:  # the index, the Vega bundle and story-1: enough to open
            break
    return folder


def test_a_thousand_story_index_opens_fast_under_the_dom_limit(browser, thousand_stories):
    index = thousand_stories / "corpus.html"
    page = browser.open(index)
    first = page.page.evaluate(FIRST_VIEW)
    print(f"\n1,000 x 4 index: {index.stat().st_size / 1e3:.0f} KB, {first}")
    assert first["elements"] < LIGHTHOUSE_DOM and first["load"] < 2_000
    assert page.page.inner_text("#cc-shown") == "Showing 50 of 1000 stories."
    assert page.page.locator("#cc-stories tbody tr").count() == 50
    page.page.fill("#cc-search", "story 999")
    assert page.page.locator("#cc-stories tbody tr").count() == 1
    page.page.fill("#cc-search", "")
    page.page.locator("#cc-stories th button", has_text="added").click()  # most added first
    added = page.page.eval_on_selector_all(
        "#cc-stories tbody td:nth-child(6)", "tds => tds.map(td => Number(td.textContent))"
    )
    assert added == sorted(added, reverse=True) and len(added) == 50
    page.page.click("#cc-more-rows")
    assert page.page.locator("#cc-stories tbody tr").count() == 100
    assert_clean(page)


def test_a_story_page_of_the_thousand_draws_its_charts_offline(browser, thousand_stories):
    page = browser.open(thousand_stories / "corpus_files" / "story-1.html")
    first = page.page.evaluate(FIRST_VIEW)
    print(f"\n1,000 x 4, story-1: {first}")
    assert first["elements"] < LIGHTHOUSE_DOM and first["load"] < 2_000
    page.page.evaluate("window.ccDrawCharts()")  # the shared bundle draws every chart
    charts = page.wait_for_charts()
    assert len(charts) >= 4 and all(c["marks"] > 0 for c in charts)
    assert_clean(page)


def test_the_sample_report_first_view_is_under_the_dom_limit(browser, sample_report_file):
    page = browser.open(sample_report_file)
    page.page.wait_for_timeout(500)  # the charts near the screen draw
    first = page.page.evaluate(FIRST_VIEW)
    print(f"\nsample: {sample_report_file.stat().st_size / 1e3:.0f} KB, {first}")
    assert first["elements"] < LIGHTHOUSE_DOM and first["load"] < 2_000


@pytest.mark.parametrize("width", [1200, 400])
def test_a_restatement_says_how_it_was_found_inside_its_own_column(
    browser, shoigu_pair, tmp_path, width
):
    from dataclasses import replace

    from comparative_coverage.model import Restatement
    from comparative_coverage.present.page import page_html

    alignment = cc.align(*shoigu_pair)
    every_way = tuple(  # each way a restatement is found, the longest words included
        Restatement(a=k, b=k + 1, by="b", score=0.6, method=method)
        for k, method in enumerate(("holds", "held", "leftover", "cross"))
    )
    (tmp_path / "view.html").write_text(
        page_html("view", replace(alignment, restatements=every_way)._repr_html_()),
        encoding="utf-8",
    )
    page = browser.open(tmp_path / "view.html")
    page.page.set_viewport_size({"width": width, "height": 900})
    page.page.wait_for_timeout(200)
    overflowing = page.page.evaluate(
        """() => [...document.querySelectorAll('tr.cc-restatement td')]
            .filter(td => td.scrollWidth > td.clientWidth).map(td => td.textContent)"""
    )
    assert page.page.locator("tr.cc-restatement").count() == 4
    assert overflowing == []
    assert page.page.evaluate("document.documentElement.scrollWidth") <= width


def test_five_versions_print_stacked_and_long_outlet_names_keep_apart_on_the_map(
    browser, shoigu_pair, tmp_path
):
    a, b = shoigu_pair
    long_named = [
        cc.Article(
            id=f"edition-{k}#1",
            outlet=f"The International News of Somewhere Far, print edition {k}",
            title=b.title,
            paragraphs=b.paragraphs[:-k],
        )
        for k in (1, 2, 3)
    ]
    report = cc.write_report([a, *long_named, b], tmp_path / "five.html")
    page = browser.open(report)
    page.wait_for_charts()
    # the map's two outlet names, drawn in bold above their columns, do not overlap
    heads = page.page.eval_on_selector_all(
        "#chart-1-1-map g.mark-text text[font-weight='bold']",
        """ts => ts.filter(t => !t.closest('.role-legend, .role-title'))
                  .map(t => { const r = t.getBoundingClientRect(); return [r.left, r.right]; })""",
    )
    assert len(heads) == 2 and heads[0][1] < heads[1][0], heads
    # on paper the N-way table stacks, as on a phone: five columns of A4 printed a word a line
    page.page.emulate_media(media="print")
    cell = page.page.locator("#story-1 table.cc-stack tbody td:not(.cc-n)").nth(2)
    assert cell.evaluate("e => getComputedStyle(e).display") == "block"
    assert cell.evaluate("e => e.getBoundingClientRect().width") > 400
    page.page.pdf(path=str(tmp_path / "five.pdf"), format="A4")
