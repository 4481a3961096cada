"""Which model was trained from which inputs, so `make train` can skip unchanged work.

Rasa 3 fingerprints each step of its training graph only to reuse cached
steps: `rasa train` still packs and writes a new archive every time it runs
(Rasa 2's "nothing changed, keeping the old model" check is gone), which cost
10 s to a minute and a new 44 MB file per run. So each model is named after a
hash of what Rasa trains on (config, domain, the data files Rasa itself picks
from the data folder, and Rasa's version); a model with the current name in
the models folder means there is nothing to train. Changes to a custom
component's code are not in the hash, as they are not in Rasa's cache keys
either: `infocoach train --force` retrains after those.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

MODEL_PREFIX = "infocoach-"
HASH_LENGTH = 16


def rasa_training_files(project: Path) -> list[Path]:
    """config.yml, domain.yml and the files under data/ that Rasa reads as NLU or stories."""
    import rasa.shared.data
    from rasa.shared.core.training_data.story_reader.yaml_story_reader import YAMLStoryReader

    def read_by_rasa(path: str) -> bool:
        return rasa.shared.data.is_nlu_file(path) or YAMLStoryReader.is_stories_file(path)

    data = rasa.shared.data.get_data_files([str(project / "data")], read_by_rasa)
    return [project / "config.yml", project / "domain.yml", *sorted(map(Path, data))]


def fingerprint(project: Path) -> str:
    """A hash of the training inputs' names and contents and of Rasa's version."""
    import rasa

    digest = hashlib.sha256(f"rasa {rasa.__version__}\n".encode())
    for path in rasa_training_files(project):
        digest.update(f"{path.relative_to(project).as_posix()}\n".encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:HASH_LENGTH]


def model_name(project: Path) -> str:
    """The file name (without .tar.gz) of the model trained from ``project`` as it is now."""
    return f"{MODEL_PREFIX}{fingerprint(project)}"
