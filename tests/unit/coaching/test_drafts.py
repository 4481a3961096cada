"""Drafts fill their templates with cleaned values and keep the article's points."""

from __future__ import annotations

from infocoach.coaching.drafts import (
    MAX_VALUE_LENGTH,
    clean_value,
    interview_request,
    questions_for,
    referral_call,
    thank_you_note,
)


def test_questions_are_tailored_to_the_field():
    text = questions_for("nursing").text
    assert "**nursing**" in text
    assert text.count("nursing") >= 5


def test_questions_without_field_are_generic():
    for skip in (None, "", "skip", "  Skip. "):
        text = questions_for(skip).text
        assert "any informational interview" in text
        assert "{field}" not in text


def test_referral_call_names_referrer_states_purpose_asks_for_brief_meeting():
    text = referral_call(contact="Dana Lee", referrer="Sam Ortiz", company="Acme").text
    assert "Sam Ortiz suggested I give you a call" in text
    assert "Hello Dana Lee" in text
    assert "researching the field" in text
    assert "brief meeting" in text
    assert "phone call is fine" in text


def test_referral_call_without_company_still_reads_well():
    text = referral_call(contact="Dana", referrer="Sam", company="skip").text
    assert "companies like yours" in text


def test_thank_you_note_is_short_and_sent_referrals_or_not():
    text = thank_you_note(manager="Ms. Rivera", company="Northwind", topic="hospital budgets").text
    assert "Dear Ms. Rivera" in text and "Northwind" in text and "hospital budgets" in text
    assert "whether or not you got referrals" in text
    assert len(text.split()) < 120


def test_placeholders_are_shown_when_values_are_missing():
    text = thank_you_note(manager=None, company=None, topic=None).text
    assert "[manager's name]" in text and "the field" in text


def test_interview_request_says_research_is_complete_and_asks_for_an_interview():
    text = interview_request(manager="Alex", position="a junior data analyst").text
    assert "completed my research" in text
    assert "a junior data analyst" in text
    assert "interview" in text.lower()
    assert "contacts your research gave you" in text and "job interviews" in text
    assert "whom else" not in text  # the article's route with no opening is your contacts


def test_markup_in_user_values_is_removed():
    assert clean_value("<script>alert(1)</script>Ana") == "scriptalert(1)/scriptAna"
    assert clean_value("**Bob**") == "Bob"


def test_huge_values_are_capped():
    value = clean_value("word " * 5000)
    assert value is not None and len(value) <= MAX_VALUE_LENGTH + 1 and value.endswith("…")


def test_emoji_and_other_scripts_survive_cleaning():
    assert clean_value("  Zoë 🙂 ") == "Zoë 🙂"
    assert clean_value("株式会社トヨタ") == "株式会社トヨタ"
