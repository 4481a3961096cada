"""One ``action_ask_<slot>`` per form slot, generated from data/content/prompts.yml.

A form's first question comes after a one-line intro (``intros`` in the same
file), so "draft my thank-you note" isn't answered by a bare "What is the
manager's name?".

The questions are content, so they live in the content files like every other
line the bot says; Rasa finds an ask action by name, so each prompt gets a
small Action class of its own.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import Restarted
from rasa_sdk.executor import CollectingDispatcher

from actions.common import send
from infocoach.coaching.content import content
from infocoach.coaching.replies import Reply


def _ask_action(slot: str) -> type[Action]:
    """An Action class named ``action_ask_<slot>`` that asks the slot's prompt.

    Built without a shared base class: rasa_sdk registers every Action
    subclass it can see, and a nameless base would be registered too.
    """

    def name(self: Action) -> str:
        return f"action_ask_{slot}"

    def run(
        self: Action, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list:
        form = tracker.active_loop.get("name")
        intro = content().prompts.intros.get(form) if form else None
        if intro and _started_this_turn(tracker, form):
            dispatcher.utter_message(text=intro)
        dispatcher.utter_message(text=content().prompts.prompts[slot])
        return []

    return type(f"ActionAsk_{slot}", (Action,), {"name": name, "run": run})


def _started_this_turn(tracker: Tracker, form: str) -> bool:
    """The form was activated after the user's latest message: this is its first question.

    Later questions, re-asks after a bad answer, and the question repeated after
    a side question all come in later turns, so the intro is said once.
    """
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            return False
        if event.get("event") == "active_loop" and event.get("name") == form:
            return True
    return False


ASK_ACTIONS: dict[str, type[Action]] = {
    slot: _ask_action(slot) for slot in content().prompts.prompts
}


class ActionStartOver(Action):
    """Say that everything is cleared, offer the greeting's quick replies, then clear it."""

    def name(self) -> str:
        return "action_start_over"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list:
        prompts = content().prompts
        send(dispatcher, Reply(text=prompts.start_over, buttons=tuple(prompts.start_over_offers)))
        return [Restarted()]
