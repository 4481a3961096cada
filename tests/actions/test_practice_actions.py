"""Practice actions: start, one role-play turn, leaving, and the scorecard, with exact events."""

from __future__ import annotations

import asyncio

from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.practice import (
    ActionAskPracticeTurn,
    ActionPracticeLeave,
    ActionPracticeScorecard,
    ActionPracticeStart,
    ValidatePracticeForm,
)
from infocoach.coaching.practice import engine
from infocoach.coaching.practice.content import practice_content
from infocoach.coaching.practice.scorecard import ScorecardView, render, score
from infocoach.coaching.practice.state import PracticeState, Stage
from infocoach.ids import Persona

DOMAIN = {
    "forms": {"practice_form": {"required_slots": ["practice_turn"]}},
    "slots": {"practice_turn": {}, "practice_state": {}, "practice_scorecard": {},
              "target_field": {}},
}


def _run(action, tracker):
    dispatcher = CollectingDispatcher()
    result = action.run(dispatcher, tracker, DOMAIN)
    events = asyncio.run(result) if asyncio.iscoroutine(result) else result
    return events, [m["text"] for m in dispatcher.messages]


def _turn(tracker_factory, state: PracticeState, text: str, **slots):
    """The tracker after the form mapped the typed text to ``practice_turn``."""
    return tracker_factory(
        slots={"practice_turn": text, "requested_slot": "practice_turn",
               "practice_state": state.to_slot(), **slots},
        text=text,
        active_loop="practice_form",
        events=[{"event": "slot", "name": "practice_turn", "value": text}],
    )


def test_start_with_seed_and_persona_payload(tracker_factory):
    tracker = tracker_factory(
        slots={"target_field": "nursing"}, text='/practice{"seed": 7, "persona": "busy"}',
        intent="practice",
        entities=[{"entity": "seed", "value": 7}, {"entity": "persona", "value": "busy"}],
    )
    events, texts = _run(ActionPracticeStart(), tracker)
    expected = engine.start(7, "nursing", Persona.BUSY_WARY)
    assert events == [SlotSet("practice_state", expected.state.to_slot())]
    assert texts == [line.render() for line in expected.lines]
    assert texts[-1].startswith("Manager: ")


def test_start_reads_the_persona_in_words_and_asks_the_field(tracker_factory):
    tracker = tracker_factory(text="practise with a keen manager", intent="practice")
    events, texts = _run(ActionPracticeStart(), tracker)
    state = PracticeState.from_slot(events[0]["value"])
    assert state.persona is Persona.INTERESTED and state.stage is Stage.ASK_FIELD
    assert texts == [practice_content().coach.ask_field]


def test_ask_action_says_nothing(tracker_factory):
    assert _run(ActionAskPracticeTurn(), tracker_factory()) == ([], [])


def test_a_turn_plays_the_manager_and_keeps_the_form_listening(tracker_factory):
    state = engine.start(3, "nursing", Persona.NEUTRAL).state
    text = "Here's my resume. What does a typical day look like?"
    events, texts = _run(ValidatePracticeForm(), _turn(tracker_factory, state, text,
                                                       target_field="nursing"))
    expected = engine.respond(state, text)
    assert events == [SlotSet("practice_turn", None),
                      SlotSet("practice_state", expected.state.to_slot())]
    assert texts == [line.render() for line in expected.lines]


def test_the_field_answer_fills_target_field(tracker_factory):
    state = engine.start(3, None, Persona.NEUTRAL).state
    events, _ = _run(ValidatePracticeForm(), _turn(tracker_factory, state, "marketing"))
    expected = engine.respond(state, "marketing").state
    assert events == [SlotSet("practice_turn", None), SlotSet("practice_state", expected.to_slot()),
                      SlotSet("target_field", "marketing")]


def test_the_last_turn_fills_the_slot_and_keeps_the_scorecard(tracker_factory):
    state = engine.start(3, "nursing", Persona.NEUTRAL).state
    state = state.copy(update={"stage": Stage.NOTICE})
    text = "The manager took notes."
    events, texts = _run(ValidatePracticeForm(), _turn(tracker_factory, state, text,
                                                       target_field="nursing"))
    expected = engine.respond(state, text)
    assert events == [SlotSet("practice_turn", text),
                      SlotSet("practice_state", expected.state.to_slot()),
                      SlotSet("practice_scorecard", expected.scorecard.to_slot())]
    assert texts == []


def test_a_turn_without_state_ends_the_form_with_a_message(tracker_factory):
    tracker = tracker_factory(
        slots={"practice_turn": "hi", "requested_slot": "practice_turn", "practice_state": "x"},
        text="hi", active_loop="practice_form",
        events=[{"event": "slot", "name": "practice_turn", "value": "hi"}],
    )
    events, texts = _run(ValidatePracticeForm(), tracker)
    assert events == [SlotSet("practice_turn", "hi")]
    assert texts == [practice_content().coach.no_practice]


def test_leave_marks_the_meeting_left(tracker_factory):
    state = engine.start(3, "nursing", Persona.NEUTRAL).state
    events, texts = _run(ActionPracticeLeave(),
                         tracker_factory(slots={"practice_state": state.to_slot()}))
    left = engine.leave(state).state
    assert events == [SlotSet("practice_state", left.to_slot()), SlotSet("practice_turn", None)]
    assert texts == [practice_content().coach.left]


def test_leave_without_practice(tracker_factory):
    assert _run(ActionPracticeLeave(), tracker_factory()) == (
        [], [practice_content().coach.no_practice])


def test_scorecard_from_state_is_kept_and_repeated_from_the_slot(tracker_factory):
    state = engine.respond(engine.start(3, "nursing", Persona.NEUTRAL).state,
                           "Here is my resume.").state
    card = score(state)
    events, texts = _run(ActionPracticeScorecard(),
                         tracker_factory(slots={"practice_state": state.to_slot()}))
    assert events == [SlotSet("practice_scorecard", card.to_slot())]
    assert texts == [render(card)]
    events, again = _run(ActionPracticeScorecard(),
                         tracker_factory(slots={"practice_scorecard": card.to_slot()}))
    assert again == texts and events == [SlotSet("practice_scorecard", card.to_slot())]


def test_scorecard_carries_its_items_for_the_widget_and_slack(tracker_factory):
    state = engine.respond(engine.start(3, "nursing", Persona.NEUTRAL).state,
                           "Here is my resume.").state
    dispatcher = CollectingDispatcher()
    ActionPracticeScorecard().run(
        dispatcher, tracker_factory(slots={"practice_state": state.to_slot()}), DOMAIN)
    [message] = dispatcher.messages
    worded = ScorecardView.parse_obj(message["custom"]["scorecard"])
    assert worded.text() == message["text"] == render(score(state))
    resume, situation = worded.steps[:2]
    assert (resume.done, resume.mark, resume.evidence) == (
        True, "Done", 'you said "Here is my resume."')
    assert (situation.done, situation.mark, situation.evidence) == (False, "Missed", None)


def test_scorecard_without_practice(tracker_factory):
    assert _run(ActionPracticeScorecard(), tracker_factory()) == (
        [], [practice_content().coach.no_practice])
