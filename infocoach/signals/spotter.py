"""``spot(text)``: which interest signals a debrief report shows, and where.

A cue (see :mod:`.cues`) only counts when the manager did it, in a statement
about the meeting: not negated ("he didn't take notes"), not a hope or a
question ("I was hoping he'd take notes", "is it good if he takes notes?"),
and not the user's own doing ("I took notes"). When a cue could be a signal but
the report does not say who did it ("we talked about my background", "notes
were taken") or only names a topic ("they talked about the team"), the
reading is *ambiguous* and carries a question, because a coach who guesses
would give the wrong next steps.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span

from infocoach.ids import Signal
from infocoach.signals import cues
from infocoach.signals.actors import Actor, ActorFinder, Attribution
from infocoach.signals.models import Finding, Reading
from infocoach.signals.next_steps import clarifying_question
from infocoach.signals.pipeline import HYPOTHETICAL, NEGATED, SPAN_KEY, pipeline

# spaCy refuses texts over a million characters; reports are far shorter, and
# the first part of a pasted wall of text is plenty to read.
MAX_CHARS = 100_000
EVIDENCE_LOOKBACK = 8
# The quote starts at the actor only when actor and cue are one clause.
EVIDENCE_BREAK = {",", ";", "and", "then", "but", "though", "although", "while", "when"}
HTML_TAG = re.compile(r"<[^<>]{0,300}>|&[a-z]{2,6};")
QUESTION_START = {
    "is", "are", "was", "were", "do", "does", "should", "could", "would", "can", "will", "what",
    "how", "why", "when", "shall", "must", "might", "am", "any",
}
IRREGULAR_PAST = {
    "took", "wrote", "made", "kept", "got", "went", "spoke", "told", "said", "drew", "brought",
    "did", "was", "were", "had", "sold", "thought", "began", "lit", "grew", "gave",
}
ELLIPSIS_DO = {"did", "does", "do"}
ELLIPSIS_END = {"too", "also", "as", ".", ",", "!", ";", "and", "but", "though", "-", "—"}
NEGATIONS = {"n't", "not", "nt", "never"}
SIGNAL_ORDER = {signal: i for i, signal in enumerate(Signal)}
CUES_BY_NAME = {cue.name: cue for cue in cues.ALL_CUES}
# Signals that need someone to have done them; a need or a sales pitch can be
# reported without naming who ("there's an opening on the team").
NEEDS_ACTOR = {Signal.NOTES}
TYPO_PENALTY = 0.9
INHERITED_PENALTY = 0.9
NO_ACTOR_PENALTY = 0.85


@dataclass(frozen=True)
class _Verdict:
    signal: Signal
    span: Span
    start: int
    end: int
    confidence: float


def normalize(text: str) -> str:
    """Lower-case text of the same length, so token offsets are offsets into ``text``.

    HTML tags and entities become spaces; curly apostrophes become straight
    ones so "didn’t" negates like "didn't".
    """
    lowered = text.lower()
    if len(lowered) != len(text):  # e.g. "İ" lower-cases to two characters
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    lowered = lowered.replace("\u2019", "'").replace("\u2018", "'")
    return HTML_TAG.sub(lambda m: " " * len(m.group()), lowered)


@lru_cache(maxsize=1)
def _actor_finder() -> ActorFinder:
    fixer = pipeline().get_pipe("infocoach_typos").fixer
    return ActorFinder(fixer.is_word)


def spot(text: str) -> Reading:
    """Read one report; never raises on any string."""
    original = text[:MAX_CHARS]
    doc = pipeline()(normalize(original))
    finder = _actor_finder()
    found: dict[Signal, _Verdict] = {}
    unclear: list[Signal] = []
    vague = False
    for span in doc.spans[SPAN_KEY]:
        cue = CUES_BY_NAME[span.label_]
        if getattr(span._, HYPOTHETICAL) or _is_question(span):
            continue
        if cue is cues.VAGUE:
            vague = vague or not getattr(span._, NEGATED)
            continue
        if getattr(span._, NEGATED):
            _keep(found, _ellipsis(doc, original, span, cue, finder))
            continue
        who = Attribution(Actor.UNCLEAR) if cue is cues.PASSIVE_NOTES \
            else finder.find(doc, original, span.start)
        if who.actor in (Actor.USER, Actor.OTHER):
            _keep(found, _ellipsis(doc, original, span, cue, finder))
        elif who.actor is Actor.UNCLEAR or (who.actor is Actor.NONE and _needs_actor(cue)):
            unclear.append(cue.signal)
        else:
            _keep(found, _verdict(doc, span, cue, who))
    return _reading(doc, original, found, unclear, vague)


def _needs_actor(cue: cues.Cue) -> bool:
    return cue.signal in NEEDS_ACTOR or cue is cues.TALK_HEAD


def _verdict(doc: Doc, span: Span, cue: cues.Cue, who: Attribution, end: int | None = None
             ) -> _Verdict:
    confidence = cue.strength
    if who.inherited:
        confidence *= INHERITED_PENALTY
    if who.actor is Actor.NONE:
        confidence *= NO_ACTOR_PENALTY
    if any(span.start <= i < span.end for i in doc.user_data.get("typos", ())):
        confidence *= TYPO_PENALTY
    start = span.start
    if who.token is not None and span.start - EVIDENCE_LOOKBACK <= who.token < span.start:
        between = doc[who.token + 1 : span.start]
        if not any(t.lower_ in EVIDENCE_BREAK or t.is_sent_start for t in between):
            start = who.token
    return _Verdict(cue.signal, span, start, end or span.end, round(confidence, 2))


def _keep(found: dict[Signal, _Verdict], verdict: _Verdict | None) -> None:
    """One finding per signal: the most confident, the earliest on a tie."""
    if verdict is None:
        return
    best = found.get(verdict.signal)
    if best is None or verdict.confidence > best.confidence:
        found[verdict.signal] = verdict


def _ellipsis(doc: Doc, original: str, span: Span, cue: cues.Cue, finder: ActorFinder
              ) -> _Verdict | None:
    """'I didn't take notes, *he did*': the manager did what the clause before says."""
    sent_end = span.sent.end
    for i in range(span.end, sent_end - 1):
        if doc[i + 1].lower_ not in ELLIPSIS_DO:
            continue
        after = doc[i + 2].lower_ if i + 2 < len(doc) else "."
        if after in NEGATIONS or (after not in ELLIPSIS_END and i + 2 < sent_end):
            continue
        who = finder.find(doc, original, i + 1)
        if who.actor is Actor.MANAGER and who.token == i:
            return _verdict(doc, span, cue, Attribution(Actor.MANAGER), end=i + 2)
    return None


