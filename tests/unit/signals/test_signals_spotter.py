"""The spotter reads what people actually write: who did it, negation, mood, paraphrase."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from infocoach.coaching.next_steps import clarifying_question
from infocoach.ids import Signal
from infocoach.signals import spot
from infocoach.signals.pipeline import pipeline
from infocoach.signals.sentences import starts
from infocoach.signals.spotter import _actor_finder, normalize


def ids(text: str) -> list[str]:
    return spot(text).ids


def _bounds(doc: Doc) -> list[tuple[int, int]]:
    first = starts(doc)
    return list(zip(first, [*first[1:], len(doc)], strict=True))


@pytest.mark.parametrize("actor", ["He", "She", "They", "The manager", "Priya", "Ms. Alvarez"])
def test_manager_note_taking_is_a_signal(actor: str) -> None:
    assert ids(f"{actor} took notes while I talked.") == ["notes"]


def test_first_person_note_taking_is_not_a_signal() -> None:
    assert ids("I took notes the whole time.") == []
    assert ids("i took a ton of notes, he just talked about the industry") == []


def test_first_person_question_about_the_managers_background_is_not_a_signal() -> None:
    assert ids("I asked about his background.") == []
    assert ids("I told her about my background and why I want to switch.") == []


def test_someone_else_taking_notes_is_not_a_signal() -> None:
    assert ids("My friend who came along took notes for me.") == []


def test_my_interviewer_is_the_manager_but_my_manager_is_someone_else() -> None:
    assert ids("My interviewer kept scribbling in her notebook.") == ["notes"]
    assert ids("My manager took notes when I described the meeting.") == []


def test_a_capitalised_function_word_is_not_a_name() -> None:
    # "The" is not a manager called The: who took the notes is unclear.
    reading = spot("The recruiter took notes.")
    assert reading.ids == [] and reading.ambiguous and clarifying_question(reading)
    assert ids("Here, my boss took notes.") == []


def test_the_i_of_a_relative_clause_does_not_take_over_the_next_verb() -> None:
    text = "she took notes on everything i said and asked about my time at the bank"
    assert ids(text) == ["background", "notes"]


def test_passive_question_about_my_background_is_a_signal() -> None:
    assert ids("I was asked a lot about my previous roles.") == ["background"]


@pytest.mark.parametrize(
    "text",
    [
        "He didn't take any notes.",
        "She never asked about me.",
        "No mention of openings.",
        "They're not hiring right now.",
        "He asked no questions about my experience.",
        "The boss wasn't enthusiastic about the company at all.",
        "Nobody took notes.",
    ],
)
def test_negated_signal_is_not_reported(text: str) -> None:
    assert ids(text) == []


def test_negation_scope_ends_at_but() -> None:
    assert ids("She didn't take notes, but asked about my background") == ["background"]


def test_negation_scope_ends_at_other_than() -> None:
    text = "Nothing much to report other than that she jotted down my shift pattern."
    assert spot(text, model=False).ids == ["notes"]


def test_negation_scope_ends_at_though() -> None:
    text = "The manager didn't ask about my background, though he did take notes."
    assert ids(text) == ["notes"]


def test_negative_words_inside_a_need_do_not_negate_it() -> None:
    assert ids("He said nobody on his team knows Tableau.") == ["need"]
    assert ids("They can't find anyone who speaks German.") == ["need"]


def test_the_manager_doing_what_the_user_did_not_is_a_signal() -> None:
    assert ids("I didn't take notes, he did.") == ["notes"]
    assert ids("I took notes but he didn't") == []


@pytest.mark.parametrize(
    "text",
    [
        "I was hoping he'd take notes.",
        "If she had asked about my background, I would have been ready.",
        "I wish he had been more enthusiastic about the company.",
        "I hope she'll mention an opening.",
        "I expected him to take notes but he didn't.",
    ],
)
def test_hopes_and_hypotheticals_are_not_reports(text: str) -> None:
    assert ids(text) == []


@pytest.mark.parametrize(("text", "signal"), [
    ("Before I'd finished my first answer she'd taken notes on all of it.", "notes"),
    ("He'd jotted my course dates on a sticky note by the end.", "notes"),
    ("By then she'd asked about my background twice.", "background"),
])
def test_had_after_a_pronoun_is_what_happened(text: str, signal: str) -> None:
    """"She'd taken notes" is "she had", not "she would": the meeting, not a guess."""
    assert signal in spot(text, model=False).ids
    assert ids(text.replace("'d taken", "'d take").replace("'d jotted", "'d jot")
               .replace("'d asked", "'d ask")) == []


@pytest.mark.parametrize(
    "text",
    [
        "is it good if he takes notes?",
        "Should I expect the manager to ask about my background?",
        "What should I do if she talks enthusiastically about her company?",
    ],
)
def test_questions_to_the_coach_are_not_reports(text: str) -> None:
    assert ids(text) == []


def test_a_question_about_something_that_happened_is_a_report() -> None:
    assert ids("Is it a good sign that he took notes?") == ["notes"]


@pytest.mark.parametrize(
    "text",
    [
        "She complained about the company quite a bit.",
        "He warned me the hours are long and the pay is low.",
        "She told me the company is going through a rough patch.",
        "He seemed enthusiastic about my project idea.",
        "I was excited about the company.",
    ],
)
def test_negative_or_other_talk_is_not_enthusiasm(text: str) -> None:
    assert ids(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The department processes invoices and handles vendor payments.",
        "She explained what her team does day to day.",
        "He explained the hiring process at his company.",
        "She said there's a hiring freeze.",
        "I need a job in this field.",
    ],
)
def test_a_department_describing_its_work_is_not_a_need(text: str) -> None:
    assert ids(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Her team has been short two analysts since spring.",
        "He said his team could really use someone who can automate reporting.",
        "They mentioned an opening in the finance team.",
        "Their last designer left and they need a replacement.",
    ],
)
def test_a_gap_the_user_could_fill_is_a_need(text: str) -> None:
    assert ids(text) == ["need"]


@pytest.mark.parametrize("text", [
    "They described a need I could fill.",
    "He explained the need on nights that I could actually fill.",
])
def test_the_articles_own_words_are_a_need_by_the_rules_alone(text: str) -> None:
    assert spot(text, model=False).ids == ["need"]


def test_asking_for_a_need_one_could_fill_is_not_one() -> None:
    assert spot("I asked if there was a need I could fill.", model=False).ids == []


@pytest.mark.parametrize(
    ("text", "signal"),
    [
        ("She went through my resume line by line.", "background"),
        ("He wanted to know what got me interested in logistics.", "background"),
        ("she asked me what i've been doing since graduation", "background"),
        ("The manager asked where I see myself in five years.", "background"),
        ("She kept asking follow-up questions about my thesis.", "background"),
        ("Marcus pulled out a notebook and started writing.", "notes"),
        ("She jotted a few things down.", "notes"),
        ("Keiko raved about the culture.", "enthusiasm"),
        ("He sold me on the place.", "enthusiasm"),
        ("She said it's a fantastic place to work.", "enthusiasm"),
        ("They're drowning in tickets and desperate for someone like me.", "need"),
    ],
)
def test_paraphrases_are_recognised(text: str, signal: str) -> None:
    assert ids(text) == [signal]


def test_typos_are_tolerated() -> None:
    assert ids("She asked about my backround and took notse the whole time") == [
        "background", "notes",
    ]
    misspelt = spot("he was very enthusiatic about the company").signals[0]
    spelt = spot("he was very enthusiastic about the company").signals[0]
    assert misspelt.confidence < spelt.confidence


def test_all_caps_reports_are_read() -> None:
    assert ids("HE ASKED ABOUT MY BACKGROUND AND TOOK NOTES") == ["background", "notes"]


def test_several_signals_in_a_long_multi_sentence_report() -> None:
    text = (
        "Long report, sorry. I got there early and waited in the lobby. Ana came down and we "
        "went up to a meeting room. I explained I'm moving from retail into HR. About halfway "
        "through she started asking about my background. Later she grabbed a pen and took "
        "notes, and she mentioned they've been struggling to find an HR coordinator. She "
        "clearly loves working there. I thanked her and asked for referrals."
    )
    assert ids(text) == ["background", "notes", "need", "enthusiasm"]


def test_evidence_quotes_the_original_text_at_its_offsets() -> None:
    text = "Honestly?  She asked about my BACKGROUND and then started taking notes."
    reading = spot(text)
    assert reading.ids == ["background", "notes"]
    for finding in reading.signals:
        assert text[finding.start : finding.end] == finding.evidence
        assert 0 < finding.confidence <= 1
    assert reading.signals[0].evidence == "She asked about my BACKGROUND"


@pytest.mark.parametrize(("text", "evidence"), [
    ("The director jotted a few things down.", "The director jotted a few things down"),
    ("The manager asked where I see myself in five years.",
     "The manager asked where I see myself in five years"),
    ("Then Dr. Okafor asked about my degree.", "Dr. Okafor asked about my degree"),
    ("Was it good that he asked about my degree?", "he asked about my degree"),
])
def test_evidence_starts_with_the_words_that_name_the_actor(text: str, evidence: str) -> None:
    assert [f.evidence for f in spot(text).signals] == [evidence]


def test_evidence_from_a_line_of_a_list_is_the_whole_line() -> None:
    reading = spot("Depot visit, transport lead.\n- walked me round the yard\n- jotted my "
                   "forklift licence number in a pocketbook\n- 30 min")
    assert [f.evidence for f in reading.signals if f.id is Signal.NOTES] == [
        "jotted my forklift licence number in a pocketbook"]


def test_evidence_is_not_cut_at_a_hyphen_inside_a_word() -> None:
    reading = spot("She said they are short of a night-shift planner, which is what I did.")
    assert [f.evidence for f in reading.signals] == ["they are short of a night-shift planner"]


def test_signals_come_in_enum_order_once_each() -> None:
    reading = spot("She raved about the company. She took notes. He took more notes.")
    assert reading.ids == ["notes", "enthusiasm"]
    assert [f.id for f in reading.signals] == [Signal.NOTES, Signal.ENTHUSIASM]


def test_unclear_actor_makes_the_reading_ambiguous_with_a_question() -> None:
    reading = spot("We talked about my background for a while.")
    assert reading.ambiguous and reading.ids == []
    assert reading.unclear == (Signal.BACKGROUND,)
    assert "background" in clarifying_question(reading)


def test_passive_note_taking_asks_who_took_the_notes() -> None:
    reading = spot("Notes were taken.")
    assert reading.ambiguous and reading.unclear == (Signal.NOTES,)
    assert "notes" in clarifying_question(reading)


def test_a_bare_topic_is_ambiguous() -> None:
    reading = spot("They talked about the team.")
    assert reading.ambiguous and reading.ids == [] and clarifying_question(reading)


def test_a_clear_report_is_not_ambiguous() -> None:
    reading = spot("He answered my questions and we said goodbye.")
    assert not reading.ambiguous and clarifying_question(reading) is None and reading.ids == []


@pytest.mark.parametrize(
    "text",
    [
        "", "   ", "👍👍 🎉", "Reunión muy buena, ella me preguntó por mi experiencia.",
        "İİİ took notes", "<p>The manager asked about my background &amp; took notes.</p>",
        "\x00\ufffd\n\n?", "?" * 50,
    ],
)
def test_odd_input_never_raises(text: str) -> None:
    reading = spot(text)
    for finding in reading.signals:
        assert text[finding.start : finding.end] == finding.evidence


def test_html_tags_do_not_hide_signals() -> None:
    assert ids("<p>The manager asked about my background and took notes.</p>") == [
        "background", "notes",
    ]


def test_signals_deep_in_a_long_report_are_found_at_their_offsets() -> None:
    text = "We met for coffee near the station. " * 120 + "Later she took notes on my ideas."
    (finding,) = spot(text).signals
    assert finding.id is Signal.NOTES
    assert text[finding.start : finding.end] == finding.evidence == "she took notes on my ideas"


def test_someone_named_only_as_an_owner_does_not_act() -> None:
    text = "She asked about my thesis. Also wrote my supervisor's name down."
    assert spot(text, model=False).ids == ["background", "notes"]
    assert spot("My friend's manager took notes.", model=False).ids == []


def test_typing_the_whole_time_the_user_talked_is_notes_by_the_rules() -> None:
    text = "He was tapping away on his laptop the whole time I was talking."
    assert spot(text, model=False).ids == ["notes"]
    assert spot("I was typing the whole time I was talking.", model=False).ids == []


@pytest.mark.parametrize(("text", "signal"), [
    ("The ops lead spent ten minutes hyping the place to me.", "enthusiasm"),
    ("Honestly she was really pitching it, like I was a client.", "enthusiasm"),
    ("He sold the firm hard: pension, gym, remote Fridays.", "enthusiasm"),
    ("She asked how many years I spent on the tools before moving into design.", "background"),
    ("He wanted to know how long I've been volunteering at the food bank.", "background"),
    ("She asked what I'd specialised in at college.", "background"),
    ("He said they're always short of HGV drivers.", "need"),
    ("She said the ward runs two nurses short most nights.", "need"),
    ("She said the new depot will need forklift drivers.", "need"),
    ("He told me the Glasgow branch is going to need two more surveyors.", "need"),
])
def test_selling_the_place_and_how_long_the_user_has_done_it_by_the_rules(
        text: str, signal: str) -> None:
    assert spot(text, model=False).ids == [signal]


def test_selling_a_product_is_not_praise_of_the_place() -> None:
    assert spot("They sell the company software to hospitals.", model=False).ids == []


@pytest.mark.parametrize("text", [
    "The team will need time to settle in after the move.",
    "The new site will need planning permission first.",
    "I asked if the new site will need planners.",
])
def test_a_unit_that_will_need_no_person_is_not_a_need(text: str) -> None:
    assert spot(text, model=False).ids == []


def test_a_manager_told_by_the_team_they_run_is_still_the_manager() -> None:
    """"The agronomist who runs the advisory team asked ...": described by a job, not
    by a deed such as showing the user round, so it is the manager who asked."""
    reading = spot("The agronomist who runs the crop advisory team asked why I wanted to "
                   "move from lab work into fieldwork.", model=False)
    assert reading.ids == ["background"]
    other = spot("The agronomist who showed me round the trial plots asked why I wanted to "
                 "move from lab work into fieldwork.", model=False)
    assert other.ids == []


@pytest.mark.parametrize(("text", "signal"), [
    ("mgr kept scribbling on a notepad while i went through my rota experience", "notes"),
    ("the mngr asked loads about my time running the bar and why events now", "background"),
    ("The foreman jotted my forklift ticket number on his clipboard.", "notes"),
])
def test_a_manager_typed_short_or_met_on_site_is_the_manager(text: str, signal: str) -> None:
    """"mgr", "the foreman": the person met, as people write it on a phone or a site."""
    assert spot(text, model=False).ids == [signal]


@pytest.mark.parametrize("text", [
    "She said the junior analyst role has sat empty since May and my SQL is what it needs.",
    "He said their trainee surveyor post has had nobody suitable for a year.",
])
def test_junior_or_trainee_before_a_job_names_the_job_not_a_person(text: str) -> None:
    """"The junior analyst role" is no junior doing anything: the manager tells of it."""
    assert spot(text).ids == ["need"]
    assert spot("The junior who made the coffee said the team is short of analysts.").ids == []


@pytest.mark.parametrize(("text", "expected"), [
    ("It was Marta, not her intern, who typed up notes as I talked.", ["notes"]),
    ("Tomasz, not his colleague, wrote a few things down.", ["notes"]),
    ("It was Kieran who jotted down my details, not the director.", []),
    ("Actually it was Lou, not the manager, who wrote things down.", []),
])
def test_the_person_set_against_another_with_not_is_who_acted(
        text: str, expected: list[str]) -> None:
    """"X, not Y, did it": X acted; and X is someone else when Y is the manager."""
    assert spot(text, model=False).ids == expected


@pytest.mark.parametrize("text", [
    "He said they'll be looking for a QA tester once the new app launches.",
    "She mentioned the clinic is searching for another dental nurse after Easter.",
])
def test_looking_for_a_job_title_is_a_need(text: str) -> None:
    assert spot(text, model=False).ids == ["need"]


def test_the_user_looking_for_a_job_title_is_not_a_need() -> None:
    assert spot("I told her I'm looking for a junior analyst post.", model=False).ids == []


def test_good_people_impossible_to_find_is_a_need_but_a_building_is_not() -> None:
    """Plural people "are hard to find"; a place "was" (the model may still overrule a
    bare need cue it all but rules out, so the rules alone are asked here)."""
    assert spot("She said decent sous chefs are impossible to find right now.",
                model=False).ids == ["need"]
    assert spot("Their office was impossible to find, I walked round the block twice.",
                model=False).ids == []


def test_a_need_the_user_lacks_typed_without_apostrophes_is_not_one() -> None:
    """"i dont even have a licence": the tokenizer splits "dont" into "do" and "nt"."""
    assert spot("he said they need a crane operator and i dont have the ticket for it",
                model=False).ids == []
    assert spot("he said they need a crane operator and i have the ticket for it",
                model=False).ids == ["need"]


@pytest.mark.parametrize("text", [
    "Ruby asked how long I'd been managing the allotment society's accounts.",
    "Grant wanted to know why I was swapping bar work for logistics.",
])
def test_a_given_name_that_is_also_a_word_names_the_manager(text: str) -> None:
    assert spot(text, model=False).ids == ["background"]


@pytest.mark.parametrize(("text", "signal"), [
    ("she couldnt stop going on about how great the company is to work for", "enthusiasm"),
    ("He couldn't hide how proud he is of the firm, best employer in the county he said.",
     "enthusiasm"),
    ("they cant find anyone to run the night shift, he said", "need"),
])
def test_a_negation_that_only_intensifies_does_not_unsay_the_signal(
        text: str, signal: str) -> None:
    """"couldnt stop raving", "couldn't hide how proud": typed with or without the apostrophe."""
    assert spot(text, model=False).ids == [signal]


def test_a_hope_the_manager_asked_about_is_not_the_users_wish() -> None:
    """"what I'm hoping to do next" is what she asked; "I was hoping she'd ask" is a wish."""
    assert ids("She grilled me on what I'm hoping to get out of a move into claims.") == \
        ["background"]
    assert ids("I was hoping she'd ask what I want to get out of a move into claims.") == []


def test_the_users_mum_asking_is_not_the_manager_asking() -> None:
    assert spot("Later my mum asked why I ever wanted to get into forestry. The ranger "
                "I met never asked.", model=False).ids == []


@pytest.mark.parametrize(("text", "expected"), [
    ("I'd read on their website that they're hiring two lab technicians.", []),
    ("I saw on Glassdoor that the staff love working there.", []),
    ("She said they're hiring two lab technicians, which I'd seen on their website.", ["need"]),
])
def test_what_the_user_read_online_is_not_what_the_manager_said(
        text: str, expected: list[str]) -> None:
    assert spot(text, model=False).ids == expected


@pytest.mark.parametrize(("text", "expected"), [
    ('Priyanka said, "We are short of quality inspectors on every shift."', ["need"]),
    ('"We\'re short of quality inspectors," the plant manager told me.', ["need"]),
    ("Then Marek said 'we are short of quality inspectors' and looked right at me.", ["need"]),
    # Someone else's words, and the user's own, stay theirs.
    ('The receptionist said, "we are short of quality inspectors."', []),
    ('I told her, "we were short of quality inspectors at my last job."', []),
])
def test_we_in_words_quoted_from_the_manager_is_the_manager(
        text: str, expected: list[str]) -> None:
    assert spot(text, model=False).ids == expected


def test_a_sentence_without_a_subject_after_a_quote_goes_on_with_its_speaker() -> None:
    text = ('Elif said the payroll team is stretched and "we need someone who has run '
            'payroll before." Kept telling me it is a fantastic place to work.')
    assert spot(text, model=False).ids == ["need", "enthusiasm"]


def test_someone_needed_is_no_actor_for_what_follows() -> None:
    text = "Tomasz said the lab badly needs someone like me and was clearly proud of the company."
    assert spot(text, model=False).ids == ["need", "enthusiasm"]


@pytest.mark.parametrize("text", [
    "I kept waiting for her to ask about my years in retail. She never did.",
    "I expected him to take notes but he just listened.",
])
def test_what_the_user_waited_for_or_expected_did_not_happen(text: str) -> None:
    assert ids(text) == []


@pytest.mark.parametrize("text", [
    "There's a freeze on hiring until spring, the director said, so nothing coming up.",
    "They were short of a surveyor but hired one in March.",
])
def test_a_need_frozen_or_already_met_is_not_one(text: str) -> None:
    assert spot(text, model=False).ids == []


def test_the_users_own_line_manager_is_not_the_manager_met() -> None:
    assert spot("My own line manager keeps asking why I want to move into sales.",
                model=False).ids == []


def test_read_elsewhere_without_an_i_is_still_the_users_reading() -> None:
    assert spot("Read on Glassdoor that the head of design there is really enthusiastic "
                "about the company.", model=False).ids == []


@pytest.mark.parametrize(("text", "expected"), [
    ("She asked me to spell the name of my old agency and wrote it down.",
     ["background", "notes"]),
    ("He asked me to spell my surname and wrote it down.", ["notes"]),
])
def test_spelling_an_old_employer_is_background_spelling_a_surname_is_not(
        text: str, expected: list[str]) -> None:
    """GUIDELINE section 6: the name of an old employer asks about the user's past."""
    assert ids(text) == expected


