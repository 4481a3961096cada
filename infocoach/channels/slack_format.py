"""Turn the bot's markdown-lite replies into what Slack displays well.

Pure functions, so the Slack channel's formatting rules can be tested without
a server: Slack's ``mrkdwn`` is not markdown (``*bold*``, ``_italic_``, ``&``
``<`` ``>`` must be escaped), messages have size limits, and buttons are
Block Kit elements with limits of their own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from infocoach.channels.replies import channel_replies
from infocoach.coaching.practice.scorecard import ScorecardView

# A section block's text may hold 3,000 characters; chat.postMessage text is
# shown in full up to 4,000. Using the smaller limit everywhere lets plain and
# button messages split identically.
MAX_MESSAGE_CHARS = 3000
MAX_BUTTON_TITLE_CHARS = 75
MAX_BUTTONS_PER_ACTIONS_BLOCK = 25
# A scorecard step's mark, before its word (Done / Missed) so the list scans at a glance.
DONE_ICON = "✓"
MISSED_ICON = "✗"

_EMPHASIS = re.compile(
    r"\*\*(?P<bold>[^*\n]+?)\*\*"  # **bold**
    r"|(?<![\w*])\*(?P<italic>[^*\s](?:[^*\n]*?[^*\s])?)\*(?![\w*])"  # *italic*, not 2 * 3 * 4
)
_BULLET = re.compile(r"^- ", flags=re.MULTILINE)
# Coarsest first: a reply is cut between paragraphs, then lines, then words.
_SEPARATORS = ("\n\n", "\n", " ")


def escape(text: str) -> str:
    """Escape the three characters Slack treats as markup."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def to_mrkdwn(text: str) -> str:
    """``**bold**`` → ``*bold*``, ``*italic*`` → ``_italic_``, ``- `` items → ``• `` items."""

    def emphasis(match: re.Match[str]) -> str:
        if match["bold"] is not None:
            return f"*{match['bold']}*"
        return f"_{match['italic']}_"

    return _BULLET.sub("• ", _EMPHASIS.sub(emphasis, escape(text)))


def split_text(text: str, limit: int = MAX_MESSAGE_CHARS) -> list[str]:
    """``text`` as messages of at most ``limit`` characters, cut at the coarsest boundary.

    Paragraphs are packed together while they fit; only a paragraph longer
    than ``limit`` is cut, at line ends, then between words, then anywhere.
    """
    return [part for part in _split(text.strip(), limit, _SEPARATORS) if part.strip()]


def _split(text: str, limit: int, separators: tuple[str, ...]) -> list[str]:
    if len(text) <= limit:
        return [text]
    if not separators:
        return [text[start:start + limit] for start in range(0, len(text), limit)]
    separator, finer = separators[0], separators[1:]
    chunks: list[str] = []
    current = ""
    for piece in text.split(separator):
        for part in _split(piece.strip(separator), limit, finer):
            candidate = f"{current}{separator}{part}" if current else part
            if len(candidate) <= limit:
                current = candidate
            else:
                chunks.append(current)
                current = part
    if current:
        chunks.append(current)
    return chunks


def button_blocks(mrkdwn: str, buttons: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """A section with ``mrkdwn`` followed by the buttons, each sending its payload back.

    Slack allows 25 elements per actions block, so more buttons take more blocks.
    """
    elements = [
        {
            "type": "button",
            "text": {"type": "plain_text", "text": _shorten(str(button["title"])), "emoji": True},
            "value": str(button["payload"]),
            "action_id": f"infocoach_button_{index}",
        }
        for index, button in enumerate(buttons)
    ]
    blocks: list[dict[str, Any]] = [{"type": "section", "text": {"type": "mrkdwn", "text": mrkdwn}}]
    for start in range(0, len(elements), MAX_BUTTONS_PER_ACTIONS_BLOCK):
        blocks.append(
            {"type": "actions", "elements": elements[start:start + MAX_BUTTONS_PER_ACTIONS_BLOCK]}
        )
    return blocks


def scorecard_blocks(card: ScorecardView) -> list[dict[str, Any]]:
    """A practice scorecard as Block Kit sections: title, the steps as a ✓/✗ list,
    the job-ask verdict, the signs of interest and the tips, each readable alone.

    The user's quoted words are escaped but not formatted: they are evidence.
    """
    steps = "\n".join(
        to_mrkdwn(f"{DONE_ICON if step.done else MISSED_ICON} **{step.mark}**: {step.label}")
        + (f" ({escape(step.evidence)})" if step.evidence else "")
        for step in card.steps
    )
    tips = "\n".join(f"- {tip}" for tip in card.tips)
    sections = [
        to_mrkdwn(card.title),
        steps,
        to_mrkdwn(card.verdict),
        to_mrkdwn(f"{card.signals_heading}\n{card.signals}"),
        to_mrkdwn(f"{card.tips_heading}\n{tips}"),
    ]
    return [{"type": "section", "text": {"type": "mrkdwn", "text": part}}
            for section in sections for part in split_text(section)]


def answered_blocks(blocks: Iterable[Mapping[str, Any]], chosen_title: str) -> list[dict[str, Any]]:
    """A button message's blocks after a click: the buttons give way to the choice made.

    Slack shows nothing in the conversation when a button is clicked; this
    records the answer where the question was and stops a second click on
    an outdated choice.
    """
    kept = [dict(block) for block in blocks if block.get("type") != "actions"]
    note = channel_replies().slack_choice.format(choice=escape(chosen_title))
    choice = {"type": "mrkdwn", "text": note}
    return [*kept, {"type": "context", "elements": [choice]}]


def _shorten(title: str) -> str:
    if len(title) <= MAX_BUTTON_TITLE_CHARS:
        return title
    return title[: MAX_BUTTON_TITLE_CHARS - 1] + "…"
