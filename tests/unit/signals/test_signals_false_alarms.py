"""Kinds of false alarm the combined spotter raised on no-signal accounts, one check each.

Each kind has new sentences of its own that must stay quiet, and a near twin that
is still the signal, so a check that swallowed the signal itself would fail here.
"""

from __future__ import annotations

import pytest

from infocoach.signals import spot
from infocoach.signals.dataset import SPLITS, load_split

QUIET = {
    "the user's own guess": [
        "I reckon her team could use a second tester at some stage, but she never said as much.",
        "I suspect they'd want someone with my payroll background eventually; nobody told me so.",
        "Not that it came up, but I'd guess they might be short of welders by the summer.",
    ],
    "asking for the user's questions": [
        "Halfway through, he asked me what else I wanted to know about the role.",
        "She asked if I had any more questions before she had to go.",
    ],
    "a need the user says they lack": [
        "He told me they badly need a qualified actuary, and I have no actuarial exams at all.",
        "Her unit is desperate for a Welsh speaker, and I can't speak a word of Welsh.",
    ],
    "what a whole field asks for": [
        "He told me which certificates you need in the construction sector.",
        "She explained what kind of portfolio is needed in the games industry generally.",
    ],
    "the user's own gap": [
        "She wanted me to account for the gap in my employment history.",
    ],
    "said without enthusiasm": [
        "He read out the holiday allowance and the pension in a flat voice.",
        "She ran through the company benefits rather unenthusiastically.",
    ],
    "staff who are not the manager": [
        "The HR rep who signed me in asked about my last two jobs.",
    ],
    "a weekday is not a name": [
        "A woman from the other department came by and gushed about the Thursday quiz.",
    ],
}
STILL_FOUND = [
    ("I think she said they might need a tester once the new contract starts.", "need"),
    ("He asked why I think I'd be good at logistics.", "background"),
    ("She asked about my time in retail and whether I had any questions.", "background"),
    ("The HR director asked about my last two jobs.", "background"),
    ("He said they're desperate for a Welsh speaker, and I don't think they've found one.",
     "need"),
    ("She said they need someone to fill a gap in their data team.", "need"),
    ("She gushed about the pension and the four-day week.", "enthusiasm"),
]


def test_every_sentence_here_is_new() -> None:
    known = {r.text.lower() for split in SPLITS for r in load_split(split)}
    ours = [*(t for group in QUIET.values() for t in group), *(t for t, _ in STILL_FOUND)]
    assert not any(text.lower() in known for text in ours)


@pytest.mark.parametrize("kind, text", [
    (kind, text) for kind, group in QUIET.items() for text in group
])
def test_a_false_alarm_of_this_kind_stays_quiet(kind: str, text: str) -> None:
    assert spot(text).ids == []


@pytest.mark.parametrize("text, signal", STILL_FOUND)
def test_its_near_twin_is_still_the_signal(text: str, signal: str) -> None:
    assert signal in spot(text).ids
