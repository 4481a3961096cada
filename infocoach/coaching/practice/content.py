"""The practice lines (``data/content/practice.yml``) as validated pydantic models.

Every sentence the mock manager and the scoring coach say is content; these
models make a missing wording, persona or topic fail at load time with file
and line instead of mid-meeting.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import conint, conlist, constr, root_validator, validator

from infocoach.datafile import StrictModel, load_model, placeholders
from infocoach.ids import Persona, PracticeStep, Signal
from infocoach.paths import CONTENT_DIR

PRACTICE_FILE = CONTENT_DIR / "practice.yml"
UNKNOWN_TOPIC = "unknown"
# Placeholders each kind of line may use.
MANAGER_FIELDS = {"field"}
REFERRAL_FIELDS = {"field", "first", "second"}

Text = constr(min_length=1)
Key = constr(regex=r"^[a-z][a-z0-9_]*$")
Cue = constr(regex=r"^[a-z0-9 '&-]+$")


class ManagerText(str):
    """A manager's line: non-empty, using only the placeholders it will be given.

    Checked per line (not per list) so that an error names the line itself.
    """

    allowed: frozenset[str] = frozenset(MANAGER_FIELDS)

    @classmethod
    def __get_validators__(cls):
        yield cls.validate

    @classmethod
    def validate(cls, value: object) -> str:
        if not isinstance(value, str) or not value.strip():
            raise ValueError("must be a non-empty line of text")
        unknown = placeholders(value) - cls.allowed
        if unknown:
            raise ValueError(f"unknown placeholder(s): {', '.join(sorted(unknown))} "
                             f"(allowed: {', '.join(sorted(cls.allowed))})")
        return value.strip()


class ReferralText(ManagerText):
    allowed = frozenset(REFERRAL_FIELDS)


Wordings = conlist(ManagerText, min_items=3)


class CoachLines(StrictModel):
    """What the coach (not the manager) says around the role-play."""

    ask_field: Text
    intro: Text
    notice_question: Text
    left: Text
    no_practice: Text
    already_running: Text
    field_too_long: Text


class PersonaInfo(StrictModel):
    aliases: conlist(Cue, min_items=1)
    label: Text


class ManagerLines(StrictModel):
    """One persona's lines; each list is picked from at random (by seed)."""

    opening: Wordings
    acknowledge: Wordings
    resume_received: Wordings
    topics: dict[Key, Wordings]
    wrap_up: Wordings
    thanks_reply: Wordings
    # When the user neither thanks nor asks for names while the manager wraps up.
    closing_nudge: Wordings
    referrals: conlist(ReferralText, min_items=3)
    use_name: Wordings
    job_ask: Wordings
    goodbye: Wordings
    signals: dict[Signal, Wordings] = {}
    challenge: list[ManagerText] = []
    early_end: list[ManagerText] = []


class StepText(StrictModel):
    label: Text
    tip: Text


class ScorecardText(StrictModel):
    title: Text
    done: Text
    missed: Text
    evidence: Text
    steps: dict[PracticeStep, StepText]
    job_ask: Text
    no_job_ask: Text
    job_ask_tip: Text
    signals_heading: Text
    signals_shown: Text
    signals_none: Text
    signals_noticed: Text
    signals_overlooked: Text
    signals_imagined: Text
    signals_not_asked: Text
    signals_later: Text
    signals_waiting: Text
    signals_tip: Text
    tips_heading: Text
    all_done_tip: Text
    signal_labels: dict[Signal, Text]

    @validator("steps", "signal_labels")
    def _complete(cls, mapping: dict, field) -> dict:
        wanted = PracticeStep if field.name == "steps" else Signal
        missing = [k.value for k in wanted if k not in mapping]
        if missing:
            raise ValueError(f"missing: {', '.join(missing)}")
        return mapping


class Pace(StrictModel):
    questions: dict[Persona, conint(ge=1)]
    closing_turns: conint(ge=1)


class PracticeFile(StrictModel):
    version: Literal[1]
    manager_prefix: Text
    coach: CoachLines
    personas: dict[Persona, PersonaInfo]
    topics: dict[Key, conlist(Cue, min_items=1)]
    managers: dict[Persona, ManagerLines]
    contacts: conlist(Text, min_items=2)
    pace: Pace
    scorecard: ScorecardText

    @root_validator(skip_on_failure=True)
    def _personas_complete(cls, values: dict) -> dict:
        for key in ("personas", "managers"):
            missing = [p.value for p in Persona if p not in values[key]]
            if missing:
                raise ValueError(f"{key}: missing persona(s): {', '.join(missing)}")
        topics = set(values["topics"]) | {UNKNOWN_TOPIC}
        for persona, lines in values["managers"].items():
            if set(lines.topics) != topics:
                wrong = sorted(set(lines.topics) ^ topics)
                raise ValueError(f"managers.{persona.value}.topics must answer exactly the "
                                 f"topics listed under 'topics' and '{UNKNOWN_TOPIC}'; "
                                 f"check: {', '.join(wrong)}")
        managers = values["managers"]
        if set(managers[Persona.INTERESTED].signals) != set(Signal):
            raise ValueError("managers.interested.signals must give lines for all four signals")
        if any(managers[p].signals for p in (Persona.NEUTRAL, Persona.BUSY_WARY)):
            raise ValueError("only the interested manager shows signals")
        wary = managers[Persona.BUSY_WARY]
        if len(wary.challenge) < 3 or len(wary.early_end) < 3:
            raise ValueError("managers.busy_wary needs three challenge and early_end lines")
        return values

    def persona_named(self, words: str) -> Persona | None:
        """The persona a user's words ask for ("a busy manager"), if any."""
        lowered = words.lower().replace("-", "_")
        for persona, info in self.personas.items():
            if persona.value == lowered or any(
                f" {alias} " in f" {lowered} " for alias in info.aliases
            ):
                return persona
        return None


def load_practice(path: Path = PRACTICE_FILE) -> PracticeFile:
    return load_model(path, PracticeFile)


@lru_cache(maxsize=1)
def practice_content() -> PracticeFile:
    """The shipped practice lines, loaded once per process."""
    return load_practice()