def _is_question(span: Span) -> bool:
    """A direct question to the coach about what might happen, not a report of it."""
    sent = span.sent
    words = [t for t in sent if not t.is_space]
    if not words or words[-1].text != "?" or words[0].lower_ not in QUESTION_START:
        return False
    return not any(_is_past(t) for t in span)


def _is_past(token: object) -> bool:
    lower = token.lower_
    return lower in IRREGULAR_PAST or (lower.endswith("ed") and token.lemma_ != lower)


def _reading(doc: Doc, original: str, found: dict[Signal, _Verdict], unclear: list[Signal],
             vague: bool) -> Reading:
    # ``construct`` skips re-validating values this module just built: validation
    # would cost a third of the time of a whole ``spot`` call.
    findings = tuple(
        Finding.construct(
            id=v.signal,
            evidence=original[doc[v.start].idx : doc[v.end - 1].idx + len(doc[v.end - 1])],
            start=doc[v.start].idx,
            end=doc[v.end - 1].idx + len(doc[v.end - 1]),
            confidence=v.confidence,
        )
        for v in sorted(found.values(), key=lambda v: SIGNAL_ORDER[v.signal])
    )
    still_unclear = tuple(s for s in Signal if s in unclear and s not in found)
    if still_unclear:
        return Reading.construct(signals=findings, ambiguous=True, unclear=still_unclear,
                                 question=clarifying_question(still_unclear[0]))
    if vague and not findings:
        return Reading.construct(ambiguous=True, question=clarifying_question(None))
    return Reading.construct(signals=findings)
