"""``infocoach bench compare``: infocoach next to a plain Rasa bot, every figure in one run.

The reference is the `rasa init` starter bot, trained and served by this
command on free loopback ports, so both bots meet the same machine, the same
Rasa and the same background load. Steps: train both from scratch (time and
peak memory), start both (time until answering; both servers for infocoach),
warm up, measure each server's memory, then 1, 10 and 50 simulated users,
the two bots taking turns at each level, then the signal spotter's benchmark.
Writes bench/results/latest.json and latest.md and prints the table.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from infocoach.bench import machine
from infocoach.bench import signals as signals_bench
from infocoach.bench.conversations import INFOCOACH, REFERENCE, Script, users
from infocoach.bench.load import run_level
from infocoach.bench.memory import run_measured, tree_rss_mib
from infocoach.bench.reference import ReferenceServer, copy_starter_project
from infocoach.bench.report import LEVELS, render_markdown
from infocoach.bench.results import RESULTS_DIR, show_in_readme, write_results
from infocoach.paths import ROOT
from infocoach.server.commands import rasa_train_command
from infocoach.server.processes import Servers, child_env, free_port, models_newest_first

STEPS = 8
CLIENT = (
    "asyncio + aiohttp in one process; each simulated user plays six-turn conversations "
    "over REST, one turn after another with no think time (closed loop), under new "
    "sender ids until the level's time is up."
)


def _say(message: str) -> None:
    print(f"==> {message}", file=sys.stderr, flush=True)


@dataclass
class Bot:
    """One side of the comparison, with its results as they come in."""

    name: str
    project: Path
    scripts: tuple[Script, ...]
    results: dict


def _step(number: int, text: str) -> None:
    _say(f"[{number}/{STEPS}] {text}")


def _train_command(bot: Bot, models: Path) -> list[str]:
    """What a user runs: for infocoach, ``infocoach train`` (Rasa and the signal model)."""
    if bot.project == ROOT:
        return [sys.executable, "-m", "infocoach.cli", "train", "--force", "--out", str(models)]
    return rasa_train_command(models, bot.name, force=True)


def _train(bot: Bot, work: Path) -> Path:
    """Train ``bot`` from scratch (no cache) into ``work``; record time and peak memory."""
    models = work / f"models-{bot.name}"
    env = child_env({"RASA_CACHE_DIRECTORY": str(work / f"cache-{bot.name}")})
    measured = run_measured(
        _train_command(bot, models), cwd=bot.project, env=env,
        log_path=work / f"train-{bot.name}.log", progress=_say,
    )
    if measured.returncode:
        raise SystemExit(f"training {bot.name} failed; see {work / f'train-{bot.name}.log'}")
    bot.results["training"] = {
        "seconds": round(measured.seconds, 1), "peak_mib": measured.peak_mib,
    }
    _say(f"{bot.name}: trained in {measured.seconds:.0f}s, peak {measured.peak_mib:.0f} MiB")
    return models_newest_first(models)[0]


def _warm_up(bot: Bot, webhook: str) -> None:
    """Every script once, so first-call costs (graph tracing, caches) stay out of the figures."""
    result = run_level(webhook, users(len(bot.scripts), bot.scripts, f"warm-{bot.name}"), 0)
    if result.errors:
        raise SystemExit(f"{bot.name} failed while warming up: {dict(result.failures)}")


def _levels(bots: Sequence[tuple[Bot, str]], seconds: Sequence[float]) -> None:
    for users_count, level_seconds in zip(LEVELS, seconds, strict=True):
        for bot, webhook in bots:
            players = users(users_count, bot.scripts, f"{bot.name}-{users_count}")
            summary = run_level(webhook, players, level_seconds).summary()
            bot.results.setdefault("load", {})[str(users_count)] = summary
            _say(
                f"{bot.name}, {users_count} user{'s' * (users_count > 1)}: "
                f"p50 {summary['p50_ms']:.0f} ms, "
                f"p95 {summary['p95_ms']:.0f} ms, p99 {summary['p99_ms']:.0f} ms, "
                f"{summary['turns_per_s']:.1f} turns/s, {summary['errors']} errors"
            )


def run(level_seconds: Sequence[float]) -> dict:
    """Every figure for both bots (see the module docstring for the steps)."""
    described = machine.describe()
    with tempfile.TemporaryDirectory(prefix="infocoach-bench-") as tmp:
        work = Path(tmp)
        infocoach = Bot("infocoach", ROOT, INFOCOACH, {})
        reference = Bot("reference", copy_starter_project(work / "reference"), REFERENCE, {})

        _step(1, "training infocoach from scratch: Rasa and the signal model (Rasa's cache off)")
        infocoach_model = _train(infocoach, work)
        _step(2, "training the reference bot (`rasa init` starter) from scratch")
        reference_model = _train(reference, work)

        _step(3, "starting infocoach's action and Rasa servers")
        servers = Servers(
            port=free_port(), actions_port=free_port(), model=infocoach_model,
            tracker_db=work / "tracker.db", run_dir=work / "run", progress=_say,
        )
        started = time.monotonic()
        with servers:
            infocoach.results["start_seconds"] = round(time.monotonic() - started, 1)
            _step(4, "starting the reference Rasa server")
            ref_server = ReferenceServer(reference.project, reference_model, free_port(), _say)
            started = time.monotonic()
            with ref_server:
                reference.results["start_seconds"] = round(time.monotonic() - started, 1)
                assert ref_server.proc is not None
                webhooks = [
                    (infocoach, f"{servers.url}/webhooks/rest/webhook"),
                    (reference, f"{ref_server.url}/webhooks/rest/webhook"),
                ]
                _step(5, "warming up both bots and measuring their memory")
                for bot, webhook in webhooks:
                    _warm_up(bot, webhook)
                rasa_pids = {"infocoach": servers.pid("rasa"), "reference": ref_server.proc.pid}
                infocoach.results["memory_mib"] = {
                    "rasa": tree_rss_mib(rasa_pids["infocoach"]),
                    "actions": tree_rss_mib(servers.pid("actions")),
                }
                reference.results["memory_mib"] = {"rasa": tree_rss_mib(rasa_pids["reference"])}
                _step(6, f"simulated users: {', '.join(map(str, LEVELS))}, bots taking turns")
                _levels(webhooks, level_seconds)
                for bot in (infocoach, reference):
                    bot.results["memory_after_load_mib"] = {
                        "rasa": tree_rss_mib(rasa_pids[bot.name])
                    }
    _step(7, "signal spotter against its keyword baseline (test and blind splits)")
    spotter = signals_bench.run_split("test")
    described["load_after"] = machine.load_average()
    return {
        "finished_at": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "commit": machine.commit(),
        "client": CLIENT,
        "machine": described,
        "level_seconds": dict(zip(map(str, LEVELS), level_seconds, strict=True)),
        "bots": {"infocoach": infocoach.results, "reference": reference.results},
        "signals": spotter,
    }


def _command(args: argparse.Namespace) -> int:
    results = run(args.seconds)
    _step(8, "writing the results")
    write_results(args.output / "latest.json", results)
    markdown = render_markdown(results)
    print(markdown)
    (args.output / "latest.md").write_text(markdown, encoding="utf-8")
    print(f"table written to {args.output / 'latest.md'}")
    show_in_readme(args.readme, markdown)
    return 0


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "compare",
        help="infocoach next to the `rasa init` starter bot: training, start, memory, latency",
        description=__doc__.split("\n\n")[0],
    )
    parser.add_argument(
        "--seconds", type=float, nargs=len(LEVELS), default=(20.0, 30.0, 30.0),
        metavar="S",
        help="how long each of the 1, 10 and 50-user levels runs per bot (default 20 30 30)",
    )
    parser.add_argument("--output", type=Path, default=RESULTS_DIR, help=argparse.SUPPRESS)
    parser.add_argument(
        "--readme", type=Path, default=ROOT / "README.md", metavar="PATH",
        help="README whose bench block shows the new table (default: the project's README.md)",
    )
    parser.set_defaults(func=_command)
