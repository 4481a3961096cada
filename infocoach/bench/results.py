"""The one results writer every benchmark uses."""

from __future__ import annotations

import json
from pathlib import Path

from infocoach.paths import RESULTS_DIR

__all__ = ["RESULTS_DIR", "write_results"]


def write_results(path: Path, figures: dict) -> None:
    """Save a benchmark's figures as JSON (kept in git, so runs can be compared) and say where."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    print(f"results written to {path}")
