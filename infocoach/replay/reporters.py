"""Render replay results: the live terminal transcript, JSON, JUnit XML and Markdown.

The terminal transcript streams turn by turn when sessions run one at a time;
with ``--jobs`` each session is printed whole when it ends, so transcripts
never interleave.
"""

from __future__ import annotations

import io
import json
import re
import threading
import xml.etree.ElementTree as ET
from datetime import datetime, timezone
from pathlib import Path
from typing import TextIO

from infocoach.replay.loader import SessionFile
from infocoach.replay.results import Failure, SessionResult, Status, Totals, TurnResult
from infocoach.terminal.render import to_terminal

SHOWN_USER_CHARS = 300
SHOWN_ACTUAL_LINES = 12
_STYLES = {"pass": "32", "fail": "31;1", "error": "33;1", "dim": "2", "bold": "1"}
_MARKS = {Status.PASSED: "PASS", Status.FAILED: "FAIL", Status.ERROR: "ERROR"}
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def shown_user_text(turn: TurnResult) -> str:
    """What the user typed, abridged when huge, so a 20,000-character paste stays readable."""
    if turn.pressed:
        return f"[{turn.user}]"
    if not turn.user.strip():
        return f"(empty message: {turn.user!r})"
    # Control characters would act on the terminal (a bell, a cleared line): show them escaped.
    one_line = _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", turn.user.replace("\n", " ⏎ "))
    if len(one_line) <= SHOWN_USER_CHARS:
        return one_line
    return f"{one_line[:SHOWN_USER_CHARS]}… ({len(turn.user):,} characters in all)"


def _abridged(text: str, lines: int = SHOWN_ACTUAL_LINES) -> list[str]:
    rows = text.splitlines() or [""]
    if len(rows) > lines:
        rows = [*rows[:lines], f"… ({len(rows) - lines} more lines)"]
    return rows


def failure_lines(failure: Failure) -> list[str]:
    """A failure as a small diff: what was expected, what the bot did."""
    actual = _abridged(failure.actual)
    return [f"{failure.check}: {failure.message}",
            f"    expected: {failure.expected}",
            f"    actual:   {actual[0]}",
            *(f"              {row}" for row in actual[1:])]


def where(result: SessionResult, turn: TurnResult) -> str:
    return f"{result.file}:{turn.line}" if turn.line else result.file


def known_bug_note(turn: TurnResult) -> str:
    """How a known-bug turn went: still failing (not counted), or apparently fixed."""
    if turn.failures:
        return f"known bug, still there (not counted): {turn.known_bug}"
    return f"known bug seems fixed, remove `known_bug` from the turn: {turn.known_bug}"


