"""The NgramBlend component on real Rasa messages: trained, saved, loaded, blended."""

from __future__ import annotations

from pathlib import Path

import pytest
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from infocoach.nlu.ngram_blend import NgramBlend

EXAMPLES = {
    "greet": ["hello there", "hi coach", "good morning"],
    "faq/what_to_bring": ["what should I bring to the meeting", "do I need a copy of my resume"],
    "faq/thank_you": ["how do I thank the manager afterwards", "should I send a thank-you note"],
    "report_meeting": ["I met the manager yesterday", "the meeting went well today"],
}
RESPONSES = {
    "utter_faq/what_to_bring": [{"text": "Bring a copy of your resume."}],
    "utter_faq/thank_you": [{"text": "Send a short note of thanks."}],
}


def _training_data() -> TrainingData:
    messages = []
    for label, texts in EXAMPLES.items():
        intent, _, topic = label.partition("/")
        for text in texts:
            data = {"text": text, "intent": intent}
            if topic:
                data["intent_response_key"] = label
            messages.append(Message(data=data))
    return TrainingData(training_examples=messages, responses=RESPONSES)


@pytest.fixture(scope="module")
def blender(tmp_path_factory) -> NgramBlend:
    """Trained, persisted and loaded back, as a Rasa model is."""
    storage = LocalModelStorage(Path(tmp_path_factory.mktemp("storage")))
    resource = Resource("ngram_blend")
    trained = NgramBlend.create({"diet_weight": 0.2, "selector_weight": 0.3}, storage, resource,
                                None)
    trained.train(_training_data())
    return NgramBlend.load({"diet_weight": 0.2, "selector_weight": 0.3}, storage, resource, None)


def _parsed(text: str, intent: str, topic: str) -> Message:
    """A message as DIET and the ResponseSelector leave it: both sure, and wrong."""
    return Message(data={
        "text": text,
        "intent": {"name": intent, "confidence": 0.9},
        "intent_ranking": [{"name": intent, "confidence": 0.9},
                           {"name": "faq", "confidence": 0.1}],
        "response_selector": {"faq": {
            "response": {"responses": RESPONSES[f"utter_faq/{topic}"], "confidence": 0.9,
                         "intent_response_key": f"faq/{topic}",
                         "utter_action": f"utter_faq/{topic}"},
            "ranking": [{"id": 1, "confidence": 0.9, "intent_response_key": f"faq/{topic}"}],
        }},
    })


def test_the_blend_can_overrule_a_sure_but_wrong_intent_and_topic(blender):
    [message] = blender.process([_parsed("should I send the manager a thank-you note", "greet",
                                         "what_to_bring")])
    assert message.get("intent")["name"] == "faq"
    assert message.get("intent_ranking")[0] == message.get("intent")
    selected = message.get("response_selector")["faq"]
    # The answer itself is swapped, not only its label: the retrieval action utters it.
    assert selected["response"]["intent_response_key"] == "faq/thank_you"
    assert selected["response"]["utter_action"] == "utter_faq/thank_you"
    assert selected["response"]["responses"] == RESPONSES["utter_faq/thank_you"]
    assert selected["ranking"][0]["intent_response_key"] == "faq/thank_you"


def test_confidences_stay_a_distribution(blender):
    [message] = blender.process([_parsed("good morning coach", "report_meeting", "thank_you")])
    ranking = message.get("intent_ranking")
    assert message.get("intent")["name"] == "greet"
    assert sum(r["confidence"] for r in ranking) == pytest.approx(1.0)
    assert [r["confidence"] for r in ranking] == sorted(
        (r["confidence"] for r in ranking), reverse=True)


@pytest.mark.parametrize("text", ["/greet", "", "   "])
def test_payloads_and_empty_text_are_left_as_they_are(blender, text):
    message = _parsed(text, "report_meeting", "thank_you")
    before = dict(message.data)
    blender.process([message])
    assert message.data == before
