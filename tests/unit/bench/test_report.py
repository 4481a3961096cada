"""The ratio table, target checks and Markdown of bench/results/latest.*."""

from __future__ import annotations

import copy

from infocoach.bench.report import ratio, ratio_table, render_markdown, rows, target_checks


def _level(p50, p95, p99, rate, errors, turns):
    return {"p50_ms": p50, "p95_ms": p95, "p99_ms": p99, "turns_per_s": rate,
            "errors": errors, "turns": turns}


RESULTS = {
    "finished_at": "2026-11-27 20:00 UTC",
    "commit": "abc1234",
    "client": "asyncio + aiohttp, closed loop.",
    "machine": {"cpu": "Test CPU", "cores": 2, "memory_gib": 24.0, "load_before": "1.00",
                "load_after": "2.00", "python": "3.10.14", "rasa": "3.6.21"},
    "bots": {
        "infocoach": {
            "training": {"seconds": 90.0, "peak_mib": 1500.0},
            "start_seconds": 18.0,
            "memory_mib": {"rasa": 1100.0, "actions": 130.0},
            "load": {"1": _level(40, 60, 80, 20.0, 0, 120),
                     "10": _level(300, 450, 600, 30.0, 0, 600),
                     "50": _level(1500, 2500, 3000, 28.0, 2, 900)},
        },
        "reference": {
            "training": {"seconds": 60.0, "peak_mib": 1200.0},
            "start_seconds": 15.0,
            "memory_mib": {"rasa": 1000.0},
            "load": {"1": _level(35, 50, 70, 25.0, 0, 150),
                     "10": _level(250, 300, 400, 40.0, 0, 800),
                     "50": _level(1200, 2000, 2500, 38.0, 0, 1100)},
        },
    },
}


def test_ratio_is_infocoach_over_reference_and_undefined_without_a_reference():
    assert ratio(3.0, 2.0) == 1.5
    assert ratio(1.0, 0) is None
    assert ratio(None, 2.0) is None and ratio(2.0, None) is None


def test_rows_pair_each_figure_and_keep_one_sided_figures():
    by_label = {row.label: row for row in rows(RESULTS)}
    assert by_label["training from scratch (s)"].ratio == 1.5
    assert by_label["10 users: p95 (ms)"].ratio == 1.5
    actions = by_label["action server memory after warm-up (MiB)"]
    assert (actions.infocoach, actions.reference, actions.ratio) == (130.0, None, None)
    assert by_label["Rasa server memory after 50 users (MiB)"].infocoach is None


def test_table_cells_show_errors_out_of_all_turns_and_dashes_for_gaps():
    table = {label: cells for label, *cells in ratio_table(RESULTS)}
    assert table["50 users: errors / turns"] == ["2 / 902", "0 / 1100", "—"]
    assert table["1 user: p50 (ms)"] == ["40", "35", "1.14x"]
    assert table["action server memory after warm-up (MiB)"] == ["130", "—", "—"]
    assert table["peak memory while training (MiB)"] == ["1,500", "1,200", "1.25x"]


def test_targets_are_checked_against_their_limits():
    checks = {text: (value, met) for text, value, met in target_checks(RESULTS)}
    assert checks["p95 at 10 users <= 1.5x the reference"] == (1.5, True)
    assert checks["no errors at 50 users"] == (2, False)
    assert checks["Rasa server memory <= the reference's"] == (1.1, False)
    assert checks["both servers answering <= 20 s after start"] == (18.0, True)
    missing = copy.deepcopy(RESULTS)
    del missing["bots"]["reference"]["load"]["10"]
    checks = {text: (value, met) for text, value, met in target_checks(missing)}
    assert checks["p95 at 10 users <= 1.5x the reference"] == (None, None)


def test_markdown_names_the_machine_and_has_one_row_per_figure():
    spotter = {"split": "test", "reports": 107, "throughput_reports_per_s": {"wall": 2500.0},
               **{name: {"micro_f1": f1, "exact_match": exact, "no_signal_flagged": flagged,
                         "no_signal_reports": 52}
                  for name, f1, exact, flagged in (("combined", 0.9, 0.8, 1),
                                                   ("rules", 0.85, 0.75, 0),
                                                   ("model", 0.8, 0.7, 3),
                                                   ("baseline", 0.5, 0.3, 28))}}
    text = render_markdown({**RESULTS, "signals": spotter})
    assert "Test CPU (2 cores, 24.0 GiB)" in text and "commit abc1234" in text
    assert "| 10 users: p95 (ms) | 450 | 300 | 1.50x |" in text
    assert "| no errors at 50 users | 2.00 | no |" in text
    assert "| micro-F1 | 0.900 | 0.850 | 0.800 | 0.500 |" in text
    assert "| no-signal reports flagged | 1 of 52 | 0 of 52 | 3 of 52 | 28 of 52 |" in text
    table_rows = [line for line in text.splitlines() if line.startswith("| ")]
    assert len(table_rows) == 1 + len(rows(RESULTS)) + 1 + 6 + 1 + 4
    assert "Signal spotter" not in render_markdown(RESULTS)


def test_markdown_has_a_table_per_blind_split_scored_with_the_test_split():
    figures = {name: {"micro_f1": f1, "exact_match": 0.9, "no_signal_flagged": 2,
                      "no_signal_reports": 46}
               for name, f1 in (("combined", 0.96), ("rules", 0.84), ("model", 0.93),
                                ("baseline", 0.6))}
    spotter = {"split": "test", "reports": 107, "throughput_reports_per_s": {"wall": 2500.0},
               **figures, "blind2": {"split": "blind2", "reports": 220, **figures}}
    text = render_markdown({**RESULTS, "signals": spotter})
    assert "The same on the blind2 split (220 reports" in text
    assert text.count("| micro-F1 | 0.960 | 0.840 | 0.930 | 0.600 |") == 2
    assert text.count("| no-signal reports flagged | 2 of 46 |") == 2
