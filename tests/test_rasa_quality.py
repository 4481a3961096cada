"""Rasa's own evaluation, run once: conversation tests and the held-out NLU set.

`rasa test` does not run custom actions (they are covered in tests/actions);
this checks the model's predictions: every conversation test story must be
predicted exactly (--fail-on-prediction-errors), and intent macro-F1 on
utterances the model never saw must stay at or above 0.90. Reports are kept
under results/ for inspection.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
import yaml

from infocoach.server.processes import latest_model

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "results"
NLU_TEST = ROOT / "tests" / "nlu" / "test_nlu.yml"
CONVERSATIONS = ROOT / "tests" / "conversations"
MIN_MACRO_F1 = 0.90


def _examples(path: Path) -> dict[str, list[str]]:
    """intent -> utterances (entity markup removed, lower-cased)."""
    found: dict[str, list[str]] = {}
    for block in yaml.safe_load(path.read_text())["nlu"]:
        if "intent" not in block:
            continue
        for line in block["examples"].splitlines():
            text = line.strip()[2:].strip() if line.strip().startswith("- ") else ""
            if text:
                plain = re.sub(r"\[([^\]]+)\](\([^)]*\)|\{[^}]*\})", r"\1", text)
                found.setdefault(block["intent"], []).append(plain.lower())
    return found


@pytest.fixture(scope="module")
def rasa_test_run() -> subprocess.CompletedProcess:
    RESULTS.mkdir(exist_ok=True)
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "rasa",
            "test",
            "--model",
            str(latest_model()),
            "--stories",
            str(CONVERSATIONS),
            "--nlu",
            str(NLU_TEST),
            "--out",
            str(RESULTS),
            "--fail-on-prediction-errors",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=1200,
    )


def test_nlu_test_set_is_held_out_and_has_five_per_intent():
    training = {
        t for p in (ROOT / "data" / "nlu").glob("*.yml") for ts in _examples(p).values() for t in ts
    }
    test = _examples(NLU_TEST)
    overlap = training & {t for ts in test.values() for t in ts}
    assert not overlap, f"test utterances also in training data: {sorted(overlap)}"
    per_intent = Counter()
    for intent, texts in test.items():
        per_intent[intent.split("/")[0]] += len(texts)
    domain_intents = yaml.safe_load((ROOT / "domain.yml").read_text())["intents"]
    for intent in domain_intents:
        assert per_intent[intent] >= 5, f"{intent} has {per_intent[intent]} test utterances"


def test_conversation_tests_cover_every_phase_in_at_least_25_stories():
    text = "".join(p.read_text() for p in CONVERSATIONS.glob("*.yml"))
    stories = yaml.safe_load(text)["stories"]
    assert len(stories) >= 25
    for phase in (
        "fit",
        "prepare",
        "open",
        "signals",
        "close",
        "referrals",
        "thank_you",
        "end_game",
    ):
        assert f"phase: {phase}" in text, f"no walk-through step reaches {phase}"


def _without_progress_bars(output: str) -> str:
    return "\n".join(
        line for line in output.splitlines() if "it/s" not in line and "\r" not in line
    )


def test_every_conversation_story_is_predicted_exactly(rasa_test_run):
    failed = RESULTS / "failed_test_stories.yml"
    details = failed.read_text() if failed.exists() else ""
    details += _without_progress_bars(rasa_test_run.stdout + rasa_test_run.stderr)[-4000:]
    assert rasa_test_run.returncode == 0, details


def test_intent_macro_f1_on_held_out_utterances(rasa_test_run):
    report = json.loads((RESULTS / "intent_report.json").read_text())
    macro = report["macro avg"]["f1-score"]
    weak = {
        k: round(v["f1-score"], 2)
        for k, v in report.items()
        if isinstance(v, dict) and "support" in v and v["f1-score"] < 0.8 and "avg" not in k
    }
    assert macro >= MIN_MACRO_F1, f"macro-F1 {macro:.3f} < {MIN_MACRO_F1}; weakest intents: {weak}"


def test_faq_topics_are_told_apart(rasa_test_run):
    report = json.loads((RESULTS / "response_selection_report.json").read_text())
    assert report["macro avg"]["f1-score"] >= MIN_MACRO_F1
