"""Direct questions and the clarifying question asked when NLU is unsure."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.common import send
from infocoach.coaching import answers


def selected_topic(tracker: Tracker) -> str | None:
    """The ``faq/<key>`` the ResponseSelector picked (or a ``/faq/<key>`` payload)."""
    message = tracker.latest_message or {}
    selected = (message.get("response_selector") or {}).get("faq") or {}
    key = (selected.get("response") or {}).get("intent_response_key")
    if key:
        return key
    intent = (message.get("intent") or {}).get("name") or ""
    return intent if intent.startswith("faq/") else None


def best_guesses(tracker: Tracker, limit: int = 2) -> list[str]:
    """The top FAQ topics the ResponseSelector ranked for the last message."""
    message = tracker.latest_message or {}
    ranking = ((message.get("response_selector") or {}).get("faq") or {}).get("ranking") or []
    return [r["intent_response_key"] for r in ranking[:limit] if r.get("intent_response_key")]


class ActionClarify(Action):
    """Ask rather than guess: offer the likeliest questions and the main paths."""

    def name(self) -> str:
        return "action_clarify"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list:
        send(dispatcher, answers.clarify(best_guesses(tracker)))
        return []
