"""The session file format: a scripted conversation with expectations on the replies.

A session is written by a coach or teacher, not a programmer, so the models
reject what YAML would silently misread (``user: yes`` is a boolean in YAML;
it must be quoted to be the word "yes") and name the fix in the message.
Unknown keys are errors, and the file carries a ``version`` so later formats
can add keys without misreading old files. Version 2 adds ``practice``: the
seed (and, optionally, the manager) that fix a mock meeting, so a scripted
practice session replays identically; version 1 files are still read.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import conlist, root_validator, validator

from infocoach.datafile import StrictModel
from infocoach.ids import Persona, Signal

FORMAT_VERSION = 2
READABLE_VERSIONS = (1, 2)


def _text(value: object, what: str) -> str:
    """``value`` if it is a string; else an error that tells how to quote it."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        raise ValueError(
            f"{what} must be text, but YAML read a yes/no/true/false/on/off word as "
            f'{str(value).lower()}: put it in quotes, e.g. "yes"'
        )
    if isinstance(value, (int, float)):
        raise ValueError(
            f'{what} must be text, but YAML read a number: put it in quotes, e.g. "{value}"'
        )
    raise ValueError(f"{what} must be text, not a {type(value).__name__}")


def _text_list(value: object, what: str) -> list[str]:
    """One string or a list of strings, as a list."""
    items = value if isinstance(value, list) else [value]
    return [_text(item, what) for item in items]


class Turn(StrictModel):
    """One thing the user says (or one quick reply pressed), and what must follow."""

    # Exactly one of these: typed text (sent as-is, may be empty), or the title
    # of a quick reply of the previous bot turn (its payload is sent).
    user: str | None = None
    button: str | None = None
    # Regexes searched in the reply as the user reads it (markup removed,
    # messages separated by a blank line): all of ``says`` must match and
    # none of ``not_says``.
    says: list[str] = []
    not_says: list[str] = []
    # The quick-reply titles shown, in order; [] means none.
    buttons: list[str] | None = None
    # The signal ids the debrief reported (the ``signals`` slot), as a set.
    signals: list[Signal] | None = None
    # Slot values after the turn (null: the slot is unset).
    slots: dict[str, Any] | None = None
    # The expectations describe the right behaviour, which the bot does not
    # show yet: the reason (an issue). Failures are reported, not counted, and
    # a pass is reported as "fixed", so the marker does not outlive the bug.
    known_bug: str | None = None

    class Config:
        # Replay sends exactly what the author wrote, spaces included.
        anystr_strip_whitespace = False

    @validator("user", "button", "known_bug", pre=True)
    def _is_text(cls, value: object, field: Any) -> str | None:
        return None if value is None else _text(value, field.name)

    @validator("says", "not_says", pre=True)
    def _are_patterns(cls, value: object, field: Any) -> list[str]:
        patterns = _text_list(value, field.name)
        for pattern in patterns:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"{pattern!r} is not a valid regular expression: {exc}") from None
        return patterns

    @validator("buttons", pre=True)
    def _are_titles(cls, value: object) -> list[str] | None:
        return None if value is None else _text_list(value, "buttons")

    @validator("signals", pre=True)
    def _signal_list(cls, value: object) -> object:
        if value is None or isinstance(value, list):
            return value
        return [value]

    @validator("signals")
    def _no_repeats(cls, value: list[Signal] | None) -> list[Signal] | None:
        if value is not None and len(set(value)) != len(value):
            raise ValueError("a signal is listed twice (signals are compared as a set)")
        return value

    @root_validator(skip_on_failure=True)
    def _one_input(cls, values: dict[str, Any]) -> dict[str, Any]:
        has_user, has_button = values.get("user") is not None, values.get("button") is not None
        if has_user and has_button:
            raise ValueError("a turn has both `user` and `button`: keep one")
        if not has_user and not has_button:
            raise ValueError(
                "a turn needs `user` (the text the user types) or `button` "
                "(the title of a quick reply to press)"
            )
        return values

    @property
    def expects_tracker(self) -> bool:
        """Whether checking this turn needs the conversation's slots."""
        return self.signals is not None or self.slots is not None

    @property
    def expectation_count(self) -> int:
        # Pressing a quick reply checks that the previous reply offered it.
        return (len(self.says) + len(self.not_says) + (self.buttons is not None)
                + (self.button is not None)
                + (self.signals is not None) + len(self.slots or {}))


class PracticeKeys(StrictModel):
    """What fixes a practice meeting: set on the bot before the first turn."""

    seed: int
    # Omitted: the seed picks the manager, as it does for a user.
    persona: Persona | None = None

    @validator("seed", pre=True)
    def _whole_number(cls, value: object) -> object:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError("seed must be a whole number, e.g. 7")
        return value

    def slots(self) -> dict[str, object]:
        """The bot's slots that carry these keys (read by ``action_practice_start``)."""
        return {"practice_seed": self.seed,
                "practice_persona": self.persona.value if self.persona else None}


class Session(StrictModel):
    """A session file: what it shows, then the turns in order."""

    version: int
    title: str
    description: str = ""
    practice: PracticeKeys | None = None
    turns: conlist(Turn, min_items=1)

    @validator("version", pre=True)
    def _supported(cls, value: object) -> int:
        if value not in READABLE_VERSIONS or isinstance(value, bool):
            raise ValueError(
                f"unsupported session format version {value!r}: this infocoach reads "
                f"versions {', '.join(map(str, READABLE_VERSIONS))} "
                f"(write `version: {FORMAT_VERSION}`)"
            )
        return value

    @validator("practice")
    def _practice_needs_version_2(cls, value: PracticeKeys | None, values: dict) -> object:
        if value is not None and values.get("version") == 1:
            raise ValueError("`practice` needs `version: 2` (version 1 files have no practice)")
        return value

    @property
    def needs_api(self) -> bool:
        """Whether replaying needs Rasa's HTTP API: to read slots, or to preset practice keys."""
        return self.practice is not None or any(t.expects_tracker for t in self.turns)

    @validator("title", "description", pre=True)
    def _is_text(cls, value: object, field: Any) -> str:
        return _text(value, field.name)
