"""Worksheets in the same headless Chromium as the reports: offline, printable, nothing runs.

Reuses test_browser's context (every request but file:, data: and blob: blocked and
counted) and its checks for console errors, page errors and dialogs.
"""

from __future__ import annotations

import pytest

import comparative_coverage as cc

from .test_browser import assert_clean, browser  # noqa: F401  (browser is a fixture)
from .test_report import hostile_articles

pytestmark = pytest.mark.browser


def write(tmp_path, name: str, source, **options):
    path = tmp_path / name
    path.write_text(cc.worksheet_html(source, **options), encoding="utf-8")
    return path


def test_the_sample_worksheet_and_key_open_offline_and_print(browser, sample_dir, tmp_path):  # noqa: F811
    story = cc.find_stories(cc.read_articles(sample_dir))[0]
    for name, answers in (("worksheet.html", False), ("worksheet-answers.html", True)):
        page = browser.open(write(tmp_path, name, story, answers=answers))
        assert page.page.evaluate("document.scripts.length") == 0
        assert page.page.locator(".cc-exercise").count() == 15
        assert page.page.locator("li.cc-answer").count() == (15 if answers else 0)
        assert page.page.locator(".cc-version").count() == (0 if answers else 2)
        assert page.page.evaluate("document.documentElement.scrollWidth") <= 1200
        page.page.emulate_media(media="print")
        breaks = page.page.eval_on_selector(".cc-exercise", "e => getComputedStyle(e).breakInside")
        assert breaks == "avoid"  # a question never splits across pages
        page.page.pdf(path=str(tmp_path / name.replace(".html", ".pdf")))
        assert (tmp_path / name.replace(".html", ".pdf")).stat().st_size > 20_000
        page.page.emulate_media(media="screen")
        page.page.screenshot(path=str(tmp_path / name.replace(".html", ".png")), full_page=True)
        assert_clean(page)


def test_a_hostile_worksheet_runs_nothing(browser, tmp_path):  # noqa: F811
    for name, answers in (("hostile.html", False), ("hostile-answers.html", True)):
        page = browser.open(write(tmp_path, name, hostile_articles(), answers=answers))
        body = page.page.inner_text("body")
        assert "<script>window." in body  # shown as text
        assert "onerror=" in body
        for element in page.page.locator(".cc-choices li, blockquote").all()[:40]:
            element.hover()
        assert page.page.evaluate("typeof window.__pwned") == "undefined"
        assert (
            page.page.evaluate("document.querySelectorAll('script, img, iframe, svg').length") == 0
        )
        assert page.page.evaluate("document.documentElement.scrollWidth") <= 1200  # long words wrap
        assert_clean(page)
