"""A story -> one self-contained, offline HTML quiz page: answers, feedback and a score.

For a class without Jupyter. The page is the report's page shell (a Content-Security-
Policy that allows only the quiz's own inline script, by its hash; nothing is loaded),
the versions side by side, and the questions built by ``resources/templates/classroom/
quiz.js`` from a JSON data block that is escaped for a script element. Evidence shows only
after a question is answered; ``teacher=True`` writes the teacher view, with every answer,
reason and evidence shown. The same input gives the same bytes.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..corpus.comparison import Comparison, unique_labels
from ..corpus.stories import Story
from ..model import Article
from ..present.page import page_html
from .exercises import Exercise, make_exercises
from .templating import json_for_script, render, resource
from .worksheet import KIND_TITLES, WORKSHEET_STYLE

__all__ = ["quiz_html"]


def _evidence(items) -> list[dict[str, str]]:
    return [{"outlet": e.outlet, "text": e.text, "where": e.where} for e in items]


def _question(e: Exercise) -> dict:
    return {
        "id": e.id,
        "title": KIND_TITLES.get(e.kind, e.kind),
        "prompt": e.prompt,
        "shown": _evidence(e.shown),
        "choices": list(e.choices),
        "answer": e.choices.index(e.answer),
        "explanation": e.explanation,
        "evidence": _evidence(e.evidence),
    }


def quiz_html(
    story: Story | Comparison | Iterable[Article],
    *,
    kinds: Iterable[str] | None = None,
    seed: int = 0,
    per_kind: int = 3,
    teacher: bool = False,
    title: str | None = None,
) -> str:
    """The quiz page of one story's versions (the teacher view with ``teacher=True``)."""
    if isinstance(story, Story | Comparison):
        articles = list(story.articles)
    else:
        articles = [story] if isinstance(story, Article) else list(story)
    names = story.outlets if isinstance(story, Comparison) else unique_labels(articles)
    exercises = [
        e for e in make_exercises(story, kinds=kinds, seed=seed, per_kind=per_kind) if e.choices
    ]
    title = title or (isinstance(story, Story) and story.title) or "How the outlets told the story"
    data = {
        "teacher": teacher,
        "versions": [
            {"name": n, "title": a.title, "paragraphs": list(a.paragraphs)}
            for a, n in zip(articles, names, strict=True)
        ],
        "questions": [_question(e) for e in exercises],
    }
    body = render("quiz.html.j2", title=title, teacher=teacher, count=len(exercises))
    return page_html(
        f"{title} ({'teacher view' if teacher else 'quiz'})",
        body,
        page_class="cc-page cc-sheet cc-quiz-page",
        head=WORKSHEET_STYLE,
        foot=render("quiz_data.html.j2", data=json_for_script(data)),
        scripts=[resource("quiz.js")],
    )
