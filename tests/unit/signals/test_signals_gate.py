"""The rule layer decides whether a sentence the model reads as a signal was the manager's doing.

A stand-in scorer that reads every sentence as every signal isolates the
combination from the model: whatever survives is what the actor and mood
checks let through. Each sentence is new, one per kind of false alarm the
cross-validation found (the user telling their own story, a passive mention,
a manager at another firm) and per kind that must still pass.
"""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from infocoach.ids import Signal
from infocoach.signals import spot
from infocoach.signals.dataset import SPLITS, load_split
from tests.unit.signals.stand_ins import READ


def says_everything(texts: Sequence[str]) -> list[dict[Signal, float]]:
    return [dict.fromkeys(Signal, READ) for _ in texts]


def says_need_in(clause: str):
    """A scorer that reads a need only in a text that starts with ``clause``."""
    def scorer(texts: Sequence[str]) -> list[dict[Signal, float]]:
        return [{s: READ if s is Signal.NEED and t.startswith(clause) else 0.0 for s in Signal}
                for t in texts]
    return scorer


NOT_THE_MANAGER = [
    # the user telling their own story
    "I went through my years on the oil rigs and why I want to teach.",
    "Honestly I did most of the talking, mainly about my apprenticeship.",
    # a manager somewhere else
    "The plant manager at my previous employer used to do exactly that.",
    "A director from another agency keeps posting about this on LinkedIn.",
    # "we": nobody can tell who
    "We went over the rota and the new warehouse together.",
]
NOBODY_SAID_WHO = [
    "Vacancies were mentioned towards the end.",
    "The new site got brought up a couple of times.",
]
THE_MANAGER = [
    "Olusegun went through the rota and the new warehouse with me.",
    "She went through the rota and the new warehouse with me.",
    "I got asked about the rota at my old warehouse.",
    "Her team has had the rota role open since the spring.",
    "The rota for the new warehouse has nobody to run it yet.",
]


def test_every_sentence_here_is_new() -> None:
    known = {r.text.lower() for split in SPLITS for r in load_split(split)}
    assert not any(t.lower() in known for t in [*NOT_THE_MANAGER, *NOBODY_SAID_WHO,
                                                *THE_MANAGER])


@pytest.mark.parametrize("text", NOT_THE_MANAGER)
def test_the_model_cannot_claim_a_sentence_about_the_user_or_someone_else(text: str) -> None:
    assert spot(text, rules=False, scorer=says_everything).ids  # what the model alone says
    assert spot(text, scorer=says_everything).ids == []


@pytest.mark.parametrize("text", NOBODY_SAID_WHO)
def test_a_passive_mention_is_not_the_managers_doing(text: str) -> None:
    assert spot(text, scorer=says_everything).ids == []


def test_a_passive_mention_of_an_opening_is_asked_about_not_guessed() -> None:
    reading = spot("Openings were mentioned at one point.", model=False)
    assert reading.ids == [] and reading.ambiguous


@pytest.mark.parametrize("text", THE_MANAGER)
def test_the_manager_by_name_pronoun_or_as_the_one_asking_lets_the_model_through(
        text: str) -> None:
    # Notes also need something written or typed in the sentence (test_signals_false_alarms).
    assert spot(text, scorer=says_everything).ids == [
        s.value for s in Signal if s is not Signal.NOTES]


def test_the_manager_at_another_firm_is_someone_else_for_the_rules_too() -> None:
    assert spot("The hiring manager at the other bank took notes.", model=False).ids == []
    assert spot("The hiring manager took notes.", model=False).ids == ["notes"]


def test_each_clause_of_a_long_sentence_is_read_and_the_whole_sentence_quoted() -> None:
    text = ("Priya asked about my hobbies, showed me the kitchen, and mentioned the depot "
            "has been a driver short since May.")
    scorer = says_need_in("mentioned the depot")
    assert scorer([text.lower()]) == [dict.fromkeys(Signal, 0.0)]  # the whole sentence: nothing
    reading = spot(text, scorer=scorer)
    assert reading.ids == ["need"]
    assert reading.signals[0].evidence == text.rstrip(".")



NOT_THE_MEETING = [
    # hearsay: "my X says", "someone online wrote"
    "If they rate you, my cousin reckons, they'll rave about the canteen.",
    "Somebody on a forum wrote that a director taking notes is a great sign.",
    # a conditional told as the manager's rule
    "He'd only write things down, he said, for people he plans to hire.",
    # the boss of the person met, or someone met elsewhere
    "Her boss apparently scribbles notes on every candidate.",
    "My old boss took notes in every meeting we ever had.",
    "The supervisor from my internship used to type notes on everyone.",
]
NOT_THAT_SIGNAL = [
    # a need the user could not fill
    ("They need a chief pilot with ten thousand hours, which is not me.", "need"),
    # written down for the user, not about them
    ("She wrote down the name of a podcast for me on the back of her card.", "notes"),
    ("He jotted a phone number on a napkin and handed it over.", "notes"),
]


def test_these_sentences_are_new_too() -> None:
    known = {r.text.lower() for split in SPLITS for r in load_split(split)}
    assert not any(t.lower() in known for t in [*NOT_THE_MEETING,
                                                *(t for t, _ in NOT_THAT_SIGNAL)])


@pytest.mark.parametrize("text", NOT_THE_MEETING)
def test_hearsay_a_managers_rule_and_other_bosses_are_not_the_meeting(text: str) -> None:
    assert spot(text, model=False).ids == []
    assert spot(text, scorer=says_everything).ids == []


