"""Train the spotter's learned layer with spaCy's own ``spacy train``.

``python -m infocoach.signals.training`` (run by ``make train``) turns the
labelled train and dev splits into spaCy DocBins, trains the
``textcat_multilabel`` of :file:`config.cfg` with its fixed seed and installs
the best model in ``models/signals/``, with a fingerprint of its inputs next
to it: when data, config, rules and this file are unchanged, training is skipped.

What the model learns from: each whole report with its labels, each
sentence of a multi-sentence report, and each clause of a sentence that has
several (the spotter reads those too). A sentence or clause is a negative for every signal
its report lacks (a story's small talk, "my friend says her manager takes
notes"), a positive for a signal the rule layer locates in it, and unlabelled
(spaCy then leaves it out of the loss) for a signal that is in the report but
not placed by the rules: the model learns to find signals in sentences, as the
spotter asks it to, without being told wrongly where they are.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

import spacy
from spacy.tokens import DocBin

from infocoach.ids import Signal
from infocoach.paths import SIGNALS_MODEL_DIR
from infocoach.signals import actors, cues, spotter
from infocoach.signals import sentences as sentence_parts
from infocoach.signals.dataset import TRAINED_ON, LabelledReport, load_split, split_path
from infocoach.signals.learned import MODEL_META
from infocoach.signals.pipeline import pipeline
from infocoach.signals.sentences import clauses, starts
from infocoach.signals.spotter import normalize, spot

CONFIG = Path(__file__).with_name("config.cfg")
FINGERPRINT = "fingerprint.json"
Cats = dict[str, float]


def fingerprint() -> str:
    """A hash of everything the model is made from; equal hashes, equal models."""
    digest = hashlib.sha256(spacy.__version__.encode())
    # The rules place each signal in a sentence or clause (see ``examples``), so
    # their modules are inputs as well as the cues.
    for path in (CONFIG, Path(__file__), cues.__file__, sentence_parts.__file__,
                 actors.__file__, spotter.__file__, *map(split_path, TRAINED_ON)):
        digest.update(Path(path).read_bytes())
    return digest.hexdigest()


def is_current(model_dir: Path = SIGNALS_MODEL_DIR) -> bool:
    stamp = model_dir / FINGERPRINT
    return (model_dir / MODEL_META).is_file() and stamp.is_file() and \
        json.loads(stamp.read_text(encoding="utf-8")).get("inputs") == fingerprint()


def examples(report: LabelledReport, sentences: bool = True) -> Iterator[tuple[str, Cats]]:
    """(normalized text, cats) for the report, its sentences when it has several, and
    the clauses of each sentence that has several (:func:`.sentences.clauses`)."""
    text = normalize(report.text)
    gold = {s.value for s in report.signals}
    yield text, {s.value: float(s.value in gold) for s in Signal}
    if not sentences:
        return
    doc = pipeline()(text)
    first = starts(doc)
    parts = []
    for a, b in zip(first, [*first[1:], len(doc)], strict=True):
        if len(first) > 1:
            parts.append((a, b))
        parts += clauses(doc, a, b)
    if not parts:
        return
    located = {f.id.value: f.start for f in spot(report.text, model=False).signals}
    for a, b in parts:
        start, end = doc[a].idx, doc[b - 1].idx + len(doc[b - 1])
        piece = text[start:end].strip()
        if not piece:
            continue
        cats = {s.value: 0.0 for s in Signal if s.value not in gold}
        cats |= {s: 1.0 for s, at in located.items() if s in gold and start <= at < end}
        yield piece, cats


def docbin(reports: Sequence[LabelledReport], sentences: bool) -> DocBin:
    nlp = spacy.blank("en")
    out = DocBin(store_user_data=False)
    for report in reports:
        for text, cats in examples(report, sentences):
            doc = nlp.make_doc(text)
            doc.cats = cats
            out.add(doc)
    return out


def _say(message: str) -> None:
    print(f"==> {message}", file=sys.stderr, flush=True)


def spacy_train(train: Sequence[LabelledReport], dev: Sequence[LabelledReport],
                model_dir: Path, quiet: bool = False) -> int:
    """``spacy train`` on these reports, best model (by ``dev``) into ``model_dir``; exit code.

    Shared by ``make train`` and the cross-validation in :mod:`.crossval`, so
    both train exactly the same way.
    """
    with tempfile.TemporaryDirectory(prefix="signals-train-") as tmp:
        work = Path(tmp)
        if not quiet:
            _say("signal model: converting train and dev reports to spaCy DocBins")
        docbin(train, sentences=True).to_disk(work / "train.spacy")
        docbin(dev, sentences=False).to_disk(work / "dev.spacy")
        if not quiet:
            _say(f"signal model: spacy train {CONFIG.name} (fixed seed; under a minute)")
        result = subprocess.run([
            sys.executable, "-m", "spacy", "train", str(CONFIG), "--output", str(work / "out"),
            "--paths.train", str(work / "train.spacy"), "--paths.dev", str(work / "dev.spacy"),
        ], capture_output=quiet, text=True)
        if result.returncode != 0:
            if quiet:
                print(result.stderr[-2000:], file=sys.stderr)
            return result.returncode
        if model_dir.exists():
            shutil.rmtree(model_dir)
        shutil.copytree(work / "out" / "model-best", model_dir)
    return 0


def train_signals_model(force: bool = False, model_dir: Path = SIGNALS_MODEL_DIR) -> int:
    """Train into ``model_dir`` unless its fingerprint says it is current; exit code."""
    if not force and is_current(model_dir):
        _say(f"signal model up to date ({model_dir})")
        return 0
    started = time.monotonic()
    inputs = fingerprint()
    returncode = spacy_train(load_split("train"), load_split("dev"), model_dir)
    if returncode != 0:
        return returncode
    (model_dir / FINGERPRINT).write_text(json.dumps({"inputs": inputs}), encoding="utf-8")
    _say(f"signal model ready in {model_dir} ({time.monotonic() - started:.0f}s)")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m infocoach.signals.training",
        description="Train the signal spotter's learned layer (spaCy textcat_multilabel) "
        f"into {SIGNALS_MODEL_DIR}; skipped when data and config are unchanged.",
    )
    parser.add_argument("--force", action="store_true", help="train even if nothing changed")
    parser.add_argument("--output", type=Path, default=SIGNALS_MODEL_DIR,
                        help="where to put the model (default: %(default)s)")
    args = parser.parse_args(argv)
    return train_signals_model(force=args.force, model_dir=args.output)


if __name__ == "__main__":
    sys.exit(main())
