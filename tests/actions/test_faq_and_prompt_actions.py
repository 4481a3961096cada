"""Clarifying question, slot prompts from content, and starting over."""

from __future__ import annotations

import yaml
from rasa_sdk.events import Restarted
from rasa_sdk.executor import CollectingDispatcher

from actions.faq import ActionClarify, best_guesses, selected_topic
from actions.prompts import ASK_ACTIONS, ActionStartOver
from infocoach.content import content


def _selector(*keys):
    return {
        "faq": {
            "response": {"intent_response_key": keys[0] if keys else None},
            "ranking": [{"intent_response_key": k, "confidence": 0.4} for k in keys],
        }
    }


def test_selected_topic_comes_from_the_response_selector(tracker_factory):
    tracker = tracker_factory(intent="faq", response_selector=_selector("faq/thank_you"))
    assert selected_topic(tracker) == "faq/thank_you"


def test_clarify_offers_the_two_likeliest_questions(tracker_factory):
    tracker = tracker_factory(
        intent="nlu_fallback",
        response_selector=_selector("faq/close_meeting", "faq/ask_referrals", "faq/resume"),
    )
    assert best_guesses(tracker) == ["faq/close_meeting", "faq/ask_referrals"]
    dispatcher = CollectingDispatcher()
    assert ActionClarify().run(dispatcher, tracker, {}) == []
    titles = [b["title"] for b in dispatcher.messages[0]["buttons"]]
    assert titles == [
        "How do I end the meeting?",
        "How do I ask for referrals?",
        "Coach me through it",
        "What can you do?",
    ]


def test_every_form_slot_has_a_prompt_action(root):
    domain = yaml.safe_load((root / "domain.yml").read_text())
    form_slots = {s for form in domain["forms"].values() for s in form["required_slots"]}
    with_buttons = {"career_stage", "employment"}
    assert set(ASK_ACTIONS) == form_slots - with_buttons
    for slot in form_slots:
        assert f"action_ask_{slot}" in domain["actions"]


def test_prompt_action_asks_the_content_question(tracker_factory):
    dispatcher = CollectingDispatcher()
    action = ASK_ACTIONS["referrer"]()
    assert action.name() == "action_ask_referrer"
    assert action.run(dispatcher, tracker_factory(), {}) == []
    assert dispatcher.messages[0]["text"] == content().prompts.prompts["referrer"]


def test_start_over_says_so_then_restarts(tracker_factory):
    dispatcher = CollectingDispatcher()
    assert ActionStartOver().run(dispatcher, tracker_factory(), {}) == [Restarted()]
    assert dispatcher.messages[0]["text"].startswith("Starting over")
