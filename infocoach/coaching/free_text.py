"""Is a free-text form answer a plausible name, company, field or topic?

A form that takes whatever comes next drafted "questions worth asking a
manager in **how did I do**". These checks tell an answer from a question, a
command or an off-topic sentence, so the form can answer or re-ask instead of
storing it. They are deliberately lenient: a name in another script, an odd
company name or "skip" must pass; only text that is plainly not an answer fails.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from infocoach.coaching.drafts import SKIP_WORDS
from infocoach.coaching.input_check import mentions_deleting
from infocoach.signals.spotter import QUESTION_START


class AnswerKind(str, Enum):
    OK = "ok"
    QUESTION = "question"
    OFF_TOPIC = "off_topic"
    DELETE_REQUEST = "delete_request"
    SMALL_TALK = "small_talk"


@dataclass(frozen=True)
class SlotShape:
    """What an answer to one slot can look like."""

    max_words: int
    # Names and companies never contain "I", "you" or "me"; a field or topic may.
    pronouns_allowed: bool


_NAME = SlotShape(max_words=5, pronouns_allowed=False)
_COMPANY = SlotShape(max_words=6, pronouns_allowed=False)
SHAPES: dict[str, SlotShape] = {
    "referrer": _NAME,
    "contact": _NAME,
    "manager_name": _NAME,
    "contact_company": _COMPANY,
    "company": _COMPANY,
    "target_field": SlotShape(max_words=7, pronouns_allowed=False),
    "position": SlotShape(max_words=10, pronouns_allowed=True),
    "meeting_topic": SlotShape(max_words=20, pronouns_allowed=True),
}

_WORD = re.compile(r"[^\W\d_]+")
_PERSONAL = {"i", "me", "you", "im", "i'm", "ive", "myself", "yourself"}
# After a question word, a pronoun makes a question ("how did I do"); a noun
# makes a topic ("how hospital budgets work").
_QUESTION_SUBJECTS = {"i", "you", "we", "it", "this", "that", "they", "my", "your", "there"}
# "what's next" reads as "whats" once apostrophes are dropped.
_CONTRACTED_QUESTIONS = {"whats", "hows", "whos", "wheres", "whys", "whens"}
# "Delete my data" in words NLU did not recognise as the command (which never reaches a
# form): a verb of erasing (the input check's own words of deleting), then whose ("wipe my
# data", "forget me", "erase everything").
_DELETE_WHOSE = {"my", "our", "me", "everything", "all"}
# "thanks", "hello", "ok", "bye": NLU reads them as thank, greet, affirm or goodbye, and a
# free-text slot takes the whole message whatever its intent, so without this check
# "ok" became the referrer's name. A message made only of these words is small talk,
# provided one of them is a greeting, thanks, an acknowledgement or a farewell.
_PLEASANTRIES = {
    "hi", "hello", "hey", "hiya", "howdy", "thanks", "thank", "thx", "ty", "cheers", "ok",
    "okay", "k", "kk", "alright", "bye", "goodbye", "byebye", "cya", "yes", "yeah", "yep",
    "yup", "sure", "cool", "great", "perfect", "awesome", "noted",
}
_PLEASANTRY_FILLERS = {
    "you", "there", "so", "much", "very", "a", "lot", "lots", "for", "now", "then", "again",
    "all", "see", "ya", "later", "good", "morning", "afternoon", "evening", "night", "got",
    "it", "oh", "well", "fine", "that", "thats", "coach", "and",
}
_COMMANDS = {
    "tell", "show", "give", "help", "draft", "write", "explain", "coach", "let", "lets",
    "go", "take", "suggest", "start", "restart", "continue", "teach", "check", "walk",
}


def judge(slot: str, text: str) -> AnswerKind:
    """Whether ``text`` can fill ``slot``; slots without a shape accept anything."""
    shape = SHAPES.get(slot)
    stripped = text.strip()
    if shape is None or stripped.lower().strip(" .!") in SKIP_WORDS:
        return AnswerKind.OK
    words = [w.lower() for w in _WORD.findall(stripped.replace("'", ""))]
    if not words:
        return AnswerKind.OK
    if _is_delete_request(words):
        return AnswerKind.DELETE_REQUEST
    if _is_small_talk(words):
        return AnswerKind.SMALL_TALK
    if stripped.endswith("?") or words[0] in _CONTRACTED_QUESTIONS or (
        words[0] in QUESTION_START and any(w in _QUESTION_SUBJECTS for w in words[1:3])
    ):
        return AnswerKind.QUESTION
    if words[0] in _COMMANDS and len(words) > 1 and words[1] in {"me", "us", "my", "the", "a"}:
        return AnswerKind.OFF_TOPIC
    if len(words) > shape.max_words:
        return AnswerKind.OFF_TOPIC
    if not shape.pronouns_allowed and any(w in _PERSONAL for w in words):
        return AnswerKind.OFF_TOPIC
    return AnswerKind.OK


def _is_delete_request(words: list[str]) -> bool:
    verb = 1 if words[0] == "please" else 0
    return (len(words) > verb + 1 and mentions_deleting(words[verb])
            and words[verb + 1] in _DELETE_WHOSE)


def _is_small_talk(words: list[str]) -> bool:
    return (any(w in _PLEASANTRIES for w in words)
            and all(w in _PLEASANTRIES or w in _PLEASANTRY_FILLERS for w in words))
