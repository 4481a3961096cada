"""The spaCy pipeline behind the spotter, built once per process.

``spacy.blank("en")`` (no trained model may be downloaded) with spaCy's sentencizer,
then our own steps:

0. ``infocoach_sentence_starts`` makes each line of a bulleted list a sentence and
   keeps a quoted question inside its sentence (:func:`.sentences.mend_sentence_starts`);
1. ``infocoach_lemmas``: spaCy's lookup lemmatizer (tables from
   spacy-lookups-data), cached by word, which also repairs one-letter typos
   in cue words (:mod:`.typos`);
2. ``infocoach_signal_cues`` matches the cue patterns (:mod:`.cues`, matched
   by :mod:`.patterns`) and puts each candidate in ``doc.spans["signal_cues"]``;
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

import numpy
import spacy
from negspacy.negation import Negex
from spacy.attrs import IS_PUNCT, LEMMA, LOWER, ORTH
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.lookups import Lookups
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc, Span

from infocoach.signals import cues
from infocoach.signals.actors import TITLES
from infocoach.signals.patterns import PatternSet
from infocoach.signals.sentences import mend_sentence_starts, sentence_of
from infocoach.signals.typos import TypoFixer

SPAN_KEY = "signal_cues"
NEGATED = "negated"
HYPOTHETICAL = "hypothetical"

# Distinct words whose lemma is remembered; the same words recur in every report.
WORD_CACHE_SIZE = 100_000
# The dashes among the terminations, which end a scope only when spaced: "well - no"
# (WordJoiningNegex).
DASHES = ("-", "—", "–")
# Words that end a cue's scope: "she didn't take notes, but asked about my background".
TERMINATION = [
    "but", "though", "although", "however", "yet", "whereas", "while", "when", "then",
    "and then", "after", "because", "so", "still", "except", "apart from", "aside from",
    "other than",
    ",", ";", ":", *DASHES,
    # "nobody running events since the last person left", "I'd barely sat down before she
    # asked": what came before is over.
    "since", "before",
    # A clause with a subject of its own: "a mess nobody owns and they could use someone".
    "and he", "and she", "and they", "and we",
    # A new report: "wanted to know if I'd done month-end work and said they're short of ..."
    "and said", "and told", "and mentioned", "and admitted",
]
# Breaks between a pair's head and tail: the tail must belong to the head's clause.
CLAUSE_BREAK = {"but", "though", "although", "however", "whereas", "while", "because", ";", "."}
NEGATION_WORDS = {"no", "not", "n't", "nt", "never", "nothing", "none", "nobody", "neither"}
# Words that make a company tail the user's own: "excited about my work".
OWN_WORDS = {"my", "your"}
# Words that make a company tail something else: "raved about the industry, said it ...".
NOT_THE_COMPANY = {"industry", "sector", "field", "profession", "trade", "city", "country"}
# "About (the whole) ...": what praise is about, after these words.
ABOUT = {"about", "on"}
ABOUT_SKIPPED = {"the", "this", "that", "whole"}

NEGATION_TERMS = {
    "pseudo_negations": [
        "not only", "not just", "no doubt", "no wonder", "not sure", "no idea",
        "can't believe", "couldn't believe", "can't stop", "couldn't stop",
        "can't say enough", "couldn't say enough", "wouldn't stop", "would not stop",
        "won't stop", "will not stop", "didn't stop", "did not stop", "never stopped",
        "never stops", "doesn't stop", "could not stop", "cannot stop",
        "can't imagine", "couldn't imagine",
        # "wouldn't shut up about how good the council is to work for": went on and on
        "wouldn't shut up", "would not shut up", "couldn't shut up", "won't shut up",
        "didn't shut up", "never shut up", "never shuts up", "doesn't shut up",
        # "she couldn't hide how proud she is of her team"
        "can't hide", "couldn't hide", "could not hide", "cannot hide",
        "can't find", "couldn't find", "cannot find", "can't keep up", "couldn't keep up",
        "don't have anyone", "doesn't have anyone", "didn't have anyone",
        "don't have enough", "doesn't have enough",
        "nobody on", "nobody in", "nobody there", "nobody who", "nobody to",
        "no one on", "no one in", "no one there", "no one who", "no one to",
        "not enough", "haven't been able", "hasn't been able", "never been busier",
        # "couldn't hide how proud she is of the firm", "can't help bragging about it"
        "couldn't hide", "can't hide", "could not hide", "couldn't help", "can't help",
        "could not help",
        # A gap told as an absence: "nobody since the last planner quit", "been without
        # a safety adviser since ...", "stalled for lack of someone with my skills"; and
        # "without me even asking he said ...".
        "nobody since", "no one since", "been without", "lack of someone", "lack of anyone",
        "without me", "without my", "without being asked", "without prompting",
    ],
    "preceding_negations": [
        "no", "not", "n't", "nt", "never", "nobody", "no one", "nothing", "none", "neither",
        "nor", "without", "hardly", "barely", "zero", "cannot", "didnt", "doesnt", "dont",
        "wasnt", "isnt", "werent", "cant", "couldnt", "wouldnt", "havent", "hasnt", "hadnt",
        "not once", "lack of", "instead of",
    ],
    # Not a bare "at all": "typed notes and said they've got nobody doing research at
    # all" has its negation already, on the need.
    "following_negations": ["not at all"],
    "termination": TERMINATION,
}
# As typed on a phone, without the apostrophe: "she couldnt stop raving about it".
NEGATION_TERMS["pseudo_negations"] += [
    term.replace("n't", "nt") for term in NEGATION_TERMS["pseudo_negations"] if "n't" in term]
HYPOTHETICAL_TERMS = {
    "pseudo_negations": [
        "even if", "as if", "wonder if", "wondering if", "not sure if", "see if",
    ],
    "preceding_negations": [
        "if", "whether", "hope", "hoping", "hoped", "wish", "wished", "wishing", "would have",
        "should have", "could have", "might have", "expect", "expected", "expecting",
        "in case", "unless", "supposed to", "used to", "wanted him to", "wanted her to",
        "wanted them to", "want him to", "want her to", "want them to", "what if",
        "should i", "i'm meeting", "i am meeting", "next time", "tomorrow",
        # A meeting still to come, or one told as it might have gone.
        "hopefully", "fingers crossed", "next week", "had she", "had he", "had they",
        "would've", "could've", "should've", "might've",
        # "I really want that he asks why I change career": a wish, in a learner's words.
        "want that", "wanted that", "famous for", "known for", "notorious for",
        # The user's own guess or regret: "my gut says they're short of people",
        # "he'd prob have taken notes if I'd brought my portfolio".
        "my gut says", "gut says", "my gut tells me", "gut feeling", "'d probably have",
        "'d prob have", "'d probs have",
        # What was only meant or supposed: "maybe she was going to tell me about the
        # benefits, but we ran out of time", "had planned for him to grill me on my
        # portfolio", "ideally talk about how great it is", "I'm kind of assuming".
        "was going to", "were going to", "planned for", "ideally", "assuming",
        "i'm guessing", "im guessing", "my guess is",
    ],
    "following_negations": [],
    "termination": TERMINATION,
}


# The table has no entry for the tokenizer's halves of "we're", "I'm", "they've", so
# "we're short of" missed the cue "be short of"; "'s" and "'d" stay: each is two verbs.
CONTRACTIONS = {"'re": "be", "'m": "be", "'ve": "have"}


class RepairingLemmatizer(Lemmatizer):
    """spaCy's lookup lemmatizer, cached by word, that also repairs typos in cue words.

    spaCy's own ``Lemmatizer`` builds a ``Token`` and looks the table up for
    every token of every doc; the same few thousand words recur in every
    report, so each word's lemma is looked up (and typo-checked) once and a
    doc gets all its lemmas in one ``from_array`` call. The indices of
    repaired tokens go to ``doc.user_data["typos"]``.
    """

    def __init__(self, nlp: Language, name: str) -> None:
        super().__init__(nlp.vocab, None, name, mode="lookup")
        self.fixer: TypoFixer | None = None
        self._by_word: dict[int, tuple[int, bool]] = {}

    def initialize(self, get_examples: object = None, *, nlp: Language | None = None,
                   lookups: Lookups | None = None) -> None:
        """Load the lemma table from spacy-lookups-data, then index the typo targets."""
        super().initialize(get_examples, nlp=nlp, lookups=lookups)
        table = self.lookups.get_table("lemma_lookup")
        # The table lists inflected forms; words that are their own lemma ("the",
        # "my", "there") are only its values or, for function words, stop words.
        known = set(table.values()) | STOP_WORDS
        self.fixer = TypoFixer(cues.TYPO_TARGETS, table, known)
        self._by_word.clear()

    def __call__(self, doc: Doc) -> Doc:
        fixer = self.fixer
        if fixer is None:
            raise RuntimeError(f"{self.name}: call nlp.initialize() before use")
        entries = [self._by_word.get(word) or self._learn(word, fixer) for word in
                   doc.to_array(ORTH).tolist()]
        if entries:
            lemmas = numpy.array([lemma for lemma, _ in entries], dtype=numpy.uint64)
            doc.from_array([LEMMA], lemmas.reshape(-1, 1))
        doc.user_data["typos"] = [i for i, (_, repaired) in enumerate(entries) if repaired]
        return doc

    def _learn(self, word: int, fixer: TypoFixer) -> tuple[int, bool]:
        """The lemma of a word not seen before, and whether it was a repaired typo.

        The only place typos are checked: this cache is what keeps it rare.
        """
        strings = self.vocab.strings
        text = strings[word]
        repaired = fixer.repair(text.lower())
        lemma = repaired or CONTRACTIONS.get(text) or \
            self.lookups.get_table("lemma_lookup").get(text, text)
        entry = (strings.add(lemma), repaired is not None)
        if len(self._by_word) < WORD_CACHE_SIZE:
            self._by_word[word] = entry
        return entry


class CueMatcher:
    """Finds phrase cues and head+tail pairs; each becomes a span labelled by cue name."""

    def __init__(self, nlp: Language) -> None:
        strings = nlp.vocab.strings
        self.patterns = PatternSet(
            strings, ((cue.name, pattern) for cue in cues.ALL_CUES for pattern in cue.patterns)
        )
        self.breaks = {strings.add(word) for word in CLAUSE_BREAK | NEGATION_WORDS}
        self.own = {strings.add(word) for word in OWN_WORDS}
        self.elsewhere = {strings.add(word) for word in NOT_THE_COMPANY}
        self.out = strings.add("out")
        self.about = {strings.add(word) for word in ABOUT}
        self.articles = {strings.add(word) for word in ABOUT_SKIPPED}

    def __call__(self, doc: Doc) -> Doc:
        # One 2-D array, transposed: three ``to_array`` calls cost twice as much.
        lowers, lemmas, puncts = doc.to_array([LOWER, LEMMA, IS_PUNCT]).T.tolist()
        found: dict[str, list[tuple[int, int]]] = {}
        for name, start, end in self.patterns(lowers, lemmas, puncts):
            found.setdefault(name, []).append((start, end))
        spans = [
            Span(doc, start, end, label=cue.name)
            for cue in (*cues.PHRASES, cues.VAGUE) if cue.name in found
            for start, end in longest(found[cue.name])
        ]
        for pair in cues.PAIRS:
            if pair.head.name not in found or pair.tail.name not in found:
                continue
            tails = sorted(found[pair.tail.name], key=lambda s: (s[0], -s[1]))
            for head in longest(found[pair.head.name]):
                tail = next((t for t in tails if t[0] >= head[1]), None)
                if tail is not None and self._same_clause(doc, lowers, head, tail, pair.max_gap) \
                        and not self._owned_by_user(lowers, pair, head, tail):
                    spans.append(Span(doc, head[0], tail[1], label=pair.head.name))
        doc.spans[SPAN_KEY] = spans
        return doc

    def _same_clause(self, doc: Doc, lowers: list[int], head: tuple[int, int],
                     tail: tuple[int, int], max_gap: int) -> bool:
        """The tail follows closely, with no clause break or negation in between."""
        if tail[0] - head[1] > max_gap or sentence_of(doc, head[0]) != sentence_of(doc, tail[0]):
            return False
        return self.breaks.isdisjoint(lowers[head[1] : tail[0]])

    def _owned_by_user(self, lowers: list[int], pair: cues.Pair, head: tuple[int, int],
                       tail: tuple[int, int]) -> bool:
        """"Excited about *my* work", "enthusiastic about my dissertation topic, said
        it ...": about the user, not the company; nor "raved about the industry, said
        it ...", "animated about the food out there": about something else."""
        if pair.tail is not cues.ENTHUSIASM_TAIL:
            return False
        between = lowers[head[1] : tail[0]]
        about = [w for w in between[:3] if w not in self.articles]
        return not self.own.isdisjoint(between) or (
            len(about) > 1 and about[0] in self.about and about[1] in self.elsewhere) \
            or (tail[0] > 0 and lowers[tail[0] - 1] == self.out)


