"""The n-gram second opinion: what it learns, and how two opinions are blended."""

from __future__ import annotations

import pytest

from infocoach.nlu.ngram_model import NgramModel, blend

TEXTS = [
    "hello there", "hi coach", "good morning",
    "what should I bring to the meeting", "do I need a copy of my resume with me",
    "how do I thank the manager afterwards", "should I send a thank-you note",
    "I met the manager yesterday", "the meeting went well today",
]
LABELS = [
    "greet", "greet", "greet",
    "faq/what_to_bring", "faq/what_to_bring",
    "faq/thank_you", "faq/thank_you",
    "report_meeting", "report_meeting",
]


@pytest.fixture(scope="module")
def model() -> NgramModel:
    return NgramModel.fit(TEXTS, LABELS, strength=30.0)


def test_topics_are_summed_into_the_retrieval_intent(model):
    [opinion] = model.read(["what do I bring along"])
    assert set(opinion.intents) == {"greet", "faq", "report_meeting"}
    assert sum(opinion.intents.values()) == pytest.approx(1.0)
    assert max(opinion.intents, key=opinion.intents.get) == "faq"
    assert sum(opinion.topics.values()) == pytest.approx(1.0)
    assert max(opinion.topics, key=opinion.topics.get) == "what_to_bring"


def test_a_word_form_it_never_saw_still_counts_through_its_letters(model):
    # "thanking" is not a training word; its letter groups are.
    [opinion] = model.read(["thanking them after"])
    assert max(opinion.topics, key=opinion.topics.get) == "thank_you"


def test_one_label_is_not_enough_to_learn_from():
    with pytest.raises(ValueError, match="at least two intents"):
        NgramModel.fit(["hi", "hello"], ["greet", "greet"], strength=1.0)


def test_blend_is_a_weighted_mean_with_missing_labels_as_zero():
    ranked = blend({"a": 0.6, "b": 0.4}, {"b": 0.5, "c": 0.5}, first_weight=0.2)
    assert dict(ranked) == pytest.approx({"a": 0.12, "b": 0.48, "c": 0.4})
    assert [label for label, _ in ranked] == ["b", "c", "a"]


def test_blend_breaks_ties_by_name_so_the_answer_is_stable():
    assert [label for label, _ in blend({"z": 0.5, "y": 0.5}, {}, 1.0)] == ["y", "z"]


@pytest.mark.parametrize("weight", [-0.1, 1.5])
def test_a_weight_outside_zero_to_one_is_refused(weight):
    with pytest.raises(ValueError, match="between 0 and 1"):
        blend({"a": 1.0}, {"a": 1.0}, weight)
