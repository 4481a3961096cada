"""Run a mock informational meeting one user turn at a time.

``start`` sets the meeting up, ``respond`` plays the manager's answer to one
user turn and records which steps of the method the turn did (read by
:func:`infocoach.signals.steps.find_steps`), ``leave`` stops midway. The arc
follows the method: the manager opens by asking what the user wants to know,
answers questions from the topic bank, wraps up after a few, hands out names
when asked, then the coach asks which signs of interest the user noticed and
scores the meeting. Each call returns a new state and the lines to say.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from typing import Literal

from infocoach.coaching.practice.content import UNKNOWN_TOPIC, PracticeFile, practice_content
from infocoach.coaching.practice.scorecard import Scorecard, score
from infocoach.coaching.practice.state import PracticeState, Stage
from infocoach.ids import Persona, PracticeStep, Signal
from infocoach.signals import spot
from infocoach.signals.step_cues import JOB_ASK
from infocoach.signals.steps import find_steps

MAX_FIELD_CHARS = 60
# The interested manager shows two or three of the four signals.
SIGNALS_SHOWN = (2, 3)
# Steps that only count at their point of the meeting: thanks said on arrival
# is politeness, not the closing thanks; "other perspectives" early is a
# learning goal, not the reason for wanting referrals.
MEETING_ONLY = {PracticeStep.SITUATION, PracticeStep.LEARNING_GOAL}
CLOSING_ONLY = {PracticeStep.THANKS, PracticeStep.WHY_REFERRALS}
# A lower-case letter that starts a sentence: the field as the user typed it
# ("nursing"), put where a manager's line starts a sentence with it.
SENTENCE_START = re.compile(r"(^|[.!?]\s+)([a-z])")
# In the answer to "did you notice any sign of interest?" the user often speaks to
# the manager they just met ("you took notes"): the signs are the manager's.
SECOND_PERSON = {"you": "the manager", "your": "the manager's"}
SECOND_PERSON_WORD = re.compile(r"\b(you|your)\b", re.IGNORECASE)
# An answer that starts with a past-tense verb has left out its subject, the manager.
NO_SUBJECT = re.compile(r"^\W*(?:\w+ed|took|wrote|said|spoke|kept|made|began|seemed|was|had)\b",
                        re.IGNORECASE)
# Answers to "are you really looking for a job?" that admit it.
ADMITS = ("yes", "yeah", "yep", "honestly, yes", "i am", "kind of", "sort of")


@dataclass(frozen=True)
class Line:
    """One thing said: by the manager (in the role-play) or by the coach."""

    speaker: Literal["manager", "coach"]
    text: str

    def render(self, content: PracticeFile | None = None) -> str:
        if self.speaker == "manager":
            return f"{(content or practice_content()).manager_prefix} {self.text}"
        return self.text


@dataclass(frozen=True)
class Turn:
    state: PracticeState
    lines: tuple[Line, ...]
    # Set when the meeting has just been scored.
    scorecard: Scorecard | None = None


def pick_persona(seed: int) -> Persona:
    return random.Random(seed).choice(list(Persona))


def start(seed: int, field: str | None = None, persona: Persona | None = None,
          content: PracticeFile | None = None) -> Turn:
    """Set a meeting up: the persona (asked for, or drawn from the seed) and, when the
    field is known, the manager's opening; otherwise the coach asks for the field."""
    content = content or practice_content()
    persona = persona or pick_persona(seed)
    state = PracticeState(seed=seed, persona=persona, stage=Stage.ASK_FIELD)
    if persona is Persona.INTERESTED:
        rng = state.rng("signals")
        plan = rng.sample(list(Signal), rng.choice(SIGNALS_SHOWN))
        state = state.copy(update={"signal_plan": tuple(plan)})
    field = (field or "").strip()
    if not field:
        return Turn(state, (Line("coach", content.coach.ask_field),))
    return _open(state, field, content)


