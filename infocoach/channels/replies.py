"""What the channels themselves say, loaded from ``data/content/channel.yml``.

These are replies about the message rather than the coaching (empty, cut,
failed, unanswered); they live with the rest of the bot's words, validated
at load time like every content file.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

from pydantic import constr, validator

from infocoach.datafile import StrictModel, load_model, placeholders
from infocoach.paths import CONTENT_DIR

CHANNEL_REPLIES_FILE = CONTENT_DIR / "channel.yml"
Text = constr(min_length=1)


class ChannelReplies(StrictModel):
    version: Literal[1]
    empty_message: Text
    error: Text
    truncated: Text
    unavailable: Text
    missing_session: Text
    slack_choice: Text

    @validator("truncated")
    def _names_the_limit(cls, text: str) -> str:
        if "limit" not in placeholders(text):
            raise ValueError("must say how much was read: use the {limit} placeholder")
        text.format(limit=1)
        return text

    @validator("slack_choice")
    def _names_the_choice(cls, text: str) -> str:
        if "choice" not in placeholders(text):
            raise ValueError("must name the choice: use the {choice} placeholder")
        return text


@lru_cache(maxsize=1)
def channel_replies() -> ChannelReplies:
    """The shipped channel replies, loaded once per process."""
    return load_model(CHANNEL_REPLIES_FILE, ChannelReplies)
