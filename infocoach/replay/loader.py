"""Find session files and load them, collecting every invalid file at once.

All files are validated before any server starts: a typo should cost the
author a second, not a 45-second server start followed by a failure.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from infocoach.datafile import DataFileError, line_of, load_model_and_node
from infocoach.replay.session_format import Session

SESSION_SUFFIXES = (".yml", ".yaml")


@dataclass(frozen=True)
class SessionFile:
    """A valid session and where each of its turns starts, for reports."""

    path: Path
    session: Session
    turn_lines: tuple[int | None, ...]

    @property
    def name(self) -> str:
        return self.path.stem


def find_session_files(path: Path) -> list[Path]:
    """The file itself, or a directory's session files (recursively, in name order).

    Raises DataFileError for a path that does not exist or a directory with
    no session file, since replaying nothing is almost always a mistake.
    """
    if path.is_dir():
        inside = sorted(p for p in path.rglob("*") if p.suffix in SESSION_SUFFIXES and p.is_file())
        if not inside:
            raise DataFileError(path, None, "no session files (*.yml, *.yaml) in this directory")
        return inside
    if path.is_file():
        return [path]
    raise DataFileError(path, None, "no such file or directory")


def load_session(path: Path) -> SessionFile:
    session, node = load_model_and_node(path, Session)
    lines = tuple(line_of(node, ["turns", i]) for i in range(len(session.turns)))
    return SessionFile(path=path, session=session, turn_lines=lines)


def load_sessions(paths: Iterable[Path]) -> tuple[list[SessionFile], list[DataFileError]]:
    """Every valid session, and one error per invalid file or bad path."""
    sessions: list[SessionFile] = []
    errors: list[DataFileError] = []
    files: list[Path] = []
    for path in paths:
        try:
            files.extend(find_session_files(path))
        except DataFileError as exc:
            errors.append(exc)
    for path in dict.fromkeys(files):
        try:
            sessions.append(load_session(path))
        except DataFileError as exc:
            errors.append(exc)
    return sessions, errors
