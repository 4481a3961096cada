"""Drafting actions fill drafts from slots and clear the per-meeting slots."""

from __future__ import annotations

from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.drafts import (
    ActionDraftCall,
    ActionDraftInterviewRequest,
    ActionDraftThankYou,
    ActionSuggestQuestions,
)


def _run(action, tracker):
    dispatcher = CollectingDispatcher()
    events = action.run(dispatcher, tracker, {})
    assert len(dispatcher.messages) == 1
    return events, dispatcher.messages[0]["text"]


def test_call_script_uses_the_slots_and_clears_them(tracker_factory):
    tracker = tracker_factory(
        slots={"referrer": "Sam Ortiz", "contact": "Dana Lee", "contact_company": "Acme"}
    )
    events, text = _run(ActionDraftCall(), tracker)
    assert "Sam Ortiz suggested" in text and "Hello Dana Lee" in text and "Acme" in text
    assert events == [
        SlotSet("referrer", None),
        SlotSet("contact", None),
        SlotSet("contact_company", None),
    ]


def test_thank_you_note_uses_the_slots_and_clears_them(tracker_factory):
    tracker = tracker_factory(
        slots={"manager_name": "Ms. Rivera", "company": "Northwind", "meeting_topic": "skip"}
    )
    events, text = _run(ActionDraftThankYou(), tracker)
    assert "Dear Ms. Rivera" in text and "Northwind" in text and "about the field" in text
    assert events == [
        SlotSet("manager_name", None),
        SlotSet("company", None),
        SlotSet("meeting_topic", None),
    ]


def test_interview_request_uses_the_slots_and_clears_them(tracker_factory):
    tracker = tracker_factory(slots={"manager_name": "Alex", "position": "a UX researcher"})
    events, text = _run(ActionDraftInterviewRequest(), tracker)
    assert "Hello Alex" in text and "a UX researcher" in text
    assert events == [SlotSet("manager_name", None), SlotSet("position", None)]


def test_questions_keep_the_target_field(tracker_factory):
    events, text = _run(
        ActionSuggestQuestions(), tracker_factory(slots={"target_field": "data analysis"})
    )
    assert "**data analysis**" in text
    assert events == []
