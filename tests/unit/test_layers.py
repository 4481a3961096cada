"""The coaching and signals layers import no Rasa (docs/ARCHITECTURE.md).

Each check runs in a fresh interpreter where ``rasa`` and ``rasa_sdk`` cannot
be imported, so a module that reaches for them, directly or through another
module, fails to import there.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

PLAIN_PACKAGES = ("infocoach.coaching", "infocoach.signals")

# Runs in the subprocess: hide Rasa, then import every module of the packages
# named on the command line (and any single modules named after "--").
_IMPORT_WITHOUT_RASA = """
import importlib, importlib.abc, pkgutil, sys

class HideRasa(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("rasa", "rasa_sdk"):
            raise ImportError(f"{name} is hidden: this layer must not import Rasa")
        return None

sys.meta_path.insert(0, HideRasa())
packages, _, modules = " ".join(sys.argv[1:]).partition("--")
names = modules.split()
for package in packages.split():
    root = importlib.import_module(package)
    names += [package] + [m.name for m in pkgutil.walk_packages(root.__path__, package + ".")]
for name in names:
    importlib.import_module(name)
print(len(names), "modules imported without Rasa")
"""


def import_without_rasa(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", _IMPORT_WITHOUT_RASA, *args],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
        env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"},
    )


def test_coaching_and_signals_import_without_rasa(root: Path) -> None:
    result = import_without_rasa(root, *PLAIN_PACKAGES)
    assert result.returncode == 0, result.stderr
    assert "modules imported without Rasa" in result.stdout


def test_the_check_catches_a_module_that_imports_rasa(root: Path) -> None:
    # The NLU component imports Rasa by design: the same check must reject it.
    result = import_without_rasa(root, *PLAIN_PACKAGES, "--", "infocoach.nlu.input_guard")
    assert result.returncode != 0
    assert "rasa" in result.stderr and "is hidden" in result.stderr
