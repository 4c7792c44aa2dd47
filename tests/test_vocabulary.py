"""Word lists: a live view (``listed``) and the plain set a hot loop takes from it."""

from comparative_coverage import vocabulary
from comparative_coverage.vocabulary import listed


def test_current_is_the_list_as_a_plain_set_and_follows_a_reload(titles_without_president):
    titles = listed("titles")
    before = titles.current()
    assert type(before) is frozenset and before == set(titles) and "president" in before
    with titles_without_president():
        vocabulary.reload()
        assert "president" not in titles.current()
        assert titles.current() == before - {"president"}
        assert "president" in before  # a set taken earlier is a snapshot: take it each call
    assert titles.current() == before


def test_a_union_of_lists_made_once_stays_live():
    both = listed("titles") | listed("demonyms")
    assert both.current() == listed("titles").current() | listed("demonyms").current()
    vocabulary.reload()
    assert "russian" in both and "minister" in both


def test_intersection_and_difference_with_a_set_are_plain_sets_and_follow_a_reload(
    titles_without_president,
):
    titles, words = listed("titles"), {"president", "minister", "tractor"}
    assert words & titles == titles & words == frozenset({"president", "minister"})
    assert words - titles == frozenset({"tractor"})
    assert titles - words == titles.current() - words
    assert type(words & titles) is frozenset and type(words - titles) is frozenset
    with titles_without_president():
        vocabulary.reload()
        assert words & titles == frozenset({"minister"})
        assert words - titles == frozenset({"president", "tractor"})
