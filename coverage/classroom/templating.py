"""Template names and values -> classroom HTML, through Jinja2 with autoescape on.

The worksheet, the answer key, the standalone quiz and the notebook quiz's fragments are
templates in ``resources/templates/classroom/``; their stylesheet and the quiz's script
are resource files beside them, read once. Text reaches the markup only through
autoescaped template variables, so a ``<script>`` in an article is shown, never run.
"""

from __future__ import annotations

import json
from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined

from ..present.colors import join_names

__all__ = ["render", "resource", "json_for_script"]

_FOLDER = "resources/templates/classroom"


@cache
def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("comparative_coverage", _FOLDER),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.filters["names"] = join_names
    return env


def render(name: str, **values: object) -> str:
    """The template ``name`` rendered with ``values`` (escaped unless marked safe)."""
    return _environment().get_template(name).render(**values)


@cache
def resource(name: str) -> str:
    """A stylesheet or script beside the templates, read once."""
    return _environment().loader.get_source(_environment(), name)[0]


_UNSAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def json_for_script(value: object) -> str:
    """JSON that is safe inside a ``<script>`` element: no ``</script>``, ``<!--`` or line
    separators can end or confuse it.

    >>> json_for_script({"a": "</script><!--\\u2028"})
    '{"a": "\\\\u003c/script\\\\u003e\\\\u003c!--\\\\u2028"}'
    """
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return "".join(_UNSAFE.get(ch, ch) for ch in text)
