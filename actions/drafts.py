"""Drafting actions: questions, referral call script, thank-you note, interview request.

Names are cleared after each draft so the next draft asks afresh (a second
referral is a different person); the target field is kept because it is the
user's, not the meeting's.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.common import send
from infocoach import drafts


def _clear(*slots: str) -> list[SlotSet]:
    return [SlotSet(slot, None) for slot in slots]


class ActionSuggestQuestions(Action):
    def name(self) -> str:
        return "action_suggest_questions"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list:
        send(dispatcher, drafts.questions_for(tracker.get_slot("target_field")))
        return []


class ActionDraftCall(Action):
    def name(self) -> str:
        return "action_draft_call"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list:
        send(
            dispatcher,
            drafts.referral_call(
                contact=tracker.get_slot("contact"),
                referrer=tracker.get_slot("referrer"),
                company=tracker.get_slot("contact_company"),
            ),
        )
        return _clear("referrer", "contact", "contact_company")


class ActionDraftThankYou(Action):
    def name(self) -> str:
        return "action_draft_thank_you"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list:
        send(
            dispatcher,
            drafts.thank_you_note(
                manager=tracker.get_slot("manager_name"),
                company=tracker.get_slot("company"),
                topic=tracker.get_slot("meeting_topic"),
            ),
        )
        return _clear("manager_name", "company", "meeting_topic")


class ActionDraftInterviewRequest(Action):
    def name(self) -> str:
        return "action_draft_interview_request"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list:
        send(
            dispatcher,
            drafts.interview_request(
                manager=tracker.get_slot("manager_name"),
                position=tracker.get_slot("position"),
            ),
        )
        return _clear("manager_name", "position")
