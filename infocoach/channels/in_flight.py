"""Which conversations have a turn being answered right now.

A web page whose socket drops while the coach is answering (a phone changing
networks, a laptop waking up) reconnects under a new socket. The answer, sent
in the meantime, reached no socket; and Rasa stores the turn only once it is
over, so a history loaded during the turn lacks both the message and the
answer. Waiting for the conversation's turns to end before confirming the
session makes the history the page then loads hold the whole turn.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager


class TurnsInFlight:
    """Counts the turns under way per conversation; lets a caller wait until there are none."""

    def __init__(self) -> None:
        self._running: Counter[str] = Counter()
        self._changed = asyncio.Condition()

    def busy(self, conversation: str) -> bool:
        return self._running[conversation] > 0

    @asynccontextmanager
    async def turn(self, conversation: str) -> AsyncIterator[None]:
        """Marks one turn of ``conversation`` as under way while the block runs."""
        self._running[conversation] += 1
        try:
            yield
        finally:
            self._running[conversation] -= 1
            if not self._running[conversation]:
                del self._running[conversation]
            async with self._changed:
                self._changed.notify_all()

    async def settled(self, conversation: str, timeout: float) -> bool:
        """Wait until ``conversation`` has no turn under way; False if ``timeout`` s pass first.

        A turn that hangs must not keep a page offline for ever: after the
        timeout the caller goes on, and the page shows what is stored so far.
        """
        async with self._changed:
            try:
                await asyncio.wait_for(
                    self._changed.wait_for(lambda: not self.busy(conversation)), timeout
                )
            except asyncio.TimeoutError:
                return False
        return True
