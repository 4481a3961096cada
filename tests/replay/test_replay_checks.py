"""Checking one turn: each expectation kind, and failures that read as a diff."""

from __future__ import annotations

import io

from infocoach.replay.connect import use_color
from infocoach.replay.reporters import (
    TextReporter,
    failure_lines,
    shown_user_text,
    to_markdown,
    write_transcripts,
)
from infocoach.replay.results import BotMessage, SessionResult, Status, TurnResult
from infocoach.replay.runner import check_turn
from infocoach.replay.session_format import Turn

STEP = BotMessage(text="**Step 1 of 8: is this method right for you?**\n\nIt suits *some* people.",
                  buttons=[{"title": "Check my situation", "payload": "/check_fit"},
                           {"title": "Next step", "payload": "/walkthrough_next"}])


def checked(state: dict | None = None, **expectations) -> TurnResult:
    """Check a reply of STEP, with ``state`` as the slots read after the turn."""
    turn = Turn(user="coach me through it", **expectations)
    result = TurnResult(number=1, line=5, user=turn.user, pressed=False, sent=turn.user,
                        messages=[STEP], checks=turn.expectation_count, slots=state,
                        known_bug=turn.known_bug)
    check_turn(turn, result)
    return result


def test_patterns_match_the_text_as_read_without_markup():
    result = checked(says=["^Step 1 of 8: is this", "It suits some people"], not_says="\\*")
    assert result.failures == []


def test_failed_says_shows_the_pattern_and_the_reply():
    result = checked(says="^Step 2 of 8")
    (failure,) = result.failures
    assert (failure.check, failure.expected) == ("says", "/^Step 2 of 8/")
    assert failure.actual.startswith("Step 1 of 8: is this method right for you?")
    lines = failure_lines(failure)
    assert lines[0] == "says: the reply does not match the pattern"
    assert lines[1] == "    expected: /^Step 2 of 8/"
    assert lines[2] == "    actual:   Step 1 of 8: is this method right for you?"


def test_not_says_quotes_what_matched():
    (failure,) = checked(not_says="(?i)method").failures
    assert failure.message == "the reply contains 'method', which it must not"


def test_buttons_compare_titles_in_order():
    assert checked(buttons=["Check my situation", "Next step"]).failures == []
    (failure,) = checked(buttons=["Next step", "Check my situation"]).failures
    assert failure.expected == "['Next step', 'Check my situation']"
    assert failure.actual == "['Check my situation', 'Next step']"
    assert len(checked(buttons=[]).failures) == 1


def test_signals_compare_as_a_set_and_unset_is_not_empty():
    both = checked({"signals": ["notes", "background"]}, signals=["background", "notes"])
    assert both.failures == []
    (wrong,) = checked({"signals": ["notes"]}, signals=["background"]).failures
    assert (wrong.expected, wrong.actual) == ("['background']", "['notes']")
    (unset,) = checked({"signals": None}, signals=[]).failures
    assert "did the debrief run?" in unset.message


def test_slots_name_the_slot_and_both_values():
    (failure,) = checked({"phase": "fit", "employment": None}, slots={"phase": "open",
                                                                       "employment": None}).failures
    assert (failure.check, failure.expected, failure.actual) == ("slots.phase", "'open'", "'fit'")
    (missing,) = checked({"phase": "fit"}, slots={"phsae": "fit"}).failures
    assert missing.message == "the bot has no slot of this name"
    assert "known: phase" in missing.actual


def test_known_bug_failures_are_reported_but_not_counted():
    turn = checked(says="^Step 2", known_bug="issue 12")
    result = SessionResult(file="s.yml", title="t", description="", sender="x", turn_count=1,
                           turns=[turn])
    assert len(turn.failures) == 1 and result.failed_checks == 0
    assert result.status is Status.PASSED
    assert "known bug, still there (not counted): issue 12" in to_markdown(result)


def test_huge_and_invisible_user_text_is_shown_safely():
    huge = TurnResult(number=1, line=1, user="a" * 20_000, pressed=False)
    assert shown_user_text(huge).endswith("… (20,000 characters in all)")
    assert len(shown_user_text(huge)) < 400
    def shown(text: str, pressed: bool = False) -> str:
        return shown_user_text(TurnResult(number=1, line=1, user=text, pressed=pressed))

    assert shown("hi\x07") == "hi\\x07"
    assert shown("").startswith("(empty message")
    assert shown("Next step", pressed=True) == "[Next step]"


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_colour_only_on_a_terminal_and_never_with_no_color(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert use_color(_Terminal()) is True
    assert use_color(io.StringIO()) is False
    monkeypatch.setenv("NO_COLOR", "1")
    assert use_color(_Terminal()) is False


def test_failed_expectation_is_highlighted_in_colour():
    out = _Terminal()
    result = checked(says="^Step 2 of 8")
    reporter = TextReporter(out, color=True, stream=True)
    rows = reporter.turn_rows(result)
    assert "\033[31;1m  ✗ turn 1 (line 5) says: the reply does not match the pattern\033[0m" in rows
    assert "coach> \033[1mStep 1 of 8: is this method right for you?\033[0m" in rows


def test_transcript_files_get_unique_names(tmp_path):
    results = [SessionResult(file=f"{folder}/walk.yml", title=folder, description="", sender="s",
                             turn_count=0) for folder in ("a", "b")]
    written = write_transcripts(results, tmp_path / "out")
    assert [p.name for p in written] == ["walk.md", "walk.json", "walk-2.md", "walk-2.json"]
    assert (tmp_path / "out" / "walk-2.md").read_text(encoding="utf-8").startswith("# b\n")
