"""Conversation ids namespaced by channel: one user, one conversation, whatever the channel.

Rasa keys a conversation by the sender id the channel hands it, and every
channel shares one tracker store. Unprefixed, a REST client that sent a Slack
user's id as its ``sender`` continued that user's Slack conversation and read
back what they had typed there. Each channel therefore files its
conversations under its own prefix, and the REST channel, the only one whose
clients choose their id, refuses an id that names another channel.
"""

from __future__ import annotations

REST_PREFIX = "rest:"
WEB_PREFIX = "web:"
SLACK_PREFIX = "slack:"
PREFIXES = (REST_PREFIX, WEB_PREFIX, SLACK_PREFIX)


def namespaced(prefix: str, local_id: str) -> str:
    """``local_id`` under ``prefix``; an id that already carries it is returned as it is."""
    return local_id if local_id.startswith(prefix) else prefix + local_id


def foreign_prefix(conversation_id: str, own_prefix: str) -> str | None:
    """The other channel's prefix that ``conversation_id`` starts with, if any."""
    return next(
        (p for p in PREFIXES if p != own_prefix and conversation_id.startswith(p)), None
    )


def rest_conversation_id(sender: str) -> str:
    """The tracker id of a REST ``sender``: what the HTTP API's /conversations/ routes take."""
    return namespaced(REST_PREFIX, sender)
