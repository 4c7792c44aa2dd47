"""The text keys everything is matched on, and the counting the aligner does with them."""

from __future__ import annotations

from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from comparative_coverage import normalize
from comparative_coverage.normalize import sound_key, tally


@given(st.lists(st.sampled_from(["kdf", "mhmd", "ldr", ".", ""])))
def test_tally_counts_as_counter_does_in_the_same_order(items):
    assert list(tally(items).items()) == list(Counter(items).items())


def test_tally_into_a_counter_keeps_a_missing_key_at_zero():
    counted = tally(iter(["a", "b", "a"]), Counter())
    assert isinstance(counted, Counter)
    assert counted == {"a": 2, "b": 1} and counted["absent"] == 0


@given(st.lists(st.sampled_from(["kdf", "mhmd", "ldr", ".", ""])))
def test_the_python_fallback_counts_as_the_c_loop_does(items):
    """The stand-in for an interpreter without ``_collections._count_elements``."""
    by_c, by_python = {}, {}
    normalize._count_elements(by_c, items)
    normalize._count_in_python(by_python, items)
    assert list(by_python.items()) == list(by_c.items())


def test_sound_key_collapses_each_run_of_a_letter_to_one():
    assert sound_key("Mohammed") == sound_key("Mohamed") == "mhmd"
    assert sound_key("Kaddaffi") == sound_key("Qaddafi") == "kdf"
    assert sound_key("Allah") == sound_key("Alah") == "alh"