def test_what_on_earth_makes_you_want_is_a_question_about_the_user() -> None:
    assert spot('He goes, "what on earth makes you want to leave teaching for audio?"',
                model=False).ids == ["background"]


def test_a_title_no_list_knows_is_the_one_met_when_named_first() -> None:
    """"The curator wrote down ...": no list knows the word, but a story of the meeting
    names the one met first; named after someone else, the rules leave it to the model."""
    text = "The curator wrote down the name of my old museum."
    assert spot(text, model=False).ids == ["notes"]
    assert "notes" in ids(text)
    after_another = "The receptionist was lovely. The curator wrote down the name of my old museum."
    assert "notes" not in spot(after_another, model=False).ids
    assert "notes" not in ids("Notes were written down by someone while I talked.")


def test_a_need_reported_after_a_bare_said_is_the_speakers() -> None:
    text = ("Asha kept asking about my drone surveys. Said her best pilot is leaving in "
            "March and the role will need filling.")
    assert "need" in ids(text)


def test_notes_on_her_own_laptop_are_hers_when_no_subject_is_written() -> None:
    asked = "Asked why I left nursing, then "
    assert spot(asked + "pulled out her notebook and wrote my answers down.",
                model=False).ids == ["background", "notes"]
    assert spot(asked + "I pulled out my notebook and wrote my answers down.",
                model=False).ids == ["background"]


