"""action_debrief: reads the report, replies with evidence and steps, sets exactly three slots."""

from __future__ import annotations

import asyncio

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.debrief import ActionDebrief
from actions.walkthrough import ActionWalkthroughNext
from infocoach.coaching.content import content
from infocoach.coaching.debrief import debrief_reply
from infocoach.coaching.next_steps import clarifying_question
from infocoach.ids import Phase
from infocoach.signals import spot

AFTER_MEETING = SlotSet("phase", "close")


def tracker(latest: str, report: str | None = None) -> Tracker:
    return Tracker(
        sender_id="test",
        slots={"debrief_report": report, "signals": None},
        latest_message={"text": latest, "intent": {"name": "report_meeting"}, "entities": []},
        events=[],
        paused=False,
        followup_action=None,
        active_loop={},
        latest_action_name="action_listen",
    )


def run(t: Tracker) -> tuple[list, list[dict]]:
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ActionDebrief().run(dispatcher, t, {}))
    return events, dispatcher.messages


def test_action_is_named_action_debrief() -> None:
    assert ActionDebrief().name() == "action_debrief"


def test_report_slot_wins_over_latest_message_and_is_cleared() -> None:
    report = "She took notes and raved about the company."
    events, messages = run(tracker("ok that's it", report=report))
    assert events == [SlotSet("signals", ["notes", "enthusiasm"]), SlotSet("debrief_report", None),
                      AFTER_MEETING]
    assert len(messages) == 1
    assert messages[0]["text"] == debrief_reply(spot(report)).text
    assert '"She took notes"' in messages[0]["text"]
    assert '"raved about the company"' in messages[0]["text"]


def test_latest_message_is_read_when_slot_is_empty() -> None:
    events, messages = run(tracker("He asked about my background."))
    assert events == [SlotSet("signals", ["background"]), SlotSet("debrief_report", None),
                      AFTER_MEETING]
    assert '"He asked about my background"' in messages[0]["text"]
    assert "**Next steps**" in messages[0]["text"]


def test_the_report_in_the_slot_decides_the_referral_steps() -> None:
    _, messages = run(tracker("that's all", report="He took notes and gave me two names."))
    assert "Call the managers they suggested" in messages[0]["text"]
    assert "two or three managers at other companies" not in messages[0]["text"]


def test_no_signal_sets_an_empty_list_and_advises_referrals() -> None:
    events, messages = run(tracker("I took notes but he didn't"))
    assert events == [SlotSet("signals", []), SlotSet("debrief_report", None),
                      AFTER_MEETING]
    assert "two or three managers at other companies" in messages[0]["text"]
    assert "thank" in messages[0]["text"].lower()


def test_ambiguous_report_gets_a_question_not_a_guess() -> None:
    events, messages = run(tracker("We took notes."))
    assert events == [SlotSet("signals", []), SlotSet("debrief_report", None),
                      AFTER_MEETING]
    assert messages[0]["text"] == clarifying_question(spot("We took notes."))
    assert messages[0]["buttons"] == []


def test_after_a_debrief_the_walkthrough_goes_on_to_calling_referrals() -> None:
    events, _ = run(tracker("She asked why I want to leave teaching."))
    slots = {e["name"]: e["value"] for e in events}
    dispatcher = CollectingDispatcher()
    following = Tracker(sender_id="test", slots=slots, latest_message={"text": "what now?"},
                        events=[], paused=False, followup_action=None, active_loop={},
                        latest_action_name="action_listen")
    assert ActionWalkthroughNext().run(dispatcher, following, {}) == [
        SlotSet("phase", "referrals")]
    assert content().phase(Phase.REFERRALS).title in dispatcher.messages[0]["text"]


def test_a_message_that_tells_of_no_meeting_leaves_the_phase_alone() -> None:
    events, _ = run(tracker("What should I wear to the meeting tomorrow?"))
    assert events == [SlotSet("debrief_report", None)]
