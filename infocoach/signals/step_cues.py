"""What a user says when doing each step of an informational meeting, as cue patterns.

Same spaCy Matcher syntax as the signal cues (:mod:`.cues`), matched over
lemmas by :class:`~infocoach.signals.patterns.PatternSet`. Each cue is a verb
with what it acts on ("give ... resume", "ask ... names") rather than a bare
keyword, because a practice turn mentions a resume or names for many reasons;
:mod:`.steps` then checks who did it and whether it is negated.
"""

from __future__ import annotations

from dataclasses import dataclass

from infocoach.signals.cues import Pattern, lem, low

ANY = {"IS_PUNCT": False, "OP": "{0,4}"}
FEW = {"IS_PUNCT": False, "OP": "{0,2}"}
WIDE = {"IS_PUNCT": False, "OP": "{0,6}"}
# The kinds of thing a user detects: the eight steps, and the big mistake.
JOB_ASK = "job_ask"


@dataclass(frozen=True)
class StepCue:
    """Patterns for one step. ``subject_first`` patterns start with their own
    subject ("I'm a student"), so the actor is already known to be the user."""

    step: str
    patterns: tuple[Pattern, ...]
    subject_first: bool = False


RESUME = StepCue("resume", (
    [lem("give", "hand", "bring", "pass", "share", "leave", "attach", "send", "show", "print",
         "offer", "have"), ANY, lem("resume", "cv", "résumé")],
    # "Here is a copy of my resume" puts five words between the two.
    [low("here"), WIDE, lem("resume", "cv", "résumé")],
))

SITUATION = StepCue("situation", (
    [low("i"), low("'m", "am", "was", "have", "'ve", "just", "recently", "currently"), FEW,
     lem("student", "study", "studying", "graduate", "graduating", "change", "changing",
         "switch", "switching", "work", "working", "move", "moving", "relocate", "relocating",
         "retrain", "retraining", "unemployed", "employed", "finish", "finishing", "train",
         "training", "nurse", "teacher", "engineer", "analyst", "assistant", "year", "leave",
         "leaving", "consider", "considering", "explore", "exploring", "new")],
    [low("my"), lem("background", "situation", "experience", "degree", "career"), FEW,
     lem("be", "is", "was", "in")],
), subject_first=True)

LEARNING_GOAL = StepCue("learning_goal", (
    [lem("want", "like", "hope", "hoping", "try", "here", "aim", "curious", "interested"), FEW,
     lem("learn", "know", "understand", "find", "hear", "explore", "discover", "sense",
         "figure", "see")],
    [low("what"), low("i"), lem("want", "need", "hope", "like"), FEW,
     lem("learn", "know", "understand", "find")],
))

QUESTIONS = StepCue("questions", (
    [lem("ask"), FEW, lem("question", "about")],
))

THANKS = StepCue("thanks", (
    [lem("thank")],
    [low("thanks", "thx", "ty")],
    [lem("appreciate")],
    [low("grateful")],
))

REFERRALS = StepCue("referrals", (
    [lem("refer")],
    [low("referral", "referrals")],
    [lem("ask"), FEW, lem("name", "contact", "referral")],
    [lem("recommend", "suggest", "know", "introduce", "give", "point", "put", "think"), WIDE,
     lem("name", "contact", "manager", "someone", "anyone", "anybody", "people", "person",
         "colleague", "peer")],
))

WHY_REFERRALS = StepCue("why_referrals", (
    # Lower-case forms: the lemma of "more" is "much".
    [low("other", "different", "more", "additional", "broad", "broader", "wide", "wider",
         "another", "several", "new", "fresh", "various", "many", "outside"), FEW,
     lem("perspective", "viewpoint", "exposure", "view", "opinion", "angle", "insight",
         "side", "take", "point")],
    [lem("broaden", "widen", "compare")],
))

USE_NAME = StepCue("use_name", (
    [lem("use", "mention", "say", "drop", "give", "cite", "quote"), FEW,
     low("your", "her", "his", "their"), lem("name")],
    [lem("say", "tell", "mention"), ANY, low("you"), lem("send", "refer", "suggest",
                                                          "recommend", "point")],
))

JOB = StepCue(JOB_ASK, (
    [lem("be", "are"), low("you"), low("hiring")],
    [lem("hire"), low("me")],
    [low("any"), FEW, lem("opening", "vacancy", "position", "job", "role", "opportunity")],
    [lem("give", "offer"), low("me"), FEW, lem("job", "position", "role", "chance")],
    [lem("apply"), ANY, lem("job", "position", "role", "here", "company", "team")],
    [lem("look", "hunt", "search", "searching"), low("for"), FEW,
     lem("job", "position", "work", "role", "employment")],
    [lem("work"), low("for", "with"), low("you", "your")],
    [lem("job", "position", "role", "opening"), low("for", "at", "with", "here"),
     low("me", "you", "your", "here")],
    [lem("join"), low("your")],
))

ALL_STEP_CUES: tuple[StepCue, ...] = (
    RESUME, SITUATION, LEARNING_GOAL, QUESTIONS, THANKS, REFERRALS, WHY_REFERRALS, USE_NAME, JOB,
)
