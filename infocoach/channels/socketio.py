"""The web chat widget's channel: Rasa's socket.io channel, made safe to put on a web page.

Rasa 3.6's SocketIOInput has three problems for a public widget:

- ``session_persistence`` is broken with python-socketio 5: ``enter_room`` is a
  coroutine there and Rasa never awaits it, so replies addressed to the
  session's room reach nobody. A reloaded page therefore lost its conversation.
- it builds its socket server with ``cors_allowed_origins=[]``, which turns the
  origin check off: any web site could open a socket and chat as its visitors.
  Here a socket is accepted only from the server's own pages and from the
  origins that ``--cors`` allows (Sanic-CORS, set up by Rasa from ``--cors``,
  keeps answering CORS for the HTTP side, including socket.io's long-polling).
- it passes empty and huge messages straight to NLU, unlike our REST channel.
- it takes any session id a page proposes, so a page could choose its own;
  engine.io's JSONP polling (``j=``, loaded by a ``<script>`` tag, so without
  an Origin header) slipped past the origin check.

This subclass keeps Rasa's wire format (``session_request`` / ``session_confirm``,
``user_uttered`` / ``bot_uttered``) and fixes those, and its blueprint also
serves the widget (page, script, styles) and a read-only history of one web
conversation, so ``make serve`` needs no other web server.
"""

from __future__ import annotations

import logging
import re
import uuid
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Iterable
from typing import Any
from urllib.parse import parse_qs, urlsplit

from rasa.core.channels.channel import InputChannel, UserMessage
from rasa.core.channels.socketio import SocketBlueprint, SocketIOInput, SocketIOOutput
from sanic import Blueprint, Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse
from socketio import AsyncServer

from infocoach.channels.conversation_ids import WEB_PREFIX
from infocoach.channels.in_flight import TurnsInFlight
from infocoach.channels.limits import (
    EMPTY_MESSAGE_REPLY,
    MAX_BODY_BYTES,
    TRUNCATED_NOTE,
    cap_request_bodies,
    capped_metadata,
    check_text,
)
from infocoach.channels.replies import channel_replies
from infocoach.channels.scorecard_payload import scorecard_in
from infocoach.channels.turns import run_turn
from infocoach.paths import WEB_STATIC_DIR

logger = logging.getLogger(__name__)

STATIC_DIR = WEB_STATIC_DIR
SOCKET_CLIENT = STATIC_DIR / "vendor" / "socket.io.min.js"
# The widget speaks these event names; they are fixed so page and server always agree.
USER_EVENT = "user_uttered"
BOT_EVENT = "bot_uttered"
# Sent once a user message is fully handled: the widget's typing indicator ends there.
TURN_DONE_EVENT = "bot_turn_done"
MAX_HISTORY_MESSAGES = 300
# Session ids are minted here (uuid4 hex): unguessable, so knowing one is what
# entitles a page to that conversation and its history.
_SESSION_ID = re.compile(r"^[0-9a-f]{32}$")

# Ids minted by this process and not yet used; an id in use is known by its tracker.
MAX_PENDING_SESSIONS = 10_000

MISSING_SESSION_REPLY = channel_replies().missing_session
# How long a reconnecting page waits for its conversation's turn to end before
# its session is confirmed anyway: several custom actions of ten seconds at most.
RECONNECT_WAIT_SECONDS = 30
# Every response of the widget's routes (page, files, history) carries these:
# the page may only load its own files, no inline script can run even if text
# slipped through, and no other site may frame it.
_PAGE_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'self'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}

Message = dict[str, Any]


def valid_session_id(value: object) -> str | None:
    """The session id if it has the server-minted shape, else None."""
    return value if isinstance(value, str) and _SESSION_ID.match(value) else None


def new_session_id() -> str:
    return uuid.uuid4().hex


def web_conversation_id(session_id: str) -> str:
    """The tracker id of a web session: the session id under the ``web:`` prefix."""
    return WEB_PREFIX + session_id


