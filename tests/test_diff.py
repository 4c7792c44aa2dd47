"""Word diffs: difflib's vocabulary, phrases a reader would name, exact replay."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import comparative_coverage as cc
from comparative_coverage.alignment.worddiff import replay


def changes(a: str, b: str) -> list[str]:
    return [str(edit) for edit in cc.word_diff(a, b) if edit.tag != "equal"]


def test_one_word_label_change_is_one_replace():
    assert changes(
        "backed by military leader Khalifa Haftar in the east",
        "backed by military strongman Khalifa Haftar in the east",
    ) == ["replace leader -> strongman"]


def test_a_relabelled_name_reads_as_a_label_and_a_name_not_confetti():
    assert changes(
        "since its leader Muammar Qaddafi was brought down and killed in a 2011 supported by a number of western countries.",
        "since longtime dictator Moamer Kadhafi was brought down and killed in a 2011 uprising backed by several Western powers.",
    ) == [
        "replace its leader -> longtime dictator",
        "replace Muammar Qaddafi -> Moamer Kadhafi",
        "replace supported by a number of western countries -> uprising backed by several Western powers",
    ]


def test_a_dropped_attribution_is_a_delete():
    assert changes("Haftar in the east, AFP reported.", "Haftar in the east.") == [
        "delete , AFP reported"
    ]


def test_typography_alone_is_no_change():
    assert (
        changes(
            "President Vladimir Putin’s backing, “constructive” work",
            'President Vladimir Putin‘s backing, "constructive" work',
        )
        == []
    )


def test_capitalisation_is_a_change():
    assert changes("western powers", "Western powers") == ["replace western -> Western"]


def test_edits_carry_character_spans_of_both_sentences():
    a, b = "Dbeibah and Mohammed Younes Menfi", "Dbeibah and Mohammad Younes Menfi"
    [_, edit, _] = cc.word_diff(a, b)
    assert (edit.tag, edit.a_words, edit.b_words) == ("replace", ("Mohammed",), ("Mohammad",))
    assert a[edit.a_span[0] : edit.a_span[1]].strip() == "Mohammed"
    assert b[edit.b_span[0] : edit.b_span[1]].strip() == "Mohammad"


def test_empty_sentences():
    assert cc.word_diff("", "") == ()
    [edit] = cc.word_diff("", "Added words.")
    assert (edit.tag, edit.b_words) == ("insert", ("Added", "words", "."))


news = st.lists(
    st.sampled_from(
        [
            "Russia",
            "Libya",
            "the",
            "said",
            "Qaddafi",
            "Kadhafi",
            "leader",
            "dictator",
            ",",
            ".",
            "“",
            "”",
            "AFP",
            "reported",
            "Moamer",
            "Muammar",
            "-",
            "war-shattered",
            "  ",
            "\n",
        ]
    ),
    max_size=30,
)


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(news.map(" ".join), st.text(max_size=80)),
    st.one_of(news.map(" ".join), st.text(max_size=80)),
)
def test_edits_replay_to_rebuild_both_sentences(a, b):
    edits = cc.word_diff(a, b)
    assert replay(edits, a, side="a") == a
    assert replay(edits, b, side="b") == b
    assert all(e.tag in {"equal", "replace", "insert", "delete"} for e in edits)
    for edit in edits:
        if edit.tag == "equal":
            assert len(edit.a_words) == len(edit.b_words)
        if edit.tag == "insert":
            assert not edit.a_words and edit.b_words
        if edit.tag == "delete":
            assert edit.a_words and not edit.b_words


def test_long_repetitive_texts_finish_and_replay():
    """difflib alone needs minutes here (3,000 repetitive tokens); the LCS fallback does not."""
    a = " ".join(["the", "Libya", "said"] * 1000)
    b = " ".join(["the", "Libya", "says"] * 1000)
    edits = cc.word_diff(a, b)
    assert replay(edits, a, side="a") == a and replay(edits, b, side="b") == b
    assert sum(e.tag == "replace" for e in edits) == 1000


def mirrored(edits) -> list[tuple]:
    flip = {"insert": "delete", "delete": "insert"}
    return [(flip.get(e.tag, e.tag), e.b_words, e.a_words, e.b_span, e.a_span) for e in edits]


def test_a_name_is_kept_equal_whichever_sentence_comes_first():
    """difflib alone anchors "Libya." on the full stop one way round and loses the name."""
    assert changes("Libya.", "U.S. Libya Russia.") == ["insert U.S .", "insert Russia"]
    assert changes("U.S. Libya Russia.", "Libya.") == ["delete U.S .", "delete Russia"]


@settings(max_examples=400, deadline=None)
@given(
    st.one_of(news.map(" ".join), st.text(max_size=40)),
    st.one_of(news.map(" ".join), st.text(max_size=40)),
)
def test_swapping_the_sentences_mirrors_the_edits(a, b):
    forward = cc.word_diff(a, b)
    backward = cc.word_diff(b, a)
    assert [(e.tag, e.a_words, e.b_words, e.a_span, e.b_span) for e in backward] == mirrored(
        forward
    )


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_a_sentence_against_itself_is_one_equal_run_or_nothing(text):
    edits = cc.word_diff(text, text)
    assert all(e.tag == "equal" for e in edits)
    assert replay(edits, text, side="a") == replay(edits, text, side="b") == text
