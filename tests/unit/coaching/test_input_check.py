"""Other languages and wordless input are caught before NLU guesses."""

from __future__ import annotations

import pytest

from infocoach.coaching.input_check import (
    InputKind,
    build_vocabulary,
    classify_input,
    mentions_deleting,
    stem,
    words,
)

VOCABULARY = build_vocabulary(
    ["how do I end the meeting", "I took notes", "should I bring my resume", "thanks please help"]
)


@pytest.mark.parametrize(
    "text",
    [
        "¿Cómo termino la reunión?",
        "Wie beende ich das Gespräch mit dem Manager?",
        "Comment terminer la réunion avec le manager ?",
        "ciao, oggi non ho tempo per il colloquio",
        "che cosa devo portare al colloquio?",
        "面试结束后我应该做什么？",
        "Как закончить встречу?",
        "كيف أنهي الاجتماع؟",
    ],
)
def test_other_languages_are_recognised(text):
    assert classify_input(text, VOCABULARY) is InputKind.OTHER_LANGUAGE


@pytest.mark.parametrize(
    "text",
    [
        "how do I end the meeting?",
        "He took NOTES!!",
        "should I bring my résumé",
        "I met Zoë Müller at Siemens, how do I end the meeting",
        "the manager said 'gracias' at the end, how do I thank them",
    ],
)
def test_english_with_foreign_names_or_words_passes(text):
    assert classify_input(text, VOCABULARY) is InputKind.OK


@pytest.mark.parametrize(
    "text",
    [
        "<img src=x onerror=alert(1)><script>alert(1)</script>",
        "asdf qwerty",
        "https://example.com/x",
    ],
)
def test_text_without_a_known_word_is_not_understood(text):
    assert classify_input(text, VOCABULARY) is InputKind.NO_KNOWN_WORDS


@pytest.mark.parametrize("text", ["12345", "3", ""])
def test_digits_and_empty_text_are_left_to_nlu(text):
    assert classify_input(text, VOCABULARY) is InputKind.OK


@pytest.mark.parametrize("text", ["🙂🙂", "?!", "👍", "..."])
def test_emoji_and_punctuation_alone_are_not_understood(text):
    assert classify_input(text, VOCABULARY) is InputKind.NO_KNOWN_WORDS


def test_words_drop_markup_and_links():
    assert words("Hi <b>there</b>, see https://x.io/a?b=c &amp; bye") == [
        "hi",
        "there",
        "see",
        "bye",
    ]


def test_stem_folds_plurals_tenses_and_accents():
    assert stem("meetings") == stem("meeting") == "meet"
    assert stem("résumé") == "resume"
    assert stem("is") == "is"


def _delete_examples() -> list[str]:
    import re

    import yaml

    from infocoach.paths import ROOT

    found = []
    for path in (ROOT / "data" / "nlu" / "privacy.yml", ROOT / "tests" / "nlu" / "test_nlu.yml"):
        for block in yaml.safe_load(path.read_text())["nlu"]:
            if block.get("intent") == "delete_my_data":
                found += [re.sub(r"^- ", "", line.strip())
                          for line in block["examples"].splitlines() if line.strip()]
    return found


def test_every_delete_my_data_example_mentions_deleting():
    examples = _delete_examples()
    assert len(examples) >= 20
    assert [text for text in examples if not mentions_deleting(text)] == []


@pytest.mark.parametrize("text", ["Delta Foods", "Della Lee", "Adele Okafor", "Data Works",
                                  "my data", "Clearwater Bank"])
def test_names_and_companies_do_not_mention_deleting(text):
    assert not mentions_deleting(text)
