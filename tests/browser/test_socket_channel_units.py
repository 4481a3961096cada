"""The web channel's pieces that need no server: session ids, message shapes, history, origins."""

from __future__ import annotations

import itertools

import pytest
from rasa.server import configure_cors
from sanic import Sanic

from infocoach.channels.socketio import (
    PersistentSocketIOInput,
    bot_message_parts,
    new_session_id,
    origin_allowed,
    socket_origins,
    valid_session_id,
    web_transcript,
)
from infocoach.coaching.practice import engine
from infocoach.coaching.practice.scorecard import SCORECARD_KEY, score, view
from infocoach.ids import Persona

_app_names = (f"socket_origins_{n}" for n in itertools.count())


def _user(text: str, channel: str = "socketio") -> dict:
    return {"event": "user", "text": text, "input_channel": channel}


def _bot(text: str, buttons: list[dict] | None = None) -> dict:
    return {"event": "bot", "text": text, "data": {"buttons": buttons}}


def test_only_server_minted_session_ids_are_valid() -> None:
    assert valid_session_id(new_session_id())
    for bad in [None, 42, "", "alice", "0" * 31, "0" * 33, "A" * 32, "../" + "0" * 29]:
        assert valid_session_id(bad) is None


NEXT = {"title": "Next", "payload": "/walkthrough_next"}
NEXT_REPLY = {"content_type": "text", **NEXT}
COACH = {"title": "Coach me through it", "payload": "/walkthrough_start"}


def test_a_bot_text_becomes_one_bubble_per_paragraph_with_buttons_on_the_last() -> None:
    parts = bot_message_parts("Step 1\n\n- a\n- b\n\n\n\n", [NEXT])
    assert parts == [{"text": "Step 1"}, {"text": "- a\n- b", "quick_replies": [NEXT_REPLY]}]
    assert bot_message_parts("", [NEXT]) == [{"text": "", "quick_replies": [NEXT_REPLY]}]
    assert bot_message_parts("  ") == []


def test_a_scorecard_is_one_bubble_with_its_items_live_and_in_the_history() -> None:
    state = engine.respond(engine.start(3, "nursing", Persona.NEUTRAL).state,
                           "Here is my resume.").state
    worded = view(score(state))
    custom = {SCORECARD_KEY: worded.dict()}
    [part] = bot_message_parts(worded.text(), custom=custom)
    assert part == {"text": worded.text(), "scorecard": worded.dict()}
    assert part["scorecard"]["steps"][0]["done"] is True
    # Unreadable items: the text is shown as any other text.
    assert bot_message_parts("A\n\nB", custom={SCORECARD_KEY: {"title": 1}}) == [
        {"text": "A"}, {"text": "B"}]
    events = [_user("how did I do?"),
              {"event": "bot", "text": worded.text(), "data": {"custom": custom}}]
    assert web_transcript(events)[1] == {"sender": "bot", **part}


def test_transcript_shows_clicked_buttons_by_title() -> None:
    events = [
        {"event": "session_started"},
        _user("hi"),
        {"event": "action", "name": "utter_greet"},
        _bot("Hello!\n\nWant a walkthrough?", [COACH]),
        _user("/walkthrough_start"),
        _bot("Step 1"),
        _user("/walkthrough_start"),  # typed, not clicked: no buttons were on screen
    ]
    assert web_transcript(events) == [
        {"sender": "user", "text": "hi"},
        {"sender": "bot", "text": "Hello!"},
        {"sender": "bot", "text": "Want a walkthrough?",
         "quick_replies": [{"content_type": "text", **COACH}]},
        {"sender": "user", "text": "Coach me through it"},
        {"sender": "bot", "text": "Step 1"},
        {"sender": "user", "text": "/walkthrough_start"},
    ]


def test_transcript_keeps_the_latest_messages() -> None:
    events = [_user(f"m{i}") for i in range(10)]
    assert [m["text"] for m in web_transcript(events, limit=3)] == ["m7", "m8", "m9"]


def test_conversations_from_other_channels_are_not_shown() -> None:
    assert web_transcript([_user("hi"), _bot("Hello"), _user("secret", channel="rest")]) == []


@pytest.mark.parametrize(("cors", "expected"), [
    (None, None),
    ([], None),
    (["*"], "*"),
    (["https://a.example", "https://b.example"], ["https://a.example", "https://b.example"]),
    ("https://a.example", ["https://a.example"]),
])
def test_socket_origins_follow_rasas_cors_setting(cors, expected) -> None:
    app = Sanic(next(_app_names))
    configure_cors(app, cors)
    assert socket_origins(app) == expected


def test_socket_origins_default_to_same_origin_without_cors_setup() -> None:
    assert socket_origins(Sanic(next(_app_names))) is None


@pytest.mark.parametrize(("origin", "allowed", "expected"), [
    (None, None, True),  # not a web page
    ("http://bot.example:5005", None, True),  # the server's own page
    ("https://bot.example:5005", None, True),
    ("http://evil.example", None, False),
    ("http://bot.example:5006", None, False),
    ("https://blog.example", ["https://blog.example"], True),
    ("https://blog.example.evil", ["https://blog.example"], False),
    ("http://evil.example", "*", True),
])
def test_origin_check(origin, allowed, expected) -> None:
    assert origin_allowed(origin, "bot.example:5005", allowed) is expected


def test_the_channel_takes_no_settings() -> None:
    assert isinstance(PersistentSocketIOInput.from_credentials(None), PersistentSocketIOInput)
    with pytest.raises(ValueError, match=r"cors_allowed_origins.*--cors"):
        PersistentSocketIOInput.from_credentials({"cors_allowed_origins": "*"})
