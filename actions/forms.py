"""Validation of the free-text form slots: names, companies, the field, the topic.

One base class, one subclass per form (the shape rasa_sdk expects: a
``validate_<form>`` action with ``validate_<slot>`` methods). The judgement is
:mod:`infocoach.coaching.free_text`; here a rejected answer is answered (when
it is a question) or explained, and the slot stays empty so the form asks again.
"""

from __future__ import annotations

import abc
from typing import Any, ClassVar

from rasa_sdk import FormValidationAction, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import send
from actions.faq import answer_to_question
from infocoach.coaching.free_text import AnswerKind, judge
from infocoach.coaching.understanding import understanding


class FreeTextFormValidation(FormValidationAction, metaclass=abc.ABCMeta):
    """Checks every free-text slot of one form (``SLOTS``)."""

    SLOTS: ClassVar[tuple[str, ...]] = ()

    @abc.abstractmethod
    def name(self) -> str:
        """Abstract, so that rasa_sdk does not register the base class itself as an action."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        # rasa_sdk calls ``validate_<slot>`` by name for each slot filled this turn.
        super().__init_subclass__(**kwargs)
        for slot in cls.SLOTS:
            setattr(cls, f"validate_{slot}", _validator(slot))

    def _validate(
        self, slot: str, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker
    ) -> dict[str, Any]:
        text = str(value or "")
        kind = judge(slot, text)
        if kind is AnswerKind.OK:
            return {slot: value}
        words = understanding().free_text
        if kind is AnswerKind.DELETE_REQUEST:
            dispatcher.utter_message(text=words.delete_request)
        elif kind is AnswerKind.SMALL_TALK:
            dispatcher.utter_message(text=words.small_talk)
            dispatcher.utter_message(text=words.expected[slot])
        elif kind is AnswerKind.QUESTION:
            reply = answer_to_question(text, tracker)
            if reply is not None:
                send(dispatcher, reply)
                dispatcher.utter_message(text=words.back_to_form)
            else:
                dispatcher.utter_message(text=words.question_later)
        else:
            dispatcher.utter_message(text=words.expected[slot])
        return {slot: None}


def _validator(slot: str) -> Any:
    def validate(
        self: FreeTextFormValidation,
        value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> dict[str, Any]:
        return self._validate(slot, value, dispatcher, tracker)

    return validate


class ValidateQuestionsForm(FreeTextFormValidation):
    SLOTS = ("target_field",)

    def name(self) -> str:
        return "validate_questions_form"


class ValidateCallForm(FreeTextFormValidation):
    SLOTS = ("referrer", "contact", "contact_company")

    def name(self) -> str:
        return "validate_call_form"


class ValidateThankYouForm(FreeTextFormValidation):
    SLOTS = ("manager_name", "company", "meeting_topic")

    def name(self) -> str:
        return "validate_thank_you_form"


class ValidateInterviewForm(FreeTextFormValidation):
    SLOTS = ("manager_name", "position")

    def name(self) -> str:
        return "validate_interview_form"
