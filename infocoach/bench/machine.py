"""Which machine a benchmark ran on, for the report's first line."""

from __future__ import annotations

import os
import platform
import subprocess
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from infocoach.paths import ROOT


def _first(path: str, key: str) -> str | None:
    try:
        for line in Path(path).read_text().splitlines():
            if line.startswith(key):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return None


def load_average() -> str:
    return " / ".join(f"{x:.2f}" for x in os.getloadavg())


def describe() -> dict[str, object]:
    """CPU, cores, memory, load average (1/5/15 min), Python and Rasa versions."""
    memory_kib = _first("/proc/meminfo", "MemTotal")
    try:
        rasa = version("rasa")
    except PackageNotFoundError:
        rasa = "not installed"
    return {
        "cpu": _first("/proc/cpuinfo", "model name") or platform.processor() or "unknown CPU",
        "cores": os.cpu_count(),
        "memory_gib": round(int(memory_kib.split()[0]) / 1024**2, 1) if memory_kib else None,
        "load_before": load_average(),
        "python": platform.python_version(),
        "rasa": rasa,
    }


def commit() -> str:
    """The checked-out commit, marked when the work tree has changes."""
    try:
        return subprocess.run(
            ["git", "describe", "--always", "--dirty"], cwd=ROOT, capture_output=True,
            text=True, check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
