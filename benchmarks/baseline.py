"""The package as it was before a change, importable beside the installed one, for baselines.

``baseline_path(rev)`` extracts ``coverage/`` at git revision ``rev`` (and ``data/``, which
its resources link to) into a temporary folder as ``comparative_coverage`` and returns
the folder to put first on ``PYTHONPATH``: a child process started with it imports the
old code with the same dependencies, so a benchmark can measure "before" and "after" in
the same run, interleaved.
"""

from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import tempfile
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BEFORE_ISSUE_18 = "78b75bb"  # the last commit before the start-up and report work


@cache
def baseline_path(rev: str = BEFORE_ISSUE_18) -> Path | None:
    """A folder holding ``comparative_coverage`` at ``rev``, or None (no git, or no such rev)."""
    folder = Path(tempfile.mkdtemp(prefix="cc-baseline-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    try:
        archive = subprocess.run(
            ["git", "archive", rev, "coverage", "data"], cwd=ROOT, capture_output=True, check=True
        ).stdout
        subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    except (OSError, subprocess.CalledProcessError):
        return None
    (folder / "coverage").rename(folder / "comparative_coverage")
    return folder


def env_with(path: Path | None, **extra: str) -> dict[str, str]:
    """This process's environment, with ``path`` first on PYTHONPATH (None: unchanged)."""
    env = {**os.environ, **extra}
    if path is not None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(path), env.get("PYTHONPATH")]))
    return env
