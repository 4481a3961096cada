"""The model name that says which training inputs a model came from."""

from __future__ import annotations

from pathlib import Path

from infocoach.bench.reference import copy_starter_project
from infocoach.server.training_inputs import model_name, rasa_training_files


def _project(tmp_path: Path) -> Path:
    project = copy_starter_project(tmp_path / "bot")
    (project / "data" / "notes.yml").write_text("topics:\n  - not training data\n")
    return project


def test_training_files_are_config_domain_and_rasa_data_only(tmp_path):
    project = _project(tmp_path)
    names = [p.relative_to(project).as_posix() for p in rasa_training_files(project)]
    assert names == [
        "config.yml", "domain.yml", "data/nlu.yml", "data/rules.yml", "data/stories.yml",
    ]


def test_the_name_is_stable_and_changes_with_any_training_input(tmp_path):
    project = _project(tmp_path)
    first = model_name(project)
    assert first.startswith("infocoach-")
    assert model_name(project) == first
    (project / "data" / "notes.yml").write_text("topics:\n  - edited, still not Rasa's\n")
    assert model_name(project) == first
    nlu = project / "data" / "nlu.yml"
    nlu.write_text(nlu.read_text() + "    - howdy partner\n")
    second = model_name(project)
    assert second != first
    (project / "domain.yml").write_text((project / "domain.yml").read_text() + "\n# note\n")
    assert model_name(project) not in (first, second)
