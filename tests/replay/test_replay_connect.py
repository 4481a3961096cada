"""`infocoach replay --url`: the token travels in a header, and plain http to another
machine is warned about."""

from __future__ import annotations

import jwt
import pytest

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
