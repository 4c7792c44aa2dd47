"""The hostile corpus in the live widgets: the explorer and the quiz in a running JupyterLab.

One JupyterLab server (the fixture of :mod:`test_browser`, opt-in with JUPYTERLAB_TEST=1)
runs a notebook that opens :func:`cc.explore` on the hostile site corpus and
:func:`cc.quiz` on its most hostile story. Playwright drives them as a user would: picks
the hostile story, narrows the sentence and change filters, opens the charts and the
changes, answers a question and shows its evidence. Every request other than the lab
server's is blocked and counted; nothing may run (no ``window.__p`` entry, no dialog)
and the payloads show as text.
"""

from __future__ import annotations

import os
import time

import pytest

from .test_browser import browser, jupyterlab, open_notebook  # noqa: F401
from .test_hostile import PAYLOADS, executed_payloads, hostile_folder, record, shown_payloads
from .test_hostile_site import hostile_stories

pytestmark = [
    pytest.mark.browser,
    pytest.mark.notebook,
    pytest.mark.skipif(
        not os.environ.get("JUPYTERLAB_TEST"), reason="set JUPYTERLAB_TEST=1 to drive JupyterLab"
    ),
]

HOSTILE_TITLE = "Talks in Moscow"  # the story of hostile_folder: every payload in its text

CELLS = (
    "import warnings; warnings.simplefilter('ignore')\n"
    "import comparative_coverage as cc\n"
    "cc.use_offline_charts()\n"
    "corpus = cc.read_articles({paths!r})\n"
    "story = next(s for s in cc.find_stories(corpus) if s.title.startswith({title!r}))\n"
    "explorer = cc.explore(corpus)\n"
    "explorer",
    "cc.quiz(story, seed=1)",
)

OUTPUT = ".jp-OutputArea-output"
WIDGET = ".jp-OutputArea-output .widget-vbox"


def _notebook(folder) -> str:
    import nbformat

    paths = [str(hostile_stories(folder)), str(hostile_folder(folder / "files"))]
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nb.cells = [
        nbformat.v4.new_code_cell(CELLS[0].format(paths=paths, title=HOSTILE_TITLE)),
        nbformat.v4.new_code_cell(CELLS[1]),
    ]
    nbformat.write(nb, folder / "hostile.ipynb")
    return "hostile.ipynb"


def _wait(page, condition: str, timeout: int = 30_000) -> None:
    page.page.wait_for_function(condition, timeout=timeout)


def _explore(page) -> None:
    """Pick the hostile story, narrow both filters, open every tab."""
    explorer = page.page.locator(".jp-OutputArea-output").first
    story = explorer.locator(".widget-dropdown select").first
    label = next(
        o
        for o in story.locator("option").all_text_contents()
        if HOSTILE_TITLE in o.replace("\xa0", " ")
    )
    story.select_option(label=label)
    shown = "document.querySelector('.jp-OutputArea-output .cc-view').innerText"
    _wait(page, f"{shown}.includes('the talks in Moscow covered')")  # the hostile story's text
    statuses, kinds = explorer.locator(".widget-select-multiple select").all()[1:3]
    statuses.select_option(label="added")
    rows = "document.querySelectorAll('.jp-OutputArea-output .cc-view tr.cc-{}').length"
    _wait(page, f"{rows.format('same')} == 0 && {rows.format('added')} > 0")
    statuses.select_option(label=[o for o in statuses.locator("option").all_text_contents()])
    kinds.select_option(index=[0, 1, 2])
    explorer.locator(".lm-TabBar-tab", has_text="Charts").click()
    _wait(page, "document.querySelectorAll('.jp-OutputArea-output svg.marks').length >= 3", 60_000)
    for mark in explorer.locator("svg.marks g.mark-rect path").all()[:15]:
        if mark.is_visible():
            mark.hover(force=True)  # vega-tooltip shows the hostile text
    explorer.locator(".lm-TabBar-tab", has_text="Changes").click()
    explorer.locator(".lm-TabBar-tab", has_text="Side by side").click()
    for element in explorer.locator(".cc-view ins, .cc-view del").all()[:20]:
        if element.is_visible():
            element.hover(force=True, timeout=2_000)


def _answer(page) -> None:
    """Answer the first question with choices, then show its evidence."""
    quiz = page.page.locator(".cc-quiz").first
    question = quiz.locator(".cc-exercise", has=page.page.locator("input[type=radio]")).first
    question.locator("input[type=radio]").first.check()
    _wait(
        page,
        "[...document.querySelectorAll('.cc-exercise')].some(e => /Right|Not quite/i"
        ".test(e.innerText))",
    )
    question.locator("button", has_text="Show evidence").click()
    _wait(page, "document.querySelector('.cc-quiz .cc-evidence').offsetParent !== null")


def test_the_explorer_and_the_quiz_run_no_payload_in_jupyterlab(browser, tmp_path):  # noqa: F811
    start = time.perf_counter()
    name = _notebook(tmp_path)
    with jupyterlab(browser, tmp_path) as origin:
        page = open_notebook(browser, origin, name, cells=2)
        page.page.wait_for_selector(f"{WIDGET} .cc-view td.cc-a", timeout=90_000)
        page.page.wait_for_selector(".cc-quiz .cc-exercise", timeout=60_000)
        _explore(page)
        _answer(page)
        text = page.page.locator(".jp-Notebook").inner_text()
        executed = executed_payloads(page)
        requests = list(page.blocked)
        shown = shown_payloads(text)
        record(
            "JupyterLab: explorer and quiz widgets",
            shown=shown,
            executed=executed,
            requests=requests,
        )
        print(
            f"\nJupyterLab hostile widgets: {time.perf_counter() - start:.0f} s, "
            f"{len(shown)} payloads shown, {len(executed)} executed, {len(requests)} requests"
        )
        assert executed == []
        assert requests == []  # nothing asked of esm.sh, jsdelivr or any host but the lab's
        assert {"script", "img", "script-end", "iframe", "comment"} <= shown
        assert len(shown) >= len(PAYLOADS) - 2, sorted(set(PAYLOADS) - shown)
