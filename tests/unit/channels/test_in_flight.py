"""TurnsInFlight: a reconnecting page waits for its conversation's turns, never for ever."""

from __future__ import annotations

import asyncio

from infocoach.channels.in_flight import TurnsInFlight


def test_waits_for_every_turn_of_its_conversation_only() -> None:
    async def scenario() -> list[str]:
        turns, done, order = TurnsInFlight(), asyncio.Event(), []

        async def answer(conversation: str) -> None:
            async with turns.turn(conversation):
                await done.wait()
            order.append(f"answered {conversation}")

        running = [asyncio.create_task(answer(c)) for c in ("web:a", "web:a", "web:b")]
        await asyncio.sleep(0)
        assert turns.busy("web:a") and turns.busy("web:b") and not turns.busy("web:c")
        assert await turns.settled("web:c", timeout=1)  # nothing under way there

        async def reconnect() -> None:
            assert await turns.settled("web:a", timeout=5)
            order.append("confirmed web:a")

        waiting = asyncio.create_task(reconnect())
        await asyncio.sleep(0.05)
        assert order == []
        done.set()
        await asyncio.gather(*running, waiting)
        assert not turns.busy("web:a")
        return order

    order = asyncio.run(scenario())
    assert order.index("confirmed web:a") > max(
        i for i, step in enumerate(order) if step == "answered web:a"
    )


def test_a_hung_turn_holds_the_page_back_only_until_the_timeout() -> None:
    async def scenario() -> tuple[bool, bool]:
        turns, release = TurnsInFlight(), asyncio.Event()

        async def hang() -> None:
            async with turns.turn("web:a"):
                await release.wait()

        task = asyncio.create_task(hang())
        await asyncio.sleep(0)
        timed_out = await turns.settled("web:a", timeout=0.05)
        release.set()
        await task
        return timed_out, await turns.settled("web:a", timeout=0.05)

    assert asyncio.run(scenario()) == (False, True)


def test_a_failing_turn_still_ends() -> None:
    async def scenario() -> bool:
        turns = TurnsInFlight()
        try:
            async with turns.turn("web:a"):
                raise RuntimeError("the action server is down")
        except RuntimeError:
            pass
        return turns.busy("web:a")

    assert asyncio.run(scenario()) is False
