"""Exercises -> an ipywidgets quiz: immediate feedback, a running score, evidence on demand.

The quiz is wiring only: questions, answers and explanations come from
:func:`exercises.make_exercises`, and the HTML of prompts and evidence from
:mod:`worksheet`, so the quiz, the worksheet and the answer key say the same things.
Nothing imports this module; the package exposes :func:`quiz` lazily.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape
from typing import TYPE_CHECKING, NamedTuple

from ..errors import missing_dependency
from .exercises import Exercise, make_exercises
from .worksheet import KIND_TITLES, WORKSHEET_STYLE, evidence_html

if TYPE_CHECKING:
    import ipywidgets

__all__ = ["quiz", "QuizQuestion"]

LONG = 60  # choices longer than this are listed as text and answered by letter
_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


class QuizQuestion(NamedTuple):
    """The widgets of one question: set ``choice.value`` to answer it."""

    exercise: Exercise
    choice: ipywidgets.ValueWidget | None  # None for an open question
    feedback: ipywidgets.HTML
    show_evidence: ipywidgets.Button
    evidence: ipywidgets.HTML
    key: ipywidgets.HTML  # the answer key: shown in teacher mode


def _ipywidgets():
    try:
        import ipywidgets
    except ImportError as error:
        raise missing_dependency("ipywidgets", "show the quiz in a notebook") from error
    return ipywidgets


def _key_html(exercise: Exercise) -> str:
    return (
        f'<div class="cc-explanation"><strong>Answer: {escape(exercise.answer)}</strong><br>'
        f"{escape(exercise.explanation)}</div>"
    )


def quiz(
    story: object,
    *,
    kinds: Iterable[str] | None = None,
    seed: int = 0,
    per_kind: int = 3,
    teacher: bool = False,
) -> ipywidgets.VBox:
    """A quiz widget on a story's versions (or on exercises already made).

    Choosing an answer shows at once whether it is right and why, and updates the score;
    the first answer to each question counts and locks it. "Show evidence" shows the
    sentences as each outlet printed them. ``teacher=True`` shows the answer key under
    every question. The box's ``questions`` hold each question's widgets
    (:class:`QuizQuestion`) and ``score`` the score line.
    """
    widgets = _ipywidgets()
    if isinstance(story, Sequence) and story and all(isinstance(e, Exercise) for e in story):
        exercises = list(story)
    else:
        exercises = make_exercises(story, kinds=kinds, seed=seed, per_kind=per_kind)
    scored = [e for e in exercises if e.choices]
    state = {"answered": 0, "right": 0}
    score = widgets.HTML()

    def show_score() -> None:
        score.value = (
            f"<strong>Score: {state['right']} of {len(scored)}</strong> "
            f"({state['answered']} answered)"
        )

    show_score()
    children: list = [widgets.HTML(WORKSHEET_STYLE), score]
    if not exercises:
        children.append(
            widgets.HTML(
                "<p>No exercises: the story needs at least two versions that differ in a way "
                "an exercise can ask about.</p>"
            )
        )
    questions = []
    for number, exercise in enumerate(exercises, 1):
        question, box = _question(widgets, exercise, number, teacher, state, show_score)
        questions.append(question)
        children.append(box)
    quiz_box = widgets.VBox(children)
    quiz_box.add_class("cc-quiz")
    quiz_box.questions = tuple(questions)
    quiz_box.score = score
    return quiz_box


def _question(widgets, exercise: Exercise, number: int, teacher: bool, state: dict, show_score):
    """One question's widgets, wired: answering gives feedback and updates the score."""
    title = escape(KIND_TITLES.get(exercise.kind, exercise.kind))
    parts = [
        f'<div class="cc-kind">{title}</div>'
        f'<p class="cc-prompt">{number}. {escape(exercise.prompt)}</p>',
        "".join(evidence_html(e) for e in exercise.shown),
    ]
    choice = None
    if exercise.choices:
        long = any(len(c) > LONG for c in exercise.choices)
        letters = [_LETTERS[k % 26] for k in range(len(exercise.choices))]
        if long:  # list the choices as text, answer by letter
            items = "".join(
                f"<li>{letter}. {escape(c)}</li>"
                for letter, c in zip(letters, exercise.choices, strict=True)
            )
            parts.append(f'<ol class="cc-choices">{items}</ol>')
            options = list(zip(letters, exercise.choices, strict=True))
            choice = widgets.ToggleButtons(options=options, value=None)
        else:
            choice = widgets.RadioButtons(options=list(exercise.choices), value=None)
            choice.layout.width = "max-content"
    feedback = widgets.HTML()
    evidence = widgets.HTML(
        '<div class="cc-evidence">'
        + "".join(evidence_html(e) for e in exercise.evidence)
        + "</div>"
    )
    evidence.layout.display = "none"
    show = widgets.Button(description="Show evidence", icon="search")
    key = widgets.HTML(_key_html(exercise))
    key.layout.display = None if teacher else "none"
    # an open question has no answer to check: the button shows the key with the evidence
    shown = [evidence] if exercise.choices or teacher else [evidence, key]
    label = "evidence" if exercise.choices or teacher else "answer and evidence"
    show.description = f"Show {label}"

    def toggle(_button) -> None:
        hidden = evidence.layout.display == "none"
        for widget in shown:
            widget.layout.display = None if hidden else "none"
        show.description = f"{'Hide' if hidden else 'Show'} {label}"

    def answered(change) -> None:
        if change["new"] is None or choice.disabled:
            return
        right = change["new"] == exercise.answer
        state["answered"] += 1
        state["right"] += right
        choice.disabled = True  # the first answer counts
        verdict = (
            '<strong style="color:#176">Right.</strong>'
            if right
            else f'<strong style="color:#a33">Not quite:</strong> the answer is '
            f"&ldquo;{escape(exercise.answer)}&rdquo;"
            + ("" if exercise.answer.rstrip("\u201d\"'").endswith((".", "?", "!")) else ".")
        )
        feedback.value = (
            f'<div class="cc-explanation">{verdict} {escape(exercise.explanation)}</div>'
        )
        show_score()

    show.on_click(toggle)
    if choice is not None:
        choice.observe(answered, names="value")
    rows = [widgets.HTML("".join(parts))]
    rows += [choice] if choice is not None else []
    rows += [feedback, key, show, evidence]
    box = widgets.VBox(
        rows, layout=widgets.Layout(border="1px solid #ddd", padding="6px", margin="0 0 10px 0")
    )
    box.add_class("cc-exercise")
    return QuizQuestion(exercise, choice, feedback, show, evidence, key), box
