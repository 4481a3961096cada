"""How the servers are started: loopback by default, token off the command line,
private files, and a custom action that cannot hold a turn for five minutes."""

from __future__ import annotations

import asyncio
import socket
import stat
import sys
import threading
import time
from pathlib import Path

import jwt
import pytest
from rasa.__main__ import create_argument_parser
from rasa.core.actions.action import RemoteAction
from rasa.core.channels.channel import CollectingOutputChannel
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.exceptions import RasaException
from rasa.utils.endpoints import EndpointConfig

from infocoach.cli import build_parser
from infocoach.server.processes import Servers, free_port, write_credentials, write_endpoints
from infocoach.server.rasa_run import (
    ACTION_TIMEOUT_SECONDS,
    API_TOKEN_ENV,
    api_auth_header,
    rasa_arguments,
    set_action_timeout,
)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_rasa_listens_on_loopback_unless_told_and_gets_no_token_on_its_command_line():
    servers = Servers(auth_token="s3cret-token")
    command = servers.rasa_command(Path("m.tar.gz"), Path("e.yml"), Path("c.yml"))
    assert command[1:4] == ["-m", "infocoach.server.rasa_run", "run"]
    assert command[command.index("--interface") + 1] == "127.0.0.1"
    assert not any("s3cret-token" in part for part in command)
    exposed = Servers(host="0.0.0.0").rasa_command(Path("m"), Path("e"), Path("c"))
    assert exposed[exposed.index("--interface") + 1] == "0.0.0.0"


def test_serve_exposes_nothing_unless_asked():
    args = build_parser().parse_args(["serve"])
    assert (args.host, args.actions_host) == ("127.0.0.1", "127.0.0.1")
    args = build_parser().parse_args(["serve", "--host", "0.0.0.0"])
    assert (args.host, args.actions_host) == ("0.0.0.0", "127.0.0.1")


@pytest.mark.parametrize("token", ["t", "-starts-with-a-dash_", "--looks-like-an-option"])
def test_the_wrapper_hands_the_token_to_rasas_own_parser_intact(token):
    args = create_argument_parser().parse_args(rasa_arguments(["run"], {API_TOKEN_ENV: token}))
    assert (args.auth_token, args.jwt_secret) == (token, token)


def test_without_a_token_the_arguments_are_unchanged():
    assert rasa_arguments(["run"], {}) == ["run"]


def test_the_api_header_is_an_admin_jwt_signed_with_the_token():
    header = api_auth_header("the-token")["Authorization"]
    assert header.startswith("Bearer ")
    claims = jwt.decode(header.split()[1], "the-token", algorithms=["HS256"])
    assert claims["user"]["role"] == "admin" and claims["exp"] > time.time()


def test_run_files_are_private(tmp_path):
    old_db = tmp_path / "var" / "tracker.db"
    old_db.parent.mkdir(mode=0o755)
    old_db.write_text("")
    old_db.chmod(0o644)  # as an older version left it
    endpoints = write_endpoints(tmp_path / "var" / "e.yml", 5055, old_db)
    credentials = write_credentials(tmp_path / "var" / "c.yml", log=lambda _: None)
    assert _mode(tmp_path / "var") == 0o700
    assert [_mode(p) for p in (endpoints, credentials, old_db)] == [0o600] * 3


def test_a_server_process_gets_the_token_in_its_environment_and_a_private_umask(tmp_path):
    run_dir = tmp_path / "run"
    servers = Servers(run_dir=run_dir, auth_token="never-in-ps", progress=lambda _: None)
    made = tmp_path / "made-by-the-child"
    script = (f"import os, time; open({str(made)!r}, 'w').write(os.environ[{API_TOKEN_ENV!r}]); "
              "time.sleep(30)")
    proc = servers._spawn("rasa", [sys.executable, "-c", script],
                          env={API_TOKEN_ENV: "never-in-ps"})
    try:
        deadline = time.monotonic() + 10
        while not (made.exists() and made.read_text()) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert made.read_text() == "never-in-ps"
        assert b"never-in-ps" not in Path(f"/proc/{proc.pid}/cmdline").read_bytes()
        assert _mode(made) == 0o600
        assert _mode(run_dir) == 0o700
        assert _mode(proc.log_path) == 0o600
    finally:
        servers.stop()


def _listening_addresses(port: int) -> set[str]:
    """Local addresses (hex, as in /proc/net/tcp) listening on ``port``."""
    found = set()
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        local, state = line.split()[1], line.split()[3]
        address, hex_port = local.split(":")
        if int(hex_port, 16) == port and state == "0A":  # 0A: LISTEN
            found.add(address)
    return found


def test_the_action_server_listens_on_loopback_only(tmp_path):
    servers = Servers(actions_port=free_port(), run_dir=tmp_path, progress=lambda _: None)
    try:
        servers.start_actions()
        assert _listening_addresses(servers.actions_port) == {"0100007F"}  # 127.0.0.1
    finally:
        servers.stop()


@pytest.fixture
def hung_action_server():
    """A TCP server that accepts connections and never answers."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    held: list[socket.socket] = []
    threading.Thread(target=lambda: held.append(listener.accept()[0]), daemon=True).start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}/webhook"
    for conn in held:
        conn.close()
    listener.close()


def test_a_hung_action_server_fails_the_action_after_the_timeout(hung_action_server):
    import rasa.core.actions.action as rasa_action

    assert ACTION_TIMEOUT_SECONDS <= 10
    default = rasa_action.DEFAULT_REQUEST_TIMEOUT
    set_action_timeout(1)  # the wrapper sets ACTION_TIMEOUT_SECONDS; 1 s keeps the test short
    try:
        action = RemoteAction("action_anything", EndpointConfig(hung_action_server))
        tracker = DialogueStateTracker("someone", [])
        started = time.monotonic()
        with pytest.raises((RasaException, asyncio.TimeoutError)):  # Rasa logs either, goes on
            asyncio.run(action.run(CollectingOutputChannel(), None, tracker, Domain.empty()))
        assert time.monotonic() - started < 5
    finally:
        set_action_timeout(default)

