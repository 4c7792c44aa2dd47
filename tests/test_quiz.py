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


N = 14  # questions on the sample story with seed 1 (a source and a name question since those kinds)


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
        (
            cc.Evidence(
                outlet="Asharq Al-Awsat",
                text="Libya has been gripped by chaos.",
                where="paragraph 8",
            ),
        ),
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


# ---- the standalone quiz page (no Jupyter) -----------------------------------------------


def quiz_data(html: str) -> dict:
    import json

    start = html.index('<script type="application/json" id="cc-quiz-data">')
    raw = html[html.index(">", start) + 1 : html.index("</script>", start)]
    return json.loads(raw)


def test_the_quiz_page_carries_the_texts_and_questions_as_data_and_one_allowed_script(story):
    import base64
    import hashlib
    import re

    html = cc.quiz_html(story, seed=1)
    data = quiz_data(html)
    exercises = [e for e in cc.make_exercises(story, seed=1) if e.choices]
    assert [q["prompt"] for q in data["questions"]] == [e.prompt for e in exercises]
    assert [v["name"] for v in data["versions"]] == ["Asharq Al-Awsat", "The Defense Post"]
    assert data["teacher"] is False and cc.quiz_html(story, seed=1, teacher=True) != html
    teacher = quiz_data(cc.quiz_html(story, seed=1, teacher=True))["questions"]
    assert [q["choices"][q["answer"]] for q in teacher] == [e.answer for e in exercises]
    scripts = re.findall(r"<script>(.*?)</script>", html, re.S)
    [policy] = re.findall(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html)
    assert len(scripts) == 1 and "default-src &#x27;none&#x27;" in policy
    digest = base64.b64encode(hashlib.sha256(scripts[0].encode()).digest()).decode()
    assert f"sha256-{digest}" in policy  # the quiz's own script, allowed by its hash only
    assert not re.search(r"innerHTML|outerHTML|insertAdjacentHTML|fetch\(|XMLHttp", scripts[0])
    assert cc.quiz_html(story, seed=1) == html  # deterministic


def test_the_student_page_carries_no_key_in_plain_sight_but_opens_it_once_answered(story):
    """The old page held each answer's index, reason and evidence as plain data: a student
    reading the source had the key. Now only a salted check and a sealed reason are there."""
    from comparative_coverage.classroom.quiz_page import _unseal

    html = cc.quiz_html(story, seed=1)
    questions = quiz_data(html)["questions"]
    exercises = [e for e in cc.make_exercises(story, seed=1) if e.choices]
    assert all(
        set(q) == {"id", "title", "prompt", "shown", "choices", "salt", "check", "sealed"}
        for q in questions
    )
    for q, e in zip(questions, exercises, strict=True):
        assert e.explanation not in html and e.explanation[:30] not in html
        assert q["check"] not in html.replace(f'"check": "{q["check"]}"', "", 1)
        right, feedback = _unseal(q)  # as the page's script opens it, once answered
        assert q["choices"][right] == e.answer
        assert feedback["explanation"] == e.explanation
        assert [x["text"] for x in feedback["evidence"]] == [x.text for x in e.evidence]
    assert len({q["salt"] for q in questions}) == len(questions)  # one salt a question
    checks = [q["check"] for q in questions]
    assert len(set(checks)) == len(checks)  # the same answer twice gives two checks


def test_the_quiz_data_cannot_end_its_script_element():
    html = cc.quiz_html(hostile_articles())
    block = html[html.index('id="cc-quiz-data">') :]
    block = block[: block.index("</script>")]
    assert "<" not in block.split(">", 1)[1]  # no </script>, no <!--
    assert "\u2028" not in block and "\u2029" not in block
    texts = [q["prompt"] for q in quiz_data(html)["questions"]]
    assert any("<script>" in t for t in texts)  # the text survives, as data


def test_the_quiz_command_writes_a_page_and_a_teacher_view(sample_dir, tmp_path, capsys, story):
    from comparative_coverage.cli import main

    output = tmp_path / "class" / "quiz.html"
    assert main(["quiz", str(sample_dir), "-o", str(output), "--seed", "1"]) == 0
    assert output.read_text("utf-8") == cc.quiz_html(story, seed=1)
    teacher = tmp_path / "teacher.html"
    assert main(["quiz", str(sample_dir), "-o", str(teacher), "--teacher"]) == 0
    assert quiz_data(teacher.read_text("utf-8"))["teacher"] is True
    assert capsys.readouterr().out.splitlines() == [
        f"wrote {output}",
        f"wrote {teacher} (the teacher view)",
    ]
    assert main(["quiz", f"{sample_dir}/004_31faec29e2e14dd4.txt", "-o", "x.html"]) == 2
    assert "no story here is told in more than one" in capsys.readouterr().err


def test_the_quiz_page_matches_its_snapshot(story, snapshot):
    assert cc.quiz_html(story, seed=1) == snapshot


def test_the_quiz_widgets_fragments_match_their_snapshot(quiz, snapshot):
    question = quiz.questions[0]
    question.choice.value = question.exercise.answer
    parts = [quiz.score.value, quiz.children[3].children[0].value, question.feedback.value]
    assert parts == snapshot
