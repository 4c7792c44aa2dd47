"""Splits and merges recognised by stems: a long sentence told again as several short ones."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import comparative_coverage as cc
from comparative_coverage.alignment.splits import _held, _matchable, held_share, stems, words_match

# one complex sentence (a1) simplified into two (b1, b2); b2 shares no similarity key
# with a1 ("erholter" / "Erholung", "begeisterter" / "Begeisterung"), only stems
COMPLEX = [
    "Der Bericht kam im Mai.",
    "Die Probanden berichteten nach dem Lauf im Freien von mehr Erholung, mehr Energie "
    "und mehr Begeisterung.",
    "Das Team will weiter forschen.",
]
SIMPLE = [
    "Der Bericht kam im Mai.",
    "Nach dem Lauf im Freien hatten die Probanden mehr Energie.",
    "Sie fühlten sich erholter und begeisterter.",
    "Das Team will weiter forschen.",
]


def _units(a, b, **options):
    return [(u.a, u.b, u.status) for u in cc.align(a, b, diffs=False, **options).units]


@pytest.mark.parametrize(
    ("x", "y", "same"),
    [
        ("setzten", "setzt", True),  # an inflection
        ("erholung", "erholter", True),  # five first letters
        ("hausthur", "thur", True),  # a compound's head
        ("kinder", "kind", True),  # the whole shorter word begins the longer
        ("tag", "tage", False),  # three letters are too few to tell
        ("energie", "engel", False),
    ],
)
def test_words_match_by_stem_or_compound_head(x, y, same):
    assert words_match(x, y) is same


def test_a_split_joins_when_its_second_piece_shares_only_stems():
    assert _units(COMPLEX, SIMPLE) == [
        ((0,), (0,), "same"),
        ((1,), (1, 2), "split"),
        ((2,), (3,), "same"),
    ]


def test_the_same_split_read_backwards_is_a_merge():
    assert _units(SIMPLE, COMPLEX) == [
        ((0,), (0,), "same"),
        ((1, 2), (1,), "merged"),
        ((3,), (2,), "same"),
    ]


def test_split_threshold_one_turns_the_stem_evidence_off():
    assert ((), (2,), "added") in _units(COMPLEX, SIMPLE, split_threshold=1.0)


def test_a_piece_closer_to_the_partners_neighbour_does_not_join():
    # b1 holds half of a0's words but more of a1's: it is no piece of a0 (a1 and b1 score
    # too low to pair, so both are left over)
    a = [
        "Die Probanden berichteten von mehr Energie am Morgen.",
        "Die Forscher sahen Begeisterung, Energie und Erholung bei allen Probanden.",
    ]
    b = [
        "Die Probanden hatten mehr Energie am Morgen.",
        "Sie berichten erholt, begeistert und energiegeladen.",
    ]
    assert _units(a, b) == [((0,), (0,), "reworded"), ((1,), (), "dropped"), ((), (1,), "added")]


def test_held_share_weighs_the_words_of_the_part():
    weights = {}  # every word weighs 1
    assert held_share("Sie fühlten sich erholter.", COMPLEX[1], weights) == 0.5
    assert held_share("", COMPLEX[1], weights) == 0.0


def test_a_compound_written_with_a_middle_dot_is_one_word():
    # plain-language German marks compound parts: "Groß·mutter" is "Großmutter"
    a = ["Die Großmutter wohnte allein im Wald.", "Der Jäger kam spät."]
    b = ["Die Groß\u00b7mutter wohnt allein im Wald.", "Der Jäger kommt spät."]
    dotted = cc.align(a, b, diffs=False).units[0]
    assert (dotted.a, dotted.b) == ((0,), (0,))
    assert dotted.score > cc.align(a, [b[0].replace("\u00b7", " "), b[1]]).units[0].score


_LETTERS = st.text(alphabet="abcdeß", min_size=1, max_size=6)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="abcdeß", min_size=3, max_size=9), st.data())
def test_a_word_is_held_by_look_ups_exactly_when_some_word_of_the_text_matches_it(word, data):
    # the text's words are built from the word (longer, shorter, its start or end) or not
    kin = st.one_of(
        st.builds(lambda x: word + x, _LETTERS),
        st.builds(lambda x: x + word, _LETTERS),
        st.builds(lambda n: word[:n], st.integers(1, 9)),
        st.builds(lambda n: word[-n:], st.integers(1, 9)),
        st.builds(lambda n, x: word[:n] + x, st.integers(1, 9), _LETTERS),
        _LETTERS,
    )
    text = " ".join(data.draw(st.lists(kin, min_size=1, max_size=5)))
    [(folded, _)] = stems(word) or [(None, None)]
    if folded is None:  # a stopword or a word with no similarity key
        return
    expected = any(words_match(folded, other) for other, _ in stems(text))
    assert _held(folded, _matchable(text)) is expected


_SENTENCE = st.lists(
    st.sampled_from(
        [
            "Bericht",
            "Berichte",
            "Lauf",
            "Laufen",
            "Energie",
            "Tür",
            "Haustür",
            "Kinder",
            "Kind",
            "der",
            "und",
            "Erholung",
        ]
    ),
    max_size=8,
).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(
    _SENTENCE,
    _SENTENCE,
    st.dictionaries(
        st.sampled_from(["brkht", "lf", "enrk", "tur", "hstr", "kndr"]), st.floats(0.1, 3.0)
    ),
)
def test_held_share_is_the_weight_of_the_words_some_word_of_the_whole_matches(part, whole, weight):
    # asked twice: the second answer comes from the words held the first time
    words = [w for w, _ in stems(whole)]
    total = found = 0.0
    for word, key in stems(part):
        total += weight.get(key, 1.0)
        if any(words_match(word, other) for other in words):
            found += weight.get(key, 1.0)
    expected = found / total if total else 0.0
    assert held_share(part, whole, weight) == expected
    assert held_share(part, whole, weight) == expected
