"""A line put as a question -> a heading between paragraphs, or a label glued before the lead.

Questions are read by place as well as shape (:mod:`story` asks before the lead,
:mod:`story_inside` between paragraphs), so their two tests live apart from
:mod:`furniture`, whose verdicts hold for a line alone.
"""

from __future__ import annotations

import re

from .. import vocabulary
from .furniture import is_sentence, words_of

__all__ = ["is_question_heading", "question_label"]

_QUOTES = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb"


# a short question opening a line, then a sentence: "What happened ? A young woman ..."
_QUESTION_LABEL = re.compile(r"([A-Z][a-z]{1,6}(?: [^\s?.!]{1,20}){1,3}) ?\?\s+(?=[A-Z])")


def _asks(word: str) -> bool:
    return word[:1].isupper() and word.lower() in vocabulary.words("reading_question_words")


def is_question_heading(text: str) -> bool:
    """A heading put as a question ("What happens next?", "Why does it matter?"): two to
    eight words, opening with a question word, with nothing after the question mark and
    no quotation (a quoted question is speech).

    >>> is_question_heading("What happens next?"), is_question_heading("So what went wrong?")
    (True, False)
    >>> is_question_heading('"Where is my son?"'), is_question_heading("Why? Nobody knows.")
    (False, False)
    """
    if not text.endswith("?"):  # most lines: the one test
        return False
    words = text.split()
    return (
        2 <= len(words) <= 8
        and _asks(words[0])
        and text.count("?") == 1
        and not any(q in text for q in _QUOTES)
        and "." not in text
    )


def question_label(text: str) -> int:
    """The length of a question label glued before a paragraph's first sentence ("What
    happened ? A young woman died ..."): a question of two to four words, opening with a
    question word, followed by a whole sentence of eight words or more. 0: none.

    >>> text = "What happened ? A young woman died on Friday after her arrest, state media said."
    >>> text[: question_label(text)]
    'What happened ? '
    >>> question_label("Why? Nobody knows."), question_label("He asked why. Nobody knew.")
    (0, 0)
    """
    match = _QUESTION_LABEL.match(text)
    if not match or not _asks(match.group(1).split()[0]):
        return 0
    rest = text[match.end() :]
    if words_of(rest) < 8 or not is_sentence(rest) or any(q in match.group() for q in _QUOTES):
        return 0
    return match.end()
