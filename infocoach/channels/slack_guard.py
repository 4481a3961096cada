"""What the Slack channel checks before it lets a request reach the bot.

Anyone who knows the webhook URL can post to it, and Slack itself sends the
same event more than once when it thinks a delivery failed. These two checks
are kept apart from the channel so they can be tested on their own.
"""

from __future__ import annotations

import hashlib
import hmac
from collections import OrderedDict

# Slack's own rule: a request older than this may be a replay of a captured one.
MAX_REQUEST_AGE_SECONDS = 5 * 60


def is_signed_by_slack(
    secret: str, body: bytes, timestamp: str | None, signature: str | None, now: float
) -> bool:
    """Whether ``signature`` is Slack's v0 HMAC of ``body`` at a recent ``timestamp``.

    Missing headers, a signature that is not ASCII (``compare_digest`` would
    raise on it), a timestamp that is not a whole number of seconds and a
    timestamp more than five minutes away from ``now`` all count as unsigned.
    """
    if not timestamp or not signature or not signature.isascii():
        return False
    try:
        sent_at = int(timestamp)
    except ValueError:
        return False
    if abs(now - sent_at) > MAX_REQUEST_AGE_SECONDS:
        return False
    base = b"v0:" + timestamp.encode() + b":" + body
    expected = "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, signature)


class SeenOnce:
    """Remembers keys of recently accepted requests, to refuse a second delivery.

    Slack retries an event up to three times within about five minutes; a few
    thousand keys cover that window for any workspace this bot serves, while
    memory stays bounded (the oldest keys are forgotten first).
    """

    def __init__(self, capacity: int = 10_000) -> None:
        self._capacity = capacity
        self._keys: OrderedDict[str, None] = OrderedDict()

    def first_time(self, key: str) -> bool:
        """True the first time ``key`` is offered, False while it is remembered."""
        if key in self._keys:
            return False
        self._keys[key] = None
        if len(self._keys) > self._capacity:
            self._keys.popitem(last=False)
        return True