def test_how_long_or_whether_ever_is_experience_even_with_small_talk_words() -> None:
    assert "background" in ids("She wanted to know how long I've been at the kennels and "
                               "whether I've ever handled nervous dogs.")


@pytest.mark.parametrize("text", [
    "She opened her laptop when I started on my ward years and didn't stop typing.",
    "He scribbled in his notebook whenever I mentioned a supplier.",
    "The planner was typing away on her tablet through most of it.",
])
def test_writing_in_a_notebook_or_typing_on_a_laptop_is_notes(text: str) -> None:
    assert spot(text, model=False).ids == ["notes"]


def test_stopping_typing_is_no_notes() -> None:
    assert spot("She stopped typing when I came in.", model=False).ids == []


def test_typing_excused_as_another_task_is_not_notes() -> None:
    assert ids("Mr Osei typed away on his laptop the whole time, said he had to answer a "
               "supplier.") == []


def test_a_name_set_beside_someone_else_is_that_person() -> None:
    assert ids("Ines brought her deputy, Karl, and it was Karl who was typing on his laptop "
               "the whole time.") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Her: we're short of scaffolders on every site.\nMe: I've got my CISRS card.", ["need"]),
    ("Him: honestly we're the best firm in the county. Me: good to hear.", ["enthusiasm"]),
    ("Me: we were short of scaffolders at my last firm too.\nHer: oh really.", []),
])
def test_we_in_a_transcript_turn_is_whoever_the_label_names(
        text: str, expected: list[str]) -> None:
    assert spot(text, model=False).ids == expected


