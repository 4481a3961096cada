"""Start, wait for and stop the action server and the Rasa server.

`make chat`, `make serve`, replay and the end-to-end tests all need the same
pair of processes with the same configuration; this module is that one place.
Servers run as child processes so a crash in Rasa never takes the caller down,
and every child is stopped when the group closes, even on Ctrl-C.

Both listen on 127.0.0.1 unless told otherwise (``host``): the Rasa server
only when ``infocoach serve --host`` says so, the action server (which has no
authentication) only with ``--actions-host``. The API token reaches Rasa in
its environment, never on its command line (see
:mod:`infocoach.server.rasa_run`), and the run folder, its logs and the
tracker database are private to their owner (0700/0600).
"""

from __future__ import annotations

import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import requests
import yaml

from infocoach.paths import MODELS_DIR, ROOT, VAR_DIR
from infocoach.server.ports import DEFAULT_ACTIONS_PORT, DEFAULT_PORT
from infocoach.server.profiles import DEFAULT_ENDPOINTS, load_endpoints
from infocoach.server.rasa_run import API_TOKEN_ENV

LOOPBACK = "127.0.0.1"
# Files the servers create (tracker database, logs) are their owner's only.
PRIVATE_UMASK = 0o077
# How often a starting server is asked whether it answers: often enough that
# a caller waits a tenth of a second at most, rarely enough to cost nothing.
POLL_SECONDS = 0.1
_ENV_REF = re.compile(r"\$\{([^}]+)\}")

Progress = Callable[[str], None]


class ServerError(RuntimeError):
    """A server could not be started; the message says why and where the log is."""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def private_dir(path: Path) -> Path:
    """Create ``path`` (and parents) if needed and make it readable by its owner only."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    path.chmod(0o700)
    return path


def private_file(path: Path) -> Path:
    """Make an existing file readable and writable by its owner only."""
    if path.exists():
        path.chmod(0o600)
    return path


def models_newest_first(models_dir: Path = MODELS_DIR) -> list[Path]:
    return sorted(models_dir.glob("*.tar.gz"), key=lambda p: p.stat().st_mtime, reverse=True)


def latest_model(models_dir: Path = MODELS_DIR) -> Path:
    models = models_newest_first(models_dir)
    if not models:
        raise ServerError(f"no trained model in {models_dir}: run `make train` first")
    return models[0]


def _unset_env_refs(config: object) -> list[str]:
    """Names of ${VAR} references in a channel's config whose variable is unset or empty."""
    text = yaml.safe_dump(config)
    return [name for name in _ENV_REF.findall(text) if not os.environ.get(name)]


def write_credentials(
    path: Path, source: Path = ROOT / "credentials.yml", log: Progress = print
) -> Path:
    """Copy credentials.yml, leaving out channels whose environment variables are unset.

    Rasa refuses to start when a ${VAR} is unset; optional channels such as
    Slack must not stop a plain local start, so they are switched off with a
    line saying so.
    """
    channels = yaml.safe_load(source.read_text(encoding="utf-8")) or {}
    kept = {}
    for name, config in channels.items():
        missing = _unset_env_refs(config)
        if missing:
            short = name.rsplit(".", 1)[-1]
            log(f"{short} is off: set {', '.join(sorted(set(missing)))} to enable it")
        else:
            kept[name] = config
    _write_private(path, yaml.safe_dump(kept, sort_keys=False))
    return path


def _write_private(path: Path, text: str) -> None:
    private_dir(path.parent)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as file:
        file.write(text)
    path.chmod(0o600)


def write_endpoints(
    path: Path,
    actions_port: int,
    tracker_db: Path,
    source: Path = DEFAULT_ENDPOINTS,
    environ: Mapping[str, str] | None = None,
) -> Path:
    """The profile ``source`` with this run's action server port and, on SQLite, database.

    ``${VAR}`` references are resolved here (see :mod:`infocoach.server.profiles`),
    so the file Rasa reads holds plain values; it is private, as it may hold passwords.
    """
    endpoints = load_endpoints(source, environ)
    endpoints["action_endpoint"] = {"url": f"http://127.0.0.1:{actions_port}/webhook"}
    tracker = endpoints.setdefault("tracker_store", {"type": "SQL", "dialect": "sqlite"})
    if tracker.get("dialect") == "sqlite":
        private_dir(tracker_db.parent)
        private_file(tracker_db)  # one made by an older version may be world-readable
        tracker["db"] = str(tracker_db)
    _write_private(path, yaml.safe_dump(endpoints, sort_keys=False))
    return path


