"""The fit verdict follows the article: who the method suits and the warning."""

from __future__ import annotations

import pytest

from infocoach.coaching.fit import assess_fit, parse_employment, parse_stage
from infocoach.ids import CareerStage, Employment


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        ("student", CareerStage.STUDENT),
        ("I'm a college student", CareerStage.STUDENT),
        ("I just graduated", CareerStage.STUDENT),
        ("looking for my first job", CareerStage.ENTRY_LEVEL),
        ("entry-level", CareerStage.ENTRY_LEVEL),
        ("I'm changing careers from teaching to UX", CareerStage.CAREER_CHANGER),
        ("I'm a senior engineering manager", CareerStage.SENIOR_SAME_FIELD),
        ("senior manager moving to the computer industry", CareerStage.SENIOR_CHANGING_INDUSTRY),
        ("I'm a director relocating to Denver", CareerStage.SENIOR_RELOCATING),
        ("senior_relocating", CareerStage.SENIOR_RELOCATING),
    ],
)
def test_stage_is_read_from_free_text(text, stage):
    assert parse_stage(text) == stage


@pytest.mark.parametrize("text", ["", "banana", "🙂", "je suis étudiant?"])
def test_unclear_stage_is_none_rather_than_a_guess(text):
    assert parse_stage(text) is None


def test_industry_change_without_seniority_is_not_read_as_senior():
    assert parse_stage("I'm moving to a new industry") is None


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("unemployed", Employment.UNEMPLOYED),
        ("I was laid off last month", Employment.UNEMPLOYED),
        ("not working right now", Employment.UNEMPLOYED),
        ("I have a job", Employment.EMPLOYED),
        ("yes", Employment.EMPLOYED),
        ("no", Employment.UNEMPLOYED),
        ("rather not say", Employment.UNKNOWN),
    ],
)
def test_employment_is_read_from_free_text(text, status):
    assert parse_employment(text) == status


@pytest.mark.parametrize(
    "stage",
    [
        CareerStage.STUDENT,
        CareerStage.ENTRY_LEVEL,
        CareerStage.CAREER_CHANGER,
        CareerStage.SENIOR_CHANGING_INDUSTRY,
        CareerStage.SENIOR_RELOCATING,
    ],
)
def test_method_fits_entry_level_changers_and_senior_exceptions(stage):
    verdict = assess_fit(stage, Employment.EMPLOYED).text
    assert verdict.startswith("**Yes")


def test_method_seldom_fits_senior_people_in_their_own_field():
    verdict = assess_fit(CareerStage.SENIOR_SAME_FIELD, Employment.EMPLOYED).text
    assert verdict.startswith("**Probably not")
    assert "expertise" in verdict


def test_industry_change_reason_says_industries_not_fields():
    assert (
        "changing industries, not fields"
        in assess_fit(CareerStage.SENIOR_CHANGING_INDUSTRY, Employment.EMPLOYED).text
    )


@pytest.mark.parametrize("stage", list(CareerStage))
@pytest.mark.parametrize("status", list(Employment))
def test_every_verdict_warns_against_a_disguised_job_hunt(stage, status):
    verdict = assess_fit(stage, status).text
    assert "pretext" in verdict and "wary" in verdict


def test_unemployed_users_are_told_to_expect_more_suspicion():
    unemployed = assess_fit(CareerStage.CAREER_CHANGER, Employment.UNEMPLOYED).text
    employed = assess_fit(CareerStage.CAREER_CHANGER, Employment.EMPLOYED).text
    assert "out of work" in unemployed and "more of that suspicion" in unemployed
    assert "more of that suspicion" not in employed