def is_jsonp(query_string: str) -> bool:
    """Whether an engine.io request asks for JSONP polling (``j=`` in the query).

    JSONP is loaded by a ``<script>`` tag, which sends no Origin header, so
    the origin check cannot tell another site's page from a script; the
    widget never uses it, so it is refused outright.
    """
    return "j" in parse_qs(query_string, keep_blank_values=True)


def bot_message_parts(text: str, buttons: list[dict[str, Any]] | None = None,
                      custom: Any = None) -> list[Message]:
    """One bot text as the widget receives it: a bubble per paragraph, buttons on the last.

    A practice scorecard is one bubble: its text plus its items under
    ``scorecard``, which the widget lays out as a list with done/missed marks.
    Live replies and the history both go through here, so a reloaded page
    shows exactly what the user saw before.
    """
    card = scorecard_in(custom)
    if card is not None:
        return [{"text": text, "scorecard": card.dict()}]
    parts: list[Message] = [{"text": p} for p in text.strip().split("\n\n") if p.strip()]
    if buttons:
        if not parts:
            parts = [{"text": ""}]
        parts[-1]["quick_replies"] = [
            {"content_type": "text", "title": b.get("title", ""), "payload": b.get("payload", "")}
            for b in buttons
        ]
    return parts


def web_transcript(
    events: Iterable[dict[str, Any]], limit: int = MAX_HISTORY_MESSAGES
) -> list[Message]:
    """User and bot messages of a web conversation, oldest first, at most ``limit``.

    A clicked quick reply is stored as its payload (``/walkthrough_next``); it is
    shown as the button's title, as it was on screen. A conversation with any
    message from another channel is not a web conversation and yields nothing:
    this route must not become a way to read REST or Slack conversations.
    """
    messages: list[Message] = []
    buttons: list[dict[str, Any]] = []
    for event in events:
        kind = event.get("event")
        if kind == "user":
            if event.get("input_channel") != PersistentSocketIOInput.name():
                return []
            text = event.get("text") or ""
            shown = next((b.get("title") for b in buttons if b.get("payload") == text), text)
            messages.append({"sender": "user", "text": shown})
            buttons = []
        elif kind == "bot":
            data = event.get("data") or {}
            buttons = data.get("buttons") or []
            parts = bot_message_parts(event.get("text") or "", buttons, data.get("custom"))
            messages.extend({"sender": "bot", **part} for part in parts)
    return messages[-limit:]


def socket_origins(app: Sanic) -> str | list[str] | None:
    """Origins allowed to open a socket: the ones Rasa's ``--cors`` allows for HTTP.

    Rasa hands ``--cors`` to Sanic-CORS, which guards HTTP routes only; browsers
    do not apply CORS to WebSockets, so the socket server must check the Origin
    itself. None means same origin only; "*" means any origin.
    """
    origins: list[str] = []
    for _, options in getattr(getattr(app.ctx, "sanic_cors", None), "resources", []):
        value = options.get("origins")
        origins.extend([value] if isinstance(value, str) else list(value or []))
    origins = [o for o in origins if o]
    if "*" in origins or ".*" in origins:  # Sanic-CORS rewrites "*" as ".*"
        return "*"
    return origins or None


def origin_allowed(origin: str | None, host: str, allowed: str | list[str] | None) -> bool:
    """Whether a page from ``origin`` may open a socket to this server, reached as ``host``.

    Without an Origin header the caller is not a web page (a script, a test):
    origin checks protect browser users only, so there is nothing to check.
    """
    if not origin or allowed == "*":
        return True
    return urlsplit(origin).netloc == host or origin in (allowed or [])


def _request_host(environ: dict[str, Any]) -> str:
    host = environ.get("HTTP_X_FORWARDED_HOST") or environ.get("HTTP_HOST") or ""
    return host.split(",")[0].strip()


