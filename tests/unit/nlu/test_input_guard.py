"""The InputGuard's overrides of the classifier, on real Rasa messages."""

from __future__ import annotations

import pytest
from rasa.shared.nlu.training_data.message import Message

from infocoach.coaching.input_check import build_vocabulary
from infocoach.nlu.input_guard import InputGuard

VOCABULARY = frozenset({"delete", "my", "data", "erase", "foods", "delta", "hello"})


def _intent_after_guard(text: str, classified: str,
                        vocabulary: frozenset[str] = VOCABULARY) -> str:
    message = Message(data={"text": text, "intent": {"name": classified, "confidence": 0.7},
                            "intent_ranking": [{"name": classified, "confidence": 0.7}]})
    guard = InputGuard(model_storage=None, resource=None, vocabulary=vocabulary)
    [message] = guard.process([message])
    return message.get("intent")["name"]


@pytest.mark.parametrize("text", ["Delta Foods", "Delta Foods Ltd", "hello"])
def test_delete_my_data_without_a_word_of_deleting_is_not_trusted(text):
    assert _intent_after_guard(text, "delete_my_data") == "nlu_fallback"


@pytest.mark.parametrize("text", ["delete my data", "erase my data", "/delete_my_data"])
def test_a_request_to_delete_keeps_its_intent(text):
    assert _intent_after_guard(text, "delete_my_data") == "delete_my_data"


def test_other_intents_are_left_alone():
    assert _intent_after_guard("Delta Foods", "inform") == "inform"


@pytest.mark.parametrize(("text", "classified", "intent"), [
    ("saw the store manager today and she was lovely. can you write the thank you?",
     "report_meeting", "draft_thank_you"),
    ("please write the call to the referral, I always freeze", "nlu_fallback", "draft_call"),
    ("show me the section about thank-you notes", "faq", "show_phase"),
    ("hi, I'm a chef hoping to move into food science, how do I get started?", "faq",
     "introduce"),
])
def test_a_plainly_shaped_request_gets_the_intent_that_does_it(
        text: str, classified: str, intent: str) -> None:
    # Every word known, as after training on data/nlu, so only the request check can act.
    assert _intent_after_guard(text, classified, build_vocabulary([text])) == intent


def test_a_command_is_never_taken_for_a_request():
    text = "stop. draft the thank-you some other day"
    assert _intent_after_guard(text, "stop", build_vocabulary([text])) == "stop"


def test_a_request_with_an_account_glued_to_it_stays_a_request():
    # The classifier got it right; the past-tense backstory must not make it a debrief.
    text = "write a thank you for the manager, he said their team badly needs people with my skills"
    assert _intent_after_guard(text, "draft_thank_you", build_vocabulary([text])) == \
        "draft_thank_you"
