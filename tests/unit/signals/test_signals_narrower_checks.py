"""Checks that swallowed a real signal, each narrowed to what it was written for, and
cues that missed one.

The spent blind split blind12 and the retired ones, read by a model that had not been
trained on them, showed the rules' checks throwing away signals the model had read
right: a negation that ran on past "since" or "and they", a shortage "in the country"
that was a boast, a manager quoted saying "we". Each kind here has a new sentence that
is the signal now, and a near twin, the false alarm the check exists for, that must
stay quiet, so a check widened back, or dropped, fails here.

Some checks sit in the rules' reading ("rules": the rules alone find the signal and
stay quiet on the twin); others decide what the model may claim ("model": a stand-in
model reads the signal in every sentence and clause, so only the checks decide).
"""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from infocoach.ids import Signal
from infocoach.signals import spot
from infocoach.signals.dataset import SPLITS, load_split
from tests.unit.signals.stand_ins import reads_everywhere, reads_nothing, reads_where

# kind: (layer, signal, the signal now found, its twin that stays quiet)
NARROWED = {
    "the user's tact after a need is no shrug": (
        "model", "need",
        "She said the new Hull depot will need two people with forklift tickets, which I've "
        "had for years. I did not want to seem pushy, so I just thanked her.",
        "She said the new Hull depot will need two people with HGV licences. I'm not a "
        "driver, sadly."),
    "how the user felt after a need is no shrug": (
        "model", "need",
        "He told me they need a dispatcher who knows the rural routes. I've never felt so "
        "welcome anywhere.",
        "He told me they need a dispatcher with a lorry licence. I've never driven anything "
        "bigger than a van."),
    "'internally' is no role filled unless someone is hired or promoted": (
        "model", "need",
        "Her team has been short of a GIS analyst since spring and I was internally cheering, "
        "because that's my job.",
        "Her team was short of a GIS analyst, but they're promoting someone internally."),
    "the manager a friend introduced the user to is the one met": (
        "model", "need",
        "My neighbour Sofia introduced me to her manager, Gareth, at the brewery. Gareth said "
        "they've had nobody to run the canning line since March.",
        "I met the head brewer, Ana. Her manager, Gareth, said they've had nobody to run the "
        "canning line since March."),
    "the manager set against someone who raved, in the present tense": (
        "model", "enthusiasm",
        "On the tour a technician keeps telling me it's the best lab in the country to work "
        "for. The lab manager herself is just as keen.",
        "On the tour a technician keeps telling me it's the best lab in the country to work "
        "for. The lab manager herself is quieter."),
    "'getting that down' is writing": (
        "model", "notes",
        "At one point the editor stops me: 'sorry, just getting that down.'",
        "At one point the editor stops me: 'sorry, just getting that sorted.'"),
    "how hard everyone works is no complaint; how hard the place is, is": (
        "model", "enthusiasm",
        "He went on about how hard everyone works for the clients, the bonuses, the new office "
        "and the best team in the city.",
        "She kept going on about how hard it is to work on the unit: no budget, study days "
        "cancelled, a rota that changes every week."),
    "a shortage told as 'hasn't got enough'": (
        "model", "need",
        "He admitted he hasn't got enough welders who can read drawings, and I've read them "
        "for years.",
        "He said they've got enough welders for now."),
    "the user trying 'not to' look keen is no shrug": (
        "model", "need",
        "She said their rota coordinator quit in June and nobody else can do the scheduling. "
        "I'd told her I ran rotas at a care home for three years, so I tried not to grin.",
        "She said they need a rota coordinator with a scheduling degree. I'm not trained in "
        "that at all."),
    "bullets after a heading and a line of small talk are the manager's": (
        "rules", "notes",
        "Depot manager, Sunita Rao. Nice office, good coffee.\n- asked loads about my army years\n"
        "- scribbled notes the whole time",
        "Nice office, good coffee.\n- asked loads about my army years\n- scribbled notes the "
        "whole time"),
    "'that' after a manager the user speaks to opens what the user said": (
        "rules", "need",
        "The ward manager that I had emailed said they have a gap I could fill.",
        "I told the ward manager that I could fill the gap if they need a play leader."),
    "a negation ends at a line break": (
        "rules", "enthusiasm",
        "didnt expect the depot manager to be this chatty lol\nsaid its honestly the best "
        "firm shes worked for",
        "she didnt say its the best firm shes worked for"),
    "the user has both skills asked for": (
        "rules", "need",
        "They need someone with a forklift licence and a first-aid ticket, and nobody who "
        "applied has had both. I have both 😬",
        "They need someone with a forklift licence and a first-aid ticket. I have neither 😬"),
    "the best in the country is a boast, not a shortage": (
        "rules", "need",
        "She said their ward is short of a play specialist right now. She reckons it's the "
        "best children's unit in the country, too.",
        "She said hospitals across the country are short of play specialists."),
    "a new branch of their own on another site": (
        "rules", "need",
        "He said they're launching a new branch on the other site in May and will need two "
        "baristas who can train others.",
        "He said a different department is hiring baristas."),
    "help borrowed from another site": (
        "rules", "need",
        "She said the lab is short of a microscopist and they've been borrowing one from "
        "another site since June.",
        "She said the other site is short of microscopists."),
    "marks on the CV made while the user talked": (
        "rules", "notes",
        "She circled things and scribbled in the margins of my CV while I talked about the "
        "placement.",
        "She circled two typos on my printed CV and handed it back."),
    "the user expected to be 'the one asking questions'": (
        "rules", "background",
        "I thought I'd be the one asking the questions, but she quizzed me on why I left "
        "teaching.",
        "She asked what questions I had and then we ran out of time."),
    "notes typed on 'her tablet'": (
        "rules", "notes",
        "games producer asked why i want to leave teaching, typed notes on her tablet the "
        "whole time.",
        "i typed notes on my tablet the whole time."),
    "a negation over by 'since'": (
        "rules", "need",
        "he said nobody has run their stores since the last manager left, and I managed a "
        "store for four years.",
        "She said nobody has left the team since March, so they aren't hiring."),
    "a negation over by 'and they'": (
        "rules", "need",
        "He said the website is a mess nobody owns and they could really use someone who has "
        "built one.",
        "He said they don't need anyone to run the website."),
    "'barely sat down before she asked'": (
        "rules", "background",
        "I'd barely sat down before she asked what I studied and why logistics.",
        "She barely asked what I studied."),
    "a quote nobody is said to have spoken, about 'we'": (
        "rules", "need",
        'Then, out of the blue: "we\'ve got a new youth programme starting in March and '
        'nobody to run it." I ran one for two years.',
        '"We\'ve got nobody to run the youth programme," my cousin told me about her club.'),
    "a new lab that will need people": (
        "rules", "need",
        "He said the new lab opening in the autumn will need technicians who can run PCR.",
        "She said the new clinic opening in Leeds is all automated, so they won't need extra "
        "staff."),
    "a field named in the clause before the need": (
        "rules", "need",
        "He asked why I wanted to move into the charity sector, then said they're short of a "
        "bookkeeper who knows grants.",
        "He said the whole charity sector is short of bookkeepers."),
    "emails the user only assumed": (
        "rules", "notes",
        "He was typing on his phone while I talked; I assumed he was answering emails, but he "
        "read my answers back to me.",
        "He was typing on his phone while I talked, answering emails from his boss."),
    "a firm that grew is no small talk": (
        "model", "enthusiasm",
        "After that she went into full sales mode: share options, remote-first, and they grew "
        "threefold this year.",
        "She raved about the town she grew up in."),
    "'you'll never be bored here' is a perk": (
        "rules", "enthusiasm",
        "He sold the place to me: great pension, and 'you'll never be bored here'.",
        "He talked me through the perks in a bored voice."),
    "a robotic dairy is a machine, not a tone": (
        "rules", "enthusiasm",
        "The farm manager raved about the new robotic dairy and the staff cottages.",
        "The farm manager listed the perks in a robotic way."),
    "said 'to himself' is no note to himself": (
        "rules", "notes",
        "He scribbled notes while I talked, and said - mostly to himself - that my CAD work "
        "was what they lacked.",
        "He scribbled a note to himself about his next meeting."),
    "missing 'for their new warehouse'": (
        "rules", "notes",
        "She wrote it down and said that's just what they're missing for their new warehouse.",
        "She wrote something down for her next meeting."),
    "'so I could see' is watching, not writing for the user": (
        "model", "notes",
        "The team leader typed what I said into a doc while sharing her screen, so I could "
        "literally see my answers appear.",
        "She wrote the course name on a card for me so I could look it up later."),
    "questions 'about why I left'": (
        "rules", "background",
        "He asked me loads of questions about why I left the army.",
        "He asked if I had any questions about the role."),
    "'if' over by 'and said', past a hyphenated word": (
        "rules", "need",
        "The practice manager wanted to know if I'd done month-end work and said they're "
        "badly short of people who can reconcile accounts.",
        "I wanted to know if they're badly short of people who can reconcile accounts."),
    "'I think she asked' is her asking": (
        "rules", "notes",
        "i think she asked about my placements and why i want to go private she took notes on "
        "her ipad",
        "i asked about her placements and why she went private and i took notes on my ipad"),
    "'couldn't have been more positive' is praise": (
        "model", "enthusiasm",
        "The ward sister couldn't have been more positive about the hospital and its training.",
        "She could have been more positive about the hospital and its training, honestly."),
    "what the user's plan is, asked": (
        "rules", "background",
        "She asked why I left nursing and what my training plan is.",
        "My plan is to ask her why she left nursing."),
    "a team 'crying out for' someone": (
        "rules", "need",
        "She said the lab is crying out for someone who can run the sequencer.",
        "She said the whole sector is crying out for sequencing people."),
    "'desperately short of'": (
        "rules", "need",
        "He said they're desperately short of welders on the night shift.",
        "He said they're not desperately short of welders any more."),
    "staff they 'badly need'": (
        "rules", "need",
        "She said they badly need night nurses with dementia experience.",
        "She said they don't badly need night nurses right now."),
    "a team's 'side' that is swamped": (
        "rules", "need",
        "He said the events side is swamped and only one coordinator runs every wedding.",
        "He said he's swamped this week."),
    "an extension opening is a building": (
        "rules", "need",
        "She said the new extension opening next spring will need three more nurses.",
        "She raved about the new extension opening next spring."),
}


