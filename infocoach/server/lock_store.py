"""Rasa's Redis lock store with its ticket updates made atomic.

Rasa 3.6's ``RedisLockStore`` keeps each conversation's ticket queue as one
JSON value and updates it by reading, changing and writing it back. Two
replicas receiving messages of one conversation at the same instant both read
an empty queue and both got ticket 0, so both handled their message at once
and one of the two messages vanished from the tracker store
(tests/scale/test_replicas.py caught it). Here every read-change-write of a
queue happens under a short Redis mutex (redis-py's ``Lock``: an atomic
``SET NX PX`` with an owner token), so tickets are issued one at a time.

The mutex is held for a few Redis round trips only; it expires by itself
after ``MUTEX_SECONDS`` if a replica dies holding it.

Rasa also makes these round trips on the server's event loop: while Redis hung
(stopped, not down), each waiting turn froze the whole replica for the
``socket_timeout``, one after the other. Here they run in worker threads, so a
hung Redis costs each turn the timeout once, side by side.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from rasa.core.lock import TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, LockError, RedisLockStore
from rasa.utils.endpoints import EndpointConfig
from redis.lock import Lock

MUTEX_SECONDS = 5


class AtomicRedisLockStore(RedisLockStore):
    """RedisLockStore whose ticket queue changes cannot interleave across replicas."""

    def __init__(self, endpoint_config: EndpointConfig) -> None:
        # Rasa builds custom lock stores from their endpoint config alone.
        super().__init__(host=endpoint_config.url, **endpoint_config.kwargs)

    def _mutex(self, conversation_id: str) -> Lock:
        return self.red.lock(f"{self.key_prefix}{conversation_id}:mutex", timeout=MUTEX_SECONDS,
                             blocking_timeout=MUTEX_SECONDS, sleep=0.005)

    def issue_ticket(self, conversation_id: str, lock_lifetime: float = LOCK_LIFETIME) -> int:
        with self._mutex(conversation_id):
            return super().issue_ticket(conversation_id, lock_lifetime)

    def update_lock(self, conversation_id: str) -> None:
        with self._mutex(conversation_id):
            super().update_lock(conversation_id)

    def cleanup(self, conversation_id: str, ticket_number: int) -> None:
        with self._mutex(conversation_id):
            super().cleanup(conversation_id, ticket_number)

    @asynccontextmanager
    async def lock(self, conversation_id: str, lock_lifetime: float = LOCK_LIFETIME,
                   wait_time_in_seconds: float = 1) -> AsyncIterator[TicketLock]:
        """Rasa's ``LockStore.lock`` with every Redis round trip off the event loop."""
        ticket = await asyncio.to_thread(self.issue_ticket, conversation_id, lock_lifetime)
        try:
            yield await self._acquire_lock(conversation_id, ticket, wait_time_in_seconds)
        finally:
            await asyncio.to_thread(self.cleanup, conversation_id, ticket)

    async def _acquire_lock(self, conversation_id: str, ticket: int,
                            wait_time_in_seconds: float) -> TicketLock:
        while lock := await asyncio.to_thread(self.get_lock, conversation_id):
            if not lock.is_locked(ticket):
                return lock
            await asyncio.sleep(wait_time_in_seconds)
            await asyncio.to_thread(self.update_lock, conversation_id)
        raise LockError(f"Could not acquire lock for conversation_id '{conversation_id}'.")
