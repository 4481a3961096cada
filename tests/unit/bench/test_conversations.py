"""The simulated users' scripts."""

from __future__ import annotations

import pytest

from infocoach.bench.conversations import INFOCOACH, REFERENCE, users


def test_both_bots_get_multi_turn_conversations_of_the_same_length():
    lengths = {len(script) for script in INFOCOACH + REFERENCE}
    assert lengths == {6}
    assert all(text.strip() for script in INFOCOACH + REFERENCE for text in script)


def test_users_take_the_scripts_in_turn_under_distinct_names():
    players = users(10, INFOCOACH, prefix="ic")
    assert len({p.name for p in players}) == 10
    assert [p.script for p in players[:4]] == list(INFOCOACH)
    assert players[4].script == INFOCOACH[0]
    assert users(1, REFERENCE, prefix="ref")[0].script == REFERENCE[0]


def test_no_users_or_no_scripts_is_refused():
    with pytest.raises(ValueError, match="at least one user"):
        users(0, INFOCOACH, prefix="x")
    with pytest.raises(ValueError, match="no conversation scripts"):
        users(3, (), prefix="x")
