"""Walk-through actions return the exact slot events and show the right phase."""

from __future__ import annotations

from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.walkthrough import ActionShowPhase, ActionWalkthroughNext, ActionWalkthroughStart
from infocoach.coaching.walkthrough import show_phase
from infocoach.ids import Phase


def _run(action, tracker):
    dispatcher = CollectingDispatcher()
    events = action.run(dispatcher, tracker, {})
    return events, dispatcher.messages


def test_start_shows_the_fit_phase_and_sets_the_slot(tracker_factory):
    events, messages = _run(ActionWalkthroughStart(), tracker_factory())
    assert events == [SlotSet("phase", "fit")]
    assert len(messages) == 1
    assert messages[0]["text"] == show_phase(Phase.FIT).text
    assert {"title": "Check my situation", "payload": "/check_fit"} in messages[0]["buttons"]


def test_next_moves_one_phase_forward(tracker_factory):
    events, messages = _run(ActionWalkthroughNext(), tracker_factory(slots={"phase": "signals"}))
    assert events == [SlotSet("phase", "close")]
    assert messages[0]["text"].startswith("**Step 5 of 8: close the meeting**")


def test_next_without_a_walkthrough_starts_at_the_beginning(tracker_factory):
    events, _ = _run(ActionWalkthroughNext(), tracker_factory())
    assert events == [SlotSet("phase", "fit")]


def test_next_after_the_last_phase_says_it_is_finished_and_keeps_the_slot(tracker_factory):
    events, messages = _run(ActionWalkthroughNext(), tracker_factory(slots={"phase": "end_game"}))
    assert events == []
    assert "That's the whole method" in messages[0]["text"]


def test_show_phase_uses_the_entity(tracker_factory):
    tracker = tracker_factory(
        text="go to step 6", entities=[{"entity": "phase", "value": "referrals"}]
    )
    events, messages = _run(ActionShowPhase(), tracker)
    assert events == [SlotSet("phase", "referrals")]
    assert "**phone** these managers rather than write" in messages[0]["text"]


def test_show_phase_falls_back_to_the_text_when_no_entity(tracker_factory):
    events, _ = _run(ActionShowPhase(), tracker_factory(text="show me the thank-you step"))
    assert events == [SlotSet("phase", "thank_you")]


def test_show_phase_asks_which_when_it_cannot_tell(tracker_factory):
    events, messages = _run(ActionShowPhase(), tracker_factory(text="show me that one"))
    assert events == []
    assert messages[0]["text"] == "Which step would you like to see?"
    assert len(messages[0]["buttons"]) == 8
