"""Input hygiene shared by every channel, so a terminal, web and Slack user
get the same treatment of empty, huge or control-character input."""

from __future__ import annotations

import re

# Long accounts of a meeting are welcome; beyond this, NLU gains nothing and
# the tail is dropped, and the user is told so.
MAX_TEXT_LENGTH = 5000

EMPTY_MESSAGE_REPLY = (
    "I didn't get any text there. Type a question about informational interviews, "
    "or say *help* to see what I can do."
)
ERROR_REPLY = "Sorry, something went wrong on my side. Please try again in a moment."
TRUNCATED_NOTE = (
    f"(Your message was very long, so I only read its first {MAX_TEXT_LENGTH:,} characters.)"
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def check_text(text: str) -> tuple[str, bool] | None:
    """The text to process and whether it was cut; None if nothing is left.

    Control characters are removed; the length is capped at MAX_TEXT_LENGTH.
    """
    cleaned = _CONTROL.sub("", text).strip()
    if not cleaned:
        return None
    return cleaned[:MAX_TEXT_LENGTH], len(cleaned) > MAX_TEXT_LENGTH
