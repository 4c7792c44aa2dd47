"""Exercises -> a printable, offline worksheet page (and its answer key) with no script at all.

The page is the report's page shell (:func:`standalone.page_html`: the report's
stylesheet, the side-by-side views' :data:`render.STYLE` and a Content-Security-Policy)
plus a few print rules. It passes no script, so the policy allows none, and nothing in an
article's text can run even if it escaped escaping (it does not: every piece of text goes
through :func:`html.escape`). The same input gives the same bytes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape

from ..corpus.comparison import Comparison, unique_labels
from ..corpus.stories import Story
from ..model import Article
from ..present.page import page_html
from .exercises import Evidence, Exercise, make_exercises

__all__ = ["KIND_TITLES", "WORKSHEET_STYLE", "evidence_html", "exercise_html", "worksheet_html"]

KIND_TITLES = {
    "spot_the_change": "Spot the change",
    "who_said_it": "Who said it that way?",
    "added_or_left_out": "What was added or left out?",
    "order_matters": "Order matters",
    "label_check": "Label check",
    "quote_check": "Quote check",
}
_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
WORKSHEET_STYLE = (
    "<style>"
    ".cc-sheet .cc-name{margin:.6em 0 1.2em;font-size:15px}"
    ".cc-sheet .cc-name span{display:inline-block;min-width:14em;border-bottom:1px solid #444;"
    "margin:0 1.5em 0 .3em}"
    ".cc-sheet .cc-texts{display:grid;grid-template-columns:repeat(auto-fit,minmax(300px,1fr));gap:16px}"
    ".cc-sheet .cc-version h4{margin:.2em 0}"
    ".cc-sheet .cc-version ol{padding-left:1.8em;font-size:13.5px}"
    ".cc-sheet .cc-version li{margin-bottom:.4em}"
    ".cc-exercise{margin:0 0 1.1em;padding:.5em .8em;border:1px solid #ddd;border-radius:6px}"
    ".cc-exercise .cc-kind{color:#555;font-size:12px;text-transform:uppercase;letter-spacing:.04em}"
    ".cc-exercise .cc-prompt{font-weight:600;margin:.2em 0 .4em}"
    ".cc-exercise blockquote{margin:.3em 0;padding:.2em .6em;border-left:3px solid #999;"
    "background:#f7f7f7;overflow-wrap:anywhere}"
    ".cc-exercise .cc-outlet{display:block;color:#555;font-size:12px}"
    ".cc-choices{list-style:none;padding-left:.2em;margin:.3em 0}"
    ".cc-choices li{margin:.25em 0;overflow-wrap:anywhere}"
    ".cc-box{display:inline-block;width:.9em;height:.9em;border:1.5px solid #333;"
    "vertical-align:-1px;margin-right:.4em}"
    ".cc-choices li.cc-answer{font-weight:600}"
    ".cc-choices li.cc-answer .cc-box{background:#176;border-color:#176}"
    ".cc-lines{height:4.5em;background:repeating-linear-gradient(transparent 0 1.45em,#999 1.45em 1.5em)}"
    ".cc-explanation{margin:.4em 0;color:#222}"
    ".cc-evidence{font-size:13px;color:#333;margin:.2em 0 0 1em}"
    ".cc-id{color:#999;font-size:11px}"
    "@media print{.cc-exercise{break-inside:avoid;border-color:#bbb}"
    ".cc-sheet .cc-texts{display:block}.cc-sheet .cc-version{break-inside:auto}"
    ".cc-exercises{break-before:page}}"
    "</style>"
)


def evidence_html(evidence: Evidence) -> str:
    """A sentence as one outlet printed it, escaped, with the outlet and where it stands."""
    where = f" &middot; {escape(evidence.where)}" if evidence.where else ""
    return (
        f'<blockquote><span class="cc-outlet">{escape(evidence.outlet)}{where}</span>'
        f"{escape(evidence.text)}</blockquote>"
    )


def exercise_html(exercise: Exercise, *, number: int | None = None, answers: bool = False) -> str:
    """One exercise: its prompt, what to read, the choices; with ``answers``, the key too."""
    head = f"{number}. " if number is not None else ""
    marked = ' class="cc-answer"'
    choices = "".join(
        f"<li{marked if answers and choice == exercise.answer else ''}>"
        f'<span class="cc-box"></span>{_LETTERS[k % 26]}. {escape(choice)}</li>'
        for k, choice in enumerate(exercise.choices)
    )
    parts = [
        f'<div class="cc-exercise" id="{escape(exercise.id, quote=True)}">'
        f'<div class="cc-kind">{escape(KIND_TITLES.get(exercise.kind, exercise.kind))}</div>'
        f'<p class="cc-prompt">{head}{escape(exercise.prompt)}</p>',
        "".join(evidence_html(e) for e in exercise.shown),
        f'<ol class="cc-choices">{choices}</ol>' if choices else '<div class="cc-lines"></div>',
    ]
    if answers:
        answer = exercise.answer
        if exercise.choices and answer in exercise.choices:
            answer = f"{_LETTERS[exercise.choices.index(answer) % 26]}. {answer}"
        parts.append(
            f'<p class="cc-explanation"><strong>Answer: {escape(answer)}</strong><br>'
            f"{escape(exercise.explanation)}</p>"
            f'<div class="cc-evidence">{"".join(evidence_html(e) for e in exercise.evidence)}</div>'
            f'<div class="cc-id">{escape(exercise.id)}</div>'
        )
    return "".join(parts) + "</div>"


def _texts(articles: Sequence[Article], names: Sequence[str]) -> str:
    """Each version's paragraphs, numbered, so students can find what a prompt names."""
    columns = []
    for article, name in zip(articles, names, strict=True):
        paragraphs = "".join(f"<li>{escape(p)}</li>" for p in article.paragraphs)
        columns.append(
            f'<article class="cc-version"><h4>{escape(name)}</h4>'
            f'<p class="cc-note">{escape(article.title or "(untitled)")}</p><ol>{paragraphs}</ol></article>'
        )
    return f'<div class="cc-texts">{"".join(columns)}</div>'


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


