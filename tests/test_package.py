"""The package installs as comparative_coverage and its docs stay honest."""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

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


def test_the_stages_import_one_way():
    """The import-linter contract in pyproject.toml holds (lazy imports included)."""
    linter = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    if linter is None:
        pytest.skip("import-linter is not installed (pip install -e '.[dev]')")
    run = subprocess.run([linter], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout[-3000:]


def test_no_module_imports_a_private_name_from_another_subpackage():
    offenders = []
    for path in sorted((ROOT / "coverage").rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        for match in re.finditer(r"^\s*from (\.\.+[\w.]*) import ([^\n]+)", source, re.M):
            names = [n.strip().split(" as ")[0] for n in match.group(2).strip("()").split(",")]
            if any(n.startswith("_") for n in names):
                offenders.append(f"{path.relative_to(ROOT)}: {match.group(0).strip()}")
    assert offenders == []


def test_the_package_pickles_by_reference_for_workers():
    """Dask, Ray and joblib ship functions with cloudpickle: the package must allow it."""
    cloudpickle = pytest.importorskip("cloudpickle")
    payload = cloudpickle.dumps(lambda story: cc.compare(story))
    assert callable(cloudpickle.loads(payload))
