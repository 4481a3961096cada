"""Input hygiene shared by every channel, so a terminal, web and Slack user
get the same treatment of oversized, empty, huge or control-character input.

The rules, the same on REST, socket.io and Slack:

- a request body over ``MAX_BODY_BYTES`` is refused with 413 by Sanic itself,
  before any of it is parsed (``cap_request_bodies``);
- control characters and NUL bytes in a message are **stripped** (tab and
  newline stay), never refused: a stray byte from a paste should not cost
  the user their message;
- a message is cut to ``MAX_TEXT_LENGTH`` characters *before* anything scans
  it, and the user is told;
- client metadata larger than ``MAX_METADATA_BYTES`` is not stored.
"""

from __future__ import annotations

import json
import re
from typing import Any

from sanic import Blueprint, Sanic
from sanic.request import Request

from infocoach.channels.replies import channel_replies

# Long accounts of a meeting are welcome; beyond this, NLU gains nothing and
# the tail is dropped, and the user is told so.
MAX_TEXT_LENGTH = 5000
# A message of MAX_TEXT_LENGTH characters, each up to 4 bytes of UTF-8 and
# escaped in JSON, fits with room to spare; anything bigger is not a chat message.
MAX_BODY_BYTES = 64 * 1024
# Metadata is stored with every user event in the tracker; clients have no
# business sending more than a few small fields.
MAX_METADATA_BYTES = 4 * 1024

EMPTY_MESSAGE_REPLY = channel_replies().empty_message
ERROR_REPLY = channel_replies().error
TRUNCATED_NOTE = channel_replies().truncated.format(limit=MAX_TEXT_LENGTH)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def strip_control(text: str) -> str:
    """``text`` without control characters and NUL bytes (tab, newline and CR stay)."""
    return _CONTROL.sub("", text)


def check_text(text: str) -> tuple[str, bool] | None:
    """The text to process and whether it was cut; None if nothing is left.

    The length is capped at MAX_TEXT_LENGTH first, so no regex ever runs over
    more than that; then control characters are removed.
    """
    truncated = len(text) > MAX_TEXT_LENGTH
    cleaned = strip_control(text[:MAX_TEXT_LENGTH]).strip()
    if not cleaned:
        return None
    return cleaned, truncated


def capped_metadata(metadata: Any) -> dict[str, Any]:
    """Client metadata to store with a message: a JSON object of at most MAX_METADATA_BYTES.

    Anything else (not an object, not JSON-serialisable, or too big) is
    replaced by an empty object; the message itself is kept.
    """
    if not isinstance(metadata, dict):
        return {}
    try:
        size = len(json.dumps(metadata, ensure_ascii=False).encode("utf-8", "surrogatepass"))
    except (TypeError, ValueError):
        return {}
    return metadata if size <= MAX_METADATA_BYTES else {}


def cap_request_bodies(app: Sanic, path_prefix: str) -> None:
    """Make Sanic refuse bodies over MAX_BODY_BYTES (413) for every route under ``path_prefix``.

    Sanic's own limit (100 MB) is app-wide and Rasa's model upload needs it;
    this lowers it per request, right after routing and before Sanic reads
    the body, so an oversized request is refused on its Content-Length (or,
    chunked, as soon as it passes the limit) and never buffered or parsed.
    """
    prefixes: list[str] | None = getattr(app.ctx, "capped_body_prefixes", None)
    if prefixes is None:
        prefixes = app.ctx.capped_body_prefixes = []

        @app.signal("http.routing.after")
        async def cap(request: Request, **_: Any) -> None:
            if request.stream and request.path.startswith(tuple(prefixes)):
                request.stream.request_max_size = min(
                    request.stream.request_max_size, MAX_BODY_BYTES
                )

    if path_prefix not in prefixes:
        prefixes.append(path_prefix)


class CappedBlueprint(Blueprint):
    """A channel's blueprint: its routes refuse request bodies over MAX_BODY_BYTES."""

    def register(self, app: Sanic, options: dict[str, Any]) -> None:
        super().register(app, options)
        cap_request_bodies(app, options.get("url_prefix") or self.url_prefix or "/")
