"""What the order-aware core takes as evidence for a pair: not one shared word, not a mark.

A pair the core makes on its own needs two shared content words (or identical
sentences), and a sentence without a letter or digit pairs with its copy only where its
neighbours vouch for it. Position may stand in for the missing evidence: the start of
both texts, or kept pairs on both sides of a lone sentence.
"""

import comparative_coverage as cc


def _units(a, b, **options):
    return [(u.a, u.b, u.status) for u in cc.align(a, b, diffs=False, **options).units]


STORM = "Ein Sturm zog in der Nacht über die Küste und riss viele Dächer ab."
HARVEST = "Die Bauern fürchten jetzt um ihre Ernte im Herbst."


def _between(a_line: str, b_line: str) -> tuple[list[str], list[str]]:
    """Two lines in the middle of a story, each beside an unrelated sentence."""
    a = [STORM, a_line, "Niemand weiß, wie es weitergeht.", HARVEST]
    b = [STORM, "Die Schulen bleiben morgen geschlossen.", b_line, HARVEST]
    return a, b


def test_two_short_lines_sharing_one_word_do_not_pair_on_their_score():
    # "Natürlich" is all they share: the fused score (0.39) passes the threshold only
    # because the lines are short and look alike
    a, b = _between("Natürlich!", "„Natürlich, Tante“, lügt Tom.")
    assert _units(a, b) == [
        ((0,), (0,), "same"),
        ((1,), (), "dropped"),
        ((2,), (), "dropped"),
        ((), (1,), "added"),
        ((), (2,), "added"),
        ((3,), (3,), "same"),
    ]


def test_with_a_second_shared_word_the_same_lines_pair():
    a, b = _between("Natürlich, Tante!", "„Natürlich, Tante“, lügt Tom.")
    assert ((1,), (2,), "reworded") in _units(a, b)


def test_identical_lines_of_one_word_still_pair():
    a, b = _between("Natürlich!", "Natürlich!")
    assert ((1,), (2,), "same") in _units(a, b)


def test_at_the_start_of_both_texts_one_shared_word_is_enough():
    # the start of both texts vouches for the leads
    a = ["Natürlich!", STORM]
    b = ["„Natürlich, Tante“, lügt Tom.", STORM]
    assert _units(a, b) == [((0,), (0,), "reworded"), ((1,), (1,), "same")]


def test_a_stray_full_stop_does_not_pair_with_one_among_unpaired_neighbours():
    a = ["Der Hund bellt laut im Garten.", ".", "Die Nachbarn rufen die Polizei."]
    b = ["Im Zoo gibt es neue Pinguine.", ".", "Das Wetter bleibt morgen sonnig."]
    assert _units(a, b) == [
        ((0,), (), "dropped"),
        ((1,), (), "dropped"),
        ((2,), (), "dropped"),
        ((), (0,), "added"),
        ((), (1,), "added"),
        ((), (2,), "added"),
    ]


def test_a_stray_full_stop_between_two_pairs_pairs_with_its_copy():
    a = [STORM, ".", HARVEST]
    b = [STORM, ".", HARVEST]
    assert _units(a, b) == [((0,), (0,), "same"), ((1,), (1,), "same"), ((2,), (2,), "same")]


def test_a_run_of_marks_is_vouched_for_from_one_end():
    a = [STORM, ".", "!", "Der Hund bellt laut im Garten."]
    b = [STORM, ".", "!", "Im Zoo gibt es neue Pinguine."]
    assert _units(a, b)[:3] == [
        ((0,), (0,), "same"),
        ((1,), (1,), "same"),
        ((2,), (2,), "same"),
    ]


def test_a_stray_full_stop_is_never_moved():
    a = [STORM, HARVEST, "."]
    b = [".", STORM, HARVEST]
    assert _units(a, b) == [
        ((), (0,), "added"),
        ((0,), (1,), "same"),
        ((1,), (2,), "same"),
        ((2,), (), "dropped"),
    ]


def test_a_text_of_marks_aligned_with_itself_is_all_same():
    marks = ["„", ".", "!", "…"]
    assert [status for _, _, status in _units(marks, marks)] == ["same"] * 4
