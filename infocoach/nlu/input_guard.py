"""Rasa adapter for :mod:`infocoach.coaching.input_check`, placed after the FallbackClassifier.

Other languages become the ``other_language`` intent (answered by a rule);
text with no word from the training data becomes ``nlu_fallback``, so the
bot asks a clarifying question. Inside a form both still fill a free-text
slot, because a name in another script is a perfectly good name.

An account of a past meeting becomes ``report_meeting`` whatever the
classifier guessed: "the manager said their department badly needs someone
like me" shares words with questions about misuse or signals, but it is a
report, and the spotter's reading of it is the evidence
(:func:`infocoach.coaching.message_kind.is_meeting_account`).

A request with a plain shape ("can you write the thank-you note", "show me the
part on referrals") gets the intent that does it, before the account check: the
backstory glued to it ("I met him last month, ...") must not turn it into a
debrief, an FAQ answer or a fallback (:func:`infocoach.coaching.requests.requested`).

``delete_my_data`` without a word of deleting becomes ``nlu_fallback``: the
classifier took the company "Delta Foods" for it, and inside a form that would
have asked about deleting the conversation instead of taking the answer
(:func:`infocoach.coaching.input_check.mentions_deleting`).
"""

from __future__ import annotations

import json
from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.constants import DEFAULT_NLU_FALLBACK_INTENT_NAME
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from infocoach.coaching.input_check import (
    InputKind,
    build_vocabulary,
    classify_input,
    mentions_deleting,
)
from infocoach.coaching.message_kind import MessageKind, is_meeting_account, kind_of
from infocoach.coaching.requests import requested
from infocoach.signals import spot

REPORT_INTENT = "report_meeting"
# Commands a request's shape must not override.
_COMMAND_INTENTS = {"stop", "start_over", "delete_my_data"}
# Intents that already lead to the debrief, or that a report must not override.
_KEEP_INTENTS = {REPORT_INTENT, "debrief_start", "stop", "start_over"}

OTHER_LANGUAGE_INTENT = "other_language"
DELETE_INTENT = "delete_my_data"
_VOCABULARY_FILE = "vocabulary.json"


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class InputGuard(GraphComponent, IntentClassifier):
    """Overrides the intent for input the classifier cannot have understood."""

    @classmethod
    def required_components(cls) -> list[type]:
        # It must come after the real classifiers (it overrides them), but a
        # trainable node only sees training data, so Rasa cannot check that.
        return []

    def __init__(
        self,
        model_storage: ModelStorage,
        resource: Resource,
        vocabulary: frozenset[str] = frozenset(),
    ) -> None:
        self._model_storage = model_storage
        self._resource = resource
        self.vocabulary = vocabulary

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> InputGuard:
        return cls(model_storage, resource)

    def train(self, training_data: TrainingData) -> Resource:
        self.vocabulary = build_vocabulary(
            m.get(TEXT) or "" for m in training_data.training_examples
        )
        with self._model_storage.write_to(self._resource) as directory:
            (directory / _VOCABULARY_FILE).write_text(json.dumps(sorted(self.vocabulary)))
        return self._resource

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> InputGuard:
        try:
            with model_storage.read_from(resource) as directory:
                vocabulary = frozenset(json.loads((directory / _VOCABULARY_FILE).read_text()))
        except (ValueError, FileNotFoundError):
            vocabulary = frozenset()
        return cls(model_storage, resource, vocabulary)

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            if not self.vocabulary or text.startswith("/"):
                continue
            kind = classify_input(text, self.vocabulary)
            if kind is not InputKind.OK:
                name = (
                    OTHER_LANGUAGE_INTENT
                    if kind is InputKind.OTHER_LANGUAGE
                    else DEFAULT_NLU_FALLBACK_INTENT_NAME
                )
                _override(message, name)
            elif request := _plain_request(message, text):
                if request != _intent(message):
                    _override(message, request)
            elif _is_unrecognised_report(message, text):
                _override(message, REPORT_INTENT)
            elif _intent(message) == DELETE_INTENT and not mentions_deleting(text):
                _override(message, DEFAULT_NLU_FALLBACK_INTENT_NAME)
        return messages


def _plain_request(message: Message, text: str) -> str | None:
    """The intent of a plainly shaped request (then the account check is skipped)."""
    if _intent(message) in _COMMAND_INTENTS:
        return None
    request = requested(text)
    return request.value if request else None


def _is_unrecognised_report(message: Message, text: str) -> bool:
    """An account of a meeting that the classifier took for something else.

    The cheap shape check comes first, so the spotter (spaCy) only reads
    messages that look like accounts.
    """
    if _intent(message) in _KEEP_INTENTS or kind_of(text) is not MessageKind.ACCOUNT:
        return False
    return is_meeting_account(text, spot(text))


def _intent(message: Message) -> str | None:
    return (message.get(INTENT) or {}).get("name")


def _override(message: Message, name: str) -> None:
    intent = {"name": name, "confidence": 1.0}
    message.data[INTENT] = intent
    message.data.setdefault(INTENT_RANKING_KEY, []).insert(0, intent)
