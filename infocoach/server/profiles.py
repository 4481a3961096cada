"""Endpoint profiles: where conversations and locks live, with defaults for every setting.

Two profiles ship with infocoach:

- ``endpoints.yml``, the default: an SQLite tracker store and Rasa's in-memory
  lock store. One Rasa process, nothing else to install (``make chat``).
- ``endpoints.scale.yml``: PostgreSQL for conversations and Redis for the
  per-conversation locks, so several Rasa replicas can serve the same users
  (README, "Running for many users").

The scale profile takes its hosts, ports and passwords from environment
variables. Rasa itself substitutes only unquoted ``${VAR}`` values and refuses
to start when one is unset, so ``infocoach serve`` resolves the references
here instead, with the defaults below, and hands Rasa a file with plain values.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from infocoach.paths import ROOT

DEFAULT_ENDPOINTS = ROOT / "endpoints.yml"
SCALE_ENDPOINTS = ROOT / "endpoints.scale.yml"
PROFILES = {"default": DEFAULT_ENDPOINTS, "scale": SCALE_ENDPOINTS}

# Every variable the profiles may refer to, with the value used when it is unset.
# An empty default leaves the setting out (no password: none is sent).
ENV_DEFAULTS: dict[str, str] = {
    "INFOCOACH_DB_HOST": "127.0.0.1",
    "INFOCOACH_DB_PORT": "5432",
    "INFOCOACH_DB_NAME": "infocoach",
    "INFOCOACH_DB_USER": "infocoach",
    "INFOCOACH_DB_PASSWORD": "",
    "INFOCOACH_REDIS_HOST": "127.0.0.1",
    "INFOCOACH_REDIS_PORT": "6379",
    "INFOCOACH_REDIS_DB": "1",
    "INFOCOACH_REDIS_PASSWORD": "",
}

_WHOLE_REF = re.compile(r"^\$\{([A-Za-z_][A-Za-z0-9_]*)\}$")
_LEFT_OUT = object()


class ProfileError(ValueError):
    """An endpoints file refers to a variable infocoach does not know."""


def _resolve(value: Any, environ: Mapping[str, str], source: Path) -> Any:
    """``value`` with each whole-value ``${VAR}`` replaced; ``_LEFT_OUT`` when it resolves empty."""
    if isinstance(value, dict):
        resolved = {k: _resolve(v, environ, source) for k, v in value.items()}
        return {k: v for k, v in resolved.items() if v is not _LEFT_OUT}
    if isinstance(value, list):
        return [_resolve(v, environ, source) for v in value]
    if not isinstance(value, str):
        return value
    match = _WHOLE_REF.match(value.strip())
    if not match:
        return value
    name = match.group(1)
    if name not in ENV_DEFAULTS and name not in environ:
        raise ProfileError(f"{source}: ${{{name}}} is not set and has no default")
    text = environ.get(name) or ENV_DEFAULTS.get(name, "")
    if not text:
        return _LEFT_OUT
    # Ports and database numbers are numbers in Rasa's eyes.
    return int(text) if text.isdigit() else text


def load_endpoints(source: Path, environ: Mapping[str, str] | None = None) -> dict[str, Any]:
    """The endpoints in ``source``, with ``${VAR}`` references resolved (defaults above)."""
    raw = yaml.safe_load(source.read_text(encoding="utf-8")) or {}
    return _resolve(raw, os.environ if environ is None else environ, source)

