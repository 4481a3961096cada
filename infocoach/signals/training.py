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
notes"), and a positive for a signal the rule layer locates in it. A signal that
is in the report but placed by no rule is unlabelled in every part in a first
pass (spaCy then leaves it out of the loss); a second pass, which is the model
kept, labels it in the one part the first pass rates highest. So the model learns
to find signals in sentences, as the spotter asks it to, including those told in
words no rule knows.
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
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import spacy
from spacy.tokens import DocBin

from infocoach.ids import Signal
from infocoach.paths import SIGNALS_MODEL_DIR
from infocoach.signals import actors, cues, patterns, spotter
from infocoach.signals import pipeline as pipeline_module
from infocoach.signals import sentences as sentence_parts
from infocoach.signals.dataset import TRAINED_ON, LabelledReport, load_split, split_path
from infocoach.signals.learned import MODEL_META
from infocoach.signals.pipeline import pipeline
from infocoach.signals.sentences import clauses, starts
from infocoach.signals.spotter import normalize, spot

CONFIG = Path(__file__).with_name("config.cfg")
FINGERPRINT = "fingerprint.json"
Cats = dict[str, float]
# Per text, the probability of each signal id: a first-pass model's reading.
Locator = Callable[[Sequence[str]], list[Cats]]


def fingerprint() -> str:
    """A hash of everything the model is made from; equal hashes, equal models."""
    digest = hashlib.sha256(spacy.__version__.encode())
    # The rules place each signal in a sentence or clause (see ``place``), so
    # their modules (the matcher and the negation terms too) are inputs as well as the cues.
    for path in (CONFIG, Path(__file__), cues.__file__, sentence_parts.__file__,
                 actors.__file__, spotter.__file__, patterns.__file__, pipeline_module.__file__,
                 *map(split_path, TRAINED_ON)):
        digest.update(Path(path).read_bytes())
    return digest.hexdigest()


def is_current(model_dir: Path = SIGNALS_MODEL_DIR) -> bool:
    stamp = model_dir / FINGERPRINT
    return (model_dir / MODEL_META).is_file() and stamp.is_file() and \
        json.loads(stamp.read_text(encoding="utf-8")).get("inputs") == fingerprint()


@dataclass(frozen=True)
class Placed:
    """A report cut into the texts the model learns from, each with the labels the rules
    place in it (:func:`place`); ``unplaced`` are the report's signals placed nowhere.
    Placing reads every report with the rules, so it is done once for both passes."""

    whole: tuple[str, Cats]
    pieces: tuple[tuple[str, Cats], ...]
    unplaced: tuple[str, ...]


def place(report: LabelledReport, sentences: bool = True) -> Placed:
    """The whole report with its labels, and, when ``sentences``, its sentences when it
    has several and the clauses of each sentence that has several
    (:func:`.sentences.clauses`): a sentence or clause is a negative for every signal its
    report lacks and a positive for a signal the rules locate in it."""
    text = normalize(report.text)
    gold = {s.value for s in report.signals}
    whole = (text, {s.value: float(s.value in gold) for s in Signal})
    if not sentences:
        return Placed(whole, (), ())
    doc = pipeline()(text)
    first = starts(doc)
    parts = []
    for a, b in zip(first, [*first[1:], len(doc)], strict=True):
        if len(first) > 1:
            parts.append((a, b))
        parts += clauses(doc, a, b)
    if not parts:
        return Placed(whole, (), ())
    located = {f.id.value: f.start for f in spot(report.text, model=False).signals}
    pieces: list[tuple[str, Cats]] = []
    for a, b in parts:
        start, end = doc[a].idx, doc[b - 1].idx + len(doc[b - 1])
        piece = text[start:end].strip()
        if not piece:
            continue
        cats = {s.value: 0.0 for s in Signal if s.value not in gold}
        cats |= {s: 1.0 for s, at in located.items() if s in gold and start <= at < end}
        pieces.append((piece, cats))
    unplaced = tuple(s for s in gold if not any(cats.get(s) == 1.0 for _, cats in pieces))
    return Placed(whole, tuple(pieces), unplaced)


