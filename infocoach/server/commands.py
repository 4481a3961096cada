"""`infocoach train`, `serve` and `chat`: the commands behind make train/serve/chat."""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from infocoach.paths import MODELS_DIR, ROOT, SIGNALS_MODEL_DIR
from infocoach.server.ports import DEFAULT_ACTIONS_PORT, DEFAULT_PORT
from infocoach.server.processes import (
    API_TOKEN_ENV,
    LOOPBACK,
    ServerError,
    Servers,
    child_env,
    models_newest_first,
)
from infocoach.server.profiles import DEFAULT_ENDPOINTS, ProfileError
from infocoach.server.training_inputs import model_name
from infocoach.signals.learned import ModelMissing, require_model

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
    """The Rasa model and the signal spotter's learned layer side by side, each skipped
    when unchanged. Trained one after the other they took the sum of both (165 s from
    scratch on two cores, of a 3-minute target that grows with the data); side by side,
    about as long as the slower one, Rasa's."""
    models_dir = args.out or MODELS_DIR
    with ThreadPoolExecutor(max_workers=1) as pool:
        signals = pool.submit(train_signals_model, models_dir / SIGNALS_MODEL_DIR.name,
                              force=args.force, quiet=True)
        rasa = train_model(ROOT, models_dir, force=args.force, verbose=args.verbose)
        return rasa or signals.result()


def train_model(project: Path, models_dir: Path, force: bool = False,
                verbose: bool = False) -> int:
    """Train unless a model of the current data and config is already in ``models_dir``."""
    started = time.monotonic()
    name = model_name(project)
    trained = models_dir / f"{name}.tar.gz"
    if trained.is_file() and not force:
        trained.touch()  # the newest model is the one served
        _say(f"data and config unchanged: using {trained.name} (--force retrains)")
        return 0
    _say("training the model (Rasa reuses cached steps whose inputs did not change)")
    cmd = rasa_train_command(models_dir, name, force=force, verbose=verbose)
    result = subprocess.run(cmd, cwd=project, env=child_env({}))
    if result.returncode == 0:
        _say(f"model ready ({time.monotonic() - started:.0f}s)")
        _prune_models(models_dir, keep=KEEP_MODELS)
    return result.returncode


def rasa_train_command(
    models_dir: Path, name: str, force: bool = False, verbose: bool = False
) -> list[str]:
    """``rasa train`` of the project in the working directory into ``models_dir/name.tar.gz``."""
    # Quiet: progress bars stay; Rasa's INFO log lines and known noise go.
    rasa = ["rasa"] if verbose else ["infocoach.server.quiet_rasa"]
    return [
        sys.executable, "-m", *rasa, "train", "--out", str(models_dir), "--num-threads", "2",
        "--fixed-model-name", name,
        *(["--force"] if force else []),
        *([] if verbose else ["--quiet"]),
    ]


def _prune_models(models_dir: Path, keep: int) -> None:
    """Delete all but the newest ``keep`` models; each is tens of megabytes."""
    for old in models_newest_first(models_dir)[keep:]:
        old.unlink()


def train_signals_model(model_dir: Path, force: bool = False, quiet: bool = False) -> int:
    """The signal spotter's learned layer, next to the Rasa model (own fingerprint check)."""
    from infocoach.signals.training import train_signals_model as train_model

    return train_model(force=force, model_dir=model_dir, quiet=quiet)


def _signal_model_missing() -> bool:
    """True (after saying what to run) when the action server could not read reports."""
    try:
        require_model()
    except ModelMissing as exc:
        print(f"error: {exc}", file=sys.stderr)
        return True
    return False


def serve(args: argparse.Namespace) -> int:
    if _signal_model_missing():
        return 1
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

    if _signal_model_missing():
        return 1
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
        description="Train the Rasa model and the signal spotter's model into models/ "
        "(each skipped when its data and config are unchanged).",
    )
    p.add_argument("--force", action="store_true", help="train even if nothing changed")
    p.add_argument("--out", type=Path, default=None, metavar="DIR",
                   help=f"where the models go (default {MODELS_DIR}; the signal model in "
                        f"DIR/{SIGNALS_MODEL_DIR.name})")
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
