"""data/content/channel.yml: what the channels say about a message, checked at load time."""

from __future__ import annotations

import pytest

from infocoach.channels.replies import CHANNEL_REPLIES_FILE, ChannelReplies, channel_replies
from infocoach.datafile import DataFileError, load_model


def test_the_shipped_replies_load():
    replies = channel_replies()
    assert "can't do that right now" in replies.unavailable
    assert "5,000" in replies.truncated.format(limit=5000)


def test_a_truncation_note_that_hides_the_limit_is_refused_with_its_line(tmp_path):
    lines = CHANNEL_REPLIES_FILE.read_text(encoding="utf-8").splitlines()
    number = next(i for i, line in enumerate(lines) if line.startswith("truncated:"))
    lines[number] = 'truncated: "(Your message was very long, so I cut it.)"'
    broken = tmp_path / "channel.yml"
    broken.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=rf"channel.yml:{number + 1}: .*\{{limit\}}"):
        load_model(broken, ChannelReplies)
