"""The ``infocoach`` command: one entry point, one sub-command per job."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from infocoach import __version__

# Each sub-command module exposes ``add_parser(subparsers)`` that registers
# itself and sets ``func`` (returning an exit code) as the parser default.
Registrar = Callable[[argparse._SubParsersAction], None]


def _registrars() -> list[Registrar]:
    from infocoach.commands import registrars

    return registrars()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="infocoach",
        description="Coach job-seekers through informational interviews.",
    )
    parser.add_argument("--version", action="version", version=f"infocoach {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for register in _registrars():
        register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        print("\nInterrupted.", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
