"""Shared glue between rasa_sdk and the infocoach library."""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from infocoach.ids import Phase
from infocoach.replies import Reply
from infocoach.walkthrough import parse_phase


def send(dispatcher: CollectingDispatcher, reply: Reply) -> None:
    """Dispatch a library Reply, with its quick replies as Rasa buttons."""
    dispatcher.utter_message(text=reply.text, buttons=reply.buttons_as_dicts())


def current_phase(tracker: Tracker) -> Phase | None:
    return parse_phase(tracker.get_slot("phase"))
