"""Does informational interviewing suit the user? Verdict plus reasons.

The article is clear: entry-level job-seekers and career changers, yes;
senior people only when changing industries or relocating; and always a
warning against using "research" as a cover for a job hunt.
"""

from __future__ import annotations

import re

from infocoach.coaching.content import Button, Content, content
from infocoach.coaching.replies import Reply
from infocoach.ids import CareerStage, Employment


def _any(*alternatives: str) -> str:
    """A regex matching any of the alternatives as whole words."""
    return r"\b(" + "|".join(alternatives) + r")\b"


_SENIOR = _any("senior", "executive", "director", "vp", "veteran", r"\d{2}\+? years", "decades?")
# Ordered: the first pattern that matches wins, so the senior exceptions come
# before plain seniority, and seniority before the generic stages.
_STAGE_PATTERNS: tuple[tuple[CareerStage, str], ...] = (
    (CareerStage.SENIOR_CHANGING_INDUSTRY, _any(r"industr(y|ies)", "sector")),
    (
        CareerStage.SENIOR_RELOCATING,
        _any(
            r"relocat\w*",
            r"mov(e|ed|ing) (to|across)",
            "new (city|area|region|town|state|country|part)",
        ),
    ),
    (CareerStage.SENIOR_SAME_FIELD, _SENIOR),
    (
        CareerStage.CAREER_CHANGER,
        _any(
            r"chang\w* (careers?|fields?)",
            "career (change|changer|switch)",
            r"switch\w* (careers?|fields?)",
            "(new|second) career",
            r"pivot\w*",
            r"transition\w*",
            r"(mov|break|get|gett)\w* into",
            r"switch\w* (in)?to",
        ),
    ),
    (
        CareerStage.STUDENT,
        _any("student", r"graduat\w*", "grad", "college", "university", "school", "studying"),
    ),
    (
        CareerStage.ENTRY_LEVEL,
        _any(
            "entry[- ]level",
            "first job",
            "junior",
            "beginner",
            "just starting",
            "starting out",
            "intern",
        ),
    ),
)
_SENIOR_ONLY = (CareerStage.SENIOR_CHANGING_INDUSTRY, CareerStage.SENIOR_RELOCATING)
_UNEMPLOYED = _any(
    "unemployed",
    "out of work",
    "not (currently )?(employed|working)",
    "jobless",
    "laid off",
    "between jobs",
    "lost my job",
    "no job",
    "don'?t have a job",
    "looking for work",
)
_EMPLOYED = _any("employed", "working", "have a job", "in a job", "full[- ]time", "part[- ]time")
_UNKNOWN = _any("rather not", "prefer not", "skip", "don'?t want to say", "n/?a")


def parse_stage(text: str) -> CareerStage | None:
    """Read a career stage from an enum value or free text; None if unclear."""
    cleaned = text.strip().lower()
    try:
        return CareerStage(cleaned)
    except ValueError:
        pass
    senior = re.search(_STAGE_PATTERNS[2][1], cleaned) is not None
    for stage, pattern in _STAGE_PATTERNS:
        if (
            stage in (CareerStage.SENIOR_CHANGING_INDUSTRY, CareerStage.SENIOR_RELOCATING)
            and not senior
        ):
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


def employment_buttons(source: Content | None = None) -> tuple[Button, ...]:
    """One quick reply per employment status, in :class:`Employment` order."""
    labels = (source or content()).fit.employment_labels
    return tuple(
        Button(title=labels[status], payload=f'/inform{{"employment": "{status.value}"}}')
        for status in Employment
    )


def ask_stage(source: Content | None = None) -> Reply:
    """The fit form's first question, answered with a quick reply per stage."""
    source = source or content()
    return Reply(text=source.fit.ask_stage, buttons=stage_buttons(source))


def ask_employment(source: Content | None = None) -> Reply:
    """The fit form's second question, answered with a quick reply per status."""
    source = source or content()
    return Reply(text=source.fit.ask_employment, buttons=employment_buttons(source))


def stage_verdict(stage: CareerStage, source: Content | None = None) -> str:
    """Whether the method suits this career stage: the bold headline and the reason."""
    source = source or content()
    advice = next(s for s in source.fit.stages if s.id == stage)
    headline = source.fit.suitable_headline if advice.suitable else source.fit.unsuitable_headline
    return f"**{headline}**\n\n{advice.reason}"


def assess_fit(stage: CareerStage, employment: Employment, source: Content | None = None) -> Reply:
    """The verdict for one situation: headline, the reason, and the honesty warning."""
    source = source or content()
    lines = [
        stage_verdict(stage, source),
        f"**{source.fit.caution_heading}:** {source.fit.honesty_warning}",
        source.fit.employment_notes[employment],
    ]
    return Reply(text="\n\n".join(lines))
