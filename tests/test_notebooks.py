"""The notebooks run top to bottom against data/, produce their charts, and are committed clean."""

from __future__ import annotations

import json
import time

import nbformat
import pytest

from .conftest import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
CHARTED = {"01_shoigu_dbeibah", "02_corpus_overview", "03_names_and_labels", "04_bring_your_own"}
VEGALITE = "application/vnd.vegalite.v"


def test_there_are_notebooks():
    assert {p.stem for p in NOTEBOOKS} >= CHARTED


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_is_committed_without_outputs(path):
    notebook = json.loads(path.read_text(encoding="utf-8"))
    code = [cell for cell in notebook["cells"] if cell["cell_type"] == "code"]
    assert code, "a notebook with no code"
    assert all(not cell.get("outputs") and cell.get("execution_count") is None for cell in code)


@pytest.mark.notebook
@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs_and_draws_its_charts(path):
    from nbclient import NotebookClient

    notebook = nbformat.read(path, as_version=4)
    start = time.perf_counter()
    NotebookClient(
        notebook,
        timeout=120,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
    ).execute()
    elapsed = time.perf_counter() - start
    assert elapsed < 60, f"{path.name} took {elapsed:.0f} s (the budget is 60 s)"
    outputs = [
        output
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.get("outputs", [])
    ]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    if path.stem in CHARTED:
        charts = [o for o in outputs if any(key.startswith(VEGALITE) for key in o.get("data", {}))]
        assert charts, f"{path.name} drew no chart"
