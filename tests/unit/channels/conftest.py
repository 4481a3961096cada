"""A live, model-free server with the three channels, shared by the channel tests."""

from __future__ import annotations

import pytest

from tests.fakes.channel_server import ChannelServer


@pytest.fixture(scope="module")
def channel_server(fake_slack):
    server = ChannelServer(fake_slack.url).start()
    yield server
    server.stop()