@pytest.mark.parametrize(("text", "signal"), [
    ("The head chef was keen to know where I trained and what I cooked at the hotel.",
     "background"),
    ("She types up everything I say, which was reassuring.", "notes"),
    ("The partner was writing on her paper all the time.", "notes"),
    ("She said the estimator post has been vacant since spring.", "need"),
])
def test_more_everyday_forms_of_the_signals_by_the_rules(text: str, signal: str) -> None:
    assert spot(text, model=False).ids == [signal]


def test_empty_posts_about_to_be_filled_are_no_need() -> None:
    assert spot("He said two surveyor posts have been empty for months but both start next "
                "week.", model=False).ids == []


@pytest.mark.parametrize("text", [
    "Met Zainab and her assistant Leon. It was Leon, not Zainab, who asked why I left the navy.",
    "Met Zainab, the ward manager. Her student nurse, Leon, asked why I left the navy.",
    "The meeting was with the depot manager and a senior planner. The planner asked why I "
    "left the navy. The manager just listened.",
])
def test_someone_brought_in_beside_the_manager_is_someone_else(text: str) -> None:
    assert spot(text, model=False).ids == []


def test_the_person_met_is_still_the_manager_beside_a_companion() -> None:
    text = ("The meeting was with the depot manager and a senior planner. The manager asked "
            "why I left the navy.")
    assert spot(text, model=False).ids == ["background"]


