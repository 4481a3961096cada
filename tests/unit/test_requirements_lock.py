"""requirements.lock (made by pip-compile --generate-hashes) pins every dependency that
pyproject.toml names, at a version its range allows, each with its hashes.

`make venv` installs from the lock with --require-hashes; a dependency added to
pyproject.toml without recompiling the lock would be missing there.
"""

from __future__ import annotations

import re

import pytest
import tomli
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from infocoach.paths import ROOT

LOCK = ROOT / "requirements.lock"
_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s\\;]+)")


def _locked() -> dict[str, tuple[str, int]]:
    """Locked name -> (version, number of hashes)."""
    pins: dict[str, tuple[str, int]] = {}
    name = None
    for line in LOCK.read_text(encoding="utf-8").splitlines():
        match = _PIN.match(line)
        if match:
            name = canonicalize_name(match.group(1))
            pins[name] = (match.group(2), 0)
        elif name and line.strip().startswith("--hash=sha256:"):
            version, hashes = pins[name]
            pins[name] = (version, hashes + 1)
    return pins


def _declared() -> list[Requirement]:
    project = tomli.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = project.get("optional-dependencies", {})
    return [Requirement(r) for r in [*project["dependencies"], *extras.get("dev", [])]]


@pytest.mark.parametrize("requirement", _declared(), ids=str)
def test_every_declared_dependency_is_locked_in_range(requirement):
    locked = _locked()
    name = canonicalize_name(requirement.name)
    assert name in locked, f"{requirement.name} is not in requirements.lock: recompile it"
    version, _ = locked[name]
    assert requirement.specifier.contains(version, prereleases=True), (
        f"requirements.lock pins {requirement.name}=={version}, outside {requirement.specifier}"
    )


def test_every_locked_package_has_a_hash():
    locked = _locked()
    assert len(locked) > 100  # Rasa alone brings well over a hundred
    assert [n for n, (_, hashes) in locked.items() if hashes == 0] == []
