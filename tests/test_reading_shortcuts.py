"""The reader's cheap tests give the answers of the full rules they stand in front of.

Each shortcut (a test that skips a pattern, a place found without a copy, a story-wide
flag checked once) is held against the rule it shortens, on text built to reach the
edges: digits that make "19"/"20" or not, indented lines, photo words in every case.
"""

from __future__ import annotations

import re
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from comparative_coverage import vocabulary
from comparative_coverage.reading import dates, decoding, furniture, metadata
from comparative_coverage.reading.copies import _end_words
from comparative_coverage.reading.head_checks import _letter, _starts_a_word
from comparative_coverage.reading.lines import page_lines

DATE_BITS = ["19", "20", "2023", "1999", "209", "0", "1", "9", " ", ",", "-", "Aug", "August"]
DATE_BITS += ["22", "3", "Jan.", "Sept", "Published", "Monday,", "on", "x", "\u00a0"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(DATE_BITS), max_size=12).map("".join))
def test_a_text_without_19_or_20_holds_no_date_the_patterns_find(text):
    if "19" not in text and "20" not in text:
        assert not any(pattern.search(text) for pattern in dates._DATE_PATTERNS)
        assert dates.find_date(text) is None


def test_dates_are_still_found_in_every_written_form():
    assert dates.find_date("Published 22 August 2023") == "2023-08-22"
    assert dates.find_date("Updated: Sept. 3, 1999 at noon") == "1999-09-03"
    assert dates.find_date("posted 2020-02-29") == "2020-02-29"
    assert dates.find_date("posted 2021-02-29") is None  # no such day


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["", " ", "  ", "\t", "\u00a0", "\u2003 ", " \t "]),
            st.text(alphabet="ab .\u201c\u2014\u00a0\t", max_size=12),
        ),
        max_size=8,
    )
)
def test_each_line_knows_its_place_in_the_page_indented_or_not(rows):
    page = "\n".join(indent + text for indent, text in rows)
    for line in page_lines(page):
        assert page[line.start : line.end] == line.text == line.text.strip()
        assert line.text


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["Picture", "PICTURES", "pic", "Photo", "/", " ", "by", "AFP", "x", "\u017f"]
        ),
        max_size=10,
    ).map(" ".join)
)
def test_the_credit_hints_find_every_line_the_longer_list_found(text):
    longer = ("/", "photo", "image", "picture", "pic", "video", "credit", "illustration")
    longer += ("graphic",)
    tail = text[-90:].casefold()
    assert furniture._may_credit(text) == (text.endswith(")") or any(h in tail for h in longer))


def test_each_promotion_phrase_has_one_trigger_and_holds_it():
    phrases = vocabulary.words("reading_promo_phrases")
    chosen = furniture._trigger_of(phrases)
    assert set(chosen) == set(phrases)
    assert all(trigger in phrase for phrase, trigger in chosen.items())
    by_trigger = furniture._phrases_by_trigger(phrases)
    assert sorted(p for listed in by_trigger.values() for p in listed) == sorted(phrases)
    # fewer triggers than phrases: one search of the page stands for several phrases
    assert chosen["download our app"] == chosen["download the app"] == "download"
    assert len(furniture._triggers(phrases)) < len(phrases)


PROMO_BITS = ["sign", "up", "signing", "email", "address", "enter a valid", "our", "latest"]
PROMO_BITS += ["podcasts", "to your inbox", "Sign", "UP", "\u00df", "x", "\u201c", "design"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PROMO_BITS), max_size=10).map(" ".join))
def test_a_line_is_a_promotion_whatever_the_triggers_by_the_phrases_it_holds(text):
    folded = text.casefold()
    hits = [p for p in vocabulary.words("reading_promo_phrases") if p in folded]
    calls = vocabulary.words("reading_calls_to_action")
    expected = len(hits) >= 2 or (
        len(hits) == 1
        and "\u201c" not in text
        and '"' not in text
        and any(folded.startswith(call + " ") for call in calls)
    )
    assert furniture._promotion(text) == expected
    assert furniture._promotion(text, furniture.promotion_words(text)) == expected


@settings(max_examples=400, deadline=None)
@given(st.lists(st.text(alphabet="ab \u00a0\n", max_size=8), min_size=1, max_size=5))
def test_the_end_words_are_those_of_the_whole_text(paragraphs):
    body = " ".join(paragraphs)
    head, tail = _end_words(tuple(paragraphs))
    assert (head, tail) == (body.split(None, 2)[:2], body.rsplit(None, 2)[-2:])


@settings(max_examples=400, deadline=None)
@given(
    st.text(alphabet="ab\u00e91_ -\u00df\u00b2\u0663", max_size=14),
    st.text(alphabet="ab\u00e9", min_size=1, max_size=6),
)
def test_a_word_starting_with_a_stem_is_found_as_the_pattern_found_it(text, stem):
    whole = len(stem) < 5
    pattern = r"(?<![^\W\d_])" + re.escape(stem) + (r"(?![^\W\d_])" if whole else "")
    assert _starts_a_word(text, stem, whole=whole) == (re.search(pattern, text) is not None)


def test_the_letter_test_is_the_patterns_for_every_character():
    letter = re.compile(r"[^\W\d_]")
    assert all(_letter(c) == bool(letter.match(c)) for c in map(chr, range(sys.maxunicode + 1)))


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.sampled_from(["(c)", "(C)", "Copyright", "COPYRIGHT", "\u00a9", "2024", "BBC", "x"]),
        max_size=6,
    ).map(" ".join)
)
def test_the_copyright_hint_finds_every_line_the_pattern_finds(text):
    if metadata._COPYRIGHT.search(text):
        assert metadata._may_name_copyright(text)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="a\u00c2\u00c3\u00e9\u00f4\u00f5\u00fc\u00a9\u20ac\u2122\u0178\u2014 \r\n"))
def test_the_mojibake_hint_in_bytes_finds_every_text_the_text_hint_finds(text):
    if decoding._MOJIBAKE_HINT.search(text):
        assert decoding._MOJIBAKE_HINT_BYTES.search(text.encode("utf-8"))
