"""``infocoach bench nlu``: intent and FAQ-topic accuracy of the trained model, and its confusions.

Scores the newest model in ``models/`` on the blind set (``tests/nlu/blind.yml``,
written without looking at the training data, when it is present), on the two
development sets (``tests/nlu/dev.yml`` and ``dev2.yml``, each written by another
independent writer and meant for tuning: their confusions may guide new training
examples, their messages never go into them) and on the project's held-out test set
(``tests/nlu/test_nlu.yml``), prints each, the confusion pairs that remain, and
writes the figures to ``bench/results/nlu.json``. ``--set dev --set dev2 --set test``
scores only those, so that tuning never has to show the blind set's confusions.
A label ``faq/<topic>`` counts as the intent ``faq`` for intent accuracy; topic
accuracy is over the ``faq/...`` examples, and needs both the intent and the topic right,
because that is what the user gets answered.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

from infocoach.bench.results import RESULTS_DIR, write_results
from infocoach.paths import ROOT

RESULTS_FILE = RESULTS_DIR / "nlu.json"
SETS = {
    "blind": ROOT / "tests" / "nlu" / "blind.yml",
    "dev": ROOT / "tests" / "nlu" / "dev.yml",
    "dev2": ROOT / "tests" / "nlu" / "dev2.yml",
    "test": ROOT / "tests" / "nlu" / "test_nlu.yml",
}
TOP_CONFUSIONS = 15
_ENTITY = re.compile(r"\[([^\]]+)\](\([^)]*\)|\{[^}]*\})")

# text -> (intent, topic or None), as the user would be answered.
Predictor = Callable[[str], tuple[str, str | None]]


@dataclass(frozen=True)
class Example:
    text: str
    label: str  # an intent, or faq/<topic>

    @property
    def intent(self) -> str:
        return self.label.split("/", 1)[0]


def load_examples(path: Path) -> list[Example]:
    """The labelled utterances of a Rasa NLU YAML file, entity markup removed."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    examples = []
    for block in data.get("nlu") or []:
        if "intent" not in block:
            continue
        for line in str(block.get("examples") or "").splitlines():
            line = line.strip()
            if line.startswith("- ") and line[2:].strip():
                examples.append(Example(_ENTITY.sub(r"\1", line[2:].strip()), block["intent"]))
    return examples


def score(examples: Iterable[Example], predict: Predictor, progress: bool = False) -> dict:
    """Intent accuracy, topic accuracy and the confusion pairs, for one set."""
    examples = list(examples)
    intent_right = topic_right = topics = 0
    confusions: Counter[tuple[str, str]] = Counter()
    for n, example in enumerate(examples, start=1):
        intent, topic = predict(example.text)
        predicted = f"{intent}/{topic}" if intent == "faq" and topic else intent
        intent_right += intent == example.intent
        if example.intent == "faq":
            topics += 1
            topic_right += predicted == example.label
        if predicted != example.label:
            confusions[(example.label, predicted)] += 1
        if progress and n % 50 == 0:
            print(f"  {n}/{len(examples)}", file=sys.stderr)
    return {
        "examples": len(examples),
        "intent_accuracy": round(intent_right / len(examples), 4) if examples else 0.0,
        "faq_examples": topics,
        "topic_accuracy": round(topic_right / topics, 4) if topics else 0.0,
        "confusions": [
            {"expected": gold, "predicted": pred, "count": count}
            for (gold, pred), count in confusions.most_common()
        ],
    }


def model_predictor(model: Path) -> Predictor:
    """Parse with the trained model, exactly as the Rasa server does (InputGuard included)."""
    from rasa.core.agent import Agent
    from rasa.utils.common import configure_logging_and_warnings
    from rasa.utils.log_utils import configure_structlog

    # One debug line per parsed message would bury the figures.
    configure_logging_and_warnings(logging.WARNING)
    configure_structlog(logging.WARNING)
    agent = Agent.load(str(model))
    loop = asyncio.new_event_loop()

    def predict(text: str) -> tuple[str, str | None]:
        parsed = loop.run_until_complete(agent.parse_message(text))
        intent = (parsed.get("intent") or {}).get("name") or ""
        selected = ((parsed.get("response_selector") or {}).get("faq") or {}).get("response")
        key = (selected or {}).get("intent_response_key") or ""
        return intent, key.split("/", 1)[1] if "/" in key else None

    return predict


def _print(name: str, figures: dict) -> None:
    print(
        f"{name:6} {figures['examples']:4d} examples  intent accuracy "
        f"{figures['intent_accuracy']:.3f}   FAQ-topic accuracy {figures['topic_accuracy']:.3f}"
        f" ({figures['faq_examples']} FAQ examples)"
    )
    for c in figures["confusions"][:TOP_CONFUSIONS]:
        print(f"         {c['count']:3d} x  {c['expected']:28} -> {c['predicted']}")


def _command(args: argparse.Namespace) -> int:
    from infocoach.server.processes import latest_model

    model = args.model or latest_model()
    print(f"model: {model.name}", file=sys.stderr)
    predict = model_predictor(model)
    results = {"model": model.name}
    for name in args.sets or list(SETS):
        path = SETS[name]
        if not path.exists():
            print(f"{name:6} not scored: {path.relative_to(ROOT)} is not there")
            continue
        print(f"scoring {name} ({path.relative_to(ROOT)})", file=sys.stderr)
        results[name] = score(load_examples(path), predict, progress=True)
        _print(name, results[name])
    write_results(args.output, results)
    return 0


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "nlu",
        help="intent and FAQ-topic accuracy on the blind, dev and held-out NLU sets",
        description=__doc__.split("\n\n")[0],
    )
    parser.add_argument("--model", type=Path, default=None,
                        help="model archive to score (default: the newest in models/)")
    parser.add_argument("--set", dest="sets", action="append", choices=list(SETS), default=None,
                        help="score only this set (repeatable; default: every set present)")
    parser.add_argument("--output", type=Path, default=RESULTS_FILE, help=argparse.SUPPRESS)
    parser.set_defaults(func=_command)
