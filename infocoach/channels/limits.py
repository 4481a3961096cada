"""Input hygiene shared by every channel, so a terminal, web and Slack user
get the same treatment of empty, huge or control-character input."""

from __future__ import annotations

import re

from infocoach.coaching.content import content

# Long accounts of a meeting are welcome; beyond this, NLU gains nothing and
# the tail is dropped, and the user is told so.
MAX_TEXT_LENGTH = 5000

# The wording is content (data/content/conversation.yml), read once here.
_NOTES = content().conversation.channel
EMPTY_MESSAGE_REPLY = _NOTES.empty_message
ERROR_REPLY = _NOTES.error
TRUNCATED_NOTE = _NOTES.truncated.format(limit=f"{MAX_TEXT_LENGTH:,}")
MISSING_SESSION_REPLY = _NOTES.missing_session
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def check_text(text: str) -> tuple[str, bool] | None:
    """The text to process and whether it was cut; None if nothing is left.

    Control characters are removed; the length is capped at MAX_TEXT_LENGTH.
    """
    cleaned = _CONTROL.sub("", text).strip()
    if not cleaned:
        return None
    return cleaned[:MAX_TEXT_LENGTH], len(cleaned) > MAX_TEXT_LENGTH
