"""Add newly labelled reports to the train and dev splits, deterministically.

``python -m infocoach.signals.intake BATCH.jsonl ...`` validates every line
(:class:`~infocoach.signals.dataset.LabelledReport`), skips reports already in
any split or blind split (compared on letters and digits only, so a re-run adds
nothing and a test or blind report is never copied into training), and sends each new report to
``dev`` when a hash of its text falls in the dev share, else to ``train``. The
hash, not the order of the files, decides, so the same report always lands in
the same split. ``test`` is never written: it stays the untouched measure.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from infocoach.datafile import DataFileError
from infocoach.signals.dataset import (
    SPLITS,
    LabelledReport,
    blind_paths,
    read_reports,
    split_path,
)

DEV_PERCENT = 20
NON_WORD = re.compile(r"[^a-z0-9]+")


def key(text: str) -> str:
    """What two copies of one report share: their letters and digits, lower-cased."""
    return NON_WORD.sub(" ", text.lower()).strip()


def split_for(text: str) -> str:
    """``dev`` for DEV_PERCENT of texts, chosen by a hash of the text; else ``train``."""
    digest = hashlib.sha256(key(text).encode("utf-8")).digest()
    return "dev" if int.from_bytes(digest[:4], "big") % 100 < DEV_PERCENT else "train"


def as_line(report: LabelledReport) -> str:
    record = {"text": report.text, "signals": [s.value for s in report.signals]}
    if report.ambiguous:
        record["ambiguous"] = True
    return json.dumps(record, ensure_ascii=False)


def intake(batches: Iterable[Path], dry_run: bool = False) -> dict[str, int]:
    """Append the new reports of ``batches`` to train/dev; counts per outcome."""
    # A blind account copied into training would stop measuring anything.
    every_split = [*map(split_path, SPLITS), *blind_paths().values()]
    known = {key(r.text) for path in every_split for r in read_reports(path)}
    added: dict[str, list[str]] = {"train": [], "dev": []}
    skipped = 0
    for path in batches:
        for report in read_reports(path):
            k = key(report.text)
            if k in known:
                skipped += 1
                continue
            known.add(k)
            added[split_for(report.text)].append(as_line(report))
        print(f"read {path}", file=sys.stderr, flush=True)
    if not dry_run:
        for split, lines in added.items():
            if lines:
                target = split_path(split)
                existing = target.read_text(encoding="utf-8")
                sep = "" if not existing or existing.endswith("\n") else "\n"
                target.write_text(existing + sep + "\n".join(lines) + "\n", encoding="utf-8")
    return {"train": len(added["train"]), "dev": len(added["dev"]), "already present": skipped}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m infocoach.signals.intake",
        description="Add labelled reports (JSONL) to data/signals/train.jsonl and dev.jsonl "
        f"({100 - DEV_PERCENT}/{DEV_PERCENT} by a hash of the text); test is never written.",
    )
    parser.add_argument("batches", nargs="+", type=Path, help="JSONL files of labelled reports")
    parser.add_argument("--dry-run", action="store_true", help="count only, write nothing")
    args = parser.parse_args(argv)
    try:
        counts = intake(args.batches, dry_run=args.dry_run)
    except DataFileError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(", ".join(f"{name}: {n}" for name, n in counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