# Read by a stand-in model that reads the signal only where it is told, as a real model
# does: in the texts (the sentence and its clauses) holding ``phrase``, or, where
# ``opening`` is set, only in the clause that opens with it.
# kind: (signal, phrase, opening, the signal now found, its twin that stays quiet)
TOLD_IN_ONE_CLAUSE = {
    "a topic a colon goes on to tell": (
        "enthusiasm", "talked about the firm", False,
        "Then she talked about the firm: a staff share scheme, free lunches, a gym on site.",
        "Then she talked about the firm."),
    "a mood undone by 'but'": (
        "enthusiasm", "keen to tell", False,
        "Honestly I expected him to be too busy, but he was keen to tell me how great the firm "
        "is.",
        "Honestly I expected him to be keen to tell me how great the firm is, but he was too "
        "busy."),
    "a question asked of the user is not who acts next": (
        "notes", "scribbled", True,
        "He asked loads about my years on the wards, what kit we used, why I wanted out of "
        "nursing; scribbled on a pad the whole time; said they've been short of buyers for "
        "months.",
        "He asked loads about my years on the wards, what kit we used; I told him why I wanted "
        "out of nursing; scribbled on a pad the whole time as he talked."),
}


@pytest.mark.parametrize("kind", TOLD_IN_ONE_CLAUSE)
def test_told_in_one_clause_is_found_now(kind: str) -> None:
    signal, phrase, opening, found, _ = TOLD_IN_ONE_CLAUSE[kind]
    assert signal in spot(found, scorer=reads_where(signal, phrase, opening)).ids