class _OriginCheckedSocketBlueprint(SocketBlueprint):
    """Rasa's socket blueprint; it learns the allowed origins when it joins the app."""

    def register(self, app: Sanic, options: dict[str, Any]) -> None:
        self.ctx.allowed_origins = socket_origins(app)
        self.ctx.app = app
        logger.info("web widget socket accepts origins: %s",
                    self.ctx.allowed_origins or "same origin only")
        super().register(app, options)
        cap_request_bodies(app, options.get("url_prefix") or self.url_prefix or "/")
        cap_request_bodies(app, self.ctx.socketio_path)
        socketio_path = self.ctx.socketio_path

        @app.middleware("request")
        async def refuse_jsonp(request: Request) -> HTTPResponse | None:
            if request.path.startswith(socketio_path) and is_jsonp(request.query_string):
                logger.warning("refused JSONP polling from %s", request.headers.get("origin"))
                return response.text("polling with JSONP is not supported", status=400)
            return None


class WebOutput(SocketIOOutput):
    """Rasa's socket output, with texts split by ``bot_message_parts``; counts what it sends."""

    sent = 0

    async def _send_message(self, socket_id: str, response: Any) -> None:
        await super()._send_message(socket_id, response)
        self.sent += 1

    async def send_response(self, recipient_id: str, message: dict[str, Any]) -> None:
        """A scorecard goes out as one message with its items; the rest as Rasa sends it."""
        if message.get("text") and scorecard_in(message.get("custom")) is not None:
            for part in bot_message_parts(message["text"], custom=message["custom"]):
                await self._send_message(recipient_id, part)
            return
        await super().send_response(recipient_id, message)

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        for part in bot_message_parts(text):
            await self._send_message(recipient_id, part)

    async def send_text_with_buttons(
        self, recipient_id: str, text: str, buttons: list[dict[str, Any]], **kwargs: Any
    ) -> None:
        for part in bot_message_parts(text, buttons):
            await self._send_message(recipient_id, part)


