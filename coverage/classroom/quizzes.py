"""Exercises -> an ipywidgets quiz: the texts, immediate feedback, a score, then the evidence.

The quiz is wiring only: questions, answers and explanations come from
:func:`exercises.make_exercises`, and every piece of HTML from the classroom templates
(autoescaped), so the quiz, the worksheet and the answer key say the same things. It does
not give itself away: the evidence (which names the outlets) opens only once a question is
answered, and the answer key only in the teacher's quiz (``teacher=True``).
Nothing imports this module; the package exposes :func:`quiz` lazily.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, NamedTuple

from ..corpus.comparison import Comparison, unique_labels
from ..corpus.stories import Story
from ..errors import missing_dependency
from ..model import Article
from .exercises import Exercise, make_exercises
from .templating import render
from .worksheet import KIND_TITLES, WORKSHEET_STYLE

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


def _versions(story: object) -> list[dict]:
    """The versions a quiz shows, side by side, when it is given a story."""
    if isinstance(story, Story | Comparison):
        articles = list(story.articles)
    elif isinstance(story, Article):
        articles = [story]
    elif isinstance(story, Sequence) and all(isinstance(a, Article) for a in story):
        articles = list(story)
    else:
        return []
    names = story.outlets if isinstance(story, Comparison) else unique_labels(articles)
    return [
        {"name": n, "title": a.title, "paragraphs": a.paragraphs}
        for a, n in zip(articles, names, strict=True)
    ]


def quiz(
    story: object,
    *,
    kinds: Iterable[str] | None = None,
    seed: int = 0,
    per_kind: int = 3,
    teacher: bool = False,
) -> ipywidgets.VBox:
    """A quiz widget on a story's versions (or on exercises already made).

    The versions stand side by side at the top. Choosing an answer shows at once whether
    it is right and why, and updates the score; the first answer to each question counts
    and locks it. Then "Show evidence" shows the sentences as each outlet printed them.
    ``teacher=True`` shows the answer key under every question and the evidence at once.
    The box's ``questions`` hold each question's widgets (:class:`QuizQuestion`) and
    ``score`` the score line.
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
        score.value = render(
            "widget_score.html.j2",
            right=state["right"],
            total=len(scored),
            answered=state["answered"],
        )

    show_score()
    children: list = [widgets.HTML(WORKSHEET_STYLE), score]
    versions = _versions(story)
    if versions:
        texts = widgets.Accordion([widgets.HTML(render("widget_texts.html.j2", versions=versions))])
        texts.set_title(0, "The versions: read them first")
        texts.selected_index = 0
        children.append(texts)
    if not exercises:
        children.append(widgets.HTML(render("widget_empty.html.j2")))
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


def _choice(widgets, exercise: Exercise):
    """Radio buttons for short choices; A/B/C/D toggles for whole sentences."""
    if not exercise.choices:
        return None, False
    if any(len(c) > LONG for c in exercise.choices):
        letters = [_LETTERS[k % 26] for k in range(len(exercise.choices))]
        options = list(zip(letters, exercise.choices, strict=True))
        return widgets.ToggleButtons(options=options, value=None), True
    choice = widgets.RadioButtons(options=list(exercise.choices), value=None)
    choice.layout.width = "max-content"
    return choice, False


def _question(widgets, exercise: Exercise, number: int, teacher: bool, state: dict, show_score):
    """One question's widgets, wired: answering gives feedback, the score and the evidence."""
    choice, long = _choice(widgets, exercise)
    head = widgets.HTML(
        render(
            "widget_question.html.j2",
            e=exercise,
            number=number,
            title=KIND_TITLES.get(exercise.kind, exercise.kind),
            long=long,
            letters=_LETTERS,
        )
    )
    feedback = widgets.HTML()
    evidence = widgets.HTML(render("widget_evidence.html.j2", items=exercise.evidence))
    evidence.layout.display = None if teacher else "none"
    key = widgets.HTML(render("widget_key.html.j2", e=exercise))
    key.layout.display = None if teacher else "none"
    # an open question has no answer to check: the button shows the key with the evidence
    shown = [evidence] if exercise.choices or teacher else [evidence, key]
    label = "evidence" if exercise.choices or teacher else "answer and evidence"
    show = widgets.Button(
        description=f"{'Hide' if teacher else 'Show'} {label}",
        icon="search",
        disabled=bool(exercise.choices) and not teacher,  # opens once the question is answered
    )

    def toggle(_button) -> None:
        if show.disabled:  # not before the question is answered
            return
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
        stop = exercise.answer.rstrip("\u201d\"'").endswith((".", "?", "!"))
        feedback.value = render("widget_feedback.html.j2", e=exercise, right=right, stop=stop)
        show.disabled = False
        show_score()

    show.on_click(toggle)
    if choice is not None:
        choice.observe(answered, names="value")
    rows = [head, *([choice] if choice is not None else []), feedback, key, show, evidence]
    box = widgets.VBox(
        rows, layout=widgets.Layout(border="1px solid #ddd", padding="6px", margin="0 0 10px 0")
    )
    box.add_class("cc-exercise")
    return QuizQuestion(exercise, choice, feedback, show, evidence, key), box
