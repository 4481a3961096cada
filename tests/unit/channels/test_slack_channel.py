"""The Slack channel in-process: what reaches the bot, under which conversation, and
what is posted back (to the local fake Slack API)."""

from __future__ import annotations

import asyncio
import json
import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

import pytest
from multidict import CIMultiDict
from rasa.core.channels.channel import UserMessage

from infocoach.channels.limits import (
    EMPTY_MESSAGE_REPLY,
    ERROR_REPLY,
    MAX_TEXT_LENGTH,
    TRUNCATED_NOTE,
)
from infocoach.channels.slack import SlackInput, SlackOutput
from infocoach.channels.slack_format import to_mrkdwn
from infocoach.channels.turns import UNAVAILABLE_REPLY
from infocoach.coaching.practice import engine
from infocoach.coaching.practice.scorecard import SCORECARD_KEY, score, view
from infocoach.ids import Persona
from tests.fakes.slack_api import BOT_USER_ID
from tests.fakes.slack_events import (
    SIGNING_SECRET,
    click_payload,
    message_event,
    new_ts,
    sign,
)


@dataclass
class StubRequest:
    """The parts of a Sanic request the channel reads."""

    body: bytes
    headers: CIMultiDict = field(default_factory=CIMultiDict)
    form: dict[str, str] = field(default_factory=dict)


@dataclass
class Bot:
    """Stands in for Rasa: records the messages it is handed and answers ``reply``,
    or fails on request; with no ``reply`` it stays silent, like a failed custom action."""

    received: list[UserMessage] = field(default_factory=list)
    fail: bool = False
    reply: str | None = "ok"

    async def __call__(self, message: UserMessage) -> None:
        if self.fail:
            raise RuntimeError("the bot broke")
        self.received.append(message)
        if self.reply:
            await message.output_channel.send_text_message(message.sender_id, self.reply)


@pytest.fixture
def channel(fake_slack, monkeypatch) -> SlackInput:
    monkeypatch.setenv("SLACK_API_URL", fake_slack.url)
    return SlackInput.from_credentials({"slack_token": "xoxb-unit",
                                        "slack_signing_secret": SIGNING_SECRET,
                                        "conversation_granularity": "thread"})


def _deliver(channel: SlackInput, bot: Bot, envelope: dict[str, Any],
             headers: dict[str, str] | None = None):
    request = StubRequest(json.dumps(envelope).encode(), CIMultiDict(headers or {}))

    async def run():
        answer = channel._receive_event(request, bot)
        await asyncio.gather(*channel._background_tasks)
        return answer

    return asyncio.run(run())


def _click(channel: SlackInput, bot: Bot, payload: dict[str, Any]):
    body = urlencode({"payload": json.dumps(payload)}).encode()
    request = StubRequest(body, form={"payload": json.dumps(payload)})

    async def run():
        answer = channel._receive_interaction(request, bot)
        await asyncio.gather(*channel._background_tasks)
        return answer

    return asyncio.run(run())


def test_signature_is_checked_on_the_raw_body(channel):
    body = b'{"type": "url_verification"}'
    now = str(int(time.time()))
    signed = CIMultiDict({"X-Slack-Request-Timestamp": now,
                          "X-Slack-Signature": sign(body, int(now))})
    assert channel.is_request_from_slack_authentic(StubRequest(body, signed))
    assert not channel.is_request_from_slack_authentic(StubRequest(body + b" ", signed))
    assert not channel.is_request_from_slack_authentic(StubRequest(body))


@pytest.mark.parametrize("reason", ["http_timeout", "http_error", "connection_failed"])
def test_a_retried_dm_reaches_the_bot_once_whatever_the_reason(channel, reason):
    bot = Bot()
    event = message_event("U1", "D1", "hello", new_ts())
    assert _deliver(channel, bot, event).status == 200
    retried = dict(event, event_id="EvRetry")
    answer = _deliver(channel, bot, retried,
                      {"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": reason})
    assert answer.headers.get("X-Slack-No-Retry") == "1"
    assert [m.text for m in bot.received] == ["hello"]


def test_a_retry_of_a_message_never_received_is_answered(channel):
    bot = Bot()
    event = message_event("U1", "D1", "hello again", new_ts())
    _deliver(channel, bot, event, {"X-Slack-Retry-Num": "2", "X-Slack-Retry-Reason": "http_error"})
    assert [m.text for m in bot.received] == ["hello again"]


