"""The real servers over the REST channel: walk-through, direct questions,
bad input, and a restart that keeps the conversation."""

from __future__ import annotations

import uuid

import pytest
import requests

from infocoach.channels.limits import EMPTY_MESSAGE_REPLY, TRUNCATED_NOTE

pytestmark = pytest.mark.e2e


class Chat:
    """One conversation with the running bot."""

    def __init__(self, url: str) -> None:
        self.webhook = f"{url}/webhooks/rest/webhook"
        self.sender = f"e2e-{uuid.uuid4().hex[:10]}"

    def post(self, payload: object) -> requests.Response:
        return requests.post(self.webhook, json=payload, timeout=60)

    def say(self, text: str) -> list[dict]:
        response = self.post({"sender": self.sender, "message": text})
        assert response.status_code == 200, response.text
        return response.json()

    def text(self, message: str) -> str:
        return "\n".join(m.get("text", "") for m in self.say(message))


@pytest.fixture
def chat(live_servers) -> Chat:
    return Chat(live_servers.url)


def test_walkthrough_visits_every_phase_in_order(chat):
    assert "Step 1 of 8" in chat.text("coach me through it")
    for step in range(2, 9):
        assert f"Step {step} of 8" in chat.text("next"), step
    assert "That's the whole method" in chat.text("what's next?")


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("who is informational interviewing for?", "entry-level"),
        ("I'm a senior director, can I use this?", "changing industries, not fields"),
        ("can I use it to ask for a job?", "suspicious"),
        ("what should I bring to the meeting?", "copy of your resume"),
        ("how do I open the meeting?", "you are the interviewer"),
        ("how can I tell if the manager wants to hire me?", "start taking notes"),
        ("how do I end the meeting?", "two or three other companies"),
        ("should I call or email the referral?", "phone call is appropriate"),
        ("do I need to send a thank you note?", "whether or not they gave you referrals"),
        ("I've finished my research, what now?", "ask whether an interview can be arranged"),
    ],
)
def test_direct_question_for_each_phase(chat, question, expected):
    assert expected in chat.text(question)


def test_side_question_does_not_break_the_walkthrough(chat):
    chat.text("coach me through it")
    chat.text("next")
    assert "phone call" in chat.text("should I call or write to a referral?")
    assert "Step 3 of 8" in chat.text("next")


def test_fit_check_with_quick_replies(chat):
    buttons = chat.say("is this method right for me?")[-1]["buttons"]
    changer = next(b for b in buttons if b["title"] == "Changing careers")
    assert "working at the moment" in chat.text(changer["payload"])
    verdict = chat.text('/inform{"employment": "unemployed"}')
    assert "good fit" in verdict and "suspicion" in verdict


def test_referral_call_script_from_typed_names(chat):
    assert "Who referred you" in chat.text("draft my call script")
    assert "Whom are you calling" in chat.text("Sam Ortiz")
    assert "Which company" in chat.text("Dana Lee")
    script = chat.text("Acme Corp")
    assert "Sam Ortiz suggested I give you a call" in script and "Hello Dana Lee" in script


def test_debrief_reports_the_signals_it_finds(chat):
    reply = chat.text("He asked about my background and then started taking notes")
    assert "background" in reply.lower() and "notes" in reply.lower()


@pytest.mark.parametrize("text", ["", "   ", "\n\t"])
def test_empty_input_gets_a_hint_and_changes_nothing(chat, text):
    assert chat.say(text) == [{"recipient_id": f"rest:{chat.sender}", "text": EMPTY_MESSAGE_REPLY}]


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        ({"message": "hi"}, '"sender" is required'),
        ({"sender": "", "message": "hi"}, '"sender" is required'),
        ({"sender": "x"}, '"message" is required'),
        ({"sender": "x", "message": 42}, '"message" must be a string'),
        (["not", "an", "object"], "send a JSON object"),
    ],
)
def test_malformed_requests_are_refused_with_a_reason(chat, payload, message):
    response = chat.post(payload)
    assert response.status_code == 400
    assert message in response.json()["error"]


def test_invalid_json_is_refused(live_servers):
    response = requests.post(
        f"{live_servers.url}/webhooks/rest/webhook",
        data="{oops",
        headers={"content-type": "application/json"},
        timeout=30,
    )
    assert response.status_code == 400
    assert "not valid JSON" in response.json()["error"]


def test_huge_input_is_cut_with_a_note_and_the_chat_goes_on(chat):
    replies = chat.say("how do I end the meeting? " + "really " * 4000)
    assert replies[0]["text"] == TRUNCATED_NOTE
    assert len(replies) > 1
    assert "Step 1 of 8" in chat.text("coach me through it")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("🙂🙂🙂", "not sure I understood"),
        ("<img src=x onerror=alert(1)><script>alert(1)</script>", "not sure I understood"),
        ("¿Cómo termino la reunión con el gerente?", "only coach in English"),
        ("面试结束后我应该做什么？", "only coach in English"),
        ("/no_such_command", ""),
    ],
)
def test_odd_input_gets_a_sensible_reply_and_the_chat_goes_on(chat, text, expected):
    reply = chat.text(text)
    assert reply.strip(), "no reply at all"
    assert expected in reply
    assert "two or three other companies" in chat.text("how do I end the meeting?")


def test_restarted_server_continues_the_conversation(live_servers):
    chat = Chat(live_servers.url)
    chat.text("coach me through it")
    assert "Step 2 of 8" in chat.text("next")
    live_servers.restart_rasa()
    assert "Step 3 of 8" in chat.text("next")
