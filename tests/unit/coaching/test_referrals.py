"""Reading whether the manager suggested people to contact, negation included."""

from __future__ import annotations

import pytest

from infocoach.coaching.referrals import said_got_names


@pytest.mark.parametrize(
    "report",
    [
        "she gave me two names",
        "He referred me to two managers at Acme.",
        "He did not take notes, but he gave me the names of two managers.",
        "We talked about the team and she suggested three people I should call.",
        "I didn't expect it, yet she put me in touch with a colleague in sales.",
        "He mentioned a few contacts at other hospitals",
        "Got two referrals!",
    ],
)
def test_got_names(report: str) -> None:
    assert said_got_names(report)


@pytest.mark.parametrize(
    "report",
    [
        "he didn't give me any names",
        "She gave me no names.",
        "I asked for referrals but he didn't give me any.",
        "I forgot to ask for referrals.",
        "He never referred me to anyone.",
        "He wouldn't share any contacts",
        "She did not really suggest anyone.",
        "I was hoping she would give me some names.",
        "She asked about my background and took notes.",
        "",
    ],
)
def test_did_not_get_names(report: str) -> None:
    assert not said_got_names(report)
