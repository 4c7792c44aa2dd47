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
