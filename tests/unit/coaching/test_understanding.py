"""Message kinds, free-text answers, uncovered topics and introductions: plain Python, no Rasa."""

from __future__ import annotations

from pathlib import Path

import pytest

from infocoach.coaching import fit
from infocoach.coaching.answers import clarify
from infocoach.coaching.debrief import debrief_or_redirect, not_an_account_reply
from infocoach.coaching.free_text import AnswerKind, judge
from infocoach.coaching.introduce import introduce_reply, stage_of
from infocoach.coaching.message_kind import MessageKind, kind_of
from infocoach.coaching.uncovered import load_uncovered, match, uncovered_reply
from infocoach.coaching.understanding import load_understanding
from infocoach.datafile import DataFileError
from infocoach.ids import CareerStage
from infocoach.signals import spot


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("she kept asking about my degree and then wrote a few things down", MessageKind.ACCOUNT),
        ("the director said, at length, that her unit lacks a translator", MessageKind.ACCOUNT),
        ("he took notes, is that a good sign?", MessageKind.ACCOUNT),
        ("really anxious about the opening minutes, what should I say?", MessageKind.QUESTION),
        ("will the manager quiz me or do I ask?", MessageKind.QUESTION),
        ("my meeting is on friday and I'm scared she'll grill me", MessageKind.NOT_YET),
        ("data analysis", MessageKind.OTHER),
        ("give the manager my resume first thing", MessageKind.OTHER),
    ],
)
def test_kind_of_reads_tense_mood_and_actor(text: str, kind: MessageKind) -> None:
    assert kind_of(text) is kind


def test_a_worry_before_the_meeting_is_never_debriefed() -> None:
    text = "I'm worried she'll ask about my background tomorrow, how do I prepare?"
    assert debrief_or_redirect(text, spot(text), in_form=False) is None
    assert debrief_or_redirect(text, spot(text), in_form=True) is None


def test_an_account_is_debriefed_with_its_evidence() -> None:
    text = "The team lead asked about my background and started taking notes."
    reply = debrief_or_redirect(text, spot(text), in_form=False)
    assert reply is not None and "Next steps" in reply.text


def test_a_bare_phrase_outside_the_form_asks_whether_the_meeting_happened() -> None:
    assert debrief_or_redirect("marketing", spot("marketing"), in_form=False) is None
    reply = not_an_account_reply(None)
    assert "happened yet" in reply.text
    assert "none of" not in reply.text.lower()
    assert reply.buttons[0].payload == "/debrief_start"


def test_inside_the_debrief_form_a_plain_statement_is_read() -> None:
    text = "nothing much, just small talk"
    assert debrief_or_redirect(text, spot(text), in_form=True) is not None


@pytest.mark.parametrize(
    ("slot", "text", "kind"),
    [
        ("target_field", "how did I do?", AnswerKind.QUESTION),
        ("target_field", "what's next", AnswerKind.QUESTION),
        ("target_field", "supply chain management", AnswerKind.OK),
        ("target_field", "tell me a story about dragons", AnswerKind.OFF_TOPIC),
        ("manager_name", "Priya Raman", AnswerKind.OK),
        ("manager_name", "Zoë Ó Súilleabháin", AnswerKind.OK),
        ("manager_name", "honestly I forgot what she was called", AnswerKind.OFF_TOPIC),
        ("company", "skip", AnswerKind.OK),
        ("company", "Smith & Sons Ltd.", AnswerKind.OK),
        ("meeting_topic", "how clinical trials get funded", AnswerKind.OK),
        ("position", "an associate product designer", AnswerKind.OK),
        ("referrer", "can you help me with the call?", AnswerKind.QUESTION),
        ("referrer", "please wipe my data", AnswerKind.DELETE_REQUEST),
        ("contact_company", "forget me", AnswerKind.DELETE_REQUEST),
        ("meeting_topic", "erase everything you know", AnswerKind.DELETE_REQUEST),
        # The same words of deleting as the input check's (one list, not two).
        ("target_field", "clear my data please", AnswerKind.DELETE_REQUEST),
        ("manager_name", "purge everything", AnswerKind.DELETE_REQUEST),
        ("meeting_topic", "how to remove data bias from hiring", AnswerKind.OK),
        ("company", "Delete Labs", AnswerKind.OK),
        ("referrer", "ok", AnswerKind.SMALL_TALK),
        ("company", "thanks!", AnswerKind.SMALL_TALK),
        ("target_field", "hello there", AnswerKind.SMALL_TALK),
        ("manager_name", "bye for now", AnswerKind.SMALL_TALK),
        ("meeting_topic", "great, thank you", AnswerKind.SMALL_TALK),
        ("company", "Great Lakes Shipping", AnswerKind.OK),
        ("contact_company", "no", AnswerKind.OK),
    ],
)
def test_judge_free_text_answers(slot: str, text: str, kind: AnswerKind) -> None:
    assert judge(slot, text) is kind


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("what do people wear to these things?", "dress"),
        ("is forty minutes too long for the meeting?", "length"),
        ("can I ask for the first chat on linkedin?", "first_contact"),
        ("should I ask what the job pays?", "pay"),
        ("can we meet on zoom?", "remote"),
        ("do I pay for their coffee?", "gift"),
        # "how long" also names the meeting's length; two words of following up outweigh it.
        ("how long do I wait before I chase the managers she suggested?", "follow_up"),
    ],
)
def test_uncovered_topics_are_matched(text: str, topic: str) -> None:
    found = match(text)
    assert found is not None and found.id == topic


