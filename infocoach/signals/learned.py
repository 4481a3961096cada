"""The spotter's learned layer: how likely each sentence tells of each signal.

A ``textcat_multilabel`` model trained by :mod:`.training` (``make train``)
into ``models/signals/``. It knows *what* was done in the words people
actually use ("typing away on her laptop", "they've had that role open since
March"); the rule layer in :mod:`.spotter` still decides who did it and in what
mood. Loaded once per process from disk; never downloaded.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import spacy
from spacy.language import Language

from infocoach.ids import Signal
from infocoach.paths import SIGNALS_MODEL_DIR

MODEL_META = "meta.json"


class ModelMissing(RuntimeError):
    """No trained signal model on disk: the message names the command that makes one."""


def model_ready() -> bool:
    return (SIGNALS_MODEL_DIR / MODEL_META).is_file()


def require_model() -> None:
    """Fail early, before servers start, when the model was never trained."""
    if not model_ready():
        raise ModelMissing(
            f"no trained signal model in {SIGNALS_MODEL_DIR}: run `make train` "
            "(or `infocoach train`) first"
        )


@lru_cache(maxsize=1)
def model() -> Language:
    """The trained pipeline, loaded on first use (well under a second)."""
    require_model()
    return spacy.load(SIGNALS_MODEL_DIR)


def probabilities(texts: Sequence[str]) -> list[dict[Signal, float]]:
    """Per text, the probability of each signal; texts are already normalized."""
    nlp = model()
    return [{signal: doc.cats.get(signal.value, 0.0) for signal in Signal}
            for doc in nlp.pipe(texts)]
