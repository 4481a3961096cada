"""Slack formatting: mrkdwn conversion, splitting at Slack's limits, Block Kit buttons."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from infocoach.channels.slack_format import (
    MAX_BUTTON_TITLE_CHARS,
    MAX_MESSAGE_CHARS,
    answered_blocks,
    button_blocks,
    scorecard_blocks,
    split_text,
    to_mrkdwn,
)
from infocoach.coaching.practice import engine
from infocoach.coaching.practice.scorecard import score, view
from infocoach.ids import Persona


def test_bold_and_italic_become_slack_mrkdwn():
    text = "Ask about **informational interviews**, then say *next* or *help*."
    assert to_mrkdwn(text) == "Ask about *informational interviews*, then say _next_ or _help_."


def test_bullets_become_bullet_characters_and_arithmetic_stays():
    assert to_mrkdwn("Points:\n- one\n- **two**") == "Points:\n• one\n• *two*"
    assert to_mrkdwn("2 * 3 * 4 - 1") == "2 * 3 * 4 - 1"


def test_slack_markup_characters_are_escaped():
    assert to_mrkdwn("Q&A <b> *now*") == "Q&amp;A &lt;b&gt; _now_"


def test_short_text_is_one_message_with_its_paragraphs():
    assert split_text("First.\n\nSecond.") == ["First.\n\nSecond."]


def test_long_text_splits_between_paragraphs():
    paragraphs = [f"{i}" + "x" * 1400 for i in range(5)]
    parts = split_text("\n\n".join(paragraphs), limit=3000)
    assert parts == ["\n\n".join(paragraphs[0:2]), "\n\n".join(paragraphs[2:4]), paragraphs[4]]


def test_a_paragraph_longer_than_the_limit_splits_at_lines_then_words():
    lines = "\n".join(["a" * 40] * 5)
    assert split_text(lines, limit=100) == ["\n".join(["a" * 40] * 2)] * 2 + ["a" * 40]
    words = " ".join(["word"] * 30)
    assert all(len(p) <= 20 and not p.startswith(" ") for p in split_text(words, limit=20))


@given(st.text(alphabet=st.sampled_from("ab \n"), max_size=400), st.integers(5, 60))
def test_split_never_exceeds_the_limit_nor_loses_words(text, limit):
    parts = split_text(text, limit=limit)
    assert all(0 < len(part) <= limit for part in parts)
    assert "".join("".join(parts).split()) == "".join(text.split())


def test_buttons_become_block_kit_buttons_carrying_their_payloads():
    buttons = [{"title": "Coach me through it", "payload": "/walkthrough_start"},
               {"title": "Student", "payload": '/inform{"career_stage": "student"}'}]
    section, actions = button_blocks("*Hi*", buttons)
    assert section == {"type": "section", "text": {"type": "mrkdwn", "text": "*Hi*"}}
    assert [(e["text"]["text"], e["value"]) for e in actions["elements"]] == [
        ("Coach me through it", "/walkthrough_start"),
        ("Student", '/inform{"career_stage": "student"}'),
    ]
    assert len({e["action_id"] for e in actions["elements"]}) == 2


def test_more_than_25_buttons_take_several_blocks_and_long_titles_are_cut():
    buttons = [{"title": "t" * 100, "payload": str(i)} for i in range(30)]
    _, first, second = button_blocks("x", buttons)
    assert (len(first["elements"]), len(second["elements"])) == (25, 5)
    assert len(first["elements"][0]["text"]["text"]) == MAX_BUTTON_TITLE_CHARS


def test_a_clicked_message_shows_the_choice_instead_of_the_buttons():
    blocks = button_blocks("Pick one", [{"title": "A & B", "payload": "/a"}])
    section, choice = answered_blocks(blocks, "A & B")
    assert section == blocks[0]
    assert choice["type"] == "context"
    assert "*A &amp; B*" in choice["elements"][0]["text"]


def test_a_scorecard_becomes_sections_with_a_done_and_missed_list():
    state = engine.respond(engine.start(3, "nursing", Persona.NEUTRAL).state,
                           "Here is my resume <b>& more</b>.").state
    blocks = scorecard_blocks(view(score(state)))
    texts = [b["text"]["text"] for b in blocks]
    assert all(b["type"] == "section" and b["text"]["type"] == "mrkdwn" for b in blocks)
    assert texts[0].startswith("*Your scorecard*: practice with a helpful manager")
    steps = texts[1].split("\n")
    assert len(steps) == 8
    assert steps[0] == ('✓ *Done*: Handed over your resume '
                        '(you said "Here is my resume &lt;b&gt;&amp; more&lt;/b&gt;.")')
    assert steps[1] == "✗ *Missed*: Explained your situation"
    assert texts[2].startswith("You did not ask for a job")
    assert texts[3].startswith("*Signs of interest*\n")
    assert texts[4].startswith("*Tips for next time*\n• ")


def test_a_scorecard_with_long_quotes_still_fits_slacks_sections():
    long = "Here is my resume. " + "I have worked in many places and " * 200
    state = engine.respond(engine.start(3, "nursing", Persona.NEUTRAL).state, long).state
    blocks = scorecard_blocks(view(score(state)))
    assert all(len(b["text"]["text"]) <= MAX_MESSAGE_CHARS for b in blocks)
    assert "Handed over your resume" in "".join(b["text"]["text"] for b in blocks)
