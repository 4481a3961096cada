"""The learned layer finds signals told in words the cues never listed; the rules still veto.

Each sentence here is new: written for these tests, in none of the data
splits, one per kind of miss and false alarm reported in issue 12.
"""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from infocoach.ids import Signal
from infocoach.signals import learned, spot
from infocoach.signals.dataset import SPLITS, LabelledReport, load_split
from infocoach.signals.training import located, place

NEW_SENTENCES = {
    "indirect need": [
        "The analyst post in her group has sat empty since February because nobody "
        "who applied knew SQL.",
        "They're opening a clinic in Dundee next year and will need physios who speak Polish.",
    ],
    "enthusiasm in other words": [
        "Marta was practically selling me the firm, the four-day week, the pension, all of it.",
        "He spent ages raving about the new building and its rooftop garden.",
        "she went on and on about why they beat every other agency in town",
    ],
    "notes in a notebook or on a laptop": [
        "The head of design filled a page of her notebook while I walked through my portfolio.",
        "He was tapping away on his laptop the whole time I was talking.",
    ],
}
WANTED = {"indirect need": "need", "enthusiasm in other words": "enthusiasm",
          "notes in a notebook or on a laptop": "notes"}
FALSE_ALARMS = [
    # hearsay about somebody else's manager
    "My neighbour reckons her boss always jots things down when she likes a candidate.",
    "Apparently my cousin's manager raves about his company to anyone who will listen.",
    # a conditional guess
    "She'd probably have written a few things down if I had brought my CV.",
    "He would have mentioned an opening if there had been one, I think.",
    "Had they scribbled anything down I'd be less nervous about it.",
    "She could've told me about their openings if the call hadn't run short.",
    # a meeting still to come
    "Seeing the ops director next week, fingers crossed she asks what I've been working on.",
    "Hopefully she brings up the vacancy on their data team when we meet on Monday.",
    # hearsay from someone met on the way in
    "The barista in their lobby told me the company is a brilliant place to work.",
    # the user telling their own story in a signal's words
    "I talked her through my eight years in the merchant navy and why I'd like to work ashore.",
    # a manager somewhere else
    "The operations manager at my old warehouse used to scribble notes on everyone.",
]
# Several signals in one sentence, each in its own clause.
SEVERAL_IN_ONE = (
    "Tomasz asked which estimating software I'd used, typed the names into his laptop, and "
    "said their bids team has been a person short since the spring."
)
LONG_STORY = (
    "So the train was late and I was sweating by the time I found the place. The coffee "
    "was awful, honestly. We chatted about the weather, his kids, the football. Then "
    "Dmitri mentioned that the support desk has been a person short since the summer "
    "and nobody on it can do the Linux side. After that we talked about holidays and "
    "I headed home."
)


def test_every_sentence_here_is_new() -> None:
    known = {r.text.lower() for split in SPLITS for r in load_split(split)}
    ours = [*(s for group in NEW_SENTENCES.values() for s in group), *FALSE_ALARMS, LONG_STORY,
            SEVERAL_IN_ONE]
    assert not any(text.lower() in known for text in ours)


@pytest.mark.parametrize("kind, text", [
    (kind, text) for kind, group in NEW_SENTENCES.items() for text in group
])
def test_a_signal_told_in_other_words_is_found(kind: str, text: str) -> None:
    assert WANTED[kind] in spot(text).ids


def test_a_need_stated_as_a_condition_is_found() -> None:
    text = ("She said that if somebody with my payroll experience came on board it would take "
            "a lot of pressure off her team.")
    assert spot(text).ids == ["need"]


@pytest.mark.parametrize("text", FALSE_ALARMS)
def test_hearsay_and_conditional_guesses_are_not_signals(text: str) -> None:
    assert spot(text).ids == []


