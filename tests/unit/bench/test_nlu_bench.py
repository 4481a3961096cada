"""``bench nlu`` scoring: intent and topic accuracy and confusion pairs, without a model."""

from __future__ import annotations

from pathlib import Path

from infocoach.bench.nlu import Example, load_examples, score


def test_load_examples_reads_labels_and_strips_entity_markup(tmp_path: Path) -> None:
    nlu = tmp_path / "nlu.yml"
    nlu.write_text(
        'version: "3.1"\nnlu:\n- intent: faq/senior\n  examples: |\n    - am I too senior?\n'
        '- intent: inform\n  examples: |\n    - I\'m a [student](career_stage)\n'
        "- lookup: words\n  examples: |\n    - wear\n"
    )
    assert load_examples(nlu) == [
        Example("am I too senior?", "faq/senior"),
        Example("I'm a student", "inform"),
    ]


def test_score_counts_intents_topics_and_confusions() -> None:
    examples = [
        Example("a", "faq/senior"),
        Example("b", "faq/senior"),
        Example("c", "greet"),
        Example("d", "introduce"),
    ]
    predictions = {
        "a": ("faq", "senior"),
        "b": ("faq", "misuse"),  # right intent, wrong topic
        "c": ("greet", "what_is_it"),  # a topic on a non-FAQ intent is ignored
        "d": ("faq", "after_research"),
    }
    figures = score(examples, lambda text: predictions[text])
    assert figures["intent_accuracy"] == 0.75
    assert figures["faq_examples"] == 2
    assert figures["topic_accuracy"] == 0.5
    assert figures["confusions"] == [
        {"expected": "faq/senior", "predicted": "faq/misuse", "count": 1},
        {"expected": "introduce", "predicted": "faq/after_research", "count": 1},
    ]