@pytest.mark.parametrize("text", [
    "I was so keen I pitched the firm back to the manager - told him the new office is "
    "amazing and the perks are the best in town.",
    "I was pitching the firm harder than he was, kept going on about how they beat the "
    "big four on pay.",
    "I spent the meeting praising the company - told Aoife it's the best employer in town.",
    "He said 'well, it's a lot of hard work' and that was that.",
    "He said 'good idea, get it all down' when I got my notebook out.",
])
def test_the_users_own_praise_and_a_managers_shrug_are_no_enthusiasm(text: str) -> None:
    assert spot(text, model=False).ids == []


def test_asked_to_email_the_cv_is_a_request_not_a_question() -> None:
    assert spot("She asked me to email her my CV afterwards.", model=False).ids == []
    assert spot("She asked me about my CV afterwards.", model=False).ids == ["background"]


@pytest.mark.parametrize("text", [
    "She said they badly need a sonographer. I'm a radiographer and have never done "
    "ultrasound, so no.",
    "he said they need riggers with 10+ yrs and im newly qualified",
    "They need a quant with a PhD. I'm a second-year apprentice so... no.",
    "He said they're opening a new shop in Hull next spring.",
])
def test_a_need_the_user_cannot_fill_or_no_need_at_all(text: str) -> None:
    assert spot(text, model=False).ids == []


@pytest.mark.parametrize("text", [
    "He's been trying to fill an analyst spot for months. I literally just finished a "
    "bootcamp in exactly that.",
    "She said they're opening a new depot in Hull and will need shift planners.",
])
def test_a_need_the_user_fits_or_a_new_site_with_staff_is_a_need(text: str) -> None:
    assert spot(text, model=False).ids == ["need"]


@pytest.mark.parametrize("text", [
    "He scribbled a note to himself to ring the garage, otherwise nothing.",
    "The director spent a good ten minutes on the org chart. All very matter-of-fact.",
    "I kept expecting Ana, the head of ops, to ask why I left the navy, but she never did.",
    "I'm dreading him asking why I left my last job when I go back.",
    "She asked about my background in the email before we met; in the meeting we only "
    "covered the training scheme.",
])
def test_more_things_that_only_sound_like_a_signal(text: str) -> None:
    assert spot(text, model=False).ids == []


def test_a_plain_word_for_someone_else_named_again_is_still_them() -> None:
    text = ("The receptionist at head office, lovely lady called Brenda, asked me loads about "
            "where I'd worked before while I waited.")
    assert ids(text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("She typed notes and said they've got nobody doing payroll at all right now.",
     ["notes"]),
    ("They said the night desk has nobody since the last planner quit.", ["need"]),
    ("Without me even asking he said the department has a gap in grant writing.", ["need"]),
    ("The project has stalled for lack of someone with my skills, she admitted.", ["need"]),
])
def test_a_gap_told_as_an_absence_is_not_a_negation(text: str, expected: list[str]) -> None:
    assert spot(text, model=False).ids == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Julia took notes on her laptop.", ["notes"]),
    ("Tariq wrote in his notebook as we talked and then spent ten minutes raving about the "
     "company.", ["notes", "enthusiasm"]),
    ("Made notes while I talked about my grant work.", ["notes"]),
    ("Grilled me on my past jobs, wrote stuff down the whole time.", ["background", "notes"]),
    ("The chap at the planning office kept making notes as I talked.", ["notes"]),
])
def test_who_took_notes_when_nobody_or_only_a_name_like_a_word_is_written(
        text: str, expected: list[str]) -> None:
    assert spot(text, model=False).ids == expected


