"""Sentences: golden cases from the seeds, the wild and synthetic text; invariants."""

from __future__ import annotations

import json
import re
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import comparative_coverage as cc
from comparative_coverage.reading.lines import split_blocks
from comparative_coverage.reading.segment import split_paragraphs

from .conftest import CASES

GOLDEN = json.loads((CASES / "sentences.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(c, marks=pytest.mark.xfail(reason=c["xfail"], strict=True))
        if c.get("xfail")
        else c
        for c in GOLDEN
    ],
    ids=[f"{c['origin']}:{c['text'][:40]}" for c in GOLDEN],
)
def test_golden_sentences(case):
    language = case.get("language", "en")
    assert [s.text for s in cc.split_sentences(case["text"], language=language)] == case[
        "sentences"
    ]


def test_golden_cases_are_labelled_with_their_origin():
    assert all(c["origin"].split()[0] in {"seed", "wild", "synthetic"} for c in GOLDEN)
    assert sum(c["origin"].startswith("seed") for c in GOLDEN) >= 10


def test_every_sample_sentence_maps_back_into_its_body(sample_articles):
    for article in sample_articles:
        for sentence in article.sentences:
            assert article.body[sentence.start : sentence.end] == sentence.text
            assert article.paragraphs[sentence.paragraph] in article.body


def test_paragraphs_never_share_a_sentence():
    sentences = split_paragraphs(["A headline without a stop", "Body one. Body two."])
    assert [(s.text, s.paragraph) for s in sentences] == [
        ("A headline without a stop", 0),
        ("Body one.", 1),
        ("Body two.", 1),
    ]


def test_a_salutation_kept_in_one_paragraph_with_the_letters_first_sentence_is_one_sentence():
    sentences = split_paragraphs(['She wrote: "Dear Sir,\n\n"I resign. It was an honour."'])
    assert [s.text for s in sentences] == [
        'She wrote: "Dear Sir,\n\n"I resign.',
        'It was an honour."',
    ]


def test_a_paragraph_ending_in_a_comma_does_not_share_a_sentence_with_the_next():
    sentences = split_paragraphs(["Dear Sir,", "I resign.", "Yours,", "Jane Doe"])
    assert [(s.text, s.paragraph) for s in sentences] == [
        ("Dear Sir,", 0),
        ("I resign.", 1),
        ("Yours,", 2),
        ("Jane Doe", 3),
    ]


news_words = st.sampled_from(
    [
        "Russia",
        "said",
        "U.S.",
        "Dec.",
        "8",
        "a.m.",
        "Gen.",
        "Mr.",
        "“quoted.”",
        "(AFP)",
        "D.C.",
        "$10",
        "million.",
        "Libya’s",
        "—",
        "...",
        "?",
        "!",
        "\n",
        "\n\n",
        "kms.",
        "no.",
        "The",
        "he",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(news_words, st.text(min_size=1, max_size=12)), max_size=60))
def test_segmentation_loses_no_character_and_offsets_map_back(words):
    text = " ".join(words)
    sentences = cc.split_sentences(text)
    for sentence in sentences:
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip() and sentence.text
    starts = [s.start for s in sentences]
    assert starts == sorted(starts)
    covered = "".join(s.text for s in sentences)
    assert re.sub(r"\s", "", covered) == re.sub(r"\s", "", text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_blocks_cover_every_non_space_character(text):
    blocks = split_blocks(text)
    assert re.sub(r"\s", "", "".join(text[s:e] for s, e in blocks)) == re.sub(r"\s", "", text)


def test_a_long_run_of_opening_quotes_finishes():
    """sentencex is quadratic on such runs (a million took minutes): blocks go in chunks."""
    text = "\u201c" * 300_000 + " The end."
    sentences = cc.split_sentences(text)
    assert re.sub(r"\s", "", "".join(s.text for s in sentences)) == re.sub(r"\s", "", text)


def _quote_storm(n: int) -> str:
    """A line of about n characters: quotations of several sentences, some never closed."""
    unit = '"We will not give up. We will win," he said. \u201eStop. Go.\u201c \u2018Yes. No. '
    return unit * (n // len(unit))


def _best_cpu(text: str) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        cc.split_sentences(text)
        best = min(best, time.process_time() - start)
    return best


def test_a_megabyte_line_of_quotations_and_full_stops_splits_in_linear_time():
    """Quotations are re-split piece by piece: no piece is read more than twice."""
    large = _quote_storm(1_000_000)
    sentences = cc.split_sentences(large)
    assert re.sub(r"\s", "", "".join(s.text for s in sentences)) == re.sub(r"\s", "", large)
    assert len(sentences) > large.count(" he said.") * 4  # every quoted sentence on its own
    t_small, t_large = _best_cpu(_quote_storm(250_000)), _best_cpu(large)
    assert t_large < 9 * max(t_small, 0.003), (t_small, t_large)


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Call os._exit now. It ends.", ["Call os._exit now.", "It ends."]),
        ("Version 1.2 shipped. Then 2.0.", ["Version 1.2 shipped.", "Then 2.0."]),
    ],
)
def test_a_full_stop_inside_a_token_is_no_boundary(text, sentences):
    """issue 21: the splitter cut "os._exit" at "._"."""
    assert [s.text for s in cc.split_sentences(text)] == sentences
