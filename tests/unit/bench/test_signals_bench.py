"""`bench signals` on the test split scores every blind split whose file is present."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from infocoach.bench import signals as signals_bench
from infocoach.signals import dataset

# A blind split the benchmark knows by name (a file of any other name is not one).
BLIND = dataset.BLIND_SPLITS[-1]


@pytest.fixture
def calls(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, list[str]]]:
    """Stands in for the (seconds-long) scoring run: which split, which texts."""
    seen: list[tuple[str, list[str]]] = []

    def run(stream, split="custom"):
        seen.append((split, [r.text for r in stream]))
        return {"split": split}

    monkeypatch.setattr(signals_bench, "run", run)
    monkeypatch.setattr(dataset, "SIGNALS_DATA_DIR", tmp_path)
    monkeypatch.setattr(signals_bench, "load_split", lambda split: [])
    (tmp_path / f"{BLIND}.jsonl").write_text(
        json.dumps({"text": "She took notes.", "signals": ["notes"]}) + "\n", encoding="utf-8")
    return seen


def test_the_test_split_brings_each_blind_split_present(calls):
    results = signals_bench.run_split("test")
    assert calls == [("test", []), (BLIND, ["She took notes."])]
    assert results[BLIND] == {"split": BLIND} and "blind" not in results


def test_a_tuned_on_split_comes_alone(calls):
    assert signals_bench.run_split("dev2") == {"split": "dev2"}
    assert calls == [("dev2", [])]
