"""Throw-away PostgreSQL and Redis servers for the scale-profile tests.

Real servers from Debian's packages (``make service-deps``), on free loopback
ports, with data in a temporary folder that is deleted afterwards. They can be
stopped and started again mid-test to simulate an outage, or paused with SIGSTOP
and resumed with SIGCONT to simulate a hang (connections stay open, nothing answers).
PostgreSQL refuses to run as root, so its commands run as the ``postgres`` user; the
tests run as root, so they signal its processes directly.
"""

from __future__ import annotations

import os
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from infocoach.server.processes import free_port

PG_USER = "postgres"
DB_NAME = "infocoach"
DB_USER = "infocoach"
START_TIMEOUT = 60


class ServiceMissing(RuntimeError):
    """PostgreSQL or Redis is not installed: `make service-deps` installs them."""


def pg_bin_dir() -> Path:
    """The newest installed PostgreSQL's binaries."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"),
                   key=lambda p: int(p.parent.parent.name))
    if not found:
        raise ServiceMissing("PostgreSQL is not installed: run `make service-deps`")
    return found[-1].parent


def wait_for_port(port: int, timeout: float = START_TIMEOUT) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise TimeoutError(f"nothing listens on 127.0.0.1:{port} after {timeout:.0f}s")


def _children(pid: int) -> list[int]:
    """Processes whose parent is ``pid`` (a postmaster's backends and workers)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # the process has exited
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def _as_postgres(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["runuser", "-u", PG_USER, "--", *args], check=True,
                          capture_output=True, text=True, timeout=START_TIMEOUT)


@dataclass
class Postgres:
    """One PostgreSQL cluster with an ``infocoach`` database and password-protected user."""

    base: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="infocoach-pg-")))
    port: int = field(default_factory=free_port)
    password: str = field(default_factory=lambda: secrets.token_hex(12))

    @property
    def data(self) -> Path:
        return self.base / "data"

    def setup(self) -> Postgres:
        """initdb, start, and create the database and its owner."""
        bin_dir = pg_bin_dir()
        self.base.chmod(0o755)  # the postgres user must reach its folders
        for sub in ("data", "sock"):
            (self.base / sub).mkdir()
            shutil.chown(self.base / sub, PG_USER, PG_USER)
        _as_postgres(str(bin_dir / "initdb"), "-D", str(self.data), "-U", PG_USER,
                     "--auth-local=trust", "--auth-host=scram-sha-256", "--no-sync",
                     "-E", "UTF8")
        self.start()
        psql = [str(bin_dir / "psql"), "-h", str(self.base / "sock"), "-p", str(self.port),
                "-U", PG_USER, "-v", "ON_ERROR_STOP=1", "-c"]
        _as_postgres(*psql, f"CREATE ROLE {DB_USER} LOGIN PASSWORD '{self.password}'")
        _as_postgres(*psql, f"CREATE DATABASE {DB_NAME} OWNER {DB_USER}")
        return self

    def start(self) -> None:
        options = (f"-p {self.port} -k {self.base / 'sock'} -c listen_addresses=127.0.0.1 "
                   "-c fsync=off -c max_connections=200")
        _as_postgres(str(pg_bin_dir() / "pg_ctl"), "-D", str(self.data), "-l",
                     str(self.base / "sock" / "log"), "-o", options, "-w", "start")

    def stop(self) -> None:
        _as_postgres(str(pg_bin_dir() / "pg_ctl"), "-D", str(self.data), "-m", "fast",
                     "-w", "stop")

    def _processes(self) -> list[int]:
        postmaster = int((self.data / "postmaster.pid").read_text().split()[0])
        return [postmaster, *_children(postmaster)]

    def pause(self) -> None:
        """SIGSTOP the postmaster (no new connections) and every backend (no answers)."""
        for pid in self._processes():
            os.kill(pid, signal.SIGSTOP)

    def resume(self) -> None:
        for pid in self._processes():
            os.kill(pid, signal.SIGCONT)

    def teardown(self) -> None:
        if (self.data / "postmaster.pid").exists():
            self.stop()
        shutil.rmtree(self.base, ignore_errors=True)

    @property
    def url(self) -> str:
        """SQLAlchemy URL for reading the tracker store from the tests."""
        return f"postgresql://{DB_USER}:{self.password}@127.0.0.1:{self.port}/{DB_NAME}"

    def env(self) -> dict[str, str]:
        return {"INFOCOACH_DB_HOST": "127.0.0.1", "INFOCOACH_DB_PORT": str(self.port),
                "INFOCOACH_DB_NAME": DB_NAME, "INFOCOACH_DB_USER": DB_USER,
                "INFOCOACH_DB_PASSWORD": self.password}


@dataclass
class Redis:
    """One Redis server without persistence, protected by a password."""

    base: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="infocoach-redis-")))
    port: int = field(default_factory=free_port)
    password: str = field(default_factory=lambda: secrets.token_hex(12))
    _proc: subprocess.Popen | None = None

    def start(self) -> Redis:
        server = shutil.which("redis-server")
        if server is None:
            raise ServiceMissing("redis-server is not installed: run `make service-deps`")
        # The password goes in a config file, not on the command line (`ps`).
        config = self.base / "redis.conf"
        config.write_text(f"requirepass {self.password}\n")
        config.chmod(0o600)
        self._proc = subprocess.Popen(
            [server, str(config), "--port", str(self.port), "--bind", "127.0.0.1",
             "--save", "", "--appendonly", "no", "--dir", str(self.base)],
            stdout=(self.base / "log").open("wb"), stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        wait_for_port(self.port)
        return self

    def stop(self) -> None:
        if self._proc and self._proc.poll() is None:
            os.killpg(self._proc.pid, 15)
            self._proc.wait(timeout=30)

    def pause(self) -> None:
        assert self._proc is not None
        os.kill(self._proc.pid, signal.SIGSTOP)

    def resume(self) -> None:
        assert self._proc is not None
        os.kill(self._proc.pid, signal.SIGCONT)

    def teardown(self) -> None:
        self.stop()
        shutil.rmtree(self.base, ignore_errors=True)

    def env(self) -> dict[str, str]:
        return {"INFOCOACH_REDIS_HOST": "127.0.0.1", "INFOCOACH_REDIS_PORT": str(self.port),
                "INFOCOACH_REDIS_DB": "1", "INFOCOACH_REDIS_PASSWORD": self.password}
