"""Two Rasa replicas behind no load balancer at all: each message goes to either one.

On the scale profile (PostgreSQL + Redis) a conversation may move between
replicas at every message, even mid-form, and concurrent messages of one
conversation are handled one at a time. The embedded profile (SQLite and
Rasa's in-memory lock) is shown to lose or mix events under the same load:
that is what the Redis lock store is for.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.scale.client import Conversation, duplicated, stored_events, user_texts

pytestmark = pytest.mark.scale

# Two questions whose answers differ, sent to the two replicas at the same time.
CLOSING = ("how do I end the meeting?", "two or three managers at other companies")
CALLING = ("should I call or email the referral?", "phone call is appropriate")
CONCURRENT_CONVERSATIONS = 20


def test_one_conversation_alternating_between_replicas_mid_form(cluster):
    first, second = cluster.scale.replicas
    chat = Conversation()
    assert "Step 1 of 8" in chat.say(first, "coach me through it")
    assert "Step 2 of 8" in chat.say(second, "next")
    assert "Who referred you" in chat.say(first, "draft my call script")
    assert "Whom are you calling" in chat.say(second, "Sam Ortiz")
    assert "Which company" in chat.say(first, "Dana Lee")
    for replica in (first, second):  # half the form filled on each, seen by both
        slots = chat.slots(replica)
        assert (slots["referrer"], slots["contact"], slots["requested_slot"]) == (
            "Sam Ortiz", "Dana Lee", "contact_company")
    script = chat.say(second, "Acme Corp")
    assert "Sam Ortiz suggested I give you a call" in script and "Hello Dana Lee" in script
    assert "Step 3 of 8" in chat.say(first, "next")

    events = stored_events(cluster.scale.store_url, chat.conversation_id)
    assert user_texts(events) == chat.sent
    assert duplicated(events) == []
    timestamps = [e.data["timestamp"] for e in events]
    assert timestamps == sorted(timestamps), "events stored out of order"
    assert [chat.slots(replica)["referrer"] for replica in (first, second)] == [None, None]


ANSWERS = dict((CLOSING, CALLING))


def _both_at_once(pair) -> list[tuple[Conversation, list[tuple[str, str]], list]]:
    """Each conversation sends CLOSING to one replica and CALLING to the other at once."""
    chats = [Conversation() for _ in range(CONCURRENT_CONVERSATIONS)]
    jobs = [(chat, server, question) for chat in chats
            for server, (question, _) in zip(pair.replicas, (CLOSING, CALLING), strict=True)]
    with ThreadPoolExecutor(max_workers=len(jobs)) as pool:
        responses = list(pool.map(lambda job: job[0].post(job[1], job[2]), jobs))
    replies: dict[str, list[tuple[str, str]]] = {}
    for (chat, _, question), response in zip(jobs, responses, strict=True):
        assert response.status_code == 200, response.text
        replies.setdefault(chat.sender, []).append(
            (question, "\n".join(m.get("text", "") for m in response.json())))
    return [(chat, replies[chat.sender], stored_events(pair.store_url, chat.conversation_id))
            for chat in chats]


def _anomalies(chat: Conversation, events: list) -> list[str]:
    found = []
    texts = user_texts(events)
    for question, _ in (CLOSING, CALLING):
        if texts.count(question) != 1:
            found.append(f"{chat.sender}: {question!r} stored {texts.count(question)} times")
    if duplicated(events):
        found.append(f"{chat.sender}: {len(duplicated(events))} messages stored twice")
    return found


def test_concurrent_messages_of_one_conversation_are_stored_once_each(cluster):
    results = _both_at_once(cluster.scale)
    for chat, replies, events in results:
        assert _anomalies(chat, events) == []
        for question, reply in replies:
            assert ANSWERS[question] in reply, (chat.sender, question, reply)


def test_without_a_shared_lock_store_replicas_lose_or_mix_events(cluster):
    """The same load on the embedded profile: at least one conversation goes wrong."""
    results = _both_at_once(cluster.embedded)
    anomalies = [a for chat, _, events in results for a in _anomalies(chat, events)]
    print("\n".join(anomalies))
    assert anomalies, "no event lost without a lock store: this test no longer shows the need"
