"""Requests told by their shape, whatever backstory comes with them."""

from __future__ import annotations

import pytest

from infocoach.coaching.requests import Request, requested


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("met the bakery owner this morning, could you write her a short thank-you?",
         Request.DRAFT_THANK_YOU),
        ("pls draft thanks for the clinic manager", Request.DRAFT_THANK_YOU),
        ("need a short thank-you for the nurse manager, she was so patient",
         Request.DRAFT_THANK_YOU),
        ("I need you to compose the call to the referral she gave me", Request.DRAFT_CALL),
        ("help me put together a script for ringing the new contact", Request.DRAFT_CALL),
        ("I met him for research in May. Write my request for a job interview",
         Request.DRAFT_INTERVIEW_REQUEST),
        ("can u draft the call where I ask her to interview me", Request.DRAFT_INTERVIEW_REQUEST),
        ("could you bring up the section about closing?", Request.SHOW_PHASE),
        ("i only want to see the stage on referrals", Request.SHOW_PHASE),
        ("skip to the end game part", Request.SHOW_PHASE),
        ("hello, I'm a nurse who wants to try health informatics. where should I begin?",
         Request.INTRODUCE),
        ("just graduated in physics, no clue what the first step is", Request.INTRODUCE),
    ],
)
def test_a_request_is_told_by_its_shape(text: str, kind: Request) -> None:
    assert requested(text) is kind


@pytest.mark.parametrize(
    "text",
    [
        "how soon should I write the thank-you?",
        "should I phone the referral or write to them?",
        "can I write notes during the informational interview?",
        "write down everything they say, is that ok?",
        "what goes in a thank-you note?",
        "do I need a thank-you note if they gave me nothing?",
        "go on to the next part",
        "what's the step about referrals for?",
        "write me a poem about the sea",
        "the manager said to call her next week",
        "I'm done with my research, what's the next step?",
        "where do I start the meeting?",
    ],
)
def test_questions_and_other_messages_are_not_requests(text: str) -> None:
    assert requested(text) is None