def respond(state: PracticeState, text: str, content: PracticeFile | None = None) -> Turn:
    """The manager's (or, at the end, the coach's) answer to one user turn."""
    content = content or practice_content()
    state = state.copy(update={"turn": state.turn + 1})
    if state.stage is Stage.ASK_FIELD:
        field = text.strip()
        if not field or len(field) > MAX_FIELD_CHARS:
            return Turn(state, (Line("coach", content.coach.field_too_long),))
        return _open(state, field, content)
    if state.stage is Stage.NOTICE:
        return _score(state.copy(update={"noticed": noticed_signals(text)}), content)
    if state.stage in (Stage.MEETING, Stage.CLOSING):
        return _meeting_turn(state, text, content)
    return Turn(state, (Line("coach", content.coach.no_practice),))


def noticed_signals(answer: str) -> tuple[Signal, ...]:
    """The signs of interest the user names in their answer, read by the signal spotter.

    "You took notes" is said to the manager, so "you" is read as the manager;
    an answer that starts without a subject ("took notes and talked up the
    company") is about the manager too.
    """
    about_manager = SECOND_PERSON_WORD.sub(lambda m: SECOND_PERSON[m[1].lower()], answer)
    if NO_SUBJECT.match(about_manager):
        about_manager = f"The manager {about_manager}"
    return tuple(dict.fromkeys(finding.id for finding in spot(about_manager).signals))


def leave(state: PracticeState, content: PracticeFile | None = None) -> Turn:
    """Stop midway; what was done so far can still be scored."""
    content = content or practice_content()
    return Turn(state.copy(update={"stage": Stage.LEFT}), (Line("coach", content.coach.left),))


def _open(state: PracticeState, field: str, content: PracticeFile) -> Turn:
    state = state.copy(update={"field": field, "stage": Stage.MEETING})
    return Turn(state, (
        Line("coach", content.coach.intro.format(field=field)),
        _say(state, content, "opening"),
    ))


def _meeting_turn(state: PracticeState, text: str, content: PracticeFile) -> Turn:
    found = find_steps(text)
    evidence = dict(state.evidence)
    for key, quote in found.items():
        if key == JOB_ASK:
            continue
        step = PracticeStep(key)
        allowed = not (step in MEETING_ONLY and state.stage is not Stage.MEETING) and not (
            step in CLOSING_ONLY and state.stage is not Stage.CLOSING
            and not (step is PracticeStep.WHY_REFERRALS and PracticeStep.REFERRALS.value in found)
        )
        if allowed and step not in evidence:
            evidence[step] = quote
    update: dict = {"evidence": evidence}
    answers_challenge = state.challenged_at is not None and state.turn == state.challenged_at + 1
    job_ask = found.get(JOB_ASK) or (_admits(text) if answers_challenge else None)
    if job_ask and not state.job_ask:
        update["job_ask"] = job_ask
    state = state.copy(update=update)
    if job_ask:
        return _after_job_ask(state, content)
    if state.stage is Stage.CLOSING:
        return _closing_turn(state, found, text, content)
    return _question_turn(state, found, text, content)


def _admits(text: str) -> str | None:
    """A plain "yes" to the wary manager's "is this about a job?" is a job ask too."""
    lowered = text.strip().lower()
    return text.strip() if lowered.startswith(ADMITS) else None


def _after_job_ask(state: PracticeState, content: PracticeFile) -> Turn:
    said = [_say(state, content, "job_ask")]
    if state.persona is Persona.BUSY_WARY:
        return _end_meeting(state, content, said)
    return Turn(state, tuple(said))


