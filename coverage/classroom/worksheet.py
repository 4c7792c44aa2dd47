"""Exercises -> a printable, offline worksheet (and its one-page answer key), with no script.

The markup comes from Jinja2 templates with autoescape on
(``resources/templates/classroom/``) and the styles from ``classroom.css`` beside them;
the page shell is the report's (:func:`present.page.page_html`, with a
Content-Security-Policy that allows no script). The worksheet sets the versions side by
side in columns, packs the questions in two columns on paper, and ends with the lesson's
discussion prompts and exit question; the key gives "1 B" and a one-line reason per
question. The same input gives the same bytes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from ..corpus.comparison import Comparison, unique_labels
from ..corpus.stories import Story
from ..model import Article
from ..present.page import page_html
from .exercises import Evidence, Exercise, make_exercises
from .lesson import EXIT_QUESTION, discussion_prompts
from .templating import render, resource

__all__ = ["KIND_TITLES", "WORKSHEET_STYLE", "evidence_html", "exercise_html", "worksheet_html"]

KIND_TITLES = {
    "spot_the_change": "Spot the change",
    "who_said_it": "Who said it that way?",
    "added_or_left_out": "What was added or left out?",
    "order_matters": "Order matters",
    "label_check": "Label check",
    "quote_check": "Quote check",
    "source_check": "Who is the source?",
    "figure_check": "Which figure?",
    "name_check": "How is the name spelled?",
    "headline_check": "Whose headline?",
    "honorific_check": "Mr, Ms or the surname?",
    "attribution_check": "How is the quote introduced?",
    "style_check": "House style",
}
_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
WORKSHEET_STYLE = render("style.html.j2", css=resource("classroom.css"))


def evidence_html(evidence: Evidence) -> str:
    """A sentence as one outlet printed it, escaped, with the outlet and where it stands."""
    return render("evidence.html.j2", ev=evidence)


def exercise_html(exercise: Exercise, *, number: int | None = None, answers: bool = False) -> str:
    """One exercise: its prompt, what to read, the choices; with ``answers``, the key too."""
    return render(
        "one_exercise.html.j2",
        e=exercise,
        number=number,
        answers=answers,
        title=KIND_TITLES.get(exercise.kind, exercise.kind),
    )


def _stories(source) -> list[Story | Comparison | list[Article]]:
    if isinstance(source, Story | Comparison):
        return [source]
    if isinstance(source, Article):
        return [[source]]
    items = list(source)
    if items and all(isinstance(i, Story | Comparison) for i in items):
        return items
    if all(isinstance(i, Article) for i in items):
        return [items]
    raise TypeError(
        "worksheet_html() takes a Story, a list of Stories, or the Articles of one story"
    )


def _reason(exercise: Exercise) -> str:
    """The explanation's first sentence: the one-line reason of the answer key."""
    first = re.split(r"(?<=[.!?])\s+(?=[A-Z“\"])", exercise.explanation.strip(), maxsplit=1)[0]
    said = first.find(f"{exercise.answer}: ")  # "B left out a source: why" -> "Why"
    if 0 <= said < 40:
        first = first[said + len(exercise.answer) + 2 :]
        first = first[:1].upper() + first[1:]
    return first if len(first) <= 160 else first[:159].rstrip() + "…"


def _short(answer: str, words: int = 7) -> str:
    parts = answer.split()
    return answer if len(parts) <= words else " ".join(parts[:words]) + " …"


def _section(item, exercises: list[Exercise], first: int) -> dict:
    articles = list(item.articles) if isinstance(item, Story | Comparison) else item
    names = list(item.outlets if isinstance(item, Comparison) else unique_labels(articles))
    title = item.title if isinstance(item, Story) else (articles[0].title if articles else "")
    reason = (
        "no question fits these versions"
        if len(articles) > 1
        else f"there {'is only one version' if articles else 'are no versions'}"
    )
    return {
        "title": title or "(untitled)",
        "names": names,
        "reason": reason,
        "first": first,
        "exercises": exercises,
        "versions": [
            {"name": n, "title": a.title, "paragraphs": a.paragraphs}
            for a, n in zip(articles, names, strict=True)
        ],
        "rows": [
            {
                "number": first + k,
                "id": e.id,
                "letter": _LETTERS[e.choices.index(e.answer) % 26] if e.answer in e.choices else "",
                "answer": _short(e.answer),
                "reason": _reason(e),
            }
            for k, e in enumerate(exercises)
        ],
    }


def worksheet_html(
    stories: Story | Comparison | Sequence[Story] | Iterable[Article],
    *,
    kinds: Iterable[str] | None = None,
    seed: int = 0,
    per_kind: int = 3,
    answers: bool = False,
    title: str | None = None,
) -> str:
    """A printable worksheet for one story or several; with ``answers``, its answer key.

    Exercises come from :func:`exercises.make_exercises` (``kinds``, ``seed``,
    ``per_kind``); the worksheet and the key made with the same options number the same
    exercises alike. The worksheet carries the versions side by side, the questions, the
    discussion prompts and the exit question; the key, the letter and a one-line reason
    for each question. The page needs no script and no network.
    """
    title = title or "How the outlets told the story: exercises"
    sections, first, every = [], 1, []
    for item in _stories(stories):
        exercises = make_exercises(item, kinds=kinds, seed=seed, per_kind=per_kind)
        sections.append(_section(item, exercises, first))
        first += len(exercises)
        every += exercises
    count = first - 1
    if answers:
        body = render("key.html.j2", title=title, count=count, sections=sections)
    else:
        body = render(
            "worksheet.html.j2",
            title=title,
            count=count,
            sections=sections,
            kind_titles=KIND_TITLES,
            discussion=discussion_prompts(every),
            exit_question=EXIT_QUESTION,
        )
    kind = "answer key" if answers else "worksheet"
    return page_html(f"{title} ({kind})", body, page_class="cc-page cc-sheet", head=WORKSHEET_STYLE)