def test_we_chatted_about_my_work_stays_a_bare_topic_after_as() -> None:
    assert "background" not in spot("She jotted a few things down as we chatted about my "
                                    "archiving work.", model=False).ids


def test_a_need_told_of_the_managers_staff_is_the_managers_need() -> None:
    """The staff member leaving is what the need is about; the manager told it."""
    assert "need" in ids("His deputy is going on a sabbatical next year, so there'll be a gap "
                         "for someone to step in.")
    assert "need" not in ids("Her colleague Paul, who was showing me out, said the team is "
                             "really short-handed and they need someone who can do Tableau. "
                             "Diane herself never brought it up.")


@pytest.mark.parametrize(("text", "expected"), [
    ("Her: You were a paramedic for how long? Did you ever do any triage?", ["background"]),
    ("Him: so why would a chemist want to get into patent law?", ["background"]),
    ("She goes, 'what's your experience with stock control?'", ["background"]),
    # The user's own questions and words stay the user's.
    ("Me: how long have you been in the role?\nHer: six years.", []),
    ("Me: what's the best thing about working here?\nHim: the car park, probably.", []),
    ("At the end I asked him 'do you ever need people with a lab background?' and he said "
     "not really.", []),
    ("Why did I leave the police? My contact didn't ask - I just told him.", []),
])
def test_questions_quoted_in_the_managers_words_and_the_users(
        text: str, expected: list[str]) -> None:
    assert spot(text, model=False).ids == expected


def test_and_i_quote_does_not_make_the_user_the_speaker() -> None:
    assert spot('Siobhan said, and I quote, "we have had a planner post sitting empty since '
                'January."', model=False).ids == ["need"]


@pytest.mark.parametrize("text", [
    "When I rang to set it up he asked loads about my degree; in the meeting he just "
    "answered my questions.",
    "In his reply to my thank-you note he asked what made me switch from law to UX.",
    "At the first one, the planning manager took pages of notes. This one was short.",
    "The first manager she referred me to said on the phone they're short of finishers. "
    "Haven't met him yet.",
    "Facilities next door apparently need a project coordinator, she said.",
])
def test_signals_from_the_setup_call_the_thank_you_note_or_another_meeting(text: str) -> None:
    assert spot(text, model=False).ids == []


def test_a_new_branch_that_needs_staff_to_set_it_up_is_a_need() -> None:
    assert spot("She said they're opening a branch in Leeds and will need merchandisers to "
                "set it up.", model=False).ids == ["need"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Ms Okafor: Why HR though? You were an engineer, right?\nMe: yeah, ten years", ["background"]),
    ("so I said I'd been freelancing and he goes 'and what did you do there, exactly?'",
     ["background"]),
    ("Her: Right, what did you want to ask me?", []),
    ("Her: coffee? did you find us all right?", []),
    ("Fingers crossed she asks 'why oncology?' so I can tell the story.", []),
    ("Me: why did you move into policy?\nHer: by accident.", []),
])
def test_the_managers_own_questions_about_the_user_are_background(
        text: str, expected: list[str]) -> None:
    assert spot(text, model=False).ids == expected


@pytest.mark.parametrize(("text", "signal"), [
    ("me: what does a typical day look like\nhim: (writing) mm", "notes"),
    ("Her: *thumbs away at her phone* Got it.", "notes"),
    ("He wrote it in his notebook as I went.", "notes"),
    ("She said they're short a project admin.", "need"),
])
def test_stage_directions_and_short_forms_by_the_rules(text: str, signal: str) -> None:
    assert spot(text, model=False).ids == [signal]


def test_a_name_as_a_transcript_label_speaks_its_turn() -> None:
    assert spot("Me: how's the workload?\nMs Adeyemi: Frankly? We're short of people who can "
                "code in R.", model=False).ids == ["need"]


def test_giving_the_user_time_is_not_handing_over_the_notes() -> None:
    assert "notes" in spot("He was typing on his laptop while I spoke, then gave me ten minutes "
                           "on the pension scheme.", model=False).ids
    assert "notes" not in spot("He jotted a number on a card and gave it to me.",
                               model=False).ids


def test_what_the_writing_was_is_said_right_after_it_was() -> None:
    assert spot("She wrote down a few things I said, not sure what. Otherwise it was just me "
                "asking about the fundraising team and her answering.",
                model=False).ids == ["notes"]
    assert spot("She was scribbling on a planner the whole time but it turned out to be her "
                "daughter's birthday party list.", model=False).ids == []


def test_a_question_is_read_from_its_own_sentence_in_the_turn() -> None:
    """Small talk earlier in the turn does not hide the question that follows it."""
    assert spot("Her: The coffee's over there. So why HR, after ten years in engineering?",
                model=False).ids == ["background"]


@pytest.mark.parametrize("text", [
    "She wanted to know why a forty-year-old bus driver would want to become a paramedic.",
    "The head chef was really curious why I'd leave a desk job for a kitchen.",
    "He asked if I'd ever run a stock take on my own.",
    "The director wanted to know whether I had any experience of grant writing.",
])
def test_questions_put_indirectly_about_the_users_past_are_background(text: str) -> None:
    assert spot(text, model=False).ids == ["background"]


@pytest.mark.parametrize("text", [
    "I asked if I'd ever get to see the clean room.",
    "I was curious why she had left the civil service.",
    "I wondered whether I had any experience worth putting forward.",
])
def test_the_users_own_indirect_questions_are_not_background(text: str) -> None:
    assert spot(text, model=False).ids == []


@pytest.mark.parametrize("text", [
    "The optician asked whether I took sugar and how I'd got hold of his email.",
    "She wanted to know if I'd found them on LinkedIn, then explained how audits work.",
])
def test_how_the_meeting_came_about_is_small_talk_not_background(text: str) -> None:
    assert spot(text, model=False).ids == []


