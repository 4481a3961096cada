"""Latency percentiles and the summary of one load level.

Percentiles interpolate linearly between the two nearest ranks (as numpy's
default does), so p99 of a few hundred turns is not just the slowest turn.
"""

from __future__ import annotations

import math
from collections.abc import Sequence


def percentile(values: Sequence[float], q: float) -> float:
    """The ``q``-th percentile (0-100) of ``values``; ValueError when there are none."""
    if not values:
        raise ValueError("no values to take a percentile of")
    if not 0 <= q <= 100:
        raise ValueError(f"percentile must be between 0 and 100, not {q}")
    ordered = sorted(values)
    rank = (len(ordered) - 1) * q / 100
    low, high = math.floor(rank), math.ceil(rank)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def summarize(latencies: Sequence[float], errors: int, seconds: float) -> dict[str, float]:
    """p50/p95/p99 in milliseconds, answered turns per second and the error count.

    Only answered turns have a latency; failed turns count as errors and not
    in the throughput.
    """
    summary: dict[str, float] = {
        "turns": len(latencies),
        "errors": errors,
        "turns_per_s": round(len(latencies) / seconds, 2) if seconds > 0 else 0.0,
    }
    for q in (50, 95, 99):
        summary[f"p{q}_ms"] = round(percentile(latencies, q) * 1000, 1) if latencies else 0.0
    return summary
