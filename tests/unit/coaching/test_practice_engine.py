"""The practice engine: the meeting's arc, personas, seeds and the scorecard."""

from __future__ import annotations

import json

from infocoach.coaching.practice import engine
from infocoach.coaching.practice.content import practice_content
from infocoach.coaching.practice.scorecard import Scorecard, render, score
from infocoach.coaching.practice.state import PracticeState, Stage
from infocoach.ids import Persona, PracticeStep, Signal

GOOD_MEETING = [
    "Hi, thanks for seeing me. Here's a copy of my resume.",
    "I'm a student finishing my nursing degree, and I'd like to understand what the work is "
    "really like.",
    "What does a typical day look like?",
    "What skills matter most?",
    "How do people usually get into nursing?",
    "Where is the field heading?",
    "Thank you so much for your time.",
    "Could you refer me to managers at two or three other companies? I'd like to hear other "
    "perspectives on the field.",
    "May I mention your name when I contact them?",
]


def play(seed: int, persona: Persona | None, turns: list[str], field: str = "nursing"
         ) -> tuple[engine.Turn, list[str]]:
    """Run a meeting; returns the last turn and everything said, rendered."""
    turn = engine.start(seed, field, persona)
    said = [line.render() for line in turn.lines]
    for text in turns:
        if not turn.state.active:
            break
        turn = engine.respond(turn.state, text)
        said += [f"USER: {text}", *(line.render() for line in turn.lines)]
    return turn, said


def test_asks_the_field_when_unknown_then_opens_as_the_manager():
    turn = engine.start(3, None, Persona.NEUTRAL)
    assert turn.state.stage is Stage.ASK_FIELD
    assert [line.text for line in turn.lines] == [practice_content().coach.ask_field]
    turn = engine.respond(turn.state, "x" * 200)
    assert turn.state.stage is Stage.ASK_FIELD
    assert turn.lines[0].text == practice_content().coach.field_too_long
    turn = engine.respond(turn.state, "  data analysis ")
    assert turn.state.field == "data analysis"
    assert turn.state.stage is Stage.MEETING
    assert turn.lines[-1].render().startswith("Manager: ")
    assert turn.lines[-1].text in [
        line.format(field="data analysis")
        for line in practice_content().managers[Persona.NEUTRAL].opening
    ]


def test_same_seed_replays_identically_and_seeds_differ():
    first = play(7, None, GOOD_MEETING)[1]
    assert play(7, None, GOOD_MEETING)[1] == first
    others = {tuple(play(seed, Persona.NEUTRAL, GOOD_MEETING)[1]) for seed in range(5)}
    assert len(others) > 1


def test_seed_picks_the_persona_when_not_asked():
    assert engine.start(11).state.persona is engine.pick_persona(11)
    assert {engine.pick_persona(seed) for seed in range(30)} == set(Persona)


def test_full_meeting_with_neutral_manager_scores_every_step():
    turn, said = play(1, Persona.NEUTRAL, [*GOOD_MEETING, "Nothing special, really."])
    assert turn.state.stage is Stage.DONE
    card = turn.scorecard
    assert card is not None and all(result.done for result in card.steps)
    evidence = {r.step: r.evidence for r in card.steps}
    assert evidence[PracticeStep.RESUME] == "Here's a copy of my resume."
    assert evidence[PracticeStep.THANKS] == "Thank you so much for your time."
    assert evidence[PracticeStep.USE_NAME] == "May I mention your name when I contact them?"
    assert card.job_ask is None and card.shown == ()
    assert card.tips == (practice_content().scorecard.all_done_tip,)
    assert practice_content().coach.notice_question in said


def test_thanks_on_arrival_is_not_the_closing_thanks():
    turn, _ = play(1, Persona.NEUTRAL, GOOD_MEETING[:6])
    assert turn.state.stage is Stage.CLOSING
    assert PracticeStep.THANKS not in turn.state.evidence
    assert PracticeStep.RESUME in turn.state.evidence


