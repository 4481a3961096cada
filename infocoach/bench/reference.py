"""The reference bot: Rasa's own starter project, the one `rasa init` creates.

infocoach is measured next to a plain Rasa bot trained and served in the same
run on the same machine, so its figures say what infocoach's custom actions,
spaCy and bigger data cost over Rasa itself, whatever else the machine is
doing. The starter project's files ship inside the rasa package; copying them
needs no network and no prompt.
"""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

# The starter bot's own happy and sad paths (data/stories.yml of `rasa init`),
# as a user types them.
CONVERSATIONS: tuple[tuple[str, ...], ...] = (
    ("hello there", "I am feeling very good", "bye"),
    ("hey", "I am sad", "yes", "thanks, goodbye"),
    ("good morning", "very unhappy", "no", "are you a bot?", "bye"),
    ("hi", "great", "are you a human?", "see you later"),
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
