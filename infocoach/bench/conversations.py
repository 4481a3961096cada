"""What the simulated users type: six-turn conversations for infocoach and the reference bot.

Both bots get conversations of the same length, so turns per second compare
like with like. infocoach's come from the scripted sessions in data/sessions
(walk-through, referrals, debrief, thank-you note: actions, forms and the
signal spotter all take part); the reference bot's follow the happy and sad
paths of the `rasa init` starter bot's own stories.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

Script = tuple[str, ...]

INFOCOACH: tuple[Script, ...] = (
    ("hi", "coach me through it", "next", "how do I open the meeting?", "next",
     "can I take notes during the meeting?"),
    ("should I call or write to a referral?", "what do I say when I call a referral?",
     "draft my call script", "Dana Lee", "Sam Ortiz", "Northwind Clinics"),
    ("hello", "let me tell you how it went",
     "he asked about my background and then started taking notes",
     "what if the manager has no opening?", "what do I do when my research is done?", "bye"),
    ("should I send a thank-you note?", "draft my thank-you note", "Alex Kim",
     "Northwind Clinics", "how hospital budgets work", "bye"),
)

REFERENCE: tuple[Script, ...] = (
    ("hello there", "I am feeling very good", "are you a bot?", "great", "thanks", "bye"),
    ("hey", "I am sad", "yes", "are you a human?", "perfect", "goodbye"),
    ("good morning", "very unhappy", "no", "hi again", "I am great", "see you later"),
    ("hi", "extremely sad", "yes it did", "am I talking to a bot?", "amazing", "bye bye"),
)


@dataclass(frozen=True)
class User:
    """One simulated user: a name that keeps its conversations apart, and what it types."""

    name: str
    script: Script


def users(count: int, scripts: Sequence[Script], prefix: str) -> list[User]:
    """``count`` users, taking the scripts in turn so every script is played."""
    if count < 1:
        raise ValueError(f"need at least one user, not {count}")
    if not scripts:
        raise ValueError("no conversation scripts to play")
    return [User(f"{prefix}-{i}", scripts[i % len(scripts)]) for i in range(count)]
