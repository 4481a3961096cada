"""The coach's reply to a debrief, as a channel-neutral :class:`Reply`.

Lives in the library, not in the Rasa action, so the CLI, tests and any other
channel word it the same way.
"""

from __future__ import annotations

from infocoach.coaching.message_kind import MessageKind, asks_question, kind_of
from infocoach.coaching.next_steps import advice, clarifying_question, next_steps
from infocoach.coaching.replies import Reply, bullet_list
from infocoach.coaching.understanding import understanding
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


def debrief_or_redirect(
    text: str, reading: Reading, in_form: bool
) -> Reply | None:
    """The debrief for an account of a meeting; None when it must not be debriefed.

    Only a meeting that took place can show signs, so "none of the signs came
    up" is never said about a question, a worry or a meeting still to come.
    Inside the debrief form, where the user was asked how it went, any
    statement that is not about the future counts ("nothing much happened").
    """
    kind = kind_of(text)
    found = bool(reading.signals) or reading.ambiguous
    if kind is MessageKind.ACCOUNT and (found or not asks_question(text)):
        return debrief_reply(reading, text)
    if found and kind is not MessageKind.NOT_YET and not asks_question(text):
        return debrief_reply(reading, text)
    if in_form and kind is MessageKind.OTHER:
        return debrief_reply(reading, text)
    return None


def not_an_account_reply(question_answer: Reply | None) -> Reply:
    """The answer to the question asked, else: has the meeting happened yet?"""
    if question_answer is not None:
        return question_answer
    words = understanding()
    return Reply(text=words.not_an_account, buttons=tuple(words.not_an_account_buttons))