@contextmanager
def _patched_environ(extra: dict[str, str]) -> Iterator[None]:
    """os.environ with ``extra`` applied, restored afterwards."""
    saved = {k: os.environ.get(k) for k in extra}
    os.environ.update(extra)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def child_env(extra: dict[str, str]) -> dict[str, str]:
    """The environment every Rasa child gets: quiet, no telemetry, this checkout's code first."""
    env = dict(os.environ, **extra)
    env.setdefault("RASA_TELEMETRY_ENABLED", "false")
    env.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    env.setdefault("SQLALCHEMY_SILENCE_UBER_WARNING", "1")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


def _reachable(host: str) -> str:
    """Where this machine reaches a server listening on ``host``."""
    return LOOPBACK if host in ("0.0.0.0", "::", "") else host


def wait_until_answering(
    proc: subprocess.Popen, url: str, name: str, timeout: float, progress: Progress = print
) -> None:
    """Poll ``url`` until it answers 200; ServerError if ``proc`` exits or time runs out.

    ``proc`` comes from :meth:`Servers._spawn` or :func:`spawn_logged`, which
    note when it started and where its log is.
    """
    started = proc.started  # type: ignore[attr-defined]
    shown = 0
    while time.monotonic() - started < timeout:
        if proc.poll() is not None:
            raise ServerError(
                f"the {name} exited with code {proc.returncode}; see {proc.log_path}"  # type: ignore[attr-defined]
            )
        try:
            if requests.get(url, timeout=2).status_code == 200:
                progress(f"{name} ready after {time.monotonic() - started:.0f}s")
                return
        except requests.RequestException:
            pass
        elapsed = int(time.monotonic() - started)
        if elapsed >= shown + 10:
            shown = elapsed
            progress(f"still waiting for the {name} ({elapsed}s)...")
        time.sleep(POLL_SECONDS)
    raise ServerError(f"the {name} did not answer within {timeout:.0f}s; see {proc.log_path}")  # type: ignore[attr-defined]


