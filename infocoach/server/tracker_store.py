"""Rasa's SQL tracker store, which also deletes a conversation when its user asks.

The chat's "delete my data", once confirmed, ends with the reply
``utter_data_deleted`` (data/rules/privacy.yml). Neither Rasa nor the action
server can delete a conversation; the store can, and it is the last to touch
the turn: instead of saving a turn that sent that reply, it deletes the whole
conversation, the turn included. The next message finds no conversation and
starts a fresh one.

It also refuses two of Rasa's habits that lose conversations silently:

- Rasa wraps every tracker store in ``FailSafeTrackerStore``, which on a
  database error carries on with an empty in-memory store: during an outage
  the user got a fresh conversation, and what they said never reached the
  database. Here the error fails the turn instead, and the channel tells the
  user to try again (infocoach/channels/turns.py).
- Pooled connections outlive a database restart and fail on first use; the
  pool now checks a connection before handing it out (``pool_pre_ping``), so
  service resumes with the first message after the database is back.
- A hung database held a query, and with it the whole server, forever. With
  ``timeout:`` in the endpoint (the scale profile), every call is given up after
  that many seconds (infocoach/server/store_timeout.py).

On SQLite (the default profile) every turn's commit waited for the disk
(rollback journal with ``synchronous=FULL``), and Rasa's store runs on the
event loop that serves every user, so all of them waited. Here the database
uses write-ahead logging with ``synchronous=NORMAL``: a commit appends to the
log without waiting for the disk. A crash of the server loses nothing; a
power cut may lose the last turns, never corrupt the file (figures in
docs/benchmarks.md). Connections are pooled, as SQLAlchemy 2.0 does for
SQLite files (1.4 opened one per read or write, and closing the last one
wrote the log back to the database, waiting for the disk again); a pooled
connection whose database file was removed or replaced is dropped at
checkout, so the turn fails instead of writing to a deleted file.

Both endpoint profiles name this class (``type:`` in endpoints*.yml); Rasa
would silently fall back to an in-memory store if it could not import it,
which tests/unit/server/test_tracker_store.py guards against.
"""

from __future__ import annotations

import logging
import os
from typing import Any

import sqlalchemy as sa
from rasa.core.tracker_store import FailSafeTrackerStore, SQLTrackerStore, create_engine_kwargs
from rasa.shared.core.events import ActionExecuted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from infocoach.privacy import DELETE_MY_DATA_ACTION, delete_conversation
from infocoach.server.store_timeout import BoundedStoreCalls

logger = logging.getLogger(__name__)


def asked_to_forget(tracker: DialogueStateTracker) -> bool:
    """Whether the latest turn (events since the last user message) confirmed the deletion."""
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            return False
        if isinstance(event, ActionExecuted) and event.action_name == DELETE_MY_DATA_ACTION:
            return True
    return False


SQLITE_PRAGMAS = ("PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL")


def _file_identity(path: str) -> tuple[int, int] | None:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return stat.st_dev, stat.st_ino


def _sqlite_file_engine(url: sa.engine.URL) -> sa.engine.Engine:
    engine = sa.create_engine(url, pool_pre_ping=True, poolclass=sa.pool.QueuePool,
                              connect_args={"check_same_thread": False})
    path = url.database

    @sa.event.listens_for(engine, "connect")
    def _connected(dbapi_connection: Any, record: Any) -> None:
        cursor = dbapi_connection.cursor()
        for pragma in SQLITE_PRAGMAS:
            cursor.execute(pragma)
        cursor.close()
        record.info["file"] = _file_identity(path)

    @sa.event.listens_for(engine, "checkout")
    def _same_file(_dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        if record.info.get("file") != _file_identity(path):
            raise sa.exc.DisconnectionError(f"{path} was removed or replaced")

    return engine


def create_store_engine(url: sa.engine.URL) -> sa.engine.Engine:
    """The engine for ``url``: connections checked before use; SQLite files pooled, in WAL."""
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        return _sqlite_file_engine(url)
    return sa.create_engine(url, pool_pre_ping=True, **create_engine_kwargs(url))


def _raise(_: FailSafeTrackerStore, error: Exception) -> None:
    raise error


def refuse_in_memory_fallback() -> None:
    """Make Rasa's FailSafeTrackerStore re-raise store errors instead of going on in memory."""
    FailSafeTrackerStore.on_tracker_store_error = _raise  # type: ignore[method-assign]
    FailSafeTrackerStore.on_tracker_store_retrieve_error = _raise  # type: ignore[method-assign]


class ForgettingSQLTrackerStore(SQLTrackerStore):
    """SQLTrackerStore that deletes a conversation instead of saving its "delete my data" turn,
    and fails a turn rather than lose it when the database is unreachable."""

    def __init__(self, *args: Any, timeout: float | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        url = self.engine.url
        self.engine.dispose()
        self.engine = create_store_engine(url)
        self.sessionmaker = sa.orm.session.sessionmaker(bind=self.engine)
        refuse_in_memory_fallback()
        self._bounded = BoundedStoreCalls(float(timeout), self.sessionmaker) if timeout else None

    async def _call(self, what: str, call: Any, *args: Any) -> Any:
        if self._bounded is None:
            return await call(*args)
        return await self._bounded.run(what, call, *args)

    async def _retrieve(self, sender_id: str, fetch_events_from_all_sessions: bool
                        ) -> DialogueStateTracker | None:
        return await self._call("a read", super()._retrieve, sender_id,
                                fetch_events_from_all_sessions)

    async def keys(self) -> list[str]:
        return await self._call("a listing", super().keys)

    async def save(self, tracker: DialogueStateTracker) -> None:
        await self._call("a write", self._save_or_forget, tracker)

    async def _save_or_forget(self, tracker: DialogueStateTracker) -> None:
        if not asked_to_forget(tracker):
            await super().save(tracker)
            return
        with self.session_scope() as session:
            deleted = delete_conversation(session.connection(), tracker.sender_id)
            session.commit()
        logger.info("deleted conversation %s at its user's request (%d events)",
                    tracker.sender_id, deleted)
