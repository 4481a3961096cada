"""Our pipeline pieces agree with spaCy: the same pattern matches, the same lemmas."""

from __future__ import annotations

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.attrs import IS_PUNCT, LEMMA, LOWER
from spacy.matcher import Matcher
from spacy.tokens import Doc

from infocoach.signals import cues
from infocoach.signals.dataset import SPLITS, load_split
from infocoach.signals.patterns import PatternError, PatternSet
from infocoach.signals.pipeline import CONTRACTIONS, longest, pipeline
from infocoach.signals.spotter import normalize

PATTERNS = [(cue.name, pattern) for cue in cues.ALL_CUES for pattern in cue.patterns]


def _pattern_words() -> list[str]:
    """Every word any cue pattern names, so random text hits the patterns often."""
    words = set()
    for _, pattern in PATTERNS:
        for token in pattern:
            for key in ("LOWER", "LEMMA"):
                value = token.get(key)
                words |= {value} if isinstance(value, str) else set(value["IN"]) if value else set()
    return sorted(words)


@pytest.fixture(scope="module")
def matchers() -> tuple[PatternSet, Matcher]:
    nlp = pipeline()
    spacy_matcher = Matcher(nlp.vocab)
    for name, pattern in PATTERNS:
        spacy_matcher.add(name, [pattern])
    return PatternSet(nlp.vocab.strings, PATTERNS), spacy_matcher


def _both(matchers: tuple[PatternSet, Matcher], text: str) -> tuple[set, set]:
    ours, theirs = matchers
    doc: Doc = pipeline()(normalize(text))
    strings = doc.vocab.strings
    expected = {(strings[key], start, end) for key, start, end in theirs(doc)}
    found = ours(doc.to_array(LOWER).tolist(), doc.to_array(LEMMA).tolist(),
                 doc.to_array(IS_PUNCT).tolist())
    return found, expected


@pytest.mark.parametrize("split", SPLITS)
def test_same_matches_as_spacy_on_every_labelled_report(matchers, split: str) -> None:
    for report in load_split(split):
        found, expected = _both(matchers, report.text)
        assert found == expected, report.text


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*_pattern_words(), ",", ".", "?", "-", "xyz"]), max_size=40))
def test_same_matches_as_spacy_on_text_built_from_pattern_words(matchers, words) -> None:
    found, expected = _both(matchers, " ".join(words))
    assert found == expected


def test_optional_and_ranged_tokens_give_every_end() -> None:
    strings = pipeline().vocab.strings
    a, b, c = (strings.add(w) for w in "abc")
    patterns = PatternSet(strings, [
        ("opt", [{"LOWER": "a"}, {"LOWER": "b", "OP": "?"}]),
        ("gap", [{"LOWER": "a"}, {"IS_PUNCT": False, "OP": "{0,2}"}, {"LOWER": "c"}]),
    ])
    found = patterns([a, b, b, c], [a, b, b, c], [False] * 4)
    assert found == {("opt", 0, 1), ("opt", 0, 2), ("gap", 0, 4)}


@pytest.mark.parametrize("pattern, message", [
    ([{"LOWER": "a", "OP": "?"}], "must start with one required word"),
    ([{"IS_PUNCT": True}], "must start with one required word"),
    ([{"LOWER": "a", "OP": "{1,3}"}], "must start with one required word"),
    ([], "must start with one required word"),
    ([{"LOWER": "a"}, {"LOWER": "b", "OP": "+"}], "unsupported OP '\\+'"),
    ([{"POS": "NOUN"}], "unsupported attribute 'POS'"),
    ([{"LOWER": {"NOT_IN": ["a"]}}], "must be a word or"),
    ([{"LOWER": "a", "LEMMA": "a"}], "exactly one attribute"),
])
def test_unsupported_patterns_are_refused_by_name(pattern, message: str) -> None:
    with pytest.raises(PatternError, match=message):
        PatternSet(pipeline().vocab.strings, [("broken", pattern)])


def test_longest_keeps_the_first_longest_of_overlapping_spans() -> None:
    assert longest([(0, 1), (0, 3), (2, 5), (5, 6), (5, 6)]) == [(0, 3), (5, 6)]


@pytest.fixture(scope="module")
def spacy_lemmatizer():
    """spaCy's own lookup lemmatizer, to run on docs from our tokenizer."""
    nlp = spacy.blank("en")
    lemmatizer = nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    return lemmatizer


@pytest.mark.parametrize("split", SPLITS)
def test_lemmas_are_spacys_except_repaired_typos_and_contractions(
        spacy_lemmatizer, split: str) -> None:
    fixer = pipeline().get_pipe("infocoach_lemmas").fixer
    for report in load_split(split):
        text = normalize(report.text)
        ours, theirs = pipeline()(text), spacy_lemmatizer(pipeline().make_doc(text))
        repaired = set(ours.user_data["typos"])
        for i, (a, b) in enumerate(zip(ours, theirs, strict=True)):
            expected = fixer.repair(b.lower_) if i in repaired else \
                CONTRACTIONS.get(b.text, b.lemma_)
            assert a.lemma_ == expected, (text, a.text)


def test_contractions_of_be_and_have_get_their_verbs_lemma() -> None:
    """"they're short of", "I'm", "we've": spaCy's table has no entry for the halves."""
    doc = pipeline()("they're short of drivers and we've hired none, i'm told")
    lemmas = [t.lemma_ for t in doc]
    assert (lemmas[1], lemmas[7], lemmas[12]) == ("be", "have", "be")


def test_a_misspelt_cue_word_gets_the_cue_lemma_and_is_marked() -> None:
    doc = pipeline()("she took notse about my backround")
    assert [doc[i].lemma_ for i in doc.user_data["typos"]] == ["note", "background"]


def test_lemmatizer_refuses_to_run_before_initialize() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("infocoach_lemmas")
    with pytest.raises(RuntimeError, match="initialize"):
        nlp("took notes")