def spawn_logged(
    args: list[str], log_path: Path, cwd: Path, env: dict[str, str]
) -> subprocess.Popen:
    """Start a server in its own process group, its output in ``log_path``, its files private."""
    private_dir(log_path.parent)
    fd = os.open(log_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as log:
        private_file(log_path)
        proc = subprocess.Popen(
            args,
            cwd=cwd,
            env=env,
            umask=PRIVATE_UMASK,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
    proc.log_path = log_path  # type: ignore[attr-defined]
    proc.started = time.monotonic()  # type: ignore[attr-defined]
    return proc


def stop_process_group(proc: subprocess.Popen, grace: float = 15) -> None:
    """SIGTERM a server's process group, SIGKILL it if it has not stopped after ``grace`` s."""
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


@dataclass
class Servers:
    """The action server and the Rasa server, as one unit."""

    port: int = DEFAULT_PORT
    actions_port: int = DEFAULT_ACTIONS_PORT
    model: Path | None = None
    tracker_db: Path = VAR_DIR / "tracker.db"
    # The endpoints profile: embedded SQLite (default) or endpoints.scale.yml.
    endpoints: Path = DEFAULT_ENDPOINTS
    cors: tuple[str, ...] = ()
    # Interfaces to listen on; anything but 127.0.0.1 exposes the server.
    host: str = LOOPBACK
    actions_host: str = LOOPBACK
    run_dir: Path = VAR_DIR
    extra_args: list[str] = field(default_factory=list)
    env: dict[str, str] = field(default_factory=dict)
    # Rasa's HTTP API (trackers, model replacement) is only usable with this
    # token; the channel webhooks do not need it. A tunnel to the server thus
    # exposes the chat, not everyone's conversations.
    auth_token: str = field(
        default_factory=lambda: os.environ.get(API_TOKEN_ENV) or secrets.token_urlsafe(24)
    )
    progress: Progress = print
    _procs: list[subprocess.Popen] = field(default_factory=list, init=False)

    @property
    def url(self) -> str:
        return f"http://{_reachable(self.host)}:{self.port}"

    @property
    def actions_url(self) -> str:
        return f"http://{_reachable(self.actions_host)}:{self.actions_port}"

    def _proc(self, name: str) -> subprocess.Popen:
        return next(p for p in self._procs if p.log_path.name.startswith(f"{name}-"))  # type: ignore[attr-defined]

    def pid(self, name: str) -> int:
        """Process id of the running ``actions`` or ``rasa`` server."""
        return self._proc(name).pid

    def _spawn(
        self, name: str, args: list[str], env: dict[str, str] | None = None
    ) -> subprocess.Popen:
        proc = spawn_logged(args, self.run_dir / f"{name}-{self.port}.log", ROOT,
                            child_env({**self.env, **(env or {})}))
        self._procs.append(proc)
        return proc

    def _launch_actions(self) -> subprocess.Popen:
        self.progress(f"starting the action server on {self.actions_host}:{self.actions_port}")
        return self._spawn(
            "actions",
            [
                sys.executable,
                "-m",
                "rasa_sdk",
                "--actions",
                "actions",
                "--port",
                str(self.actions_port),
            ],
            env={"SANIC_HOST": self.actions_host},  # rasa_sdk 3.6 has no --interface option
        )

    def _wait_actions(self, proc: subprocess.Popen) -> None:
        self._wait(proc, f"{self.actions_url}/health", "action server", timeout=60)

    def start_actions(self) -> None:
        self._wait_actions(self._launch_actions())

    def start_rasa(self) -> None:
        self._wait_rasa(self._launch_rasa())

    def _launch_rasa(self) -> subprocess.Popen:
        model = self.model or latest_model()
        endpoints = write_endpoints(
            self.run_dir / f"endpoints-{self.port}.yml", self.actions_port, self.tracker_db,
            source=self.endpoints, environ={**os.environ, **self.env},
        )
        with _patched_environ(self.env):
            credentials = write_credentials(
                self.run_dir / f"credentials-{self.port}.yml", log=self.progress
            )
        self.progress(f"starting the Rasa server on {self.host}:{self.port} with {model.name}")
        args = self.rasa_command(model, endpoints, credentials)
        return self._spawn("rasa", args, env={API_TOKEN_ENV: self.auth_token})

    def _wait_rasa(self, proc: subprocess.Popen) -> None:
        self._wait(proc, f"{self.url}/status?token={self.auth_token}", "Rasa server", timeout=240)

    def rasa_command(self, model: Path, endpoints: Path, credentials: Path) -> list[str]:
        """``rasa run`` with this run's files, interface and allowed web origins.

        The API token is not among them: it is passed in the environment.
        """
        return [
            sys.executable, "-m", "infocoach.server.rasa_run", "run",
            "--model", str(model),
            "--interface", self.host,
            "--port", str(self.port),
            "--endpoints", str(endpoints),
            "--credentials", str(credentials),
            "--enable-api",
            *(["--cors", *self.cors] if self.cors else []),
            *self.extra_args,
        ]

    def _wait(self, proc: subprocess.Popen, url: str, name: str, timeout: float) -> None:
        wait_until_answering(proc, url, name, timeout, self.progress)

    def start(self) -> Servers:
        # Both load at once: the action server is ready long before Rasa's
        # models are, and Rasa only calls it once a conversation starts.
        try:
            actions, rasa = self._launch_actions(), self._launch_rasa()
            self._wait_actions(actions)
            self._wait_rasa(rasa)
        except BaseException:
            self.stop()
            raise
        return self

    def stop(self) -> None:
        for proc in reversed(self._procs):
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
        for proc in reversed(self._procs):
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
        self._procs.clear()

    def log_tails(self, lines: int = 40) -> str:
        """The last ``lines`` of each running server's log, for a report on a failure."""
        parts = []
        for proc in self._procs:
            log: Path = proc.log_path  # type: ignore[attr-defined]
            tail = log.read_text(errors="replace").splitlines()[-lines:] if log.exists() else []
            parts.append("\n".join([f"--- {log} (last {len(tail)} lines)", *tail]))
        return "\n".join(parts)

    def alive(self) -> bool:
        """Whether every started server is still running."""
        return bool(self._procs) and all(p.poll() is None for p in self._procs)

    def stop_server(self, name: str, sig: int = signal.SIGTERM) -> None:
        """Stop only the ``actions`` or ``rasa`` server with ``sig`` and wait until it is gone.

        SIGKILL is a crash: the process gets no chance to save or clean up.
        """
        proc = self._proc(name)
        self._procs.remove(proc)
        if proc.poll() is None:
            os.killpg(proc.pid, sig)
        proc.wait(timeout=30)

    def restart_rasa(self, sig: int = signal.SIGTERM) -> None:
        """Stop (``sig``) and start only the Rasa server; the tracker store keeps conversations."""
        self.stop_server("rasa", sig)
        self.start_rasa()

    def __enter__(self) -> Servers:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
