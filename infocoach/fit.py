"""Does informational interviewing suit the user? Verdict plus reasons.

The article is clear: entry-level job-seekers and career changers, yes;
senior people only when changing industries or relocating; and always a
warning against using "research" as a cover for a job hunt.
"""

from __future__ import annotations

import re

from infocoach.content import Button, Content, content
from infocoach.ids import CareerStage, Employment
from infocoach.replies import Reply

# Ordered: the first pattern that matches wins, so specific senior cases
# come before the generic ones.
_STAGE_PATTERNS: tuple[tuple[CareerStage, str], ...] = (
    (CareerStage.SENIOR_CHANGING_INDUSTRY, r"\b(industr(y|ies)|sector)\b"),
    (CareerStage.SENIOR_RELOCATING, r"\b(relocat\w*|mov(e|ed|ing) (to|across)|new (city|area|region|town|state|country|part))\b"),
    (CareerStage.SENIOR_SAME_FIELD, r"\b(senior|executive|director|vp|veteran|\d{2}\+? years|decades?)\b"),
    (CareerStage.CAREER_CHANGER, r"\b(chang\w* (careers?|fields?)|career (change|changer|switch)|switch\w* (careers?|fields?)|new career|pivot\w*)\b"),
    (CareerStage.STUDENT, r"\b(student|graduat\w*|grad|college|university|school|studying)\b"),
    (CareerStage.ENTRY_LEVEL, r"\b(entry[- ]level|first job|junior|beginner|just starting|starting out|intern)\b"),
)
_UNEMPLOYED = r"\b(unemployed|out of work|not (currently )?(employed|working)|jobless|laid off|between jobs|lost my job|no job|don'?t have a job|looking for work)\b"
_EMPLOYED = r"\b(employed|working|have a job|in a job|full[- ]time|part[- ]time)\b"
_UNKNOWN = r"\b(rather not|prefer not|skip|don'?t want to say|n/?a)\b"


def parse_stage(text: str) -> CareerStage | None:
    """Read a career stage from an enum value or free text; None if unclear."""
    cleaned = text.strip().lower()
    try:
        return CareerStage(cleaned)
    except ValueError:
        pass
    senior = re.search(_STAGE_PATTERNS[2][1], cleaned) is not None
    for stage, pattern in _STAGE_PATTERNS:
        if stage in (CareerStage.SENIOR_CHANGING_INDUSTRY, CareerStage.SENIOR_RELOCATING) and not senior:
            continue
        if re.search(pattern, cleaned):
            return stage
    return None


def parse_employment(text: str) -> Employment | None:
    """Read employment status from an enum value or free text; None if unclear."""
    cleaned = text.strip().lower()
    try:
        return Employment(cleaned)
    except ValueError:
        pass
    for status, pattern in (
        (Employment.UNEMPLOYED, _UNEMPLOYED),
        (Employment.UNKNOWN, _UNKNOWN),
        (Employment.EMPLOYED, _EMPLOYED),
    ):
        if re.search(pattern, cleaned):
            return status
    if re.fullmatch(r"(yes|yeah|yep|y)\W*", cleaned):
        return Employment.EMPLOYED
    if re.fullmatch(r"(no|nope|not really|n)\W*", cleaned):
        return Employment.UNEMPLOYED
    return None


def stage_buttons(source: Content | None = None) -> tuple[Button, ...]:
    """One quick reply per career stage, in content order."""
    source = source or content()
    return tuple(
        Button(title=s.label, payload=f'/inform{{"career_stage": "{s.id.value}"}}')
        for s in source.fit.stages
    )


def employment_buttons() -> tuple[Button, ...]:
    return (
        Button(title="Employed", payload='/inform{"employment": "employed"}'),
        Button(title="Not working right now", payload='/inform{"employment": "unemployed"}'),
        Button(title="Rather not say", payload='/inform{"employment": "unknown"}'),
    )


def assess_fit(stage: CareerStage, employment: Employment, source: Content | None = None) -> Reply:
    """The verdict for one situation: headline, the reason, and the honesty warning."""
    source = source or content()
    advice = next(s for s in source.fit.stages if s.id == stage)
    headline = source.fit.suitable_headline if advice.suitable else source.fit.unsuitable_headline
    lines = [
        f"**{headline}**",
        advice.reason,
        f"**A word of caution:** {source.fit.honesty_warning}",
        source.fit.employment_notes[employment],
    ]
    return Reply(text="\n\n".join(lines))
