"""``find_steps(text)``: which steps of the method a user's turn does, quoting them.

The practice scorecard (:mod:`infocoach.coaching.practice`) needs to know
whether the user handed over a resume, asked for referrals and so on, and
whether they made the big mistake of asking for a job. Like the signal
spotter, a cue (:mod:`.step_cues`) only counts when it is the user's own
doing and not negated: "I forgot to ask for names" is a miss, "she asked me
for my resume" is the manager's doing. It reuses the spotter's parts: the
lower-casing that keeps offsets, the lemmatizer, the pattern matcher, NegEx
for scope and the actor finder.
"""

# No `from __future__ import annotations` here: spaCy reads the factories' type
# hints at run time to validate their config.
from functools import lru_cache

from negspacy.negation import Negex
from spacy.attrs import IS_PUNCT, LEMMA, LOWER
from spacy.language import Language
from spacy.tokens import Doc, Span

from infocoach.signals import pipeline as signal_pipeline  # base_pipeline, infocoach_lemmas
from infocoach.signals.actors import Actor, ActorFinder
from infocoach.signals.patterns import PatternSet
from infocoach.signals.sentences import sentence_of
from infocoach.signals.spotter import QUESTION_START, normalize
from infocoach.signals.step_cues import ALL_STEP_CUES, JOB_ASK, QUESTIONS, StepCue

SPAN_KEY = "step_cues"
NEGATED = "step_negated"
# A practice turn is a few sentences; a pasted essay is read only this far.
MAX_CHARS = 2_000
# Quotes longer than this are cut around the cue.
MAX_QUOTE = 160
# A step the user only regrets or plans ("I forgot to ask", "next time I'll
# ask") was not done, so these negate like "not" does.
MISSED_TERMS = [
    "forgot", "forget", "forgetting", "failed to", "neglected to", "should have",
    "could have", "would have", "meant to", "next time", "wish i had", "wish i'd",
]
STEP_NEGATION_TERMS = {
    "pseudo_negations": signal_pipeline.NEGATION_TERMS["pseudo_negations"],
    "preceding_negations": signal_pipeline.NEGATION_TERMS["preceding_negations"] + MISSED_TERMS,
    "following_negations": signal_pipeline.NEGATION_TERMS["following_negations"],
    "termination": signal_pipeline.TERMINATION,
}
CUES_BY_STEP = {cue.step: cue for cue in ALL_STEP_CUES}
COUNTS_AS_USER = {Actor.USER, Actor.NONE}
# Words that open a direct question even without a question mark: "tell me about pay".
ASKING_START = QUESTION_START | {"tell", "may", "who", "which", "where"}


class StepMatcher:
    """Puts each step cue match in ``doc.spans["step_cues"]``, labelled by step."""

    def __init__(self, nlp: Language) -> None:
        self.patterns = PatternSet(
            nlp.vocab.strings,
            ((cue.step, pattern) for cue in ALL_STEP_CUES for pattern in cue.patterns),
        )

    def __call__(self, doc: Doc) -> Doc:
        lowers, lemmas, puncts = doc.to_array([LOWER, LEMMA, IS_PUNCT]).T.tolist() \
            if len(doc) else ([], [], [])
        found = sorted(self.patterns(lowers, lemmas, puncts), key=lambda m: (m[1], -m[2]))
        doc.spans[SPAN_KEY] = [Span(doc, start, end, label=step) for step, start, end in found]
        return doc


@Language.factory("infocoach_step_cues")
def make_step_matcher(nlp: Language, name: str) -> StepMatcher:
    return StepMatcher(nlp)


@Language.factory("infocoach_step_scope")
def make_step_scope(nlp: Language, name: str) -> Negex:
    return Negex(nlp, name, STEP_NEGATION_TERMS, extension_name=NEGATED, span_keys=[SPAN_KEY])


@lru_cache(maxsize=1)
def step_pipeline() -> Language:
    """Built on first use (about a second), then shared."""
    nlp = signal_pipeline.base_pipeline()
    nlp.add_pipe("infocoach_step_cues")
    nlp.add_pipe("infocoach_step_scope")
    nlp.initialize()
    return nlp


@lru_cache(maxsize=1)
def _actor_finder() -> ActorFinder:
    return ActorFinder(step_pipeline().get_pipe("infocoach_lemmas").fixer.is_word)


def find_steps(text: str) -> dict[str, str]:
    """Step id (a :class:`~infocoach.ids.PracticeStep` value, or ``"job_ask"``) to the
    user's words that show it, for each step this turn does; never raises."""
    original = text[:MAX_CHARS]
    doc = step_pipeline()(normalize(original))
    finder = _actor_finder()
    found: dict[str, str] = {}
    for span in doc.spans[SPAN_KEY]:
        if span.label_ in found or getattr(span._, NEGATED):
            continue
        if not _users_doing(doc, original, span, CUES_BY_STEP[span.label_], finder):
            continue
        found[span.label_] = _quote(doc, original, span)
    if QUESTIONS.step not in found:
        question = _direct_question(doc, original)
        if question:
            found[QUESTIONS.step] = question
    return found


def _direct_question(doc: Doc, original: str) -> str | None:
    """The first sentence that asks the manager something: ends in "?" or opens like a question."""
    for sent in doc.sents:
        words = [t for t in sent if not t.is_space]
        if words and (words[-1].text == "?" or words[0].lower_ in ASKING_START):
            return _quote(doc, original, sent)
    return None


def is_job_ask(found: dict[str, str]) -> bool:
    return JOB_ASK in found


def _users_doing(doc: Doc, original: str, span: Span, cue: StepCue, finder: ActorFinder) -> bool:
    if cue.subject_first:
        return True
    return finder.find(doc, original, span.start).actor in COUNTS_AS_USER


def _quote(doc: Doc, original: str, span: Span) -> str:
    """The sentence holding the cue, in the user's own spelling, cut if very long."""
    start, end = sentence_of(doc, span.start)
    first, last = doc[start], doc[end - 1]
    begin, finish = first.idx, last.idx + len(last)
    if finish - begin > MAX_QUOTE:
        cue_start = doc[span.start].idx
        begin = max(begin, cue_start - MAX_QUOTE // 2)
        finish = min(finish, begin + MAX_QUOTE)
    return original[begin:finish].strip()
