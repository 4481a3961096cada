"""Deleting conversations: the tracker store after "delete my data", and `infocoach forget`."""

from __future__ import annotations

import asyncio

import pytest
import sqlalchemy as sa
from rasa.core.tracker_store import FailSafeTrackerStore, TrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import read_endpoint_config

from infocoach.cli import main
from infocoach.paths import ROOT
from infocoach.privacy import DELETE_MY_DATA_ACTION, forget
from infocoach.server.processes import write_endpoints
from infocoach.server.profiles import DEFAULT_ENDPOINTS, SCALE_ENDPOINTS, load_endpoints
from infocoach.server.tracker_store import ForgettingSQLTrackerStore

DOMAIN = Domain.load(str(ROOT / "domain.yml"))


def _store(tmp_path) -> TrackerStore:
    path = write_endpoints(tmp_path / "e.yml", 5055, tmp_path / "t.db")
    return TrackerStore.create(read_endpoint_config(str(path), "tracker_store"), DOMAIN)


def _turn(tracker: DialogueStateTracker, text: str, action: str) -> None:
    tracker.update(UserUttered(text, {"name": "x", "confidence": 1.0}))
    tracker.update(ActionExecuted(action))
    tracker.update(BotUttered(f"reply to {text}"))
    tracker.update(ActionExecuted("action_listen"))


def test_rasa_loads_the_forgetting_store_from_both_profiles(tmp_path):
    # Rasa falls back to an in-memory store, silently, when it cannot import the class.
    assert type(_store(tmp_path)) is ForgettingSQLTrackerStore
    for profile in (DEFAULT_ENDPOINTS, SCALE_ENDPOINTS):
        tracker_store = load_endpoints(profile, environ={})["tracker_store"]
        assert tracker_store["type"] == "infocoach.server.tracker_store.ForgettingSQLTrackerStore"


def test_a_confirmed_delete_my_data_turn_deletes_the_conversation_and_nothing_else(tmp_path):
    store = _store(tmp_path)
    mine = DialogueStateTracker("rest:me", DOMAIN.slots)
    other = DialogueStateTracker("rest:other", DOMAIN.slots)
    for tracker in (mine, other):
        _turn(tracker, "draft my call script", "utter_greet")
        asyncio.run(store.save(tracker))
    _turn(mine, "delete my data", "utter_ask_delete_my_data")
    asyncio.run(store.save(mine))
    assert asyncio.run(store.retrieve("rest:me")) is not None  # asking is not deleting
    _turn(mine, "yes", DELETE_MY_DATA_ACTION)
    asyncio.run(store.save(mine))
    assert asyncio.run(store.retrieve("rest:me")) is None
    assert len(asyncio.run(store.retrieve("rest:other")).events) == 4


def test_forget_command_deletes_one_conversation_and_says_so(tmp_path, capsys):
    store = _store(tmp_path)
    tracker = DialogueStateTracker("rest:alice", DOMAIN.slots)
    _turn(tracker, "hello", "utter_greet")
    asyncio.run(store.save(tracker))
    endpoints = tmp_path / "profile.yml"
    endpoints.write_text(f"tracker_store:\n  dialect: sqlite\n  db: {tmp_path / 't.db'}\n")

    assert main(["forget", "rest:alice", "--endpoints", str(endpoints)]) == 0
    assert "deleted conversation 'rest:alice' (4 events)" in capsys.readouterr().out
    assert asyncio.run(store.retrieve("rest:alice")) is None
    assert main(["forget", "rest:alice", "--endpoints", str(endpoints)]) == 1
    assert "no conversation 'rest:alice'" in capsys.readouterr().err
    assert forget(f"sqlite:///{tmp_path / 't.db'}", "rest:alice") == 0


def test_a_database_error_fails_the_turn_instead_of_going_on_in_memory(tmp_path):
    # Rasa wraps every store in a FailSafeTrackerStore, which would answer None (a new,
    # empty conversation) and keep the turn in memory only.
    store = FailSafeTrackerStore(_store(tmp_path))
    tracker = DialogueStateTracker("rest:me", DOMAIN.slots)
    _turn(tracker, "hello", "utter_greet")
    asyncio.run(store.save(tracker))
    (tmp_path / "t.db").unlink()
    (tmp_path / "t.db").mkdir()  # the database file is gone and cannot be recreated
    with pytest.raises(sa.exc.OperationalError):
        asyncio.run(store.retrieve("rest:me"))
    with pytest.raises(sa.exc.OperationalError):
        asyncio.run(store.save(tracker))


def test_the_sqlite_database_commits_to_a_write_ahead_log(tmp_path):
    # A turn's commit then does not wait for the disk (see the tracker store's docstring).
    store = _store(tmp_path)
    tracker = DialogueStateTracker("rest:me", DOMAIN.slots)
    _turn(tracker, "hello", "utter_greet")
    asyncio.run(store.save(tracker))
    assert (tmp_path / "t.db-wal").exists()
    with store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL
    assert asyncio.run(store.retrieve("rest:me")).events == tracker.events
