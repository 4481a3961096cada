"""Answers to direct questions, looked up by the ResponseSelector's topic key."""

from __future__ import annotations

from infocoach.coaching.content import Button, Content, content
from infocoach.coaching.replies import Reply


def answer(topic_key: str | None, source: Content | None = None) -> Reply | None:
    """The answer for ``faq/<key>`` (or a bare ``<key>``); None when unknown."""
    if not topic_key:
        return None
    source = source or content()
    topic = source.topic(topic_key.split("/", 1)[-1])
    return Reply(text=topic.answer) if topic else None


def clarify(guesses: list[str], source: Content | None = None) -> Reply:
    """A clarifying question offering the likeliest topics as quick replies.

    Each guess is offered as its question text, so a click is understood by
    NLU exactly as if the user had typed it.
    """
    source = source or content()
    wording = source.conversation.clarify
    topics = [t for t in (source.topic(g.split("/", 1)[-1]) for g in guesses) if t]
    buttons = tuple(Button(title=t.question, payload=t.question) for t in topics)
    text = wording.with_guesses if topics else wording.without_guesses
    return Reply(text=text, buttons=buttons + tuple(wording.always_offered))
