"""`infocoach replay --url`: the token travels in a header, and plain http to another
machine is warned about."""

from __future__ import annotations

import jwt
import pytest
from rasa.shared.core.events import Event, SlotSet, do_events_begin_with_session_start

from infocoach.replay.connect import bot_servers, is_private_url
from infocoach.replay.runner import RestBot


@pytest.mark.parametrize(("url", "private"), [
    ("http://127.0.0.1:5005", True),
    ("http://localhost:5005", True),
    ("http://[::1]:5005", True),
    ("https://coach.example.org", True),
    ("http://coach.example.org:5005", False),
    ("http://192.168.1.20:5005", False),
])
def test_only_https_or_this_machine_is_private(url, private):
    assert is_private_url(url) is private


def test_a_token_for_plain_http_elsewhere_is_warned_about(capsys):
    with bot_servers("http://coach.example.org:5005", token="t" * 32) as bot:
        assert bot.token == "t" * 32
    assert "unencrypted" in capsys.readouterr().err
    with bot_servers("http://127.0.0.1:5005", token="t" * 32):
        pass
    assert capsys.readouterr().err == ""


def test_the_token_goes_in_a_header_not_the_url():
    headers = RestBot("http://127.0.0.1:5005", token="k" * 32)._api_headers()
    scheme, value = headers["Authorization"].split()
    assert scheme == "Bearer"
    assert jwt.decode(value, "k" * 32, algorithms=["HS256"])["user"]["role"] == "admin"
    assert RestBot("http://127.0.0.1:5005")._api_headers() == {}


class _Recorder:
    """Stands in for requests.Session: keeps what is posted, answers 200."""

    def __init__(self) -> None:
        self.posts: list[tuple[str, object, dict]] = []

    def post(self, url: str, json: object = None, headers: dict | None = None, **_: object):
        self.posts.append((url, json, headers or {}))
        return type("Answer", (), {"raise_for_status": lambda self: None})()


def test_practice_keys_open_the_session_so_rasa_keeps_them():
    http = _Recorder()
    RestBot("http://127.0.0.1:5005", token="k" * 32).set_slots(
        http, "rest:replay-1", {"practice_seed": 3, "practice_persona": "neutral"})
    [(url, body, headers)] = http.posts
    assert url == "http://127.0.0.1:5005/conversations/rest:replay-1/tracker/events"
    assert headers["Authorization"].startswith("Bearer ")
    events = [Event.from_parameters(event) for event in body]
    # Rasa then appends them as they are, instead of starting a session after them
    # (whose newer start would hide the slots when the conversation is loaded).
    assert do_events_begin_with_session_start(events)
    assert [(e.key, e.value) for e in events if isinstance(e, SlotSet)] == [
        ("practice_seed", 3), ("practice_persona", "neutral")]
    assert events[-1].as_dict()["name"] == "action_listen"
