"""``infocoach bench signals``: how well the spotter reads labelled reports, and how fast.

An ablation on one split in one run: the spotter's rule layer alone, its
learned layer alone, both combined (what the coach uses) and the keyword
baseline (per-signal precision/recall/F1, micro-F1, exact match, no-signal
reports wrongly flagged); then single-process throughput and the p95 latency
of one 120-word report, prints a table and writes the figures to
``bench/results/signals.json``. The default split is ``test``, which was never
used for tuning; the blind splits (``blind18``, scored at both ends of its round, and
``blind19``, which measures the next; the seventeen before them are training data
now) are scored too when their files are present.
``dev2`` and ``dev4``, written independently like them but looked at, are where the
combination is chosen.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from infocoach.bench.baseline import keyword_signals
from infocoach.bench.results import RESULTS_DIR, write_results
from infocoach.ids import Signal
from infocoach.signals.dataset import (
    BLIND_SPLITS,
    SPLITS,
    LabelledReport,
    blind_paths,
    load_split,
    read_reports,
)
from infocoach.signals.spotter import spot

RESULTS_FILE = RESULTS_DIR / "signals.json"
MIN_ROUNDS = 5
MIN_SECONDS = 3.0
LATENCY_WORDS = 120
LATENCY_RUNS = 300
Predictor = Callable[[str], list[str]]
VARIANTS: dict[str, Predictor] = {
    "rules": lambda text: spot(text, model=False).ids,
    "model": lambda text: spot(text, rules=False).ids,
    "combined": lambda text: spot(text).ids,
    "baseline": keyword_signals,
}


def _ratio(num: int, den: int) -> float:
    return round(num / den, 4) if den else 0.0


def _f1(p: float, r: float) -> float:
    return round(2 * p * r / (p + r), 4) if p + r else 0.0


def score(reports: list[LabelledReport], predict: Predictor) -> dict:
    """Precision/recall/F1 per signal and overall, exact match and false alarms."""
    counts = {s: {"tp": 0, "fp": 0, "fn": 0} for s in Signal}
    exact = flagged = no_signal = 0
    for report in reports:
        gold = {s.value for s in report.signals}
        pred = set(predict(report.text))
        exact += gold == pred
        if not gold:
            no_signal += 1
            flagged += bool(pred)
        for signal in Signal:
            c = counts[signal]
            c["tp"] += signal.value in gold and signal.value in pred
            c["fp"] += signal.value not in gold and signal.value in pred
            c["fn"] += signal.value in gold and signal.value not in pred
    per_signal = {}
    for signal, c in counts.items():
        p, r = _ratio(c["tp"], c["tp"] + c["fp"]), _ratio(c["tp"], c["tp"] + c["fn"])
        per_signal[signal.value] = {"precision": p, "recall": r, "f1": _f1(p, r), **c}
    tp, fp, fn = (sum(c[k] for c in counts.values()) for k in ("tp", "fp", "fn"))
    micro_p, micro_r = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
    return {
        "per_signal": per_signal,
        "micro_precision": micro_p,
        "micro_recall": micro_r,
        "micro_f1": _f1(micro_p, micro_r),
        "exact_match": _ratio(exact, len(reports)),
        "no_signal_reports": no_signal,
        "no_signal_flagged": flagged,
        "no_signal_flagged_rate": _ratio(flagged, no_signal),
    }


def throughput(texts: list[str]) -> dict[str, float]:
    """Reports per second through ``spot``, single process, after warm-up.

    Rounds over the whole split repeat for at least ``MIN_SECONDS``; the best
    round counts, by wall clock and by this process's CPU time, because other
    jobs on a shared machine only ever slow a round down (and CPU time leaves
    out waiting for a core). The median shows how steady the machine was.
    """
    if not texts:
        return {"wall": 0.0, "cpu": 0.0, "median_wall": 0.0, "rounds": 0}
    for text in texts:  # steady state: every pattern and lookup path warmed once
        spot(text)
    walls, cpus = [], []
    began = time.perf_counter()
    while len(walls) < MIN_ROUNDS or time.perf_counter() - began < MIN_SECONDS:
        started, started_cpu = time.perf_counter(), time.process_time()
        for text in texts:
            spot(text)
        walls.append(time.perf_counter() - started)
        cpus.append(time.process_time() - started_cpu)
    return {
        "wall": round(len(texts) / min(walls), 1),
        "cpu": round(len(texts) / max(min(cpus), 1e-9), 1),
        "median_wall": round(len(texts) / statistics.median(walls), 1),
        "rounds": len(walls),
    }


def long_report(reports: list[LabelledReport], words: int = LATENCY_WORDS) -> str:
    """A report of exactly ``words`` words, the split's reports run together in order."""
    pool = [w for r in reports for w in r.text.split()]
    while pool and len(pool) < words:
        pool += pool
    return " ".join(pool[:words])


