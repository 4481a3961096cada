"""The data tools: intake splits new reports by a hash and never twice; kappa is Cohen's."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from infocoach.signals import agreement, dataset, intake, training


@pytest.fixture
def splits(monkeypatch, tmp_path: Path) -> Path:
    """One-report split files in a temporary data folder."""
    monkeypatch.setattr(dataset, "SIGNALS_DATA_DIR", tmp_path)
    for split in dataset.SPLITS:
        (tmp_path / f"{split}.jsonl").write_text(
            json.dumps({"text": f"Already in {split}.", "signals": []}) + "\n")
    return tmp_path


def write(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_split_for_is_stable_and_sends_about_a_fifth_to_dev() -> None:
    texts = [f"She took notes on report number {i}." for i in range(2000)]
    dev = sum(intake.split_for(t) == "dev" for t in texts)
    assert 0.17 < dev / len(texts) < 0.23
    assert [intake.split_for(t) for t in texts[:50]] == [intake.split_for(t) for t in texts[:50]]
    assert intake.split_for("He took NOTES!") == intake.split_for("he took notes")


def test_intake_adds_new_reports_once_and_never_to_test(splits: Path, tmp_path: Path) -> None:
    batch = write(tmp_path / "batch.jsonl", [
        {"text": f"He asked about job number {i}.", "signals": ["background"]} for i in range(30)
    ] + [{"text": "already in TEST", "signals": []},
         {"text": "We talked about the team.", "signals": [], "ambiguous": True}])
    first = intake.intake([batch])
    assert first["train"] + first["dev"] == 31 and first["already present"] == 1
    assert intake.intake([batch]) == {"train": 0, "dev": 0, "already present": 32}
    assert len(dataset.load_split("test")) == 1
    added = dataset.load_split("train")[1:] + dataset.load_split("dev")[1:]
    assert sum(r.ambiguous for r in added) == 1


def test_intake_never_copies_a_blind_account_into_training(splits: Path,
                                                           tmp_path: Path) -> None:
    blind = tmp_path / f"{dataset.BLIND_SPLITS[-1]}.jsonl"
    write(blind, [{"text": "Blind: she raved about the firm.", "signals": ["enthusiasm"]}])
    batch = write(tmp_path / "batch.jsonl", [
        {"text": "blind - she RAVED about the firm", "signals": ["enthusiasm"]},
        {"text": "She asked about my degree.", "signals": ["background"]}])
    assert intake.intake([batch]) == {
        "train": 1 - (intake.split_for("She asked about my degree.") == "dev"),
        "dev": int(intake.split_for("She asked about my degree.") == "dev"),
        "already present": 1}


def test_intake_refuses_a_bad_line_by_file_and_line(splits: Path, tmp_path: Path) -> None:
    bad = write(tmp_path / "bad.jsonl", [{"text": "fine", "signals": []},
                                         {"text": "x", "signals": ["nots"]}])
    assert intake.main([str(bad)]) == 1
    assert len(dataset.load_split("train")) == 1


def test_kappa_is_cohens() -> None:
    # 10 items: both yes 4, both no 4, one each way once: p_o = 0.8, p_e = 0.5
    a = [True] * 5 + [False] * 5
    b = [True] * 4 + [False] + [True] + [False] * 4
    assert agreement.kappa(a, b) == 0.6
    assert agreement.kappa([True, True], [True, True]) == 1.0


def test_agreement_pairs_reports_by_text_and_lists_disagreements(tmp_path: Path) -> None:
    first = write(tmp_path / "batch01.jsonl", [
        {"text": "She took notes.", "signals": ["notes"]},
        {"text": "He loved the firm.", "signals": ["enthusiasm"]},
    ])
    (tmp_path / "second").mkdir()
    write(tmp_path / "second" / "batch01.jsonl", [
        {"text": "she took notes", "signals": ["notes"]},
        {"text": "He loved the firm.", "signals": []},
    ])
    matched = agreement.pairs([first], tmp_path / "second")
    assert len(matched) == 2 and [p.agrees for p in matched] == [True, False]
    text = agreement.report(matched)
    assert "| notes | 1 | 1 | 2/2 | 1.000 |" in text
    assert "'He loved the firm.': ['enthusiasm'] / []" in text


def test_intake_never_copies_a_dev2_account_into_training(splits: Path, tmp_path: Path) -> None:
    batch = write(tmp_path / "batch.jsonl", [{"text": "already in DEV2!", "signals": []}])
    assert intake.intake([batch])["already present"] == 1
    assert len(dataset.load_split("train")) == len(dataset.load_split("dev")) == 1


def test_the_model_is_trained_and_fingerprinted_without_dev2(
        splits: Path, tmp_path: Path, monkeypatch) -> None:
    seen: list[str] = []

    def fake_train(train, dev, model_dir: Path, quiet: bool = False) -> int:
        seen.extend(r.text for r in [*train, *dev])
        model_dir.mkdir()
        (model_dir / "meta.json").write_text("{}")
        return 0

    monkeypatch.setattr(training, "spacy_train", fake_train)
    assert training.train_signals_model(force=True, model_dir=tmp_path / "model") == 0
    assert seen == ["Already in train.", "Already in dev."]
    assert training.is_current(tmp_path / "model")
    # A change to dev2 (or test) leaves the model current: neither is an input.
    write(splits / "dev2.jsonl", [{"text": "She took notes.", "signals": ["notes"]}])
    assert training.is_current(tmp_path / "model")
    write(splits / "train.jsonl", [{"text": "She took notes.", "signals": ["notes"]}])
    assert not training.is_current(tmp_path / "model")


@pytest.mark.parametrize("module", ["pipeline_module", "patterns"])
def test_the_negation_terms_and_the_matcher_are_inputs_of_the_model(
        module: str, tmp_path: Path, monkeypatch) -> None:
    """They decide where the rules place each signal in the training examples."""
    before = training.fingerprint()
    changed = tmp_path / "copy.py"
    source = Path(getattr(training, module).__file__).read_text(encoding="utf-8")
    changed.write_text(source + "\n# changed\n", encoding="utf-8")
    monkeypatch.setattr(getattr(training, module), "__file__", str(changed))
    assert training.fingerprint() != before
