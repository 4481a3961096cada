"""The labelled debrief reports in ``data/signals/{train,dev,dev2,dev3,dev4,test}.jsonl``.

One JSON object per line: ``{"text": ..., "signals": [...], "ambiguous": false}``.
``test`` was written first and is never used for tuning; ``train`` and ``dev``
are where the cues were developed and what the model is trained on; ``dev2``
was written by someone who never saw cues or data, and is tuned on by
looking at its figures, never trained on (:data:`TRAINED_ON`); ``dev3`` is
the same for chatty accounts (names, markup, emoji, long stories that talk
around the four signals); ``dev4`` is written like the blind splits (by
someone who read only the article and the issue), in hard negatives that each
sound like one signal. Loading
validates every line, so a typo in a signal id fails with the file and line
instead of skewing the benchmark.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ValidationError, constr, validator

from infocoach.datafile import DataFileError
from infocoach.ids import Signal
from infocoach.paths import SIGNALS_DATA_DIR

Split = Literal["train", "dev", "dev2", "dev3", "dev4", "test"]
SPLITS: tuple[Split, ...] = ("train", "dev", "dev2", "dev3", "dev4", "test")
# The only splits the learned layer is trained on (and cross-validated over).
TRAINED_ON: tuple[Split, ...] = ("train", "dev")
# Written independently of the cues and the training data; scored, never tuned
# on, and not loadable as a split. Each blind split is written once the one before
# it has been scored at both ends of a round of work, so that every round is measured
# on accounts nobody working on the spotter has seen. Spent ones are retired into
# ``train`` and ``dev`` (``blind`` ... ``blind17`` were, each once the next had been
# scored at the start of a round: written by people who never saw the guideline, they
# are the training accounts most like what the next blind split will be). ``blind18``
# was scored with the code that ended the round of blind17 and once more at the end of
# its own round; ``blind19`` was scored once, with the code that ended blind18's
# round, and measures the round after it.
BLIND_SPLITS = ("blind18", "blind19")


class LabelledReport(BaseModel):
    """A report as a user would write it, with the signals a coach would see in it."""

    text: constr(min_length=1)
    signals: list[Signal]
    ambiguous: bool = False

    class Config:
        extra = "forbid"
        allow_mutation = False

    @validator("signals")
    def _unique(cls, signals: list[Signal]) -> list[Signal]:
        if len(set(signals)) != len(signals):
            raise ValueError("a signal is listed twice")
        return signals

    @validator("ambiguous")
    def _ambiguous_has_no_signal(cls, ambiguous: bool, values: dict) -> bool:
        if ambiguous and values.get("signals"):
            raise ValueError("an ambiguous report is labelled with no signal")
        return ambiguous


def split_path(split: Split) -> Path:
    return SIGNALS_DATA_DIR / f"{split}.jsonl"


def blind_paths() -> dict[str, Path]:
    """The blind splits whose files are present, by name: the benchmark scores them and
    ``intake`` keeps their accounts out of training."""
    paths = {name: SIGNALS_DATA_DIR / f"{name}.jsonl" for name in BLIND_SPLITS}
    return {name: path for name, path in paths.items() if path.is_file()}


def read_reports(path: Path) -> Iterator[LabelledReport]:
    """Yield each report of a JSONL file; DataFileError names the bad line."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(path, None, f"cannot read: {exc}") from exc
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            yield LabelledReport.parse_obj(json.loads(line))
        except json.JSONDecodeError as exc:
            raise DataFileError(path, number, f"invalid JSON: {exc.msg}") from exc
        except ValidationError as exc:
            first = exc.errors()[0]
            field = ".".join(str(p) for p in first["loc"])
            raise DataFileError(path, number, f"{field}: {first['msg']}") from exc


def load_split(split: Split) -> list[LabelledReport]:
    return list(read_reports(split_path(split)))
