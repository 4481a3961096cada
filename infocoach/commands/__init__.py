"""Where sub-commands are registered; each lives in its own module."""

from __future__ import annotations

import importlib

# module path -> registered in this order in `infocoach --help`
_MODULES = (
    "infocoach.server.commands",
    "infocoach.replay.cli",
    "infocoach.replay.record",
    "infocoach.commands.signals",
    "infocoach.bench.cli",
    "infocoach.commands.forget",
)


def registrars():
    return [importlib.import_module(name).add_parser for name in _MODULES]
