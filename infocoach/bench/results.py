"""The one results writer every benchmark uses."""

from __future__ import annotations

import json
from pathlib import Path

from infocoach.paths import RESULTS_DIR

__all__ = ["RESULTS_DIR", "show_in_readme", "write_results"]

README_START, README_END = "<!-- bench:latest -->", "<!-- /bench:latest -->"


def write_results(path: Path, figures: dict) -> None:
    """Save a benchmark's figures as JSON (kept in git, so runs can be compared) and say where."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    print(f"results written to {path}")


def show_in_readme(readme: Path, markdown: str) -> None:
    """Put ``markdown`` between the README's bench markers, replacing what was there, so
    the README shows the latest run rather than whatever someone last pasted."""
    text = readme.read_text(encoding="utf-8")
    start, end = text.find(README_START), text.find(README_END)
    if start < 0 or end < start:
        raise ValueError(
            f"{readme}: no {README_START} ... {README_END} block to put the table in")
    body = markdown.strip("\n")
    readme.write_text(
        f"{text[:start]}{README_START}\n{body}\n{text[end:]}", encoding="utf-8")
    print(f"table shown in {readme}")
