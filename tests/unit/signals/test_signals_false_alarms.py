"""Kinds of false alarm the combined spotter raised on no-signal accounts, one check each.

Each kind has new sentences of its own that must stay quiet, and a near twin that
is still the signal, so a check that swallowed the signal itself would fail here.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import pytest

from infocoach.ids import Signal
from infocoach.signals import spot
from infocoach.signals.dataset import SPLITS, load_split
from tests.unit.signals.stand_ins import reads_everywhere, reads_where


@cache
def labelled_texts() -> frozenset[str]:
    """Every labelled account, lower-cased: the sentences here must be none of them. Read
    once for all the checks that say so."""
    return frozenset(r.text.lower() for split in SPLITS for r in load_split(split))

QUIET = {
    "the user's own guess": [
        "I reckon her team could use a second tester at some stage, but she never said as much.",
        "I suspect they'd want someone with my payroll background eventually; nobody told me so.",
        "Not that it came up, but I'd guess they might be short of welders by the summer.",
        "My hunch is her lab could use a second technician, though it never came up.",
    ],
    "asking for the user's questions": [
        "Halfway through, he asked me what else I wanted to know about the role.",
        "She asked if I had any more questions before she had to go.",
        "She asked what I wanted to get out of the hour and then answered everything in order.",
        "he just said 'right, what do you want to know?' and we went from there.",
        "she asked me what i wanted to cover, i asked my questions, and that was that.",
    ],
    "a question of the user's own, answered no": [
        "Did the director ask about my last job? Nope, not once.",
        "did she write anything down? no, she just listened.",
    ],
    "the user, named after the deed": [
        "Taking the notes was all on me; she just talked.",
        "The one writing everything down was me.",
    ],
    "someone besides the one the account says was met": [
        "The deputy manager quizzed me on my degree while I waited. The store manager I "
        "actually met never asked.",
        "The office manager asked about my CV on the way up. The head of finance himself "
        "went straight to my questions.",
    ],
    "a worry told as a noun": [
        "My real worry is the head of sales asking why I left banking.",
    ],
    "a need the user says they lack": [
        "He told me they badly need a qualified actuary, and I have no actuarial exams at all.",
        "Her unit is desperate for a Welsh speaker, and I can't speak a word of Welsh.",
    ],
    "what a whole field asks for": [
        "He told me which certificates you need in the construction sector.",
        "She explained what kind of portfolio is needed in the games industry generally.",
    ],
    "said without enthusiasm": [
        "He read out the holiday allowance and the pension in a flat voice.",
        "She ran through the company benefits rather unenthusiastically.",
    ],
    "staff who are not the manager": [
        "The HR rep who signed me in asked about my last two jobs.",
    ],
    "the manager's own past": [
        "He told me he jotted notes at his own interviews back when he was a graduate.",
        "She scribbled notes all the time in her first year, she said, when she was a trainee.",
    ],
    "a busy manager": [
        "Moira was completely swamped that week and cut our chat short.",
    ],
    "a weekday is not a name": [
        "A woman from the other department came by and gushed about the Thursday quiz.",
    ],
    "the user's own guess or regret": [
        "My gut says the bakery is short of a pastry chef, but the owner never said so.",
        "honestly she'd prob have taken notes, the pad was right there, but nope",
    ],
    "a need in another team or firm, said to be not the manager's": [
        "He said his brother's garage needs a mechanic, not his own workshop.",
        "Apparently a neighbouring ward is short of healthcare assistants, she said, though "
        "not her own.",
    ],
    "what might, would or was about to happen": [
        "The practice manager said she might jot a few things down next time I visit.",
        "They might quiz me about my time in retail at the second meeting.",
        "I thought he was about to ask why I left nursing, but the fire alarm went off.",
        "the depot boss said hed want to hear about my forklift tickets if i applied.",
    ],
}
STILL_FOUND = [
    ("She said her own garage needs a mechanic, not her brother's.", "need"),
    ("My gut was right: she took notes the whole time I talked.", "notes"),
    ("We talked about the sector for a while, but then she said her unit needs a data analyst "
     "right now.", "need"),
    ("He admitted his surveyors are stretched thin this winter.", "need"),
    ("She said they badly need another team lead for the night shift.", "need"),
    ("Did she ask about my background? Yes, for ages.", "background"),
    ("did he take notes? he did, pages of them.", "notes"),
    ("The store manager I actually met asked all about my time at the bakery.", "background"),
    ("My worry was for nothing: she asked all about my time at the bakery.", "background"),
    ("She asked if I'd ever run payroll, then said they've been a payroll clerk short since May.",
     "need"),
    ("I think she said they might need a tester once the new contract starts.", "need"),
    ("He asked why I think I'd be good at logistics.", "background"),
    ("She asked about my time in retail and whether I had any questions.", "background"),
    ("The HR director asked about my last two jobs.", "background"),
    ("He said they're desperate for a Welsh speaker, and I don't think they've found one.",
     "need"),
    ("She said they need someone to fill a gap in their data team.", "need"),
    ("She gushed about the pension and the four-day week.", "enthusiasm"),
    ("She took notes while I described my last job.", "notes"),
    ("He jotted a few notes for his own records as I talked.", "notes"),
    ("He said the whole claims team is swamped.", "need"),
    ("She said she has been stretched thin since her deputy left.", "need"),
    ("She said they need a field engineer for the north.", "need"),
    ("He said they need a general manager for the new site.", "need"),
    ("They need someone in the sector team by June, she said.", "need"),
    ("The practice manager jotted a few things down while I talked.", "notes"),
    ("They quizzed me about my time in retail.", "background"),
    ("He asked why I left nursing, and then the fire alarm went off.", "background"),
]


# The model reads a device or a manner as note-taking; nothing is written in these.
NOTHING_RECORDED = [
    "Throughout our chat she was glancing at her tablet between answers.",
    "His eyes kept going to his laptop screen, and he seemed tired and a bit curt.",
]
RECORDED = [
    "He had his laptop open in front of him and typed while I described my internship.",
    "She took down the name of every course I mentioned on her tablet.",
    "He hammered away at his keyboard while I described the payroll project.",
]

JOB_CLAUSE = "Femi, who heads the logistics team at the port, asked what got me into shipping."
SAID_CLAUSE = "Femi, who said the port is short of planners, asked what got me into shipping."


def test_every_sentence_here_is_new() -> None:
    known = labelled_texts()
    ours = [*(t for group in QUIET.values() for t in group), *(t for t, _ in STILL_FOUND),
            *NOTHING_RECORDED, *RECORDED, JOB_CLAUSE, SAID_CLAUSE]
    assert not any(text.lower() in known for text in ours)


@pytest.mark.parametrize("kind, text", [
    (kind, text) for kind, group in QUIET.items() for text in group
])
def test_a_false_alarm_of_this_kind_stays_quiet(kind: str, text: str) -> None:
    assert spot(text).ids == []


def test_the_users_own_gap_is_no_need() -> None:
    """"Gap" is a need cue ("a gap in the team"), but the gap in the user's CV is not the
    department's. Asking the user to account for it is probing their background, as the
    guideline and the data label it, so only the need is ruled out here."""
    assert "need" not in spot("She wanted me to account for the gap in my employment history.").ids


@pytest.mark.parametrize("text, signal", STILL_FOUND)
def test_its_near_twin_is_still_the_signal(text: str, signal: str) -> None:
    assert signal in spot(text).ids


@pytest.mark.parametrize("text", NOTHING_RECORDED)
def test_the_model_cannot_add_notes_where_nothing_is_recorded(text: str) -> None:
    assert spot(text, rules=False, scorer=reads_everywhere("notes")).ids == ["notes"]
    assert spot(text, scorer=reads_everywhere("notes")).ids == []


@pytest.mark.parametrize("text", RECORDED)
def test_the_model_adds_notes_where_something_is_recorded(text: str) -> None:
    assert spot(text, scorer=reads_everywhere("notes")).ids == ["notes"]
    assert "notes" in spot(text).ids


def test_a_clause_saying_what_the_managers_job_is_is_not_a_need() -> None:
    text = JOB_CLAUSE
    need_in_clause = reads_where("need", "who heads", opening=True)
    assert spot(text, rules=False, scorer=need_in_clause).ids == ["need"]
    assert "need" not in spot(text, scorer=need_in_clause).ids
    assert spot(text).ids == ["background"]


def test_a_clause_telling_what_the_manager_said_may_still_be_a_need() -> None:
    text = SAID_CLAUSE
    assert "need" in spot(text, scorer=reads_where("need", "who said", opening=True)).ids


def reads_at(probability: float, signal: Signal = Signal.NEED):
    """A stand-in model that gives every sentence and clause this probability of ``signal``."""
    def scorer(texts: Sequence[str]) -> list[dict[Signal, float]]:
        return [{s: probability if s is signal else 0.0 for s in Signal} for _ in texts]
    return scorer


BARE_NEED = "Ines said the yard is short of riggers this winter."
FITTING_NEED = "Ines described a need on her team that I could fill."
PRAISE_IN_PASSING = "Ines went on about the company while a forklift beeped outside."


def test_the_model_overrules_an_enthusiasm_cue_it_all_but_rules_out() -> None:
    assert spot(PRAISE_IN_PASSING, model=False).ids == ["enthusiasm"]
    assert spot(PRAISE_IN_PASSING, scorer=reads_at(0.05, Signal.ENTHUSIASM)).ids == []
    assert spot(PRAISE_IN_PASSING, scorer=reads_at(0.3, Signal.ENTHUSIASM)).ids == ["enthusiasm"]


def test_the_model_overrules_a_bare_need_cue_it_all_but_rules_out() -> None:
    assert spot(BARE_NEED, model=False).ids == ["need"]
    assert spot(BARE_NEED, scorer=reads_at(0.05)).ids == []
    assert spot(BARE_NEED, scorer=reads_at(0.3)).ids == ["need"]


def test_a_need_said_to_fit_the_user_stands_whatever_the_model_reads() -> None:
    assert spot(FITTING_NEED, scorer=reads_at(0.0)).ids == ["need"]


# A "did" set against what was not done: the model hears the negation in its words.
AFFIRMED = ["Tomas didn't ask about my background, though he did jot down my shifts.",
            "I didn't take any notes, but Tomas did."]
PLAIN_NOTES = "Tomas jotted down my shifts."


@pytest.mark.parametrize("text", AFFIRMED)
def test_a_stressed_did_stands_whatever_the_model_reads(text: str) -> None:
    assert spot(text, scorer=reads_at(0.0, Signal.NOTES)).ids == ["notes"]


def test_a_plain_notes_cue_is_still_overruled_by_the_model() -> None:
    assert spot(PLAIN_NOTES, model=False).ids == ["notes"]
    assert spot(PLAIN_NOTES, scorer=reads_at(0.0, Signal.NOTES)).ids == []


def test_the_floor_sentences_are_new() -> None:
    known = labelled_texts()
    assert BARE_NEED.lower() not in known and FITTING_NEED.lower() not in known
    assert PRAISE_IN_PASSING.lower() not in known
    assert not any(t.lower() in known for t in [*AFFIRMED, PLAIN_NOTES])


# Kinds found on chatty accounts: each must stay quiet even when the model reads its
# signal in every sentence, and its twin must then still be found.
CHATTY = {
    "a need that hangs on a contract being won": (
        "need",
        "She said if they ever win the airport contract they'd need two more schedulers, "
        "but it's a long shot.",
        "She said if someone with my scheduling background joined, they'd finally clear "
        "the backlog."),
    "a need that hangs on a budget": (
        "need",
        "He told me there might be a junior analyst post next year if the budget gets "
        "signed off.",
        "He told me there will be a junior analyst post next year, once the new budget "
        "starts."),
    "a need told hypothetically": (
        "need",
        "Hypothetically, she said, her team could use a drone pilot.",
        "Honestly, she said, her team could use a drone pilot."),
    "the user can't fill it, said in the next sentence": (
        "need",
        "Her only vacancy is for a consultant anaesthetist. Way above my level, sadly.",
        "Her only vacancy is for a junior analyst. That's exactly my level."),
    "the user is neither": (
        "need",
        "His desk wants a qualified vet who speaks Dutch, and I'm neither.",
        "His desk wants a qualified vet who speaks Dutch, and I'm both."),
    "no need, said outright": (
        "need",
        "He said the depot is fully staffed until next spring.",
        "He said the depot is short of pickers until next spring."),
    "another division's need": (
        "need",
        "She said the Lyon branch is recruiting, but that's a different division from hers.",
        "She said her own branch is recruiting, and it's the division she runs."),
    "a field's need in general": (
        "need",
        "She talked about how care homes in general can't keep staff.",
        "She talked about how her care home can't keep staff."),
    "a field's future in general": (
        "enthusiasm",
        "He got quite excited about how drones will change farming in general.",
        "He got quite excited about how his firm's drones beat every rival."),
    "typing a message to someone": (
        "notes",
        "Ms Ito kept typing an email to her finance team while I talked.",
        "Ms Ito kept typing notes while I talked."),
    "a message before the typing": (
        "notes",
        "He jumped on a quick message to his deputy, typing away, then apologised.",
        "He jumped on his laptop, typing away at my answers, then apologised."),
    "the user's own notebook": (
        "notes",
        "So I quizzed Ms Ruiz about the lab and scribbled it all in my notebook.",
        "Ms Ruiz quizzed me about the lab and scribbled it all in her notebook."),
    "the front desk": (
        "enthusiasm",
        "The lad on reception told me it's the best firm he's worked for.",
        "The director told me it's the best firm he's worked for."),
    "a busy manager who then wrapped up": (
        "need",
        "She was completely swamped, so in the end we kept it to fifteen minutes.",
        "She said her whole team is swamped, so in the end we kept it short."),
    "a heading": (
        "need",
        "Short one: she asked how I got into radiography.",
        "She said they're short one radiographer since the spring."),
    "a gap between the user's jobs": (
        "need",
        "He asked me to explain the gap between my two contracts.",
        "He said there's a gap in his team since the planner left."),
    "the user says no": (
        "need",
        "They need a chartered surveyor for the Leeds jobs, so that's a no from me.",
        "They need a trainee surveyor for the Leeds jobs, so that's a yes from me."),
    "the user couldn't": (
        "need",
        "He said they need someone to run payroll alone. I couldn't, to be fair.",
        "He said they need someone to run payroll alone. I could, to be fair."),
    "the field is the subject": (
        "need",
        "She said the whole haulage trade is struggling to find drivers.",
        "She said her haulage team is struggling to find drivers."),
    "a full team": (
        "need",
        "He just filled his last vacancy, so it's a full team for now.",
        "He still has a vacancy, so it's an open door for now."),
    "headcount stays flat": (
        "need",
        "She said they'll keep headcount flat all next year.",
        "She said there's headcount for a junior next year."),
    "a reply to someone": (
        "notes",
        "Midway she turned to her laptop and typed a reply to a supplier about a delivery.",
        "Midway she turned to her laptop and typed up what I said about my delivery job."),
    "the trainee who showed the user round": (
        "enthusiasm",
        "The trainee who showed me in adores the team and the canteen.",
        "The director who showed me in adores the team and the canteen."),
    "the same other person further on": (
        "enthusiasm",
        "The receptionist was sweet and told me how much she loves working there.",
        "The receptionist was sweet, and the director told me how much she loves working there."),
    "the user in markup": (
        "notes",
        "<i>I</i> wrote everything down as she talked.",
        "<i>She</i> wrote everything down as I talked."),
    # Kinds from dev4, written blind to the cues: hard negatives that sound like one signal.
    "a question the user put": (
        "need",
        "I asked which roles they struggle to fill at the plant.",
        "She told me which roles they struggle to fill at the plant."),
    "the user told the manager": (
        "enthusiasm",
        "Told the director their pension sounds far better than mine.",
        "The director told me their pension is far better than anyone's."),
    "the user asked the manager": (
        "background",
        "Asked Mr Osei whether my maths degree would hold me back.",
        "Mr Osei asked whether my maths degree would hold me back."),
    "a graduate who sat in": (
        "notes",
        "A graduate called Tomasz sat in and typed up everything I said.",
        "The director, Tomasz, sat down and typed up everything I said."),
    "HR sitting in": (
        "background",
        "HR sat in and quizzed me on my last two jobs.",
        "The head of HR quizzed me on my last two jobs."),
    "praise of the manager's old firm": (
        "enthusiasm",
        "She raved about her previous firm and its summer parties.",
        "She raved about her firm and its summer parties."),
    "loved it back then": (
        "enthusiasm",
        "He said he adored the place back then, before the merger.",
        "He said he adores the place, even after the merger."),
    "short-staffed when the manager started out": (
        "need",
        "When he started out the depot was so short of drivers he drove routes himself.",
        "The depot is so short of drivers that he drives routes himself."),
    "writing that turned out to be something else": (
        "notes",
        "She jotted something during my answer, but it turned out to be her shopping list.",
        "She jotted something during my answer, and it was a list of my certificates."),
    "typing in a mail app": (
        "notes",
        "He kept typing away in Outlook during our chat.",
        "He kept typing away in his notes during our chat."),
    "a generic answer": (
        "enthusiasm",
        "He gave a fairly generic answer about great people and moved on.",
        "He gave a glowing answer about his great people and moved on."),
    "small talk asked about": (
        "background",
        "She asked about my weekend and whether I'd been to the Proms yet.",
        "She asked about my last job and whether I'd been to university."),
    "asked to spell a name": (
        "background",
        "He asked me to spell my surname for his visitor log.",
        "He asked me to explain my surname change on the CV."),
    "a retraction in the next sentence": (
        "notes",
        "He kept jotting on a sticky note. It was a shopping list, as it happens.",
        "He kept jotting on a sticky note. It was my list of certificates, as it happens."),
    "one of the manager's staff": (
        "background",
        "One of her surveyors quizzed me about my fieldwork on the way out.",
        "She quizzed me about my fieldwork on the way out."),
    "a recruiter": (
        "background",
        "A recruiter rang me the day after and asked about my notice period and my degree.",
        "The director rang me the day after and asked about my notice period and my degree."),
    "heard from someone": (
        "enthusiasm",
        "Heard from Ade that the boss at his meeting raved about the pension.",
        "Ade, the boss I met, raved about the pension."),
    "somebody else's meeting with a manager, retold": (
        "enthusiasm",
        "Priyanka said when she met the head of the lab last year he was raving about the "
        "new building, unlike mine.",
        "When I met the head of the lab he was raving about the new building."),
    "hearsay told 'according to' someone": (
        "notes",
        "Apparently, according to my old flatmate, the head of the dental lab always scribbles "
        "notes when she likes someone.",
        "The head of the dental lab scribbled notes when I talked about my ceramics work."),
    "what people say on a forum": (
        "enthusiasm",
        "On the forum people say the head of the call centre raves about the place to "
        "everyone.",
        "The head of the call centre raved about the place to me."),
    "what a manager did when someone else met them": (
        "notes",
        "Tunde reckons that when he met the bakery owner she wrote down everything he said.",
        "When I met the bakery owner she wrote down everything I said."),
    "a modal question about the past": (
        "notes",
        "would she have written it down if I'd sounded keener?",
        "she wrote it down when I sounded keener."),
    "what the user planned": (
        "notes",
        "I'd planned to show him my CV so he could scribble on it, but we ran out of time.",
        "I showed him my CV and he scribbled on it before we ran out of time."),
    "a name introduced as someone else": (
        "background",
        "An HR lady called Bronwen sat in. Bronwen asked why I want to leave retail.",
        "The director, Bronwen, sat down. Bronwen asked why I want to leave retail."),
    "a need when the manager was hired": (
        "need",
        "She said when she was hired in 2019 the ward was desperate for nurses.",
        "She said the ward is desperate for nurses, as it was in 2019."),
    "an opening line": (
        "need",
        "She said the opening line of my cover letter made her smile.",
        "She said the opening on her team would suit me."),
    "headcount as a size": (
        "need",
        "Headcount's about forty across both sites, he said.",
        "He said there's headcount for a junior across both sites."),
    "corrections on the user's draft": (
        "notes",
        "He scribbled a few corrections on my draft cover letter.",
        "He scribbled a few points on his pad while I talked."),
    "a porter's pronoun": (
        "enthusiasm",
        "A porter took me up in the lift and he couldn't stop raving about the firm.",
        "The director took me up in the lift and he couldn't stop raving about the firm."),
    "me and him": (
        "background",
        "me and him went through my old jobs",
        "he went through my old jobs"),
    "praise of a sector": (
        "enthusiasm",
        "She raved about the sector, said it's never been a better time to join it.",
        "She raved about the firm, said it's never been a better time to join it."),
    "a film, not the firm": (
        "enthusiasm",
        "He was really excited about the new Bond film.",
        "He was really excited about the new office."),
    "someone else's trainee": (
        "enthusiasm",
        "Priya's trainee walked me out and gushed about the free lunches.",
        "Priya walked me out and gushed about the free lunches."),
    "another candidate": (
        "enthusiasm",
        "Another candidate in reception said the culture is amazing.",
        "The director said the culture is amazing."),
    "hearsay told earlier": (
        "background",
        "My tutor had told me her manager grilled her on why she chose law.",
        "The partner grilled me on why I chose law."),
    "not relevant to the user": (
        "need",
        "They need a radiologist. I'm a physio, so not relevant.",
        "They need a physio. I'm a physio, so very relevant."),
    "plenty of staff": (
        "need",
        "She said they don't need any more planners; three is plenty.",
        "She said they need more planners; three isn't enough."),
    "answering a supplier": (
        "notes",
        "He was typing away, but it turned out he was answering a supplier.",
        "He was typing away, and it turned out he was logging my answers."),
    "a place between someone else and a pronoun": (
        "enthusiasm",
        "The receptionist told me about the trips to Lisbon while I waited, she loves it.",
        "The director told me about the trips to Lisbon while I waited, she loves it."),
    "someone described by what they did": (
        "enthusiasm",
        "The intern who fetched my coffee kept saying it's the best firm in Bristol.",
        "The director who fetched my coffee kept saying it's the best firm in Bristol."),
    "a PA": (
        "enthusiasm",
        "The PA gave me a whole speech about how well the firm treats its people.",
        "The partner gave me a whole speech about how well the firm treats its people."),
    "short of time": (
        "need",
        "We were a bit short of time, so she wrapped up early.",
        "She said they're a bit short of welders, so she wrapped up early."),
    "a shortage across the country": (
        "need",
        "He said every bakery in the country is short of bakers.",
        "He said his bakery is short of bakers."),
    "the user shrugs after the need": (
        "need",
        "They need a qualified surveyor for the new site. I'm doing my first year, nowhere near.",
        "They need a trainee surveyor for the new site. I'm doing my first year, perfect."),
    "a claim the user made": (
        "need",
        "I mentioned they could use someone like me on the events team.",
        "She mentioned they could use someone like me on the events team."),
    "a plan for next time": (
        "enthusiasm",
        "My plan is to get her raving about the firm next time.",
        "She was raving about the firm all the way through."),
    "what the manager might want later": (
        "background",
        "He said he might want to hear about my degree if we meet again.",
        "He said he wanted to hear about my degree before we met again."),
    "notes for another meeting": (
        "notes",
        "She was scribbling notes, but for her next meeting, she said.",
        "She was scribbling notes on my answers, she said."),
    "someone who came in": (
        "background",
        "A woman from HR came in and asked about my qualifications.",
        "The head of the lab came over and asked about my qualifications."),
    "someone the user was joined by": (
        "notes",
        "We were joined by the practice manager, who kept typing notes on her laptop.",
        "We were met by the practice manager, who kept typing notes on her laptop."),
    "the manager's paralegal": (
        "enthusiasm",
        "Her paralegal Jon walked me out and gushed about the bonuses.",
        "Ms Cole walked me out and gushed about the bonuses."),
    "the manager's deputy": (
        "need",
        "His deputy said they're hiring pickers for the night shift.",
        "He said they're hiring pickers for the night shift."),
    "a relative named after the need": (
        "need",
        "My uncle's foreman said they will need a tractor driver by May.",
        "She said they will need a tractor driver by May - I drove one on my uncle's farm."),
    "a need already met": (
        "need",
        "She said the lab had been a technician down since spring, but they've already made "
        "an offer to someone who starts next month.",
        "She said the lab has been a technician down since spring and still can't find one."),
    "a need met by people already promised to it": (
        "need",
        "She said the new bakery line will need two shift leads, but they've already got "
        "both from the old line.",
        "She said the new bakery line will need two shift leads, and they've got neither yet."),
    "a need staffed by transfers": (
        "need",
        "He said the second warehouse is opening in June, but it'll be run by transfers "
        "from the first one.",
        "He said the second warehouse is opening in June and will need pickers from outside."),
    "a team not backfilling": (
        "need",
        "She said her team lost a planner in May and they aren't backfilling because of a "
        "headcount freeze.",
        "She said her team lost a planner in May and they're backfilling the post as soon as "
        "they can."),
    "a need met, told in the next sentence": (
        "need",
        "He mentioned they were after a CAD drafter all winter. They filled it in March "
        "with someone from the Derby office.",
        "He mentioned they've been after a CAD drafter all winter and haven't filled it."),
    "a need outside the user's trade": (
        "need",
        "Her new depot will need two HGV mechanics, which isn't my trade at all - I train "
        "forklift drivers.",
        "Her new depot will need two forklift trainers, which is exactly what I do."),
    "a need the user plainly lacks, with an adverb": (
        "need",
        "He said the clinic needs a locum with a prescribing licence, which I obviously "
        "don't have.",
        "He said the clinic needs a locum with a prescribing licence, which I got last year."),
    "a fear of being asked": (
        "background",
        "I was dreading that Ms Obi, who runs the claims desk, would quiz me on why I left "
        "teaching.",
        "Ms Obi, who runs the claims desk, quizzed me on why I left teaching."),
    "the user's impression": (
        "need",
        "I got the impression the brewery could use someone with my lab background, though "
        "the head brewer never said so.",
        "The head brewer said the brewery could use someone with my lab background."),
    "a notepad never written in": (
        "notes",
        "Kerry had a notepad by her mug but never wrote a thing in it while I talked about "
        "my placement.",
        "Kerry had a notepad by her mug and kept writing in it while I talked about my "
        "placement."),
    "writing excused as something else": (
        "notes",
        "He was scribbling on a pad the whole time, then apologised and said he was finishing "
        "the duty rota.",
        "He was scribbling on a pad the whole time about my placement, then apologised for "
        "the scratchy pen."),
    "someone who brought the user in": (
        "enthusiasm",
        "The office coordinator who let me in raved about the firm and its four-day week.",
        "Dr Shaw, who let me in himself, raved about the firm and its four-day week."),
    "a pronoun right after someone else's clause": (
        "enthusiasm",
        "I met the head of finance, and the guard on the gate was a character - he kept "
        "saying it's the best employer in town.",
        "I met the head of finance, and she was a character - she kept saying it's the best "
        "employer in town."),
    "a role being cut": (
        "need",
        "She said they've had a junior buyer post open since May, but it's being cut in the "
        "reorganisation.",
        "She said they've had a junior buyer post open since May and nobody suitable has "
        "applied."),
    "roles going to existing staff": (
        "need",
        "He said the new Derby warehouse will need shift leads, but they'll all come from "
        "existing staff.",
        "He said the new Derby warehouse will need shift leads, and I've led shifts for years."),
    "a gap covered by a contractor": (
        "need",
        "Her team needed someone for the data migration, but they hired a contractor in June.",
        "Her team needs someone for the data migration, and I did exactly that in June."),
    "no need, said in the next sentence": (
        "need",
        "I said I'd heard they need more sonographers. She said they're actually fully "
        "staffed.",
        "She said they need more sonographers. She said they've been short since winter."),
    "the user's own run of clauses": (
        "notes",
        "Early on, I got my pad out and kept scribbling while the head chef talked about "
        "the rota.",
        "Early on, the head chef got a pad out and kept scribbling while I talked about "
        "my placements."),
    "courting the user, not a need": (
        "need",
        "She spent the hour basically trying to recruit me - the pension, the sabbaticals.",
        "She said they're trying to recruit two more surveyors - exactly my line."),
    "a need the user has none of": (
        "need",
        "she said they've been hunting for a cath lab nurse since spring... I'm a student "
        "with none of that",
        "she said they've been hunting for a cath lab nurse since spring... I've done four "
        "years in a cath lab"),
    "what the manager would normally do": (
        "notes",
        "He said he'd usually jot things down in these chats but he'd lost his pen, so he "
        "just listened.",
        "He said he always jots things down in these chats, and he did, the whole time."),
    "writing that was nothing about the user": (
        "notes",
        "The duty manager kept scribbling on a clipboard, but it was all delivery times, "
        "nothing about me.",
        "The duty manager kept scribbling on a clipboard while I ran through my shifts."),
    "a notebook brought out but not written in": (
        "notes",
        "he took out a notebook to show me a sketch of the new layout, didn't write a word "
        "about me",
        "he took out a notebook and wrote down every course I mentioned"),
    "a gap since closed": (
        "need",
        "The fleet manager said they were a mechanic down over winter, but they've since "
        "automated the inspections and they're fine now.",
        "The fleet manager said they've been a mechanic down all winter and it's hurting."),
    "the manager's own boss": (
        "background",
        "Halfway through, the manager's director put her head round the door and asked why "
        "I wanted to work in housing.",
        "Halfway through, the manager put her pen down and asked why I wanted to work in "
        "housing."),
    "praise, not a bare topic": (
        "enthusiasm",
        "Then we talked about the company for a bit - the canteen, the car park.",
        "Then he got really fired up talking about the company - the canteen, the car park."),
    "a need the user has neither skill for": (
        "need",
        "She said they'd love someone with a forklift licence and a first-aid ticket. I have "
        "neither.",
        "She said they'd love someone with a forklift licence and a first-aid ticket. I have "
        "both."),
    # Kinds from batch 53 (several people from the company in the room), each read
    # wrongly before: the one named with "'s", "was joined by", an HR partner, whoever
    # came with the manager.
    "the manager's boss who popped in": (
        "notes",
        "Rosa's boss popped in and scribbled something on a sticky note before leaving.",
        "Rosa's boss popped in to say hi; once he'd gone, Rosa scribbled my answers on a "
        "sticky note."),
    "an HR business partner": (
        "notes",
        "The HR business partner kept typing on her laptop while I answered.",
        "The operations director kept typing on her laptop while I answered."),
    "someone else the user could see typing": (
        "notes",
        "I could see the intern typing into a doc on her second screen while I talked.",
        "I could see her typing into a doc on her second screen while I talked."),
    "the one the user's friend came to see": (
        "notes",
        "The practice manager's assistant - the person my friend had come to see - kept "
        "tapping notes into an iPad.",
        "The practice manager - the person I'd actually come to see - kept tapping notes "
        "into an iPad."),
    "whoever came with the manager": (
        "enthusiasm",
        "The supervisor who came with him couldn't stop saying how much she loves working "
        "there.",
        "The supervisor who met me couldn't stop saying how much she loves working there."),
    "the manager asking what the user would like to know": (
        "background",
        'Right at the start he said, "So, what would you like to know?" and I went through '
        'my list.',
        'Right at the start he said, "So, why do you want to leave nursing?" and I went '
        'through my story.'),
    "someone else's meeting, retold": (
        "enthusiasm",
        "Tom told me his chat with the hotel manager turned into a big sales pitch for the "
        "hotel.",
        "The hotel manager turned our chat into a big sales pitch for the hotel."),
    "loving the trade, not the employer": (
        "enthusiasm",
        "She said she loves being a midwife and would never do anything else.",
        "She said she loves being at the trust and would never work anywhere else."),
    "cynical about the firm": (
        "enthusiasm",
        "He was pretty cynical about the firm and its amazing perks.",
        "He was pretty proud of the firm and its amazing perks."),
}


# Kinds the rules read from a cue: quiet with the real model, and the rules
# alone still find the twin.
CUE_CHATTY = {
    "the user's writing after asking the manager": (
        "notes",
        "I asked Marta about her first year on the wards and jotted down everything she said.",
        "I asked Marta about her first year on the wards and she jotted down everything I "
        "said."),
    "writing shown after a dash to be a quote": (
        "notes",
        "Halfway through she picked up a pen and started writing - she was doing a quote for "
        "a customer on the phone.",
        "Halfway through she picked up a pen and started writing down the courses I had done."),
    "an appointment written down": (
        "notes",
        "The practice manager wrote down a dentist appointment for herself halfway through.",
        "The practice manager wrote down the courses I had done halfway through."),
    "writing shown to be delivery tickets": (
        "notes",
        "He kept writing the whole time, but it was delivery tickets for the van outside.",
        "He kept writing the whole time while I described my shifts at the depot."),
    "a name given with someone else's title, named again": (
        "background",
        "The depot manager let his assistant Petra run the meeting, and it was Petra who "
        "asked why I left the army.",
        "The depot manager, Petra, ran the meeting, and it was Petra who asked why I left "
        "the army."),
    "a name from HR": (
        "enthusiasm",
        "Priti from HR raved about the company while we waited for the lift.",
        "Priti, the warehouse manager, raved about the company while we waited for the lift."),
    "someone else first, then the manager after a 'but'": (
        "enthusiasm",
        "Priti from HR raved about the company, and the warehouse manager said nothing much.",
        "Priti from HR said nothing much, but the warehouse manager raved about the company."),
    "someone else, then '(not the manager)'": (
        "notes",
        "The HR adviser on the video call (not the line manager) kept typing notes as I "
        "talked.",
        "The line manager on the video call kept typing notes as I talked."),
    "a grad in the clause that tells it": (
        "notes",
        "Kofi had a graduate with him on the call, and the grad was the one typing notes.",
        "Kofi had a graduate with him on the call, but Kofi was the one typing notes."),
    "an amount, not praise": (
        "enthusiasm",
        "He was on a call for a good chunk of it, which was odd.",
        "He was on about how good the company is for most of it."),
    "praise of the user's work": (
        "enthusiasm",
        "She was very enthusiastic about my thesis topic and said it deserves a paper.",
        "She was very enthusiastic about the lab and said it deserves its awards."),
    "the user's impression after naming the manager": (
        "enthusiasm",
        "I met the head of a small brewery. Lovely studio upstairs, very chilled vibe.",
        "I met the head of a small brewery. Lovely studio upstairs, she said proudly."),
    "loving the user's work": (
        "enthusiasm",
        "She said she'd seen my illustrations online and loved the colours.",
        "She said she'd seen my illustrations online and loves the studio."),
    "a venue opening": (
        "need",
        "She was thrilled about the new café opening in March.",
        "She said there's an opening in the new café in March."),
    "note-taking as a purpose": (
        "notes",
        "Next time I'll bring a printout so she has something to scribble on.",
        "She started to scribble on a printout while I talked."),
    "a heading without a colon": (
        "need",
        "Short one today. He asked where I trained.",
        "He said they're short one nurse today."),
    "someone besides the one the user came to see": (
        "background",
        "The head of IT sat with us and asked about my background. The finance director, "
        "who I'd actually come to see, barely spoke.",
        "The head of IT barely spoke. The finance director, who I'd actually come to see, "
        "asked about my background."),
    "someone besides the manager 'herself'": (
        "enthusiasm",
        "The HR business partner talked up the pension and the gym. The plant manager "
        "herself just answered my questions.",
        "The plant manager herself talked up the pension and the gym, and was lovely."),
    "the same title told apart from the one met": (
        "notes",
        "The office manager typed notes on her laptop. The practice manager I'd asked to "
        "meet just listened.",
        "The office manager just listened. The practice manager I'd asked to meet typed "
        "notes on her laptop."),
    "a negation carried by 'or'": (
        "notes",
        "He didn't open his laptop or type anything while I talked about my degree.",
        "He opened his laptop and typed away while I talked about my degree."),
    "a need someone is lined up for": (
        "need",
        "He said the yard needs a crane operator, but his cousin is lined up for it.",
        "He said the yard needs a crane operator, and I've driven cranes for years."),
    "a need they hired for": (
        "need",
        "She said the lab was short of phlebotomists, but they hired three last month.",
        "She said the lab was short of phlebotomists, and I trained as one last year."),
    # From batch 53: the manager's staff named by a title again later, and a "who"
    # that is the companion the manager brought; each flagged before.
    "a title given to the manager's staff, used again": (
        "need",
        "I met Ingrid with one of her shift leads. The shift lead said they're desperate for "
        "forklift drivers; Ingrid never mentioned staffing.",
        "I met Ingrid with one of her shift leads. Ingrid said they're desperate for forklift "
        "drivers; the shift lead never mentioned staffing."),
    "the companion the manager brought": (
        "notes",
        "The clinic director brought a dental hygienist along, who jotted down everything I "
        "said.",
        "The clinic director brought a dental hygienist along, then jotted down everything I "
        "said."),
    "a drawing made for the user": (
        "notes",
        "She grabbed a notepad and drew me a map of how the three warehouses connect.",
        "She grabbed a notepad and wrote down the three warehouses I'd worked in."),
    "the user's guess that neither of them voiced": (
        "need",
        "I reckon they could use someone like me down the line, but neither Omar nor his "
        "boss said anything like that.",
        "I reckon they could use someone like me down the line, and Omar said as much: they "
        "need someone with my skills."),
    # Enthusiasm told as selling the place or setting it above the rest (batches 51-54
    # missed these): each twin was missed by the rules before.
    "the user talked the company up": (
        "enthusiasm",
        "I talked the company up to my sister afterwards; Lena herself was pretty neutral "
        "about it.",
        "Lena talked the practice up for most of the hour."),
    "the user did the selling": (
        "enthusiasm",
        "I did a sales job on Mr Park about my own skills.",
        "Mr Park did a sales job on me about the studio."),
    "a cousin's firm beats the rest": (
        "enthusiasm",
        "My cousin swears her bakery beats every other in the county.",
        "Ms Ito said their bakery beats every other in the county."),
    "the worst place ever worked": (
        "enthusiasm",
        "She said her last employer was the worst place she'd ever worked.",
        "She said this is the nicest place she'd ever worked."),
    "the user's view of the firm": (
        "enthusiasm",
        "I told Omar I think his firm is miles ahead of the others.",
        "Omar said his firm is miles ahead of the others."),
    # Needs told as a team some people down, or good people hard to find.
    "the user's old team some people down": (
        "need",
        "My old team was always one analyst down, which is why I burned out.",
        "She said her team has been one analyst down since the spring."),
    "the user finds good people hard to find": (
        "need",
        "I told him it's hard to find good electricians where I live.",
        "He said it's hard to find good electricians these days."),
    "the user's own depot is short": (
        "need",
        "I grumbled that we're down two drivers at my current depot.",
        "He grumbled that they're down two drivers at the depot."),
    # From batches 55-58: a post to fill is nobody in the room, a ward sister is a
    # nurse in charge, and "couldn't hide how proud" is no negation.
    "someone else's praise, beside a post to fill": (
        "enthusiasm",
        "The receptionist who showed me in couldn't say enough good things about the place.",
        "The manager said they'll need a receptionist soon, and she couldn't say enough good "
        "things about the place."),
    "the user's sister": (
        "background",
        "My sister asked why I'd switched from paramedic science to nursing.",
        "The ward sister asked why I'd switched from paramedic science to nursing."),
    "the user's own pride": (
        "enthusiasm",
        "I couldn't hide how proud I was of my old team.",
        "She couldn't hide how proud she is of her team."),
    # Professionals met in their own field, unless the job is the user's.
    "the user is the nurse": (
        "notes",
        "I told her I'm a staff nurse. Took notes on everything she said.",
        "The charge nurse had a pad out and jotted down everything I said."),
    "the user is the analyst": (
        "notes",
        "As an analyst myself, I typed notes throughout.",
        "The senior associate typed notes throughout."),
    "the security guy's praise": (
        "enthusiasm",
        "The security guy at the gate told me it's a great place to work.",
        "The site manager at the gate told me it's a great place to work."),
    "review sites raving": (
        "enthusiasm",
        "Glassdoor reviews rave about the culture there.",
        "Mr. Okafor raved about the culture there."),
    "the one who joined the manager": (
        "background",
        "The ward sister, Ms Obi, was joined halfway through by the unit manager, who asked "
        "me why I left teaching.",
        "The ward sister, Ms Obi, was joined halfway through by the unit manager. Before "
        "that, Ms Obi had asked me why I left teaching."),
    "pages the user filled": (
        "notes",
        "I filled three pages of my notebook while she talked.",
        "She filled three pages of her notebook while I talked."),
    "an apology for writing something else, or for another deed": (
        "notes",
        "Mx Achebe typed on a laptop while I described my thesis, then apologised for "
        "answering an email.",
        "Mx Achebe typed on a laptop while I described my thesis. A courier buzzed and they "
        "apologised for dashing off to sign for it."),
    "a deputy beside the one met, or the deputy the user came to meet": (
        "enthusiasm",
        "The deputy principal gushed about the college; the principal, whom I'd come to "
        "meet, just went through the timetable.",
        "chat w the deputy principal: she gushed about the college, best place she's taught "
        "by miles"),
    "a wish that the manager had said it": (
        "need",
        "I was secretly wishing she'd say they needed someone with my CAD skills, but it never "
        "came up.",
        "The warehouse manager said they need a planner like me before the peak season."),
    "a skill the user can barely claim": (
        "need",
        "The garage owner said they need a qualified MOT tester. I can barely check my own "
        "oil lol",
        "The garage owner said they need a qualified MOT tester, and I qualified in June."),
    "good people lost, told in a complaint": (
        "enthusiasm",
        "She spent ages moaning about head office, the pay freeze, and how they have lost good "
        "people to the big agencies.",
        "She grumbled about the pay freeze, but then spent ages raving about the company and "
        "its four-day week."),
}


@pytest.mark.parametrize("kind", CHATTY)
def test_a_chatty_false_alarm_stays_quiet_whichever_layer_reads_it(kind: str) -> None:
    signal, quiet, _ = CHATTY[kind]
    assert signal not in spot(quiet).ids
    assert signal not in spot(quiet, scorer=reads_everywhere(signal)).ids


@pytest.mark.parametrize("kind", CHATTY)
def test_its_chatty_twin_is_still_the_signal(kind: str) -> None:
    signal, _, twin = CHATTY[kind]
    assert signal in spot(twin, scorer=reads_everywhere(signal)).ids


@pytest.mark.parametrize("kind", CUE_CHATTY)
def test_a_chatty_cue_false_alarm_stays_quiet(kind: str) -> None:
    signal, quiet, twin = CUE_CHATTY[kind]
    assert signal not in spot(quiet).ids
    assert signal in spot(twin, model=False).ids


def test_praise_inside_a_complaint_is_no_enthusiasm_to_the_rules_either() -> None:
    """The rules' own reading: the model alone used to be what kept this quiet."""
    _, quiet, twin = CUE_CHATTY["good people lost, told in a complaint"]
    assert "enthusiasm" not in spot(quiet, model=False).ids
    assert "enthusiasm" in spot(twin, model=False).ids