def test_dms_are_one_conversation_per_user_and_answered_outside_threads(channel):
    bot = Bot()
    _deliver(channel, bot, message_event("U1", "D1", "one", new_ts()))
    _deliver(channel, bot, message_event("U1", "D1", "two", new_ts()))
    assert [m.sender_id for m in bot.received] == ["slack:U1", "slack:U1"]
    assert [m.output_channel.thread_id for m in bot.received] == [None, None]


def test_a_mention_is_a_conversation_per_user_and_thread_answered_in_the_thread(channel):
    bot = Bot()
    root = new_ts()
    mention = f"<@{BOT_USER_ID}> how do I end the meeting?"
    _deliver(channel, bot, message_event("U1", "C1", mention, root, event_type="app_mention"))
    _deliver(channel, bot, message_event("U1", "C1", f"<@{BOT_USER_ID}> next", new_ts(),
                                         thread_ts=root, event_type="app_mention"))
    _deliver(channel, bot, message_event("U2", "C1", f"<@{BOT_USER_ID}> hi", new_ts(),
                                         thread_ts=root, event_type="app_mention"))
    assert [m.text for m in bot.received] == ["how do I end the meeting?", "next", "hi"]
    assert [m.sender_id for m in bot.received] == [f"slack:U1_C1_{root}", f"slack:U1_C1_{root}",
                                                   f"slack:U2_C1_{root}"]
    assert {m.output_channel.thread_id for m in bot.received} == {root}


def test_bot_posts_edits_and_plain_channel_chatter_are_ignored(channel):
    bot = Bot()
    own = message_event("U1", "D1", "I'm the bot", new_ts())
    own["event"]["bot_id"] = "B1"
    edit = message_event("U1", "D1", "edited", new_ts())
    edit["event"]["subtype"] = "message_changed"
    chatter = message_event("U1", "C1", "lunch?", new_ts())
    chatter["event"]["channel_type"] = "channel"
    for envelope in (own, edit, chatter):
        assert _deliver(channel, bot, envelope).status == 200
    assert bot.received == []


def test_url_verification_is_answered_with_the_challenge(channel):
    answer = _deliver(channel, Bot(), {"type": "url_verification", "challenge": "abc123"})
    assert json.loads(answer.body) == {"challenge": "abc123"}


def test_a_bare_mention_gets_the_empty_message_hint_in_its_thread(channel, fake_slack):
    bot, ts = Bot(), new_ts()
    _deliver(channel, bot, message_event("U1", "C-empty", f"<@{BOT_USER_ID}>", ts,
                                         event_type="app_mention"))
    assert bot.received == []
    [post] = fake_slack.posts("C-empty")
    assert (post.text, post.args["thread_ts"]) == (to_mrkdwn(EMPTY_MESSAGE_REPLY), ts)


def test_a_huge_message_is_cut_and_the_user_told(channel, fake_slack):
    bot = Bot()
    _deliver(channel, bot, message_event("U1", "D-huge", "x" * (MAX_TEXT_LENGTH + 100), new_ts()))
    [message] = bot.received
    assert len(message.text) == MAX_TEXT_LENGTH
    assert [p.text for p in fake_slack.posts("D-huge")] == [to_mrkdwn(TRUNCATED_NOTE), "ok"]


def test_a_failure_while_handling_is_told_to_the_user(channel, fake_slack):
    _deliver(channel, Bot(fail=True), message_event("U1", "D-fail", "hello", new_ts()))
    assert [p.text for p in fake_slack.posts("D-fail")] == [ERROR_REPLY]


def test_a_turn_that_ends_in_silence_is_told_to_the_user(channel, fake_slack):
    _deliver(channel, Bot(reply=None), message_event("U1", "D-silent", "hello", new_ts()))
    assert [p.text for p in fake_slack.posts("D-silent")] == [to_mrkdwn(UNAVAILABLE_REPLY)]


def _thread_click(user: str, channel: str, message: dict[str, Any]) -> dict[str, Any]:
    button = {"type": "button", "action_id": "infocoach_button_0", "value": "/walkthrough_next",
              "text": {"type": "plain_text", "text": "Next"}}
    return click_payload(user, channel, message, button)


