"""A tracker store with ``timeout:`` gives up on a database that does not answer.

The database here is a real SQLite file held under an exclusive lock by another
connection: the store's query waits for it (SQLite's own busy wait is 5 s), as a query
waits on a hung server. PostgreSQL stopped with SIGSTOP is tests/scale/test_faults.py.
"""

from __future__ import annotations

import asyncio
import sqlite3
import threading
import time

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from infocoach.paths import ROOT
from infocoach.server.store_timeout import StoreTimeout
from infocoach.server.tracker_store import ForgettingSQLTrackerStore

DOMAIN = Domain.load(str(ROOT / "domain.yml"))
TIMEOUT = 0.5


def _tracker(*texts: str) -> DialogueStateTracker:
    tracker = DialogueStateTracker("rest:me", DOMAIN.slots)
    for text in texts:
        tracker.update(UserUttered(text, {"name": "greet", "confidence": 1.0}))
        tracker.update(ActionExecuted("action_listen"))
    return tracker


def _user_texts(store: ForgettingSQLTrackerStore) -> list[str]:
    tracker = asyncio.run(store.retrieve("rest:me"))
    return [e.text for e in tracker.events if isinstance(e, UserUttered)] if tracker else []


@pytest.fixture
def store(tmp_path) -> ForgettingSQLTrackerStore:
    return ForgettingSQLTrackerStore(domain=DOMAIN, dialect="sqlite", db=str(tmp_path / "t.db"),
                                     timeout=TIMEOUT)


def _hold_the_database(store: ForgettingSQLTrackerStore) -> sqlite3.Connection:
    """Lock the file until the returned connection is closed."""
    store.engine.dispose()  # pooled connections would keep the exclusive lock from being taken
    holder = sqlite3.connect(store.engine.url.database, isolation_level=None,
                             check_same_thread=False)
    # The store runs SQLite in WAL mode, where readers pass a plain exclusive
    # transaction; exclusive locking mode shuts them out as a hung server would.
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("SELECT count(*) FROM sqlite_master").fetchall()
    return holder


def test_a_read_from_a_database_that_does_not_answer_fails_within_the_timeout(store):
    asyncio.run(store.save(_tracker("hello")))
    holder = _hold_the_database(store)
    started = time.monotonic()
    with pytest.raises(StoreTimeout, match=r"within 0\.5 s"):
        asyncio.run(store.retrieve("rest:me"))
    assert time.monotonic() - started < 3  # SQLite alone would wait 5 s
    holder.close()
    assert _user_texts(store) == ["hello"]  # service resumes with the database


def test_a_write_given_up_on_is_not_committed_when_the_database_comes_back(store):
    asyncio.run(store.save(_tracker("hello")))
    holder = _hold_the_database(store)
    with pytest.raises(StoreTimeout):
        asyncio.run(store.save(_tracker("hello", "the turn the user was told failed")))
    release = threading.Timer(TIMEOUT, holder.close)
    release.start()
    release.join()
    time.sleep(TIMEOUT * 2)  # the worker wakes up, reaches its commit and is refused
    assert _user_texts(store) == ["hello"]
    asyncio.run(store.save(_tracker("hello", "again")))
    assert _user_texts(store) == ["hello", "again"]


def test_without_a_timeout_the_store_waits_as_rasa_does(tmp_path):
    store = ForgettingSQLTrackerStore(domain=DOMAIN, dialect="sqlite", db=str(tmp_path / "t.db"))
    asyncio.run(store.save(_tracker("hello")))
    holder = _hold_the_database(store)
    threading.Timer(TIMEOUT * 2, holder.close).start()
    assert _user_texts(store) == ["hello"]  # waited for the lock instead of giving up
