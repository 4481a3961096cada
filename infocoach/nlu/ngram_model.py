"""A second opinion on what a message asks, from its words and letter groups.

Why a second classifier: DIET learns dense features that fit the training
data's own phrasings. Messages from people who never saw that data (the two
independent development sets) often share only a rare word or a word's stem
with the right examples, and DIET then picks an intent with near-certain
confidence on the strength of the sentence's shape. A logistic regression over
TF-IDF word and character n-grams weighs every such word directly. Each is
right where the other is wrong often enough that a weighted mean of their
probabilities beats both on both development sets (figures beside the
weights in config.yml).

The model knows nothing of Rasa: it learns from (text, label) pairs, where a
label is an intent or ``faq/<topic>``, and answers with two distributions, one
over intents (the FAQ topics summed into ``faq``) and one over FAQ topics
given that the message is a question.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline, make_pipeline, make_union

RETRIEVAL_INTENT = "faq"
TOPIC_PREFIX = RETRIEVAL_INTENT + "/"
# Letter groups catch typos and word forms ("résumé", "resumes"); a letter
# group must occur twice to count, so one odd name does not become a feature.
_CHAR_NGRAMS = (2, 5)
_WORD_NGRAMS = (1, 2)


@dataclass(frozen=True)
class Opinion:
    """The n-gram model's reading of one message."""

    intents: dict[str, float]  # sums to 1; FAQ topics summed into "faq"
    topics: dict[str, float]  # FAQ topics given a question; sums to 1 (empty without topics)


class NgramModel:
    """TF-IDF word and character n-grams into a class-balanced logistic regression."""

    def __init__(self, pipeline: Pipeline) -> None:
        self.pipeline = pipeline

    @classmethod
    def fit(cls, texts: Sequence[str], labels: Sequence[str], strength: float) -> NgramModel:
        """Learn from labelled texts; ``strength`` is the inverse regularisation (C)."""
        if len(set(labels)) < 2:
            raise ValueError("the n-gram model needs examples of at least two intents")
        features = make_union(
            TfidfVectorizer(ngram_range=_WORD_NGRAMS, sublinear_tf=True, strip_accents="unicode"),
            TfidfVectorizer(analyzer="char_wb", ngram_range=_CHAR_NGRAMS, sublinear_tf=True,
                            min_df=2, strip_accents="unicode"),
        )
        # Balanced classes: a rare intent is not a less likely one for the user.
        classifier = LogisticRegression(C=strength, max_iter=3000, class_weight="balanced")
        pipeline = make_pipeline(features, classifier)
        pipeline.fit(list(texts), list(labels))
        return cls(pipeline)

    def read(self, texts: Sequence[str]) -> list[Opinion]:
        """The intent and topic distributions of each text."""
        classes = list(self.pipeline.classes_)
        opinions = []
        for row in self.pipeline.predict_proba(list(texts)):
            intents: dict[str, float] = {}
            topics: dict[str, float] = {}
            for label, probability in zip(classes, row, strict=True):
                intent = label.split("/", 1)[0]
                intents[intent] = intents.get(intent, 0.0) + float(probability)
                if label.startswith(TOPIC_PREFIX):
                    topics[label[len(TOPIC_PREFIX):]] = float(probability)
            total = sum(topics.values())
            opinions.append(Opinion(
                intents, {t: p / total for t, p in topics.items()} if total else {}))
        return opinions


def blend(first: Mapping[str, float], second: Mapping[str, float],
          first_weight: float) -> list[tuple[str, float]]:
    """A weighted mean of two distributions, likeliest first (ties by name, so stable).

    A label one side does not rank counts as 0 there: DIET and the
    ResponseSelector report only their top ten.
    """
    if not 0.0 <= first_weight <= 1.0:
        raise ValueError(f"a weight is between 0 and 1, not {first_weight}")
    mixed = {
        label: first_weight * first.get(label, 0.0) + (1.0 - first_weight) * second.get(label, 0.0)
        for label in set(first) | set(second)
    }
    return sorted(mixed.items(), key=lambda item: (-item[1], item[0]))
