"""Timing for the benchmarks: the median of several runs, and the last run's result."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
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
