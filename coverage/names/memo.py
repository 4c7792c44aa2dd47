"""Inputs of a name analysis -> its result, computed once within a :func:`sharing` block.

A report asks for the same analyses several times: the names of a sentence (for each
rule of :mod:`wording` that looks beside names), the mentions and spelling clusters of
a story's articles (for its labels, then for the name variants). Inside ``with
sharing():`` each is computed once and reused; outside, nothing is kept, so no memory
outlives the work and no result outlives an edit of the word lists (the key carries
:func:`vocabulary.generation`). Results handed out are shared: read them, never change them.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TypeVar

from ..vocabulary import generation

__all__ = ["shared", "sharing"]

T = TypeVar("T")

_MEMO: ContextVar[dict | None] = ContextVar("comparative_coverage_name_memo", default=None)


@contextmanager
def sharing() -> Iterator[None]:
    """Within the block, a name analysis of the same inputs is made once (nested blocks
    share the outer one's results)."""
    token = _MEMO.set({}) if _MEMO.get() is None else None
    try:
        yield
    finally:
        if token is not None:
            _MEMO.reset(token)


def shared(key: Hashable, compute: Callable[[], T], *, keep: object = None) -> T:
    """``compute()``, or what it gave for ``key`` earlier in the same :func:`sharing` block.

    ``keep`` holds objects alive as long as the result: pass the inputs a key names by
    ``id()``, so no other object can take their ids meanwhile.

    >>> calls = []
    >>> with sharing():
    ...     [shared("k", lambda: calls.append(1) or len(calls)) for _ in range(3)]
    [1, 1, 1]
    >>> shared("k", lambda: calls.append(1) or len(calls))  # outside: computed each time
    2
    """
    memo = _MEMO.get()
    if memo is None:
        return compute()
    key = (key, generation())
    found = memo.get(key)  # one look-up: rules ask for the same results many times
    if found is None:
        found = memo[key] = (compute(), keep)
    return found[0]