def test_a_next_sentence_about_the_users_own_day_does_not_explain_the_writing() -> None:
    assert spot("The depot manager scribbled notes the whole time I talked. I'd told my "
                "team leader it was a dentist appointment, so I was on edge.",
                model=False).ids == ["notes"]
    assert spot("She kept scribbling while I talked. It was a reminder for her dentist "
                "appointment, she said.", model=False).ids == []


@pytest.mark.parametrize("text", [
    "He ran through the perks - pension, gym, bonus - in a bored voice, like he was reading "
    "a script.",
    "She read the benefits off a sheet: holiday, pension, the usual.",
    "He went through the advantages with all the joy of a man queueing at the post office.",
])
def test_perks_read_out_without_feeling_are_no_enthusiasm(text: str) -> None:
    assert spot(text, model=False).ids == []


@pytest.mark.parametrize(("text", "expected"), [
    ("She adored my showreel, really adored it, and watched it twice.", []),
    ("He loved the business plan for my dog-grooming idea.", []),
    ("She loved my portfolio, then raved about the studio and its clients.", ["enthusiasm"]),
])
def test_praise_of_the_users_work_is_not_praise_of_the_workplace(
        text: str, expected: list[str]) -> None:
    assert spot(text, model=False).ids == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("He wrote the name of a book on the back of his card and told me to read it.", []),
    ("She jotted down a forum's address so I could join it.", []),
    ("He typed notes the whole time so I slowed down.", ["notes"]),
    ("She scribbled down my answers so she could brief her deputy.", ["notes"]),
])
def test_writing_done_for_the_user_is_not_note_taking(text: str, expected: list[str]) -> None:
    assert spot(text, model=False).ids == expected


@pytest.mark.parametrize("text", [
    "They needed a roofer, she said, but they took someone on last week.",
    "He said the finance team upstairs (not his department) is looking for someone.",
    "She said they're desperate for cardiac physiologists. Not my problem as a porter.",
])
def test_a_need_already_met_elsewhere_or_not_the_users_is_no_need(text: str) -> None:
    assert spot(text, model=False).ids == []


def test_a_managing_director_named_by_initials_is_the_manager() -> None:
    assert spot("The HR partner said little; it was the MD who kept raving about the firm "
                "and its profit share.", model=False).ids == ["enthusiasm"]


@pytest.mark.parametrize(("text", "expected"), [
    ("is it a good sign that she said they'll need a second baker when the new shop opens??",
     ["need"]),
    ("Was it a good sign that he wrote down my answers?", ["notes"]),
    ("Should I ask if they had an opening?", []),
    ("Will she take notes, do you think?", []),
])
def test_a_question_to_the_coach_about_what_was_told_reports_it(
        text: str, expected: list[str]) -> None:
    assert spot(text, model=False).ids == expected


@pytest.mark.parametrize("text", [
    "She said the lab needs a senior virologist, which I'm obviously not.",
    "He said they'll need a harbour pilot with ten years at sea, which I'll never have.",
    "she listed the perks: pension, bonus, gym. very matter of fact",
    "shed probably have made notes if id brought my sketchbook",
    "He scribbled a friend's number in the margin of my CV and said to ring her.",
])
def test_more_accounts_that_only_sound_like_a_signal(text: str) -> None:
    assert spot(text, model=False).ids == []


@pytest.mark.parametrize(("text", "expected"), [
    ("As a matter of fact, she raved about the company and its pension.", ["enthusiasm"]),
    ("He grumbled that they're so short of tilers the jobs keep slipping.", ["need"]),
    ("He wrote down my number and my years at the depot.", ["notes"]),
])
def test_and_the_real_signals_beside_them(text: str, expected: list[str]) -> None:
    assert spot(text, model=False).ids == expected



@pytest.mark.parametrize(("text", "expected"), [
    ("aisha scribbled notes on a pad the whole time lol", ["notes"]),
    ("met the owner. his nephew callum was typing notes in the corner, the owner just talked",
     []),
    ("ngl wrote everything down", []),
    ("Aisha scribbled notes on a pad the whole time.", ["notes"]),
])
def test_a_name_typed_in_lower_case_is_a_name_in_an_all_lower_case_account(
        text: str, expected: list[str]) -> None:
    assert spot(text, model=False).ids == expected


@pytest.mark.parametrize("text", [
    "I'm guessing they're short of nurses, the ward looked frantic. She never said so.",
    "Probably they need somebody for the stockroom, I guess. Nobody mention it.",
    "He read the perks out like he was reading from a brochure: pension, car, phone.",
    "Who: Ms Laine + trainee / What happened: the trainee who sit in take notes, Ms Laine no.",
    "I really want that she asks about my diploma next time.",
    "Maybe she would be more excited about the firm if it was not budget week.",
    "Last time I met him, in spring, he asked all about my degree. Today nothing.",
    "On the phone beforehand she asked why I'm leaving teaching. The meeting was a tour.",
    "Seeing Mr Osei on Monday. He's known for taking notes on everyone.",
    "My last info interview (another firm) - the man typed notes throughout. Today, nothing.",
    "He said they might recruit next year, but it wouldn't be in my area.",
])
def test_guesses_wishes_and_other_meetings_are_not_signals(text: str) -> None:
    assert spot(text, model=False).ids == []


@pytest.mark.parametrize(("text", "expected"), [
    ("She said they need a welder and I guess that's me.", ["need"]),
    ("He was very excited about the firm and its new lab.", ["enthusiasm"]),
])
def test_real_signals_next_to_a_guess_or_an_adverb_stay(text: str, expected: list[str]) -> None:
    assert spot(text, model=False).ids == expected


def test_each_line_of_a_bulleted_list_is_a_sentence_of_its_own() -> None:
    nlp = pipeline()
    doc = nlp(normalize("Depot visit, transport lead.\n- showed me the bays\n* I asked about "
                        "shifts\nand that was it"))
    assert [doc[a:b].text.strip() for a, b in _bounds(doc) if doc[a:b].text.strip()] == [
        "depot visit, transport lead.", "- showed me the bays", "* i asked about shifts\nand that "
        "was it"]


