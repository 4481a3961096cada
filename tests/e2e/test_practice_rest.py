"""Practice mode over the real REST channel: a full seeded run gives the expected scorecard,
and leaving midway hands the conversation back to the coach."""

from __future__ import annotations

import uuid

import pytest
import requests

from infocoach.coaching.practice import engine
from infocoach.coaching.practice.scorecard import render
from infocoach.ids import Persona

pytestmark = pytest.mark.e2e

START = '/practice{"seed": 7, "persona": "interested"}'
TURNS = [
    "nursing",
    "Hello, thanks for making time. Here's a copy of my resume.",
    "I'm finishing a nursing degree and I'd like to understand what the work is really like.",
    "What does a typical day look like for you?",
    "Which skills matter most?",
    "How do most people get into nursing?",
    "What are the biggest challenges?",
    "Thank you very much for your time and help.",
    "Could you refer me to managers at two or three other companies?",
    "May I mention your name when I contact them?",
    "The manager started taking notes while I talked.",
]


class Chat:
    def __init__(self, url: str) -> None:
        self.webhook = f"{url}/webhooks/rest/webhook"
        self.sender = f"e2e-practice-{uuid.uuid4().hex[:10]}"

    def say(self, text: str) -> list[str]:
        response = requests.post(self.webhook, json={"sender": self.sender, "message": text},
                                 timeout=60)
        assert response.status_code == 200, response.text
        return [m.get("text", "") for m in response.json()]


def _expected() -> tuple[list[list[str]], str]:
    """What the library says for the same seed and turns: every reply, then the scorecard."""
    turn = engine.start(7, None, Persona.INTERESTED)
    replies = [[line.render() for line in turn.lines]]
    for text in TURNS:
        turn = engine.respond(turn.state, text)
        replies.append([line.render() for line in turn.lines])
    return replies, render(turn.scorecard)


def test_seeded_full_run_gives_the_expected_scorecard(live_servers):
    chat = Chat(live_servers.url)
    replies, card = _expected()
    assert chat.say(START) == replies[0]
    for text, expected in zip(TURNS, replies[1:], strict=True):
        said = chat.say(text)
        if text is TURNS[-1]:
            # Long replies may reach the channel as one message per paragraph.
            assert "\n\n".join(said) == card
        else:
            assert said == expected, text
    assert card.count("Done: ") == 7 and "Missed: Said why you want more contacts" in card
    assert "You spotted that the manager took notes" in card
    assert "\n\n".join(chat.say("how did I do?")) == card


def test_leaving_midway_then_a_coaching_question(live_servers):
    chat = Chat(live_servers.url)
    chat.say('/practice{"seed": 2, "persona": "neutral"}')
    chat.say("nursing")
    assert chat.say("Are you hiring?")[0].startswith("Manager: ")
    left = chat.say("stop practice")
    assert left and not any(text.startswith("Manager:") for text in left)
    answer = "\n".join(chat.say("how do I end the meeting?"))
    assert "thank them" in answer.lower() and "Manager:" not in answer
    card = "\n".join(chat.say("how did I do?"))
    assert "Big mistake" in card and '"Are you hiring?"' in card
