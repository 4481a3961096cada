"""Is the method right for the user? The fit form and its verdict."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import current_phase, send
from infocoach import fit, walkthrough
from infocoach.ids import CareerStage, Employment
from infocoach.replies import Reply


class ActionAskCareerStage(Action):
    def name(self) -> str:
        return "action_ask_career_stage"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list:
        send(
            dispatcher,
            Reply(text="Which of these best describes you?", buttons=fit.stage_buttons()),
        )
        return []


class ActionAskEmployment(Action):
    def name(self) -> str:
        return "action_ask_employment"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list:
        text = "Are you working at the moment? It changes how managers may read your request."
        send(dispatcher, Reply(text=text, buttons=fit.employment_buttons()))
        return []


class ValidateFitForm(FormValidationAction):
    """Turns free text or button values into the enum values the verdict needs."""

    def name(self) -> str:
        return "validate_fit_form"

    def validate_career_stage(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        stage = fit.parse_stage(str(value or ""))
        if stage is None:
            dispatcher.utter_message(
                text="Sorry, I couldn't tell which situation that is. Please pick the closest one."
            )
        return {"career_stage": stage.value if stage else None}

    def validate_employment(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        status = fit.parse_employment(str(value or ""))
        if status is None:
            dispatcher.utter_message(
                text="Sorry, I didn't catch whether you're working. Please pick one."
            )
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
