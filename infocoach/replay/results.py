"""What a replay produced: transcripts with the checks that failed, JSON-ready.

Reporters (terminal, JSON, JUnit, Markdown) all render these; none of them
talks to a server.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import Enum

from infocoach.terminal.render import to_terminal


class Status(str, Enum):
    PASSED = "passed"
    FAILED = "failed"
    # The session could not be completed: server lost, quick reply missing.
    ERROR = "error"


@dataclass
class Failure:
    """One expectation that did not hold, with both sides for a readable diff."""

    check: str  # says, not_says, buttons, signals, slots.<name>, button
    message: str
    expected: str
    actual: str


@dataclass
class BotMessage:
    text: str = ""
    buttons: list[dict[str, str]] = field(default_factory=list)

    @property
    def plain(self) -> str:
        """The text as the user reads it: markup removed."""
        return to_terminal(self.text, color=False)


@dataclass
class TurnResult:
    number: int
    line: int | None
    # What the author wrote: the typed text, or the pressed quick reply's title.
    user: str
    pressed: bool
    sent: str | None = None
    messages: list[BotMessage] = field(default_factory=list)
    checks: int = 0
    failures: list[Failure] = field(default_factory=list)
    slots: dict[str, object] | None = None
    known_bug: str | None = None

    @property
    def counted_failures(self) -> list[Failure]:
        """Failures that fail the run: a known bug's are reported but not counted."""
        return [] if self.known_bug else self.failures

    @property
    def reply(self) -> str:
        """Every message of the reply as the user reads it, one blank line apart."""
        return "\n\n".join(m.plain for m in self.messages if m.text)

    @property
    def button_titles(self) -> list[str]:
        return [b.get("title", "") for m in self.messages for b in m.buttons]


@dataclass
class SessionResult:
    file: str
    title: str
    description: str
    sender: str
    turn_count: int
    turns: list[TurnResult] = field(default_factory=list)
    error: str | None = None
    seconds: float = 0.0

    @property
    def checks(self) -> int:
        return sum(t.checks for t in self.turns)

    @property
    def failed_checks(self) -> int:
        return sum(len(t.counted_failures) for t in self.turns)

    @property
    def known_bugs(self) -> list[TurnResult]:
        return [t for t in self.turns if t.known_bug]

    @property
    def status(self) -> Status:
        if self.error:
            return Status.ERROR
        return Status.FAILED if self.failed_checks else Status.PASSED

    def to_dict(self) -> dict[str, object]:
        data = asdict(self)
        data.update(status=self.status.value, checks=self.checks, failed_checks=self.failed_checks)
        for turn, raw in zip(self.turns, data["turns"], strict=True):
            raw["reply"] = turn.reply
        return data


@dataclass(frozen=True)
class Totals:
    sessions: int
    passed: int
    failed: int
    errors: int
    checks: int
    failed_checks: int
    seconds: float

    @classmethod
    def of(cls, results: list[SessionResult], seconds: float) -> Totals:
        count = {s: sum(r.status is s for r in results) for s in Status}
        return cls(sessions=len(results), passed=count[Status.PASSED], failed=count[Status.FAILED],
                   errors=count[Status.ERROR], checks=sum(r.checks for r in results),
                   failed_checks=sum(r.failed_checks for r in results), seconds=seconds)

    @property
    def ok(self) -> bool:
        return self.failed == 0 and self.errors == 0

    def line(self) -> str:
        return (f"{self.sessions} session{'s' * (self.sessions != 1)}: {self.passed} passed, "
                f"{self.failed} failed, {self.errors} error{'s' * (self.errors != 1)}; "
                f"{self.checks} checks, {self.failed_checks} failed ({self.seconds:.1f}s)")
