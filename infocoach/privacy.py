"""Deleting a user's conversation: "delete my data" in the chat, `infocoach forget` for operators.

Rasa's tracker stores have no delete. Both profiles keep conversations in
Rasa's SQL tracker store (SQLite or PostgreSQL), whose one table ``events``
holds every event with the conversation id in ``sender_id``; deleting a
conversation is deleting its rows. Plain SQLAlchemy, no Rasa: the command
line uses it as it is, and the Rasa server through
:mod:`infocoach.server.tracker_store`.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from infocoach.paths import ROOT

# The reply after which the tracker store deletes the conversation: the user is
# told it is done in the very turn that does it, with no action server involved.
DELETE_MY_DATA_ACTION = "utter_data_deleted"


class NotAnSQLStore(ValueError):
    """The endpoints name a tracker store infocoach cannot delete from."""


def store_url(endpoints: Mapping[str, Any], root: Path = ROOT) -> sa.engine.URL:
    """The SQLAlchemy URL of the SQL tracker store in resolved ``endpoints``.

    A relative SQLite path is relative to ``root``, where the servers run.
    """
    tracker = endpoints.get("tracker_store") or {}
    if "dialect" not in tracker:
        raise NotAnSQLStore("the endpoints configure no SQL tracker store (no `dialect`)")
    dialect, database = tracker["dialect"], tracker.get("db", "rasa.db")
    if dialect == "sqlite" and not Path(database).is_absolute():
        database = str(root / database)
    return sa.engine.URL.create(
        dialect, username=tracker.get("username"), password=tracker.get("password"),
        host=tracker.get("url"), port=tracker.get("port"), database=database,
        query={k: str(v) for k, v in (tracker.get("query") or {}).items()},
    )


def delete_conversation(connection: sa.engine.Connection, conversation_id: str) -> int:
    """Delete every stored event of ``conversation_id``; the number of events deleted."""
    result = connection.execute(
        sa.text("DELETE FROM events WHERE sender_id = :conversation_id"),
        {"conversation_id": conversation_id},
    )
    return result.rowcount


def forget(url: sa.engine.URL | str, conversation_id: str) -> int:
    """Delete one conversation from the store at ``url``; the number of events deleted."""
    engine = sa.create_engine(url)
    try:
        with engine.begin() as connection:
            return delete_conversation(connection, conversation_id)
    finally:
        engine.dispose()