class TextReporter:
    """The human transcript: user and bot turns, failed expectations highlighted."""

    def __init__(self, out: TextIO, color: bool, stream: bool, transcript: bool = True) -> None:
        self.out = out
        self.color = color
        self.stream = stream
        self.transcript = transcript
        self._lock = threading.Lock()
        self._buffers: dict[Path, io.StringIO] = {}

    def _style(self, text: str, style: str) -> str:
        return f"\033[{_STYLES[style]}m{text}\033[0m" if self.color else text

    def _write(self, source: SessionFile, text: str) -> None:
        if self.stream:
            with self._lock:
                print(text, file=self.out, flush=True)
        else:
            self._buffers.setdefault(source.path, io.StringIO()).write(text + "\n")

    def on_start(self, source: SessionFile) -> None:
        if self.transcript:
            self._write(source, self._style(f"── {source.path}: {source.session.title}", "bold"))

    def on_turn(self, source: SessionFile, turn: TurnResult) -> None:
        if self.transcript:
            self._write(source, "\n".join(self.turn_rows(turn)))

    def turn_rows(self, turn: TurnResult) -> list[str]:
        rows = [f"  you> {shown_user_text(turn)}"]
        for message in turn.messages:
            if message.text:
                first, *rest = to_terminal(message.text, self.color).split("\n")
                rows.append(f"coach> {first}")
                rows.extend(f"       {line}" if line else "" for line in rest)
            if message.buttons:
                titles = "  ".join(f"[{b.get('title', '')}]" for b in message.buttons)
                rows.append(self._style(f"       {titles}", "dim"))
        if not turn.messages:
            rows.append(self._style("coach> (no reply)", "dim"))
        rows.extend(self._failures(turn))
        return rows

    def _failures(self, turn: TurnResult) -> list[str]:
        rows = []
        mark, style = ("~", "error") if turn.known_bug else ("✗", "fail")
        if turn.known_bug and turn.sent is not None:
            rows.append(self._style(f"  {mark} turn {turn.number} {known_bug_note(turn)}", style))
        for failure in turn.failures:
            first, *rest = failure_lines(failure)
            heading = f"  {mark} turn {turn.number} (line {turn.line}) {first}"
            rows.append(self._style(heading, style))
            rows.extend(f"    {row}" for row in rest)
        return rows

    def on_done(self, source: SessionFile, result: SessionResult) -> None:
        rows = []
        if self.transcript and result.turns and result.turns[-1].sent is None:
            rows.extend(self._failures(result.turns[-1]))  # a quick reply that was not offered
        if result.error:
            rows.append(self._style(f"  ! {result.error}", "error"))
        rows.append(self.summary(result))
        if self.transcript:
            rows.append("")
        self._write(source, "\n".join(rows))
        if not self.stream:
            with self._lock:
                buffer = self._buffers.pop(source.path, io.StringIO())
                print(buffer.getvalue(), end="", file=self.out, flush=True)

    def summary(self, result: SessionResult) -> str:
        style = {Status.PASSED: "pass", Status.FAILED: "fail", Status.ERROR: "error"}[result.status]
        played = len([t for t in result.turns if t.sent is not None])
        turns = (f"{played} turns" if played == result.turn_count
                 else f"{played} of {result.turn_count} turns")
        return (f"{self._style(_MARKS[result.status].ljust(5), style)} {result.file}  {turns}, "
                f"{result.checks} checks, {result.failed_checks} failed ({result.seconds:.1f}s)")

    def finish(self, results: list[SessionResult], totals: Totals) -> None:
        failed = [(r, t, f) for r in results for t in r.turns for f in t.counted_failures]
        broken = [r for r in results if r.error]
        for result in results:
            for turn in result.known_bugs:
                if turn.sent is not None:
                    print(self._style(f"Note: {where(result, turn)}: turn {turn.number} "
                                      f"{known_bug_note(turn)}", "error"), file=self.out)
        if failed or broken:
            print(self._style("Failures:", "bold"), file=self.out)
            for result, turn, failure in failed:
                detail = f"expected {failure.expected}"
                if failure.check not in ("says", "not_says"):
                    detail += f", got {failure.actual}"
                print(f"  {where(result, turn)}: turn {turn.number} {failure.check}: "
                      f"{failure.message} ({detail})", file=self.out)
            for result in broken:
                print(f"  {result.file}: {result.error}", file=self.out)
        style = "pass" if totals.ok else "fail"
        print(self._style(f"Total: {totals.line()}", style), file=self.out, flush=True)


def to_json(results: list[SessionResult], totals: Totals) -> str:
    payload = {"ok": totals.ok, "totals": {k: v for k, v in vars(totals).items()},
               "sessions": [r.to_dict() for r in results]}
    return json.dumps(payload, indent=2, ensure_ascii=False)


def _xml_text(text: str) -> str:
    return _XML_ILLEGAL.sub("", text)


def plain_transcript(result: SessionResult) -> str:
    """The transcript without colour, for JUnit's system-out."""
    reporter = TextReporter(io.StringIO(), color=False, stream=True)
    return "\n".join(row for turn in result.turns for row in reporter.turn_rows(turn)) + "\n"


