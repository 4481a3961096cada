"""Walk-through order, phase lookup by name, and how a phase is shown."""

from __future__ import annotations

import pytest

from infocoach.coaching.walkthrough import (
    continue_button,
    find_phase,
    next_phase,
    parse_phase,
    phase_menu,
    show_phase,
)
from infocoach.ids import PHASE_ORDER, Phase


def test_walkthrough_visits_all_eight_phases_in_order():
    seen, current = [], None
    while (current := next_phase(current)) is not None:
        seen.append(current)
    assert tuple(seen) == PHASE_ORDER and len(seen) == 8


@pytest.mark.parametrize(
    ("value", "phase"),
    [
        ("close", Phase.CLOSE),
        (" End_Game ", Phase.END_GAME),
        ("nonsense", None),
        (None, None),
        ("", None),
    ],
)
def test_parse_phase(value, phase):
    assert parse_phase(value) == phase


@pytest.mark.parametrize(
    ("text", "phase"),
    [
        ("go to step 5", Phase.CLOSE),
        ("show me the thank-you note part", Phase.THANK_YOU),
        ("skip to the end game", Phase.END_GAME),
        ("how about ending the meeting", Phase.CLOSE),
        ("jump to calling referrals", Phase.REFERRALS),
        ("take me to step one", Phase.FIT),
        ("something unrelated", None),
    ],
)
def test_find_phase_by_name_or_number(text, phase):
    assert find_phase(text) == phase


def test_each_phase_shows_title_points_and_next_button():
    for phase in PHASE_ORDER:
        reply = show_phase(phase)
        assert reply.text.startswith("**Step ")
        assert reply.text.count("\n- ") >= 2
        assert reply.buttons
    assert any(b.payload == "/walkthrough_next" for b in show_phase(Phase.CLOSE).buttons)


def test_closing_phase_teaches_thanks_two_or_three_referrals_reason_and_name():
    text = show_phase(Phase.CLOSE).text
    for fact in (
        "Thank them",
        "two or three managers at other companies",
        "more angles",
        "say they sent you",
    ):
        assert fact in text


def test_phase_menu_offers_every_phase():
    payloads = [b.payload for b in phase_menu().buttons]
    assert payloads == [f'/show_phase{{"phase": "{p.value}"}}' for p in PHASE_ORDER]


def test_continue_button_only_inside_an_unfinished_walkthrough():
    assert continue_button(None) == ()
    assert continue_button(Phase.END_GAME) == ()
    assert continue_button(Phase.OPEN)[0].payload == "/walkthrough_next"
