"""One user message through the bot, with the user told whenever it goes wrong.

Rasa swallows a custom action's failure (the action server is down, errs,
or does not answer within the action timeout, see
:mod:`infocoach.server.rasa_run`): the turn just ends, and the user hears
nothing. Every turn of this coach answers something, so a turn that ends in
silence is one that failed, and the channel says so instead. The user's
message is already stored by then: nothing is lost, and they can go on.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import UserMessage

from infocoach.channels.limits import ERROR_REPLY
from infocoach.channels.replies import channel_replies

logger = logging.getLogger(__name__)

UNAVAILABLE_REPLY = channel_replies().unavailable


async def run_turn(
    on_new_message: Callable[[UserMessage], Awaitable[Any]],
    message: UserMessage,
    replies_sent: Callable[[], int],
    say: Callable[[str], Awaitable[None]],
) -> None:
    """Hand ``message`` to the bot; ``say`` the error or unavailable reply if it fails or is silent.

    ``replies_sent`` counts what has reached the user so far on this turn's
    output channel.
    """
    before = replies_sent()
    try:
        await on_new_message(message)
    except asyncio.CancelledError:
        logger.error("message handling timed out for %s", message.sender_id)
        await say(ERROR_REPLY)
        return
    except Exception:
        logger.exception("an exception occurred while handling a message from %s",
                         message.sender_id)
        await say(ERROR_REPLY)
        return
    if replies_sent() == before:
        logger.error("the turn of %s ended without a reply (a custom action failed?)",
                     message.sender_id)
        await say(UNAVAILABLE_REPLY)
