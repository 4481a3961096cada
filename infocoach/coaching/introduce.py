"""The reply to users who present themselves: does the method suit them, and where to start.

A first message like "just graduated, where do I start?" shares words with the
end game ("how do I get a job interview?"), and the end game is the worst
advice for a beginner. So an introduction gets its own reply: the fit verdict
for the stage they named (the same verdict as the fit check), then an offer to
walk through the method from the start. Without a stage, the coach asks for it.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import constr

from infocoach.coaching import fit
from infocoach.coaching.content import Button
from infocoach.coaching.replies import Reply
from infocoach.datafile import StrictModel, load_model
from infocoach.ids import CareerStage
from infocoach.paths import CONTENT_DIR

INTRODUCE_FILE = CONTENT_DIR / "introduce.yml"

Text = constr(min_length=1)


class IntroduceFile(StrictModel):
    version: Literal[1]
    welcome: Text
    no_stage: Text
    offer: Text
    walkthrough_button: Text
    fit_button: Text


def load_introduce(path: Path = INTRODUCE_FILE) -> IntroduceFile:
    """Load and validate the file; errors name the file and line."""
    return load_model(path, IntroduceFile)


@lru_cache(maxsize=1)
def introduce_words() -> IntroduceFile:
    return load_introduce()


def stage_of(entity_value: str | None, text: str) -> CareerStage | None:
    """The stage NLU extracted, else the one the fit check reads in the text."""
    for candidate in (entity_value, text):
        stage = fit.parse_stage(candidate) if candidate else None
        if stage is not None:
            return stage
    return None


def introduce_reply(stage: CareerStage | None, words: IntroduceFile | None = None) -> Reply:
    """Verdict and walk-through offer for a known stage; otherwise the stage question."""
    words = words or introduce_words()
    if stage is None:
        return Reply(text=words.no_stage, buttons=fit.stage_buttons())
    text = "\n\n".join([words.welcome, fit.stage_verdict(stage), words.offer])
    buttons = (
        Button(title=words.walkthrough_button, payload="/walkthrough_start"),
        Button(title=words.fit_button, payload="/check_fit"),
    )
    return Reply(text=text, buttons=buttons)