@pytest.mark.parametrize("text", [
    "She would not stop talking about how great the firm is.",
    "he wouldn't stop going on about how good his team is",
    "Honestly, she never stopped raving about the company.",
    "The depot boss wouldn't shut up about how brilliant the firm is to work for.",
    "she wouldnt shut up about how good the trust is to work for lol",
])
def test_a_manager_who_would_not_stop_praising_is_enthusiastic(text: str) -> None:
    assert spot(text, model=False).ids == ["enthusiasm"]


def test_me_and_the_manager_is_we_so_the_coach_asks() -> None:
    reading = spot("Me and the director went through my background for a while.")
    assert reading.ids == [] and reading.unclear == (Signal.BACKGROUND,)
    # Its twin, by the rules (the model reads this short sentence near its floor, so a
    # retrained model may drop it either way).
    assert spot("The director went through my background for a while.",
                model=False).ids == ["background"]


# Kinds where who told it decides, read by a stand-in model that reads the signal only in
# the sentence and the clause that hold ``phrase``, as a real model does: the checks on
# the clause it is told in must then carry the whole sentence with them.
WHO_TOLD = {
    "a business partner named without commas": (
        "background", "asked me loads",
        "I met Owen, the owner, and his business partner Priyanka came along. Priyanka asked me "
        "loads about my years in retail banking.",
        "I met Owen, the owner, and his business partner Priyanka came along. Owen asked me "
        "loads about my years in retail banking."),
    "a trainee who sat in, in the clause the praise is told in": (
        "enthusiasm", "spoke warmly",
        "The interview was also attended by Ms Cole, a graduate trainee, who spoke warmly about "
        "the firm's culture and its socials.",
        "The interview was with Mr Price, the plant manager, who spoke warmly about the firm's "
        "culture and its socials."),
    "'he was the one who', when someone else sat in": (
        "enthusiasm", "raving",
        "The head of sales had one of his account managers sit in. He was the one who kept "
        "raving about the bonuses and the trips.",
        "The head of sales met me on his own. He was the one who kept raving about the bonuses "
        "and the trips."),
    "someone named after the act, with no verb of their own": (
        "enthusiasm", "best lab",
        "- he wrote down my grades\n- my old tutor told me it's the best lab in the region to "
        "work in",
        "- he wrote down my grades and my old tutor\n- told me it's the best lab in the region "
        "to work in"),
    "asking, with no subject, what the manager loves about the place": (
        "enthusiasm", "loves about working",
        "asked what she loves about working at the depot and she shrugged.",
        "she told me what she loves about working at the depot and beamed."),
    "the user's own question, in a transcript with the manager": (
        "background", "how did you end up",
        "Me: So how did you end up in claims?\nMs Reyes: A temp job, years ago.",
        "Ms Reyes: So how did you end up wanting to do claims?\nMe: A temp job at an insurer, "
        "years ago."),
    "the user's own praise, in a transcript with a manager labelled by job": (
        "enthusiasm", "best depot",
        "Me: Honestly it looks like the best depot in the county.\nJo (depot manager): It has "
        "its days.",
        "Jo (depot manager): Honestly, best depot in the county, and the pension's great.\n"
        "Me: Good to hear."),
}


