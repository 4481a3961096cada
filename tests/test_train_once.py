"""`make train` twice in a row: the second run finds the model and writes nothing;
the signal model trains in a child process beside Rasa.

Rasa 3 writes a new archive on every `rasa train`; infocoach names models
after their training inputs and skips training when that model exists. The
starter bot with a small, TensorFlow-free pipeline keeps the real training
run short.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from infocoach.bench.reference import copy_starter_project
from infocoach.server.commands import SignalsTraining, start_signals_training, train_model
from infocoach.signals.training import is_current

pytestmark = pytest.mark.slow

CHEAP_CONFIG = """\
recipe: default.v1
assistant_id: train_once_test
language: en
pipeline:
  - name: WhitespaceTokenizer
  - name: CountVectorsFeaturizer
  - name: LogisticRegressionClassifier
policies:
  - name: MemoizationPolicy
  - name: RulePolicy
"""


def _models(models: Path) -> dict[str, float]:
    return {p.name: p.stat().st_mtime_ns for p in models.glob("*.tar.gz")}


def test_second_train_writes_no_model_until_data_changes(tmp_path):
    project = copy_starter_project(tmp_path / "bot")
    (project / "config.yml").write_text(CHEAP_CONFIG)
    models = tmp_path / "models"

    assert train_model(project, models) == 0
    first = _models(models)
    assert len(first) == 1

    assert train_model(project, models) == 0
    assert list(_models(models)) == list(first)
    (model,) = models.glob("*.tar.gz")
    assert model.stat().st_size > 0

    nlu = project / "data" / "nlu.yml"
    nlu.write_text(nlu.read_text() + "    - howdy partner\n")
    assert train_model(project, models) == 0
    assert len(_models(models)) == 2


def test_signal_model_trains_alongside_and_says_where_its_log_is(tmp_path, capsys):
    """The child `infocoach train` starts beside Rasa: it trains into the folder it is
    given, and a second start finds that model current and starts nothing."""
    model_dir = tmp_path / "models" / "signals"
    training = start_signals_training(model_dir)
    assert training is not None
    assert training.wait() == 0
    assert is_current(model_dir)
    assert str(tmp_path / "models" / "signals-train.log") in capsys.readouterr().err
    assert start_signals_training(model_dir) is None


def test_a_failed_signal_training_shows_the_end_of_its_log(tmp_path, capsys):
    log = tmp_path / "signals-train.log"
    with log.open("wb") as out:
        process = subprocess.Popen([sys.executable, "-c", "print('no train split'); exit(3)"],
                                   stdout=out, stderr=subprocess.STDOUT)
    assert SignalsTraining(process, log, 0.0).wait() == 3
    err = capsys.readouterr().err
    assert "no train split" in err and "failed (exit 3)" in err and str(log) in err


def test_stopping_the_signal_training_stops_its_children(tmp_path):
    log = tmp_path / "log"
    script = ("import subprocess, sys; subprocess.run([sys.executable, '-c', "
              "'import time; time.sleep(60)'])")
    with log.open("wb") as out:
        process = subprocess.Popen([sys.executable, "-c", script], stdout=out,
                                   start_new_session=True)
    time.sleep(1)
    group = process.pid
    SignalsTraining(process, log, 0.0).stop()
    time.sleep(0.5)
    assert _running_in_group(group) == []


def _running_in_group(group: int) -> list[int]:
    """Pids of the group still running (a killed orphan may linger as a zombie here)."""
    running = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == group and fields[0] != "Z":
            running.append(int(stat.parent.name))
    return running