def _question_turn(state: PracticeState, found: dict[str, str], text: str,
                   content: PracticeFile) -> Turn:
    said: list[Line] = []
    if PracticeStep.REFERRALS.value in found or PracticeStep.USE_NAME.value in found:
        return _closing_turn(state, found, text, content)
    topic = _topic(text, content)
    asked = PracticeStep.QUESTIONS.value in found
    if PracticeStep.RESUME.value in found and (topic is None or not asked):
        return Turn(state, (_say(state, content, "resume_received"),))
    if not asked:
        return Turn(state, (_say(state, content, "acknowledge"),))
    state = state.copy(update={"questions": state.questions + 1})
    said.append(_say(state, content, "topics", topic or UNKNOWN_TOPIC))
    if len(state.shown) < len(state.signal_plan):
        signal = state.signal_plan[len(state.shown)]
        said.append(_say(state, content, "signals", signal))
        state = state.copy(update={"shown": (*state.shown, signal)})
    pace = content.pace.questions[state.persona]
    if state.persona is Persona.BUSY_WARY and state.challenged_at is None \
            and state.questions < pace:
        said.append(_say(state, content, "challenge"))
        state = state.copy(update={"challenged_at": state.turn})
    elif state.questions >= pace:
        ending = "early_end" if state.persona is Persona.BUSY_WARY else "wrap_up"
        said.append(_say(state, content, ending))
        state = state.copy(update={"stage": Stage.CLOSING})
    return Turn(state, tuple(said))


def _closing_turn(state: PracticeState, found: dict[str, str], text: str,
                  content: PracticeFile) -> Turn:
    said: list[Line] = []
    closing = state.stage is Stage.CLOSING
    if closing:
        state = state.copy(update={"closing_turns": state.closing_turns + 1})
    if PracticeStep.REFERRALS.value in found and not state.referrals_given:
        first, second = state.rng("contacts").sample(content.contacts, 2)
        said.append(_say(state, content, "referrals", first=first, second=second))
        state = state.copy(update={"referrals_given": True})
    if PracticeStep.USE_NAME.value in found:
        said.append(_say(state, content, "use_name"))
    asked_name = PracticeStep.USE_NAME in state.evidence
    ending = closing and (asked_name or state.closing_turns >= content.pace.closing_turns)
    if not said and PracticeStep.THANKS.value in found:
        said.append(_say(state, content, "thanks_reply"))
    elif not said and PracticeStep.QUESTIONS.value in found:
        said.append(_say(state, content, "topics", _topic(text, content) or UNKNOWN_TOPIC))
    elif not said and not ending:
        # "Anything else?" only when the user still has a turn to answer it.
        said.append(_say(state, content, "closing_nudge"))
    if ending:
        return _end_meeting(state, content, said)
    return Turn(state, tuple(said))


def _end_meeting(state: PracticeState, content: PracticeFile, said: list[Line]) -> Turn:
    said = [*said, _say(state, content, "goodbye"), Line("coach", content.coach.notice_question)]
    return Turn(state.copy(update={"stage": Stage.NOTICE}), tuple(said))


def _score(state: PracticeState, content: PracticeFile) -> Turn:
    """The meeting is over: the scorecard is returned as data, for the caller to show
    (and keep) the way its channel does, with :func:`~.scorecard.render` by default."""
    state = state.copy(update={"stage": Stage.DONE})
    return Turn(state, (), score(state, content))


def _topic(text: str, content: PracticeFile) -> str | None:
    """The topic whose cue comes first in the question, if any."""
    lowered = text.lower()
    hits = [(lowered.find(cue), topic) for topic, cues in content.topics.items() for cue in cues
            if cue in lowered]
    return min(hits)[1] if hits else None


def _say(state: PracticeState, content: PracticeFile, kind: str, key: object = None,
         **values: str) -> Line:
    """One of the persona's wordings for ``kind`` (``key`` picks a topic or signal)."""
    lines = getattr(content.managers[state.persona], kind)
    if key is not None:
        lines = lines[key]
    said = state.rng(f"{kind}:{key}").choice(lines).format(field=state.field, **values)
    return Line("manager", SENTENCE_START.sub(lambda m: m[1] + m[2].upper(), said))
