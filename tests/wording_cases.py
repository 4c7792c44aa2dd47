"""The labelled cases of the wording rules: load them, run one, say what was expected.

Shared by the tests (``test_kinds.py``, ``test_names.py``, ``test_labels.py``,
``test_quotes.py``) and ``benchmarks/eval_wording.py``, so the numbers the benchmark
prints are the ones the tests pin down. Each family's file is ``cases/FAMILY.json``: a
list of cases with an ``origin`` (seed / wild / synthetic) and, for a known failure, an
``xfail`` reason. :func:`run` returns ``(expected, got)``: two labels of the family.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import comparative_coverage as cc
from comparative_coverage.normalize import fold_typography, tokenize

CASES = Path(__file__).resolve().parent / "cases"
FAMILIES = ("kinds", "names", "labels", "quotes", "attributions")
NEGATIVE = ("none",)  # labels that say "nothing to find": not scored for precision
NAME_KINDS = ("name_variant", "name_form")


def load(family: str) -> list[dict]:
    return json.loads((CASES / f"{family}.json").read_text(encoding="utf-8"))


def case_id(case: dict) -> str:
    text = case.get("a") or case.get("text") or ""
    return re.sub(r"\W+", "_", text[:40]).strip("_")


def expected(family: str, case: dict) -> str:
    if family == "attributions":
        return case["kind"]
    if family == "quotes":
        return case["status"]
    return case["kind"]


def _tokens(text: str) -> set[str]:
    return {t.text.casefold() for t in tokenize(fold_typography(text or ""))}


def change_of(a: str, b: str, change: list[str]) -> tuple[str, str]:
    """The kind and detail of the toolkit's change that covers the labelled words."""
    frame = cc.classify_changes(cc.align([a], [b])).to_frame()
    wanted = (_tokens(change[0]) ^ _tokens(change[1])) or (_tokens(change[0]) | _tokens(change[1]))
    best, score = ("none", ""), (0, 0)
    for row in frame.itertuples():
        words = _tokens(row.a_words) | _tokens(row.b_words)
        shared = len(words & wanted)
        if shared and (shared, -len(words)) > score:  # on a tie, the row that fits closest
            best, score = (row.kind, row.detail), (shared, -len(words))
    return best


def _kinds(case: dict) -> str:
    return change_of(case["a"], case["b"], case["change"])[0]


def _names(case: dict) -> str:
    kind = change_of(case["a"], case["b"], case["change"])[0]
    return kind if kind in NAME_KINDS else "none"


def _labels(case: dict) -> str:
    if "text" in case:  # describe_labels: the descriptor written beside the name
        article = cc.Article(id="t#1", outlet="T", title="", paragraphs=(case["text"],))
        frame = cc.describe_labels([article]).to_frame()
        rows = frame[frame["name"] == case["name"]]
        found = set(rows["descriptor"])
        if case["kind"] == "none":
            return "label" if found else "none"
        return "label" if case["descriptor"] in found else "none"
    kind = change_of(case["a"], case["b"], case["change"])[0]
    return "label" if kind == "label" else "none"


def _quotes(case: dict) -> str:
    frame = cc.compare_quotes(case["a"], case["b"]).to_frame()
    if frame.empty:
        return "none"
    row = frame.iloc[0]
    if "speaker" in case and row["speaker"] != case["speaker"]:
        return f"speaker {row['speaker']!r}"
    if "note" in case and case["note"] not in row["note"]:
        return f"note {row['note']!r}"
    return str(row["status"])


def _attributions(case: dict) -> str:
    where = case.get("where", "body")
    article = cc.Article(
        id="t#1",
        outlet="T",
        title="",
        paragraphs=(case["text"],) if where == "body" else ("Body text.",),
        captions=(case["text"],) if where == "caption" else (),
    )
    frame = cc.find_attributions([article]).to_frame()
    frame = frame[frame["where"] == where]
    if frame.empty:
        return "none"
    row = frame.iloc[0]
    if case.get("source") and row["source"] != case["source"]:
        return f"source {row['source']!r}"
    return str(row["kind"])


_RUNNERS = {
    "kinds": _kinds,
    "names": _names,
    "labels": _labels,
    "quotes": _quotes,
    "attributions": _attributions,
}


def run(family: str, case: dict) -> tuple[str, str]:
    """(what the case says, what the rule answered)."""
    return expected(family, case), _RUNNERS[family](case)


def params(family: str) -> list:
    """The family's cases as pytest parameters; known failures as strict xfails."""
    import pytest

    return [
        pytest.param(
            case,
            id=f"{k}-{case_id(case)}",
            marks=pytest.mark.xfail(strict=True, reason=case["xfail"]) if case.get("xfail") else (),
        )
        for k, case in enumerate(load(family))
    ]
