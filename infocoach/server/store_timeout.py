"""Tracker-store calls that give up after a stated time instead of freezing the server.

Rasa's SQLTrackerStore queries the database on the server's event loop. A database that
is down fails at once (connection refused) or within ``connect_timeout``; one that hangs
(a stopped process, a network path that swallows packets) never answers a query sent on an
open pooled connection, and no libpq setting bounds that wait while the server's kernel
still acknowledges the packets. One such query froze every conversation of the replica
until the database woke up.

Here each call runs in a worker thread and the turn stops waiting after ``timeout``
seconds: it fails with the channel's error reply while the event loop keeps serving
everyone else. The worker may stay blocked until the database answers again; if it then
reaches a commit, the commit is refused, so a turn the user was told had failed is not
stored after all.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.orm import Session, sessionmaker

T = TypeVar("T")
# Enough for a replica's concurrent turns; fewer than SQLAlchemy's 15 pooled connections.
WORKERS = 8


class StoreTimeout(TimeoutError):
    """The tracker store did not answer in time; the turn fails and can be retried."""


class BoundedStoreCalls:
    """Runs a store's blocking calls off the event loop, each given up after ``timeout`` s."""

    def __init__(self, timeout: float, sessions: sessionmaker) -> None:
        self.timeout = timeout
        self._workers = ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="tracker-store")
        self._given_up = threading.local()
        sa.event.listen(sessions, "before_commit", self._refuse_late_commit)

    def _refuse_late_commit(self, _: Session) -> None:
        given_up = getattr(self._given_up, "event", None)
        if given_up is not None and given_up.is_set():
            raise StoreTimeout("the turn was given up while waiting for the database")

    async def run(self, what: str, call: Callable[..., Awaitable[T]], *args: Any) -> T:
        """``await call(*args)`` in a worker thread (Rasa's store methods are coroutines
        that block inside); StoreTimeout after ``timeout`` seconds."""
        given_up = threading.Event()

        def work() -> T:
            self._given_up.event = given_up
            try:
                return asyncio.run(call(*args))
            finally:
                self._given_up.event = None

        pending = asyncio.get_running_loop().run_in_executor(self._workers, work)
        try:
            return await asyncio.wait_for(pending, self.timeout)
        except asyncio.TimeoutError:
            given_up.set()
            raise StoreTimeout(
                f"the tracker store did not answer {what} within {self.timeout:g} s") from None
