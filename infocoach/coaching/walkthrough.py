"""The guided walk-through: which phase comes next and how a phase is shown."""

from __future__ import annotations

import re

from infocoach.coaching.content import Button, Content, content
from infocoach.coaching.replies import Reply, bullet_list
from infocoach.ids import PHASE_ORDER, Phase

# A user who tells how a meeting went is past it, close included: their "what
# do I do next?" goes on to calling the referrals, not back to the first phase.
AFTER_A_MEETING = Phase.CLOSE


def parse_phase(value: object) -> Phase | None:
    """A Phase from a slot or entity value; None when absent or unknown."""
    try:
        return Phase(str(value).strip().lower()) if value else None
    except ValueError:
        return None


def find_phase(text: str, source: Content | None = None) -> Phase | None:
    """The phase a phrase like "go to the closing step" names; the longest alias wins."""
    source = source or content()
    lowered = " ".join(text.lower().split())
    matches = [
        (len(alias), phase.id)
        for phase in source.phases.phases
        for alias in phase.aliases
        if re.search(rf"\b{re.escape(alias)}\b", lowered)
    ]
    return max(matches)[1] if matches else None


def phase_menu(source: Content | None = None) -> Reply:
    """Ask which phase to show, one quick reply per phase."""
    source = source or content()
    buttons = tuple(
        Button(
            title=p.title.split(": ", 1)[-1].capitalize(),
            payload=f'/show_phase{{"phase": "{p.id.value}"}}',
        )
        for p in source.phases.phases
    )
    return Reply(text=source.phases.walkthrough.menu_question, buttons=buttons)


def next_phase(current: Phase | None) -> Phase | None:
    """The phase after ``current``; the first one when none is set; None after the last."""
    if current is None:
        return PHASE_ORDER[0]
    index = PHASE_ORDER.index(current)
    return PHASE_ORDER[index + 1] if index + 1 < len(PHASE_ORDER) else None


def show_phase(phase: Phase, source: Content | None = None) -> Reply:
    """A phase as one message: title, intro, key points, and its quick replies."""
    source = source or content()
    item = source.phase(phase)
    text = f"**{item.title}**\n\n{item.intro}\n\n{bullet_list(item.points)}"
    return Reply(text=text, buttons=tuple(item.buttons))


def finished(source: Content | None = None) -> Reply:
    """Said after the last phase: what was covered, and where to go from here."""
    frame = (source or content()).phases.walkthrough
    return Reply(text=frame.finished, buttons=tuple(frame.finished_buttons))


def continue_button(current: Phase | None, source: Content | None = None) -> tuple[Button, ...]:
    """A way back into an unfinished walk-through after a side question."""
    if current is None or next_phase(current) is None:
        return ()
    return ((source or content()).phases.walkthrough.continue_button,)
