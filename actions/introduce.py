"""``action_introduce``: users who present themselves hear whether the method suits them."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.common import send
from infocoach.coaching.introduce import introduce_reply, stage_of


class ActionIntroduce(Action):
    def name(self) -> str:
        return "action_introduce"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list:
        entity = next(tracker.get_latest_entity_values("career_stage"), None)
        stage = stage_of(entity, tracker.latest_message.get("text") or "")
        send(dispatcher, introduce_reply(stage))
        return [SlotSet("career_stage", stage.value)] if stage else []
