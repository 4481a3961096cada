"""Where a practice meeting stands: small, typed and JSON-able.

The whole meeting lives in one value so that a chat adapter can keep it in a
single slot, and a seed plus the user's turns replay it exactly: every random
choice is drawn from ``seed`` and the turn number, never from hidden state.
"""

from __future__ import annotations

import json
import random
from enum import Enum
from typing import Any, TypeVar

from pydantic import BaseModel

from infocoach.ids import Persona, PracticeStep, Signal


class Stage(str, Enum):
    ASK_FIELD = "ask_field"  # waiting for the field the manager works in
    MEETING = "meeting"  # the user asks their questions
    CLOSING = "closing"  # the manager is wrapping up
    NOTICE = "notice"  # the coach asked which signs of interest the user saw
    DONE = "done"  # scored
    LEFT = "left"  # the user stopped midway


ACTIVE_STAGES = {Stage.ASK_FIELD, Stage.MEETING, Stage.CLOSING, Stage.NOTICE}


class SlotModel(BaseModel):
    """A model kept in a Rasa slot as plain JSON, read back leniently: a slot
    someone else wrote, or one from an older version, is None, never a crash."""

    def to_slot(self) -> dict[str, Any]:
        """Plain JSON types, as a Rasa slot or a replay file holds them."""
        return json.loads(self.json())

    @classmethod
    def from_slot(cls: type[SlotModelT], value: object) -> SlotModelT | None:
        """The model kept in a slot, or None when there is none or it is unreadable."""
        if not isinstance(value, dict):
            return None
        try:
            return cls.parse_obj(value)
        except ValueError:
            return None


SlotModelT = TypeVar("SlotModelT", bound=SlotModel)


class PracticeState(SlotModel):
    """One mock meeting; replace it with ``copy(update=...)``, never mutate it."""

    class Config:
        extra = "forbid"
        allow_mutation = False

    seed: int
    persona: Persona
    stage: Stage
    field: str = ""
    turn: int = 0
    questions: int = 0
    closing_turns: int = 0
    # The interested manager's signals, in the order they will be shown.
    signal_plan: tuple[Signal, ...] = ()
    shown: tuple[Signal, ...] = ()
    # The turn on which the wary manager asked "is this about a job?".
    challenged_at: int | None = None
    referrals_given: bool = False
    # Step done -> the user's words that did it.
    evidence: dict[PracticeStep, str] = {}
    job_ask: str | None = None
    # Signals the user named when asked; None until they were asked and answered.
    noticed: tuple[Signal, ...] | None = None

    @property
    def active(self) -> bool:
        return self.stage in ACTIVE_STAGES

    def rng(self, purpose: str) -> random.Random:
        """A generator fixed by seed, turn and purpose: replays draw the same lines."""
        return random.Random(f"{self.seed}:{self.turn}:{purpose}")

