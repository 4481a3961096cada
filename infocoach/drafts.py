"""Drafts the user can copy: questions, call scripts, notes.

Templates live in ``data/content``; this module only fills them, cleaning
user-typed values so that a draft never contains stray markup or a name
thousands of characters long.
"""

from __future__ import annotations

import re

from infocoach.content import Content, content
from infocoach.replies import Reply, bullet_list

MAX_VALUE_LENGTH = 80
SKIP_WORDS = frozenset(
    {"skip", "none", "no", "n/a", "na", "-", "don't know", "dont know", "not sure"}
)


def clean_value(value: str | None) -> str | None:
    """Collapse whitespace, drop markup characters, cap length; None if empty or 'skip'."""
    if value is None:
        return None
    text = re.sub(r"[<>{}\[\]*_`|\\]", "", str(value))
    text = re.sub(r"\s+", " ", text).strip(" .,;:!?\"'")
    if not text or text.lower() in SKIP_WORDS:
        return None
    if len(text) > MAX_VALUE_LENGTH:
        text = text[:MAX_VALUE_LENGTH].rsplit(" ", 1)[0] + "…"
    return text


def questions_for(field: str | None, source: Content | None = None) -> Reply:
    """Questions to ask in the meeting, tailored when the target field is known."""
    source = source or content()
    field = clean_value(field)
    if field:
        items = [q.format(field=field) for q in source.questions.with_field]
        intro = f"Here are questions worth asking a manager in **{field}**:"
    else:
        items = list(source.questions.without_field)
        intro = "Here are questions worth asking in any informational interview:"
    outro = "Pick the few that matter most to you, and take notes on the answers."
    return Reply(text=f"{intro}\n{bullet_list(items)}\n\n{outro}")


def thank_you_note(
    manager: str | None, company: str | None, topic: str | None, source: Content | None = None
) -> Reply:
    """A short thank-you note; send one after every meeting, referrals or not."""
    source = source or content()
    draft = source.templates.thank_you_note.text.format(
        manager=clean_value(manager) or "[manager's name]",
        company=clean_value(company) or "your company",
        topic=clean_value(topic) or "the field",
    )
    return Reply(
        text=(
            "Here is a short thank-you note. Send one after **every** informational interview, "
            f"whether or not you got referrals:\n\n{draft}"
        )
    )


def referral_call(
    contact: str | None, referrer: str | None, company: str | None, source: Content | None = None
) -> Reply:
    """A call script that names the referrer, states the purpose, asks for a brief meeting."""
    source = source or content()
    draft = source.templates.referral_call.text.format(
        contact=clean_value(contact) or "[their name]",
        referrer=clean_value(referrer) or "[the manager who referred you]",
        company=clean_value(company) or "yours",
    )
    return Reply(
        text=(
            "A phone call is fine, because someone you both know referred you. Here is a script: "
            "it names who sent you, says why you're calling and asks for a brief meeting.\n\n"
            f"{draft}"
        )
    )


def interview_request(
    manager: str | None, position: str | None, source: Content | None = None
) -> Reply:
    """What to say when calling a manager you'd like to work for once research is done."""
    source = source or content()
    draft = source.templates.interview_request.text.format(
        manager=clean_value(manager) or "[manager's name]",
        position=clean_value(position) or "[the position you want]",
    )
    return Reply(
        text=(
            "Call the managers you'd like to work for and bring them up to date. For example:\n\n"
            f"{draft}\n\nIf there's no opening, ask whom else they'd suggest you talk to: "
            "your new contacts are your network for job interviews now."
        )
    )