def test_in_a_thread_another_members_click_leaves_the_askers_buttons(channel, fake_slack):
    bot, root = Bot(), new_ts()
    message = {"type": "message", "ts": new_ts(), "thread_ts": root, "text": "Step 1",
               "blocks": [{"type": "actions", "elements": []}]}
    _click(channel, bot, _thread_click("U2", "C-thread", message))
    _click(channel, bot, _thread_click("U2", "C-thread", message))  # U2's second click: ignored
    _click(channel, bot, _thread_click("U1", "C-thread", message))
    assert [m.sender_id for m in bot.received] == [f"slack:U2_C-thread_{root}",
                                                   f"slack:U1_C-thread_{root}"]
    assert fake_slack.updates("C-thread") == []  # the buttons stay for every member


def test_a_non_ascii_signature_is_refused_not_an_error(channel):
    body = b'{"type": "url_verification"}'
    headers = CIMultiDict({"X-Slack-Request-Timestamp": str(int(time.time())),
                           "X-Slack-Signature": "v0=\u00e9" * 8})
    assert not channel.is_request_from_slack_authentic(StubRequest(body, headers))


@pytest.mark.parametrize("secret", ["", "   ", None])
def test_the_channel_refuses_to_start_without_a_signing_secret(secret):
    with pytest.raises(ValueError, match="signing secret"):
        SlackInput.from_credentials({"slack_token": "xoxb-unit", "slack_signing_secret": secret})


def test_a_click_sends_the_payload_once_and_shows_the_choice(channel, fake_slack):
    bot = Bot()
    message = {"type": "message", "ts": new_ts(), "text": "Hi",
               "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": "Hi"}},
                          {"type": "actions", "elements": []}]}
    button = {"type": "button", "action_id": "infocoach_button_0", "value": "/walkthrough_start",
              "text": {"type": "plain_text", "text": "Coach me through it"}}
    payload = click_payload("U1", "D-click", message, button)
    assert _click(channel, bot, payload).status == 200
    assert _click(channel, bot, payload).headers.get("X-Slack-No-Retry") == "1"
    assert [(m.text, m.sender_id) for m in bot.received] == [("/walkthrough_start", "slack:U1")]
    [update] = fake_slack.updates("D-click")
    assert update.args["ts"] == message["ts"]
    assert [b["type"] for b in update.blocks] == ["section", "context"]
    assert "Coach me through it" in update.blocks[-1]["elements"][0]["text"]


def test_replies_are_mrkdwn_split_to_fit_with_buttons_under_the_last_part(fake_slack):
    output = SlackOutput("xoxb-unit", "C-out", "111.222", api_url=fake_slack.url)
    text = "**Step 1**\n\n" + "\n\n".join(["word " * 500] * 2)
    buttons = [{"title": "Next step", "payload": "/walkthrough_next"}]
    asyncio.run(output.send_text_with_buttons("U1", text, buttons))
    posts = fake_slack.posts("C-out")
    assert len(posts) == 2 and posts[0].text.startswith("*Step 1*\n\n")
    assert all(len(p.text) <= 3000 and p.args["thread_ts"] == "111.222" for p in posts)
    assert [b["value"] for b in posts[-1].buttons] == ["/walkthrough_next"]
    assert posts[0].buttons == []
    assert all("as_user" not in p.args and p.token == "xoxb-unit" for p in posts)


def test_a_scorecard_is_posted_as_one_message_of_blocks(fake_slack):
    state = engine.respond(engine.start(3, "nursing", Persona.NEUTRAL).state,
                           "Here is my resume.").state
    worded = view(score(state))
    output = SlackOutput("xoxb-unit", "C-card", None, api_url=fake_slack.url)
    asyncio.run(output.send_response(
        "U1", {"text": worded.text(), "custom": {SCORECARD_KEY: worded.dict()}}))
    [post] = fake_slack.posts("C-card")
    assert post.text.startswith("*Your scorecard*")
    steps = post.blocks[1]["text"]["text"].split("\n")
    assert steps[0].startswith("✓ *Done*: Handed over your resume")
    assert steps[-1] == "✗ *Missed*: Asked to use the manager's name"
    # Any other custom payload still goes out as Rasa sends it: text first.
    asyncio.run(output.send_response("U1", {"text": "Plain **text**"}))
    assert fake_slack.posts("C-card")[-1].text == "Plain *text*"