@pytest.mark.parametrize("text, signal", NOT_THAT_SIGNAL)
def test_a_need_the_user_cannot_fill_and_notes_for_the_user_are_not_signals(
        text: str, signal: str) -> None:
    assert spot(text, model=False).ids == []
    assert signal not in spot(text, scorer=says_everything).ids


def says_in(clause: str, signal: Signal):
    """A scorer that reads ``signal`` only in a text that starts with ``clause``."""
    def scorer(texts: Sequence[str]) -> list[dict[Signal, float]]:
        return [{s: READ if s is signal and t.startswith(clause) else 0.0 for s in Signal}
                for t in texts]
    return scorer


# Each clause is checked on its own: one clause's rejected cue or other actor does
# not stop the model in another clause of the same sentence.
CLAUSE_BY_CLAUSE = [
    # the user's own notes in one clause, the manager's in the next
    ("I scribbled a couple of lines myself, but then Ngozi started covering her pad in tiny "
     "handwriting.",
     "ngozi started covering", Signal.NOTES),
    # someone else first; a later clause with no subject has the manager's
    ("The intern at the desk was grumpy but the director was lovely: she asked about my "
     "degree and kept tapping notes into her tablet.", "kept tapping notes", Signal.NOTES),
    # a need found by the rules in one clause, enthusiasm in words they do not know in the next
    ("He told me the night team has been a nurse short since June, and then spent ages "
     "painting the hospital as the dream employer.", "spent ages painting", Signal.ENTHUSIASM),
]
STILL_NOT_THE_MEETING = [
    # hearsay the user heard
    "I heard from a former intern that the CTO talks the company up to everyone.",
    "I've heard the plant manager there scribbles notes on every visitor.",
]
# The rules too: a need the user cannot fill, said in the next sentence; a team not hiring.
NOT_A_NEED = [
    "They are short of certified crane operators. I only have a forklift licence, so not me.",
    "The Leeds office is recruiting, she said, though her own team isn't hiring.",
]
# Complaints about the company are not enthusiasm, however the model reads them.
COMPLAINTS = [
    "She griped for most of the hour about the company: the pay cap, the hot desks, the reorg.",
    "He kept complaining about how head office treats the branches.",
]


def test_these_new_sentences_are_new_as_well() -> None:
    known = {r.text.lower() for split in SPLITS for r in load_split(split)}
    ours = [*(t for t, _, _ in CLAUSE_BY_CLAUSE), *STILL_NOT_THE_MEETING, *NOT_A_NEED,
            *COMPLAINTS, "I noticed her jot my degree onto the corner of her printout.",
            "I asked whether her team needs anyone who can weld, and she said it's not her call.",
            "I'm nervous the curator will quiz me about my gap year; she'll have read my CV.",
            "He said he'll need a second welder once the new unit opens in May.",
            "She moaned that nobody on her team can read a balance sheet."]
    assert not any(t.lower() in known for t in ours)


@pytest.mark.parametrize("text, clause, signal", CLAUSE_BY_CLAUSE)
def test_a_signal_in_one_clause_is_not_vetoed_by_another(text: str, clause: str,
                                                         signal: Signal) -> None:
    scorer = says_in(clause, signal)
    assert scorer([text.lower()])[0][signal] == 0.0  # the whole sentence: nothing
    reading = spot(text, scorer=scorer)
    assert signal.value in reading.ids
    assert next(f for f in reading.signals if f.id is signal).evidence == text.rstrip(".")


@pytest.mark.parametrize("text", STILL_NOT_THE_MEETING)
def test_hearsay_the_future_and_the_users_own_question_are_not_signals(text: str) -> None:
    assert spot(text, model=False).ids == []
    assert spot(text, scorer=says_everything).ids == []


def test_the_user_watching_the_manager_lets_the_model_through() -> None:
    text = "I noticed her jot my degree onto the corner of her printout."
    assert spot(text, scorer=says_in("i noticed her", Signal.NOTES)).ids == ["notes"]


def test_the_users_own_question_is_not_the_managers_need() -> None:
    text = "I asked whether her team needs anyone who can weld, and she said it's not her call."
    assert spot(text, rules=False, scorer=says_in("i asked whether", Signal.NEED)).ids
    assert spot(text, scorer=says_in("i asked whether", Signal.NEED)).ids == []


def test_what_the_manager_will_do_has_not_happened_unless_it_is_a_need() -> None:
    text = "I'm nervous the curator will quiz me about my gap year; she'll have read my CV."
    assert spot(text, model=False).ids == []
    assert spot(text, scorer=says_everything).ids == ["need"]


def test_a_future_need_is_still_a_need() -> None:
    text = "He said he'll need a second welder once the new unit opens in May."
    assert spot(text, scorer=says_everything).ids == ["need"]


@pytest.mark.parametrize("text", NOT_A_NEED)
def test_a_need_the_user_cannot_fill_or_a_team_not_hiring_is_not_a_need(text: str) -> None:
    assert spot(text, model=False).ids == []
    assert "need" not in spot(text, scorer=says_everything).ids


@pytest.mark.parametrize("text", COMPLAINTS)
def test_a_complaint_is_not_enthusiasm(text: str) -> None:
    assert "enthusiasm" not in spot(text, scorer=says_everything).ids
    assert spot(text, rules=False, scorer=says_everything).ids  # what the model alone says


def test_a_complaint_about_a_gap_is_still_a_need() -> None:
    text = "She moaned that nobody on her team can read a balance sheet."
    assert spot(text, scorer=says_in("she moaned", Signal.NEED)).ids == ["need"]
