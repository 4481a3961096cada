"""infocoach in Slack, end to end: signed Slack requests to the real Rasa server, replies
captured by the local fake Slack API (see tests/fakes and the `server_env` fixture).

The channel answers Slack at once and posts replies in the background, so
tests wait for posts with a bounded timeout. To show that something was NOT
answered, a later message in the same conversation serves as a barrier: Rasa
handles one conversation's messages in order, so once the barrier's reply is
posted, any reply to the earlier request would have been posted too.
"""

from __future__ import annotations

import time
import uuid

import pytest

from infocoach.channels.limits import EMPTY_MESSAGE_REPLY
from infocoach.channels.slack_format import to_mrkdwn
from tests.fakes.slack_api import BOT_USER_ID, ApiCall, FakeSlackApi
from tests.fakes.slack_events import SlackSender, click_payload, message_event, new_ts

pytestmark = pytest.mark.e2e

GREETING = "Hi, I'm infocoach"
HELP = "Here's what I can do"
STEP_1 = "Step 1 of 8"


@pytest.fixture
def slack(live_servers) -> SlackSender:
    return SlackSender(f"{live_servers.url}/webhooks/slack/webhook")


def _ids(prefix: str) -> tuple[str, str]:
    """A new user and a new channel (DM ids start with D, channel ids with C)."""
    suffix = uuid.uuid4().hex[:8].upper()
    return f"U{suffix}", f"{prefix}{suffix}"


def _wait_for_text(fake: FakeSlackApi, channel: str, text: str) -> list[ApiCall]:
    """The posts to ``channel`` once one of them contains ``text``."""
    count = 1
    while True:
        posts = fake.wait_for_posts(channel, count)
        if any(text in p.text for p in posts):
            return posts
        count = len(posts) + 1


def _with_text(posts: list[ApiCall], text: str) -> list[ApiCall]:
    return [p for p in posts if text in p.text]


def test_a_dm_is_answered_in_the_dm_with_block_kit_buttons(slack, fake_slack):
    user, dm = _ids("D")
    assert slack.event(message_event(user, dm, "hi", new_ts())).status_code == 200
    [greeting] = _with_text(_wait_for_text(fake_slack, dm, GREETING), GREETING)
    assert "thread_ts" not in greeting.args
    assert greeting.token == "xoxb-test"
    assert "*informational interviews*" in greeting.text  # **bold** arrived as Slack bold
    assert "Coach me through it" in [b["text"]["text"] for b in greeting.buttons]


def test_a_mention_in_a_channel_is_answered_in_its_thread(slack, fake_slack):
    user, channel = _ids("C")
    ts = new_ts()
    slack.event(message_event(user, channel, f"<@{BOT_USER_ID}> hi", ts, event_type="app_mention"))
    posts = _wait_for_text(fake_slack, channel, GREETING)
    assert {p.args.get("thread_ts") for p in posts} == {ts}


@pytest.mark.parametrize("reason", ["http_error", "http_timeout"])
def test_a_retried_event_is_not_answered_twice(slack, fake_slack, reason):
    user, dm = _ids("D")
    event = message_event(user, dm, "hi", new_ts())
    slack.event(event)
    _wait_for_text(fake_slack, dm, GREETING)
    for number in ("1", "2"):
        retry = slack.event(event, headers={"X-Slack-Retry-Num": number,
                                            "X-Slack-Retry-Reason": reason})
        assert retry.status_code == 200
        assert retry.headers.get("X-Slack-No-Retry") == "1"
    slack.event(message_event(user, dm, "/help", new_ts()))
    posts = _wait_for_text(fake_slack, dm, HELP)
    assert len(_with_text(posts, GREETING)) == 1


@pytest.mark.parametrize("problem", ["wrong secret", "stale", "unsigned"])
def test_a_badly_signed_request_is_refused_and_not_answered(slack, fake_slack, problem):
    user, dm = _ids("D")
    body = message_event(user, dm, "/help", new_ts())
    if problem == "wrong secret":
        answer = slack.event(body, secret="not-the-signing-secret")
    elif problem == "stale":
        answer = slack.event(body, timestamp=int(time.time()) - 6 * 60)
    else:
        answer = slack.event(body, headers={"X-Slack-Signature": ""})
    assert answer.status_code == 401
    slack.event(message_event(user, dm, "hi", new_ts()))
    posts = _wait_for_text(fake_slack, dm, GREETING)
    assert _with_text(posts, HELP) == []


def test_url_verification_is_answered(slack):
    answer = slack.event({"type": "url_verification", "challenge": "3eZbrw1aBm2rZgRNFdxV",
                          "token": "legacy"})
    assert answer.status_code == 200
    assert answer.json() == {"challenge": "3eZbrw1aBm2rZgRNFdxV"}


def test_a_button_click_in_a_dm_continues_the_conversation(slack, fake_slack):
    user, dm = _ids("D")
    slack.event(message_event(user, dm, "hi", new_ts()))
    [greeting] = _with_text(_wait_for_text(fake_slack, dm, GREETING), GREETING)
    [coach] = [b for b in greeting.buttons if b["text"]["text"] == "Coach me through it"]
    assert slack.click(click_payload(user, dm, greeting.as_message(), coach)).status_code == 200
    [step] = _with_text(_wait_for_text(fake_slack, dm, STEP_1), STEP_1)
    assert "thread_ts" not in step.args
    assert step.buttons  # the step's own quick replies, ready for the next click
    [update] = fake_slack.wait_for_updates(dm)
    assert "Coach me through it" in update.blocks[-1]["elements"][0]["text"]


def test_a_button_click_in_a_channel_thread_stays_in_that_thread(slack, fake_slack):
    user, channel = _ids("C")
    root = new_ts()
    slack.event(message_event(user, channel, f"<@{BOT_USER_ID}> hello", root,
                              event_type="app_mention"))
    [greeting] = _with_text(_wait_for_text(fake_slack, channel, GREETING), GREETING)
    [coach] = [b for b in greeting.buttons if b["value"] == "/walkthrough_start"]
    slack.click(click_payload(user, channel, greeting.as_message(), coach))
    [step] = _with_text(_wait_for_text(fake_slack, channel, STEP_1), STEP_1)
    assert step.args["thread_ts"] == root


def test_a_bare_mention_gets_a_hint(slack, fake_slack):
    user, channel = _ids("C")
    ts = new_ts()
    slack.event(message_event(user, channel, f"<@{BOT_USER_ID}>", ts, event_type="app_mention"))
    [hint] = fake_slack.wait_for_posts(channel)
    assert (hint.text, hint.args["thread_ts"]) == (to_mrkdwn(EMPTY_MESSAGE_REPLY), ts)
