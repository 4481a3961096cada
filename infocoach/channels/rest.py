"""A stricter REST channel than Rasa's.

Rasa's RestInput accepts a request without ``sender`` and files it under the
id "default": every such client would share one conversation. It also passes
empty text to NLU and answers malformed JSON with a bare 400. This channel
refuses what it cannot attribute, explains what is wrong, and replies to
empty input without touching the conversation.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from infocoach.channels.limits import (
    EMPTY_MESSAGE_REPLY,
    ERROR_REPLY,
    TRUNCATED_NOTE,
    check_text,
)

logger = logging.getLogger(__name__)

MAX_SENDER_LENGTH = 256


def _error(status: int, message: str) -> HTTPResponse:
    return response.json({"error": message}, status=status)


def parse_request(request: Request) -> tuple[str, str, dict[str, Any]] | HTTPResponse:
    """Sender, text and metadata from a request, or the error response to send."""
    try:
        payload = request.json
    except Exception:  # sanic raises its own InvalidUsage for malformed JSON
        return _error(400, "the request body is not valid JSON")
    if not isinstance(payload, dict):
        return _error(400, 'send a JSON object like {"sender": "your-id", "message": "hello"}')
    sender = payload.get("sender")
    if isinstance(sender, int) and not isinstance(sender, bool):
        sender = str(sender)
    if not isinstance(sender, str) or not sender.strip():
        return _error(400, '"sender" is required: a non-empty string identifying the conversation')
    if len(sender) > MAX_SENDER_LENGTH:
        return _error(400, f'"sender" must be at most {MAX_SENDER_LENGTH} characters')
    message = payload.get("message", payload.get("text"))
    if message is None:
        return _error(400, '"message" is required: the text the user typed')
    if not isinstance(message, str):
        return _error(400, '"message" must be a string')
    metadata = payload.get("metadata")
    return sender.strip(), message, metadata if isinstance(metadata, dict) else {}


class StrictRestInput(InputChannel):
    """REST channel at ``/webhooks/rest/webhook`` that refuses unattributed requests."""

    @classmethod
    def name(cls) -> str:
        return "rest"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = Blueprint(f"strict_rest_{id(self)}", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            parsed = parse_request(request)
            if isinstance(parsed, HTTPResponse):
                return parsed
            sender, message, metadata = parsed
            checked = check_text(message)
            if checked is None:
                return response.json([{"recipient_id": sender, "text": EMPTY_MESSAGE_REPLY}])
            text, truncated = checked
            collector = CollectingOutputChannel()
            if truncated:
                collector.messages.append({"recipient_id": sender, "text": TRUNCATED_NOTE})
            try:
                await on_new_message(
                    UserMessage(
                        text, collector, sender, input_channel=self.name(), metadata=metadata
                    )
                )
            except asyncio.CancelledError:
                logger.error("message handling timed out for %s", sender)
                collector.messages.append({"recipient_id": sender, "text": ERROR_REPLY})
            except Exception:
                logger.exception("an exception occurred while handling a message from %s", sender)
                collector.messages.append({"recipient_id": sender, "text": ERROR_REPLY})
            return response.json(collector.messages)

        return webhook
