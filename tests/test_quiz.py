"""The notebook quiz: answer by setting a widget's value, then read the feedback and score."""

from __future__ import annotations

import sys

import pytest
from markupsafe import escape

import comparative_coverage as cc

from .test_report import hostile_articles

ipywidgets = pytest.importorskip("ipywidgets")


@pytest.fixture(scope="module")
def story(sample_articles) -> cc.Story:
    return cc.find_stories(sample_articles)[0]


@pytest.fixture
def quiz(story):
    return cc.quiz(story, seed=1)


def wrong(question) -> str:
    return next(c for c in question.exercise.choices if c != question.exercise.answer)


N = 12  # questions on the sample story with seed 1


def test_the_quiz_is_a_box_with_one_question_per_exercise(quiz, story):
    assert isinstance(quiz, ipywidgets.VBox)
    assert [q.exercise for q in quiz.questions] == cc.make_exercises(story, seed=1)
    assert quiz.score.value == f"<strong>Score: 0 of {N}</strong> (0 answered)"
    assert all(q.feedback.value == "" for q in quiz.questions)


def test_a_right_answer_says_so_and_scores(quiz):
    first = quiz.questions[0]
    first.choice.value = first.exercise.answer
    assert first.feedback.value.startswith(
        '<div class="cc-explanation"><strong class="cc-verdict-right">Right.'
    )
    assert quiz.score.value == f"<strong>Score: 1 of {N}</strong> (1 answered)"


def test_a_wrong_answer_gives_the_answer_and_the_first_answer_counts(quiz):
    second = quiz.questions[1]
    second.choice.value = wrong(second)
    assert "Not quite:</strong> the answer is &ldquo;" in second.feedback.value
    assert quiz.score.value == f"<strong>Score: 0 of {N}</strong> (1 answered)"
    assert second.choice.disabled
    second.choice.value = second.exercise.answer  # too late: the first answer counted
    assert quiz.score.value == f"<strong>Score: 0 of {N}</strong> (1 answered)"


def test_answering_every_question_right_scores_them_all(quiz):
    for question in quiz.questions:
        question.choice.value = question.exercise.answer
    assert quiz.score.value == f"<strong>Score: {N} of {N}</strong> ({N} answered)"
    assert all("Right." in q.feedback.value for q in quiz.questions)


def test_feedback_explains_with_the_evidence(quiz):
    label = next(q for q in quiz.questions if q.exercise.kind == "label_check")
    label.choice.value = label.exercise.answer
    assert "Lexicon note on “dictator”" in label.feedback.value
    assert "longtime dictator Moamer Kadhafi" in label.feedback.value


def test_the_evidence_opens_only_once_a_question_is_answered(quiz):
    question = quiz.questions[0]
    assert question.show_evidence.disabled
    question.show_evidence.click()  # too early: the evidence names the outlets
    assert question.evidence.layout.display == "none"
    question.choice.value = wrong(question)
    assert not question.show_evidence.disabled


def test_the_versions_stand_side_by_side_inside_the_quiz(quiz, story):
    [texts] = [c for c in quiz.children if isinstance(c, ipywidgets.Accordion)]
    html = texts.children[0].value
    assert html.count('<article class="cc-version">') == 2
    assert all(str(escape(p)) in html for a in story.articles for p in a.paragraphs)


def test_show_evidence_shows_the_sentences_and_hides_them_again(quiz):
    question = quiz.questions[0]
    assert question.evidence.layout.display == "none"
    question.choice.value = question.exercise.answer
    question.show_evidence.click()
    assert question.evidence.layout.display is None
    assert question.show_evidence.description == "Hide evidence"
    assert (
        "AFP reported." in question.evidence.value and "Asharq Al-Awsat" in question.evidence.value
    )
    question.show_evidence.click()
    assert question.evidence.layout.display == "none"


def test_teacher_mode_shows_the_answer_key(story, quiz):
    teacher = cc.quiz(story, seed=1, teacher=True)
    for question in teacher.questions:
        assert question.key.layout.display is None
        assert question.evidence.layout.display is None and not question.show_evidence.disabled
        assert f"Answer: {escape(question.exercise.answer)}" in question.key.value
    assert all(q.key.layout.display == "none" for q in quiz.questions)  # students: hidden


def test_long_choices_are_listed_and_answered_by_letter(quiz):
    kinds = {q.exercise.kind: type(q.choice).__name__ for q in quiz.questions}
    assert kinds["who_said_it"] == "RadioButtons"  # outlet names
    assert kinds["added_or_left_out"] == "ToggleButtons"  # whole sentences: A, B, C, D
    question = next(q for q in quiz.questions if q.exercise.kind == "added_or_left_out")
    assert [label for label, _ in question.choice._options_full] == ["A", "B", "C", "D"]
    question.choice.value = question.exercise.answer
    assert "Right." in question.feedback.value


def test_hostile_text_is_escaped_everywhere():
    quiz = cc.quiz(hostile_articles())
    assert quiz.questions
    for question in quiz.questions:
        question.choice.value = question.exercise.answer
        question.show_evidence.click()
    values = [w.value for q in quiz.questions for w in (q.feedback, q.evidence, q.key)]
    values += [c.value for c in quiz.children if isinstance(c, ipywidgets.HTML)]
    values += [w.value for box in quiz.children[2:] for w in box.children[:1]]
    html = "".join(values)
    assert "&lt;script&gt;" in html
    assert "<script" not in html and "<img" not in html and "<iframe" not in html


def test_a_story_told_once_gives_a_quiz_that_says_why_it_is_empty(sample_articles):
    quiz = cc.quiz(cc.find_stories(sample_articles)[1])
    assert quiz.questions == ()
    assert "at least two versions" in quiz.children[-1].value


def test_exercises_made_already_are_shown_as_they_are_with_open_questions():
    open_question = cc.Exercise(
        "open-1",
        "order_matters",
        "What does a reader who stops after two paragraphs miss?",
        (),
        "The background on Qaddafi's fall.",
        "It stands in paragraph 8.",
        (cc.Evidence("Asharq Al-Awsat", "Libya has been gripped by chaos.", "paragraph 8"),),
    )
    quiz = cc.quiz([open_question])
    [question] = quiz.questions
    assert question.choice is None
    assert quiz.score.value == "<strong>Score: 0 of 0</strong> (0 answered)"
    assert question.key.layout.display == "none"
    assert question.show_evidence.description == "Show answer and evidence"
    question.show_evidence.click()
    assert question.key.layout.display is None and question.evidence.layout.display is None
    assert "Qaddafi&#39;s fall" in question.key.value


def test_without_ipywidgets_the_error_says_how_to_install_it(story, monkeypatch):
    monkeypatch.setitem(sys.modules, "ipywidgets", None)  # import ipywidgets -> ImportError
    with pytest.raises(cc.MissingDependency, match="pip install ipywidgets"):
        cc.quiz(story)
