"""credentials.yml: Slack is on only when its two environment variables are set."""

from __future__ import annotations

import yaml

from infocoach.paths import ROOT
from infocoach.server.processes import write_credentials

SLACK = "infocoach.channels.slack.SlackInput"


def _write(tmp_path):
    lines: list[str] = []
    path = write_credentials(tmp_path / "out.yml", ROOT / "credentials.yml", log=lines.append)
    return yaml.safe_load(path.read_text()), lines


def test_without_the_variables_slack_is_off_and_says_so(tmp_path, monkeypatch):
    monkeypatch.delenv("SLACK_BOT_TOKEN", raising=False)
    monkeypatch.setenv("SLACK_SIGNING_SECRET", "")
    channels, lines = _write(tmp_path)
    assert SLACK not in channels
    assert "infocoach.channels.rest.StrictRestInput" in channels
    assert "SlackInput is off: set SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET to enable it" in lines


def test_with_the_variables_slack_is_on_with_references_rasa_will_substitute(tmp_path, monkeypatch):
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-1")
    monkeypatch.setenv("SLACK_SIGNING_SECRET", "secret")
    _, lines = _write(tmp_path)
    assert not any("Slack" in line for line in lines)
    # Rasa's own reader, as `rasa run --credentials` uses it: the values arrive substituted.
    from rasa.shared.utils.io import read_config_file

    channels = read_config_file(tmp_path / "out.yml")
    assert channels[SLACK]["slack_token"] == "xoxb-1"
    assert channels[SLACK]["slack_signing_secret"] == "secret"
    assert channels[SLACK]["conversation_granularity"] == "thread"
