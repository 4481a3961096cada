"""``action_debrief``: read the user's account of a meeting and coach the next steps.

A thin seam: the report comes from the ``debrief_report`` slot (filled by the
debrief form) or else the latest message; the reading and the wording are the
library's (:mod:`infocoach.signals`).
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.common import send
from infocoach.coaching.debrief import debrief_reply
from infocoach.signals import spot


class ActionDebrief(Action):
    def name(self) -> str:
        return "action_debrief"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        report = tracker.get_slot("debrief_report") or tracker.latest_message.get("text") or ""
        reading = spot(str(report))
        send(dispatcher, debrief_reply(reading, str(report)))
        return [SlotSet("signals", reading.ids), SlotSet("debrief_report", None)]
