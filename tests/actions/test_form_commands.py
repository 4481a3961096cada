"""Commands typed while a form waits for a free-text answer are never stored as the answer.

Rasa fills a form's slots in its own ``action_extract_slots``, from the mappings in
domain.yml, before the form or infocoach's validation runs: a free-text slot takes the whole
message unless its intent is in the mapping's ``not_intent``. "delete my data" was once
stored as the referrer's name. These tests run Rasa's real extraction on domain.yml for
every free-text slot of every form, then infocoach's validation for the phrasings NLU misses.
"""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from rasa.core.actions.action import ActionExtractSlots
from rasa.core.channels.channel import CollectingOutputChannel
from rasa.core.nlg import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    ActionExecutionRejected,
    ActiveLoop,
    Event,
    SlotSet,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker
from rasa_sdk.events import SlotSet as SdkSlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.forms import (
    ValidateCallForm,
    ValidateInterviewForm,
    ValidateQuestionsForm,
    ValidateThankYouForm,
)
from infocoach.coaching.understanding import understanding
from tests.conftest import ROOT, make_tracker

DOMAIN = Domain.load(ROOT / "domain.yml")
# Typed in a form, each of these is handled by a rule (data/rules), never kept as an answer.
COMMANDS = {"delete_my_data": "delete my data", "stop": "stop", "start_over": "start over"}
ASK_DELETE = "utter_ask_delete_my_data"


def _free_text_slots() -> list[tuple[str, str]]:
    mappings = {slot.name: slot.mappings for slot in DOMAIN.slots}
    return [
        (form, slot)
        for form, spec in DOMAIN.forms.items()
        for slot in spec["required_slots"]
        if any(m["type"] == "from_text" for m in mappings[slot])
    ]


FREE_TEXT = _free_text_slots()


def _form_waiting(form: str, slot: str) -> list[Event]:
    return [ActionExecuted("action_listen"), ActiveLoop(form), SlotSet("requested_slot", slot),
            ActionExecuted(form), ActionExecuted("action_listen")]


def _said(text: str, intent: str) -> UserUttered:
    return UserUttered(text, intent={"name": intent, "confidence": 0.98})


def _extracted(events: list[Event]) -> dict[str, Any]:
    tracker = DialogueStateTracker.from_events("someone", events, DOMAIN.slots)
    found = asyncio.run(ActionExtractSlots(None).run(
        CollectingOutputChannel(), TemplatedNaturalLanguageGenerator(DOMAIN.responses),
        tracker, DOMAIN))
    return {e.key: e.value for e in found if isinstance(e, SlotSet)}


def test_every_form_has_free_text_slots_to_check() -> None:
    assert {form for form, _ in FREE_TEXT} == set(DOMAIN.forms)


@pytest.mark.parametrize(("form", "slot"), FREE_TEXT)
def test_a_plain_answer_fills_the_slot(form: str, slot: str) -> None:
    events = [*_form_waiting(form, slot), _said("Dana Lee", "inform")]
    assert _extracted(events).get(slot) == "Dana Lee"


@pytest.mark.parametrize("intent", COMMANDS)
@pytest.mark.parametrize(("form", "slot"), FREE_TEXT)
def test_a_command_typed_while_a_form_asks_is_not_the_answer(
        form: str, slot: str, intent: str) -> None:
    events = [*_form_waiting(form, slot), _said(COMMANDS[intent], intent)]
    assert slot not in _extracted(events)


@pytest.mark.parametrize(("answer", "intent"), [("no", "deny"), ("yes", "affirm")])
@pytest.mark.parametrize(("form", "slot"), FREE_TEXT)
def test_the_reply_to_the_delete_question_asked_inside_a_form_is_not_the_answer(
        form: str, slot: str, answer: str, intent: str) -> None:
    # What Rasa logs when "delete my data" comes in: the form finds nothing to take and is
    # rejected, and the rule asks. The form stays active, so the next message is checked too.
    events = [*_form_waiting(form, slot), _said("delete my data", "delete_my_data"),
              ActionExecutionRejected(form), ActionExecuted(ASK_DELETE),
              ActionExecuted("action_listen"), _said(answer, intent)]
    assert slot not in _extracted(events)


def _validate(action: Any, form: str, slot: str, text: str,
              intent: str = "nlu_fallback") -> tuple[list, list[dict]]:
    tracker = make_tracker(slots={slot: text, "requested_slot": slot}, text=text,
                           intent=intent, active_loop=form,
                           events=[{"event": "slot", "name": slot, "value": text}])
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, tracker, {"forms": {
        form: {"required_slots": list(action.SLOTS)}}, "slots": {s: {} for s in action.SLOTS}}))
    return events, dispatcher.messages


@pytest.mark.parametrize(("action", "form", "slot", "text"), [
    (ValidateCallForm(), "call_form", "referrer", "please wipe my data"),
    (ValidateThankYouForm(), "thank_you_form", "company", "forget me"),
    (ValidateThankYouForm(), "thank_you_form", "meeting_topic", "erase everything you know"),
])
def test_a_delete_request_nlu_missed_is_not_stored_and_the_command_is_named(
        action: Any, form: str, slot: str, text: str) -> None:
    events, messages = _validate(action, form, slot, text)
    assert SdkSlotSet(slot, None) in events
    assert SdkSlotSet(slot, text) not in events
    assert [m["text"] for m in messages] == [understanding().free_text.delete_request]


# The forms whose answers are a name, a company, a field, a position or a topic.
VALIDATORS = {"questions_form": ValidateQuestionsForm, "call_form": ValidateCallForm,
              "thank_you_form": ValidateThankYouForm, "interview_form": ValidateInterviewForm}
NAMED = [(form, slot) for form, slot in FREE_TEXT if form in VALIDATORS]
SMALL_TALK = [("thanks", "thank"), ("hello", "greet"), ("ok", "affirm"), ("bye", "goodbye"),
              ("Thank you so much!", "thank"), ("hi there", "greet"), ("okay", "affirm"),
              ("ok bye for now", "goodbye")]


def test_every_validated_form_is_checked_for_small_talk() -> None:
    assert {form for form, _ in NAMED} == set(VALIDATORS)


@pytest.mark.parametrize(("text", "intent"), SMALL_TALK)
@pytest.mark.parametrize(("form", "slot"), NAMED)
def test_small_talk_typed_while_a_form_asks_is_not_kept(
        form: str, slot: str, text: str, intent: str) -> None:
    # Rasa's extraction takes the whole message whatever its intent; validation must refuse it.
    value = _extracted([*_form_waiting(form, slot), _said(text, intent)]).get(slot)
    assert value == text
    events, messages = _validate(VALIDATORS[form](), form, slot, value, intent=intent)
    assert SdkSlotSet(slot, None) in events
    assert SdkSlotSet(slot, text) not in events
    words = understanding().free_text
    assert [m["text"] for m in messages] == [words.small_talk, words.expected[slot]]


@pytest.mark.parametrize(("form", "slot"), NAMED)
def test_a_name_that_shares_a_word_with_small_talk_is_kept(form: str, slot: str) -> None:
    text = "Good Morning Bakery"
    value = _extracted([*_form_waiting(form, slot), _said(text, "inform")]).get(slot)
    events, messages = _validate(VALIDATORS[form](), form, slot, value, intent="inform")
    assert SdkSlotSet(slot, text) in events
    assert messages == []
