"""Classroom exercises: every answer checked against the alignment it came from."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import comparative_coverage as cc
from comparative_coverage.classroom.exercises import CHANGE_CHOICES
from comparative_coverage.normalize import fold_typography

from .test_report import hostile_articles

A, B = "Asharq Al-Awsat", "The Defense Post"


@pytest.fixture(scope="module")
def flagship(shoigu_pair) -> cc.Comparison:
    return cc.compare(list(shoigu_pair))


@pytest.fixture(scope="module")
def exercises(flagship) -> list[cc.Exercise]:
    return cc.make_exercises(flagship)


def of_kind(exercises, kind: str) -> list[cc.Exercise]:
    return [e for e in exercises if e.kind == kind]


def folded(text: str) -> str:
    return " ".join(fold_typography(text).casefold().split())


# ---- acceptance on the flagship pair ----------------------------------------------------


def test_the_flagship_gives_every_kind(exercises):
    assert {e.kind for e in exercises} == set(cc.EXERCISE_KINDS)
    assert [e.kind for e in exercises] == sorted(
        (e.kind for e in exercises), key=cc.EXERCISE_KINDS.index
    )


def test_every_exercise_is_well_formed(exercises):
    assert len({e.id for e in exercises}) == len(exercises)
    for e in exercises:
        assert e.answer in e.choices and len(set(e.choices)) == len(e.choices) >= 2
        assert e.prompt and e.evidence
        assert all(ev.outlet in (A, B) and ev.text for ev in e.evidence)


def test_every_explanation_quotes_its_evidence(exercises):
    """Some run of five words of an evidence sentence stands in the explanation."""
    for e in exercises:
        explanation = folded(e.explanation)
        runs = [
            " ".join(words[k : k + 5])
            for ev in e.evidence
            for words in [folded(ev.text).split()]
            for k in range(max(1, len(words) - 4))
        ]
        assert any(run in explanation for run in runs), e.id


def test_spot_the_change_names_what_the_alignment_classified(flagship, exercises):
    changes = cc.classify_changes(flagship.alignments[B])
    category = {text: key for key, text in CHANGE_CHOICES.items()}
    found = []
    for e in of_kind(exercises, "spot_the_change"):
        kind = category[e.answer]
        words = re.findall(r"“([^”]+)”", e.prompt)
        rows = changes[
            changes["a_words"].str.strip(" ,").isin(words)
            | changes["b_words"].str.strip(" ,").isin(words)
        ]
        assert len(rows) == 1, e.prompt
        row = rows.iloc[0]
        if kind.endswith("attribution"):  # a credit is a kind of its own (issue 14)
            assert row["kind"] == "attribution"
            assert row["detail"] == kind.split("_")[0]
        else:
            assert row["kind"] == kind
        assert [ev.text for ev in e.shown] == [
            " ".join(flagship.sentences[0][i] for i in [row["a_index"]]),
            " ".join(flagship.sentences[1][j] for j in [row["b_index"]]),
        ]
        found.append(kind)
    assert found == ["dropped_attribution", "label", "name_variant"]  # per_kind=3


def test_spot_the_change_covers_each_category_found_with_more_room(flagship):
    made = cc.make_exercises(flagship, kinds=["spot_the_change"], per_kind=10)
    category = {text: key for key, text in CHANGE_CHOICES.items()}
    assert [category[e.answer] for e in made] == [
        "dropped_attribution",  # ", AFP reported"
        "label",  # leader -> strongman, or its leader -> longtime dictator
        "name_variant",
        "added_detail",  # on Friday, or war-shattered
        "spelling",  # UN-recognized -> UN-recognised
    ]
    partner = {  # a dropped source is also a dropped detail: never offered as a wrong answer
        "dropped_attribution": "dropped_detail",
        "added_attribution": "added_detail",
        "dropped_detail": "dropped_attribution",
        "added_detail": "added_attribution",
    }
    for e in made:
        also_right = partner.get(category[e.answer])
        assert also_right is None or CHANGE_CHOICES[also_right] not in e.choices


def test_who_said_it_answers_with_the_only_outlet_whose_text_holds_the_phrase(flagship, exercises):
    texts = {
        name: folded(" ".join(s))
        for name, s in zip(flagship.outlets, flagship.sentences, strict=True)
    }
    made = of_kind(exercises, "who_said_it")
    assert [(re.search(r"“(.+)”", e.prompt).group(1), e.answer) for e in made] == [
        ("longtime dictator", B),  # loaded labels first, the more loaded the sooner
        ("military strongman", B),  # "strongman" alone would ask the same
        ("war-shattered", B),  # a descriptor before a name is a label (issue 14)
    ]
    for e in made:
        phrase = folded(re.search(r"“(.+)”", e.prompt).group(1))
        pattern = re.compile(rf"(?<!\w){re.escape(phrase)}(?!\w)")
        assert pattern.search(texts[e.answer])
        assert not any(pattern.search(texts[c]) for c in e.choices if c != e.answer)


def test_added_or_left_out_answers_are_the_sentences_only_one_version_carries(flagship, exercises):
    status = {cell.text: unit.status for unit in flagship.units for cell in unit.cells if cell}
    made = of_kind(exercises, "added_or_left_out")
    assert sorted(e.answer[:30] for e in made) == [
        "Dbeibah said authorities hoped",  # "new economic climate"
        "On Thursday, Russian Prime Min",  # the Mishustin meeting
        "“We would like to give new mom",  # "new momentum"
    ]
    for e in made:
        assert status[e.answer] == "only_this"
        assert all(status[c] != "only_this" for c in e.choices if c != e.answer)


def test_order_matters_finds_the_background_pulled_up_under_the_lead(flagship, exercises):
    made = of_kind(exercises, "order_matters")
    assert len(made) == 2
    moved, early = made
    assert moved.answer == flagship.sentences[1][1]  # "Libya has been gripped by chaos ..."
    assert "much higher in The Defense Post" in moved.prompt
    assert (
        "paragraph 8, 9 of 9" in moved.explanation and "paragraph 2, 3 of 11" in moved.explanation
    )
    alignment = flagship.alignments[B]
    moved_b = {j for u in alignment.units if u.moved for j in u.b}
    assert 1 in moved_b or {1, 2}.isdisjoint(moved_b)  # either minimal move is accepted
    # a reader who stops after two paragraphs of The Defense Post reads the background ...
    b = flagship.articles[1]
    paragraph = {s.text: s.paragraph for s in b.sentences}
    assert early.answer == flagship.sentences[1][1] and paragraph[early.answer] == 1
    assert all(paragraph[c] >= 2 for c in early.choices if c != early.answer)
    # ... and a reader of Asharq Al-Awsat gets Shoigu's words instead
    assert flagship.sentences[1][3] in early.choices  # "I consider your Moscow visit ..."
    assert "I consider your Moscow visit" in early.explanation


def test_label_check_asks_how_the_defense_post_describes_qaddafi_and_haftar(flagship, exercises):
    labels = cc.describe_labels(flagship.articles)
    made = of_kind(exercises, "label_check")
    assert [(e.prompt, e.answer) for e in made] == [
        (
            "How does The Defense Post describe Muammar Qaddafi (written “Moamer Kadhafi”)?",
            "longtime dictator",
        ),
        ("How does The Defense Post describe Khalifa Haftar?", "military strongman"),
    ]
    for e, entity in zip(made, ["Muammar Qaddafi", "Khalifa Haftar"], strict=True):
        about = labels[labels["entity"] == entity]
        used = set(about.loc[about["outlet"] == B, "descriptor"])
        assert e.answer in used
        assert not used & (set(e.choices) - {e.answer})
        other = about[(about["outlet"] == A) & (about["where"] == "body")]
        assert set(other["descriptor"]) <= set(e.choices)  # the other outlet's word is a choice
    assert "absolute and illegitimate" in made[0].explanation  # the lexicon's note on dictator


def test_quote_check_answers_agree_with_compare_quotes(shoigu_pair, exercises):
    statuses = cc.compare_quotes(*shoigu_pair)
    made = of_kind(exercises, "quote_check")
    assert [(e.shown[0].text[:26], e.answer) for e in made] == [
        ("We would like to give new ", "not quoted in Asharq Al-Awsat's version"),
        ("I consider your Moscow vis", "word for word the same"),
    ]
    row = statuses[statuses["quote_b"].str.startswith("We would like")].iloc[0]
    assert row["status"] == "only_b"
    row = statuses[statuses["quote_a"].str.startswith("I consider")].iloc[0]
    assert row["status"] == "verbatim"


# ---- seeds ------------------------------------------------------------------------------


def test_the_same_seed_gives_the_same_exercises(flagship, shoigu_pair):
    assert cc.make_exercises(flagship, seed=3) == cc.make_exercises(list(shoigu_pair), seed=3)


def test_another_seed_shuffles_choices_but_keeps_the_questions(flagship):
    runs = [cc.make_exercises(flagship, seed=seed) for seed in range(6)]
    orders = {tuple(e.choices for e in run) for run in runs}
    assert len(orders) > 1
    ids = {(e.kind, e.prompt, e.answer): e.id for e in runs[0]}
    for run in runs[1:]:  # an id names a question whatever the seed
        for e in run:
            assert ids.setdefault((e.kind, e.prompt, e.answer), e.id) == e.id
    assert len(set(ids.values())) == len(ids)
    assert all(e.answer in e.choices for run in runs for e in run)


def test_asking_for_fewer_kinds_changes_nothing_else(exercises, flagship):
    only = cc.make_exercises(flagship, kinds=["label_check", "who_said_it"])
    assert only == of_kind(exercises, "who_said_it") + of_kind(exercises, "label_check")
    assert cc.make_exercises(flagship, kinds="quote_check") == of_kind(exercises, "quote_check")


def test_an_unknown_kind_or_a_negative_count_is_a_clear_error(flagship):
    with pytest.raises(cc.InvalidOption, match="no exercise kind 'spot'; pick from spot_the"):
        cc.make_exercises(flagship, kinds=["spot"])
    with pytest.raises(cc.InvalidOption, match="per_kind=-1: pass a whole number, 0 or more"):
        cc.make_exercises(flagship, per_kind=-1)
    assert cc.make_exercises(flagship, per_kind=0) == []
    assert cc.make_exercises(flagship, kinds=[]) == []


# ---- only what the versions support -----------------------------------------------------


def test_the_other_stories_of_the_sample_give_no_exercise(sample_articles):
    stories = cc.find_stories(sample_articles)
    assert [len(cc.make_exercises(s)) for s in stories[1:]] == [0] * 6  # one version each


def test_articles_that_are_not_one_story_give_no_exercise(sample_articles):
    by_id = {a.id: a for a in sample_articles}
    haftar, yevkurov = by_id["002_a5cf3d5e05a89805#1"], by_id["004_31faec29e2e14dd4#1"]
    assert cc.make_exercises([haftar, yevkurov]) == []  # same topic, different stories
    assert cc.make_exercises(haftar) == [] and cc.make_exercises([]) == []
    assert cc.make_exercises([haftar, cc.Article("empty#1", "Empty", "", ())]) == []


def version(outlet: str, *paragraphs: str) -> cc.Article:
    return cc.Article(id=f"{outlet.lower()}#1", outlet=outlet, title="Talks", paragraphs=paragraphs)


WIRE = (
    "The foreign minister met the envoy in Tripoli on Monday to discuss the ceasefire.",
    "“We want lasting peace and a united army,” the minister told reporters on Monday.",
    "Rebel leader Ahmed Karim rejected the talks, Reuters reported.",
    "Fighting between the two camps has killed hundreds of people since March.",
    "The envoy will travel to Benghazi next week for further meetings.",
)


def test_a_synthetic_rewrite_gives_exactly_the_kinds_it_supports():
    rewrite = version(
        "Daily",
        WIRE[0].replace("met", "hosted"),
        WIRE[3],  # the fighting moved up under the lead
        "“We want lasting peace,” the minister told reporters on Monday.",  # the quote cut short
        "Warlord Ahmed Karim rejected the talks.",  # a label, and the source dropped
        WIRE[4],
        "The ceasefire has been broken three times this year.",  # added
    )
    made = cc.make_exercises([version("Wire", *WIRE), rewrite], per_kind=10)
    kinds = {e.kind for e in made}
    assert kinds == set(cc.EXERCISE_KINDS)
    by_kind = {k: [e.answer for e in of_kind(made, k)] for k in kinds}
    assert CHANGE_CHOICES["dropped_attribution"] in by_kind["spot_the_change"]
    assert "The ceasefire has been broken three times this year." in by_kind["added_or_left_out"]
    assert by_kind["quote_check"] == ["shortened"]
    assert by_kind["order_matters"][0] == WIRE[3]
    assert ("How does Daily describe Ahmed Karim?", "Warlord") in [
        (e.prompt, e.answer) for e in of_kind(made, "label_check")
    ]


def test_a_rewrite_that_only_respells_gives_no_order_label_or_quote_exercise():
    rewrite = version("Daily", *(p.replace("Rebel leader", "rebel leader") for p in WIRE))
    made = cc.make_exercises([version("Wire", *WIRE), rewrite])
    assert {e.kind for e in made} <= {"spot_the_change", "who_said_it", "quote_check"}
    assert [e.answer for e in of_kind(made, "quote_check")] == ["word for word the same"]
    assert of_kind(made, "order_matters") == of_kind(made, "added_or_left_out") == []


def test_hostile_text_gives_exercises_that_carry_it_as_plain_text():
    made = cc.make_exercises(hostile_articles())
    assert made and all(e.answer in e.choices for e in made)
    assert any("<script>" in ev.text for e in made for ev in (*e.evidence, *e.shown))


@settings(max_examples=25, deadline=None)
@given(
    drop=st.sets(st.integers(0, 8), max_size=4),
    move=st.tuples(st.integers(0, 8), st.integers(0, 8)),
    seed=st.integers(0, 10_000),
)
def test_any_rewrite_of_the_flagship_gives_well_formed_exercises(shoigu_pair, drop, move, seed):
    a = shoigu_pair[0]
    paragraphs = [p for k, p in enumerate(a.paragraphs) if k not in drop]
    if paragraphs:
        paragraphs.insert(move[1] % len(paragraphs), paragraphs.pop(move[0] % len(paragraphs)))
    b = cc.Article("rewrite#1", "Rewrite", a.title, tuple(paragraphs))
    made = cc.make_exercises([a, b], seed=seed)
    comparison = cc.compare([a, b])
    moved = any(u.moved for u in comparison.alignments["Rewrite"].units)
    assert bool(of_kind(made, "order_matters")) <= moved  # no move, no order question
    for e in made:
        assert e.answer in e.choices and len(set(e.choices)) == len(e.choices) >= 2
    assert made == cc.make_exercises([a, b], seed=seed)
