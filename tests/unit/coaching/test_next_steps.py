"""Advice after the meeting: grounded in the article, validated, always a thank-you note."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from infocoach.coaching.debrief import debrief_reply
from infocoach.coaching.next_steps import (
    NEXT_STEPS_FILE,
    advice,
    clarifying_question,
    load_next_steps,
    next_steps,
)
from infocoach.datafile import DataFileError
from infocoach.ids import Signal
from infocoach.signals import spot


def test_shipped_next_steps_file_is_valid() -> None:
    content = load_next_steps()
    assert set(content.signals) == set(Signal)
    assert set(content.clarify.actor) == set(Signal)


def test_no_signal_closes_as_planned_with_referrals_and_thanks() -> None:
    steps = next_steps(spot("He answered my questions and we said goodbye."))
    text = " ".join(steps).lower()
    assert "normal" in text and "two or three managers at other companies" in text
    assert "thank" in steps[-1].lower()


REMINDER = "two or three managers at other companies"


@pytest.mark.parametrize(
    "report", ["She gave me two names.", "He took notes and referred me to a colleague at Acme."]
)
def test_no_reminder_to_ask_for_referrals_when_the_user_got_names(report: str) -> None:
    steps = next_steps(spot(report), report)
    assert steps[-2:] == [*advice().referrals.got_names, *advice().always]
    assert not any(REMINDER in step for step in steps)


@pytest.mark.parametrize("report", ["He didn't give me any names.", "He took notes.", ""])
def test_reminder_to_ask_for_referrals_when_the_user_did_not_say_they_got_names(
    report: str,
) -> None:
    steps = next_steps(spot(report), report)
    assert any(REMINDER in step for step in steps)


@pytest.mark.parametrize("signal", list(Signal))
def test_every_signal_gets_its_own_steps_and_the_thank_you_note(signal: Signal) -> None:
    reports = {
        Signal.BACKGROUND: "She asked about my background.",
        Signal.NOTES: "He took notes.",
        Signal.NEED: "She said her team needs someone with my skills.",
        Signal.ENTHUSIASM: "He talked enthusiastically about the company.",
    }
    steps = next_steps(spot(reports[signal]))
    assert steps[0] == advice().signals[signal].steps[0]
    assert steps[1 : 1 + len(advice().any_signal)] == advice().any_signal
    assert steps[-1] == advice().always[-1]


def test_after_a_signal_the_route_is_the_articles_end_game() -> None:
    """Note what drew their interest, say it in the thank-you note, call the
    manager once the research is done; never ask for a job meanwhile."""
    text = " ".join(advice().any_signal).lower()
    assert "thank-you note" in text and "what drew their interest" in text
    assert "list of managers to call once your research is done" in text
    assert "do not ask for a job now" in text


@pytest.mark.parametrize("signal", list(Signal))
def test_no_signal_step_asks_for_a_job_during_the_research(signal: Signal) -> None:
    text = " ".join(advice().signals[signal].steps).lower()
    assert "what drew their interest" in text
    assert not re.search(r"candidate|be considered|what it would take|follow up on it", text)


def test_notes_step_does_not_ask_what_the_manager_wrote() -> None:
    (step,) = advice().signals[Signal.NOTES].steps
    assert "what they wrote" not in step.lower() and "when they started writing" in step


def test_taken_together_only_when_two_or_more_signals() -> None:
    one = debrief_reply(spot("She asked about my background."))
    two = debrief_reply(spot("She asked about my background and took notes."))
    assert advice().taken_together not in one.text
    assert advice().taken_together in two.text


def test_thank_you_note_step_is_always_last() -> None:
    for report in ("", "They talked about the team.", "He took notes and raved about the company."):
        assert "thank" in next_steps(spot(report))[-1].lower()


def test_advice_is_gender_neutral_about_managers() -> None:
    text = NEXT_STEPS_FILE.read_text(encoding="utf-8").lower()
    assert not re.search(r"\b(he|him|his|she|her|hers)\b", text)


def test_missing_thank_you_step_is_refused_with_file_and_line(tmp_path: Path) -> None:
    broken = NEXT_STEPS_FILE.read_text(encoding="utf-8").replace("to thank them", "to greet them")
    path = tmp_path / "next_steps.yml"
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(DataFileError) as error:
        load_next_steps(path)
    first_step = broken.splitlines().index("always:") + 2
    assert f"next_steps.yml:{first_step}: always" in str(error.value)


def test_unknown_signal_is_refused_with_file_and_line(tmp_path: Path) -> None:
    broken = NEXT_STEPS_FILE.read_text(encoding="utf-8").replace("  notes:\n", "  nots:\n", 1)
    path = tmp_path / "next_steps.yml"
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(DataFileError) as error:
        load_next_steps(path)
    assert re.search(r"next_steps\.yml:\d+: signals", str(error.value))


def test_reply_quotes_evidence_and_meaning_then_numbered_steps() -> None:
    reply = debrief_reply(spot("She asked about my background and took notes."))
    assert '**The manager probed your background**: "She asked about my background".' in reply.text
    assert '"took notes"' in reply.text
    assert "**Next steps**\n1. " in reply.text


def test_ambiguous_reply_asks_instead_of_giving_steps() -> None:
    reading = spot("We took notes.")
    reply = debrief_reply(reading)
    assert reply.text == clarifying_question(reading)
    assert "Next steps" not in reply.text
