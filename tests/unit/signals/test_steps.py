"""Step detectors: each step counts only when the user did it, and did not deny it."""

from __future__ import annotations

import pytest

from infocoach.signals.steps import find_steps

# (text, step, expected): positive, negated, first-person and other-person cases per step.
CASES = [
    # resume
    ("Here's a copy of my resume.", "resume", True),
    ("Hello, thank you for seeing me. Here is a copy of my resume.", "resume", True),
    ("Here, I don't have my resume with me.", "resume", False),
    ("I brought my CV along, would you like it?", "resume", True),
    ("I didn't bring my resume.", "resume", False),
    ("I forgot to bring my resume.", "resume", False),
    ("She asked me for my resume.", "resume", False),
    ("My friend gave her resume to the manager.", "resume", False),
    # situation
    ("I'm a student finishing my nursing degree.", "situation", True),
    ("I am changing careers after ten years in retail.", "situation", True),
    ("I recently moved to the area.", "situation", True),
    ("What does a typical day look like?", "situation", False),
    # learning goal
    ("I'd like to understand how people get into nursing.", "learning_goal", True),
    ("I want to learn what the work is really like.", "learning_goal", True),
    ("I don't want to know about pay.", "learning_goal", False),
    ("She wants to learn more about me.", "learning_goal", False),
    # questions
    ("What does a typical day look like?", "questions", True),
    ("Tell me about the culture.", "questions", True),
    ("I asked about the pay.", "questions", True),
    ("I didn't ask any questions.", "questions", False),
    ("Here is my resume.", "questions", False),
    # thanks
    ("Thank you so much for your time.", "thanks", True),
    ("Thanks, I really appreciate it.", "thanks", True),
    ("I forgot to thank the manager.", "thanks", False),
    ("She thanked me for coming.", "thanks", False),
    # referrals
    ("Could you refer me to managers at two or three other companies?", "referrals", True),
    ("Do you know anyone at other companies I could talk to?", "referrals", True),
    ("I forgot to ask for names.", "referrals", False),
    ("I never asked for referrals.", "referrals", False),
    ("She asked me for names of my references.", "referrals", False),
    # why referrals
    ("I'd like to hear other perspectives on the field.", "why_referrals", True),
    ("It would help me get more exposure to the field.", "why_referrals", True),
    ("I don't need other perspectives.", "why_referrals", False),
    # use name
    ("May I mention your name when I contact them?", "use_name", True),
    ("Can I tell them you sent me?", "use_name", True),
    ("I forgot to ask if I could use your name.", "use_name", False),
    ("He said his assistant would mention my name.", "use_name", False),
    # the big mistake
    ("Are you hiring at the moment?", "job_ask", True),
    ("Do you have any openings on your team?", "job_ask", True),
    ("Could you give me a job?", "job_ask", True),
    ("I'm looking for a job, to be honest.", "job_ask", True),
    ("I'm not looking for a job, just information.", "job_ask", False),
    ("I'm not asking you for a position.", "job_ask", False),
    ("My friend is looking for a job.", "job_ask", False),
    ("She said they are hiring next year.", "job_ask", False),
]


@pytest.mark.parametrize(("text", "step", "expected"), CASES)
def test_step_detected_only_when_the_user_did_it(text, step, expected):
    assert (step in find_steps(text)) is expected, find_steps(text)


def test_evidence_is_the_users_own_sentence():
    found = find_steps("Hello! Here's my Résumé. What does a typical day look like?")
    assert found["resume"] == "Here's my Résumé."
    assert found["questions"] == "What does a typical day look like?"


def test_long_sentence_quote_is_cut_around_the_cue():
    text = "Well " + "and so on " * 40 + "here is my resume " + "and more " * 40
    quote = find_steps(text)["resume"]
    assert "here is my resume" in quote
    assert len(quote) <= 160


@pytest.mark.parametrize("text", ["", "   ", "?!", "<b>" * 500, "x" * 50_000])
def test_any_string_is_read_without_error(text):
    assert isinstance(find_steps(text), dict)
