"""The coach's reply to a debrief, as a channel-neutral :class:`Reply`.

Lives in the library, not in the Rasa action, so the CLI, tests and any other
channel word it the same way.
"""

from __future__ import annotations

from infocoach.coaching.next_steps import advice, clarifying_question, next_steps
from infocoach.coaching.replies import Reply, bullet_list
from infocoach.signals.readings import Reading


def debrief_reply(reading: Reading, report: str = "") -> Reply:
    """Each signal with its quoted evidence and meaning, then next steps;
    or, when the report is unclear, what was clear plus one question.

    ``reading`` is the spotter's reading of ``report``, the user's account.
    """
    content = advice()
    parts = []
    if reading.signals:
        found = [
            f'**{content.signals[f.id].label}**: "{f.evidence}". {content.signals[f.id].meaning}'
            for f in reading.signals
        ]
        parts.append(f"{content.headings.found}\n{bullet_list(found)}")
        if len(reading.signals) > 1:
            parts.append(content.taken_together)
    if reading.ambiguous:
        parts.append(clarifying_question(reading))
        return Reply("\n\n".join(parts))
    steps = next_steps(reading, report)
    numbered = "\n".join(f"{i}. {step}" for i, step in enumerate(steps, start=1))
    parts.append(f"**{content.headings.next_steps}**\n{numbered}")
    return Reply("\n\n".join(parts))
