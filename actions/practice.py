"""Practice mode in Rasa: start, every role-play turn, leave, and the scorecard.

Thin adapters over :mod:`infocoach.coaching.practice`. The role-play runs as a
form (``practice_form``) because a form captures every message: whatever the
user says to the mock manager (a greeting, a thank-you, a question NLU takes
for an FAQ) must reach the manager, not the coach's own rules. Its one slot,
``practice_turn``, is never kept: the validation action plays each message and
clears it, so the form keeps listening until the meeting is scored. The whole
meeting lives in the ``practice_state`` slot; the last scorecard in
``practice_scorecard``.
"""

from __future__ import annotations

import random
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from infocoach.coaching.practice import engine
from infocoach.coaching.practice.content import practice_content
from infocoach.coaching.practice.scorecard import SCORECARD_KEY, Scorecard, score, view
from infocoach.coaching.practice.state import PracticeState
from infocoach.ids import Persona

STATE_SLOT = "practice_state"
SCORECARD_SLOT = "practice_scorecard"
TURN_SLOT = "practice_turn"
SEED_SLOT = "practice_seed"
PERSONA_SLOT = "practice_persona"
# Seeds drawn when the user gives none; any int replays the same meeting.
SEED_RANGE = 1_000_000


def say(dispatcher: CollectingDispatcher, turn: engine.Turn) -> None:
    for line in turn.lines:
        dispatcher.utter_message(text=line.render())


def _entity(tracker: Tracker, name: str) -> Any:
    return next((e.get("value") for e in tracker.latest_message.get("entities", [])
                 if e.get("entity") == name), None)


def _seed(tracker: Tracker) -> int:
    """The seed asked for (``/practice{"seed": 7}``, or preset in the ``practice_seed``
    slot by a replayed session), else a fresh one."""
    for value in (_entity(tracker, "seed"), tracker.get_slot(SEED_SLOT)):
        try:
            return int(value)
        except (TypeError, ValueError):
            continue
    return random.SystemRandom().randrange(SEED_RANGE)


def _persona(tracker: Tracker) -> Persona | None:
    """The manager asked for: by entity (``"persona": "busy"``), preset slot, or in words
    ("a busy manager"); None lets the seed choose."""
    content = practice_content()
    for asked in (_entity(tracker, "persona"), tracker.get_slot(PERSONA_SLOT)):
        if asked:
            return content.persona_named(str(asked))
    return content.persona_named(tracker.latest_message.get("text") or "")


class ActionPracticeStart(Action):
    """Set the mock meeting up; ``practice_form`` then runs it."""

    def name(self) -> str:
        return "action_practice_start"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: dict[str, Any]) -> list:
        turn = engine.start(_seed(tracker), tracker.get_slot("target_field"), _persona(tracker))
        say(dispatcher, turn)
        return [SlotSet(STATE_SLOT, turn.state.to_slot())]


class ActionAskPracticeTurn(Action):
    """The form's question for ``practice_turn``: nothing, on purpose.

    The manager has already spoken (in ``action_practice_start`` or in the
    validation of the last turn); a form needs an ask action all the same.
    """

    def name(self) -> str:
        return "action_ask_practice_turn"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: dict[str, Any]) -> list:
        return []


class ValidatePracticeForm(FormValidationAction):
    """Plays one user turn: the manager answers, the steps done are recorded."""

    def name(self) -> str:
        return "validate_practice_form"

    def validate_practice_turn(self, value: Any, dispatcher: CollectingDispatcher,
                               tracker: Tracker, domain: DomainDict) -> dict[str, Any]:
        state = PracticeState.from_slot(tracker.get_slot(STATE_SLOT))
        if state is None or not state.active:
            # Nothing to play (state lost or already over): end the form cleanly.
            dispatcher.utter_message(text=practice_content().coach.no_practice)
            return {TURN_SLOT: str(value)}
        turn = engine.respond(state, str(value or ""))
        say(dispatcher, turn)
        slots: dict[str, Any] = {TURN_SLOT: None, STATE_SLOT: turn.state.to_slot()}
        if turn.state.field and not tracker.get_slot("target_field"):
            slots["target_field"] = turn.state.field
        if turn.scorecard is not None:
            slots[SCORECARD_SLOT] = turn.scorecard.to_slot()
            slots[TURN_SLOT] = str(value)  # filled: the form ends, the scorecard follows
        return slots


class ActionPracticeLeave(Action):
    """Leave the role-play midway (the form is already deactivated by the stop rule)."""

    def name(self) -> str:
        return "action_practice_leave"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: dict[str, Any]) -> list:
        state = PracticeState.from_slot(tracker.get_slot(STATE_SLOT))
        if state is None:
            dispatcher.utter_message(text=practice_content().coach.no_practice)
            return []
        turn = engine.leave(state)
        say(dispatcher, turn)
        return [SlotSet(STATE_SLOT, turn.state.to_slot()), SlotSet(TURN_SLOT, None)]


class ActionPracticeScorecard(Action):
    """'How did I do?': the scorecard of the current or last meeting, kept in a slot.

    Sent as text for text-only clients, with the same scorecard worded item by
    item in the custom payload, which the widget and Slack lay out as a list.
    """

    def name(self) -> str:
        return "action_practice_scorecard"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: dict[str, Any]) -> list:
        state = PracticeState.from_slot(tracker.get_slot(STATE_SLOT))
        card = score(state) if state is not None else \
            Scorecard.from_slot(tracker.get_slot(SCORECARD_SLOT))
        if card is None:
            dispatcher.utter_message(text=practice_content().coach.no_practice)
            return []
        worded = view(card)
        dispatcher.utter_message(text=worded.text(), json_message={SCORECARD_KEY: worded.dict()})
        return [SlotSet(SCORECARD_SLOT, card.to_slot())]