def longest(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """spaCy's ``filter_spans`` on (start, end) pairs: the first longest wins an overlap."""
    chosen, seen = [], set()
    for start, end in sorted(spans, key=lambda s: (s[1] - s[0], -s[0]), reverse=True):
        if start not in seen and end - 1 not in seen:
            chosen.append((start, end))
            seen.update(range(start, end))
    return sorted(chosen)


@Language.factory("infocoach_lemmas")
def make_lemmatizer(nlp: Language, name: str) -> RepairingLemmatizer:
    return RepairingLemmatizer(nlp, name)


@Language.component("infocoach_sentence_starts")
def make_sentence_starts(doc: Doc) -> Doc:
    return mend_sentence_starts(doc)


@Language.factory("infocoach_signal_cues")
def make_cue_matcher(nlp: Language, name: str) -> CueMatcher:
    return CueMatcher(nlp)


class WordJoiningNegex(Negex):
    """NegEx whose dashes end a scope only where they stand apart: "-" in "short-staffed"
    joins two words. NegEx reads a cue only within one stretch between terminations, so
    a hyphen inside a cue ("my gut says they're short-staffed") put it in none and left
    it unmarked. A line break ends a scope too: chat lines and bullets carry no
    punctuation, and "didnt expect her to be this excited lol" must not negate the
    next line's "she was raving about the pension"."""

    def process_negations(self, doc: Doc) -> tuple[list, list, list]:
        preceding, following, terminating = super().process_negations(doc)
        breaks = [(0, t.i, t.i + 1) for t in doc if t.is_space and "\n" in t.text]
        return preceding, following, [
            match for match in terminating if not joins_words(doc, match[1], match[2])
        ] + breaks


def joins_words(doc: Doc, start: int, end: int) -> bool:
    """Whether tokens ``start:end`` are a hyphen with no space on either side."""
    return end - start == 1 and doc[start].text in DASHES and start > 0 and \
        not doc[start - 1].whitespace_ and not doc[start].whitespace_


class Scope:
    """NegEx over the cue candidates, skipped when a report has none (most of them)."""

    def __init__(self, nlp: Language, name: str) -> None:
        terms = NEGATION_TERMS if name == NEGATED else HYPOTHETICAL_TERMS
        self.negex = WordJoiningNegex(nlp, name, terms, extension_name=name,
                                      span_keys=[SPAN_KEY])

    def __call__(self, doc: Doc) -> Doc:
        return self.negex(doc) if doc.spans.get(SPAN_KEY) else doc


@Language.factory("infocoach_scope")
def make_scope(nlp: Language, name: str) -> Scope:
    return Scope(nlp, name)


def base_pipeline() -> Language:
    """Blank English with titles kept whole, sentences and lemmas: what every
    reader of an account (signals, practice steps) starts from."""
    nlp = spacy.blank("en")
    # The text is lower-cased, and spaCy's exceptions only know "Dr." and "Ms.":
    # without these, "dr. okafor asked" would end a sentence after "dr".
    for title in TITLES:
        nlp.tokenizer.add_special_case(f"{title}.", [{ORTH: f"{title}."}])
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("infocoach_sentence_starts")
    nlp.add_pipe("infocoach_lemmas")
    return nlp


@lru_cache(maxsize=1)
def pipeline() -> Language:
    """The shared pipeline; built on first use (about a second), then reused."""
    nlp = base_pipeline()
    nlp.add_pipe("infocoach_signal_cues")
    nlp.add_pipe("infocoach_scope", name=NEGATED)
    nlp.add_pipe("infocoach_scope", name=HYPOTHETICAL)
    nlp.initialize()
    return nlp
