"""Rasa adapter for :mod:`infocoach.nlu.ngram_model`: a blend into DIET's and the selector's.

Placed after the ResponseSelector and before the FallbackClassifier, so the
fallback and the "Did you mean" choices see the blended ranking. The intent
ranking becomes ``diet_weight`` x DIET + the rest x the n-gram model; the FAQ
topic ranking ``selector_weight`` x ResponseSelector + the rest x the model's
topics. When the blend picks another topic than the ResponseSelector did, the
selected response is swapped for that topic's own, taken from the same
training data, so the retrieval action answers the topic the blend chose.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import joblib
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.nlu.constants import (
    RESPONSE_SELECTOR_PREDICTION_KEY,
    RESPONSE_SELECTOR_PROPERTY_NAME,
    RESPONSE_SELECTOR_RANKING_KEY,
    RESPONSE_SELECTOR_RESPONSES_KEY,
    RESPONSE_SELECTOR_UTTER_ACTION_KEY,
)
from rasa.shared.nlu.constants import (
    INTENT,
    INTENT_RANKING_KEY,
    INTENT_RESPONSE_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from infocoach.nlu.ngram_model import (
    RETRIEVAL_INTENT,
    TOPIC_PREFIX,
    NgramModel,
    Opinion,
    blend,
)

_MODEL_FILE = "ngram_model.joblib"
_RESPONSES_FILE = "responses.json"
_RANKING_LENGTH = 10
_UTTER_PREFIX = f"utter_{RETRIEVAL_INTENT}/"


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class NgramBlend(GraphComponent, IntentClassifier):
    """Mixes an n-gram logistic regression into the intent and FAQ-topic rankings."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {"diet_weight": 0.2, "selector_weight": 0.3, "strength": 30.0}

    @classmethod
    def required_components(cls) -> list[type]:
        # It must come after DIET and the ResponseSelector (it reads their
        # rankings), but a trainable node only sees training data, so Rasa
        # cannot check that.
        return []

    def __init__(
        self,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        model: NgramModel | None = None,
        responses: Mapping[str, list[dict[str, Any]]] | None = None,
    ) -> None:
        self._config = {**self.get_default_config(), **config}
        self._model_storage = model_storage
        self._resource = resource
        self.model = model
        self.responses = dict(responses or {})

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> NgramBlend:
        return cls(config, model_storage, resource)

    def train(self, training_data: TrainingData) -> Resource:
        examples = [m for m in training_data.intent_examples if m.get(TEXT)]
        self.model = NgramModel.fit(
            [m.get(TEXT) for m in examples],
            [_label(m) for m in examples],
            float(self._config["strength"]),
        )
        self.responses = {
            key: value for key, value in training_data.responses.items()
            if key.startswith(_UTTER_PREFIX)
        }
        with self._model_storage.write_to(self._resource) as directory:
            joblib.dump(self.model.pipeline, directory / _MODEL_FILE)
            (directory / _RESPONSES_FILE).write_text(json.dumps(self.responses))
        return self._resource

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> NgramBlend:
        with model_storage.read_from(resource) as directory:
            model = NgramModel(joblib.load(directory / _MODEL_FILE))
            responses = json.loads((directory / _RESPONSES_FILE).read_text())
        return cls(config, model_storage, resource, model, responses)

    def process(self, messages: list[Message]) -> list[Message]:
        if self.model is None:
            return messages
        readable = [
            m for m in messages
            if (m.get(TEXT) or "").strip() and not m.get(TEXT).startswith("/")
            and m.get(INTENT_RANKING_KEY)
        ]
        if not readable:
            return messages
        opinions = self.model.read([m.get(TEXT) for m in readable])
        for message, opinion in zip(readable, opinions, strict=True):
            self._blend_intents(message, opinion)
            self._blend_topics(message, opinion)
        return messages

    def _blend_intents(self, message: Message, opinion: Opinion) -> None:
        diet = {r["name"]: r[PREDICTED_CONFIDENCE_KEY] for r in message.get(INTENT_RANKING_KEY)}
        ranking = [
            {"name": name, PREDICTED_CONFIDENCE_KEY: confidence}
            for name, confidence in blend(diet, opinion.intents, self._config["diet_weight"])
        ][:_RANKING_LENGTH]
        message.set(INTENT, dict(ranking[0]), add_to_output=True)
        message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)

    def _blend_topics(self, message: Message, opinion: Opinion) -> None:
        selected = (message.get(RESPONSE_SELECTOR_PROPERTY_NAME) or {}).get(RETRIEVAL_INTENT)
        if not selected or not opinion.topics:
            return
        selector = {
            r[INTENT_RESPONSE_KEY][len(TOPIC_PREFIX):]: r[PREDICTED_CONFIDENCE_KEY]
            for r in selected.get(RESPONSE_SELECTOR_RANKING_KEY) or []
            if str(r.get(INTENT_RESPONSE_KEY, "")).startswith(TOPIC_PREFIX)
        }
        ranked = [
            (topic, confidence)
            for topic, confidence in blend(
                selector, opinion.topics, self._config["selector_weight"])
            if f"{_UTTER_PREFIX}{topic}" in self.responses
        ]
        if not ranked:
            return
        topic, confidence = ranked[0]
        selected[RESPONSE_SELECTOR_PREDICTION_KEY] = {
            RESPONSE_SELECTOR_RESPONSES_KEY: self.responses[f"{_UTTER_PREFIX}{topic}"],
            PREDICTED_CONFIDENCE_KEY: confidence,
            INTENT_RESPONSE_KEY: TOPIC_PREFIX + topic,
            RESPONSE_SELECTOR_UTTER_ACTION_KEY: _UTTER_PREFIX + topic,
        }
        selected[RESPONSE_SELECTOR_RANKING_KEY] = [
            {PREDICTED_CONFIDENCE_KEY: c, INTENT_RESPONSE_KEY: TOPIC_PREFIX + t}
            for t, c in ranked[:_RANKING_LENGTH]
        ]


def _label(message: Message) -> str:
    """An intent, or ``faq/<topic>`` for the retrieval intent's examples."""
    intent = message.get(INTENT)
    if intent == RETRIEVAL_INTENT and message.get(INTENT_RESPONSE_KEY):
        return message.get(INTENT_RESPONSE_KEY)
    return intent
