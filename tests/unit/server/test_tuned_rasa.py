"""The action-response check with its schema checked once behaves as Rasa's own."""

from __future__ import annotations

import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction

from infocoach.server.tuned_rasa import checked_once_validator

VALID = (
    {},
    {"events": [], "responses": []},
    {"events": [{"event": "slot", "name": "phase", "value": "signals", "timestamp": None}],
     "responses": [{"text": "Step 4 of 8", "buttons": []}]},
)
INVALID = (
    {"events": "not a list"},
    {"responses": ["not an object"]},
    {"events": [{"event": "no_such_event"}]},
    ["a list, not an object"],
)


@pytest.fixture
def action() -> RemoteAction:
    return RemoteAction("action_walkthrough_start", action_endpoint=None)


@pytest.mark.parametrize("response", VALID)
def test_valid_responses_pass_as_with_rasa(action, response):
    assert RemoteAction._validate_action_result(action, response) is True
    assert checked_once_validator()(action, response) is True


@pytest.mark.parametrize("response", INVALID)
def test_invalid_responses_fail_with_rasas_own_error(action, response):
    with pytest.raises(ValidationError) as rasas:
        RemoteAction._validate_action_result(action, response)
    with pytest.raises(ValidationError) as ours:
        checked_once_validator()(action, response)
    assert str(ours.value) == str(rasas.value)
    assert "Failed to validate Action server response" in ours.value.message


def test_the_rasa_server_is_started_through_it():
    from pathlib import Path

    from infocoach.server.processes import Servers

    command = Servers(auth_token="t").rasa_command(Path("m"), Path("e"), Path("c"))
    assert command[1:4] == ["-m", "infocoach.server.rasa_run", "run"]


def test_the_server_wrapper_replaces_rasas_method(monkeypatch):
    import rasa.core.actions.action as rasa_action
    from rasa.core.processor import MessageProcessor
    from rasa.utils.tensorflow.models import RasaModel

    from infocoach.server import model_threads, rasa_run, tuned_rasa

    for name in ("parse_message", "_run_prediction_loop"):
        monkeypatch.setattr(MessageProcessor, name, getattr(MessageProcessor, name))
    original = RemoteAction._validate_action_result
    monkeypatch.setattr(RemoteAction, "_validate_action_result", original)
    monkeypatch.setattr(RasaModel, "load", RasaModel.__dict__["load"])
    monkeypatch.setattr(rasa_action, "DEFAULT_REQUEST_TIMEOUT", rasa_action.DEFAULT_REQUEST_TIMEOUT)
    monkeypatch.setattr(rasa_run.os, "umask", lambda mask: mask)
    monkeypatch.setattr(rasa_run.quiet_rasa, "install", lambda: None)
    rasa_run.prepare()
    assert RemoteAction._validate_action_result is not original
    assert RemoteAction._validate_action_result.__name__ == "validate_action_result"
    assert RasaModel.__dict__["load"].__func__ is tuned_rasa.load_without_fit
    assert MessageProcessor.parse_message is model_threads.parse_message
    assert MessageProcessor._run_prediction_loop is model_threads.run_prediction_loop
