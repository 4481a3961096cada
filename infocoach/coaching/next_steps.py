"""Advice after a meeting, from ``data/content/next_steps.yml``.

The words are content, not code, so a coach can reword advice without
touching the spotter; the model below makes a broken file fail at load time
with its file and line.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import conlist, constr, validator

from infocoach.coaching.referrals import said_got_names
from infocoach.datafile import StrictModel, every_member, load_model
from infocoach.ids import Signal
from infocoach.paths import CONTENT_DIR
from infocoach.signals.readings import Reading

NEXT_STEPS_FILE = CONTENT_DIR / "next_steps.yml"

Text = constr(min_length=1)


_every_signal = every_member(Signal, "signal(s)")


class SignalAdvice(StrictModel):
    """How the coach names one signal, what it means and what to do."""

    label: Text
    meaning: Text
    steps: conlist(Text, min_items=1)


class Clarify(StrictModel):
    """Questions for a report the coach cannot read without guessing."""

    actor: dict[Signal, Text]
    topic: Text

    _actor_for_every_signal = validator("actor", allow_reuse=True)(_every_signal)


class Headings(StrictModel):
    """The debrief reply's two parts: what was found, and what to do."""

    found: Text
    next_steps: Text


class Referrals(StrictModel):
    """What to do about referrals: call them, or ask for some next time."""

    got_names: conlist(Text, min_items=1)
    # The report does not say they gave names: maybe they did, maybe not.
    no_names: conlist(Text, min_items=1)


class NextStepsFile(StrictModel):
    version: Literal[1]
    headings: Headings
    signals: dict[Signal, SignalAdvice]
    # Said after the signs found, when there are two or more.
    taken_together: Text
    any_signal: conlist(Text, min_items=1)
    no_signal: conlist(Text, min_items=1)
    referrals: Referrals
    always: conlist(Text, min_items=1)
    clarify: Clarify

    _advice_for_every_signal = validator("signals", allow_reuse=True)(_every_signal)

    @validator("always")
    def _always_thanks(cls, steps: list[str]) -> list[str]:
        if not any("thank" in step.lower() for step in steps):
            raise ValueError("must include the thank-you note step")
        return steps


def load_next_steps(path: Path = NEXT_STEPS_FILE) -> NextStepsFile:
    """Load and validate a next-steps file; errors name the file and line."""
    return load_model(path, NextStepsFile)


@lru_cache(maxsize=1)
def advice() -> NextStepsFile:
    """The shipped advice, loaded once per process."""
    return load_next_steps()


def next_steps(reading: Reading, report: str = "") -> list[str]:
    """What to do after the meeting, given what the spotter found in ``report``.

    The reminder to ask for referrals next time is left out when the report
    says the manager already suggested people.
    """
    content = advice()
    referrals = (
        content.referrals.got_names if said_got_names(report) else content.referrals.no_names
    )
    if not reading.signals:
        return [*content.no_signal, *referrals, *content.always]
    steps = [step for f in reading.signals for step in content.signals[f.id].steps]
    return [*steps, *content.any_signal, *referrals, *content.always]


def clarifying_question(reading: Reading) -> str | None:
    """For an ambiguous reading: who did it, for its first unclear signal; what
    was said, for a bare topic. None when the reading is clear."""
    if not reading.ambiguous:
        return None
    clarify = advice().clarify
    return clarify.actor[reading.unclear[0]] if reading.unclear else clarify.topic
