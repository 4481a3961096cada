"""The blind sets stay blind: nothing in them may appear in training data.

They were written by helpers who saw only the article and the issue, and are
scored, never trained or tuned on (`infocoach bench nlu`, `bench signals`).
A copy into the training data would silently turn them into tuned-on sets.
The NLU development sets (`tests/nlu/dev.yml`, `dev2.yml`) and the signal spotter's
independent development sets (`data/signals/dev2.jsonl`, `dev3`, `dev4`) are looked at
and tuned on, but by writing new examples for the kinds of message they show failing, never by
copying their messages: copied, they would measure memory instead of understanding.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from infocoach.paths import DATA_DIR, ROOT, SIGNALS_DATA_DIR

NLU_BLIND = ROOT / "tests" / "nlu" / "blind.yml"
NLU_DEV = ROOT / "tests" / "nlu" / "dev.yml"
NLU_DEV2 = ROOT / "tests" / "nlu" / "dev2.yml"
SIGNALS_BLIND18 = SIGNALS_DATA_DIR / "blind18.jsonl"
SIGNALS_BLIND19 = SIGNALS_DATA_DIR / "blind19.jsonl"
SIGNALS_DEV2 = SIGNALS_DATA_DIR / "dev2.jsonl"
SIGNALS_DEV3 = SIGNALS_DATA_DIR / "dev3.jsonl"
SIGNALS_DEV4 = SIGNALS_DATA_DIR / "dev4.jsonl"


def _normal(text: str) -> str:
    """Lower case, entity markup removed, runs of space and punctuation folded."""
    plain = re.sub(r"\[([^\]]+)\](\([^)]*\)|\{[^}]*\})", r"\1", text)
    return " ".join(re.findall(r"[a-z0-9']+", plain.lower()))


def _nlu_messages(path: Path) -> set[str]:
    messages = set()
    for block in yaml.safe_load(path.read_text(encoding="utf-8"))["nlu"]:
        for line in block.get("examples", "").splitlines():
            if line.strip().startswith("- "):
                messages.add(_normal(line.strip()[2:]))
    return messages


def test_nlu_blind_set_shares_no_message_with_training_data():
    blind = _nlu_messages(NLU_BLIND)
    assert len(blind) >= 200
    training = set().union(*(_nlu_messages(p) for p in (DATA_DIR / "nlu").glob("*.yml")))
    assert not blind & training, sorted(blind & training)


@pytest.mark.parametrize("path", [NLU_DEV, NLU_DEV2], ids=["dev", "dev2"])
def test_nlu_dev_set_shares_no_message_with_training_data(path: Path):
    dev = _nlu_messages(path)
    assert len(dev) >= 200
    training = set().union(*(_nlu_messages(p) for p in (DATA_DIR / "nlu").glob("*.yml")))
    assert not dev & training, sorted(dev & training)


def test_the_second_dev_set_is_new_to_the_first():
    both = _nlu_messages(NLU_DEV) & _nlu_messages(NLU_DEV2)
    assert not both, sorted(both)


def _accounts(path: Path) -> set[str]:
    return {_normal(json.loads(line)["text"]) for line in path.read_text().splitlines() if line}


@pytest.mark.parametrize("path, size",
                         [(SIGNALS_DEV2, 240), (SIGNALS_DEV3, 240), (SIGNALS_DEV4, 200)],
                         ids=["dev2", "dev3", "dev4"])
def test_signals_dev_sets_share_no_account_with_the_training_splits(path: Path, size: int):
    dev = _accounts(path)
    assert len(dev) == size
    training = _accounts(SIGNALS_DATA_DIR / "train.jsonl") | _accounts(
        SIGNALS_DATA_DIR / "dev.jsonl")
    assert not dev & training, sorted(dev & training)


@pytest.mark.parametrize("path, size", [(SIGNALS_BLIND18, 300), (SIGNALS_BLIND19, 300)],
                         ids=["blind18", "blind19"])
def test_signals_blind_split_shares_no_account_with_the_other_splits(path: Path, size: int):
    blind = _accounts(path)
    assert len(blind) == size
    splits = (p for p in SIGNALS_DATA_DIR.glob("*.jsonl") if p != path)
    others = set().union(*(_accounts(p) for p in splits))
    assert not blind & others, sorted(blind & others)
