"""Drafting actions: questions, referral call script, thank-you note, interview request.

Names are cleared after each draft so the next draft asks afresh (a second
referral is a different person); the target field is kept because it is the
user's, not the meeting's.
"""

from __future__ import annotations

from abc import ABCMeta, abstractmethod
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.common import send
from infocoach.coaching import drafts
from infocoach.coaching.replies import Reply


class ActionSuggestQuestions(Action):
    def name(self) -> str:
        return "action_suggest_questions"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list:
        send(dispatcher, drafts.questions_for(tracker.get_slot("target_field")))
        return []


class _DraftFromSlots(Action, metaclass=ABCMeta):
    """A draft filled from a form's slots, which are then cleared.

    Abstract, so rasa_sdk does not register the base class as an action.
    """

    # draft parameter -> slot holding its value
    slots: dict[str, str]

    @staticmethod
    @abstractmethod
    def draft(**values: str | None) -> Reply: ...

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list:
        send(dispatcher, self.draft(**{p: tracker.get_slot(s) for p, s in self.slots.items()}))
        return [SlotSet(slot, None) for slot in self.slots.values()]


class ActionDraftCall(_DraftFromSlots):
    slots = {"referrer": "referrer", "contact": "contact", "company": "contact_company"}
    draft = staticmethod(drafts.referral_call)

    def name(self) -> str:
        return "action_draft_call"


class ActionDraftThankYou(_DraftFromSlots):
    slots = {"manager": "manager_name", "company": "company", "topic": "meeting_topic"}
    draft = staticmethod(drafts.thank_you_note)

    def name(self) -> str:
        return "action_draft_thank_you"


class ActionDraftInterviewRequest(_DraftFromSlots):
    slots = {"manager": "manager_name", "position": "position"}
    draft = staticmethod(drafts.interview_request)

    def name(self) -> str:
        return "action_draft_interview_request"
