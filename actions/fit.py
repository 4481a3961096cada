"""Is the method right for the user? The fit form and its verdict."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import current_phase, send
from actions.faq import selected_topic
from infocoach.coaching import answers, fit, walkthrough
from infocoach.coaching.content import content
from infocoach.coaching.replies import Reply
from infocoach.ids import CareerStage, Employment


class ActionAskCareerStage(Action):
    def name(self) -> str:
        return "action_ask_career_stage"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list:
        send(dispatcher, fit.ask_stage())
        return []


class ActionAskEmployment(Action):
    def name(self) -> str:
        return "action_ask_employment"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list:
        send(dispatcher, fit.ask_employment())
        return []


class ValidateFitForm(FormValidationAction):
    """Turns free text or button values into the enum values the verdict needs.

    Every typed answer reaches this action, even one NLU took for a question:
    "I have a job" can look like a question to NLU and is a fine answer here.
    Only when the text is no answer at all is it treated as the question it
    is, answered, and the form asks again.
    """

    def name(self) -> str:
        return "validate_fit_form"

    @staticmethod
    def _not_an_answer(dispatcher: CollectingDispatcher, tracker: Tracker, sorry: str) -> None:
        reply = answers.answer(selected_topic(tracker))
        dispatcher.utter_message(text=reply.text if reply else sorry)

    def validate_career_stage(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        stage = fit.parse_stage(str(value or ""))
        if stage is None:
            self._not_an_answer(dispatcher, tracker, content().fit.unclear_stage)
        return {"career_stage": stage.value if stage else None}

    def validate_employment(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        status = fit.parse_employment(str(value or ""))
        if status is None:
            self._not_an_answer(dispatcher, tracker, content().fit.unclear_employment)
        return {"employment": status.value if status else None}


class ActionAssessFit(Action):
    def name(self) -> str:
        return "action_assess_fit"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list:
        verdict = fit.assess_fit(
            CareerStage(tracker.get_slot("career_stage")),
            Employment(tracker.get_slot("employment")),
        )
        buttons = walkthrough.continue_button(current_phase(tracker))
        send(dispatcher, Reply(text=verdict.text, buttons=buttons))
        return []
