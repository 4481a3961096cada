"""Rasa's SQL tracker store, which also deletes a conversation when its user asks.

The chat's "delete my data", once confirmed, ends with the reply
``utter_data_deleted`` (data/rules/privacy.yml). Neither Rasa nor the action
server can delete a conversation; the store can, and it is the last to touch
the turn: instead of saving a turn that sent that reply, it deletes the whole
conversation, the turn included. The next message finds no conversation and
starts a fresh one.

Both endpoint profiles name this class (``type:`` in endpoints*.yml); Rasa
would silently fall back to an in-memory store if it could not import it,
which tests/unit/server/test_tracker_store.py guards against.
"""

from __future__ import annotations

import logging

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import ActionExecuted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from infocoach.privacy import DELETE_MY_DATA_ACTION, delete_conversation

logger = logging.getLogger(__name__)


def asked_to_forget(tracker: DialogueStateTracker) -> bool:
    """Whether the latest turn (events since the last user message) confirmed the deletion."""
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            return False
        if isinstance(event, ActionExecuted) and event.action_name == DELETE_MY_DATA_ACTION:
            return True
    return False


class ForgettingSQLTrackerStore(SQLTrackerStore):
    """SQLTrackerStore that deletes a conversation instead of saving its "delete my data" turn."""

    async def save(self, tracker: DialogueStateTracker) -> None:
        if not asked_to_forget(tracker):
            await super().save(tracker)
            return
        with self.session_scope() as session:
            deleted = delete_conversation(session.connection(), tracker.sender_id)
            session.commit()
        logger.info("deleted conversation %s at its user's request (%d events)",
                    tracker.sender_id, deleted)
