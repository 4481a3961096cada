"""A stricter REST channel than Rasa's.

Rasa's RestInput accepts a request without ``sender`` and files it under the
id "default": every such client would share one conversation. It also passes
empty text to NLU and answers malformed JSON with a bare 400. This channel
refuses what it cannot attribute, explains what is wrong, and replies to
empty input without touching the conversation.

It also keeps REST conversations apart from the other channels' (see
:mod:`infocoach.channels.conversation_ids`): a sender is filed as
``rest:<sender>``, and a sender naming a web or Slack conversation is refused.
Only ``application/json`` is accepted: a web page can make a browser POST
``text/plain`` or a form to a local server without asking, but not JSON.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from infocoach.channels.conversation_ids import REST_PREFIX, foreign_prefix, namespaced
from infocoach.channels.limits import (
    EMPTY_MESSAGE_REPLY,
    MAX_METADATA_BYTES,
    TRUNCATED_NOTE,
    CappedBlueprint,
    capped_metadata,
    check_text,
    strip_control,
)
from infocoach.channels.scorecard_payload import scorecard_in
from infocoach.channels.turns import run_turn

MAX_SENDER_LENGTH = 256


def _error(status: int, message: str) -> HTTPResponse:
    return response.json({"error": message}, status=status)


def parse_request(request: Request) -> tuple[str, str, dict[str, Any]] | HTTPResponse:
    """Conversation id, text and metadata from a request, or the error response to send.

    The conversation id is the sender under the ``rest:`` prefix. Control
    characters in the sender are refused (it is an id, not something typed);
    in the message they are stripped later, by ``check_text``.
    """
    content_type = (request.headers.get("content-type") or "").split(";")[0].strip().lower()
    if content_type != "application/json":
        return _error(415, "send the message as JSON, with Content-Type: application/json")
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
    if strip_control(sender) != sender:
        return _error(400, '"sender" must not contain control characters')
    sender = sender.strip()
    other = foreign_prefix(sender, REST_PREFIX)
    if other:
        return _error(
            403, f'"sender" names a conversation of another channel ({other}...): '
            "a REST client has conversations of its own",
        )
    message = payload.get("message", payload.get("text"))
    if message is None:
        return _error(400, '"message" is required: the text the user typed')
    if not isinstance(message, str):
        return _error(400, '"message" must be a string')
    metadata = payload.get("metadata", {})
    if capped_metadata(metadata) != metadata:
        return _error(
            400, f'"metadata" must be a JSON object of at most {MAX_METADATA_BYTES:,} bytes'
        )
    return namespaced(REST_PREFIX, sender), message, metadata


class RestOutput(CollectingOutputChannel):
    """Rasa's collector, except that a scorecard stays one message: its text with
    the worded items beside it in ``custom`` (Rasa would send the text split
    into paragraphs, then the items as a second message without text)."""

    async def send_response(self, recipient_id: str, message: dict[str, Any]) -> None:
        if message.get("text") and scorecard_in(message.get("custom")) is not None:
            await self._persist_message(self._message(
                recipient_id, text=message["text"], custom=message["custom"]))
            return
        await super().send_response(recipient_id, message)


class StrictRestInput(InputChannel):
    """REST channel at ``/webhooks/rest/webhook`` that refuses unattributed requests."""

    @classmethod
    def name(cls) -> str:
        return "rest"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = CappedBlueprint(f"strict_rest_{id(self)}", __name__)

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
            collector = RestOutput()
            if truncated:
                collector.messages.append({"recipient_id": sender, "text": TRUNCATED_NOTE})

            async def say(text: str) -> None:
                collector.messages.append({"recipient_id": sender, "text": text})

            await run_turn(
                on_new_message,
                UserMessage(text, collector, sender, input_channel=self.name(), metadata=metadata),
                lambda: len(collector.messages),
                say,
            )
            return response.json(collector.messages)

        return webhook
