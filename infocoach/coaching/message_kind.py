"""What a message *is*: an account of a meeting, a question, or talk of a meeting to come.

The intent classifier reads words, and an account of a meeting shares its
words with questions about meetings: "she asked about my background" and
"will she ask about my background?" differ in tense and mood, not in
vocabulary. The debrief must only read accounts of meetings that took place,
and an account must reach the debrief whatever the classifier guessed, so
these plain checks on tense, mood and actor decide where a message goes (the
signal spotter supplies the evidence; see :func:`is_meeting_account`).
"""

from __future__ import annotations

import re
from enum import Enum

from infocoach.signals.readings import Reading
from infocoach.signals.spotter import IRREGULAR_PAST, QUESTION_START


class MessageKind(str, Enum):
    ACCOUNT = "account"  # tells what happened in a meeting that took place
    QUESTION = "question"
    NOT_YET = "not_yet"  # about a meeting still to come, or a worry before it
    OTHER = "other"


_CLAUSE = re.compile(r"[^.!?;,\n]+[.!?;,\n]*")
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")
_FUTURE = re.compile(
    r"\b(will|won't|shall|going to|gonna|tomorrow|tonight|upcoming|coming up|next "
    r"(week|month|monday|tuesday|wednesday|thursday|friday|time)|later (today|this)|"
    r"haven't (met|had|been)|not yet|yet to|in (an?|one|two|three|a few|\d+) "
    r"(hours?|days?|weeks?)|before (the|my) (meeting|interview))\b|\w'll\b"
)
_WORRY = re.compile(
    r"\b(i'?m|i am|im|feeling|feel|getting) (so |really |a bit |very |kind of |super )?"
    r"(nervous|worried|anxious|scared|afraid|stressed|panicking|freaking out)\b"
)
_PAST_ADJECTIVES = {
    "interested", "excited", "worried", "scared", "tired", "confused", "supposed", "used",
    "based", "related", "experienced", "qualified", "skilled", "advanced", "required",
    "red", "bed", "shed", "seed", "feed", "speed", "indeed", "embed",
    "unemployed", "employed", "retired", "married", "licensed", "certified",
    "detailed", "limited", "talented", "dedicated", "motivated", "stressed", "freaked",
}
_MORE_PAST = {
    "met", "spent", "went", "came", "left", "felt", "sat", "ran", "showed", "seemed",
    "wanted", "asked", "gave", "wasn't", "weren't", "didn't", "hadn't", "passed",
}
# Who can have done something in a meeting: a third person, "we", or the meeting itself.
_ACTORS = {
    "he", "she", "they", "we", "him", "her", "them", "manager", "manger", "director",
    "boss", "supervisor", "recruiter", "vp", "head", "lead", "partner", "ceo", "founder",
    "owner", "administrator", "engineer", "hr", "meeting", "interview", "chat", "call",
    "coffee", "it",
}
_HYPOTHETICAL_START = {"if", "what", "suppose", "imagine", "when", "whether", "unless"}


def _is_past(word: str) -> bool:
    if word in IRREGULAR_PAST or word in _MORE_PAST:
        return True
    return word.endswith("ed") and len(word) > 4 and word not in _PAST_ADJECTIVES


def _clauses(text: str) -> list[str]:
    return [c.strip() for c in _CLAUSE.findall(text.lower().replace("\u2019", "'")) if c.strip()]


def _is_question(clause: str, words: list[str]) -> bool:
    return bool(words) and (words[0] in QUESTION_START or clause.endswith("?"))


def _tells_of_meeting(words: list[str]) -> bool:
    """A past-tense verb with someone other than the user (or the meeting) as actor."""
    if not words or words[0] in _HYPOTHETICAL_START or words[0] in QUESTION_START:
        return False
    return any(_is_past(w) for w in words) and any(w in _ACTORS for w in words)


def kind_of(text: str) -> MessageKind:
    """Classify one message; an account wins over a question glued to it ("..., is that good?")."""
    lowered = text.lower().replace("\u2019", "'")
    clauses = _clauses(text)
    future = bool(_FUTURE.search(lowered) or _WORRY.search(lowered))
    account = any(
        _tells_of_meeting(_WORD.findall(c)) and not _FUTURE.search(c) for c in clauses
    )
    if account and not (future and not _any_past_meeting(lowered)):
        return MessageKind.ACCOUNT
    if asks_question(text):
        return MessageKind.QUESTION
    if future:
        return MessageKind.NOT_YET
    return MessageKind.OTHER


def _any_past_meeting(lowered: str) -> bool:
    """The message says outright that a meeting took place, despite any talk of what comes next."""
    return bool(re.search(
        r"\b(had|did|finished|went to|got back from|just got out of|met)\b|"
        r"\b(meeting|interview|it) (went|was)\b|\b(yesterday|today|this morning|last week)\b",
        lowered,
    ))


def is_meeting_account(text: str, reading: Reading) -> bool:
    """An account of a past meeting in which the spotter found something to read.

    Both are needed: the shape alone would send "the manager agreed to meet
    me, how do I start?" to the debrief, and the spotter alone reads no tense.
    """
    return (bool(reading.signals) or reading.ambiguous) and kind_of(text) is MessageKind.ACCOUNT


def asks_question(text: str) -> bool:
    """Some clause of the message is a question (an account may end with one)."""
    return any(_is_question(c, _WORD.findall(c)) for c in _clauses(text))