@pytest.mark.parametrize("kind", TOLD_IN_ONE_CLAUSE)
def test_told_in_one_clause_its_twin_stays_quiet(kind: str) -> None:
    signal, phrase, opening, _, quiet = TOLD_IN_ONE_CLAUSE[kind]
    assert signal not in spot(quiet, scorer=reads_where(signal, phrase, opening)).ids


def read(layer: str, signal: str, text: str) -> list[str]:
    if layer == "rules":
        return spot(text, model=False).ids
    return spot(text, scorer=reads_everywhere(signal)).ids


def test_the_sentences_are_new() -> None:
    known = {r.text.lower() for split in SPLITS for r in load_split(split)}
    assert not any(t.lower() in known for _, _, *texts in NARROWED.values() for t in texts)
    assert not any(t.lower() in known for *_, found, quiet in TOLD_IN_ONE_CLAUSE.values()
                   for t in (found, quiet))
    assert not any(t.lower() in known for _, t in MOOD_OVERREACHED.values())
    assert not any(t.lower() in known for t in (FLOORED, STATED_NEED, FIRM_OF_A_FAMILY))


@pytest.mark.parametrize("kind", NARROWED)
def test_the_signal_is_found_now(kind: str) -> None:
    layer, signal, found, _ = NARROWED[kind]
    assert signal in read(layer, signal, found)


@pytest.mark.parametrize("kind", NARROWED)
def test_the_false_alarm_the_check_was_for_stays_quiet(kind: str) -> None:
    layer, signal, _, quiet = NARROWED[kind]
    assert signal not in read(layer, signal, quiet)


