"""PersistentSocketIOInput over a real socket.io connection (no browser): the wire contract."""

from __future__ import annotations

import asyncio
import re
import uuid
from collections.abc import Coroutine
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

import pytest
import requests
import socketio

from infocoach.channels.limits import EMPTY_MESSAGE_REPLY, MAX_TEXT_LENGTH, TRUNCATED_NOTE
from infocoach.channels.socketio import MISSING_SESSION_REPLY

pytestmark = pytest.mark.e2e

TURN_TIMEOUT_S = 120
T = TypeVar("T")


def run(scenario: Coroutine[Any, Any, T]) -> T:
    """asyncio.run in a thread of its own: Playwright's sync API, used by the browser
    tests in the same session, keeps an event loop running on the main thread."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, scenario).result()


class SocketUser:
    """One socket.io client, as the widget uses the channel."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.client = socketio.AsyncClient()
        self.inbox: asyncio.Queue[tuple[str, Any]] = asyncio.Queue()
        for event in ("session_confirm", "bot_uttered", "bot_turn_done"):
            self.client.on(event, self._collector(event))

    def _collector(self, event: str):
        async def collect(data: Any = None) -> None:
            await self.inbox.put((event, data))
        return collect

    async def __aenter__(self) -> SocketUser:
        await self.client.connect(self.url, transports=["polling"])
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.client.disconnect()

    async def session(self, requested: str | None = None) -> str:
        await self.client.emit("session_request", {"session_id": requested})
        event, data = await asyncio.wait_for(self.inbox.get(), TURN_TIMEOUT_S)
        assert event == "session_confirm"
        return data

    async def turn(self, payload: dict[str, Any]) -> list[dict[str, Any]]:
        """Send one user message; the bot messages until the turn is done."""
        await self.client.emit("user_uttered", payload)
        messages = []
        while True:
            event, data = await asyncio.wait_for(self.inbox.get(), TURN_TIMEOUT_S)
            if event == "bot_turn_done":
                return messages
            messages.append(data)


def _history(url: str, session_id: str) -> list[dict[str, Any]]:
    reply = requests.get(f"{url}/webhooks/socketio/history/{session_id}", timeout=30)
    reply.raise_for_status()
    return reply.json()["messages"]


def test_sessions_are_minted_by_the_server_and_kept_when_valid(live_servers) -> None:
    async def scenario() -> tuple[str, str, str]:
        async with SocketUser(live_servers.url) as user:
            minted = await user.session()
            kept = await user.session(minted)
            replaced = await user.session("alice")
        return minted, kept, replaced

    minted, kept, replaced = run(scenario())
    assert re.fullmatch(r"[0-9a-f]{32}", minted)
    assert kept == minted
    assert replaced not in {"alice", minted}


def test_bad_input_is_answered_without_touching_the_conversation(live_servers) -> None:
    async def scenario() -> tuple[list, list, str]:
        async with SocketUser(live_servers.url) as user:
            session_id = await user.session()
            missing = await user.turn({"message": "hello"})
            empty = await user.turn({"message": "  \n ", "session_id": session_id})
        return missing, empty, session_id

    missing, empty, session_id = run(scenario())
    assert missing == [{"text": MISSING_SESSION_REPLY}]
    assert empty == [{"text": EMPTY_MESSAGE_REPLY}]
    assert _history(live_servers.url, session_id) == []


def test_a_huge_message_is_cut_and_the_user_told(live_servers) -> None:
    async def scenario() -> tuple[list, str]:
        async with SocketUser(live_servers.url) as user:
            session_id = await user.session()
            huge = "a" * (MAX_TEXT_LENGTH + 500)
            replies = await user.turn({"message": huge, "session_id": session_id})
        return replies, session_id

    replies, session_id = run(scenario())
    assert replies[0] == {"text": TRUNCATED_NOTE}
    assert len(replies) > 1  # the coach still answered what it read
    user_messages = [m for m in _history(live_servers.url, session_id) if m["sender"] == "user"]
    assert [len(m["text"]) for m in user_messages] == [MAX_TEXT_LENGTH]


def test_history_serves_web_conversations_only(live_servers) -> None:
    async def scenario() -> str:
        async with SocketUser(live_servers.url) as user:
            session_id = await user.session()
            await user.turn({"message": "hi", "session_id": session_id})
        return session_id

    session_id = run(scenario())
    history = _history(live_servers.url, session_id)
    assert history[0] == {"sender": "user", "text": "hi"}
    assert history[1]["sender"] == "bot"

    rest_sender = uuid.uuid4().hex  # same shape as a web session id, but a REST conversation
    rest = requests.post(f"{live_servers.url}/webhooks/rest/webhook",
                         json={"sender": rest_sender, "message": "hi"}, timeout=TURN_TIMEOUT_S)
    rest.raise_for_status()
    assert _history(live_servers.url, rest_sender) == []
    not_a_session = requests.get(f"{live_servers.url}/webhooks/socketio/history/alice", timeout=30)
    assert not_a_session.status_code == 404


def test_the_socket_refuses_other_sites(live_servers) -> None:
    async def connect_from(origin: str) -> None:
        client = socketio.AsyncClient()
        try:
            await client.connect(live_servers.url, headers={"Origin": origin},
                                 transports=["polling"])
        finally:
            await client.disconnect()

    with pytest.raises(socketio.exceptions.ConnectionError):
        run(connect_from("http://evil.test"))
    run(connect_from(live_servers.url))  # the server's own pages may connect


def test_a_page_reconnecting_mid_turn_gets_the_reply_in_its_history(live_servers) -> None:
    """The socket drops just after the message is sent (a phone changing networks).

    The message must still be answered, though its socket has gone. The reply
    reaches nobody; the page that reconnects asks for its session and loads the
    history once confirmed, so the history must hold the message and the reply.
    """
    async def scenario() -> list[dict[str, Any]]:
        async with SocketUser(live_servers.url) as first:
            session_id = await first.session()
            await first.client.emit("user_uttered", {"message": "hi", "session_id": session_id})
        async with SocketUser(live_servers.url) as again:
            assert await again.session(session_id) == session_id
            return await asyncio.to_thread(_history, live_servers.url, session_id)

    history = run(scenario())
    assert [m["sender"] for m in history[:2]] == ["user", "bot"], history
    assert history[0]["text"] == "hi"
