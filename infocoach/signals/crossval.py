"""Cross-validation of the spotter over train+dev, and a threshold sweep on it.

``python -m infocoach.signals.crossval`` splits train+dev into k folds by a
hash of each report's text, trains one model per fold on the others with
:func:`.training.spacy_train` (exactly as ``make train`` does), and scores the
held-out reports with the rules alone, the model alone and both combined.
The test, dev2 and blind splits are never read: thresholds and vetoes are chosen
here, on out-of-fold figures, instead of on the dev split the cues grew on.

Every sentence probability a fold's model gives is kept (``--save``), so the
sweep re-applies the combination under other per-signal thresholds without
retraining, and a change to the rule layer's vetoes can be re-scored in
seconds from the saved file (``--load``). A signal's finding depends only on
its own threshold, so the sweep runs the spotter once per threshold value and
combines the four signals' choices arithmetically.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import numpy
import spacy

from infocoach.bench.signals import score
from infocoach.ids import Signal
from infocoach.signals.dataset import TRAINED_ON, LabelledReport, load_split
from infocoach.signals.intake import key
from infocoach.signals.spotter import MODEL_THRESHOLDS, spot
from infocoach.signals.training import spacy_train

Probs = dict[Signal, float]
GRID = tuple(round(0.5 + 0.05 * i, 2) for i in range(10))
TARGET_FLAGGED = 0.02


def fold_of(report: LabelledReport, k: int) -> int:
    digest = hashlib.sha256(key(report.text).encode("utf-8")).digest()
    return int.from_bytes(digest[:4], "big") % k


class CachedScorer:
    """Sentence probabilities from a fold's model, each sentence scored once."""

    def __init__(self, cache: dict[str, Probs], nlp: spacy.language.Language | None = None):
        self.cache, self.nlp = cache, nlp

    def __call__(self, texts: Sequence[str]) -> list[Probs]:
        missing = [t for t in dict.fromkeys(texts) if t not in self.cache]
        if missing and self.nlp is None:
            raise KeyError(f"no saved probability for {missing[0]!r}: rerun without --load")
        for text, doc in zip(missing, self.nlp.pipe(missing) if missing else (), strict=True):
            self.cache[text] = {s: doc.cats.get(s.value, 0.0) for s in Signal}
        return [self.cache[t] for t in texts]


def _say(message: str) -> None:
    print(f"==> {message}", file=sys.stderr, flush=True)


def train_folds(reports: list[LabelledReport], k: int) -> list[dict[str, Probs]]:
    """Per fold, the held-out sentences' probabilities from a model trained on the rest."""
    caches: list[dict[str, Probs]] = []
    with tempfile.TemporaryDirectory(prefix="signals-cv-") as tmp:
        for fold in range(k):
            started = time.monotonic()
            rest = [r for r in reports if fold_of(r, k) != fold]
            held = [r for r in reports if fold_of(r, k) == fold]
            model_dir = Path(tmp) / f"fold-{fold}"
            # The training folds also pick the best epoch: the held-out fold stays unseen.
            if spacy_train(rest, rest, model_dir, quiet=True) != 0:
                raise RuntimeError(f"spacy train failed on fold {fold}")
            scorer = CachedScorer({}, spacy.load(model_dir))
            for report in held:
                spot(report.text, scorer=scorer)
                spot(report.text, rules=False, scorer=scorer)
            caches.append(scorer.cache)
            _say(f"fold {fold + 1}/{k}: trained on {len(rest)}, scored {len(held)} "
                 f"({time.monotonic() - started:.0f}s)")
    return caches


def predictions(reports: list[LabelledReport], k: int, caches: list[dict[str, Probs]],
                grid: Sequence[float]) -> dict:
    """Out-of-fold ids: rules, model and combined at the current thresholds, and per grid value."""
    out: dict = {"rules": [], "model": [], "combined": [], "grid": {v: [] for v in grid}}
    for number, report in enumerate(reports, start=1):
        scorer = CachedScorer(caches[fold_of(report, k)])
        out["rules"].append(spot(report.text, model=False).ids)
        out["model"].append(spot(report.text, rules=False, scorer=scorer).ids)
        out["combined"].append(spot(report.text, scorer=scorer).ids)
        for v in grid:
            out["grid"][v].append(set(spot(report.text, thresholds=dict.fromkeys(Signal, v),
                                           scorer=scorer).ids))
        if number % 200 == 0:
            _say(f"scored {number}/{len(reports)} reports")
    return out


def _line(name: str, result: dict) -> str:
    per = " ".join(f"{s}={result['per_signal'][s]['precision']:.2f}/"
                   f"{result['per_signal'][s]['recall']:.2f}" for s in result["per_signal"])
    return (f"{name:<22} F1 {result['micro_f1']:.3f}  exact {result['exact_match']:.3f}  "
            f"no-signal flagged {result['no_signal_flagged']}/{result['no_signal_reports']} "
            f"({result['no_signal_flagged_rate']:.1%})  P/R {per}")


