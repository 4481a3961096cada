"""Direct questions and the clarifying question asked when NLU is unsure."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.common import send
from infocoach.coaching import answers, uncovered
from infocoach.coaching.replies import Reply

ASK_UNCOVERED_INTENT = "ask_uncovered"
_NOT_A_GUESS = {"nlu_fallback", "out_of_scope", "other_language"}
# Below this, the ResponseSelector's topic for a non-FAQ message is a guess, not an answer.
MIN_TOPIC_CONFIDENCE = 0.5


def selected_topic(tracker: Tracker) -> str | None:
    """The ``faq/<key>`` the ResponseSelector picked (or a ``/faq/<key>`` payload)."""
    message = tracker.latest_message or {}
    selected = (message.get("response_selector") or {}).get("faq") or {}
    key = (selected.get("response") or {}).get("intent_response_key")
    if key:
        return key
    intent = (message.get("intent") or {}).get("name") or ""
    return intent if intent.startswith("faq/") else None


def best_guesses(tracker: Tracker, limit: int = 2) -> list[str]:
    """The two likeliest readings of the last message: intents, with ``faq`` as its topics.

    When the classifier hesitates between a question and, say, a meeting
    report, both are offered; when it hesitates within the questions, the
    ResponseSelector's top topics are.
    """
    message = tracker.latest_message or {}
    ranking = ((message.get("response_selector") or {}).get("faq") or {}).get("ranking") or []
    topics = [r["intent_response_key"] for r in ranking if r.get("intent_response_key")]
    intents = [
        i.get("name")
        for i in message.get("intent_ranking") or []
        if i.get("name") and i.get("name") not in _NOT_A_GUESS
    ]
    if not intents:
        return topics[:limit]
    guesses: list[str] = []
    for intent in intents[:limit]:
        guess = (topics[0] if topics else None) if intent == "faq" else intent
        if guess:
            guesses.append(guess)
    return guesses[:limit]


class ActionClarify(Action):
    """Ask rather than guess: offer the likeliest questions and the main paths."""

    def name(self) -> str:
        return "action_clarify"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list:
        send(dispatcher, answers.clarify(best_guesses(tracker)))
        return []


def answer_to_question(text: str, tracker: Tracker) -> Reply | None:
    """The reply to a question met where a question was not expected (a form, the debrief).

    The intent decides first; then an uncovered topic named in the text; then
    the ResponseSelector's topic, only when it is fairly sure. None: no answer.
    """
    message = tracker.latest_message or {}
    intent = (message.get("intent") or {}).get("name")
    if intent == ASK_UNCOVERED_INTENT:
        return uncovered.uncovered_reply(text)
    selected = ((message.get("response_selector") or {}).get("faq") or {}).get("response") or {}
    if intent == "faq":
        return answers.answer(selected_topic(tracker))
    if uncovered.match(text) is not None:
        return uncovered.uncovered_reply(text)
    if (selected.get("confidence") or 0.0) >= MIN_TOPIC_CONFIDENCE:
        return answers.answer(selected_topic(tracker))
    return None
