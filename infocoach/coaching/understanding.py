"""The coach's words for messages that are not what their words made them look like.

Loaded from ``data/content/understanding.yml``: the reply when the debrief
gets something that is not an account of a meeting, the quick replies offered
when the coach hesitates between two intents, and what each free-text form
question expects.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import conlist, constr

from infocoach.coaching.content import Button
from infocoach.datafile import StrictModel, load_model
from infocoach.paths import CONTENT_DIR

UNDERSTANDING_FILE = CONTENT_DIR / "understanding.yml"

Text = constr(min_length=1)
Key = constr(regex=r"^[a-z][a-z0-9_]*$")


class FreeTextWords(StrictModel):
    expected: dict[Key, Text]
    back_to_form: Text
    question_later: Text
    delete_request: Text
    small_talk: Text


class UnderstandingFile(StrictModel):
    version: Literal[1]
    not_an_account: Text
    not_an_account_buttons: conlist(Button, min_items=1)
    intent_choices: dict[Key, Button]
    free_text: FreeTextWords


def load_understanding(path: Path = UNDERSTANDING_FILE) -> UnderstandingFile:
    """Load and validate the file; errors name the file and line."""
    return load_model(path, UnderstandingFile)


@lru_cache(maxsize=1)
def understanding() -> UnderstandingFile:
    """The shipped words, loaded once per process."""
    return load_understanding()