@pytest.mark.parametrize("kind", WHO_TOLD)
def test_told_by_someone_else_stays_quiet(kind: str) -> None:
    signal, phrase, quiet, _ = WHO_TOLD[kind]
    assert signal not in spot(quiet, scorer=reads_where(signal, phrase)).ids


@pytest.mark.parametrize("kind", WHO_TOLD)
def test_told_by_the_manager_is_still_the_signal(kind: str) -> None:
    signal, phrase, _, twin = WHO_TOLD[kind]
    assert signal in spot(twin, scorer=reads_where(signal, phrase)).ids


@pytest.mark.parametrize("text", [
    "Coach: So what did he ask you?\nMe: Everything: why law, which firms, what I did on "
    "the front desk.",
    "Coach: And then?\nMe: Then she wanted to know why law, which firms, all of it.",
])
def test_the_users_turn_telling_someone_else_of_the_meeting_is_still_the_signal(
        text: str) -> None:
    """Only a turn said to the manager is the user's own doing: here the manager never
    speaks, and the user's turn is their story of the meeting."""
    assert spot(text, scorer=reads_where("background", "why law")).ids == ["background"]


# False alarms of the rules' own reading, which a model trained on such accounts hid: the
# rules alone must stay quiet, and find the twin.
RULE_ALARMS = {
    "'so, no' after the need": (
        "need",
        "He said the kitchen is short of a pastry chef. I'm an accountant, so, no.",
        "He said the kitchen is short of a pastry chef. I trained as one, so, yes!"),
    "'way above me'": (
        "need",
        "She said they need a head of data science. I'm an intern, that's way above me.",
        "She said they need a junior data analyst, which is exactly me."),
    "'so no' ending the account": (
        "need",
        "he said they've got a vacancy for a senior surveyor but i'm a trainee so no",
        "he said they've got a vacancy for a trainee surveyor and i'm a trainee so yes"),
    "writing that is 'nothing to do with me'": (
        "notes",
        "He kept writing on the flip chart - the delivery schedule, nothing to do with "
        "me.",
        "He kept writing on his pad - my dates and the courses I'd done."),
    "notes typed 'on my phone'": (
        "notes",
        "typed notes on my phone the whole time while the head brewer talked me through "
        "the brewhouse.",
        "typed notes on her phone the whole time while I talked her through my brewing "
        "course."),
    "what she 'was going to' say": (
        "enthusiasm",
        "I think he was going to tell me about the perks of working there, but his next "
        "meeting started.",
        "He told me all about the perks of working there before his next meeting started."),
    "what the user 'had planned for' her to do": (
        "background",
        "I had planned for her to quiz me on my dissertation, but she ran out of time.",
        "She quizzed me on my dissertation until she ran out of time."),
    "the user 'assuming' a need": (
        "need",
        "I'm assuming they need someone like me, since the careers page has an old advert "
        "up.",
        "She said they need someone like me for the events team."),
    "what 'ideally' happens": (
        "enthusiasm",
        "Ideally the manager talks about how great it is to work there, so I can judge "
        "it.",
        "The manager talked about how great it is to work there, so I could judge it."),
    "a rumour": (
        "need",
        "Rumour has it the lab down the corridor is short of technicians.",
        "She said the lab is short of technicians."),
    "the grapevine": (
        "need",
        "I heard on the grapevine that the depot is desperate for drivers.",
        "He said the depot is desperate for drivers."),
    "a guess on a hyphenated cue": (
        "need",
        "My gut says the kitchen is short-staffed, though the chef never said it.",
        "The chef said the kitchen is short-staffed."),
    "the user asking someone named first": (
        "enthusiasm",
        "I asked the head chef (Marco) what's good about working there and he just shrugged.",
        "The head chef (Marco) told me what's good about working there and beamed."),
    "notes taken, unnamed, while someone else talked": (
        "notes",
        "Scribbled a few notes on a beer mat while the brewery owner talked me through the "
        "canning line.",
        "Scribbled a few notes on a beer mat while I talked him through my canning experience."),
    "a form's line of what the manager asked, naming only the user's questions": (
        "background",
        "Who I met: Ana, ward manager at the children's hospital\nWhat she asked: just what I "
        "wanted to get out of the chat\nWhat I learned: my degree counts for the band 5 posts",
        "Who I met: Ana, ward manager at the children's hospital\nWhat she asked: what I did "
        "on my placements and why paediatrics\nWhat I learned: my degree counts for the band 5 "
        "posts"),
    "asking what the user wanted to know, then answering their list": (
        "background",
        "She asked what I wanted to know and then went through my list of questions one by one.",
        "She asked what I did in my last job and then went through my list of questions one by "
        "one."),
    "a need for one trade, and the user names another as theirs": (
        "need",
        "He said they're desperate for a qualified plasterer. I'm a florist.",
        "He said they're desperate for a qualified plasterer. I'm a plasterer."),
    "'not quite my area' after the need": (
        "need",
        "She said they need someone to sort out the server room. Not quite my area, I'm in HR.",
        "She said they need someone to sort out the server room. Exactly my area, I'm in IT."),
    "someone from another team, named after a comma": (
        "background",
        "The director brought along a colleague from the audit team, Raoul, who asked all about "
        "my time at the bank and why audit.",
        "The director, Raoul, asked all about my time at the bank and why audit, with a "
        "colleague from the audit team there too."),
    "'a guy from' some team": (
        "background",
        "In the canteen queue a lady from payroll asked about my time at the council and why "
        "I'm leaving.",
        "In the canteen queue the payroll manager asked about my time at the council and why "
        "I'm leaving."),
    "another meeting, set against today's": (
        "background",
        "Today's chat with Ines at the port was all facts. Last week Andy asked me loads about "
        "my army background and why I want logistics.",
        "Last week's chat with Andy was all facts. Today Ines asked me loads about my army "
        "background and why I want logistics."),
    "someone's praise, set against the manager's own plain manner": (
        "enthusiasm",
        "A baker walked past and shouted that it's the best bakery in town to work for. The "
        "manager herself just carried on explaining the ovens.",
        "A baker walked past and waved. The manager herself said it's the best bakery in town "
        "to work for, then carried on explaining the ovens."),
    "the manager's own staff gushing, the manager named as their owner": (
        "enthusiasm",
        "Dr Shah's practice nurse gushed about the practice and its perks for ten minutes. Dr "
        "Shah herself was pretty brief.",
        "Dr Shah gushed about the practice and its perks for ten minutes. The practice nurse "
        "herself was pretty brief."),
    "asking, with no subject, what the manager loves about the place": (
        "enthusiasm",
        "asked what she loves about working at the depot and she just shrugged.",
        "she said she loves working at the depot and then she shrugged."),
    "'I thought she'd at least jot something down'": (
        "notes",
        "I thought she'd at least jot something down when I mentioned my forklift ticket, but "
        "nothing.",
        "I thought she was just being polite, but she did jot something down when I mentioned "
        "my forklift ticket."),
    "a need met since: finally hired": (
        "need",
        "She said the wards were desperate for phlebotomists until they finally hired two in "
        "May.",
        "She said the wards were desperate for phlebotomists and still are."),
    "a need for one language, and the user speaks others": (
        "need",
        "She said they're desperate for a Welsh speaker on the helpline. I speak French and "
        "German.",
        "She said they're desperate for a Welsh speaker on the helpline. I speak Welsh and "
        "German."),
    "according to Glassdoor": (
        "enthusiasm",
        "according to glassdoor everyone loves working at the agency.",
        "the account director said everyone loves working at the agency."),
}


