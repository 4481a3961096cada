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

This subclass keeps Rasa's wire format (``session_request`` / ``session_confirm``,
``user_uttered`` / ``bot_uttered``) and fixes those, and its blueprint also
serves the widget (page, script, styles) and a read-only history of one web
conversation, so ``make serve`` needs no other web server.
"""

from __future__ import annotations

import asyncio
import logging
import re
import uuid
from collections.abc import Awaitable, Callable, Iterable
from typing import Any
from urllib.parse import urlsplit

from rasa.core.channels.channel import InputChannel, UserMessage
from rasa.core.channels.socketio import SocketBlueprint, SocketIOInput, SocketIOOutput
from sanic import Blueprint, Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse
from socketio import AsyncServer

from infocoach.channels.limits import (
    EMPTY_MESSAGE_REPLY,
    ERROR_REPLY,
    MISSING_SESSION_REPLY,
    TRUNCATED_NOTE,
    check_text,
)
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

# The page may only load its own files; no inline script can run even if text slipped through.
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


def bot_message_parts(text: str, buttons: list[dict[str, Any]] | None = None) -> list[Message]:
    """One bot text as the widget receives it: a bubble per paragraph, buttons on the last.

    Live replies and the history both go through here, so a reloaded page
    shows exactly what the user saw before.
    """
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
            buttons = (event.get("data") or {}).get("buttons") or []
            parts = bot_message_parts(event.get("text") or "", buttons)
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
        logger.info("web widget socket accepts origins: %s",
                    self.ctx.allowed_origins or "same origin only")
        super().register(app, options)


class WebOutput(SocketIOOutput):
    """Rasa's socket output, with texts split by ``bot_message_parts``."""

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

    def get_output_channel(self) -> WebOutput | None:
        return WebOutput(self.sio, self.bot_message_evt) if self.sio else None

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        # cors_allowed_origins=[]: no CORS headers from the socket server, because
        # Sanic-CORS already sends them (two copies make browsers refuse both);
        # the origin is checked on connect instead.
        sio = AsyncServer(async_mode="sanic", cors_allowed_origins=[])
        self.sio = sio
        webhook = _OriginCheckedSocketBlueprint(
            sio, self.socketio_path, "socketio_webhook", __name__
        )
        webhook.static("/static", str(STATIC_DIR), name="widget_static")

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
            tracker = await agent.tracker_store.retrieve_full_tracker(session_id)
            events = [e.as_dict() for e in tracker.events] if tracker else []
            return response.json({"session_id": session_id, "messages": web_transcript(events)})

        @sio.on("connect")
        async def connect(sid: str, environ: dict[str, Any], auth: Any = None) -> bool:
            origin = environ.get("HTTP_ORIGIN")
            if origin_allowed(origin, _request_host(environ), webhook.ctx.allowed_origins):
                return True
            logger.warning("refused a web widget socket from %s: not allowed by --cors", origin)
            return False

        @sio.on("session_request")
        async def session_request(sid: str, data: Any) -> None:
            requested = data.get("session_id") if isinstance(data, dict) else None
            session_id = valid_session_id(requested) or new_session_id()
            await sio.enter_room(sid, session_id)
            await sio.emit("session_confirm", session_id, room=sid)

        @sio.on(USER_EVENT)
        async def handle_message(sid: str, data: Any) -> None:
            data = data if isinstance(data, dict) else {}
            session_id = valid_session_id(data.get("session_id"))
            if session_id is None:
                await _reply_and_finish(sid, MISSING_SESSION_REPLY)
                return
            # A socket that reconnected may send before its session_request is
            # answered; joining here makes sure the replies reach it.
            await sio.enter_room(sid, session_id)
            message = data.get("message")
            checked = check_text(message) if isinstance(message, str) else None
            if checked is None:
                await _reply_and_finish(sid, EMPTY_MESSAGE_REPLY)
                return
            text, truncated = checked
            output = WebOutput(sio, self.bot_message_evt)
            if truncated:
                await output.send_text_message(session_id, TRUNCATED_NOTE)
            metadata = data.get(self.metadata_key)
            try:
                await on_new_message(UserMessage(
                    text, output, session_id, input_channel=self.name(),
                    metadata=metadata if isinstance(metadata, dict) else {},
                ))
            except asyncio.CancelledError:
                logger.error("message handling timed out for %s", session_id)
                await output.send_text_message(session_id, ERROR_REPLY)
            except Exception:
                logger.exception("failed to handle a message from %s", session_id)
                await output.send_text_message(session_id, ERROR_REPLY)
            await sio.emit(TURN_DONE_EVENT, room=session_id)

        async def _reply_and_finish(sid: str, text: str) -> None:
            """Answer this socket only, leaving the conversation untouched."""
            await sio.emit(self.bot_message_evt, {"text": text}, room=sid)
            await sio.emit(TURN_DONE_EVENT, room=sid)

        return webhook
