"""The neighbour join: which unpaired sentences grow a unit into a split or a merge."""

import comparative_coverage as cc


def _units(a, b, **options):
    return [(u.a, u.b, u.status) for u in cc.align(a, b, diffs=False, **options).units]


# a plain-language split whose first piece repeats only a word the other piece already
# brought (the platform's name, inside its web address): nothing new, yet it is a piece
LONG = [
    "Oder der \u201eKleiderkreisel\u201c: Hinter dieser Plattform (www.kleiderkreisel.de) "
    "steckt die Tauschb\u00f6rse f\u00fcr Kleidung, Accessoires und Selbstgemachtes.",
]
PIECES = [
    "Oder der \u201eKleiderkreisel\u201c:",
    "Hinter dieser Plattform (www.kleiderkreisel.de) steckt die Tauschb\u00f6rse f\u00fcr "
    "Kleidung, Accessoires und Selbstgemachtes.",
]


def test_a_piece_whose_words_the_unit_holds_already_joins_when_it_raises_the_score():
    assert _units(LONG, PIECES) == [((0,), (0, 1), "split")]


def test_read_backwards_the_same_pieces_merge():
    assert _units(PIECES, LONG) == [((0, 1), (0,), "merged")]


def test_a_repeated_sentence_that_lowers_the_units_score_stays_out():
    # "Tauschbörse" is in the unit already, but the short line adds little of the long
    # sentence and much that is not in it: joining would lower the unit's score
    a = ["Die Tauschb\u00f6rse f\u00fcr Kleidung ist neu und hat viele Mitglieder in Berlin."]
    b = [
        "Die Tauschb\u00f6rse f\u00fcr Kleidung ist neu und hat viele Mitglieder in Berlin.",
        "Wir m\u00f6gen die Tauschb\u00f6rse, sagen Nachbarn, Lehrer und Eltern im Sommer.",
    ]
    assert _units(a, b) == [((0,), (0,), "same"), ((), (1,), "added")]
