"""``infocoach bench chat``: how fast and how big the running coach is.

Response time is what a person feels in every turn, and memory decides what
machine the coach can live on; both belong in a benchmark, not in tests that
would fail on a busy machine. This starts the real servers, plays a fixed
mix of turns (walk-through steps, direct questions, drafts, debriefs) over
REST, and reports latency percentiles, throughput and each server's memory.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

import requests

from infocoach.bench.results import RESULTS_DIR, write_results
from infocoach.server.processes import Servers, free_port

RESULTS_FILE = RESULTS_DIR / "chat.json"
SCRIPT = (
    "hi",
    "coach me through it",
    "next",
    "how do I open the meeting?",
    "next",
    "should I call or email the referral?",
    "he asked about my background and then started taking notes",
    "what if the manager has no openings?",
    "next",
    "draft my thank-you note",
    "Priya Shah",
    "Northwind",
    "skip",
)


def _rss_mib(pid: int) -> float:
    """Resident memory of a process and its children, from /proc (Linux)."""
    total = 0
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(
                line.split(":", 1) for line in status.read_text().splitlines() if ":" in line
            )
        except OSError:
            continue
        if (
            int(fields.get("Tgid", "0").strip()) == pid
            or int(fields.get("PPid", "0").strip()) == pid
        ):
            total += int(fields.get("VmRSS", "0 kB").split()[0])
    return round(total / 1024, 1)


def run(rounds: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        servers = Servers(
            port=free_port(),
            actions_port=free_port(),
            tracker_db=Path(tmp) / "t.db",
            run_dir=Path(tmp),
            progress=lambda m: print(f"==> {m}", file=sys.stderr),
        )
        with servers:
            webhook = f"{servers.url}/webhooks/rest/webhook"
            timings: list[float] = []
            started = time.perf_counter()
            for round_no in range(rounds):
                sender = f"bench-{uuid.uuid4().hex[:8]}"
                for text in SCRIPT:
                    t0 = time.perf_counter()
                    requests.post(
                        webhook, json={"sender": sender, "message": text}, timeout=60
                    ).raise_for_status()
                    timings.append(time.perf_counter() - t0)
                print(f"==> round {round_no + 1}/{rounds} done", file=sys.stderr)
            elapsed = time.perf_counter() - started
            memory = {
                "rasa_mib": _rss_mib(servers.pid("rasa")),
                "actions_mib": _rss_mib(servers.pid("actions")),
            }
    ordered = sorted(timings)
    return {
        "turns": len(timings),
        "p50_ms": round(statistics.median(ordered) * 1000, 1),
        "p95_ms": round(ordered[int(0.95 * (len(ordered) - 1))] * 1000, 1),
        "max_ms": round(ordered[-1] * 1000, 1),
        "turns_per_second": round(len(timings) / elapsed, 1),
        **memory,
    }


def _command(args: argparse.Namespace) -> int:
    figures = run(args.rounds)
    print(f"{figures['turns']} turns over REST, one conversation at a time")
    p50, p95, top = figures["p50_ms"], figures["p95_ms"], figures["max_ms"]
    print(f"latency p50 {p50} ms, p95 {p95} ms, max {top} ms")
    print(f"throughput {figures['turns_per_second']} turns/s")
    print(
        f"memory: Rasa server {figures['rasa_mib']} MiB, action server {figures['actions_mib']} MiB"
    )
    write_results(args.output, figures)
    return 0


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "chat",
        help="response time and memory of the running coach, over REST",
        description=__doc__.split("\n\n")[0],
    )
    parser.add_argument(
        "--rounds", type=int, default=5, help="times to play the script (default 5)"
    )
    parser.add_argument("--output", type=Path, default=RESULTS_FILE, help=argparse.SUPPRESS)
    parser.set_defaults(func=_command)