def test_interested_manager_shows_two_or_three_signals_and_user_naming_them_is_scored():
    for seed in range(6):
        turn, said = play(seed, Persona.INTERESTED, GOOD_MEETING)
        plan = turn.state.signal_plan
        assert len(plan) in (2, 3) and turn.state.shown == plan
        signal_lines = practice_content().managers[Persona.INTERESTED].signals
        for signal in plan:
            assert any(f"Manager: {line.format(field='nursing')}" in said
                       for line in signal_lines[signal])
    turn, _ = play(0, Persona.INTERESTED, GOOD_MEETING)
    assert turn.state.stage is Stage.NOTICE
    done = engine.respond(turn.state, "The manager took notes while I talked.").scorecard
    assert done is not None and done.noticed == (Signal.NOTES,)
    text = render(done)
    labels = practice_content().scorecard.signal_labels
    missed = [s for s in done.shown if s is not Signal.NOTES]
    assert all(labels[s] in text for s in done.shown)
    if Signal.NOTES not in done.shown:
        assert "never" in text
    if missed:
        assert practice_content().scorecard.signals_tip in done.tips


def test_neutral_and_wary_managers_show_no_signal():
    for persona in (Persona.NEUTRAL, Persona.BUSY_WARY):
        for seed in range(4):
            turn, _ = play(seed, persona, GOOD_MEETING)
            assert turn.state.shown == () and turn.state.signal_plan == ()


def test_wary_manager_challenges_and_ends_after_two_questions():
    content = practice_content()
    wary = content.managers[Persona.BUSY_WARY]
    turn, said = play(4, Persona.BUSY_WARY, [
        "What does a typical day look like?",
        "No, I'm only here to learn about the field.",
        "What skills matter most?",
    ])
    assert any(line in said for line in (f"Manager: {c}" for c in wary.challenge))
    assert any(line in said for line in (f"Manager: {c}" for c in wary.early_end))
    assert turn.state.stage is Stage.CLOSING and turn.state.job_ask is None


def test_admitting_to_the_wary_manager_is_a_job_ask_and_ends_the_meeting():
    turn, _ = play(4, Persona.BUSY_WARY, ["What does a typical day look like?", "Yes, honestly."])
    assert turn.state.stage is Stage.NOTICE
    assert turn.state.job_ask == "Yes, honestly."
    card = score(turn.state)
    assert card.tips[0] == practice_content().scorecard.job_ask_tip
    assert '"Yes, honestly."' in render(card)


def test_asking_for_a_job_is_flagged_and_the_meeting_goes_on_with_a_neutral_manager():
    turn, _ = play(2, Persona.NEUTRAL, ["Are you hiring at the moment?"])
    assert turn.state.job_ask == "Are you hiring at the moment?"
    assert turn.state.stage is Stage.MEETING
    reactions = practice_content().managers[Persona.NEUTRAL].job_ask
    assert turn.lines[0].text in [line.format(field="nursing") for line in reactions]


def test_leaving_midway_keeps_what_was_done_and_says_signals_were_not_asked():
    turn, _ = play(5, Persona.INTERESTED, GOOD_MEETING[:3])
    left = engine.leave(turn.state)
    assert left.state.stage is Stage.LEFT and not left.state.active
    card = score(left.state)
    done = {r.step for r in card.steps if r.done}
    assert done == {PracticeStep.RESUME, PracticeStep.SITUATION, PracticeStep.LEARNING_GOAL,
                    PracticeStep.QUESTIONS}
    assert card.noticed is None
    assert practice_content().scorecard.signals_not_asked in render(card)
    assert len(card.tips) == 3
    assert engine.respond(left.state, "hello").lines[0].text == practice_content().coach.no_practice


