"""What a fresh clone must contain: folders the project promises but git would drop."""

from __future__ import annotations

import subprocess
from pathlib import Path


def tracked(root: Path, path: str) -> list[str]:
    result = subprocess.run(
        ["git", "ls-files", "--", path], cwd=root, capture_output=True, text=True, check=True
    )
    return result.stdout.split()


def test_models_folder_is_in_the_repository(root: Path) -> None:
    # `.gitignore` ignores models/* but not models/.gitkeep, so a clone has the folder.
    assert tracked(root, "models/.gitkeep") == ["models/.gitkeep"]


def test_trained_models_stay_out_of_the_repository(root: Path) -> None:
    result = subprocess.run(
        ["git", "check-ignore", "-q", "models/20990101-000000-any-model.tar.gz"], cwd=root
    )
    assert result.returncode == 0
