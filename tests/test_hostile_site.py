"""The hostile corpus as a report site: the index, every story page, the search and sorting.

Past :data:`ONE_PAGE_STORIES` compared stories a report becomes an offline site (an index,
one page per story, a shared ``vega.js``). Here seven stories carry the payloads of
:mod:`test_hostile` in their text, titles, outlet names, ids, file names and ``url``
column. Every file is checked statically, then opened in Chromium with every request but
``file:`` blocked and counted: nothing runs (no ``window.__p`` entry, no dialog), nothing
is requested outside the site's own files, and every payload shows literally in some
page's text. The index's search box is fed every payload and each column sorted.
"""

from __future__ import annotations

import json
import random
import warnings
from pathlib import Path

import pytest

import comparative_coverage as cc
from comparative_coverage.present.report import ONE_PAGE_STORIES

from .test_browser import browser  # noqa: F401  (the Chromium fixture)
from .test_hostile import (
    PAYLOADS,
    URLS,
    assert_inert,
    executed_payloads,
    hostile_folder,
    literal,
    record,
    shown_payloads,
)

_SYLLABLES = ("ka", "lo", "mir", "ta", "ven", "do", "sha", "rek", "ul", "po", "zan", "bi")
STORIES = 6  # from the table; the hostile folder adds a seventh


def hostile_stories(folder: Path) -> Path:
    """A table of six two-version stories; each row's every column carries payloads.

    A story's own sentences are made-up words drawn for it alone (so the stories group
    apart); three of its sentences, its title and both outlet names hold payloads.
    """
    import pandas as pd

    names = list(PAYLOADS)
    rows = []
    for s in range(STORIES):
        rng = random.Random(s)

        def word(rng=rng) -> str:
            return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4)))

        who = word().capitalize()
        base = [" ".join([who] + [word() for _ in range(12)]) + "." for _ in range(8)]
        for k in range(3):
            payload = PAYLOADS[names[(3 * s + k) % len(names)]]
            base.insert(2 * k + 1, f"{who} {word()} {word()} {payload} {word()} {word()}.")
        for v in range(2):
            text = list(base)
            if v:  # the second version rewords its first sentence and adds one
                text[0] = text[0].replace(who, f"{who} {word()}", 1)
                text.append(f"{word()} {word()} {PAYLOADS['iframe']} {word()}.")
            rows.append(
                {
                    "id": f"s{s}v{v} {PAYLOADS['img']}",
                    "outlet": f"Outlet {v} {PAYLOADS[names[(s + v) % len(names)]]}",
                    "title": f"{who} {PAYLOADS[names[(2 * s + v + 5) % len(names)]]}",
                    "text": "\n\n".join(text),
                    "url": URLS[v],
                    "date": f"2021-04-{10 + s}",
                }
            )
    path = folder / "stories.csv"
    pd.DataFrame(rows).to_csv(path, index=False)
    return path


@pytest.fixture(scope="module")
def site_corpus(tmp_path_factory) -> list[cc.Article]:
    root = tmp_path_factory.mktemp("hostile-site")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the control characters are reported, rightly
        return cc.read_articles([hostile_stories(root), hostile_folder(root / "files")])


@pytest.fixture(scope="module")
def site(site_corpus, tmp_path_factory) -> Path:
    """The site written with ``pages="auto"``: its index (beside ``site_files/``)."""
    return cc.write_report(site_corpus, tmp_path_factory.mktemp("site") / "site.html")


def test_seven_hostile_stories_make_a_site(site_corpus, site):
    stories = [s for s in cc.find_stories(site_corpus) if len(s.articles) > 1]
    assert len(stories) == STORIES + 1 > ONE_PAGE_STORIES
    files = sorted(p.relative_to(site.parent).as_posix() for p in site.parent.rglob("*"))
    pages = [f"site_files/story-{k}.html" for k in range(1, STORIES + 2)]
    assert files == sorted(["site.html", "site_files", "site_files/vega.js", *pages])


def test_every_page_of_the_site_is_inert(site):
    index = site.read_text("utf-8")
    markup = assert_inert(index, allowed_scripts=1)  # index.js, allowed by its hash
    data = json.loads(dict(markup.scripts)["application/json"])
    assert all(h.startswith("site_files/story-") for h in data["hrefs"])  # only our pages
    assert PAYLOADS["script"] in json.dumps(data, ensure_ascii=False)  # as data
    for page in sorted((site.parent / "site_files").glob("story-*.html")):
        markup = assert_inert(page.read_text("utf-8"), allowed_scripts=None)
        code = [(t, a) for t, a in markup.tags if t == "script" and a.get("type") is None]
        assert [a.get("src") for t, a in code] == ["vega.js", None], page.name


