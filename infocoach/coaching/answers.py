"""Answers to direct questions, looked up by the ResponseSelector's topic key."""

from __future__ import annotations

from infocoach.coaching.content import Button, Content, content
from infocoach.coaching.replies import Reply
from infocoach.coaching.understanding import understanding


def answer(topic_key: str | None, source: Content | None = None) -> Reply | None:
    """The answer for ``faq/<key>`` (or a bare ``<key>``); None when unknown."""
    if not topic_key:
        return None
    source = source or content()
    topic = source.topic(topic_key.split("/", 1)[-1])
    return Reply(text=topic.answer) if topic else None


def clarify(guesses: list[str], source: Content | None = None) -> Reply:
    """A clarifying question offering the likeliest topics as quick replies.

    A guess is a topic (``faq/<key>``), offered as its question text so a
    click is understood by NLU exactly as if the user had typed it, or an
    intent, offered as its quick reply from ``understanding.yml``.
    """
    source = source or content()
    wording = source.conversation.clarify
    unique: tuple[Button, ...] = ()
    for choice in (_choice(g, source) for g in guesses):
        if choice and choice.title not in {u.title for u in unique}:
            unique += (choice,)
    chosen = {c.title for c in unique}
    buttons = unique + tuple(b for b in wording.always_offered if b.title not in chosen)
    text = wording.with_guesses if unique else wording.without_guesses
    return Reply(text=text, buttons=buttons)


def _choice(guess: str, source: Content) -> Button | None:
    if guess.startswith("faq/"):
        topic = source.topic(guess.split("/", 1)[1])
        return Button(title=topic.question, payload=topic.question) if topic else None
    return understanding().intent_choices.get(guess)