def _section(number: int, item, exercises: list[Exercise], first: int, answers: bool) -> str:
    articles = list(item.articles) if isinstance(item, Story | Comparison) else item
    names = item.outlets if isinstance(item, Comparison) else unique_labels(articles)
    title = item.title if isinstance(item, Story) else (articles[0].title if articles else "")
    parts = [
        f'<section class="cc-story" id="story-{number}"><h2>{escape(title or "(untitled)")}</h2>'
        f'<p class="cc-note">{len(articles)} version{"s" * (len(articles) != 1)}: '
        f"{escape(', '.join(names))}</p>"
    ]
    if not exercises:
        reason = (
            "no question fits these versions"
            if len(articles) > 1
            else f"there {'is only one version' if articles else 'are no versions'}"
        )
        return "".join(parts) + f"<p>No exercises for this story: {reason}.</p></section>"
    if not answers:
        parts += ["<h3>The versions</h3>", _texts(articles, names)]
    items = "".join(
        exercise_html(e, number=first + k, answers=answers) for k, e in enumerate(exercises)
    )
    parts.append(f'<div class="cc-exercises"><h3>Exercises</h3>{items}</div>')
    return "".join(parts) + "</section>"


def worksheet_html(
    stories: Story | Comparison | Sequence[Story] | Iterable[Article],
    *,
    kinds: Iterable[str] | None = None,
    seed: int = 0,
    per_kind: int = 3,
    answers: bool = False,
    title: str | None = None,
) -> str:
    """A printable worksheet page for one story or several; with ``answers``, its answer key.

    Exercises come from :func:`exercises.make_exercises` (``kinds``, ``seed``,
    ``per_kind``); the worksheet and the key made with the same options number the same
    exercises alike. The worksheet carries each version's text; the key carries the
    answers, explanations and evidence. The page needs no script and no network.
    """
    title = title or "How the outlets told the story: exercises"
    sections, first = [], 1
    for number, item in enumerate(_stories(stories), 1):
        exercises = make_exercises(item, kinds=kinds, seed=seed, per_kind=per_kind)
        sections.append(_section(number, item, exercises, first, answers))
        first += len(exercises)
    kind = "Answer key" if answers else "Worksheet"
    intro = (
        "Answers, with the sentences that show why."
        if answers
        else "Read the versions, then answer each question. Tick one box per question."
    )
    name = "" if answers else '<p class="cc-name">Name:<span></span> Date:<span></span></p>'
    body = (
        f"<main><header><h1>{escape(title)}</h1>"
        f'<p class="cc-lede">{kind}: {first - 1} question{"s" * (first != 2)}. {intro}</p>'
        f"{name}</header>{''.join(sections)}</main>"
    )
    return page_html(
        f"{title} ({kind.lower()})", body, page_class="cc-page cc-sheet", head=WORKSHEET_STYLE
    )
