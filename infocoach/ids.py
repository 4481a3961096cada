"""The one source of truth for phase and signal identifiers.

Data files, actions, the CLI and tests all refer to these enums, so a typo in
any of them fails validation instead of silently creating a new id.
"""

from __future__ import annotations

from enum import Enum


class Phase(str, Enum):
    """The eight coached phases, in walk-through order."""

    FIT = "fit"
    PREPARE = "prepare"
    OPEN = "open"
    SIGNALS = "signals"
    CLOSE = "close"
    REFERRALS = "referrals"
    THANK_YOU = "thank_you"
    END_GAME = "end_game"


PHASE_ORDER: tuple[Phase, ...] = tuple(Phase)


class Signal(str, Enum):
    """The four interest signals a manager may show during the meeting."""

    BACKGROUND = "background"
    NOTES = "notes"
    NEED = "need"
    ENTHUSIASM = "enthusiasm"


class CareerStage(str, Enum):
    """Where the user stands; decides whether the method fits them."""

    STUDENT = "student"
    ENTRY_LEVEL = "entry_level"
    CAREER_CHANGER = "career_changer"
    SENIOR_SAME_FIELD = "senior_same_field"
    SENIOR_CHANGING_INDUSTRY = "senior_changing_industry"
    SENIOR_RELOCATING = "senior_relocating"


class Employment(str, Enum):
    """Employment status; managers are warier of unemployed askers."""

    EMPLOYED = "employed"
    UNEMPLOYED = "unemployed"
    UNKNOWN = "unknown"


class Persona(str, Enum):
    """The managers the coach can play in practice mode."""

    INTERESTED = "interested"
    NEUTRAL = "neutral"
    BUSY_WARY = "busy_wary"


class PracticeStep(str, Enum):
    """What the user should do in an informational meeting, in the order they do it."""

    RESUME = "resume"
    SITUATION = "situation"
    LEARNING_GOAL = "learning_goal"
    QUESTIONS = "questions"
    THANKS = "thanks"
    REFERRALS = "referrals"
    WHY_REFERRALS = "why_referrals"
    USE_NAME = "use_name"
