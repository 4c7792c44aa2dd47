"""Exercises on how each outlet writes: courtesy titles, quote introductions, house style.

Each kind is read off the outlet's own text: the key stands in the outlet's sentence, and
no wrong choice is a form the outlet prints itself.
"""

from __future__ import annotations

import comparative_coverage as cc
from comparative_coverage.classroom.exercises import CHANGE_CHOICES
from comparative_coverage.classroom.facts import _Story
from comparative_coverage.classroom.style import style_check


def version(outlet: str, *paragraphs: str) -> cc.Article:
    return cc.Article(
        id=f"{outlet.lower()}#1", outlet=outlet, title="Resignation", paragraphs=paragraphs
    )


def of_kind(exercises, kind: str) -> list[cc.Exercise]:
    return [e for e in exercises if e.kind == kind]


BRITISH = version(
    "Herald",
    "Nicola Sturgeon has tendered her resignation as First Minister to the King on Tuesday.",
    "Ms Sturgeon was the longest serving leader of the devolved government in Edinburgh.",
    "On Twitter, Ms Sturgeon wrote: “Just signed my formal letter of resignation and departed Bute House.”",
    "Humza Yousaf was elected to the post and will likely be confirmed as first minister later.",
    "Ms Sturgeon said the party had legalised nothing and had organised the vote with care.",
)
AMERICAN = version(
    "Courier",
    "Nicola Sturgeon has tendered her resignation as First Minister to the King on Tuesday.",
    "Sturgeon was the longest serving leader of the devolved government in Edinburgh.",
    "“Just signed my formal letter of resignation and departed Bute House,” she said.",
    "Humza Yousaf was elected to the post and will likely be confirmed as First Minister later.",
    "Sturgeon said the party had legalized nothing and had organized the vote with care.",
)


def made():
    return cc.make_exercises([BRITISH, AMERICAN], per_kind=10)


def test_how_an_outlet_refers_to_a_person_after_naming_them_in_full():
    asked = {
        (e.prompt, e.answer, tuple(sorted(e.choices))) for e in of_kind(made(), "honorific_check")
    }
    # one question a person: the point is made once, for one of the two outlets
    assert len(asked) == 1
    [(prompt, answer, choices)] = asked
    assert (prompt, answer, choices) in {
        (
            "Herald first writes “Nicola Sturgeon”. How does it refer to this person in later sentences?",
            "Ms Sturgeon",
            ("Ms Sturgeon", "Nicola", "Sturgeon"),
        ),
        (
            "Courier first writes “Nicola Sturgeon”. How does it refer to this person in later sentences?",
            "Sturgeon",
            ("Ms Sturgeon", "Nicola", "Sturgeon"),
        ),
    }


def test_no_honorific_question_where_no_version_gives_a_courtesy_title():
    plain = [
        version(o, *(p.replace("Ms Sturgeon", "Sturgeon") for p in v.paragraphs))
        for o, v in (("Herald", BRITISH), ("Courier", AMERICAN))
    ]
    assert of_kind(cc.make_exercises(plain, per_kind=10), "honorific_check") == []


def test_a_name_inside_a_quote_is_not_the_outlet_s_style():
    quoted = version(
        "Courier",
        *AMERICAN.paragraphs[:-1],
        "“Ms Sturgeon has served with honour,” the party said in a statement on Tuesday.",
    )
    for e in of_kind(cc.make_exercises([BRITISH, quoted], per_kind=10), "honorific_check"):
        if e.prompt.startswith("Courier"):
            assert e.answer == "Sturgeon"  # the quoted "Ms Sturgeon" is the party's words


def test_how_an_outlet_introduces_words_others_quote_too():
    [e] = of_kind(made(), "attribution_check")
    assert e.prompt.endswith("How does Herald introduce them?") or e.prompt.endswith(
        "How does Courier introduce them?"
    )
    assert sorted(e.choices) == ["On Twitter, Ms Sturgeon wrote:", "she said"]
    assert e.answer == ("she said" if "Courier" in e.prompt else "On Twitter, Ms Sturgeon wrote:")
    assert e.shown[0].text.startswith("Just signed my formal letter")
    assert e.answer.rstrip(":") in e.evidence[0].text


def test_a_word_an_outlet_writes_one_way_throughout_and_another_version_otherwise():
    # spot_the_change asks the first spelling as a change in its sentence; the next is
    # asked outright, cut out of the outlet's sentence
    [spot] = of_kind(cc.make_exercises([BRITISH, AMERICAN], per_kind=1), "spot_the_change")
    [e] = of_kind(cc.make_exercises([BRITISH, AMERICAN], per_kind=1), "style_check")
    assert tuple(sorted(e.choices)) in {
        ("legalised", "legalized"),
        ("organised", "organized"),
        ("First Minister", "first minister"),
    }
    assert not set(e.choices) & set(spot.about)
    outlet = e.evidence[0].outlet
    text = " ".join((BRITISH if outlet == "Herald" else AMERICAN).paragraphs)
    assert e.answer in e.evidence[0].text and "[…]" in e.shown[0].text
    assert e.answer not in e.shown[0].text
    assert all(c not in text for c in e.choices if c != e.answer)


def _style(*articles) -> list[cc.Exercise]:
    story = _Story(cc.compare(list(articles)), 0, 3)
    return style_check(story)


def test_capitals_are_asked_only_of_an_outlet_that_writes_the_title_one_way():
    # Herald writes "First Minister" and "first minister": only Courier is asked
    asked = [(e.evidence[0].outlet, e.answer, sorted(e.choices)) for e in _style(BRITISH, AMERICAN)]
    assert ("Courier", "First Minister", ["First Minister", "first minister"]) in asked
    assert all(outlet == "Courier" for outlet, answer, _ in asked if "inister" in answer)
    # the run of words that differ together is cut out whole: no capital gives it away
    [capitals] = [e for e in _style(BRITISH, AMERICAN) if e.answer == "First Minister"]
    assert (
        "as […] later" in capitals.shown[0].text or "as […] to the King" in capitals.shown[0].text
    )


