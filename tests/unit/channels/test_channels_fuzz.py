"""Property: no input makes a channel answer 500 or stop serving.

Arbitrary bytes and arbitrary JSON (shaped like each channel's requests, with
every field of any type) go to the REST, Slack and socket.io channels of the
live, model-free server (tests/fakes/channel_server.py). Every answer must
be a client error or a success, and afterwards each channel still works.
"""

from __future__ import annotations

import json
import time
from urllib.parse import urlencode

import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fakes.channel_server import REST, SLACK, WebClient
from tests.fakes.slack_events import sign

FUZZ = settings(max_examples=120, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

scalars = (st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False)
           | st.text(max_size=40))
json_values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                 max_size=4),
    max_leaves=12,
)
texts = st.text(max_size=200)  # any code point, control characters and NUL included


def _anything_or(values: st.SearchStrategy) -> st.SearchStrategy:
    return values | json_values


rest_bodies = st.fixed_dictionaries({}, optional={
    "sender": _anything_or(texts), "message": _anything_or(texts),
    "text": _anything_or(texts), "metadata": json_values,
})
slack_events = st.fixed_dictionaries({}, optional={
    "type": _anything_or(st.sampled_from(["message", "app_mention"])),
    "subtype": _anything_or(st.sampled_from(["file_share", "message_changed"])),
    "user": _anything_or(st.sampled_from(["U1", "U2"])),
    "channel": _anything_or(st.sampled_from(["D1", "C1"])),
    "text": _anything_or(texts), "ts": _anything_or(st.sampled_from(["1.1", "2.2"])),
    "thread_ts": json_values, "bot_id": json_values,
})
slack_envelopes = st.fixed_dictionaries({}, optional={
    "type": _anything_or(st.sampled_from(["event_callback", "url_verification"])),
    "event": _anything_or(slack_events), "challenge": json_values,
    "authorizations": json_values, "authed_users": json_values,
})
slack_clicks = st.fixed_dictionaries({}, optional={
    "type": _anything_or(st.just("block_actions")),
    "user": _anything_or(st.fixed_dictionaries({"id": _anything_or(st.just("U1"))})),
    "channel": _anything_or(st.fixed_dictionaries({"id": _anything_or(st.just("C1"))})),
    "message": _anything_or(st.fixed_dictionaries({"ts": _anything_or(st.just("1.1")),
                                                   "thread_ts": json_values,
                                                   "blocks": json_values})),
    "actions": _anything_or(st.lists(_anything_or(st.fixed_dictionaries({
        "type": _anything_or(st.just("button")), "value": _anything_or(texts),
        "text": json_values})), max_size=2)),
})
content_types = st.sampled_from(["application/json", "application/x-www-form-urlencoded",
                                 "text/plain", "multipart/form-data", ""])


def _post(url: str, body: bytes, content_type: str, headers: dict | None = None):
    return requests.post(url, data=body, headers={"Content-Type": content_type, **(headers or {})},
                         timeout=20)


def _signed(body: bytes) -> dict[str, str]:
    now = int(time.time())
    return {"X-Slack-Request-Timestamp": str(now), "X-Slack-Signature": sign(body, now)}


def _no_server_error(answer: requests.Response) -> None:
    assert answer.status_code < 500, (answer.status_code, answer.text[:300])


@FUZZ
@given(body=st.binary(max_size=600), content_type=content_types)
def test_rest_survives_arbitrary_bytes(channel_server, body, content_type):
    _no_server_error(_post(channel_server.url + REST, body, content_type))


@FUZZ
@given(payload=rest_bodies | json_values)
def test_rest_survives_arbitrary_json(channel_server, payload):
    answer = _post(channel_server.url + REST, json.dumps(payload).encode(), "application/json")
    _no_server_error(answer)
    if answer.status_code == 200:
        assert all(isinstance(m.get("text"), str) for m in answer.json())


@FUZZ
@given(body=st.binary(max_size=600), content_type=content_types, signed=st.booleans(),
       signature=st.text(st.characters(min_codepoint=0x20, max_codepoint=0xFF,
                                       blacklist_characters="\x7f"), max_size=70
                         ).filter(lambda t: t == t.strip()))
def test_slack_survives_arbitrary_bytes(channel_server, body, content_type, signed, signature):
    now = str(int(time.time()))
    headers = _signed(body) if signed else {
        "X-Slack-Request-Timestamp": now,
        "X-Slack-Signature": signature,  # Latin-1 included: non-ASCII must be a 401
    }
    _no_server_error(_post(channel_server.url + SLACK, body, content_type, headers))


@FUZZ
@given(envelope=slack_envelopes | json_values)
def test_slack_survives_arbitrary_signed_events(channel_server, envelope):
    body = json.dumps(envelope).encode()
    _no_server_error(_post(channel_server.url + SLACK, body, "application/json", _signed(body)))


@FUZZ
@given(payload=slack_clicks | json_values)
def test_slack_survives_arbitrary_signed_clicks(channel_server, payload):
    body = urlencode({"payload": json.dumps(payload)}).encode()
    _no_server_error(_post(channel_server.url + SLACK, body,
                           "application/x-www-form-urlencoded", _signed(body)))


@FUZZ
@given(body=st.binary(max_size=600), query=st.text(max_size=30))
def test_socketio_polling_survives_arbitrary_bytes(channel_server, body, query):
    url = f"{channel_server.url}/socket.io/?EIO=4&transport=polling&{query}"
    _no_server_error(_post(url, body, "text/plain;charset=UTF-8"))


def test_socketio_events_survive_arbitrary_json(channel_server):
    client = WebClient(channel_server.url)
    try:
        session = client.request_session()

        @FUZZ
        @given(event=st.sampled_from(["session_request", "user_uttered", "other"]),
               data=json_values | st.fixed_dictionaries({}, optional={
                   "message": _anything_or(texts), "session_id": json_values,
                   "metadata": json_values}))
        def throw(event, data):
            client.emit(event, data)

        throw()
    finally:
        client.close()
    # A fresh page (the fuzzed socket may still be receiving its answers) carries on.
    page = WebClient(channel_server.url)
    try:
        assert page.request_session(session) == session
        assert page.say("still there?") == [{"text": "you said: still there?"}]
    finally:
        page.close()


def test_every_channel_still_serves_afterwards(channel_server):
    answer = _post(channel_server.url + REST,
                   json.dumps({"sender": "after-fuzz", "message": "hello"}).encode(),
                   "application/json")
    assert answer.json() == [{"recipient_id": "rest:after-fuzz", "text": "you said: hello"}]
    challenge = json.dumps({"type": "url_verification", "challenge": "c1"}).encode()
    answer = _post(channel_server.url + SLACK, challenge, "application/json", _signed(challenge))
    assert answer.json() == {"challenge": "c1"}