def test_a_signal_inside_a_long_chatty_story_is_found_and_quoted() -> None:
    reading = spot(LONG_STORY)
    assert reading.ids == ["need"]
    finding = reading.signals[0]
    assert finding.evidence == LONG_STORY[finding.start : finding.end]
    told = LONG_STORY.index("Then Dmitri"), LONG_STORY.index("After that")
    assert told[0] <= finding.start < finding.end <= told[1]


def test_several_signals_in_one_sentence_are_all_found() -> None:
    assert spot(SEVERAL_IN_ONE).ids == ["background", "notes", "need"]


def test_a_passive_mention_is_asked_about_not_counted() -> None:
    reading = spot("A couple of openings got mentioned in passing.")
    assert reading.ids == [] and reading.ambiguous


def test_the_rules_veto_the_model_when_the_user_did_it_or_it_was_negated() -> None:
    assert spot("I scribbled everything down in my own notebook.").ids == []
    assert spot("She didn't type a single thing on her laptop.").ids == []


def test_the_model_alone_has_no_veto_which_is_what_the_rules_add() -> None:
    # A stand-in for a model that reads the words and not the mood (the trained
    # one has learned from hard negatives that hopes are not notes).
    def reads_notes(texts: Sequence[str]) -> list[dict[Signal, float]]:
        return [{s: float(s is Signal.NOTES) for s in Signal} for _ in texts]

    text = "I was hoping she would scribble a few things in her notebook."
    assert spot(text, rules=False, scorer=reads_notes).ids == ["notes"]
    assert spot(text, scorer=reads_notes).ids == []
    assert spot(text).ids == []


def test_training_sentences_are_unlabelled_where_the_rules_cannot_place_the_signal() -> None:
    report = LabelledReport(
        text="Lovely chat about cricket. She wrote down my name. Then she left.",
        signals=["notes"],
    )
    whole, *sentences = located(place(report))
    assert whole[1] == {"background": 0.0, "notes": 1.0, "need": 0.0, "enthusiasm": 0.0}
    by_text = dict(sentences)
    assert by_text["she wrote down my name."]["notes"] == 1.0
    assert "notes" not in by_text["then she left."]
    assert by_text["lovely chat about cricket."] == {"background": 0.0, "need": 0.0,
                                                     "enthusiasm": 0.0}


def test_a_first_pass_model_places_what_no_rule_places_in_the_part_it_rates_highest() -> None:
    """The second pass of training: a need told in words no rule knows gets a place."""
    report = LabelledReport(
        text="Lovely chat about cricket. The payroll lot are drowning without a second "
             "pair of hands. Then she left.",
        signals=["need"],
    )
    assert all("need" not in cats for _, cats in list(located(place(report)))[1:])

    def rates_payroll(texts: Sequence[str]) -> list[dict[str, float]]:
        return [{s.value: 0.9 if "payroll" in t else 0.1 for s in Signal} for t in texts]

    whole, *parts = located(place(report), locate=rates_payroll)
    placed = [text for text, cats in parts if cats.get("need") == 1.0]
    assert placed == ["the payroll lot are drowning without a second pair of hands."]
    assert whole[1]["need"] == 1.0
    assert all(cats.get("need") is None for text, cats in parts if text not in placed)


def test_the_clauses_of_a_sentence_are_training_examples_too() -> None:
    report = LabelledReport(text="She asked about my degree, wrote it down and made tea.",
                            signals=["background", "notes"])
    by_text = dict(located(place(report)))
    assert by_text["wrote it down"] == {"notes": 1.0, "need": 0.0, "enthusiasm": 0.0}
    assert by_text["she asked about my degree"] == {"background": 1.0, "need": 0.0,
                                                    "enthusiasm": 0.0}
    assert by_text["made tea."] == {"need": 0.0, "enthusiasm": 0.0}


def test_a_missing_model_names_the_command_that_trains_it(monkeypatch, tmp_path) -> None:
    monkeypatch.setattr(learned, "SIGNALS_MODEL_DIR", tmp_path / "signals")
    with pytest.raises(learned.ModelMissing, match="make train"):
        learned.require_model()
