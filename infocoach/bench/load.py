"""Simulated users over Rasa's REST channel: an asyncio client on aiohttp.

Each user plays its conversation one turn after another, waiting for the
bot's answer before typing the next message and not pausing in between (a
closed loop with no think time), so N users keep up to N requests in flight
and the server is as busy as N people can make it. A user keeps starting new
conversations under new sender ids until the level's time is up (bounded in
count too); every turn's latency and every failure is counted. A failure is
anything but a 200 answer with a JSON list: an HTTP error status, a timeout,
a refused or reset connection, or a body that is not Rasa's list of messages.
An empty list is an answer (Rasa sends one when the bot says nothing) and is
counted on its own, because a failing custom action shows up that way.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

import aiohttp

from infocoach.bench.conversations import User
from infocoach.bench.stats import summarize


@dataclass
class LevelResult:
    """What one load level saw."""

    users: int
    seconds: float = 0.0
    latencies: list[float] = field(default_factory=list)
    failures: Counter[str] = field(default_factory=Counter)
    empty_answers: int = 0
    conversations: int = 0

    @property
    def errors(self) -> int:
        return sum(self.failures.values())

    def summary(self) -> dict:
        return {
            "users": self.users,
            **summarize(self.latencies, self.errors, self.seconds),
            "failures": dict(self.failures),
            "empty_answers": self.empty_answers,
            "conversations": self.conversations,
            "seconds": round(self.seconds, 1),
        }


async def _turn(
    session: aiohttp.ClientSession, webhook: str, sender: str, text: str, result: LevelResult
) -> None:
    started = time.perf_counter()
    try:
        async with session.post(webhook, json={"sender": sender, "message": text}) as response:
            raw = await response.read()
            if response.status != 200:
                result.failures[f"HTTP {response.status}"] += 1
                return
            try:
                answer = await response.json(content_type=None)
            except ValueError:
                answer = raw
    except asyncio.TimeoutError:
        result.failures["timeout"] += 1
        return
    except aiohttp.ClientError as exc:
        result.failures[type(exc).__name__] += 1
        return
    if not isinstance(answer, list):
        result.failures["not a list of messages"] += 1
        return
    result.latencies.append(time.perf_counter() - started)
    result.empty_answers += not answer


async def _play(
    session: aiohttp.ClientSession, webhook: str, user: User, deadline: float,
    max_conversations: int, run_id: str, result: LevelResult,
) -> None:
    for number in range(max_conversations):
        if number and time.monotonic() >= deadline:
            return
        sender = f"{user.name}-{run_id}-{number}"
        for text in user.script:
            await _turn(session, webhook, sender, text, result)
        result.conversations += 1


async def play_level(
    webhook: str, users: Sequence[User], seconds: float, max_conversations: int = 50,
    timeout: float = 30.0,
) -> LevelResult:
    """Let every user play conversations at once for about ``seconds`` (at least one each)."""
    result = LevelResult(users=len(users))
    run_id = uuid.uuid4().hex[:6]
    connector = aiohttp.TCPConnector(limit=len(users))
    client_timeout = aiohttp.ClientTimeout(total=timeout)
    async with aiohttp.ClientSession(connector=connector, timeout=client_timeout) as session:
        started = time.monotonic()
        deadline = started + seconds
        await asyncio.gather(
            *(_play(session, webhook, user, deadline, max_conversations, run_id, result)
              for user in users)
        )
        result.seconds = time.monotonic() - started
    return result


def run_level(
    webhook: str, users: Sequence[User], seconds: float, max_conversations: int = 50,
    timeout: float = 30.0,
) -> LevelResult:
    """:func:`play_level` from synchronous code."""
    return asyncio.run(play_level(webhook, users, seconds, max_conversations, timeout))
