"""The reader's cheap tests give the answers of the full rules they stand in front of.

Each shortcut (a test that skips a pattern, a place found without a copy, a story-wide
flag checked once) is held against the rule it shortens, on text built to reach the
edges: digits that make "19"/"20" or not, indented lines, photo words in every case.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from comparative_coverage.reading import furniture
from comparative_coverage.reading.lines import page_lines

DATE_BITS = ["19", "20", "2023", "1999", "209", "0", "1", "9", " ", ",", "-", "Aug", "August"]
DATE_BITS += ["22", "3", "Jan.", "Sept", "Published", "Monday,", "on", "x", "\u00a0"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(DATE_BITS), max_size=12).map("".join))
def test_a_text_without_19_or_20_holds_no_date_the_patterns_find(text):
    if "19" not in text and "20" not in text:
        assert not any(pattern.search(text) for pattern in furniture._DATE_PATTERNS)
        assert furniture.find_date(text) is None


def test_dates_are_still_found_in_every_written_form():
    assert furniture.find_date("Published 22 August 2023") == "2023-08-22"
    assert furniture.find_date("Updated: Sept. 3, 1999 at noon") == "1999-09-03"
    assert furniture.find_date("posted 2020-02-29") == "2020-02-29"
    assert furniture.find_date("posted 2021-02-29") is None  # no such day


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