def test_closing_question_is_answered_and_referrals_named_once():
    turn, said = play(8, Persona.NEUTRAL, [
        *GOOD_MEETING[2:6],
        "Who else should I talk to? Could you refer me to someone at another company?",
        "What about the pay?",
    ])
    referrals = [line for line in said if " at " in line and line.startswith("Manager:")
                 and any(c in line for c in practice_content().contacts)]
    assert len(referrals) == 1
    assert turn.state.referrals_given


def test_state_and_scorecard_survive_a_json_slot():
    turn, _ = play(9, Persona.INTERESTED, GOOD_MEETING[:4])
    slot = json.loads(json.dumps(turn.state.to_slot()))
    assert PracticeState.from_slot(slot) == turn.state
    assert PracticeState.from_slot({"seed": "x"}) is None
    assert PracticeState.from_slot("nonsense") is None
    card = score(turn.state)
    assert Scorecard.from_slot(json.loads(json.dumps(card.to_slot()))) == card
    assert Scorecard.from_slot(None) is None


def test_the_interested_managers_signals_and_their_order_vary_with_the_seed():
    plans = [engine.start(seed, "nursing", Persona.INTERESTED).state.signal_plan
             for seed in range(40)]
    assert plans == [engine.start(seed, "nursing", Persona.INTERESTED).state.signal_plan
                     for seed in range(40)]
    assert {len(plan) for plan in plans} == {2, 3}
    assert {plan[0] for plan in plans} == set(Signal)
    # The same pair of signals comes in both orders, depending on the seed.
    pairs = {plan[:2] for plan in plans}
    assert any((b, a) in pairs for a, b in pairs)


def test_the_sign_of_interest_answer_may_speak_to_the_manager_or_leave_out_the_subject():
    assert engine.noticed_signals("You asked about my background and you took notes.") == (
        Signal.BACKGROUND, Signal.NOTES)
    assert engine.noticed_signals("took notes and talked up the company") == (
        Signal.NOTES, Signal.ENTHUSIASM)
    assert engine.noticed_signals("The manager started taking notes.") == (Signal.NOTES,)
    # The user's own actions and denials are no sign of the manager's interest.
    for answer in ("I took notes", "You didn't take notes", "No, nothing really."):
        assert engine.noticed_signals(answer) == (), answer


def test_a_line_starting_a_sentence_with_the_field_capitalises_it():
    lines = [line for seed in range(30)
             for line in play(seed, Persona.BUSY_WARY, GOOD_MEETING[2:4], "data analysis")[1]
             if line.startswith("Manager:")]
    assert not any(". data analysis" in line or line.startswith("Manager: data") for line in lines)
    assert any("Data analysis" in line for line in lines)


def test_the_manager_does_not_ask_anything_else_while_saying_goodbye():
    turn, said = play(3, Persona.NEUTRAL,
                      [*GOOD_MEETING[2:6], "Thanks a lot.", "Okay.", "Okay, bye."])
    assert turn.state.stage is Stage.NOTICE
    goodbye_turn = said[said.index("USER: Okay, bye.") + 1:]
    nudges = practice_content().managers[Persona.NEUTRAL].closing_nudge
    assert not any(line.removeprefix("Manager: ") in nudges for line in goodbye_turn)
    assert goodbye_turn[-1] == practice_content().coach.notice_question


def test_what_the_manager_likes_about_the_work_is_a_topic_of_its_own():
    _, said = play(4, Persona.NEUTRAL, ["What do you like most about your job?"])
    likes = practice_content().managers[Persona.NEUTRAL].topics["likes"]
    assert said[-1].removeprefix("Manager: ") in [line.format(field="nursing") for line in likes]


def test_how_did_i_do_midway_says_when_the_signs_of_interest_will_be_asked():
    text = practice_content().scorecard
    running, _ = play(5, Persona.INTERESTED, GOOD_MEETING[:3])
    assert text.signals_later in render(score(running.state))
    waiting, _ = play(5, Persona.INTERESTED, GOOD_MEETING)
    assert waiting.state.stage is Stage.NOTICE
    card = render(score(waiting.state))
    assert text.signals_waiting in card and text.signals_not_asked not in card
