"""data/content/channel.yml: what the channels say about a message, checked at load time."""

from __future__ import annotations

import pytest

from infocoach.channels.replies import CHANNEL_REPLIES_FILE, ChannelReplies, channel_replies
from infocoach.datafile import DataFileError, load_model


def test_the_shipped_replies_load():
    replies = channel_replies()
    assert "can't do that right now" in replies.unavailable
    assert "5,000" in replies.truncated.format(limit=5000)


def _with_line_replaced(tmp_path, key: str, text: str):
    """A copy of the shipped file with its ``key:`` line changed, and that line's number."""
    lines = CHANNEL_REPLIES_FILE.read_text(encoding="utf-8").splitlines()
    number = next(i for i, line in enumerate(lines) if line.startswith(f"{key}:")) + 1
    lines[number - 1] = f'{key}: "{text}"'
    broken = tmp_path / "channel.yml"
    broken.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return broken, number


def test_a_truncation_note_that_hides_the_limit_is_refused_with_its_line(tmp_path):
    broken, number = _with_line_replaced(
        tmp_path, "truncated", "(Your message was very long, so I cut it.)")
    with pytest.raises(DataFileError, match=rf"channel.yml:{number}: .*\{{limit\}}"):
        load_model(broken, ChannelReplies)


def test_a_slack_choice_note_that_hides_the_choice_is_refused_with_its_line(tmp_path):
    broken, number = _with_line_replaced(tmp_path, "slack_choice", "You chose a button")
    with pytest.raises(DataFileError, match=rf"channel.yml:{number}: .*\{{choice\}}"):
        load_model(broken, ChannelReplies)
