"""The reference bot: Rasa's own starter project, the one `rasa init` creates.

infocoach is measured next to a plain Rasa bot trained and served in the same
run on the same machine, so its figures say what infocoach's custom actions,
spaCy and bigger data cost over Rasa itself, whatever else the machine is
doing. The starter project's files ship inside the rasa package; copying them
needs no network and no prompt.
"""

from __future__ import annotations

import importlib.util
import secrets
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from infocoach.server.processes import (
    Progress,
    child_env,
    spawn_logged,
    stop_process_group,
    wait_until_answering,
)


def starter_project_dir() -> Path:
    """rasa/cli/initial_project inside the installed rasa package (found without importing it)."""
    spec = importlib.util.find_spec("rasa")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("rasa is not installed: run `make venv`")
    return Path(next(iter(spec.submodule_search_locations))) / "cli" / "initial_project"


def copy_starter_project(dest: Path) -> Path:
    """Copy the starter project into ``dest`` (created), as `rasa init --no-prompt` would."""
    shutil.copytree(
        starter_project_dir(), dest, ignore=shutil.ignore_patterns("__pycache__"),
        dirs_exist_ok=True,
    )
    return dest


@dataclass
class ReferenceServer:
    """`rasa run` of the trained starter bot: REST only, its own in-memory tracker store."""

    project: Path
    model: Path
    port: int
    progress: Progress = print
    auth_token: str = field(default_factory=lambda: secrets.token_urlsafe(16))
    proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> ReferenceServer:
        credentials = self.project / "credentials-rest.yml"
        credentials.write_text("rest:\n", encoding="utf-8")
        self.progress(f"starting the reference Rasa server on port {self.port}")
        self.proc = spawn_logged(
            [
                sys.executable, "-m", "rasa", "run",
                "--model", str(self.model),
                "--port", str(self.port),
                "--credentials", str(credentials),
                "--endpoints", str(self.project / "endpoints.yml"),
                "--enable-api",
                f"--auth-token={self.auth_token}",  # "=": a token may start with "-"
            ],
            self.project / f"rasa-{self.port}.log",
            self.project,
            child_env({}),
        )
        try:
            wait_until_answering(
                self.proc, f"{self.url}/status?token={self.auth_token}",
                "reference Rasa server", timeout=300, progress=self.progress,
            )
        except BaseException:
            self.stop()
            raise
        return self

    def stop(self) -> None:
        if self.proc is not None:
            stop_process_group(self.proc)
            self.proc = None

    def __enter__(self) -> ReferenceServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
