"""``infocoach bench signals|chat``: both benchmarks under one command, as the issue names them."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

RESULTS_DIR = Path(__file__).resolve().parents[1] / "bench" / "results"


def write_results(path: Path, figures: dict) -> None:
    """Save a benchmark's figures as JSON (kept in git, so runs can be compared) and say where."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    print(f"results written to {path}")


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    # Imported here: both modules use ``write_results`` from this one.
    from infocoach import latency_bench
    from infocoach.signals import bench as signals_bench

    parser = subparsers.add_parser(
        "bench",
        help="benchmarks: signal spotter quality and speed, chat latency and memory",
        description="Benchmarks; `make bench` runs both. Results go to bench/results/.",
    )
    benchmarks = parser.add_subparsers(dest="benchmark", metavar="BENCHMARK")
    signals_bench.add_parser(benchmarks)
    latency_bench.add_parser(benchmarks)
    parser.set_defaults(func=lambda _args: _usage(parser))


def _usage(parser: argparse.ArgumentParser) -> int:
    """``infocoach bench`` alone: say which benchmarks there are, as a usage error."""
    parser.print_help()
    return 2
