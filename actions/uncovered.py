"""``action_answer_uncovered``: an honest reply to a question the method does not answer."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.common import send
from infocoach.coaching.uncovered import uncovered_reply


class ActionAnswerUncovered(Action):
    def name(self) -> str:
        return "action_answer_uncovered"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list:
        send(dispatcher, uncovered_reply(tracker.latest_message.get("text") or ""))
        return []
