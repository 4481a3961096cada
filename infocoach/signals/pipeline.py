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

import negspacy.negation  # noqa: F401  (registers the "negex" factory)
import spacy
from spacy.attrs import LEMMA, LOWER
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from infocoach.signals import cues
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
        # One-word patterns are a dict lookup per token; the rest run in their
        # own Matcher, gated on their rarest word.
        self.one_word: dict[tuple[str, int], list[str]] = {}
        self.gated: list[tuple[frozenset[int], str, Matcher]] = []
        for cue in cues.ALL_CUES:
            for pattern in cue.patterns:
                if _is_one_word(pattern):
                    ((attr, value),) = pattern[0].items()
                    for word in value["IN"]:
                        self.one_word.setdefault((attr, strings.add(word)), []).append(cue.name)
                    continue
                matcher = Matcher(nlp.vocab)
                matcher.add(cue.name, [pattern])
                anchor = frozenset(strings.add(w) for w in _anchor(pattern, stop_words))
                self.gated.append((anchor, cue.name, matcher))
        self.tails = {pair.tail.name for pair in cues.PAIRS}

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
        rows = doc.to_array([LOWER, LEMMA]).tolist()
        found: dict[str, list[Span]] = {}
        for i, (lower, lemma) in enumerate(rows):
            names = self.one_word.get(("LOWER", lower), []) + self.one_word.get(("LEMMA", lemma), [])
            for name in dict.fromkeys(names):
                found.setdefault(name, []).append(Span(doc, i, i + 1, label=name))
        words = {key for row in rows for key in row}
        for anchor, name, matcher in self.gated:
            if name in self.tails or anchor.isdisjoint(words):
                continue
            for _, start, end in matcher(doc):
                found.setdefault(name, []).append(Span(doc, start, end, label=name))
        heads = {pair.tail.name for pair in cues.PAIRS if pair.head.name in found}
        for anchor, name, matcher in self.gated:
            if name in heads and not anchor.isdisjoint(words):
                for _, start, end in matcher(doc):
                    found.setdefault(name, []).append(Span(doc, start, end, label=name))
        return found

    @staticmethod
    def _same_clause(doc: Doc, head: Span, tail: Span, max_gap: int) -> bool:
        """The tail follows closely, with no clause break or negation in between."""
        gap = doc[head.end : tail.start]
        if len(gap) > max_gap or head.sent.start != tail.sent.start:
            return False
        return not any(t.lower_ in CLAUSE_BREAK or t.lower_ in NEGATION_WORDS for t in gap)


def _is_one_word(pattern: cues.Pattern) -> bool:
    if len(pattern) != 1 or len(pattern[0]) != 1:
        return False
    ((attr, value),) = pattern[0].items()
    return attr in ("LOWER", "LEMMA") and isinstance(value, dict) and list(value) == ["IN"]


def _anchor(pattern: cues.Pattern, stop_words: set[str]) -> frozenset[str]:
    """The words of the pattern's least common required token: it must occur for a match."""
    required = [
        set(value["IN"])
        for token in pattern
        if token.get("OP") in (None, "+")
        for value in (token.get("LEMMA") or token.get("LOWER"),)
        if isinstance(value, dict)
    ]
    if not required:
        raise ValueError(f"pattern has no required word to gate on: {pattern}")
    return frozenset(min(required, key=lambda values: (len(values & stop_words), len(values))))


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


@lru_cache(maxsize=1)
def pipeline() -> Language:
    """The shared pipeline; built on first use (about a second), then reused."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.add_pipe("infocoach_typos")
    nlp.add_pipe("infocoach_signal_cues")
    for name, terms in ((NEGATED, NEGATION_TERMS), (HYPOTHETICAL, HYPOTHETICAL_TERMS)):
        nlp.add_pipe("negex", name=name, config={
            "neg_termset": terms, "extension_name": name, "span_keys": [SPAN_KEY],
        })
    nlp.initialize()
    return nlp