def test_uncovered_reply_says_the_method_does_not_cover_it() -> None:
    assert "doesn't" in uncovered_reply("what colour tie?").text
    assert match("how do I end the meeting?") is None
    assert "brief" in uncovered_reply("how long should the meeting last?").text


def test_uncovered_file_errors_name_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "uncovered.yml"
    bad.write_text(
        "version: 1\ntopics:\n  - id: x\n    keywords: ['(']\n    reply: hi\nfallback: f\n"
    )
    with pytest.raises(DataFileError, match=r"uncovered.yml:4: .*not a valid regular expression"):
        load_uncovered(bad)


def test_understanding_file_rejects_unknown_keys(tmp_path: Path) -> None:
    bad = tmp_path / "understanding.yml"
    bad.write_text("version: 1\nnot_an_acount: x\n")
    with pytest.raises(DataFileError, match="not_an_acount"):
        load_understanding(bad)


def test_an_introduction_gets_the_fit_verdict_and_the_walkthrough_offer() -> None:
    stage = stage_of(None, "hi, I'm a pharmacist hoping to move into health IT, where do I start?")
    assert stage is CareerStage.CAREER_CHANGER
    reply = introduce_reply(stage)
    assert fit.stage_verdict(stage) in reply.text
    assert [b.payload for b in reply.buttons] == ["/walkthrough_start", "/check_fit"]
    # Never the end game for a beginner.
    assert "ask whether an interview" not in reply.text
    assert "research is complete" not in reply.text


def test_an_introduction_without_a_stage_asks_for_it() -> None:
    reply = introduce_reply(stage_of(None, "hello, no idea how this works"))
    assert [b.payload for b in reply.buttons] == [b.payload for b in fit.stage_buttons()]


def test_the_extracted_entity_wins_over_the_text() -> None:
    assert stage_of("student", "I'm a senior manager") is CareerStage.STUDENT


def test_clarify_offers_the_two_close_intents() -> None:
    reply = clarify(["faq/open_meeting", "report_meeting"])
    assert [b.title for b in reply.buttons][:2] == [
        "How do I open the meeting?",
        "Let me tell you how a meeting went",
    ]
    assert reply.buttons[1].payload == "/debrief_start"


def _new_texts() -> list[str]:
    from infocoach.coaching.content import load_content
    from infocoach.coaching.introduce import load_introduce
    from infocoach.coaching.uncovered import load_uncovered
    from infocoach.coaching.understanding import load_understanding

    intro, words, scope = load_introduce(), load_understanding(), load_uncovered()
    texts = [t.reply for t in scope.topics] + [scope.fallback]
    texts += [intro.welcome, intro.no_stage, intro.offer, words.not_an_account]
    texts += list(words.free_text.expected.values())
    texts += [load_content().topic("interviewer_role").answer]
    return texts


def test_new_texts_speak_of_managers_without_gender() -> None:
    import re

    for text in _new_texts():
        assert not re.search(r"\b(he|she|him|her|his|hers)\b", text, re.I), text

