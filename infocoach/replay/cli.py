"""`infocoach replay`: play scripted sessions back and check what the user reads.

Exit codes are part of the interface for CI: 0 when every expectation holds,
1 when one fails, 2 when the run could not happen as asked (an invalid
session file, a server that cannot be reached or started).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from infocoach.replay.connect import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_UNUSABLE,
    bot_servers,
    error,
    say,
    use_color,
)
from infocoach.replay.loader import SessionFile, load_sessions
from infocoach.replay.reporters import TextReporter, to_json, to_junit, write_transcripts
from infocoach.replay.results import Totals
from infocoach.replay.runner import REPLY_TIMEOUT, BotUnavailable, RestBot, replay_all
from infocoach.server.processes import API_TOKEN_ENV, ServerError


def replay(args: argparse.Namespace) -> int:
    sessions, problems = load_sessions(args.paths)
    if problems:
        for problem in problems:
            print(f"error: {problem}", file=sys.stderr)
        return error(f"{len(problems)} invalid session file(s) or path(s); nothing was replayed")
    if args.out:
        try:  # before the servers start: a typo in DIR should not cost a 45-second wait
            args.out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            return error(f"--out {args.out}: cannot create the directory ({exc.strerror})")
    needs_api = any(s.session.needs_api for s in sessions)
    try:
        with bot_servers(args.url, args.token, args.model) as found:
            bot = RestBot(found.url, timeout=args.timeout, token=found.token)
            bot.check(needs_api)
            return _run(sessions, bot, args)
    except (BotUnavailable, ServerError) as exc:
        return error(str(exc))


def _run(sessions: list[SessionFile], bot: RestBot, args: argparse.Namespace) -> int:
    text = args.format == "text"
    # Machine formats own stdout; the per-session summary lines go to stderr.
    reporter = TextReporter(sys.stdout if text else sys.stderr,
                            color=use_color(sys.stdout if text else sys.stderr),
                            stream=args.jobs == 1, transcript=text)
    say(f"replaying {len(sessions)} session(s) against {bot.url}"
        + (f", {args.jobs} at a time" if args.jobs > 1 else ""))
    started = time.monotonic()
    results = replay_all(sessions, bot, jobs=args.jobs, on_start=reporter.on_start,
                         on_turn=reporter.on_turn, on_done=reporter.on_done)
    totals = Totals.of(results, time.monotonic() - started)
    if text:
        reporter.finish(results, totals)
    else:
        print(f"Total: {totals.line()}", file=sys.stderr)
        print(to_json(results, totals) if args.format == "json" else to_junit(results, totals),
              end="" if args.format == "junit" else "\n")
    if args.out:
        written = write_transcripts(results, args.out)
        say(f"wrote {len(written)} transcript files to {args.out}")
    if totals.errors:
        return EXIT_UNUSABLE
    return EXIT_OK if totals.ok else EXIT_FAILED


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "replay", help="replay scripted sessions and check what the bot says",
        description=(
            "Replay session files (see the README, 'Practice sessions') turn by turn and check "
            "each reply. Without --url, starts the action server and the Rasa server for the "
            "run (about 45s). Exit code: 0 all expectations hold, 1 one failed, 2 invalid "
            "file or unreachable server."))
    p.add_argument("paths", nargs="+", type=Path, metavar="FILE_OR_DIR",
                   help="session files, or directories searched for *.yml / *.yaml")
    p.add_argument("--url", default=None,
                   help="a running Rasa server (http://host:5005) instead of starting one")
    p.add_argument("--token", default=None,
                   help=f"with --url: the server's HTTP API token, for slot and signal checks "
                        f"(default: ${API_TOKEN_ENV})")
    p.add_argument("--format", choices=("text", "json", "junit"), default="text",
                   help="stdout format: text transcript (default), JSON, or JUnit XML for CI")
    p.add_argument("--out", type=Path, default=None, metavar="DIR",
                   help="also write one Markdown and one JSON transcript per session into DIR")
    p.add_argument("--jobs", type=_positive, default=1, metavar="N",
                   help="replay N sessions at a time (default 1: transcript streams as it goes)")
    p.add_argument("--timeout", type=float, default=REPLY_TIMEOUT, metavar="SECONDS",
                   help=f"longest wait for one reply (default {REPLY_TIMEOUT:.0f})")
    p.add_argument("--model", type=Path, default=None,
                   help="model to serve when starting servers (default: the newest in models/)")
    p.set_defaults(func=replay)
