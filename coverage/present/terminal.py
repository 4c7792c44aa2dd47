"""Model objects -> plain-text views for a terminal (the command line's tables).

The HTML views live in :mod:`render`; these say the same in wrapped monospace text.
Article text is untrusted: control characters (which could retitle or clear a terminal)
and bidirectional overrides are written as visible escapes.
"""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..errors import visible

if TYPE_CHECKING:  # annotations only: `align` in the CLI then never loads the corpus stage
    from ..corpus.comparison import Comparison
    from ..corpus.stories import Story
    from ..model import Alignment

__all__ = ["alignment_text", "comparison_text", "stories_text"]


def alignment_text(alignment: Alignment) -> str:
    """A terminal view: one block per unit, status first, word edits spelled out."""
    width = shutil.get_terminal_size((100, 20)).columns
    lines = [
        f"a = {alignment.a_name} ({len(alignment.a_sentences)} sentences)   "
        f"b = {alignment.b_name} ({len(alignment.b_sentences)} sentences)",
        "",
    ]
    restates = _restates(alignment)
    for unit in alignment.units:
        flag = "  MOVED" if unit.moved else ""
        kind = _kind_label(alignment, unit)
        head = f"{unit.status.upper():9}{flag:7} a {_nums(unit.a):>5}  b {_nums(unit.b):>5}  score {unit.score:.2f}{kind}"
        lines.append(head)
        for side, indices, sentences in (
            ("a", unit.a, alignment.a_sentences),
            ("b", unit.b, alignment.b_sentences),
        ):
            if indices and (unit.status != "same" or side == "a"):
                text = " ".join(sentences[k] for k in indices)
                lines.extend(
                    textwrap.wrap(
                        text,
                        width=max(40, width - 6),
                        initial_indent=f"  {side}: ",
                        subsequent_indent="     ",
                    )
                )
        for edit in unit.edits:
            if edit.tag != "equal":
                lines.append(f"     ~ {edit}")
        for side, indices in (("a", unit.a), ("b", unit.b)):
            for k in indices:
                for target in restates.get((side, k), ()):
                    lines.append(f"     = {side} {k} restates {target}")
        lines.append("")
    counts = ", ".join(f"{v} {k}" for k, v in alignment.counts().items() if v)
    if alignment.restatements:
        counts += f"; {len(alignment.restatements)} restatement links"
    lines.append(counts)
    return visible("\n".join(lines) + "\n")


def _restates(alignment: Alignment) -> dict[tuple[str, int], list[str]]:
    """Each restating sentence -> what it restates, listed under its own unit."""
    restates: dict[tuple[str, int], list[str]] = {}
    for link in alignment.restatements:
        own, other = (("a", link.a), ("b", link.b))[:: 1 if link.by == "a" else -1]
        restates.setdefault(own, []).append(
            f"{other[0]} {other[1]} ({link.method} {link.score:.2f})"
        )
    return restates


def _kind_label(alignment: Alignment, unit) -> str:
    """TITLE, DEK or CAPTION for a unit of an article's page lines, else nothing."""
    kinds = {alignment.kind("a", i) for i in unit.a} | {alignment.kind("b", j) for j in unit.b}
    kinds.discard("body")
    return "  " + "/".join(sorted(kinds)).upper() if kinds else ""


def _nums(indices: tuple[int, ...]) -> str:
    return ",".join(str(k) for k in indices) or "-"


def comparison_text(comparison: Comparison) -> str:
    """A terminal view: one block per unit, each version's sentence on its own lines."""
    width = max(40, shutil.get_terminal_size((100, 20)).columns - 4)
    total = len(comparison.outlets)
    lines = [f"spine: {comparison.outlets[comparison.spine]}  ({total} versions)", ""]
    pad = max(len(o) for o in comparison.outlets)
    for unit in comparison.units:
        lines.append(f"unit {unit.unit}  {unit.status} ({unit.versions}/{total})")
        for label, cell in zip(comparison.outlets, unit.cells, strict=True):
            if cell is None:
                lines.append(f"  {label:<{pad}}  -")
                continue
            flag = f" [{cell.relation}{', moved' if cell.moved else ''}]"
            lines.extend(
                textwrap.wrap(
                    cell.text + flag,
                    width=width,
                    initial_indent=f"  {label:<{pad}}  ",
                    subsequent_indent=" " * (pad + 4),
                )
            )
        lines.append("")
    lines.append(", ".join(f"{v} {k}" for k, v in comparison.counts().items() if v))
    return visible("\n".join(lines) + "\n")


def stories_text(stories: Sequence[Story]) -> str:
    """Each story with its versions and the evidence that links them."""
    lines: list[str] = []
    for story in stories:
        versions = "version" if len(story.articles) == 1 else "versions"
        lines.append(f"{story.id}  {len(story.articles)} {versions}  {story.title}")
        for article in story.articles:
            lines.append(
                f"    {article.id}  {article.outlet or 'unknown'}  {article.date or ''}".rstrip()
            )
        for link in story.links:
            lines.append(
                f"      linked {link.a} <-> {link.b}: {link.share:.0%} of sentences shared, "
                f"score {link.score:.2f}"
            )
    multi = sum(len(s.articles) > 1 for s in stories)
    noun = "story" if len(stories) == 1 else "stories"
    lines.append(f"\n{len(stories)} {noun}, {multi} with several versions")
    return visible("\n".join(lines) + "\n")
