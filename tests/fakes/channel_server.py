"""The three infocoach channels on a real Sanic server in a thread of the test process.

The channels are registered the way ``rasa run`` registers them
(``rasa.core.channels.channel.register`` under ``/webhooks/``, Rasa's CORS
set-up), but the agent behind them is a stand-in: no trained model is
needed. It stores every message in an in-memory tracker store, answers
"you said: <text>", stays silent for a text starting with "silent" (as a
turn whose custom action failed would), and takes ``SLOW_TURN_SECONDS`` over a
text starting with "slow" (a turn a page can drop its socket during).
Requests go over real HTTP, so Sanic's own handling (body limits, content
types, error pages) is tested too.
``WebClient`` is the web widget's side of the socket.
"""

from __future__ import annotations

import asyncio
import itertools
import socket
import threading
from dataclasses import dataclass, field
from typing import Any

import socketio
from rasa.core.channels.channel import UserMessage, register
from rasa.core.tracker_store import InMemoryTrackerStore
from rasa.server import configure_cors
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import BotUttered, UserUttered
from sanic import Sanic

from infocoach.channels.rest import StrictRestInput
from infocoach.channels.slack import SlackInput
from infocoach.channels.socketio import PersistentSocketIOInput
from tests.fakes.slack_events import SIGNING_SECRET

REST = "/webhooks/rest/webhook"
SLACK = "/webhooks/slack/webhook"
SLOW_TURN_SECONDS = 1.5
_names = (f"channel_server_{n}" for n in itertools.count())


@dataclass
class EchoAgent:
    """Stands in for Rasa's Agent: stores each message and answers it."""

    tracker_store: InMemoryTrackerStore = field(
        default_factory=lambda: InMemoryTrackerStore(Domain.empty())
    )
    received: list[UserMessage] = field(default_factory=list)

    async def handle_message(self, message: UserMessage) -> None:
        self.received.append(message)
        if message.text.startswith("slow"):
            await asyncio.sleep(SLOW_TURN_SECONDS)
        tracker = await self.tracker_store.get_or_create_tracker(message.sender_id)
        tracker.update(UserUttered(message.text, input_channel=message.input_channel,
                                   metadata=message.metadata))
        if not message.text.startswith("silent"):
            reply = f"you said: {message.text}"
            await message.output_channel.send_text_message(message.sender_id, reply)
            tracker.update(BotUttered(reply))
        await self.tracker_store.save(tracker)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class ChannelServer:
    """REST, web and Slack channels on 127.0.0.1; ``url`` once started."""

    def __init__(self, slack_api_url: str) -> None:
        Sanic.test_mode = True  # several apps per test process
        self.agent = EchoAgent()
        self.app = Sanic(next(_names))
        self.app.ctx.agent = self.agent
        configure_cors(self.app, None)
        slack = SlackInput.from_credentials({
            "slack_token": "xoxb-unit", "slack_signing_secret": SIGNING_SECRET,
            "conversation_granularity": "thread",
        })
        slack.api_url = slack_api_url
        register([StrictRestInput(), PersistentSocketIOInput(), slack], self.app, "/webhooks/")
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.loop = asyncio.new_event_loop()
        self._server: Any = None

    def start(self) -> ChannelServer:
        async def serve() -> Any:
            server = await self.app.create_server(host="127.0.0.1", port=self.port,
                                                  return_asyncio_server=True, access_log=False)
            await server.startup()
            await server.before_start()
            await server.after_start()
            return server

        self._server = self.loop.run_until_complete(serve())
        threading.Thread(target=self.loop.run_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        async def close() -> None:
            await self._server.before_stop()
            await self._server.close()
            await self._server.after_stop()

        asyncio.run_coroutine_threadsafe(close(), self.loop).result(timeout=10)
        self.loop.call_soon_threadsafe(self.loop.stop)


class WebClient:
    """The widget's side of the socket (long-polling): session request, messages, replies.

    The client runs on an event loop of its own, so tests can call it plainly.
    """

    def __init__(self, url: str) -> None:
        self.loop = asyncio.new_event_loop()
        threading.Thread(target=self.loop.run_forever, daemon=True).start()
        self.sio = socketio.AsyncClient()
        self.replies: list[dict] = []
        self.session: str | None = None
        self._confirmed = threading.Event()
        self._done = threading.Event()
        self.sio.on("session_confirm", self._confirm)
        self.sio.on("bot_uttered", self._reply)
        self.sio.on("bot_turn_done", self._turn_done)
        self._call(self.sio.connect(url, socketio_path="/socket.io", transports=["polling"]))

    def _call(self, work):
        return asyncio.run_coroutine_threadsafe(work, self.loop).result(timeout=10)

    async def _confirm(self, session_id: str) -> None:
        self.session = session_id
        self._confirmed.set()

    async def _reply(self, message: dict) -> None:
        self.replies.append(message)

    async def _turn_done(self, *_: object) -> None:
        self._done.set()

    def request_session(self, session_id: str | None = None) -> str:
        self._confirmed.clear()
        self._call(self.sio.emit("session_request", {"session_id": session_id}))
        assert self._confirmed.wait(10)
        return self.session

    def emit(self, event: str, data: object) -> None:
        self._call(self.sio.emit(event, data))

    def say(self, text: str, session_id: str | None = None) -> list[dict]:
        self.replies.clear()
        self._done.clear()
        self.emit("user_uttered", {"message": text, "session_id": session_id or self.session})
        assert self._done.wait(10)
        return list(self.replies)

    def close(self) -> None:
        # abort: the pending long-poll would otherwise hold the close until the next ping.
        self._call(self.sio.eio.disconnect(abort=True))
        self.loop.call_soon_threadsafe(self.loop.stop)
