"""Altair, imported without paying at start-up for an IRI grammar that no chart uses.

Where ``rfc3987-syntax`` is installed (``jupyterlab`` pulls it in: jupyter-events needs
``jsonschema[format-nongpl]``), ``import jsonschema`` -- which Altair does -- imports it,
and it builds about 35 Earley parsers at import: 1-2 s in every process that draws a
chart. Only jsonschema's ``iri`` and ``iri-reference`` format checks use them, and no
Vega-Lite schema has those formats. So jsonschema is imported with ``rfc3987_syntax``
hidden, and those two checks are then registered as functions that import it on their
first call: every schema validates as before, and a process that never checks an IRI
never builds the grammar. Nothing changes where jsonschema is already imported, where
``rfc3987_syntax`` is already imported or not installed, or where jsonschema uses the
``rfc3987`` package instead.

Modules of this package that use Altair write ``from .altair_import import alt``, and
decorate their chart builders with :func:`unchecked_build`.
"""

from __future__ import annotations

import functools
import importlib.util
import sys
from collections.abc import Callable
from typing import ParamSpec, TypeVar

__all__ = ["alt", "import_jsonschema_without_iri_grammar", "unchecked_build"]

P = ParamSpec("P")
R = TypeVar("R")

_GRAMMAR = "rfc3987_syntax"
_IRI_RULES = {"iri": "iri", "iri-reference": "iri_reference"}  # jsonschema format -> rule


def _iri_check(rule: str) -> Callable[[object], bool]:
    """jsonschema's check for ``rule``, importing the grammar on its first call."""

    def check(instance: object) -> bool:
        if not isinstance(instance, str):
            return True
        from rfc3987_syntax import is_valid_syntax

        return is_valid_syntax(rule, instance)

    return check


def import_jsonschema_without_iri_grammar() -> bool:
    """Import jsonschema with the IRI checks deferred; True when the grammar was deferred."""
    if "jsonschema" in sys.modules or _GRAMMAR in sys.modules:
        return False  # nothing left to save
    if importlib.util.find_spec(_GRAMMAR) is None:
        return False  # not installed: jsonschema has no IRI checks either way
    sys.modules[_GRAMMAR] = None  # `import rfc3987_syntax` raises ImportError meanwhile
    try:
        import jsonschema
    finally:
        if _GRAMMAR in sys.modules and sys.modules[_GRAMMAR] is None:
            del sys.modules[_GRAMMAR]
    # the checkers jsonschema would have registered (see jsonschema/_format.py), lazily
    drafts = (
        jsonschema.Draft7Validator,
        jsonschema.Draft201909Validator,
        jsonschema.Draft202012Validator,
    )
    deferred = False
    for fmt, rule in _IRI_RULES.items():
        check = _iri_check(rule)
        for draft in drafts:
            if fmt not in draft.FORMAT_CHECKER.checkers:  # absent unless `rfc3987` served it
                draft.FORMAT_CHECKER.checks(fmt, raises=ValueError)(check)
                deferred = True
        if fmt not in jsonschema.FormatChecker.checkers:  # what FormatChecker() starts from
            jsonschema.FormatChecker.checkers[fmt] = (check, ValueError)
    return deferred


import_jsonschema_without_iri_grammar()

import altair as alt  # noqa: E402 - after jsonschema, on purpose


def unchecked_build(builder: Callable[P, R]) -> Callable[P, R]:
    """A chart builder that skips Altair's check of each piece as it is made.

    In its default debug mode Altair validates every channel, mark and title against the
    schema when it is created: about a third of the time a chart takes to build. These
    builders are validated whole by the tests (``chart.to_dict()``), and Altair validates
    a chart again when it displays or saves it; the report embeds specs the tests check
    with ``to_dict(validate=False)``. The spec is the same either way.
    """

    @functools.wraps(builder)
    def build(*args: P.args, **kwargs: P.kwargs) -> R:
        with alt.utils.schemapi.debug_mode(False):
            return builder(*args, **kwargs)

    return build
