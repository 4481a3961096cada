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
"""

from __future__ import annotations

from rasa.core.lock_store import LOCK_LIFETIME, RedisLockStore
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
