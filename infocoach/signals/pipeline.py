"""The spaCy pipeline behind the spotter, built once per process.

``spacy.blank("en")`` plus the lookup lemmatizer (no trained model may be
downloaded), then our own steps:

1. ``infocoach_typos`` repairs one-letter typos in cue words (:mod:`.typos`);
2. ``infocoach_signal_cues`` matches the cue patterns (:mod:`.cues`) and puts
   each candidate in ``doc.spans["signal_cues"]``;
3. two NegEx components from ``negspacy`` mark the candidates that are
   *negated* ("he didn't take notes") or only *hypothetical* ("I was hoping
   he'd take notes"). NegEx is exactly the scope rule we need (a cue before
   the phrase, up to the end of the sentence or a terminating word such as
   "but"), so we reuse it twice with conversational term lists instead of
   writing a second scope algorithm.
"""

# No `from __future__ import annotations` here: spaCy reads the factories' type
# hints at run time to validate their config.
from functools import lru_cache

import spacy
from negspacy.negation import Negex
from spacy.attrs import LEMMA, LOWER
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from infocoach.signals import cues
from infocoach.signals.sentences import sentence_of
from infocoach.signals.typos import TypoFixer

SPAN_KEY = "signal_cues"
NEGATED = "negated"
HYPOTHETICAL = "hypothetical"

# Words that end a cue's scope: "she didn't take notes, but asked about my background".
TERMINATION = [
    "but", "though", "although", "however", "yet", "whereas", "while", "when", "then",
    "and then", "after", "because", "so", "still", "except", "apart from", "aside from",
    ",", ";", ":", "-", "—", "–",
]
# Breaks between a pair's head and tail: the tail must belong to the head's clause.
CLAUSE_BREAK = {"but", "though", "although", "however", "whereas", "while", "because", ";", "."}
NEGATION_WORDS = {"no", "not", "n't", "nt", "never", "nothing", "none", "nobody", "neither"}

NEGATION_TERMS = {
    "pseudo_negations": [
        "not only", "not just", "no doubt", "no wonder", "not sure", "no idea",
        "can't believe", "couldn't believe", "can't stop", "couldn't stop",
        "can't say enough", "couldn't say enough", "can't imagine", "couldn't imagine",
        "can't find", "couldn't find", "cannot find", "can't keep up", "couldn't keep up",
        "don't have anyone", "doesn't have anyone", "didn't have anyone",
        "don't have enough", "doesn't have enough",
        "nobody on", "nobody in", "nobody there", "nobody who", "nobody to",
        "no one on", "no one in", "no one there", "no one who", "no one to",
        "not enough", "haven't been able", "hasn't been able", "never been busier",
    ],
    "preceding_negations": [
        "no", "not", "n't", "nt", "never", "nobody", "no one", "nothing", "none", "neither",
        "nor", "without", "hardly", "barely", "zero", "cannot", "didnt", "doesnt", "dont",
        "wasnt", "isnt", "werent", "cant", "couldnt", "wouldnt", "havent", "hasnt", "hadnt",
        "not once", "lack of", "instead of",
    ],
    "following_negations": ["not at all", "at all"],
    "termination": TERMINATION,
}
HYPOTHETICAL_TERMS = {
    "pseudo_negations": [
        "even if", "as if", "wonder if", "wondering if", "not sure if", "see if",
    ],
    "preceding_negations": [
        "if", "whether", "hope", "hoping", "hoped", "wish", "wished", "would have",
        "should have", "could have", "might have", "expect", "expected", "expecting",
        "in case", "unless", "supposed to", "used to", "wanted him to", "wanted her to",
        "wanted them to", "want him to", "want her to", "want them to", "what if",
        "should i", "i'm meeting", "i am meeting", "next time", "tomorrow",
    ],
    "following_negations": [],
    "termination": TERMINATION,
}


class TypoRepair:
    """Sets the lemma of a misspelt cue word; records which tokens it repaired."""

    def __init__(self, nlp: Language) -> None:
        self.fixer: TypoFixer | None = None
        self.nlp = nlp

    def initialize(self, get_examples: object = None, *, nlp: Language | None = None) -> None:
        """Called by ``nlp.initialize()`` after the lemmatizer has loaded its table."""
        table = self.nlp.get_pipe("lemmatizer").lookups.get_table("lemma_lookup")
        self.fixer = TypoFixer(cues.TYPO_TARGETS, table, set(table.values()))

    def __call__(self, doc: Doc) -> Doc:
        repaired = []
        if self.fixer is not None:
            strings = doc.vocab.strings
            # Hashes, not Token objects: most words are seen before and cached.
            for i, key in enumerate(doc.to_array(LOWER).tolist()):
                lemma = self.fixer.repair(strings[key])
                if lemma:
                    doc[i].lemma_ = lemma
                    repaired.append(i)
        doc.user_data["typos"] = repaired
        return doc


