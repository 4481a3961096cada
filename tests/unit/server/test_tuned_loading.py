"""The trained model loaded without ``fit`` predicts exactly as with Rasa's own loading.

Loads the latest trained model twice in this process, once with Rasa's
``RasaModel.load`` and once with :func:`infocoach.server.tuned_rasa.load_without_fit`,
and compares what DIET, the ResponseSelector and TED make of the same
messages and conversations, down to 1e-6.
"""

from __future__ import annotations

import asyncio

import numpy as np
import pytest

from infocoach.server import quiet_rasa, tuned_rasa
from infocoach.server.processes import latest_model

pytestmark = pytest.mark.slow

# Each a short conversation: TED sees the turns before, not only the message.
CONVERSATIONS = (
    ("hello", "coach me through it", "next", "what's next?", "thanks, bye"),
    ("what should I ask a manager?", "how long should the meeting last?", "ok"),
    ("I'm a student looking for my first job", "how do I write the request email?",
     "can you show me an example", "delete my data"),
    ("let's practice", "what do you do in your role?", "I see, thanks"),
    ("asdf qwerty", "bonjour, comment ça va", "what is the weather tomorrow"),
)
TOLERANCE = 1e-6


def _load(monkeypatch: pytest.MonkeyPatch, tuned: bool):
    from rasa.core.agent import Agent
    from rasa.utils.tensorflow.models import RasaModel

    with monkeypatch.context() as patch:
        assert RasaModel.__dict__["load"].__func__ is not tuned_rasa.load_without_fit
        if tuned:
            patch.setattr(RasaModel, "load", RasaModel.__dict__["load"])  # restored afterwards
            tuned_rasa.install_model_loading()
            assert RasaModel.__dict__["load"].__func__ is tuned_rasa.load_without_fit
        return Agent.load(latest_model())


@pytest.fixture(scope="module")
def agents():
    quiet_rasa.install()
    with pytest.MonkeyPatch.context() as monkeypatch:
        return _load(monkeypatch, tuned=False), _load(monkeypatch, tuned=True)


def _ted_node(agent) -> str:
    return next(name for name in agent.processor.model_metadata.predict_schema.nodes
                if name.startswith("run_TEDPolicy"))


def _ted_probabilities(agent, events) -> list[float]:
    from rasa.engine.constants import PLACEHOLDER_TRACKER
    from rasa.shared.core.trackers import DialogueStateTracker

    tracker = DialogueStateTracker.from_events("loading-test", events, slots=agent.domain.slots)
    node = _ted_node(agent)
    return agent.processor.graph_runner.run(
        inputs={PLACEHOLDER_TRACKER: tracker}, targets=[node])[node].probabilities


def _ranking(parsed: dict, key: str = "intent_ranking") -> tuple[list[str], np.ndarray]:
    return [r["name"] for r in parsed[key]], np.array([r["confidence"] for r in parsed[key]])


def _responses(parsed: dict) -> tuple[list[str], np.ndarray]:
    ranking = parsed["response_selector"]["faq"]["ranking"]
    return [r["intent_response_key"] for r in ranking], np.array([r["confidence"] for r in ranking])


@pytest.mark.parametrize("conversation", CONVERSATIONS, ids=lambda c: c[0])
def test_same_intents_responses_and_actions(agents, conversation):
    from rasa.shared.core.events import ActionExecuted, UserUttered

    stock, tuned = agents
    events = [ActionExecuted("action_listen")]
    for text in conversation:
        parsed = [asyncio.run(agent.parse_message(text)) for agent in agents]
        for extract in (_ranking, _responses):
            (names, scores), (tuned_names, tuned_scores) = map(extract, parsed)
            assert tuned_names == names, text
            np.testing.assert_allclose(tuned_scores, scores, atol=TOLERANCE, err_msg=text)
        events.append(UserUttered(text, parsed[0]["intent"], parsed[0]["entities"], parsed[0]))
        actions = _ted_probabilities(stock, events)
        np.testing.assert_allclose(_ted_probabilities(tuned, events), actions,
                                   atol=TOLERANCE, err_msg=text)
        best = stock.domain.action_names_or_texts[int(np.argmax(actions))]
        events += [ActionExecuted(best), ActionExecuted("action_listen")]


def test_fine_tuning_keeps_rasas_own_loading(monkeypatch):
    """Fine-tuning needs the optimizer state that the tuned loading leaves out."""
    from rasa.utils.tensorflow.models import RasaModel

    calls = []
    monkeypatch.setattr(RasaModel, "load", RasaModel.__dict__["load"])
    monkeypatch.setattr(tuned_rasa, "_rasas_load", classmethod(
        lambda cls, *args, **kwargs: calls.append((cls, args)) or "rasa's"))
    tuned_rasa.install_model_loading()
    assert RasaModel.load("weights", "example", None, True) == "rasa's"
    assert calls == [(RasaModel, ("weights", "example", None, True))]