# ---- in Chromium, network blocked ---------------------------------------------------------


@pytest.fixture
def requests(browser):  # noqa: F811
    """Every URL any page asks for while the test runs (allowed or not)."""
    seen: list[str] = []
    listener = lambda request: seen.append(request.url)  # noqa: E731
    browser.context.on("request", listener)
    yield seen
    browser.context.remove_listener("request", listener)


def _assert_clean(page, name: str) -> None:
    assert executed_payloads(page) == [], name
    assert page.blocked == [], (name, page.blocked)
    assert page.page_errors == [], (name, page.page_errors)
    assert page.console_errors == [], (name, page.console_errors)  # not even a blocked try
    markup = "document.querySelectorAll('#cc-stories tbody *:not(tr):not(td):not(a)').length"
    assert page.page.evaluate(markup) == 0, name


@pytest.mark.browser
def test_the_index_search_and_sort_run_no_payload(browser, site, site_corpus, requests):  # noqa: F811
    page = browser.open(site)
    _assert_clean(page, "index")
    text = page.page.inner_text("body")
    stories = [s for s in cc.find_stories(site_corpus) if len(s.articles) > 1]
    titles = [s.title for s in stories]
    outlets = [a.outlet for s in stories for a in s.articles if a.outlet]
    for shown in titles + outlets:
        assert literal(shown) in literal(text), shown
    assert page.page.locator("#cc-stories tbody tr").count() == len(titles)
    searched = set()
    for name, payload in PAYLOADS.items():  # every payload typed into the search box
        page.page.fill("#cc-search", payload)
        rows = page.page.locator("#cc-stories tbody tr")
        matching = [t for t in titles if payload.lower() in t.lower()]
        if matching:
            searched.add(name)
            assert rows.count() >= len(matching), name
            assert literal(matching[0]) in literal(page.page.inner_text("#cc-stories")), name
        _assert_clean(page, f"index, search {name}")
    assert len(searched) >= 6  # the titles carry that many payloads: found as text
    page.page.fill("#cc-search", "")
    for button in page.page.locator("#cc-stories th button").all():
        for _ in range(2):  # ascending, then descending
            button.click()
            assert page.page.locator("#cc-stories tbody tr").count() == len(titles)
    for link in page.page.locator("#cc-stories a, [title]").all()[:40]:
        link.hover(force=True, timeout=2_000)
    _assert_clean(page, "index, sorted")
    outside = [u for u in requests if not u.startswith(site.parent.as_uri())]
    record(
        "site: index, search, sort",
        shown=shown_payloads(text),
        executed=executed_payloads(page),
        requests=outside,
    )
    assert outside == []


@pytest.mark.browser
def test_no_story_page_runs_a_payload_or_asks_for_anything(browser, site, requests):  # noqa: F811
    shown: set[str] = set()
    pages = sorted((site.parent / "site_files").glob("story-*.html"))
    executed = []
    for path in pages:
        page = browser.open(path)
        charts = page.wait_for_charts()  # the shared vega.js draws every chart offline
        assert charts and all(c["marks"] > 0 for c in charts), path.name
        page.page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
        for mark in page.page.locator(".vega-embed g.mark-rect path").all()[:20]:
            if mark.is_visible():
                mark.hover(force=True)  # the tooltips show the hostile text
                tags = "e => e.querySelectorAll('script, img, svg, iframe, a, object').length"
                assert page.page.eval_on_selector("#vg-tooltip-element", tags) == 0
        for element in page.page.locator("ins, del, a, [title]").all()[:30]:
            element.hover(force=True, timeout=2_000)
        assert page.page.get_attribute("a[href$='site.html']", "href") == "../site.html"
        text = page.page.inner_text("body")
        assert any(literal(p) in literal(text) for p in PAYLOADS.values()), path.name
        shown |= shown_payloads(text)
        executed += executed_payloads(page)
        _assert_clean(page, path.name)
        page.page.close()
    outside = [u for u in requests if not u.startswith(site.parent.as_uri())]
    record("site: story pages", shown=shown, executed=executed, requests=outside)
    assert outside == []
    assert len(shown) >= len(PAYLOADS) - 1, sorted(set(PAYLOADS) - shown)
