"""The package installs as comparative_coverage and its docs stay honest."""

from __future__ import annotations

import importlib.util
import re

import comparative_coverage as cc

from .conftest import ROOT


def test_the_package_is_comparative_coverage_not_coverage():
    assert cc.__name__ == "comparative_coverage"
    assert cc.__file__.replace("\\", "/").endswith("coverage/__init__.py")
    spec = importlib.util.find_spec("coverage")
    # coverage.py is not installed in this environment, and our folder is not importable
    # under that name either
    assert spec is None or "comparative" not in (spec.origin or "")


def test_every_public_name_is_documented_in_the_readme_or_docs():
    docs = (ROOT / "README.md").read_text(encoding="utf-8")
    for path in sorted((ROOT / "docs").glob("*.md")):
        docs += path.read_text(encoding="utf-8")
    missing = [name for name in cc.__all__ if not re.search(rf"\b{re.escape(name)}\b", docs)]
    assert missing == []


def test_no_module_imports_down_the_pipeline():
    """explore, report, cli sit at the bottom: nothing imports them."""
    for path in (ROOT / "coverage").glob("*.py"):
        if path.stem in {"cli", "__init__"}:
            continue
        source = path.read_text(encoding="utf-8")
        for leaf in ("cli", "explore", "report", "quiz"):
            if path.stem == leaf:
                continue
            assert not re.search(rf"^from \.{leaf} import|^import .*\.{leaf}\b", source, re.M), (
                f"{path.name} imports {leaf}"
            )
