"""`make train` twice in a row: the second run finds the model and writes nothing.

Rasa 3 writes a new archive on every `rasa train`; infocoach names models
after their training inputs and skips training when that model exists. The
starter bot with a small, TensorFlow-free pipeline keeps the real training
run short.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from infocoach.bench.reference import copy_starter_project
from infocoach.server.commands import train_model

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
