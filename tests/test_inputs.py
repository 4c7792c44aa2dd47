"""What the entry points take: Articles, texts, lists of sentences, and files as Paths.

A ``str`` is always text (text from a form must never open a file); a ``Path`` is a file
or a folder to read. A text that names an existing file warns, since its name, not its
content, would be compared.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

import comparative_coverage as cc

SAMPLE = Path(__file__).resolve().parent.parent / "data" / "sample"
FIRST = SAMPLE / "000_2b30075c1d741493.txt#1"
SECOND = SAMPLE / "001_d4fe8bf4671f7d50.txt#1"


def test_a_path_is_the_article_it_names():
    by_path = cc.align(FIRST, SECOND)
    a, b = cc.read_articles([FIRST, SECOND])
    assert by_path == cc.align(a, b)
    assert (by_path.a_name, by_path.b_name) == ("Asharq Al-Awsat", "The Defense Post")


def test_a_folder_is_every_article_in_it():
    assert len(cc.describe_labels(SAMPLE).to_frame()) == len(
        cc.describe_labels(cc.read_articles(SAMPLE)).to_frame()
    )


def test_a_text_that_names_a_file_is_still_text_but_warns():
    name = str(SAMPLE / "000_2b30075c1d741493.txt")
    with pytest.warns(UserWarning, match=r"read as text.*pass Path\(") as caught:
        alignment = cc.align(name, name)
    assert all(sentence in name for sentence in alignment.a_sentences)  # the name, not the page
    assert caught[0].filename == __file__  # pointed at the caller's line


def test_ordinary_texts_do_not_warn():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        cc.align("Talks began. They ended.", "Talks began.")
        cc.align("no-such-file.md", "x")  # a one-word text naming no file


def test_a_file_with_several_articles_asks_which():
    with pytest.raises(ValueError, match=r"holds 2 articles.*read_articles"):
        cc.align(SAMPLE / "000_2b30075c1d741493.txt", SECOND)


def test_a_missing_file_says_so():
    with pytest.raises(cc.InputNotFound):
        cc.align(Path("no-such-file.txt"), "x")
