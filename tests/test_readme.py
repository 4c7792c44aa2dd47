"""The README's Python examples run as written, and the results they show are the results.

Each ```python block runs in one namespace, in order, from a folder holding the repository's
``data/`` and an ``analysis.toml`` (the README's example options file). Where a line is
followed by a comment that shows a value (``# <Story ...>``, ``# [(...)]``), that value is
the line's ``repr``.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BLOCK = re.compile(r"^```python\n(.*?)^```", re.S | re.M)


def _blocks() -> list[str]:
    return BLOCK.findall((ROOT / "README.md").read_text(encoding="utf-8"))


def _shown_values(block: str) -> list[tuple[str, str]]:
    """(expression, the repr the README shows for it) for every shown-value comment."""
    lines = block.splitlines()
    shown = []
    for k, line in enumerate(lines):
        code = line.split("  #", 1)[0].strip()
        comments = []
        for nxt in lines[k + 1 :]:
            if not nxt.startswith("# "):
                break
            comments.append(nxt[2:].strip())
        if code and comments and comments[0][:1] in "<[(":
            shown.append((code, " ".join(comments)))
    return shown


@pytest.fixture
def readme_folder(tmp_path, monkeypatch):
    (tmp_path / "data").symlink_to(ROOT / "data")
    (tmp_path / "analysis.toml").write_text("threshold = 0.4\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_the_readme_has_python_examples():
    assert len(_blocks()) >= 3
    assert len(_shown_values(_blocks()[0])) >= 3


def test_every_readme_example_runs_and_shows_what_it_says(readme_folder):
    pytest.importorskip("ipywidgets")
    namespace: dict = {}
    checked = 0
    for block in _blocks():
        shown = dict(_shown_values(block))
        for node in ast.parse(block).body:
            source = ast.get_source_segment(block, node)
            if isinstance(node, ast.Expr):
                value = eval(compile(ast.Expression(node.value), "README", "eval"), namespace)
                if source in shown:
                    words = " ".join(repr(value).split())
                    assert words == " ".join(shown[source].split()), source
                    checked += 1
            else:
                exec(compile(ast.Module([node], []), "README", "exec"), namespace)
    assert checked >= 3
