"""Answers to direct questions, looked up by the ResponseSelector's topic key."""

from __future__ import annotations

from infocoach.coaching.content import Button, Content, content
from infocoach.coaching.replies import Reply

_ALWAYS_OFFERED = (
    Button(title="Coach me through it", payload="/walkthrough_start"),
    Button(title="What can you do?", payload="/help"),
)


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
    topics = [t for t in (source.topic(g.split("/", 1)[-1]) for g in guesses) if t]
    buttons = tuple(Button(title=t.question, payload=t.question) for t in topics) + _ALWAYS_OFFERED
    text = (
        "I'm not sure I understood. Did you mean one of these?"
        if topics
        else (
            "I'm not sure I understood. I can coach you through an informational interview "
            "step by step, or answer a question about any step."
        )
    )
    return Reply(text=text, buttons=buttons)
