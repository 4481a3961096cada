"""The fit form: prompts with buttons, validation of free text, the verdict."""

from __future__ import annotations

import asyncio

from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.fit import ActionAskCareerStage, ActionAskEmployment, ActionAssessFit, ValidateFitForm
from infocoach.coaching import answers

DOMAIN = {
    "forms": {"fit_form": {"required_slots": ["career_stage", "employment"]}},
    "slots": {"career_stage": {}, "employment": {}},
}


def _typed(tracker_factory, slot: str, text: str):
    """The tracker after the form mapped the typed text to ``slot``."""
    return tracker_factory(
        slots={slot: text, "requested_slot": slot},
        text=text,
        active_loop="fit_form",
        events=[{"event": "slot", "name": slot, "value": text}],
    )


def _validate(tracker):
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ValidateFitForm().run(dispatcher, tracker, DOMAIN))
    return events, dispatcher.messages


def test_career_stage_prompt_offers_every_stage(tracker_factory):
    dispatcher = CollectingDispatcher()
    assert ActionAskCareerStage().run(dispatcher, tracker_factory(), {}) == []
    payloads = [b["payload"] for b in dispatcher.messages[0]["buttons"]]
    assert '/inform{"career_stage": "career_changer"}' in payloads and len(payloads) == 6


def test_employment_prompt_offers_three_answers(tracker_factory):
    dispatcher = CollectingDispatcher()
    ActionAskEmployment().run(dispatcher, tracker_factory(), {})
    assert [b["title"] for b in dispatcher.messages[0]["buttons"]] == [
        "Employed",
        "Not working right now",
        "Rather not say",
    ]


def test_free_text_stage_is_normalised(tracker_factory):
    events, messages = _validate(
        _typed(tracker_factory, "career_stage", "I'm switching careers into nursing")
    )
    assert SlotSet("career_stage", "career_changer") in events
    assert messages == []


def test_unclear_stage_is_rejected_with_a_message(tracker_factory):
    events, messages = _validate(_typed(tracker_factory, "career_stage", "purple"))
    assert SlotSet("career_stage", None) in events
    assert "couldn't tell" in messages[0]["text"]


def test_a_question_inside_the_form_is_answered_and_the_slot_stays_empty(tracker_factory):
    text = "who is this method for?"
    tracker = tracker_factory(
        slots={"career_stage": text, "requested_slot": "career_stage"},
        text=text,
        intent="faq",
        response_selector={"faq": {"response": {"intent_response_key": "faq/who_should_use"}}},
        active_loop="fit_form",
        events=[{"event": "slot", "name": "career_stage", "value": text}],
    )
    events, messages = _validate(tracker)
    assert SlotSet("career_stage", None) in events
    assert [m["text"] for m in messages] == [answers.answer("faq/who_should_use").text]


def test_an_answer_nlu_took_for_a_question_still_counts(tracker_factory):
    events, messages = _validate(_typed(tracker_factory, "employment", "I have a job"))
    assert SlotSet("employment", "employed") in events
    assert messages == []


def test_free_text_employment_is_normalised(tracker_factory):
    events, _ = _validate(_typed(tracker_factory, "employment", "I got laid off in May"))
    assert SlotSet("employment", "unemployed") in events


def test_verdict_for_an_unemployed_career_changer(tracker_factory):
    dispatcher = CollectingDispatcher()
    tracker = tracker_factory(slots={"career_stage": "career_changer", "employment": "unemployed"})
    assert ActionAssessFit().run(dispatcher, tracker, {}) == []
    text = dispatcher.messages[0]["text"]
    assert text.startswith("**Yes") and "more of that suspicion" in text
    assert dispatcher.messages[0]["buttons"] == []


def test_verdict_inside_the_walkthrough_offers_to_continue(tracker_factory):
    dispatcher = CollectingDispatcher()
    tracker = tracker_factory(
        slots={"career_stage": "senior_same_field", "employment": "employed", "phase": "fit"}
    )
    ActionAssessFit().run(dispatcher, tracker, {})
    assert dispatcher.messages[0]["text"].startswith("**Probably not")
    assert dispatcher.messages[0]["buttons"] == [
        {"title": "Continue the walk-through", "payload": "/walkthrough_next"}
    ]