def located(placed: Placed, locate: Locator | None = None) -> Iterator[tuple[str, Cats]]:
    """(normalized text, cats) for a placed report; with ``locate`` (a first-pass model's
    probabilities), each signal the rules place nowhere is placed in the part that model
    rates highest for it: the signals the rules miss are the ones told in people's own
    words, and without a place they only ever reach the model through the whole report,
    diluted by its small talk."""
    yield placed.whole
    pieces = [(piece, dict(cats)) for piece, cats in placed.pieces]
    if locate is not None and placed.unplaced and pieces:
        rated = locate([piece for piece, _ in pieces])
        for signal in placed.unplaced:
            best = max(range(len(pieces)), key=lambda k: rated[k][signal])
            pieces[best][1][signal] = 1.0
    yield from pieces


def docbin(placed: Sequence[Placed], locate: Locator | None = None) -> DocBin:
    nlp = spacy.blank("en")
    out = DocBin(store_user_data=False)
    for report in placed:
        for text, cats in located(report, locate):
            doc = nlp.make_doc(text)
            doc.cats = cats
            out.add(doc)
    return out


def _say(message: str) -> None:
    print(f"==> {message}", file=sys.stderr, flush=True)


def spacy_train(train: Sequence[LabelledReport], dev: Sequence[LabelledReport],
                model_dir: Path, quiet: bool = False) -> int:
    """``spacy train`` on these reports, best model (by ``dev``) into ``model_dir``; exit code.

    Two passes with the same config and seed: the first learns from the signals the
    rules place; the second also from where the first places the rest (see
    :func:`located`). Out of fold over the 4,735 train+dev accounts this raised the
    combined micro-F1 from 0.920 to 0.931 (recall of needs 0.81 to 0.84, of
    enthusiasm 0.86 to 0.89), for 73 instead of 66 no-signal accounts flagged.
    Shared by ``make train`` and the cross-validation in :mod:`.crossval`, so
    both train exactly the same way.
    """
    with tempfile.TemporaryDirectory(prefix="signals-train-") as tmp:
        work = Path(tmp)
        docbin([place(report, sentences=False) for report in dev]).to_disk(work / "dev.spacy")
        if not quiet:
            _say("signal model: placing the signals of each report in its sentences (rules)")
        placed = [place(report) for report in train]
        first = None
        for number in (1, 2):
            if not quiet:
                _say(f"signal model, pass {number} of 2: converting reports to spaCy DocBins")
            docbin(placed, locate=first).to_disk(work / "train.spacy")
            if not quiet:
                _say(f"signal model, pass {number} of 2: spacy train {CONFIG.name} "
                     "(fixed seed; a few minutes)")
            out = work / f"pass{number}"
            result = subprocess.run([
                sys.executable, "-m", "spacy", "train", str(CONFIG), "--output", str(out),
                "--paths.train", str(work / "train.spacy"), "--paths.dev", str(work / "dev.spacy"),
            ], capture_output=quiet, text=True)
            if result.returncode != 0:
                if quiet:
                    print(result.stderr[-2000:], file=sys.stderr)
                return result.returncode
            if first is None:  # the second pass's model is the one kept, not read again
                first = _reader(spacy.load(out / "model-best"))
        if model_dir.exists():
            shutil.rmtree(model_dir)
        shutil.copytree(out / "model-best", model_dir)
    return 0


def _reader(nlp: spacy.language.Language) -> Locator:
    """A trained model as a :data:`Locator`."""
    return lambda texts: [doc.cats for doc in nlp.pipe(texts)]


def train_signals_model(force: bool = False, model_dir: Path = SIGNALS_MODEL_DIR,
                        quiet: bool = False) -> int:
    """Train into ``model_dir`` unless its fingerprint says it is current; exit code.
    ``quiet`` keeps spaCy's tables out of the terminal (shown only on failure), for
    when it trains beside the Rasa model, whose progress then stays readable."""
    if not force and is_current(model_dir):
        _say(f"signal model up to date ({model_dir})")
        return 0
    started = time.monotonic()
    inputs = fingerprint()
    if quiet:
        _say("training the signal model alongside (spaCy, two passes, a few minutes)")
    returncode = spacy_train(load_split("train"), load_split("dev"), model_dir, quiet=quiet)
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
