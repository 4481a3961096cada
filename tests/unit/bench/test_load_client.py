"""The load client against a tiny local HTTP server that answers, fails and stalls on cue."""

from __future__ import annotations

import asyncio
import socket

from aiohttp import web

from infocoach.bench.conversations import User, users
from infocoach.bench.load import play_level


class FakeBot:
    """A REST webhook whose answer depends on the message, and that counts requests in flight."""

    def __init__(self) -> None:
        self.in_flight = 0
        self.most_in_flight = 0
        self.senders: set[str] = set()

    async def webhook(self, request: web.Request) -> web.StreamResponse:
        body = await request.json()
        self.senders.add(body["sender"])
        self.in_flight += 1
        self.most_in_flight = max(self.most_in_flight, self.in_flight)
        try:
            await asyncio.sleep(0.05)
            text = body["message"]
            if text == "fail":
                return web.Response(status=500, text="boom")
            if text == "stall":
                await asyncio.sleep(2)
            if text == "garbage":
                return web.Response(text="<html>not json</html>")
            if text == "object":
                return web.json_response({"error": "not a list"})
            return web.json_response([] if text == "silence" else [{"text": f"re: {text}"}])
        finally:
            self.in_flight -= 1


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


async def _against_fake_bot(players, seconds=0.0, timeout=1.0, max_conversations=50):
    bot = FakeBot()
    app = web.Application()
    app.router.add_post("/webhooks/rest/webhook", bot.webhook)
    runner = web.AppRunner(app)
    await runner.setup()
    port = _free_port()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    try:
        url = f"http://127.0.0.1:{port}/webhooks/rest/webhook"
        result = await play_level(url, players, seconds, max_conversations, timeout)
    finally:
        await runner.cleanup()
    return bot, result


def test_every_kind_of_failure_is_counted_and_answers_are_timed():
    script = ("hi", "fail", "garbage", "object", "stall", "silence", "bye")
    bot, result = asyncio.run(_against_fake_bot([User("u", script)], timeout=0.5))
    assert dict(result.failures) == {
        "HTTP 500": 1, "not a list of messages": 2, "timeout": 1,
    }
    assert result.errors == 4
    assert len(bot.senders) == 1  # one conversation, under one sender
    assert len(result.latencies) == 3  # hi, silence, bye
    assert result.empty_answers == 1
    assert all(0.04 < t < 0.5 for t in result.latencies)
    summary = result.summary()
    assert summary["turns"] == 3 and summary["errors"] == 4 and summary["conversations"] == 1


def test_users_talk_at_once_each_under_its_own_senders():
    players = users(5, [("a", "b"), ("c",)], prefix="sim")
    bot, result = asyncio.run(_against_fake_bot(players, seconds=5.0, max_conversations=3))
    assert result.errors == 0
    assert bot.most_in_flight == 5
    assert result.conversations == len(bot.senders) == 15  # the count bound stops each user
    assert len(result.latencies) == 3 * (3 * 2 + 2 * 1)


def test_a_server_that_is_down_gives_errors_not_a_crash():
    players = users(2, [("hi", "bye")], prefix="down")
    url = f"http://127.0.0.1:{_free_port()}/webhooks/rest/webhook"
    result = asyncio.run(play_level(url, players, seconds=0.0, timeout=1.0))
    assert result.errors == 4 and result.latencies == []
    assert set(result.failures) == {"ClientConnectorError"}
