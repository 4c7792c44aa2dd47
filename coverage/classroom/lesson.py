"""Exercises -> the lesson around them: discussion prompts and the exit question.

The prompts sit on the student's worksheet, so they name a question and its topic but never
its answer. They point at the questions that carry a choice of words worth talking about (a
label, a source left out or added, a quote introduced another way, a passage moved, a
sentence cut or added, a quote changed, a courtesy title), one prompt per kind at most, in
that order.
"""

from __future__ import annotations

from collections.abc import Sequence

from .text import Exercise

__all__ = ["EXIT_QUESTION", "discussion_prompts"]

EXIT_QUESTION = (
    "Name one change between the versions that could change what a reader thinks, and say why."
)


def _label(n: int, e: Exercise) -> str:
    return (
        f"Question {n}: the versions describe the same person or thing in different words. "
        "Which words carry a judgement, and whose judgement is it?"
    )


def _source(n: int, e: Exercise) -> str:
    # not "naming a source": beside a spot-the-change question whose one choice about a
    # source is the key, the topic would be the answer
    return (
        f"Question {n}: look again at the change you chose. What does a reader of one "
        "version know that a reader of the other does not? Why might an editor make it?"
    )


def _order(n: int, e: Exercise) -> str:
    return (
        f"Question {n}: the versions tell things in another order. A reader who stops after "
        "two paragraphs: what does each version tell them first, and who is better informed?"
    )


def _added(n: int, e: Exercise) -> str:
    return (
        f"Question {n}: a sentence only one version carries. Why might an editor add it, or "
        "cut it? What does a reader of the other version miss?"
    )


def _quote(n: int, e: Exercise) -> str:
    return (
        f"Question {n}: a quote as the versions give it. When a quote is cut or changed, "
        "does the speaker still say the same thing?"
    )


def _attribution(n: int, e: Exercise) -> str:
    return (
        f"Question {n}: the versions introduce the same words in different ways. What does "
        "each way tell a reader about who gave the words, and how?"
    )


def _honorific(n: int, e: Exercise) -> str:
    return (
        f"Question {n}: how each version names a person after the first mention. Does a "
        "courtesy title (Mr, Ms) or the surname alone change how a reader sees a person?"
    )


def discussion_prompts(
    exercises: Sequence[Exercise], *, first: int = 1, most: int = 3
) -> list[str]:
    """Up to ``most`` prompts, each naming the question (numbered from ``first``) it builds on."""
    makers = {
        "label_check": _label,
        "spot_the_change:source": _source,
        "attribution_check": _attribution,
        "order_matters": _order,
        "added_or_left_out": _added,
        "quote_check": _quote,
        "honorific_check": _honorific,
    }
    found: dict[str, str] = {}
    for n, e in enumerate(exercises, first):
        kind = e.kind
        if kind == "spot_the_change":
            kind = "spot_the_change:source" if "source" in e.answer else ""
        if kind in makers and kind not in found:
            found[kind] = makers[kind](n, e)
    return [found[k] for k in makers if k in found][:most]