class PersistentSocketIOInput(SocketIOInput):
    """Socket.io channel at ``/webhooks/socketio`` whose conversations survive a reload.

    Every conversation is keyed by a session id the server mints; the page keeps
    it in localStorage and presents it again after a reload.
    """

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        if credentials:
            raise ValueError(
                f"{cls.__name__} takes no settings (got {', '.join(sorted(credentials))}); "
                "allowed web origins come from `infocoach serve --cors`"
            )
        return cls()

    def __init__(self) -> None:
        super().__init__(user_message_evt=USER_EVENT, bot_message_evt=BOT_EVENT,
                         session_persistence=True)
        self._pending: OrderedDict[str, None] = OrderedDict()
        self._turns = TurnsInFlight()

    def _mint_session_id(self) -> str:
        session_id = new_session_id()
        self._pending[session_id] = None
        if len(self._pending) > MAX_PENDING_SESSIONS:
            self._pending.popitem(last=False)
        return session_id

    async def _is_server_minted(self, session_id: str | None, app: Sanic) -> bool:
        """Whether this server handed out ``session_id``: just now, or for a stored conversation.

        A page may present only an id the server gave it; a well-formed id the
        page made up is refused, so conversations are never keyed by the client.
        """
        if session_id is None:
            return False
        if session_id in self._pending:
            return True
        agent = getattr(app.ctx, "agent", None)
        store = getattr(agent, "tracker_store", None)
        return store is not None and await store.exists(web_conversation_id(session_id))

    def get_output_channel(self) -> WebOutput | None:
        return WebOutput(self.sio, self.bot_message_evt) if self.sio else None

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        # cors_allowed_origins=[]: no CORS headers from the socket server, because
        # Sanic-CORS already sends them (two copies make browsers refuse both);
        # the origin is checked on connect instead.
        sio = AsyncServer(async_mode="sanic", cors_allowed_origins=[],
                          max_http_buffer_size=MAX_BODY_BYTES)
        self.sio = sio
        webhook = _OriginCheckedSocketBlueprint(
            sio, self.socketio_path, "socketio_webhook", __name__
        )
        webhook.static("/static", str(STATIC_DIR), name="widget_static")

        @webhook.middleware("response")
        async def page_headers(_: Request, answer: HTTPResponse) -> None:
            for name, value in _PAGE_HEADERS.items():
                answer.headers.setdefault(name, value)

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/chat", methods=["GET"])
        async def chat_page(_: Request) -> HTTPResponse:
            if not SOCKET_CLIENT.exists():
                return response.text("web widget not installed: run `make web`", status=503)
            return await response.file(STATIC_DIR / "index.html", headers=_PAGE_HEADERS)

        @webhook.route("/history/<session_id>", methods=["GET"])
        async def history(request: Request, session_id: str) -> HTTPResponse:
            if not valid_session_id(session_id):
                return response.json({"error": "unknown session id"}, status=404)
            agent = getattr(request.app.ctx, "agent", None)
            if agent is None or agent.tracker_store is None:
                return response.json({"error": "the coach is still starting"}, status=503)
            tracker = await agent.tracker_store.retrieve_full_tracker(
                web_conversation_id(session_id)
            )
            events = [e.as_dict() for e in tracker.events] if tracker else []
            return response.json(
                {"session_id": session_id, "messages": web_transcript(events)},
                headers={"Cache-Control": "no-store"},
            )

        @sio.on("connect")
        async def connect(sid: str, environ: dict[str, Any], auth: Any = None) -> bool:
            origin = environ.get("HTTP_ORIGIN")
            if origin_allowed(origin, _request_host(environ), webhook.ctx.allowed_origins):
                return True
            logger.warning("refused a web widget socket from %s: not allowed by --cors", origin)
            return False

        @sio.on("session_request")
        async def session_request(sid: str, data: Any = None) -> None:
            requested = valid_session_id(data.get("session_id") if isinstance(data, dict) else None)
            if await self._is_server_minted(requested, webhook.ctx.app):
                session_id = requested
            else:
                session_id = self._mint_session_id()
            conversation = web_conversation_id(session_id)
            await sio.enter_room(sid, conversation)
            # A page that dropped its socket mid-turn loads its history once
            # confirmed: the turn must be stored by then (see in_flight).
            if not await self._turns.settled(conversation, RECONNECT_WAIT_SECONDS):
                logger.warning("confirmed %s with a turn still under way", conversation)
            await sio.emit("session_confirm", session_id, room=sid)

        @sio.on(USER_EVENT)
        async def handle_message(sid: str, data: Any = None) -> None:
            data = data if isinstance(data, dict) else {}
            session_id = valid_session_id(data.get("session_id"))
            if not await self._is_server_minted(session_id, webhook.ctx.app):
                await _reply_and_finish(sid, MISSING_SESSION_REPLY)
                return
            conversation = web_conversation_id(session_id)
            # A socket that reconnected may send before its session_request is
            # answered; joining here makes sure the replies reach it. One that
            # dropped right after sending has left: its message is still
            # answered and stored, for the page to find when it is back.
            try:
                await sio.enter_room(sid, conversation)
            except ValueError:
                logger.info("socket %s left before its message was handled", sid)
            message = data.get("message")
            checked = check_text(message) if isinstance(message, str) else None
            if checked is None:
                await _reply_and_finish(sid, EMPTY_MESSAGE_REPLY)
                return
            text, truncated = checked
            output = WebOutput(sio, self.bot_message_evt)
            if truncated:
                await output.send_text_message(conversation, TRUNCATED_NOTE)
            message_in = UserMessage(
                text, output, conversation, input_channel=self.name(),
                metadata=capped_metadata(data.get(self.metadata_key)),
            )
            async with self._turns.turn(conversation):
                await run_turn(on_new_message, message_in, lambda: output.sent,
                               lambda reply: output.send_text_message(conversation, reply))
            await sio.emit(TURN_DONE_EVENT, room=conversation)

        async def _reply_and_finish(sid: str, text: str) -> None:
            """Answer this socket only, leaving the conversation untouched."""
            await sio.emit(self.bot_message_evt, {"text": text}, room=sid)
            await sio.emit(TURN_DONE_EVENT, room=sid)

        return webhook