def to_junit(results: list[SessionResult], totals: Totals) -> str:
    """JUnit XML: one test case per session, its failed expectations in the failure body."""
    suites = ET.Element("testsuites", name="infocoach replay", tests=str(totals.sessions),
                        failures=str(totals.failed), errors=str(totals.errors),
                        time=f"{totals.seconds:.3f}")
    suite = ET.SubElement(suites, "testsuite", name="infocoach replay",
                          tests=str(totals.sessions), failures=str(totals.failed),
                          errors=str(totals.errors), skipped="0", time=f"{totals.seconds:.3f}",
                          timestamp=datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S"))
    for result in results:
        case = ET.SubElement(suite, "testcase", classname="replay." + Path(result.file).stem,
                             name=result.title, file=result.file, time=f"{result.seconds:.3f}")
        failures = [(t, f) for t in result.turns for f in t.counted_failures]
        if failures:
            first_turn, first = failures[0]
            node = ET.SubElement(case, "failure", type=first.check, message=_xml_text(
                f"turn {first_turn.number} {first.check}: {first.message}"
                + (f" (and {len(failures) - 1} more)" if len(failures) > 1 else "")))
            node.text = _xml_text("\n\n".join(
                f"{where(result, turn)}: turn {turn.number} " + "\n".join(failure_lines(f))
                for turn, f in failures))
        if result.error:
            ET.SubElement(case, "error", type="ReplayError", message=_xml_text(result.error))
        notes = "".join(f"{where(result, t)}: turn {t.number} {known_bug_note(t)}\n"
                        for t in result.known_bugs if t.sent is not None)
        ET.SubElement(case, "system-out").text = _xml_text(notes + plain_transcript(result))
    ET.indent(suites)
    return ET.tostring(suites, encoding="unicode", xml_declaration=True) + "\n"


def to_markdown(result: SessionResult) -> str:
    """One session as a Markdown transcript, to share or keep next to a run's log."""
    status = result.status.value
    rows = [f"# {result.title}", ""]
    if result.description:
        rows += [result.description, ""]
    rows += [f"- File: `{result.file}`", f"- Conversation id: `{result.sender}`",
             f"- Result: **{status}**: {result.checks} checks, {result.failed_checks} failed, "
             f"{result.seconds:.1f}s"]
    if result.error:
        rows.append(f"- Error: {result.error}")
    for turn in result.turns:
        rows += ["", f"## Turn {turn.number} (line {turn.line})", ""]
        said = f"presses **{turn.user}**" if turn.pressed else shown_user_text(turn)
        rows += [f"**You:** {said}", ""]
        for message in turn.messages:
            if message.text:
                rows += [f"> {line}".rstrip() for line in message.text.splitlines()]
                rows.append(">")
            if message.buttons:
                rows.append("> Quick replies: " + " · ".join(
                    f"`{b.get('title', '')}`" for b in message.buttons))
                rows.append(">")
        if rows[-1] == ">":
            rows.pop()
        if turn.known_bug:
            rows += ["", f"- ⚠️ {known_bug_note(turn)}"]
        if turn.failures:
            rows.append("")
            for failure in turn.failures:
                actual = failure.actual.replace("\n", " ")
                rows.append(f"- ❌ **{failure.check}**: {failure.message}; expected "
                            f"`{failure.expected}`, got: {actual}")
        elif turn.checks and turn.sent is not None:
            rows += ["", f"- ✅ {turn.checks} check{'s' * (turn.checks != 1)} held"]
    return "\n".join(rows) + "\n"


def write_transcripts(results: list[SessionResult], directory: Path) -> list[Path]:
    """One Markdown and one JSON transcript per session; names stay unique."""
    directory.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    used: set[str] = set()
    for result in results:
        stem = base = Path(result.file).stem
        count = 1
        while stem in used:
            count += 1
            stem = f"{base}-{count}"
        used.add(stem)
        markdown, data = directory / f"{stem}.md", directory / f"{stem}.json"
        markdown.write_text(to_markdown(result), encoding="utf-8")
        data.write_text(json.dumps(result.to_dict(), indent=2, ensure_ascii=False) + "\n",
                        encoding="utf-8")
        written += [markdown, data]
    return written