def test_a_capital_on_a_title_before_a_name_is_no_house_style():
    before = version(
        "Courier",
        *AMERICAN.paragraphs[:3],
        "President Humza Yousaf spoke.",
        *AMERICAN.paragraphs[4:],
    )
    after = version(
        "Herald",
        *BRITISH.paragraphs[:3],
        "The president of the party spoke.",
        *BRITISH.paragraphs[4:],
    )
    style = _style(after, before)
    assert all("president" not in e.answer.casefold() for e in style)


def test_a_courtesy_title_against_a_first_name_is_a_change_a_student_can_name():
    # neither outlet shortens the name one way throughout: no honorific_check claims it
    a = version(
        "Wire",
        "Nicola Sturgeon has tendered her resignation to the King on Tuesday morning.",
        "Ms Sturgeon was the longest serving leader and after eight years she left the residence.",
        "The party will choose her successor at a special conference next month in Glasgow.",
        "Sturgeon said she would stay on as a member of the parliament for her seat.",
    )
    b = version(
        "Daily",
        "Nicola Sturgeon has tendered her resignation to the King on Tuesday morning.",
        "After eight years as the longest serving leader, Nicola Sturgeon left the residence.",
        "The party will choose her successor at a special conference next month in Glasgow.",
        "She said she would stay on as a member of the parliament for her seat.",
    )
    spots = of_kind(
        cc.make_exercises([a, b], kinds=["spot_the_change"], per_kind=10), "spot_the_change"
    )
    named = [e for e in spots if e.answer == CHANGE_CHOICES["honorific"]]
    assert [(e.about) for e in named] == [("Ms Sturgeon", "Nicola Sturgeon")]


def test_capitals_are_compared_beside_the_same_words_not_across_other_words():
    # "UN General Assembly" and "a general election" share letters, not a style
    assembly = version(
        "Herald",
        *BRITISH.paragraphs[:3],
        "She spoke at the UN General Assembly in New York.",
        *BRITISH.paragraphs[4:],
    )
    election = version(
        "Courier",
        *AMERICAN.paragraphs[:3],
        "She spoke before a general election in the autumn.",
        *AMERICAN.paragraphs[4:],
    )
    assert all("general" not in e.answer.casefold() for e in _style(assembly, election))


def test_a_wrong_choice_is_a_form_the_outlet_prints_nowhere_not_even_in_its_headline():
    headlined = cc.Article(
        id="herald#1",
        outlet="Herald",
        title="Sturgeon quits as leader",
        paragraphs=BRITISH.paragraphs,
    )
    for e in of_kind(cc.make_exercises([headlined, AMERICAN], per_kind=10), "honorific_check"):
        if e.prompt.startswith("Herald"):
            assert "Sturgeon" not in e.choices  # the headline prints it on its own


def test_the_lesson_asks_what_each_introduction_tells_a_reader():
    from comparative_coverage.classroom.lesson import discussion_prompts

    made_ = made()
    prompts = discussion_prompts(made_, most=10)
    [e] = of_kind(made_, "attribution_check")
    n = made_.index(e) + 1
    [said] = [p for p in prompts if p.startswith(f"Question {n}:")]
    assert "introduce the same words in different ways" in said
    assert said.endswith("who gave the words, and how?")
    assert e.answer.rstrip(":") not in said  # the prompt sits on the student's sheet


def test_a_word_written_twice_in_the_asked_sentence_is_cut_out_both_times():
    # the outlet writes "organised" one way throughout: its second use in the same
    # sentence would print the answer beside the gap
    twice = version(
        "Herald",
        "Nicola Sturgeon has tendered her resignation as First Minister to the King on Tuesday.",
        "The party organised the vote and the unions organised the count with care.",
    )
    once = version(
        "Courier",
        "Nicola Sturgeon has tendered her resignation as First Minister to the King on Tuesday.",
        "The party organized the vote and the unions counted with care.",
    )
    asked = [e for e in _style(twice, once) if "organised" in e.choices]
    assert [e.evidence[0].outlet for e in asked] == ["Herald"]
    shown = asked[0].shown[0].text
    assert "organised" not in shown and shown.count("[…]") == 2, shown


def test_markup_in_quotes_and_prose_reaches_the_new_kinds_as_text():
    payload = "<script>window.__pwned=1</script>"

    def hostile(article: cc.Article) -> cc.Article:
        paragraphs = tuple(
            p.replace("formal letter", f"formal {payload} letter") for p in article.paragraphs
        )
        return version(article.outlet, *paragraphs, f"{payload} The vote was held.")

    articles = [hostile(BRITISH), hostile(AMERICAN)]
    made_ = cc.make_exercises(articles, per_kind=1)
    assert {"honorific_check", "attribution_check", "style_check"} <= {e.kind for e in made_}
    sheet = cc.worksheet_html(articles, per_kind=1)
    assert "&lt;script&gt;window.__pwned" in sheet  # the versions' texts, as text
    for html in (sheet, cc.worksheet_html(articles, answers=True, per_kind=1)):
        assert "<script>" not in html


def test_a_house_style_word_is_a_whole_word_never_a_fragment_of_one():
    from comparative_coverage.classroom.style import _TOKEN

    words = _TOKEN.findall("the UN-recognised government of McDonald, U.S. President Joe")
    assert words == ["the", "U", "government", "of", "Mc", "U", "S", "President", "Joe"]
