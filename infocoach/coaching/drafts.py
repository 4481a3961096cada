"""Drafts the user can copy: questions, call scripts, notes.

Templates live in ``data/content``; this module only fills them, cleaning
user-typed values so that a draft never contains stray markup or a name
thousands of characters long.
"""

from __future__ import annotations

import re

from infocoach.coaching.content import Content, Template, content
from infocoach.coaching.replies import Reply, bullet_list

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
    questions = source.questions
    if field:
        items = [q.format(field=field) for q in questions.with_field]
        intro = questions.intro_with_field.format(field=field)
    else:
        items = list(questions.without_field)
        intro = questions.intro_without_field
    return Reply(text=f"{intro}\n{bullet_list(items)}\n\n{questions.outro}")


def fill(template: Template, values: dict[str, str | None]) -> Reply:
    """The template's draft with cleaned values (or its fallbacks), framed by its intro."""
    filled = template.text.format(
        **{
            name: clean_value(values.get(name)) or template.fallbacks[name]
            for name in template.fields
        }
    )
    return Reply(
        text="\n\n".join(part for part in (template.intro, filled, template.outro) if part)
    )


def thank_you_note(
    manager: str | None, company: str | None, topic: str | None, source: Content | None = None
) -> Reply:
    """A short thank-you note; send one after every meeting, referrals or not."""
    template = (source or content()).templates.thank_you_note
    return fill(template, {"manager": manager, "company": company, "topic": topic})


def referral_call(
    contact: str | None, referrer: str | None, company: str | None, source: Content | None = None
) -> Reply:
    """A call script that names the referrer, states the purpose, asks for a brief meeting."""
    template = (source or content()).templates.referral_call
    return fill(template, {"contact": contact, "referrer": referrer, "company": company})


def interview_request(
    manager: str | None, position: str | None, source: Content | None = None
) -> Reply:
    """What to say when calling a manager you'd like to work for once research is done."""
    template = (source or content()).templates.interview_request
    return fill(template, {"manager": manager, "position": position})
