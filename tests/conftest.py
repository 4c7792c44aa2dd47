"""Fixtures named for what they give: the bundled corpus and its flagship pair."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

import comparative_coverage as cc

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "sample"
CASES = Path(__file__).resolve().parent / "cases"


@pytest.fixture
def titles_without_president(tmp_path, monkeypatch):
    """A context in which the word lists are a copy where "president" is no longer a title
    (read at the test's ``vocabulary.reload()``); the bundled lists are read again on leaving."""
    from contextlib import contextmanager

    from comparative_coverage import vocabulary

    @contextmanager
    def edited():
        folder = tmp_path / "vocabulary"
        shutil.copytree(vocabulary._folder(), folder)
        titles = folder / "titles.txt"
        kept = [
            w for w in titles.read_text("utf-8").splitlines() if w.strip().lower() != "president"
        ]
        titles.write_text("\n".join(kept) + "\n", "utf-8")
        monkeypatch.setattr(vocabulary, "_folder", lambda: folder)
        try:
            yield folder
        finally:
            monkeypatch.undo()
            vocabulary.reload()

    return edited


@pytest.fixture(scope="session")
def sample_dir() -> Path:
    return SAMPLE


@pytest.fixture(scope="session")
def sample_articles() -> list[cc.Article]:
    return cc.read_articles(SAMPLE)


@pytest.fixture(scope="session")
def shoigu_pair(sample_articles) -> tuple[cc.Article, cc.Article]:
    """Asharq Al-Awsat's version (a) and The Defense Post's version (b) of the AFP story."""
    by_id = {a.id: a for a in sample_articles}
    return by_id["000_2b30075c1d741493#1"], by_id["001_d4fe8bf4671f7d50#1"]


def chromium_path() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def require_chromium() -> str:
    """The Chromium binary, or a skip (a failure where CI sets REQUIRE_BROWSER=1)."""
    path = chromium_path()
    if path is None:
        if os.environ.get("REQUIRE_BROWSER"):
            pytest.fail("REQUIRE_BROWSER is set but chromium is not installed")
        pytest.skip("chromium is not installed (apt-get install -y chromium)")
    return path
