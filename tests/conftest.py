"""Shared fixtures: the repository root and a Tracker builder for action tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from rasa_sdk import Tracker

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def root() -> Path:
    return ROOT


def make_tracker(
    slots: dict[str, Any] | None = None,
    text: str = "",
    intent: str | None = None,
    entities: list[dict[str, Any]] | None = None,
    response_selector: dict[str, Any] | None = None,
    active_loop: str | None = None,
    sender: str = "test-user",
    events: list[dict[str, Any]] | None = None,
) -> Tracker:
    """A Tracker as the action server receives it, from plain values."""
    latest = {
        "text": text,
        "intent": {"name": intent, "confidence": 1.0} if intent else {},
        "entities": entities or [],
    }
    if response_selector is not None:
        latest["response_selector"] = response_selector
    return Tracker(
        sender_id=sender,
        slots=slots or {},
        latest_message=latest,
        events=events or [],
        paused=False,
        followup_action=None,
        active_loop={"name": active_loop} if active_loop else {},
        latest_action_name="action_listen",
    )


@pytest.fixture(scope="session", autouse=True)
def signal_model() -> None:
    """The spotter's learned layer, trained once when missing or out of date.

    `make test` trains it first (`make train`); a bare `pytest` on a fresh clone
    still works, at the cost of a training run (a few minutes).
    """
    from infocoach.signals.training import is_current, train_signals_model

    if not is_current():
        assert train_signals_model() == 0, "training the signal model failed"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """A failed test that used live servers reports what the servers logged meanwhile.

    A failure on CI cannot be looked into afterwards: the servers' temporary
    logs are gone, so their tails go into the test's report.
    """
    outcome = yield
    report = outcome.get_result()
    if report.when != "call" or not report.failed:
        return
    from infocoach.server.processes import Servers

    for name, value in getattr(item, "funcargs", {}).items():
        if isinstance(value, Servers):
            report.sections.append((f"server logs ({name})", value.log_tails()))


@pytest.fixture
def tracker_factory():
    return make_tracker


@pytest.fixture(scope="session")
def fake_slack():
    """A local fake of Slack's Web API that records what the bot posts (tests/fakes)."""
    from tests.fakes.slack_api import FakeSlackApi

    api = FakeSlackApi().start()
    yield api
    api.stop()


@pytest.fixture(scope="session")
def server_env(fake_slack) -> dict[str, str]:
    """Extra environment for the live servers (channels that need settings).

    Slack is on, talking to the local fake instead of slack.com.
    """
    from tests.fakes.slack_events import SIGNING_SECRET

    return {
        "SLACK_BOT_TOKEN": "xoxb-test",
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "SLACK_API_URL": fake_slack.url,
    }


@pytest.fixture(scope="session")
def live_servers(tmp_path_factory, server_env):
    """One real action server and Rasa server for every test that needs them.

    Starting Rasa takes tens of seconds, so the whole session shares one pair,
    on free ports, with its own tracker database. Tests keep conversations
    apart by using their own sender ids.
    """
    from infocoach.server.processes import Servers, free_port

    run_dir = tmp_path_factory.mktemp("servers")
    servers = Servers(
        port=free_port(),
        actions_port=free_port(),
        tracker_db=run_dir / "tracker.db",
        run_dir=run_dir,
        env=server_env,
        progress=lambda m: print(f"[servers] {m}"),
    )
    servers.start()
    yield servers
    servers.stop()
