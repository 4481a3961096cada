"""How far two independent labelling passes agree: Cohen's kappa per signal.

``python -m infocoach.signals.agreement FIRST.jsonl ... --second DIR`` pairs
each report of the first pass with the report of the same text in the second
pass's file of the same name (``DIR/batch07.jsonl`` for ``batch07.jsonl``),
then prints, per signal and for ``ambiguous``, how often the passes agree and
Cohen's kappa (agreement corrected for chance), and lists every report where
they differ, for settling by the guideline (``data/signals/GUIDELINE.md``).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from infocoach.datafile import DataFileError
from infocoach.ids import Signal
from infocoach.signals.dataset import LabelledReport, read_reports
from infocoach.signals.intake import key

AMBIGUOUS = "ambiguous"


@dataclass(frozen=True)
class Pair:
    """One report as each pass labelled it."""

    first: LabelledReport
    second: LabelledReport

    def labels(self, which: LabelledReport) -> set[str]:
        return {s.value for s in which.signals} | ({AMBIGUOUS} if which.ambiguous else set())

    @property
    def agrees(self) -> bool:
        return self.labels(self.first) == self.labels(self.second)


def kappa(a: Sequence[bool], b: Sequence[bool]) -> float:
    """Cohen's kappa of two binary labellings; 1.0 when both are constant and equal."""
    n = len(a)
    if n == 0:
        return 1.0
    observed = sum(x == y for x, y in zip(a, b, strict=True)) / n
    pa, pb = sum(a) / n, sum(b) / n
    expected = pa * pb + (1 - pa) * (1 - pb)
    return 1.0 if expected == 1 else round((observed - expected) / (1 - expected), 3)


def pairs(first_files: Sequence[Path], second_dir: Path) -> list[Pair]:
    """Reports of both passes, matched by text; files without a second pass are skipped."""
    found = []
    for path in first_files:
        other = second_dir / path.name
        if not other.is_file():
            continue
        seconds = {key(r.text): r for r in read_reports(other)}
        found += [Pair(r, seconds[key(r.text)]) for r in read_reports(path)
                  if key(r.text) in seconds]
    return found


def report(matched: list[Pair]) -> str:
    """The agreement table and the disagreements, as Markdown."""
    lines = [f"{len(matched)} reports labelled twice", "",
             "| label | first pass | second pass | agree | Cohen's kappa |",
             "|---|---|---|---|---|"]
    for label in [*(s.value for s in Signal), AMBIGUOUS]:
        a = [label in p.labels(p.first) for p in matched]
        b = [label in p.labels(p.second) for p in matched]
        same = sum(x == y for x, y in zip(a, b, strict=True))
        lines.append(f"| {label} | {sum(a)} | {sum(b)} | {same}/{len(matched)} | "
                     f"{kappa(a, b):.3f} |")
    differ = [p for p in matched if not p.agrees]
    lines += ["", f"{len(differ)} disagreements (first pass / second pass):", ""]
    lines += [f"- {p.first.text!r}: {sorted(p.labels(p.first))} / {sorted(p.labels(p.second))}"
              for p in differ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m infocoach.signals.agreement",
        description="Cohen's kappa per signal between two labelling passes, and their "
        "disagreements.",
    )
    parser.add_argument("first", nargs="+", type=Path, help="JSONL files of the first pass")
    parser.add_argument("--second", type=Path, required=True,
                        help="folder with the second pass, one file of the same name each")
    args = parser.parse_args(argv)
    try:
        matched = pairs(args.first, args.second)
    except DataFileError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if not matched:
        print(f"error: no report of {args.second} matches the first pass", file=sys.stderr)
        return 1
    print(report(matched))
    return 0


if __name__ == "__main__":
    sys.exit(main())
