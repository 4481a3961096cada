"""``infocoach bench signals|compare|nlu``: the benchmarks under one command."""

from __future__ import annotations

import argparse

from infocoach.bench import compare as compare_bench
from infocoach.bench import nlu as nlu_bench
from infocoach.bench import signals as signals_bench


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "bench",
        help="benchmarks: signal spotter; infocoach next to a plain Rasa bot; NLU accuracy",
        description="Benchmarks; `make bench` runs `compare` (which includes `signals`) and "
        "`nlu`. Results go to bench/results/.",
    )
    benchmarks = parser.add_subparsers(dest="benchmark", metavar="BENCHMARK")
    signals_bench.add_parser(benchmarks)
    compare_bench.add_parser(benchmarks)
    nlu_bench.add_parser(benchmarks)
    parser.set_defaults(func=lambda _args: _usage(parser))


def _usage(parser: argparse.ArgumentParser) -> int:
    """``infocoach bench`` alone: say which benchmarks there are, as a usage error."""
    parser.print_help()
    return 2
