"""The InputGuard's overrides of the classifier, on real Rasa messages."""

from __future__ import annotations

import pytest
from rasa.shared.nlu.training_data.message import Message

from infocoach.nlu.input_guard import InputGuard

VOCABULARY = frozenset({"delete", "my", "data", "erase", "foods", "delta", "hello"})


def _intent_after_guard(text: str, classified: str) -> str:
    message = Message(data={"text": text, "intent": {"name": classified, "confidence": 0.7},
                            "intent_ranking": [{"name": classified, "confidence": 0.7}]})
    guard = InputGuard(model_storage=None, resource=None, vocabulary=VOCABULARY)
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
