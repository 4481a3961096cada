"""Memory figures from Linux: a server's resident memory, a command's peak.

A server's figure adds up the process and its direct children (an action
server or Rasa may fork helpers); a command's peak comes from the kernel's
own accounting when it ends (``wait4``), so no sample can miss the peak.
"""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

KIB_PER_MIB = 1024


def _status(path: Path) -> dict[str, str]:
    return dict(line.split(":", 1) for line in path.read_text().splitlines() if ":" in line)


def tree_rss_mib(pid: int) -> float:
    """Resident memory of a process and its direct children, in MiB (Linux /proc)."""
    total_kib = 0
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = _status(status)
        except OSError:
            continue
        if pid in (int(fields.get("Tgid", "0")), int(fields.get("PPid", "0"))):
            total_kib += int(fields.get("VmRSS", "0 kB").split()[0])
    return round(total_kib / KIB_PER_MIB, 1)


@dataclass(frozen=True)
class Measured:
    returncode: int
    seconds: float
    peak_mib: float


def run_measured(
    args: list[str], cwd: Path, env: dict[str, str], log_path: Path,
    progress: Callable[[str], None], every: float = 15.0,
) -> Measured:
    """Run a command to the end, output in ``log_path``; its wall time and peak resident memory.

    Says every ``every`` seconds that it is still running, as training takes minutes.
    """
    started = time.monotonic()
    with log_path.open("wb") as log:
        proc = subprocess.Popen(args, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL)
    shown = started
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.monotonic() - shown >= every:
            shown = time.monotonic()
            progress(f"still running ({shown - started:.0f}s)...")
        time.sleep(0.2)
    proc.returncode = os.waitstatus_to_exitcode(status)
    # ru_maxrss is in KiB on Linux.
    return Measured(proc.returncode, time.monotonic() - started,
                    round(usage.ru_maxrss / KIB_PER_MIB, 1))
