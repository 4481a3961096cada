"""A REST client for one conversation, and the stored events read straight from the database."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field

import requests
import sqlalchemy as sa

from infocoach.channels.conversation_ids import rest_conversation_id
from infocoach.server.processes import Servers

REPLY_TIMEOUT = 120


@dataclass
class Conversation:
    """One user, talking over REST to whichever replica each call names."""

    sender: str = field(default_factory=lambda: f"scale-{uuid.uuid4().hex[:12]}")
    sent: list[str] = field(default_factory=list)

    @property
    def conversation_id(self) -> str:
        return rest_conversation_id(self.sender)

    def post(self, server: Servers, text: str, timeout: float = REPLY_TIMEOUT
             ) -> requests.Response:
        self.sent.append(text)
        return requests.post(f"{server.url}/webhooks/rest/webhook",
                             json={"sender": self.sender, "message": text}, timeout=timeout)

    def say(self, server: Servers, text: str) -> str:
        """The reply's text; the request must succeed."""
        response = self.post(server, text)
        assert response.status_code == 200, response.text
        return "\n".join(m.get("text", "") for m in response.json())

    def slots(self, server: Servers) -> dict:
        response = requests.get(
            f"{server.url}/conversations/{self.conversation_id}/tracker",
            params={"token": server.auth_token}, timeout=REPLY_TIMEOUT)
        response.raise_for_status()
        return response.json()["slots"]


@dataclass(frozen=True)
class StoredEvent:
    id: int
    type_name: str
    data: dict

    @property
    def text(self) -> str | None:
        return self.data.get("text")


def stored_events(store_url: str, conversation_id: str) -> list[StoredEvent]:
    """Every row of the tracker store for one conversation, in insertion order."""
    engine = sa.create_engine(store_url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(
                sa.text("SELECT id, type_name, data FROM events WHERE sender_id = :s ORDER BY id"),
                {"s": conversation_id},
            ).fetchall()
    finally:
        engine.dispose()
    return [StoredEvent(row[0], row[1], json.loads(row[2])) for row in rows]


def user_texts(events: list[StoredEvent]) -> list[str]:
    return [e.text for e in events if e.type_name == "user"]


def duplicated(events: list[StoredEvent]) -> list[StoredEvent]:
    """Messages (user or bot) stored more than once: same text, same timestamp."""
    seen: set[str] = set()
    twice = []
    for event in (e for e in events if e.type_name in ("user", "bot")):
        key = json.dumps(event.data, sort_keys=True)
        if key in seen:
            twice.append(event)
        seen.add(key)
    return twice
