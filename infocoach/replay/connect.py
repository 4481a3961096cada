"""Reach the bot for replay and record: a URL given, or servers started for the run.

Also the small console conventions both commands share: progress on stderr
(stdout is the transcript or the report), ``error: ...`` lines, exit codes.
"""

from __future__ import annotations

import ipaddress
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from infocoach.server.processes import API_TOKEN_ENV, ServerError, Servers, free_port

EXIT_OK, EXIT_FAILED, EXIT_UNUSABLE = 0, 1, 2


def say(message: str) -> None:
    """Progress on stderr, so stdout stays the transcript or the JSON/XML report."""
    print(f"==> {message}", file=sys.stderr, flush=True)


def error(message: str) -> int:
    print(f"error: {message}", file=sys.stderr, flush=True)
    return EXIT_UNUSABLE


def use_color(stream: object) -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set (no-color.org)."""
    return bool(getattr(stream, "isatty", lambda: False)()) and not os.environ.get("NO_COLOR")


def is_private_url(url: str) -> bool:
    """Whether nothing sent to ``url`` can be read on the way: https, or http to this machine."""
    parts = urlsplit(url)
    if parts.scheme == "https":
        return True
    host = parts.hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True)
class Bot:
    url: str
    token: str | None  # for Rasa's HTTP API


@contextmanager
def bot_servers(url: str | None, token: str | None = None,
                model: Path | None = None) -> Iterator[Bot]:
    """The bot to talk to: at ``url`` as given, or servers started for this run.

    Servers started here use free ports and a throw-away tracker database, so
    a run never touches `make serve`'s conversations; their directory is kept
    only when they fail to start, for the logs.
    """
    if url:
        token = token or os.environ.get(API_TOKEN_ENV) or None
        if token and not is_private_url(url):
            say(f"warning: {url} is plain http to another machine: the API token and the "
                "conversation cross the network unencrypted; use https")
        yield Bot(url, token)
        return
    run_dir = Path(tempfile.mkdtemp(prefix="infocoach-replay-"))
    servers = Servers(port=free_port(), actions_port=free_port(), model=model,
                      tracker_db=run_dir / "tracker.db", run_dir=run_dir, progress=say)
    say("starting the action server and the Rasa server for this run (Rasa takes about 45s)")
    try:
        servers.start()
    except ServerError:
        raise  # its message points at the logs in run_dir, so the directory stays
    except BaseException:
        shutil.rmtree(run_dir, ignore_errors=True)
        raise
    try:
        yield Bot(servers.url, servers.auth_token)
    finally:
        servers.stop()
        shutil.rmtree(run_dir, ignore_errors=True)
