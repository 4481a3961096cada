"""Clarifying question, slot prompts from content, and starting over."""

from __future__ import annotations

import yaml
from rasa_sdk.events import Restarted
from rasa_sdk.executor import CollectingDispatcher

from actions.faq import ActionClarify, best_guesses, selected_topic
from actions.prompts import ASK_ACTIONS, ActionStartOver
from infocoach.coaching.content import content


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
    # The mock manager's lines are the practice form's questions (actions/practice.py).
    role_play = {"practice_turn"}
    assert set(ASK_ACTIONS) == form_slots - with_buttons - role_play
    for slot in form_slots:
        assert f"action_ask_{slot}" in domain["actions"]


def test_prompt_action_asks_the_content_question(tracker_factory):
    dispatcher = CollectingDispatcher()
    action = ASK_ACTIONS["referrer"]()
    assert action.name() == "action_ask_referrer"
    assert action.run(dispatcher, tracker_factory(), {}) == []
    assert dispatcher.messages[0]["text"] == content().prompts.prompts["referrer"]


def test_start_over_says_so_then_restarts(tracker_factory, root):
    dispatcher = CollectingDispatcher()
    assert ActionStartOver().run(dispatcher, tracker_factory(), {}) == [Restarted()]
    assert dispatcher.messages[0]["text"].startswith("Starting over")
    # The greeting's quick replies again, so "1" in the terminal picks one.
    greeting = yaml.safe_load((root / "domain.yml").read_text())["responses"]["utter_greet"][0]
    assert dispatcher.messages[0]["buttons"] == greeting["buttons"]


def test_every_intro_belongs_to_a_form(root):
    domain = yaml.safe_load((root / "domain.yml").read_text())
    assert set(content().prompts.intros) <= set(domain["forms"])


def _ask_manager_name(tracker_factory, events):
    dispatcher = CollectingDispatcher()
    tracker = tracker_factory(active_loop="thank_you_form", events=events)
    assert ASK_ACTIONS["manager_name"]().run(dispatcher, tracker, {}) == []
    return [m["text"] for m in dispatcher.messages]


def test_a_forms_first_question_comes_after_its_intro(tracker_factory):
    events = [
        {"event": "user", "text": "draft my thank-you note"},
        {"event": "action", "name": "thank_you_form"},
        {"event": "active_loop", "name": "thank_you_form"},
    ]
    assert _ask_manager_name(tracker_factory, events) == [
        content().prompts.intros["thank_you_form"],
        content().prompts.prompts["manager_name"],
    ]


def test_later_questions_of_the_form_have_no_intro(tracker_factory):
    events = [
        {"event": "user", "text": "draft my thank-you note"},
        {"event": "active_loop", "name": "thank_you_form"},
        {"event": "user", "text": "how do I close the meeting?"},
        {"event": "action", "name": "thank_you_form"},
    ]
    assert _ask_manager_name(tracker_factory, events) == [content().prompts.prompts["manager_name"]]
