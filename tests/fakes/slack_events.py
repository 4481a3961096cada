"""What Slack sends to the bot's webhook: signed events and button clicks."""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
import time
import uuid
from typing import Any
from urllib.parse import urlencode

import requests

from tests.fakes.slack_api import BOT_USER_ID

SIGNING_SECRET = "test-signing-secret-0123456789abcdef"


def sign(body: bytes, timestamp: int, secret: str = SIGNING_SECRET) -> str:
    base = b"v0:" + str(timestamp).encode() + b":" + body
    return "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()


_sequence = itertools.count(1)


def new_ts() -> str:
    """A fresh Slack message timestamp, which is also the message's id within its channel."""
    return f"{int(time.time())}.{next(_sequence):06d}"


def message_event(user: str, channel: str, text: str, ts: str, thread_ts: str | None = None,
                  event_type: str = "message") -> dict[str, Any]:
    """An Events API envelope around a DM (``message``) or a channel ``app_mention``."""
    event: dict[str, Any] = {"type": event_type, "user": user, "channel": channel, "text": text,
                             "ts": ts, "event_ts": ts}
    if event_type == "message":
        event["channel_type"] = "im"
    if thread_ts:
        event["thread_ts"] = thread_ts
    return {
        "type": "event_callback", "team_id": "T1", "api_app_id": "A1", "event": event,
        "event_id": "Ev" + uuid.uuid4().hex[:10], "event_time": int(time.time()),
        "authorizations": [{"user_id": BOT_USER_ID, "is_bot": True}],
    }


def click_payload(user: str, channel: str, message: dict[str, Any], button: dict[str, Any]
                  ) -> dict[str, Any]:
    """A ``block_actions`` payload for a click on ``button`` in the bot's ``message``."""
    return {
        "type": "block_actions", "user": {"id": user}, "channel": {"id": channel},
        "container": {"type": "message", "message_ts": message["ts"], "channel_id": channel},
        "message": message, "trigger_id": uuid.uuid4().hex,
        "actions": [{**button, "block_id": "b1", "action_ts": f"{time.time():.6f}"}],
    }


class SlackSender:
    """Posts to the bot's Slack webhook the way Slack does, signed unless told otherwise."""

    def __init__(self, webhook_url: str, secret: str = SIGNING_SECRET) -> None:
        self.webhook_url = webhook_url
        self.secret = secret

    def post(self, body: bytes, content_type: str, headers: dict[str, str] | None = None,
             timestamp: int | None = None, secret: str | None = None) -> requests.Response:
        timestamp = int(time.time()) if timestamp is None else timestamp
        signed = {"Content-Type": content_type, "X-Slack-Request-Timestamp": str(timestamp),
                  "X-Slack-Signature": sign(body, timestamp, secret or self.secret)}
        return requests.post(self.webhook_url, data=body, headers={**signed, **(headers or {})},
                             timeout=10)

    def event(self, envelope: dict[str, Any], **kwargs: Any) -> requests.Response:
        return self.post(json.dumps(envelope).encode(), "application/json", **kwargs)

    def click(self, payload: dict[str, Any], **kwargs: Any) -> requests.Response:
        body = urlencode({"payload": json.dumps(payload)}).encode()
        return self.post(body, "application/x-www-form-urlencoded", **kwargs)
