"""Percentiles and load-level summaries."""

from __future__ import annotations

import pytest

from infocoach.bench.stats import percentile, summarize


def test_percentiles_interpolate_between_ranks():
    values = [0.4, 0.1, 0.3, 0.2]  # unsorted on purpose
    assert percentile(values, 0) == 0.1
    assert percentile(values, 100) == 0.4
    assert percentile(values, 50) == pytest.approx(0.25)
    assert percentile(values, 95) == pytest.approx(0.385)
    assert percentile([7.0], 99) == 7.0


def test_percentile_refuses_empty_input_and_out_of_range_q():
    with pytest.raises(ValueError, match="no values"):
        percentile([], 50)
    with pytest.raises(ValueError, match="between 0 and 100"):
        percentile([1.0], 101)


def test_summary_in_milliseconds_and_turns_per_second():
    latencies = [i / 1000 for i in range(1, 101)]  # 1..100 ms
    summary = summarize(latencies, errors=3, seconds=4.0)
    assert summary["turns"] == 100 and summary["errors"] == 3
    assert summary["turns_per_s"] == 25.0
    assert summary["p50_ms"] == 50.5
    assert summary["p95_ms"] == 95.0
    assert summary["p99_ms"] == 99.0


def test_summary_of_a_level_where_every_turn_failed():
    summary = summarize([], errors=5, seconds=2.0)
    assert summary == {
        "turns": 0, "errors": 5, "turns_per_s": 0.0, "p50_ms": 0.0, "p95_ms": 0.0, "p99_ms": 0.0,
    }
