"""Direct answers and the clarifying question."""

from __future__ import annotations

from infocoach.coaching.answers import answer, clarify


def test_answer_by_retrieval_key():
    reply = answer("faq/call_or_write")
    assert reply is not None and "phone call is appropriate" in reply.text


def test_unknown_topic_has_no_answer():
    assert answer("faq/unknown_topic") is None
    assert answer(None) is None


def test_clarify_offers_the_guessed_questions_as_typed_text():
    reply = clarify(["faq/close_meeting", "faq/ask_referrals"])
    assert "Did you mean" in reply.text
    titles = [b.title for b in reply.buttons]
    assert titles[:2] == ["How do I end the meeting?", "How do I ask for referrals?"]
    assert reply.buttons[0].payload == reply.buttons[0].title
    assert titles[-2:] == ["Coach me through it", "What can you do?"]


def test_clarify_without_guesses_offers_the_main_paths():
    reply = clarify([])
    assert "step by step" in reply.text
    assert [b.payload for b in reply.buttons] == ["/walkthrough_start", "/help"]