@pytest.mark.parametrize(("text", "expected"), [
    ("rail co, signalling design lead.\n- why rail? why now?\n- went through my placement in "
     "detail\n- jotted bits in the margin of my CV\n- 30 min", True),
    ("rail co, signalling design lead.\n- why rail? why now?\n- went through my placement in "
     "detail\n- I jotted bits in the margin of my notebook\n- 30 min", False),
])
def test_a_line_of_a_list_with_no_subject_is_the_managers(text: str, expected: bool) -> None:
    assert ("notes" in ids(text)) is expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Met the plant manager.\n- 'we're the best employer in the valley, ask anyone'\n- I took a "
     "leaflet", ["enthusiasm"]),
    ("He launched straight in: nine-day fortnight, everyone gets a learning allowance, honestly "
     "the best place he's ever worked.", ["enthusiasm"]),
    ("We talked about how it's the best firm in the valley, my uncle's words not hers.", []),
    ("Apparently everyone at the brewery says it's the best place they've worked. The manager I "
     "met was neutral about it.", []),
])
def test_we_or_everyone_praised_is_the_firm_not_who_praised_it(text: str,
                                                                expected: list[str]) -> None:
    assert spot(text, model=False).ids == expected
    assert ids(text) == expected


# What this round's checks read, each beside its twin: (text, signals found).
READ_IN_CONTEXT = {
    "'she' goes on with the deputy just named": (
        "I'd come to meet the head of news, Raf, but his deputy, Ines, did most of the "
        "talking. She asked about my radio work and why news.", []),
    "'she' goes on with the assistant just named": (
        "Met the head of news, Raf, and his assistant, Ines. She asked about my radio work and "
        "why news.", []),
    "'she' is the manager, who has a deputy of her own": (
        "I'd come to meet the head of news, Rafaela, and her deputy, Ines, sat in. She asked "
        "about my radio work and why news.", ["background"]),
    "a relative's smallholding is where the user worked": (
        "The estate manager asked loads about the summers I spent on my gran's smallholding "
        "and why I want to farm full time.", ["background"]),
    "a relative's company, and what they were told there": (
        "The head of sales at my sister's company told her they're desperate for planners.",
        []),
    "a place opening, and a need told after it": (
        "She said there's a new clinic opening in Bath and not enough nurses who can use the "
        "scanner; I've used it for years.", ["need"]),
    "a place opening, and nothing else": (
        "She told me about the new taproom opening in May and showed me the plans.", []),
    "the one the account is addressed to": (
        "Dear Aunt Carol, she asked all about my years at the bakery and why I want to move "
        "into food safety.", ["background"]),
    "the one the account is addressed to, and a friend who did it": (
        "Dear Aunt Carol, my friend asked all about my years at the bakery and why I want to "
        "move into food safety.", []),
    "a leaver already replaced": (
        "The depot manager said their only planner left in March but they'd already replaced "
        "him.", []),
    "a leaver not replaced": (
        "The depot manager said their only planner left in March and they still haven't "
        "replaced him.", ["need"]),
}


@pytest.mark.parametrize("kind", READ_IN_CONTEXT)
def test_what_is_read_in_the_context_of_the_account(kind: str) -> None:
    text, expected = READ_IN_CONTEXT[kind]
    assert ids(text) == expected


@pytest.mark.parametrize(("text", "first"), [
    ("So the district forester goes, 'We've got ash dieback to survey.'", ("manager", "forester")),
    ("So my cousin goes, 'We've got ash dieback to survey.'", ("other", "cousin")),
])
def test_a_title_no_list_knows_names_the_one_met(text: str, first: tuple[str, str]) -> None:
    doc = pipeline()(normalize(text))
    named = _actor_finder().named(doc, text, 0, len(doc))
    assert (named[0].actor.value, doc[named[0].token].text) == first


def test_a_question_and_answer_line_ends_where_it_breaks() -> None:
    doc = pipeline()(normalize("Q: entry route?\nA: buyer or assistant\nAt one point he typed "
                               "my answer into OneNote\n3. Q: hours? A: nine to five"))
    assert [doc[a:b].text.strip() for a, b in _bounds(doc) if doc[a:b].text.strip()] == [
        "q: entry route?", "a: buyer or assistant", "at one point he typed my answer into "
        "onenote\n3.", "q: hours?", "a: nine to five"]


def test_the_line_after_an_item_of_a_list_is_a_sentence_unless_it_carries_it_on() -> None:
    doc = pipeline()(normalize("- said they need QA people\nNot so sure\n- pay\nand hours"))
    assert [doc[a:b].text.strip() for a, b in _bounds(doc) if doc[a:b].text.strip()] == [
        "- said they need qa people", "not so sure", "- pay\nand hours"]


def test_a_finding_overruled_later_does_not_hide_an_earlier_reading() -> None:
    # The rules find enthusiasm in the second sentence; a model that reads it only in the
    # first rules the second out. The first sentence's reading must still count.
    text = "He spent ages on the firm: free travel and a decent pension. He clearly loves it there."

    def reads_the_perks(texts: list[str]) -> list[dict[Signal, float]]:
        return [{s: 0.95 if s is Signal.ENTHUSIASM and "free travel" in t else 0.0
                 for s in Signal} for t in texts]

    assert [f.evidence for f in spot(text, model=False).signals] == ["He clearly loves it there"]
    assert [f.evidence for f in spot(text, scorer=reads_the_perks).signals] == [
        "He spent ages on the firm: free travel and a decent pension"]


def test_a_question_quoted_inside_a_sentence_does_not_end_it() -> None:
    doc = pipeline()(normalize('She typed "payroll?" into her laptop while I talked. Then '
                               'she asked "why now?" Then she explained the rota.'))
    assert [doc[a:b].text for a, b in _bounds(doc)] == [
        'she typed "payroll?" into her laptop while i talked.', 'then she asked "why now?"',
        'then she explained the rota.']
    assert ids('She typed "payroll?" into her laptop while I talked about the bureau.') == [
        "notes"]
