"""Requests recognisable by their shape: "write me the thank-you", "show me the part on ...".

Users glue backstory to requests ("just got back from meeting the manager at
the bank; can you write a thank-you I can send tonight?"), and the backstory's
words pull the classifier towards a debrief or an FAQ topic, or spread its
confidence so thin that it falls back. The request itself has a plain shape:
a writing verb addressed to the coach with the thing to write as its object,
or a verb of showing with a part of the walk-through as its object. These
checks read that shape, so the input guard (:mod:`infocoach.nlu.input_guard`)
can send the message where it was meant to go. Questions about writing ("how
soon should I write the thank-you?") have no such shape and are left alone.

A newcomer who introduces themselves and asks where to start ("I'm a teacher
hoping to move into publishing; where do I begin?") wants the introduction's
answer (whether the method suits them, then the walk-through): the classifier
once gave such a message the end-game advice, the worst answer for a beginner.
"""

from __future__ import annotations

import re
from enum import Enum


class Request(str, Enum):
    """What the user asks the coach to do; the values are the intents that do it."""

    DRAFT_THANK_YOU = "draft_thank_you"
    DRAFT_CALL = "draft_call"
    DRAFT_INTERVIEW_REQUEST = "draft_interview_request"
    SHOW_PHASE = "show_phase"
    INTRODUCE = "introduce"


_COURTESY = r"(?:(?:hi|hey|hello|ok|okay|so|right|please|pls|plz|just|now|and|then|also),? )*"
_WRITING = r"(?:write|draft|compose|prepare|put together|make|create|type up|whip up)"
# A writing verb addressed to the coach: at the start of a clause ("draft my call"), after
# "can you" ("could u write ..."), or after "help me" / "I need you to"; or a clause that
# starts with "(I) need a ..." ("need a quick thank-you letter"), not "do I need a ...?".
_ASKS_TO_WRITE = re.compile(
    rf"(?:(?:^|[.!?;,:]\s*|\b(?:can|could|would|will) (?:you|u) (?:please |pls )?(?:help me )?"
    rf"|\bhelp me |\bi (?:need|want|'d like) you to ){_COURTESY}{_WRITING}(?!\s+(?:down|notes))\b"
    rf"|(?:^|[.!?;,:]\s*){_COURTESY}(?:i )?need (?:a|an|my)\b)"
    r"(?P<object>.*)",
)
# "interview" as the job interview being asked for, not the informational one.
_JOB_INTERVIEW = re.compile(r"(?<!info )(?<!information )(?<!informational )\binterview")
_THANKS = re.compile(r"\bthank|\bthanks\b")
_CALL = re.compile(r"\b(?:call|phone|ring|script|opener)")

_SHOWING = (r"\b(?:show|see|open|bring up|pull up|display|jump|skip|go|take me|bring me|hop|"
            r"reread|re-read|view|get to|move)\b")
_PART = r"\b(?:bit|part|section|stage|step|phase|chapter)s?\b"
# "the stage about opening", "the bit on referrals"; or "go to the end game part".
_ASKS_FOR_PART = re.compile(
    rf"{_SHOWING}.{{0,40}}{_PART} (?:about|on|for|of|covering|where|that covers)\b"
    rf"|\b(?:go|skip|jump|take me|bring me|move)\b(?: \w+){{0,2}} to the\b[^.?!]{{0,30}}{_PART}"
)
_NEXT = re.compile(r"\bnext\b")

_INTRODUCTION = re.compile(
    r"(?:^|[.!?,;]\s*)(?:(?:hi|hello|hey)(?: there)?,?\s*)?"
    r"(?:i'm|i am|im|my name is|just graduated|recently graduated|fresh grad)\b"
)
_WHERE_TO_START = re.compile(
    r"\b(?:where (?:do|should|can) i (?:start|begin)|(?:the |my )?first (?:step|move|thing)"
    r"|how (?:do|should|can) i (?:start|begin|get started)|what (?:should|do) i do first"
    r"|where to (?:start|begin))\b"
)


def requested(text: str) -> Request | None:
    """The drafting, showing or introducing request ``text`` makes, if it plainly makes one."""
    lowered = text.lower().replace("\u2019", "'")
    asked = _ASKS_TO_WRITE.search(lowered)
    if asked:
        thing = asked.group("object")
        if _JOB_INTERVIEW.search(thing):
            return Request.DRAFT_INTERVIEW_REQUEST
        if _THANKS.search(thing):
            return Request.DRAFT_THANK_YOU
        if _CALL.search(thing):
            return Request.DRAFT_CALL
    if _ASKS_FOR_PART.search(lowered) and not _NEXT.search(lowered):
        return Request.SHOW_PHASE
    if _INTRODUCTION.search(lowered) and _WHERE_TO_START.search(lowered):
        return Request.INTRODUCE
    return None
