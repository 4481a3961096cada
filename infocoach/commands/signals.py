"""``infocoach signals [TEXT ...]``: read debrief reports from the command line.

Each TEXT is one report; with none, standard input is read, one report per
line (empty lines skipped). Prints one JSON object per report and line, or a
readable table with ``--pretty``. Input that is not UTF-8 is refused with the
line number and exit code 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from typing import BinaryIO, TextIO

from infocoach.coaching.next_steps import clarifying_question, next_steps
from infocoach.signals import spot
from infocoach.signals.learned import ModelMissing

EXIT_BAD_INPUT = 2
EXIT_NO_MODEL = 1


class BadInput(ValueError):
    """A line of standard input that cannot be decoded."""


def read_lines(stream: BinaryIO) -> Iterator[str]:
    """Non-empty lines of ``stream``, decoded one by one so an error names its line."""
    for number, raw in enumerate(stream, start=1):
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise BadInput(f"line {number}: not valid UTF-8 (byte {exc.start + 1})") from exc
        line = line.rstrip("\r\n")
        if line.strip():
            yield line


def as_record(text: str) -> dict:
    """The JSON shape printed for one report."""
    reading = spot(text)
    return {
        "text": text,
        "signals": [
            {"id": f.id.value, "evidence": f.evidence, "start": f.start, "end": f.end,
             "confidence": f.confidence}
            for f in reading.signals
        ],
        "next_steps": next_steps(reading, text),
    } | ({"question": clarifying_question(reading)} if reading.ambiguous else {})


def pretty(record: dict) -> str:
    """A readable block: the report, a table of signals, then the next steps."""
    lines = [f"report: {record['text']}"]
    if record["signals"]:
        lines.append(f"  {'signal':<12} {'conf':>5}  {'chars':>9}  evidence")
        for s in record["signals"]:
            chars = f"{s['start']}-{s['end']}"
            quote = f'"{s["evidence"]}"'
            lines.append(f"  {s['id']:<12} {s['confidence']:>5.2f}  {chars:>9}  {quote}")
    else:
        lines.append("  no signal")
    if "question" in record:
        lines.append(f"  unclear: {record['question']}")
    lines += [f"  next: {step}" for step in record["next_steps"]]
    return "\n".join(lines)


def run(texts: list[str], stdin: BinaryIO, out: TextIO, err: TextIO, as_table: bool) -> int:
    reports = iter(texts) if texts else read_lines(stdin)
    try:
        for text in reports:
            record = as_record(text)
            out.write((pretty(record) + "\n\n") if as_table else
                      json.dumps(record, ensure_ascii=False) + "\n")
    except BadInput as exc:
        err.write(f"infocoach signals: standard input {exc}\n")
        return EXIT_BAD_INPUT
    except ModelMissing as exc:
        err.write(f"infocoach signals: {exc}\n")
        return EXIT_NO_MODEL
    return 0


def _command(args: argparse.Namespace) -> int:
    return run(args.text, sys.stdin.buffer, sys.stdout, sys.stderr, args.pretty)


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "signals",
        help="spot the interest signals in debrief reports",
        description=__doc__.split("\n\n")[1],
    )
    parser.add_argument("text", nargs="*", metavar="TEXT",
                        help="a report (default: read standard input, one report per line)")
    parser.add_argument("--pretty", action="store_true", help="print a readable table, not JSON")
    parser.set_defaults(func=_command)


def main(argv: list[str] | None = None) -> int:
    """Entry point for ``python -m infocoach.commands.signals`` (same as ``infocoach signals``)."""
    parser = argparse.ArgumentParser(prog="infocoach")
    add_parser(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["signals", *(sys.argv[1:] if argv is None else argv)])
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
