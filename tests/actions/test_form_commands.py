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

from actions.forms import ValidateCallForm, ValidateThankYouForm
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


def _validate(action: Any, form: str, slot: str, text: str) -> tuple[list, list[dict]]:
    tracker = make_tracker(slots={slot: text, "requested_slot": slot}, text=text,
                           intent="nlu_fallback", active_loop=form,
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
