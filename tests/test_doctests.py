"""The examples in the docstrings run (imported as comparative_coverage, never as coverage)."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import comparative_coverage

MODULES = sorted(
    name
    for _, name, _ in pkgutil.iter_modules(comparative_coverage.__path__, "comparative_coverage.")
)


@pytest.mark.parametrize("name", ["comparative_coverage", *MODULES])
def test_docstring_examples(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0, f"{result.failed} doctest(s) failed in {name}"
