"""`infocoach train`, `serve` and `chat`: the commands behind make train/serve/chat."""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from infocoach.paths import MODELS_DIR, ROOT
from infocoach.server.ports import DEFAULT_ACTIONS_PORT, DEFAULT_PORT
from infocoach.server.processes import (
    API_TOKEN_ENV,
    LOOPBACK,
    ServerError,
    Servers,
    models_newest_first,
)
from infocoach.server.profiles import DEFAULT_ENDPOINTS, ProfileError

KEEP_MODELS = 2
SLACK_ENV = ("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET")


def _stop_on_sigterm() -> None:
    """Treat SIGTERM like Ctrl-C, so `kill` also stops both child servers."""

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, interrupt)


def _say(message: str) -> None:
    print(f"==> {message}", file=sys.stderr, flush=True)


def train(args: argparse.Namespace) -> int:
    """Train with Rasa's fingerprinting: unchanged data and config reuse the last model."""
    _say("training the model if data or config changed (Rasa's fingerprint check)")
    started = time.monotonic()
    # Quiet: progress bars stay; Rasa's INFO log lines and known noise go.
    rasa = ["rasa"] if args.verbose else ["infocoach.server.quiet_rasa"]
    cmd = [sys.executable, "-m", *rasa, "train", "--out", str(MODELS_DIR), "--num-threads", "2"]
    if args.force:
        cmd.append("--force")
    if not args.verbose:
        cmd.append("--quiet")
    env = dict(os.environ, RASA_TELEMETRY_ENABLED="false")
    result = subprocess.run(cmd, cwd=ROOT, env=env)
    if result.returncode == 0:
        _say(f"model ready ({time.monotonic() - started:.0f}s)")
        _prune_models(keep=KEEP_MODELS)
    return result.returncode


def _prune_models(keep: int) -> None:
    """Delete all but the newest ``keep`` models; each is tens of megabytes."""
    for old in models_newest_first()[keep:]:
        old.unlink()


def serve(args: argparse.Namespace) -> int:
    _stop_on_sigterm()
    if not args.endpoints.is_file():
        print(f"error: no endpoints file {args.endpoints}", file=sys.stderr)
        return 2
    servers = Servers(
        port=args.port, actions_port=args.actions_port, cors=tuple(args.cors),
        host=args.host, actions_host=args.actions_host, endpoints=args.endpoints,
        progress=_say,
    )
    try:
        servers.start()
    except (ServerError, ProfileError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if args.host != LOOPBACK:
        _say(f"warning: the Rasa server listens on {args.host}: other machines can reach it")
    if args.actions_host != LOOPBACK:
        _say(f"warning: the action server listens on {args.actions_host} and has no "
             "authentication: anyone who reaches it can run the coach's actions")
    _say(f"REST channel: POST {servers.url}/webhooks/rest/webhook")
    if all(os.environ.get(v) for v in SLACK_ENV):
        _say(f"Slack: events and clicks at {servers.url}/webhooks/slack/webhook")
    _say(f"web chat: open {servers.url}/webhooks/socketio/chat in your browser")
    token_hint = (
        f"the token in ${API_TOKEN_ENV}"
        if os.environ.get(API_TOKEN_ENV)
        else f"?token={servers.auth_token} (set {API_TOKEN_ENV} to choose your own)"
    )
    _say(f"HTTP API (conversations, model) needs {token_hint}")
    _say("Ctrl-C stops both servers")
    try:
        while servers.alive():
            time.sleep(0.5)
        print("error: a server stopped unexpectedly; see the logs in var/", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        _say("stopping")
        return 0
    finally:
        servers.stop()


def chat(args: argparse.Namespace) -> int:
    from infocoach.terminal.chat import run_chat

    _stop_on_sigterm()
    servers = Servers(port=args.port, actions_port=args.actions_port, progress=_say)
    try:
        servers.start()
    except ServerError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    try:
        return run_chat(servers.url, sender=args.sender)
    finally:
        servers.stop()


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "train",
        help="train the model when data or config changed",
        description="Train the Rasa model into models/ (skipped when nothing changed).",
    )
    p.add_argument("--force", action="store_true", help="train even if nothing changed")
    p.add_argument(
        "-v", "--verbose", action="store_true",
        help="show Rasa's log lines and every library warning too",
    )
    p.set_defaults(func=train)

    for name, func, text in (
        ("serve", serve, "run the action server and the Rasa server until Ctrl-C"),
        ("chat", chat, "start the servers and chat in the terminal"),
    ):
        p = subparsers.add_parser(name, help=text, description=text[0].upper() + text[1:] + ".")
        p.add_argument("--port", type=int, default=DEFAULT_PORT,
                       help=f"Rasa server port (default {DEFAULT_PORT})")
        p.add_argument("--actions-port", type=int, default=DEFAULT_ACTIONS_PORT,
                       help=f"action server port (default {DEFAULT_ACTIONS_PORT})")
        if name == "serve":
            p.add_argument(
                "--endpoints", type=Path, default=DEFAULT_ENDPOINTS, metavar="FILE",
                help="where conversations and locks live (default endpoints.yml: SQLite in var/;"
                     " endpoints.scale.yml: PostgreSQL and Redis, see README 'Running for many"
                     " users')",
            )
            p.add_argument(
                "--host", default=LOOPBACK, metavar="ADDRESS",
                help=f"interface the Rasa server listens on (default {LOOPBACK}, this machine "
                     "only; 0.0.0.0 exposes it to the network)",
            )
            p.add_argument(
                "--actions-host", default=LOOPBACK, metavar="ADDRESS",
                help=f"interface the action server listens on (default {LOOPBACK}); it has no "
                     "authentication, so expose it only on a private network",
            )
            p.add_argument(
                "--cors",
                action="append",
                default=[],
                metavar="ORIGIN",
                help=(
                    "a web origin allowed to embed the chat; repeat for several "
                    "(default: same origin only; the web widget's socket follows it too)"
                ),
            )
        else:
            p.add_argument(
                "--sender",
                default=None,
                help="conversation id to continue (default: a new one per chat)",
            )
        p.set_defaults(func=func)