# The manager handing the meeting over to the user's questions, read by a stand-in model
# that reads a probe of the user's background where the manager speaks (``phrase``), as
# the real one did: only the twin asks of the past.
HANDED_OVER = [
    ("said, 'right,",
     "He said, 'right, what did you want to ask me?' and then answered my questions for half "
     "an hour.",
     "He said, 'right, why did you leave the army?' and then answered my questions for half "
     "an hour."),
    ("she goes",
     "so she goes 'what do you want to know' and answered my questions for like 20 mins",
     "so she goes 'why do you want to switch' and answered my questions for like 20 mins"),
]


@pytest.mark.parametrize("phrase, quiet, twin", HANDED_OVER)
def test_handing_over_to_the_users_questions_is_no_probe(phrase: str, quiet: str,
                                                         twin: str) -> None:
    reader = reads_where("background", phrase)
    assert spot(quiet, scorer=reader).ids == []
    assert spot(twin, scorer=reader).ids == ["background"]


# Checks that dropped a signal the model read, each with a twin the check must still stop.
# Read by a stand-in model that reads the signal in every sentence and clause.
OVERCAUTIOUS = {
    "the user's name and email are no message": (
        "notes",
        "He wrote my name and email on the back of a delivery note while I talked.",
        "He was typing a reply to an email while I talked."),
    "'on the back when' is no past": (
        "notes",
        "She turned the agenda over and started scribbling on the back when I mentioned my "
        "forklift licence.",
        "She said she scribbled notes on everything back when she was a trainee."),
    "'I can't find anyone', quoted, is the manager's lack": (
        "need",
        'He said, "I\'ve been after a welder for months and I can\'t find anyone."',
        "He said they've been after a welder for months. I can't weld."),
    "a wish in a later clause than the act": (
        "background",
        "He went through my CV line by line, then asked why, after ten years, I wish to leave "
        "teaching.",
        "I wish he had gone through my CV line by line."),
    "a question about the user's course is no small talk": (
        "background",
        "She asked what bands I grew up on and what I did on my sound engineering course.",
        "She asked what bands I grew up on and whether the parking was OK."),
}


