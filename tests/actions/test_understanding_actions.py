"""Introductions, uncovered questions, free-text form validation and the debrief's redirect."""

from __future__ import annotations

import asyncio

from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.debrief import ActionDebrief
from actions.faq import ActionClarify
from actions.forms import ValidateQuestionsForm, ValidateThankYouForm
from actions.introduce import ActionIntroduce
from actions.uncovered import ActionAnswerUncovered
from infocoach.coaching import fit
from infocoach.coaching.uncovered import uncovered_reply
from infocoach.coaching.understanding import understanding
from infocoach.ids import CareerStage
from tests.conftest import make_tracker

DOMAIN = {
    "forms": {
        "questions_form": {"required_slots": ["target_field"]},
        "thank_you_form": {"required_slots": ["manager_name", "company", "meeting_topic"]},
        "call_form": {"required_slots": ["referrer", "contact", "contact_company"]},
    },
    "slots": {
        s: {}
        for s in ("target_field", "manager_name", "company", "meeting_topic", "referrer",
                  "contact", "contact_company")
    },
}


def _run(action, tracker) -> tuple[list, list[dict]]:
    dispatcher = CollectingDispatcher()
    result = action.run(dispatcher, tracker, DOMAIN)
    events = asyncio.run(result) if asyncio.iscoroutine(result) else result
    return events, dispatcher.messages


def _form_turn(form: str, slot: str, text: str, **latest) -> object:
    return make_tracker(
        slots={slot: text, "requested_slot": slot},
        text=text,
        active_loop=form,
        events=[{"event": "slot", "name": slot, "value": text}],
        **latest,
    )


def test_introduction_sets_the_stage_and_gives_the_verdict() -> None:
    tracker = make_tracker(
        text="hello! I'm a nurse hoping to move into software testing, where do I start?",
        intent="introduce",
    )
    events, messages = _run(ActionIntroduce(), tracker)
    assert events == [SlotSet("career_stage", "career_changer")]
    assert fit.stage_verdict(CareerStage.CAREER_CHANGER) in messages[0]["text"]


def test_introduction_uses_the_extracted_entity() -> None:
    tracker = make_tracker(
        text="hi, fresh graduate here",
        intent="introduce",
        entities=[{"entity": "career_stage", "value": "student"}],
    )
    events, _ = _run(ActionIntroduce(), tracker)
    assert events == [SlotSet("career_stage", "student")]


def test_introduction_without_a_stage_sets_nothing_and_asks() -> None:
    events, messages = _run(ActionIntroduce(), make_tracker(text="hey, how does this work?"))
    assert events == []
    assert len(messages[0]["buttons"]) == len(fit.stage_buttons())


def test_uncovered_question_gets_the_honest_reply() -> None:
    text = "what should I wear?"
    tracker = make_tracker(text=text, intent="ask_uncovered")
    events, messages = _run(ActionAnswerUncovered(), tracker)
    assert events == []
    assert messages[0]["text"] == uncovered_reply(text).text


def test_a_question_in_the_field_slot_is_not_stored() -> None:
    tracker = _form_turn("questions_form", "target_field", "how did I do?", intent="report_meeting")
    events, messages = _run(ValidateQuestionsForm(), tracker)
    assert events == [SlotSet("target_field", None)]
    assert messages[-1]["text"] == understanding().free_text.question_later


def test_an_uncovered_question_in_a_form_is_answered_then_the_form_resumes() -> None:
    text = "what should I wear to the meeting?"
    tracker = _form_turn("questions_form", "target_field", text, intent="ask_uncovered")
    events, messages = _run(ValidateQuestionsForm(), tracker)
    assert events == [SlotSet("target_field", None)]
    assert [m["text"] for m in messages] == [
        uncovered_reply(text).text,
        understanding().free_text.back_to_form,
    ]


def test_an_off_topic_sentence_gets_a_reask_saying_what_is_expected() -> None:
    text = "I think the meeting went fine but I am not sure"
    tracker = _form_turn("thank_you_form", "manager_name", text, intent="report_meeting")
    events, messages = _run(ValidateThankYouForm(), tracker)
    assert events == [SlotSet("manager_name", None)]
    assert messages[0]["text"] == understanding().free_text.expected["manager_name"]


def test_a_plain_name_is_kept() -> None:
    tracker = _form_turn("thank_you_form", "manager_name", "Jordan Ellis", intent="inform")
    events, messages = _run(ValidateThankYouForm(), tracker)
    assert events == [SlotSet("manager_name", "Jordan Ellis")]
    assert messages == []


def test_debrief_of_a_worry_asks_whether_the_meeting_happened() -> None:
    tracker = make_tracker(
        text="super nervous about the first minutes tomorrow, how should I start?",
        intent="report_meeting",
    )
    events, messages = _run(ActionDebrief(), tracker)
    assert events == [SlotSet("debrief_report", None)]
    assert messages[0]["text"] == understanding().not_an_account
    assert "none of" not in messages[0]["text"].lower()


def test_debrief_of_an_account_still_reads_it() -> None:
    text = "the plant manager said their line badly needs someone who can do what I do"
    events, _ = _run(ActionDebrief(), make_tracker(text=text, intent="report_meeting"))
    assert events == [SlotSet("signals", ["need"]), SlotSet("debrief_report", None),
                      SlotSet("phase", "close")]


def test_clarify_offers_the_two_closest_intents() -> None:
    tracker = make_tracker(text="hmm the meeting")
    tracker.latest_message["intent_ranking"] = [
        {"name": "nlu_fallback", "confidence": 1.0},
        {"name": "faq", "confidence": 0.41},
        {"name": "report_meeting", "confidence": 0.39},
    ]
    tracker.latest_message["response_selector"] = {
        "faq": {"ranking": [{"intent_response_key": "faq/open_meeting"}]}
    }
    _, messages = _run(ActionClarify(), tracker)
    titles = [b["title"] for b in messages[0]["buttons"]]
    assert titles[:2] == ["How do I open the meeting?", "Let me tell you how a meeting went"]


def test_the_action_server_registers_the_new_actions_and_not_the_base_class() -> None:
    from rasa_sdk.executor import ActionExecutor

    executor = ActionExecutor()
    executor.register_package("actions")
    assert all(isinstance(name, str) and name for name in executor.actions)
    for name in (
        "action_introduce",
        "action_answer_uncovered",
        "validate_questions_form",
        "validate_call_form",
        "validate_thank_you_form",
        "validate_interview_form",
    ):
        assert name in executor.actions


def test_a_covered_question_in_a_form_gets_its_answer_and_the_form_resumes() -> None:
    from actions.forms import ValidateCallForm
    from infocoach.coaching.answers import answer

    text = "how do I end the meeting?"
    tracker = _form_turn(
        "call_form",
        "contact",
        text,
        intent="faq",
        response_selector={
            "faq": {"response": {"intent_response_key": "faq/close_meeting", "confidence": 0.9}}
        },
    )
    events, messages = _run(ValidateCallForm(), tracker)
    assert events == [SlotSet("contact", None)]
    assert [m["text"] for m in messages] == [
        answer("faq/close_meeting").text,
        understanding().free_text.back_to_form,
    ]