def sweep(reports: list[LabelledReport], grid_preds: dict[float, list[set[str]]],
          top: int) -> list[tuple[dict[Signal, float], dict]]:
    """Every combination of per-signal thresholds, best micro-F1 first under the flagged cap."""
    n = len(reports)
    gold = numpy.array([[s.value in {g.value for g in r.signals} for s in Signal]
                        for r in reports])
    no_signal = ~gold.any(axis=1)
    hits = {v: numpy.array([[s.value in p for s in Signal] for p in preds])
            for v, preds in grid_preds.items()}
    ranked = []
    for combo in itertools.product(grid_preds, repeat=len(Signal)):
        pred = numpy.stack([hits[v][:, i] for i, v in enumerate(combo)], axis=1)
        tp, fp = (pred & gold).sum(), (pred & ~gold).sum()
        fn = (~pred & gold).sum()
        f1 = 2 * tp / (2 * tp + fp + fn)
        flagged = pred[no_signal].any(axis=1).mean()
        exact = (pred == gold).all(axis=1).mean()
        ranked.append((flagged <= TARGET_FLAGGED, f1, exact, combo))
    ranked.sort(key=lambda r: (r[0], r[1], r[2]), reverse=True)
    best = []
    for _, _, _, combo in ranked[:top]:
        thresholds = dict(zip(Signal, combo, strict=True))
        chosen = [{s.value for s in Signal if s.value in grid_preds[thresholds[s]][i]}
                  for i in range(n)]
        best.append((thresholds, score(reports, _lookup(reports, chosen))))
    return best


def _lookup(reports: list[LabelledReport], ids: list) -> object:
    by_text = {r.text: list(p) for r, p in zip(reports, ids, strict=True)}
    return lambda text: by_text[text]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m infocoach.signals.crossval",
        description="k-fold cross-validation of the signal spotter over train+dev (never test, "
        "dev2 or blind): rules, model and combined figures per fold and overall, and a sweep of "
        "per-signal model thresholds on the out-of-fold probabilities.",
    )
    parser.add_argument("-k", "--folds", type=int, default=5, help="folds (default: 5)")
    parser.add_argument("--save", type=Path, help="write the out-of-fold probabilities here")
    parser.add_argument("--load", type=Path,
                        help="reuse probabilities saved by --save instead of training")
    parser.add_argument("--top", type=int, default=5, help="threshold sets to list")
    parser.add_argument("--false-alarms", action="store_true",
                        help="list the no-signal reports the combined spotter flags")
    args = parser.parse_args(argv)
    if args.folds < 2:
        parser.error("--folds must be at least 2")
    reports = [r for split in TRAINED_ON for r in load_split(split)]
    if args.load:
        saved = json.loads(args.load.read_text(encoding="utf-8"))
        if saved["folds"] != args.folds:
            parser.error(f"{args.load} holds {saved['folds']} folds, not {args.folds}")
        caches = [{t: {Signal(s): p for s, p in probs.items()} for t, probs in c.items()}
                  for c in saved["caches"]]
    else:
        _say(f"training {args.folds} fold models on {len(reports)} train+dev reports")
        caches = train_folds(reports, args.folds)
    if args.save:
        args.save.write_text(json.dumps({"folds": args.folds, "caches": [
            {t: {s.value: p for s, p in probs.items()} for t, probs in c.items()}
            for c in caches]}), encoding="utf-8")
    preds = predictions(reports, args.folds, caches, GRID)
    for fold in range(args.folds):
        idx = [i for i, r in enumerate(reports) if fold_of(r, args.folds) == fold]
        held = [reports[i] for i in idx]
        for variant in ("rules", "model", "combined"):
            print(_line(f"fold {fold + 1} {variant}",
                        score(held, _lookup(held, [preds[variant][i] for i in idx]))))
    current = " ".join(f"{s}={v}" for s, v in MODEL_THRESHOLDS.items())
    print(f"\noverall, current thresholds ({current}):")
    for variant in ("rules", "model", "combined"):
        print(_line(variant, score(reports, _lookup(reports, preds[variant]))))
    if args.false_alarms:
        print("\nno-signal reports the combined spotter flags:")
        for report, ids in zip(reports, preds["combined"], strict=True):
            if not report.signals and ids:
                print(f"  {ids} {report.text!r}")
    print(f"\nthreshold sweep (no-signal flagged <= {TARGET_FLAGGED:.0%} first, then micro-F1):")
    for thresholds, result in sweep(reports, preds["grid"], args.top):
        name = " ".join(f"{s}={v}" for s, v in thresholds.items())
        print(_line(name, result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
