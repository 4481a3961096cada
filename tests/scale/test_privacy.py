""""Delete my data" and `infocoach forget` on SQLite (embedded) and PostgreSQL (scale)."""

from __future__ import annotations

import pytest

from infocoach.cli import main
from infocoach.server.profiles import SCALE_ENDPOINTS
from tests.scale.client import Conversation, stored_events, user_texts

pytestmark = pytest.mark.scale


@pytest.mark.parametrize("profile", ["embedded", "scale"])
def test_delete_my_data_asks_first_then_deletes_and_the_next_message_starts_fresh(
        cluster, profile):
    pair = getattr(cluster, profile)
    first, second = pair.replicas
    chat = Conversation()
    chat.say(first, "coach me through it")
    assert "Step 2 of 8" in chat.say(first, "next")

    assert "delete our whole conversation" in chat.say(second, "delete my data")
    assert "kept everything" in chat.say(first, "no")
    assert user_texts(stored_events(pair.store_url, chat.conversation_id)) == chat.sent

    assert "delete our whole conversation" in chat.say(first, "/delete_my_data")
    assert "I've deleted our conversation" in chat.say(second, "yes")
    assert stored_events(pair.store_url, chat.conversation_id) == []
    assert chat.slots(second)["phase"] is None

    chat.sent.clear()
    assert "Step 1 of 8" in chat.say(first, "coach me through it")
    assert user_texts(stored_events(pair.store_url, chat.conversation_id)) == chat.sent


def test_forget_command_deletes_a_conversation_from_postgresql(cluster, monkeypatch, capsys):
    for name, value in cluster.postgres.env().items():
        monkeypatch.setenv(name, value)
    chat, other = Conversation(), Conversation()
    for someone in (chat, other):
        someone.say(cluster.scale.first, "how do I end the meeting?")
    argv = ["forget", chat.conversation_id, "--endpoints", str(SCALE_ENDPOINTS)]
    assert main(argv) == 0
    assert f"deleted conversation '{chat.conversation_id}'" in capsys.readouterr().out
    assert stored_events(cluster.scale.store_url, chat.conversation_id) == []
    assert user_texts(stored_events(cluster.scale.store_url, other.conversation_id)) == other.sent
    assert main(argv) == 1


@pytest.mark.parametrize("profile", ["embedded", "scale"])
def test_delete_my_data_typed_while_a_form_asks_for_a_name_is_not_the_name(cluster, profile):
    pair = getattr(cluster, profile)
    first, second = pair.replicas
    kept, erased = Conversation(), Conversation()
    for chat, command in ((kept, "delete my data"), (erased, "/delete_my_data")):
        assert "Who referred you" in chat.say(first, "draft my call script")
        assert "Whom are you calling" in chat.say(second, "Sam Ortiz")
        assert "delete our whole conversation" in chat.say(first, command)
        slots = chat.slots(second)
        assert (slots["referrer"], slots["contact"], slots["requested_slot"]) == (
            "Sam Ortiz", None, "contact")

    reply = kept.say(second, "no")
    assert "kept everything" in reply and "Whom are you calling" in reply
    assert "Which company" in kept.say(first, "Dana Lee")
    script = kept.say(second, "Acme Corp")
    assert "Sam Ortiz suggested I give you a call" in script and "Hello Dana Lee" in script
    assert user_texts(stored_events(pair.store_url, kept.conversation_id)) == kept.sent

    assert "I've deleted our conversation" in erased.say(second, "yes")
    assert stored_events(pair.store_url, erased.conversation_id) == []
    assert erased.slots(first)["referrer"] is None
    erased.sent.clear()
    assert "Who referred you" in erased.say(first, "draft my call script")
    assert user_texts(stored_events(pair.store_url, erased.conversation_id)) == erased.sent