@pytest.mark.parametrize("kind", OVERCAUTIOUS)
def test_a_check_no_longer_drops_the_signal(kind: str) -> None:
    signal, found, _ = OVERCAUTIOUS[kind]
    assert signal in spot(found, scorer=reads_everywhere(signal)).ids


@pytest.mark.parametrize("kind", OVERCAUTIOUS)
def test_the_check_still_drops_its_twin(kind: str) -> None:
    signal, _, quiet = OVERCAUTIOUS[kind]
    assert signal not in spot(quiet, scorer=reads_everywhere(signal)).ids


@pytest.mark.parametrize("kind", RULE_ALARMS)
def test_the_rules_alone_stay_quiet_on_it(kind: str) -> None:
    signal, quiet, _ = RULE_ALARMS[kind]
    assert signal not in spot(quiet, model=False).ids


@pytest.mark.parametrize("kind", RULE_ALARMS)
def test_the_rules_alone_still_find_its_twin(kind: str) -> None:
    signal, _, twin = RULE_ALARMS[kind]
    assert signal in spot(twin, model=False).ids


# Each table's accounts, past its signal (and the phrase a stand-in model reads): none may
# be a labelled account, so every kind is tested on words the data never had.
NEW_SENTENCES = {
    "chatty": [t for _, *texts in CHATTY.values() for t in texts],
    "who told": [t for _, _, *texts in WHO_TOLD.values() for t in texts],
    "handed over": [t for _, *pair in HANDED_OVER for t in pair],
    "overcautious": [t for _, *texts in OVERCAUTIOUS.values() for t in texts],
    "rule alarms": [t for _, *texts in RULE_ALARMS.values() for t in texts],
}


@pytest.mark.parametrize("table", NEW_SENTENCES)
def test_the_sentences_of_each_table_are_new(table: str) -> None:
    known = labelled_texts()
    assert not any(t.lower() in known for t in NEW_SENTENCES[table])