def test_the_manager_after_a_but_in_a_sentence_the_user_opened() -> None:
    """A sentence the model is all but sure of, whose clauses bear it out only weakly, is
    the manager's when it turns to them after a "but"; not when the user goes on."""
    def sure_of_the_whole(texts: Sequence[str]) -> list[dict[Signal, float]]:
        return [{s: (0.97 if "stiff, " in t and "dealership" in t else
                     0.3 if "dealership manager" in t else 0.0)
                 if s is Signal.ENTHUSIASM else 0.0 for s in Signal} for t in texts]

    turned = ("I had been warned he was stiff, but the dealership manager went full sales "
              "mode: profit share, company cars, why they beat every garage in town.")
    users = ("I had been warned he was stiff, so I went full sales mode at the dealership "
             "manager: profit share, company cars, why they beat every garage in town.")
    assert spot(turned, scorer=sure_of_the_whole).ids == ["enthusiasm"]
    assert spot(users, scorer=sure_of_the_whole).ids == []


def test_effort_is_no_praise_once_a_negation_has_ended() -> None:
    """'since' ends the negation of "hasn't had a manager", so the rules read on into
    "doing their best", which is effort, not praise of the place."""
    text = ("She said the lab hasn't had a manager since 2022 and the volunteers are doing "
            "their best with it.")
    assert "enthusiasm" not in spot(text, model=False).ids


SURE = ("He was going on about how they'd just opened a second hangar, how the company pays "
        "for your licence, the free flights.")


def reads_whole(signal: str, whole: float, clause: float):
    """A stand-in model that reads ``signal`` at ``whole`` in the sentence ``SURE`` and at
    ``clause`` in each of its clauses."""
    def scorer(texts: Sequence[str]) -> list[dict[Signal, float]]:
        return [{s: (whole if text.strip() == SURE.lower() else clause)
                 if s.value == signal else 0.0 for s in Signal} for text in texts]
    return scorer


def test_a_sentence_the_model_is_sure_of_needs_little_support_from_its_clauses() -> None:
    assert "enthusiasm" in spot(SURE, scorer=reads_whole("enthusiasm", 0.95, 0.2)).ids


def test_a_sentence_the_model_is_less_sure_of_needs_a_clause_to_bear_it_out() -> None:
    assert "enthusiasm" not in spot(SURE, scorer=reads_whole("enthusiasm", 0.8, 0.2)).ids


# The checks on a sentence's mood look for their words anywhere in it; blind13 and blind14
# showed them throwing away what a model not trained on them was all but sure of. Below
# that certainty (spotter.SURE_WHOLE) they still decide.
MOOD_OVERREACHED = {
    "a plan the manager turned round": (
        "background",
        "I'd planned to quiz him on the trade, but he kept turning it back to me: how long "
        "had I been on the tools, and why switch to estimating?"),
    "what the user expected beforehand": (
        "enthusiasm",
        "I expected the council to be grey and dull, and I think she noticed, because she "
        "spent ages telling me why it's a brilliant place to work: flexitime, a decent "
        "pension, the new civic offices."),
    "a wish list that is the team's": (
        "need",
        "She said a proper data analyst has been on her wish list for two years and nobody "
        "they've interviewed can do the modelling, which is my whole job."),
}


@pytest.mark.parametrize("kind", MOOD_OVERREACHED)
def test_a_sentence_the_model_is_all_but_sure_of_passes_the_checks_on_mood(kind: str) -> None:
    signal, text = MOOD_OVERREACHED[kind]
    assert signal in spot(text, scorer=reads_everywhere(signal, 0.95)).ids
    assert signal in spot(text).ids


@pytest.mark.parametrize("kind", MOOD_OVERREACHED)
def test_below_that_certainty_the_checks_on_mood_still_decide(kind: str) -> None:
    signal, text = MOOD_OVERREACHED[kind]
    assert signal not in spot(text, scorer=reads_everywhere(signal)).ids


FLOORED = "She scribbled my name on a pad."
STATED_NEED = "She described a gap in her team that I could fill."


def test_a_rule_finding_the_model_rules_out_is_dropped() -> None:
    assert spot(FLOORED, model=False).ids == ["notes"]
    assert spot(FLOORED, scorer=reads_nothing).ids == []
    assert spot(FLOORED).ids == ["notes"]


def test_a_need_stated_as_one_stands_whatever_the_model_reads() -> None:
    assert spot(STATED_NEED, scorer=reads_nothing).ids == ["need"]


FIRM_OF_A_FAMILY = "The manager at Patel & Daughter jotted down the courses I've done."


def test_a_person_word_in_a_firms_name_is_nobody() -> None:
    jotted = reads_where("notes", "jotted")
    assert spot(FIRM_OF_A_FAMILY, scorer=jotted).ids == ["notes"]
    assert spot(FIRM_OF_A_FAMILY.replace("manager at Patel & Daughter", "manager's daughter"),
                scorer=jotted).ids == []