class CueMatcher:
    """Finds phrase cues and head+tail pairs; each becomes a span labelled by cue name."""

    def __init__(self, nlp: Language) -> None:
        stop_words = nlp.Defaults.stop_words
        strings = nlp.vocab.strings
        # One-word patterns are a dict lookup per token. The others are grouped
        # by their rarest word, one Matcher per word, run only when that word
        # occurs (one Matcher for all patterns is five times slower).
        self.tails = {pair.tail.name for pair in cues.PAIRS}
        self.one_word: dict[tuple[str, int], list[str]] = {}
        groups: dict[tuple[frozenset[int], bool], Matcher] = {}
        for cue in cues.ALL_CUES:
            for pattern in cue.patterns:
                if _is_one_word(pattern):
                    (attr,) = pattern[0]
                    for word in _words(pattern[0]):
                        self.one_word.setdefault((attr, strings.add(word)), []).append(cue.name)
                    continue
                anchor = frozenset(strings.add(w) for w in _anchor(pattern, stop_words))
                key = (anchor, cue.name in self.tails)
                groups.setdefault(key, Matcher(nlp.vocab)).add(cue.name, [pattern])
        self.gated = [(anchor, is_tail, matcher) for (anchor, is_tail), matcher in groups.items()]

    def __call__(self, doc: Doc) -> Doc:
        found = self._match(doc)
        spans = []
        for cue in (*cues.PHRASES, cues.VAGUE):
            spans += filter_spans(found.get(cue.name, []))
        for pair in cues.PAIRS:
            tails = sorted(found.get(pair.tail.name, []), key=lambda s: (s.start, -s.end))
            for head in filter_spans(found.get(pair.head.name, [])):
                tail = next((t for t in tails if t.start >= head.end), None)
                if tail is not None and self._same_clause(doc, head, tail, pair.max_gap) \
                        and not _owned_by_user(doc, pair, tail):
                    spans.append(Span(doc, head.start, tail.end, label=pair.head.name))
        doc.spans[SPAN_KEY] = spans
        return doc

    def _match(self, doc: Doc) -> dict[str, list[Span]]:
        """Run only the patterns whose rarest word occurs, and tails only after a head.

        One Matcher over every pattern costs ~0.4 ms a report and a Matcher
        call has a cost per token even for one word, so one-word patterns are
        looked up directly and the others run only when they can match.
        """
        # Two flat lists: ``tolist`` on the 2-D array is many times slower.
        lowers, lemmas = doc.to_array(LOWER).tolist(), doc.to_array(LEMMA).tolist()
        found: dict[str, list[Span]] = {}
        for i, (lower, lemma) in enumerate(zip(lowers, lemmas, strict=True)):
            names = self.one_word.get(("LOWER", lower), [])
            names = names + self.one_word.get(("LEMMA", lemma), [])
            for name in dict.fromkeys(names):
                found.setdefault(name, []).append(Span(doc, i, i + 1, label=name))
        words = {*lowers, *lemmas}
        strings = doc.vocab.strings
        for tails in (False, True):
            wanted = {p.tail.name for p in cues.PAIRS if p.head.name in found} if tails else None
            for anchor, is_tail, matcher in self.gated:
                if is_tail != tails or (tails and not wanted) or anchor.isdisjoint(words):
                    continue
                for match_id, start, end in matcher(doc):
                    name = strings[match_id]
                    if not tails or name in wanted:
                        found.setdefault(name, []).append(Span(doc, start, end, label=name))
        return found

    @staticmethod
    def _same_clause(doc: Doc, head: Span, tail: Span, max_gap: int) -> bool:
        """The tail follows closely, with no clause break or negation in between."""
        gap = doc[head.end : tail.start]
        if len(gap) > max_gap or sentence_of(doc, head.start) != sentence_of(doc, tail.start):
            return False
        return not any(t.lower_ in CLAUSE_BREAK or t.lower_ in NEGATION_WORDS for t in gap)


def _words(token: cues.Token) -> set[str] | None:
    """The words a LEMMA or LOWER token accepts; None for any other kind of token."""
    value = token.get("LEMMA", token.get("LOWER"))
    if isinstance(value, str):
        return {value}
    return set(value["IN"]) if isinstance(value, dict) else None


def _is_one_word(pattern: cues.Pattern) -> bool:
    return len(pattern) == 1 and len(pattern[0]) == 1 and _words(pattern[0]) is not None


def _anchor(pattern: cues.Pattern, stop_words: set[str]) -> set[str]:
    """The words of the pattern's least common required token: it must occur for a match."""
    required = [
        words for token in pattern
        if token.get("OP") in (None, "+") and (words := _words(token)) is not None
    ]
    if not required:
        raise ValueError(f"pattern has no required word to gate on: {pattern}")
    return min(required, key=lambda words: (len(words & stop_words), len(words)))


def _owned_by_user(doc: Doc, pair: cues.Pair, tail: Span) -> bool:
    """"Excited about *my* work" is about the user, not the company."""
    company_tail = pair.tail is cues.ENTHUSIASM_TAIL
    return company_tail and tail.start > 0 and doc[tail.start - 1].lower_ in {"my", "your"}


@Language.factory("infocoach_typos")
def make_typo_repair(nlp: Language, name: str) -> TypoRepair:
    return TypoRepair(nlp)

@Language.factory("infocoach_signal_cues")
def make_cue_matcher(nlp: Language, name: str) -> CueMatcher:
    return CueMatcher(nlp)


class Scope:
    """NegEx over the cue candidates, skipped when a report has none (most of them)."""

    def __init__(self, nlp: Language, name: str) -> None:
        terms = NEGATION_TERMS if name == NEGATED else HYPOTHETICAL_TERMS
        self.negex = Negex(nlp, name, terms, extension_name=name, span_keys=[SPAN_KEY])

    def __call__(self, doc: Doc) -> Doc:
        return self.negex(doc) if doc.spans.get(SPAN_KEY) else doc


@Language.factory("infocoach_scope")
def make_scope(nlp: Language, name: str) -> Scope:
    return Scope(nlp, name)


@lru_cache(maxsize=1)
def pipeline() -> Language:
    """The shared pipeline; built on first use (about a second), then reused."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.add_pipe("infocoach_typos")
    nlp.add_pipe("infocoach_signal_cues")
    nlp.add_pipe("infocoach_scope", name=NEGATED)
    nlp.add_pipe("infocoach_scope", name=HYPOTHETICAL)
    nlp.initialize()
    return nlp