def latency(text: str, runs: int = LATENCY_RUNS) -> dict[str, float]:
    """Milliseconds for one ``spot`` call on ``text``: median and 95th percentile."""
    spot(text)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        spot(text)
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return {"median_ms": round(statistics.median(times), 2),
            "p95_ms": round(times[int(0.95 * (len(times) - 1))], 2), "runs": runs}


def run(stream: Iterable[LabelledReport], split: str = "custom") -> dict:
    """Score every variant on ``stream`` and time the combined spotter."""
    reports = list(stream)
    return {
        "split": split,
        "reports": len(reports),
        **{name: score(reports, predict) for name, predict in VARIANTS.items()},
        "throughput_reports_per_s": throughput([r.text for r in reports]),
        f"latency_{LATENCY_WORDS}_words": latency(long_report(reports)),
    }


def format_table(results: dict) -> str:
    """The figures side by side, one column per variant."""
    names = [n for n in VARIANTS if n in results]
    lines = [
        f"split: {results['split']} ({results['reports']} reports)",
        f"{'P / R / F1':<14}" + "".join(f"{n:>22}" for n in names),
    ]
    for signal in Signal:
        cells = (results[n]["per_signal"][signal.value] for n in names)
        lines.append(f"{signal.value:<14}" + "".join(
            f"{c['precision']:>8.2f}{c['recall']:>7.2f}{c['f1']:>7.2f}" for c in cells))
    for key, label in (("micro_f1", "micro-F1"), ("exact_match", "exact match")):
        lines.append(f"{label:<14}" + "".join(f"{results[n][key]:>22.3f}" for n in names))
    lines.append(f"{'no-signal':<14}" + "".join(
        f"{results[n]['no_signal_flagged']}/{results[n]['no_signal_reports']} flagged".rjust(22)
        for n in names))
    speed = results["throughput_reports_per_s"]
    lines.append(
        f"throughput (combined, one process): {speed['wall']:.0f} reports/s wall clock, "
        f"{speed['cpu']:.0f} reports per CPU-second (best of {speed['rounds']} rounds; "
        f"median {speed['median_wall']:.0f}/s)"
    )
    slow = results[f"latency_{LATENCY_WORDS}_words"]
    lines.append(f"latency, one {LATENCY_WORDS}-word report: median {slow['median_ms']:.1f} ms, "
                 f"p95 {slow['p95_ms']:.1f} ms ({slow['runs']} runs)")
    return "\n".join(lines)


def run_split(split: str) -> dict:
    """``run`` on a split; with ``test``, each blind split present too, under its name."""
    results = run(load_split(split), split=split)
    if split == "test":
        for name, path in blind_paths().items():
            results[name] = run(read_reports(path), split=name)
    return results


def _command(args: argparse.Namespace) -> int:
    results = run_split(args.split)
    print(format_table(results))
    for name in BLIND_SPLITS:
        if name in results:
            print("\n" + format_table(results[name]))
    write_results(args.output, results)
    return 0


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "signals",
        help="signal spotter against a keyword baseline: quality and throughput",
        description=__doc__.split("\n\n")[0],
    )
    parser.add_argument("--split", choices=SPLITS, default="test",
                        help="labelled split to score (default: test; with test, the blind "
                        "splits too when data/signals/blind*.jsonl are present; dev2 and "
                        "dev4 are the independent sets the combination is tuned on)")
    parser.add_argument("--output", type=Path, default=RESULTS_FILE, help=argparse.SUPPRESS)
    parser.set_defaults(func=_command)
