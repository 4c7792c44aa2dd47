"""Worksheets and the quiz page in the same headless Chromium as the reports: offline, on paper.

Reuses test_browser's context (every request but file:, data: and blob: blocked and
counted) and its checks for console errors, page errors and dialogs. The worksheet and
its key are printed to A4 PDF and their pages counted; with poppler's ``pdftotext`` at
hand, each page's text is measured too (no near-empty page). Screenshots of the quiz go
to docs/ when UPDATE_SCREENSHOTS=1.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import pytest

import comparative_coverage as cc

from .conftest import ROOT
from .test_browser import assert_clean, browser  # noqa: F401  (browser is a fixture)
from .test_report import hostile_articles

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def story(sample_dir) -> cc.Story:
    return cc.find_stories(cc.read_articles(sample_dir))[0]


def write(tmp_path, name: str, html: str):
    path = tmp_path / name
    path.write_text(html, encoding="utf-8")
    return path


def pdf_pages(page, path) -> tuple[int, list[int]]:
    """Print to A4 PDF: the number of pages, and the letters of text on each (when known)."""
    page.page.pdf(path=str(path), format="A4", print_background=True, prefer_css_page_size=True)
    count = len(re.findall(rb"/Type\s*/Page[^s]", path.read_bytes()))
    if not shutil.which("pdftotext"):
        return count, []
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return count, [len(re.sub(r"\s", "", p)) for p in text.split("\f")[:count]]


def test_the_sample_worksheet_prints_on_two_to_four_pages_and_its_key_on_one(
    browser,  # noqa: F811
    story,
    tmp_path,
):
    sheet = browser.open(write(tmp_path, "worksheet.html", cc.worksheet_html(story)))
    assert sheet.page.evaluate("document.scripts.length") == 0
    count = len(cc.make_exercises(story))
    assert sheet.page.locator(".cc-exercise").count() == count
    assert sheet.page.locator(".cc-version").count() == 2
    sheet.page.emulate_media(media="print")
    columns = sheet.page.eval_on_selector(
        ".cc-texts", "e => getComputedStyle(e).gridTemplateColumns.split(' ').length"
    )
    assert columns == 2  # the two texts side by side on paper
    breaks = sheet.page.eval_on_selector(".cc-exercise", "e => getComputedStyle(e).breakInside")
    assert breaks == "avoid"  # a question never splits across pages
    pages, letters = pdf_pages(sheet, tmp_path / "worksheet.pdf")
    assert 2 <= pages <= 4
    assert all(n >= 600 for n in letters), letters  # no near-empty page
    assert_clean(sheet)

    key = browser.open(write(tmp_path, "key.html", cc.worksheet_html(story, answers=True)))
    assert key.page.locator(".cc-key-list li").count() == count
    pages, letters = pdf_pages(key, tmp_path / "key.pdf")
    assert pages == 1
    assert_clean(key)


def test_a_hostile_worksheet_runs_nothing(browser, tmp_path):  # noqa: F811
    for name, answers in (("hostile.html", False), ("hostile-answers.html", True)):
        page = browser.open(
            write(tmp_path, name, cc.worksheet_html(hostile_articles(), answers=answers))
        )
        body = page.page.inner_text("body")
        assert "<script>window." in body  # shown as text
        assert answers or "onerror=" in body
        for element in page.page.locator(".cc-choices li, blockquote, li").all()[:40]:
            element.hover()
        assert page.page.evaluate("typeof window.__pwned") == "undefined"
        assert (
            page.page.evaluate("document.querySelectorAll('script, img, iframe, svg').length") == 0
        )
        assert page.page.evaluate("document.documentElement.scrollWidth") <= 1200  # long words wrap
        assert_clean(page)


# ---- the standalone quiz --------------------------------------------------------------------


def test_the_quiz_page_scores_answers_offline_and_shows_evidence_only_after(
    browser,  # noqa: F811
    story,
    tmp_path,
):
    exercises = cc.make_exercises(story)
    page = browser.open(write(tmp_path, "quiz.html", cc.quiz_html(story)))
    p = page.page
    n = len(exercises)
    assert p.inner_text("#cc-score") == f"Score: 0 of {n} (0 answered)"
    assert p.locator(".cc-exercise").count() == n
    assert p.locator(".cc-texts .cc-version").count() == 2  # both texts, inside the quiz
    assert "AFP reported" in p.inner_text(".cc-texts")
    first, second = p.locator(".cc-exercise").nth(0), p.locator(".cc-exercise").nth(1)
    assert not first.locator(".cc-evidence").is_visible()  # nothing given away
    assert "Answer:" not in p.inner_text("body")
    right = exercises[0].choices.index(exercises[0].answer)
    first.locator("button").nth(right).click()
    assert first.locator(".cc-feedback").inner_text().startswith("Right.")
    assert first.locator(".cc-evidence").is_visible()
    wrong = next(k for k, c in enumerate(exercises[1].choices) if c != exercises[1].answer)
    second.locator("button").nth(wrong).click()
    assert "Not quite: the answer is" in second.locator(".cc-feedback").inner_text()
    second.locator("button").nth(exercises[1].choices.index(exercises[1].answer)).click(
        force=True  # locked: a second click changes nothing
    )
    assert p.inner_text("#cc-score") == f"Score: 1 of {n} (2 answered)"  # the first answer counts
    assert second.locator("button[disabled]").count() == len(exercises[1].choices)
    assert_clean(page)

    teacher = browser.open(write(tmp_path, "teacher.html", cc.quiz_html(story, teacher=True)))
    assert teacher.page.locator(".cc-explanation").count() == n
    assert teacher.page.locator(".cc-evidence").first.is_visible()
    assert_clean(teacher)
    if os.environ.get("UPDATE_SCREENSHOTS") == "1":
        p.set_viewport_size({"width": 1100, "height": 1500})
        p.evaluate("window.scrollTo(0, 0)")
        p.screenshot(path=str(ROOT / "docs" / "quiz.png"))


def test_a_hostile_quiz_page_runs_nothing(browser, tmp_path):  # noqa: F811
    page = browser.open(write(tmp_path, "hostile-quiz.html", cc.quiz_html(hostile_articles())))
    p = page.page
    assert p.locator(".cc-exercise").count() >= 1
    for box in p.locator(".cc-exercise").all():
        box.locator("button").first.click()
    for element in p.locator("blockquote, li, button").all()[:60]:
        element.hover()
    assert "<script>window." in p.inner_text("body")  # shown as text
    assert p.evaluate("typeof window.__pwned") == "undefined"
    assert p.evaluate("document.querySelectorAll('img, iframe, svg, a').length") == 0
    assert p.evaluate("document.scripts.length") == 2  # the data block and the quiz itself
    assert_clean(page)
