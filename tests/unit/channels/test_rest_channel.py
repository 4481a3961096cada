"""Request parsing of the strict REST channel and the shared input limits."""

from __future__ import annotations

import asyncio
import json
from types import SimpleNamespace

import pytest
from sanic.response import HTTPResponse

from infocoach.channels.limits import (
    MAX_METADATA_BYTES,
    MAX_TEXT_LENGTH,
    capped_metadata,
    check_text,
)
from infocoach.channels.rest import RestOutput, StrictRestInput, parse_request
from infocoach.coaching.practice import engine
from infocoach.coaching.practice.scorecard import SCORECARD_KEY, score, view
from infocoach.ids import Persona


class _Request(SimpleNamespace):
    @property
    def json(self):
        if isinstance(self.body, Exception):
            raise self.body
        return self.body


def _parse(body, content_type="application/json"):
    return parse_request(_Request(body=body, headers={"content-type": content_type}))


def _error(result) -> tuple[int, str]:
    assert isinstance(result, HTTPResponse)
    return result.status, json.loads(result.body)["error"]


def test_channel_keeps_rasas_rest_url():
    assert StrictRestInput.name() == "rest"


def test_valid_request_gives_sender_text_and_metadata():
    assert _parse({"sender": " u1 ", "message": "hi", "metadata": {"a": 1}}) == (
        "rest:u1",
        "hi",
        {"a": 1},
    )


def test_numeric_sender_is_accepted_as_text():
    assert _parse({"sender": 42, "message": "hi"})[0] == "rest:42"


def test_a_sender_already_under_rest_keeps_its_id():
    assert _parse({"sender": "rest:u1", "message": "hi"})[0] == "rest:u1"


@pytest.mark.parametrize("content_type", ["", "text/plain", "application/x-www-form-urlencoded",
                                          "multipart/form-data; boundary=x"])
def test_only_json_is_accepted(content_type):
    status, message = _error(_parse({"sender": "u", "message": "hi"}, content_type))
    assert status == 415 and "application/json" in message


def test_json_with_a_charset_is_accepted():
    parsed = _parse({"sender": "u", "message": "hi"}, "application/json; charset=utf-8")
    assert parsed[0] == "rest:u"


@pytest.mark.parametrize(
    ("body", "status", "fragment"),
    [
        (ValueError("bad json"), 400, "not valid JSON"),
        ([1, 2], 400, "JSON object"),
        ({"message": "hi"}, 400, '"sender" is required'),
        ({"sender": True, "message": "hi"}, 400, '"sender" is required'),
        ({"sender": "x" * 300, "message": "hi"}, 400, "at most 256"),
        ({"sender": "u"}, 400, '"message" is required'),
        ({"sender": "u", "message": ["hi"]}, 400, "must be a string"),
        ({"sender": "slack:U1", "message": "hi"}, 403, "another channel (slack:"),
        ({"sender": "web:" + "a" * 32, "message": "hi"}, 403, "another channel (web:"),
        ({"sender": "u\x00", "message": "hi"}, 400, "control characters"),
        ({"sender": "u", "message": "hi", "metadata": [1]}, 400, '"metadata" must be'),
        ({"sender": "u", "message": "hi", "metadata": {"a": "x" * 5000}}, 400, "4,096 bytes"),
    ],
)
def test_bad_requests_are_refused_with_a_reason(body, status, fragment):
    got_status, message = _error(_parse(body))
    assert got_status == status and fragment in message


@pytest.mark.parametrize("text", ["", "   ", "\n\t ", "\x00\x07"])
def test_empty_text_is_none(text):
    assert check_text(text) is None


def test_control_characters_are_removed_and_text_kept():
    assert check_text(" he\x00llo \x1b") == ("hello", False)


def test_long_text_is_cut_and_flagged():
    text, truncated = check_text("a" * (MAX_TEXT_LENGTH + 10))
    assert truncated and len(text) == MAX_TEXT_LENGTH


def test_long_text_is_cut_before_control_characters_are_removed():
    # Cut first: the part after the limit is never scanned, so its control
    # characters cannot pull later text inside the limit.
    text, truncated = check_text("a" * MAX_TEXT_LENGTH + "\x00" * 10 + "b")
    assert truncated and text == "a" * MAX_TEXT_LENGTH


def test_metadata_is_capped():
    assert capped_metadata({"a": 1}) == {"a": 1}
    assert capped_metadata({"a": "x" * MAX_METADATA_BYTES}) == {}
    assert capped_metadata(["a"]) == {}
    assert capped_metadata({"a": {1, 2}}) == {}


def test_a_scorecard_is_one_rest_message_with_its_text_and_items():
    state = engine.start(3, "nursing", Persona.NEUTRAL).state
    worded = view(score(state))
    custom = {SCORECARD_KEY: worded.dict()}
    output = RestOutput()
    asyncio.run(output.send_response("rest:u", {"text": worded.text(), "custom": custom}))
    assert output.messages == [{"recipient_id": "rest:u", "text": worded.text(), "custom": custom}]
    # Other texts are still split into paragraphs, as Rasa's REST channel does.
    asyncio.run(output.send_response("rest:u", {"text": "A\n\nB"}))
    assert [m["text"] for m in output.messages[1:]] == ["A", "B"]
