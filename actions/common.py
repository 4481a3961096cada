"""Shared glue between rasa_sdk and the infocoach library."""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from infocoach.coaching.replies import Reply
from infocoach.coaching.walkthrough import parse_phase
from infocoach.ids import Phase


def send(dispatcher: CollectingDispatcher, reply: Reply) -> None:
    """Dispatch a library Reply, with its quick replies as Rasa buttons."""
    dispatcher.utter_message(text=reply.text, buttons=reply.buttons_as_dicts())


def current_phase(tracker: Tracker) -> Phase | None:
    return parse_phase(tracker.get_slot("phase"))
