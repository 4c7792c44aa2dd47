"""Rules that read a unit's sentences beside its edits (wording/moves.py): what each finds
when given no rows, and that a unit giving a rule nothing to pair keeps its rows as given."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import comparative_coverage as cc
from comparative_coverage.wording.moves import _moved_forms, _moved_names


def _unit(a: str, b: str):
    alignment = cc.align(cc.Article("a", "A", "t", (a,)), cc.Article("b", "B", "t", (b,)))
    (unit,) = [u for u in alignment.units if u.a and u.b]
    return alignment, unit


def _found(rows) -> list[tuple[str, str, str, str]]:
    return [(r[4], r[5], r[6], r[7]) for r in rows]


def test_a_word_in_another_form_among_rewritten_words_is_one_more_row():
    alignment, unit = _unit(
        "U.S. envoys met Nicola Sturgeon in Glasgow.", "Nicola Sturgeon met US envoys in Glasgow."
    )
    assert _found(_moved_forms(alignment, unit, [])) == [
        ("U.S", "US", "format", "style")
    ]  # the word as tokenized


def test_a_name_spelled_otherwise_among_rewritten_words_is_one_more_row():
    alignment, unit = _unit(
        "Zelenskyy met the envoys in Kyiv.", "In Kyiv, the envoys met Zelensky."
    )
    assert _found(_moved_names(alignment, unit, [])) == [
        ("Zelenskyy", "Zelensky", "name_variant", "transliteration")
    ]


def test_words_both_sides_write_leave_the_rows_as_they_were():
    # the same words (so the same names) on both sides, only moved: nothing to pair
    alignment, unit = _unit(
        "Zelenskyy met U.S. envoys in Kyiv.", "In Kyiv, U.S. envoys met Zelenskyy."
    )
    given = [("row",) * 18]
    assert _moved_forms(alignment, unit, given) == given
    assert _moved_names(alignment, unit, given) == given


_CREDIT_BITS = ["(AFP)", "AFPX", "By AFP", "Photo", "Photos", "/", "(@", "Source:", "said", "—"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([*_CREDIT_BITS, "the", "Reuters", "Tehran", ",", "."]), max_size=8))
def test_the_quick_check_before_a_sentences_credits_never_hides_a_credit_line(words):
    """_credit_rows reads a lone sentence's credits only when a word a credit line needs
    stands in it: any credit span that is a credit line holds one of those words."""
    from comparative_coverage.wording.attributions import credit_spans
    from comparative_coverage.wording.pieces import _CREDIT_LINE, _CREDIT_LINE_WORDS

    text = " ".join(words)
    lines = [text[a:b] for a, b in credit_spans(text) if _CREDIT_LINE.search(text[a:b].strip())]
    if lines:
        assert _CREDIT_LINE_WORDS.search(text)


def test_a_credit_line_in_a_sentence_only_one_version_has_is_a_row():
    alignment = cc.align(
        cc.Article("a", "A", "t", ("The talks ended. (Jane Barlow/PA)",)),
        cc.Article("b", "B", "t", ("The talks ended.",)),
    )
    rows = [(c.a_words, c.kind, c.detail) for c in cc.classify_changes(alignment)]
    assert ("(Jane Barlow/PA)", "attribution", "dropped") in rows
