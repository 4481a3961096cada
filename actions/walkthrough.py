"""Walk-through actions: start, next step, jump to a phase."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.common import current_phase, send
from infocoach.coaching import walkthrough
from infocoach.ids import PHASE_ORDER


class ActionWalkthroughStart(Action):
    def name(self) -> str:
        return "action_walkthrough_start"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list:
        first = PHASE_ORDER[0]
        send(dispatcher, walkthrough.show_phase(first))
        return [SlotSet("phase", first.value)]


class ActionWalkthroughNext(Action):
    def name(self) -> str:
        return "action_walkthrough_next"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list:
        following = walkthrough.next_phase(current_phase(tracker))
        if following is None:
            send(dispatcher, walkthrough.finished())
            return []
        send(dispatcher, walkthrough.show_phase(following))
        return [SlotSet("phase", following.value)]


class ActionShowPhase(Action):
    """Show the phase named by the ``phase`` entity, or found in the text."""

    def name(self) -> str:
        return "action_show_phase"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list:
        named = next(tracker.get_latest_entity_values("phase"), None)
        phase = walkthrough.parse_phase(named) or walkthrough.find_phase(
            tracker.latest_message.get("text") or ""
        )
        if phase is None:
            send(dispatcher, walkthrough.phase_menu())
            return []
        send(dispatcher, walkthrough.show_phase(phase))
        return [SlotSet("phase", phase.value)]
