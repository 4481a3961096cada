"""Endpoint profiles: the embedded default and the PostgreSQL + Redis scale profile."""

from __future__ import annotations

import pytest
import yaml
from rasa.core.lock_store import LockStore
from rasa.utils.endpoints import read_endpoint_config

from infocoach.server.lock_store import AtomicRedisLockStore
from infocoach.server.processes import write_endpoints
from infocoach.server.profiles import (
    DEFAULT_ENDPOINTS,
    ENV_DEFAULTS,
    SCALE_ENDPOINTS,
    ProfileError,
    load_endpoints,
)

FORGETTING_STORE = "infocoach.server.tracker_store.ForgettingSQLTrackerStore"
ATOMIC_LOCKS = "infocoach.server.lock_store.AtomicRedisLockStore"


@pytest.fixture
def clean_env(monkeypatch):
    for name in ENV_DEFAULTS:
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_default_profile_is_embedded_sqlite_without_a_lock_store():
    endpoints = load_endpoints(DEFAULT_ENDPOINTS, environ={})
    assert endpoints["tracker_store"]["dialect"] == "sqlite"
    assert "lock_store" not in endpoints  # Rasa's in-memory lock store


def test_scale_profile_uses_the_defaults_and_leaves_out_an_empty_password():
    endpoints = load_endpoints(SCALE_ENDPOINTS, environ={})
    assert endpoints["tracker_store"] == {
        "type": FORGETTING_STORE, "dialect": "postgresql", "url": "127.0.0.1", "port": 5432,
        "db": "infocoach", "username": "infocoach", "query": {"connect_timeout": "5"},
        "timeout": 5,
    }
    assert endpoints["lock_store"] == {
        "type": ATOMIC_LOCKS, "url": "127.0.0.1", "port": 6379, "db": 1,
        "key_prefix": "infocoach", "socket_timeout": 5,
    }


def test_scale_profile_takes_every_setting_from_the_environment():
    environ = {
        "INFOCOACH_DB_HOST": "db.internal", "INFOCOACH_DB_PORT": "6543",
        "INFOCOACH_DB_NAME": "coach", "INFOCOACH_DB_USER": "bot",
        "INFOCOACH_DB_PASSWORD": "s3cret", "INFOCOACH_REDIS_HOST": "cache.internal",
        "INFOCOACH_REDIS_PORT": "7000", "INFOCOACH_REDIS_DB": "3",
        "INFOCOACH_REDIS_PASSWORD": "r3dis",
    }
    endpoints = load_endpoints(SCALE_ENDPOINTS, environ=environ)
    tracker, lock = endpoints["tracker_store"], endpoints["lock_store"]
    assert (tracker["url"], tracker["port"], tracker["db"]) == ("db.internal", 6543, "coach")
    assert (tracker["username"], tracker["password"]) == ("bot", "s3cret")
    assert (lock["url"], lock["port"], lock["db"], lock["password"]) == (
        "cache.internal", 7000, 3, "r3dis")


def test_an_unknown_unset_variable_is_an_error_naming_the_file(tmp_path):
    source = tmp_path / "e.yml"
    source.write_text("tracker_store:\n  url: ${NO_SUCH_SETTING}\n")
    with pytest.raises(ProfileError, match=r"e\.yml: \$\{NO_SUCH_SETTING\} is not set"):
        load_endpoints(source, environ={})


def test_rasa_reads_the_written_scale_file_with_plain_values(tmp_path, clean_env):
    clean_env.setenv("INFOCOACH_DB_PASSWORD", "pw")
    path = write_endpoints(tmp_path / "e.yml", 6123, tmp_path / "t.db", source=SCALE_ENDPOINTS)
    assert "${" not in path.read_text()
    assert yaml.safe_load(path.read_text())["action_endpoint"]["url"].endswith(":6123/webhook")
    tracker = read_endpoint_config(str(path), "tracker_store")
    lock = read_endpoint_config(str(path), "lock_store")
    assert (tracker.type, tracker.url, tracker.kwargs["password"]) == (
        FORGETTING_STORE, "127.0.0.1", "pw")
    assert (lock.type, lock.kwargs["port"]) == (ATOMIC_LOCKS, 6379)
    assert type(LockStore.create(lock)) is AtomicRedisLockStore  # no Redis needed to build it
    assert not (tmp_path / "t.db").exists()  # the SQLite path is for the default profile only
