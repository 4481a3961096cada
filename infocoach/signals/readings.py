"""What the spotter returns: typed, immutable, JSON-ready results.

Offsets point into the text the caller passed, so a UI can highlight the exact
words and the chat reply can quote them; ``evidence`` is always
``text[start:end]``.
"""

from __future__ import annotations

from pydantic import BaseModel, confloat, conint

from infocoach.ids import Signal


class Result(BaseModel):
    """Base for spotter output: frozen (shared from caches) and strict about keys."""

    class Config:
        extra = "forbid"
        allow_mutation = False


class Finding(Result):
    """One signal the manager showed, with the words that show it."""

    id: Signal
    evidence: str
    start: conint(ge=0)
    end: conint(ge=0)
    confidence: confloat(ge=0.0, le=1.0)


class Reading(Result):
    """The coach's reading of one debrief report.

    ``ambiguous`` means part of the report could be a signal but it is unclear
    who did it or what was said; then the coach asks the user instead of
    guessing (the wording is ``infocoach.coaching.debrief``). ``unclear`` names
    the signals whose actor is unclear; empty with ``ambiguous`` means a bare
    topic ("we talked about the team"): what was said is unclear.
    """

    signals: tuple[Finding, ...] = ()
    ambiguous: bool = False
    unclear: tuple[Signal, ...] = ()

    @property
    def ids(self) -> list[str]:
        """Signal ids found, as plain strings, in :class:`Signal` order."""
        return [f.id.value for f in self.signals]
