"""Shared helpers for the benchmark scripts: repeated timing with medians, peak memory."""

from __future__ import annotations

import statistics
import time
import tracemalloc
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def median_time(fn: Callable[[], object], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def peak_memory(fn: Callable[[], T]) -> tuple[T, int]:
    tracemalloc.start()
    try:
        value = fn()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return value, peak


def row(name: str, seconds: float, goal: float | None = None) -> str:
    verdict = "" if goal is None else f"  goal < {goal:.2f} s: {'met' if seconds < goal else 'MISSED'}" \
        f" (ratio {seconds / goal:.2f})"
    return f"{name:45s} {seconds:8.3f} s{verdict}"
