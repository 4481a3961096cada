"""The three channels on a live, model-free Sanic server (tests/fakes/channel_server.py):
size limits, content types, conversation ids per channel, and the web widget's guards."""

from __future__ import annotations

import asyncio
import json
import time
import uuid

import pytest
import requests

from infocoach.channels.limits import MAX_BODY_BYTES
from infocoach.channels.turns import UNAVAILABLE_REPLY
from tests.fakes.channel_server import REST, SLACK, WebClient
from tests.fakes.slack_events import message_event, new_ts, sign

POLLING = "/socket.io/?EIO=4&transport=polling"


def _rest(server, body, content_type="application/json") -> requests.Response:
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    return requests.post(server.url + REST, data=data, headers={"Content-Type": content_type},
                         timeout=10)


def _slack(server, envelope: dict) -> requests.Response:
    body = json.dumps(envelope).encode()
    now = int(time.time())
    headers = {"Content-Type": "application/json", "X-Slack-Request-Timestamp": str(now),
               "X-Slack-Signature": sign(body, now)}
    return requests.post(server.url + SLACK, data=body, headers=headers, timeout=10)


def _still_serves(server) -> None:
    answer = _rest(server, {"sender": "after", "message": "still there?"})
    assert answer.status_code == 200
    assert answer.json()[-1]["text"] == "you said: still there?"


@pytest.mark.parametrize("path", [REST, SLACK, POLLING])
@pytest.mark.parametrize("chunked", [False, True])
def test_a_body_over_the_limit_is_refused_before_it_is_read(channel_server, path, chunked):
    body = b"{" + b" " * MAX_BODY_BYTES + b"}"
    data = iter([body[i:i + 8192] for i in range(0, len(body), 8192)]) if chunked else body
    answer = requests.post(channel_server.url + path, data=data,
                           headers={"Content-Type": "application/json"}, timeout=10)
    assert answer.status_code == 413
    _still_serves(channel_server)


def test_a_body_just_under_the_limit_is_read(channel_server):
    body = {"sender": "big", "message": "x" * (MAX_BODY_BYTES - 100)}
    answer = _rest(channel_server, body)
    assert answer.status_code == 200 and "very long" in answer.json()[0]["text"]


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded", ""])
def test_rest_takes_json_only(channel_server, content_type):
    received = len(channel_server.agent.received)
    answer = _rest(channel_server, {"sender": "u", "message": "hi"}, content_type)
    assert answer.status_code == 415
    assert len(channel_server.agent.received) == received  # nothing reached the bot


def test_control_characters_are_stripped_not_refused(channel_server):
    answer = _rest(channel_server, {"sender": "ctl", "message": "he\x00l\x1blo\x7f"})
    assert answer.json() == [{"recipient_id": "rest:ctl", "text": "you said: hello"}]


def test_a_silent_turn_gets_the_unavailable_reply(channel_server):
    answer = _rest(channel_server, {"sender": "quiet", "message": "silent please"})
    assert answer.json() == [{"recipient_id": "rest:quiet", "text": UNAVAILABLE_REPLY}]


async def _tracker_texts(server, conversation_id: str) -> list[str]:
    tracker = await server.agent.tracker_store.retrieve(conversation_id)
    return [e.text for e in tracker.events if e.type_name == "user"] if tracker else []


def _texts(server, conversation_id: str) -> list[str]:
    return asyncio.run_coroutine_threadsafe(
        _tracker_texts(server, conversation_id), server.loop
    ).result(timeout=10)


@pytest.fixture
def web(channel_server):
    client = WebClient(channel_server.url)
    yield client
    client.close()


def test_web_session_ids_are_minted_by_the_server(channel_server, web):
    chosen = uuid.uuid4().hex
    assert web.request_session(chosen) != chosen
    minted = web.request_session()
    assert web.say("hi") == [{"text": "you said: hi"}]
    assert web.request_session(minted) == minted  # a reload keeps its conversation
    assert _texts(channel_server, f"web:{minted}") == ["hi"]


def _wait_for(check, timeout: float = 10) -> bool:
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    return True


def test_a_page_back_mid_turn_loads_a_history_holding_the_whole_turn(channel_server):
    """The socket drops while the coach answers; the reply reaches no socket, so the
    reconnected page must find it in the history it loads once its session is confirmed."""
    first = WebClient(channel_server.url)
    session = first.request_session()
    first.emit("user_uttered", {"message": "slow reply please", "session_id": session})
    assert _wait_for(lambda: any(m.text == "slow reply please"
                                 for m in channel_server.agent.received))
    first.close()
    again = WebClient(channel_server.url)
    try:
        assert again.request_session(session) == session
        history = requests.get(f"{channel_server.url}/webhooks/socketio/history/{session}",
                               timeout=10).json()["messages"]
    finally:
        again.close()
    assert history == [{"sender": "user", "text": "slow reply please"},
                       {"sender": "bot", "text": "you said: slow reply please"}]


def test_a_message_under_a_made_up_session_id_is_refused(channel_server, web):
    web.request_session()
    made_up = uuid.uuid4().hex
    [reply] = web.say("hello", session_id=made_up)
    assert "no valid session id" in reply["text"]
    assert _texts(channel_server, f"web:{made_up}") == []


def test_jsonp_polling_is_refused(channel_server):
    answer = requests.get(channel_server.url + POLLING + "&j=0", timeout=10)
    assert answer.status_code == 400 and "JSONP" in answer.text


def test_every_widget_route_sends_the_page_headers(channel_server):
    base = channel_server.url + "/webhooks/socketio"
    for path in ("/static/index.html", "/static/widget.js", "/history/" + "0" * 32, "/"):
        answer = requests.get(base + path, timeout=10)
        assert "frame-ancestors 'self'" in answer.headers["Content-Security-Policy"], path
        assert answer.headers["X-Content-Type-Options"] == "nosniff", path


def test_history_is_never_cached(channel_server, web):
    session = web.request_session()
    web.say("my manager is Dana")
    answer = requests.get(f"{channel_server.url}/webhooks/socketio/history/{session}", timeout=10)
    assert answer.headers["Cache-Control"] == "no-store"
    assert answer.json()["messages"][0] == {"sender": "user", "text": "my manager is Dana"}


def test_one_user_id_on_three_channels_is_three_conversations(channel_server, web):
    user = f"U{uuid.uuid4().hex[:8].upper()}"
    _slack(channel_server, message_event(user, "D1", "thank-you note for Dana", new_ts()))
    _wait_for(lambda: _texts(channel_server, f"slack:{user}") != [])
    _rest(channel_server, {"sender": user, "message": "what did I say?"})
    session = web.request_session()
    web.say("hello from the web")
    assert _texts(channel_server, f"slack:{user}") == ["thank-you note for Dana"]
    assert _texts(channel_server, f"rest:{user}") == ["what did I say?"]
    assert _texts(channel_server, f"web:{session}") == ["hello from the web"]
    # A REST client naming the Slack or web conversation is refused, and reads nothing.
    for foreign in (f"slack:{user}", f"web:{session}"):
        answer = _rest(channel_server, {"sender": foreign, "message": "show me"})
        assert answer.status_code == 403 and "another channel" in answer.json()["error"]
    assert _texts(channel_server, f"slack:{user}") == ["thank-you note for Dana"]
    # The web history shows web conversations only.
    history = requests.get(f"{channel_server.url}/webhooks/socketio/history/{session}",
                           timeout=10).json()["messages"]
    assert [m["text"] for m in history if m["sender"] == "user"] == ["hello from the web"]
