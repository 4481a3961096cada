"""Model runs in worker threads: the event loop stays free, and the answers do not change.

Uses the latest trained model in this process. The conversations use only the
bot's responses (no custom action), so no action server is needed.
"""

from __future__ import annotations

import asyncio
import threading

import numpy as np
import pytest

from infocoach.server import model_threads, quiet_rasa, tuned_rasa
from infocoach.server.processes import latest_model

pytestmark = pytest.mark.slow

CONVERSATIONS = (
    ("hello", "what is an informational interview?", "who is this method for?", "bye"),
    ("should I bring my resume?", "can I take notes?", "thanks"),
    ("how do I end the meeting?", "should I call or write to the people they named?", "ok"),
    ("hi there", "what if the manager has no job open?", "and if they offer me a job?"),
    ("is this for senior people?", "what are the signs they are interested?", "goodbye"),
    ("what should I bring?", "who asks the questions in the meeting?", "thank you"),
)


@pytest.fixture(scope="module")
def agent():
    from rasa.core.agent import Agent
    from rasa.utils.tensorflow.models import RasaModel

    quiet_rasa.install()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(RasaModel, "load", RasaModel.__dict__["load"])  # restored afterwards
        tuned_rasa.install_model_loading()
        return Agent.load(latest_model())


def _thread_models(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rasa's ``MessageProcessor`` with the two methods replaced, for one test only."""
    from rasa.core.processor import MessageProcessor

    for name in ("parse_message", "_run_prediction_loop"):
        monkeypatch.setattr(MessageProcessor, name, getattr(MessageProcessor, name))
    model_threads.install()
    assert MessageProcessor.parse_message is model_threads.parse_message


@pytest.fixture
def threaded(monkeypatch):
    _thread_models(monkeypatch)


async def _talk(agent, sender: str, conversation: tuple[str, ...]) -> list[tuple]:
    """What the bot made of each message: intent, confidence and the actions it ran."""
    turns = []
    for text in conversation:
        await agent.handle_text(text, sender_id=sender)
        tracker = await agent.tracker_store.retrieve(sender)
        latest = tracker.latest_message
        actions = [e.action_name for e in tracker.events_after_latest_restart()
                   if getattr(e, "action_name", None)]
        turns.append((text, latest.intent["name"], latest.intent["confidence"], actions))
    return turns


def _same(threaded_turns: list[tuple], own_turns: list[tuple]) -> None:
    for (text, intent, confidence, actions), (_, own_intent, own_confidence, own_actions) in zip(
            threaded_turns, own_turns, strict=True):
        assert (intent, actions) == (own_intent, own_actions), text
        np.testing.assert_allclose(confidence, own_confidence, atol=1e-6, err_msg=text)


def test_conversations_at_once_get_the_answers_rasa_gives_one_at_a_time(agent, monkeypatch):
    runs_at_once, most_at_once = [0], [0]
    guard = threading.Lock()
    own_run = agent.processor.graph_runner.run

    def counted_run(*args, **kwargs):
        with guard:
            runs_at_once[0] += 1
            most_at_once[0] = max(most_at_once[0], runs_at_once[0])
        try:
            return own_run(*args, **kwargs)
        finally:
            with guard:
                runs_at_once[0] -= 1

    own = [asyncio.run(_talk(agent, f"alone-{i}", c)) for i, c in enumerate(CONVERSATIONS)]

    monkeypatch.setattr(agent.processor.graph_runner, "run", counted_run)
    _thread_models(monkeypatch)

    async def all_at_once():
        return await asyncio.gather(*(_talk(agent, f"together-{i}", c)
                                      for i, c in enumerate(CONVERSATIONS)))

    together = asyncio.run(all_at_once())
    assert most_at_once[0] >= 2, "the model runs never overlapped: the test proves nothing"
    for threaded_turns, own_turns in zip(together, own, strict=True):
        _same(threaded_turns, own_turns)


async def _loop_ticks_during_a_parse(agent) -> int:
    """How often the event loop ran something else while one message was being parsed."""
    from rasa.core.channels.channel import UserMessage

    parsing, ticks = [True], [0]

    async def heartbeat():
        while parsing[0]:
            ticks[0] += 1
            await asyncio.sleep(0)

    beating = asyncio.create_task(heartbeat())
    await asyncio.sleep(0)
    ticks[0] = 0
    await agent.processor.parse_message(UserMessage("how do I open the meeting?"))
    parsing[0] = False
    counted = ticks[0]
    await beating
    return counted


def test_the_event_loop_keeps_serving_while_a_message_is_parsed(agent, threaded):
    assert asyncio.run(_loop_ticks_during_a_parse(agent)) > 0


def test_rasas_own_parse_holds_the_event_loop(agent):
    """The reason for the change, shown: without it nothing else runs during a parse."""
    assert asyncio.run(_loop_ticks_during_a_parse(agent)) == 0


def test_the_prediction_limit_still_stops_a_turn(agent, threaded, monkeypatch):
    """With no predictions allowed after the first action, the greeting is the whole turn."""
    broken = []
    monkeypatch.setattr(agent.processor, "max_number_of_predictions", 0)
    monkeypatch.setattr(agent.processor, "on_circuit_break",
                        lambda tracker, channel, nlg: broken.append(tracker.sender_id))
    answer = asyncio.run(agent.handle_text("hello", sender_id="limited"))
    assert len(answer) == 1 and answer[0]["text"].startswith("Hi")
    assert broken == ["limited"]
