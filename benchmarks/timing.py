"""Timing for the benchmarks: medians of several runs (wall and CPU), in-process or a whole process."""

from __future__ import annotations

import math
import statistics
import subprocess
import time
from collections.abc import Callable, Mapping, Sequence
from typing import TypeVar

T = TypeVar("T")


def timed(function: Callable[[], T], runs: int) -> tuple[float, T]:
    """Median seconds over ``runs`` calls of ``function``, and what the last call returned."""
    times, result = [], None
    for _ in range(max(1, runs)):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def timed_cpu(function: Callable[[], T], runs: int) -> tuple[float, float, T]:
    """Median wall seconds and median CPU seconds (``time.process_time``) over ``runs``
    calls, and what the last call returned: CPU time is steadier on a loaded machine."""
    walls, cpus, result = [], [], None
    for _ in range(max(1, runs)):
        wall, cpu = time.perf_counter(), time.process_time()
        result = function()
        cpus.append(time.process_time() - cpu)
        walls.append(time.perf_counter() - wall)
    return statistics.median(walls), statistics.median(cpus), result


def timed_both(function: Callable[[], T], runs: int) -> tuple[float, float, T]:
    """Median CPU seconds (``time.process_time``), median wall seconds, and the last result.

    CPU time is the steadier measure on a loaded machine; wall time is what a user waits.
    """
    cpu, wall, result = [], [], None
    for _ in range(max(1, runs)):
        start_cpu, start_wall = time.process_time(), time.perf_counter()
        result = function()
        cpu.append(time.process_time() - start_cpu)
        wall.append(time.perf_counter() - start_wall)
    return statistics.median(cpu), statistics.median(wall), result


def process_times(
    argv: Sequence[str], *, env: Mapping[str, str] | None = None, cwd: str | None = None
) -> tuple[float, float, str]:
    """Run one process: its CPU seconds (user + system, from the OS), wall seconds, stdout.

    The CPU time counts the whole process, interpreter start-up included: what a
    command costs. Where ``resource`` is missing (Windows) the CPU time is NaN.
    """
    try:
        import resource
    except ImportError:  # pragma: no cover - Windows
        resource = None

    def children_cpu() -> float:
        if resource is None:
            return math.nan
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        return usage.ru_utime + usage.ru_stime

    before, start = children_cpu(), time.perf_counter()
    run = subprocess.run(
        list(argv), env=None if env is None else dict(env), cwd=cwd, capture_output=True, text=True
    )
    wall, cpu = time.perf_counter() - start, children_cpu() - before
    if run.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} failed ({run.returncode}): {run.stderr[-2000:]}")
    return cpu, wall, run.stdout
