"""A story -> one self-contained, offline HTML quiz page: answers, feedback and a score.

For a class without Jupyter. The page is the report's page shell (a Content-Security-
Policy that allows only the quiz's own inline script, by its hash; nothing is loaded),
the versions side by side, and the questions built by ``resources/templates/classroom/
quiz.js`` from a JSON data block that is escaped for a script element. Evidence shows only
after a question is answered; ``teacher=True`` writes the teacher view, with every answer,
reason and evidence shown. The same input gives the same bytes.

The student page carries no key in plain sight: each question holds a salted hash of its
right choice and its reason and evidence sealed with that choice's text (:func:`_seal`).
This stops a student who reads the page's source or data from finding the answers there;
it does not stop a determined one, who can run the page's own check on each of four
choices (the page must be able to tell right from wrong offline, so it holds all it needs).
"""

from __future__ import annotations

import base64
import hashlib
import json
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


def _fnv(text: str) -> int:
    """32-bit FNV-1a of ``text``'s UTF-8 bytes; quiz.js computes the same (``fnv``).

    >>> hex(_fnv("")), hex(_fnv("a"))
    ('0x811c9dc5', '0xe40c292c')
    """
    h = 0x811C9DC5
    for byte in text.encode("utf-8"):
        h = ((h ^ byte) * 0x01000193) & 0xFFFFFFFF
    return h


def _check(salt: str, choice: str) -> str:
    return f"{_fnv(f'{salt}|check|{choice}'):08x}"


def _stream(key: str, size: int) -> bytes:
    """A keystream: the FNV hashes of ``key:0``, ``key:1``, ... as little-endian bytes."""
    blocks = (_fnv(f"{key}:{n}").to_bytes(4, "little") for n in range((size + 3) // 4))
    return b"".join(blocks)[:size]


def _xor(data: bytes, key: str) -> bytes:
    return bytes(x ^ y for x, y in zip(data, _stream(key, len(data)), strict=True))


def _seal(e: Exercise) -> dict:
    """What the student page knows of an exercise's key: a salted check of the right choice
    (salted per question, so one answer's check does not reveal the same answer elsewhere)
    and the reason and evidence, sealed with the right choice's text."""
    salt = hashlib.sha256(e.id.encode("utf-8")).hexdigest()[:16]
    while [_check(salt, c) for c in e.choices].count(_check(salt, e.answer)) != 1:
        salt = hashlib.sha256(salt.encode("ascii")).hexdigest()[:16]  # a clash: salt again
    feedback = json.dumps(
        {"explanation": e.explanation, "evidence": _evidence(e.evidence)},
        ensure_ascii=False,
        sort_keys=True,
    ).encode("utf-8")
    sealed = base64.b64encode(_xor(feedback, salt + e.answer)).decode("ascii")
    return {"salt": salt, "check": _check(salt, e.answer), "sealed": sealed}


def _unseal(question: dict) -> tuple[int, dict] | None:
    """The right choice's index and the feedback of a sealed question, found as quiz.js does."""
    salt, choices = question["salt"], question["choices"]
    right = [k for k, c in enumerate(choices) if _check(salt, c) == question["check"]]
    if len(right) != 1:
        return None
    feedback = _xor(base64.b64decode(question["sealed"]), salt + choices[right[0]])
    return right[0], json.loads(feedback.decode("utf-8"))


def _question(e: Exercise, *, teacher: bool) -> dict:
    question = {
        "id": e.id,
        "title": KIND_TITLES.get(e.kind, e.kind),
        "prompt": e.prompt,
        "shown": _evidence(e.shown),
        "choices": list(e.choices),
    }
    if not teacher:
        return {**question, **_seal(e)}
    return {
        **question,
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
        "questions": [_question(e, teacher=teacher) for e in exercises],
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
