"""slack/manifest.yml sends Slack's requests where the channel listens, with what it needs."""

from __future__ import annotations

import yaml

from infocoach.channels.slack import SlackInput
from infocoach.paths import ROOT


def _manifest() -> dict:
    return yaml.safe_load((ROOT / "slack" / "manifest.yml").read_text(encoding="utf-8"))


def test_events_and_clicks_go_to_the_slack_webhook():
    settings = _manifest()["settings"]
    events_url = settings["event_subscriptions"]["request_url"]
    assert events_url.endswith(f"/webhooks/{SlackInput.name()}/webhook")
    assert settings["interactivity"] == {"is_enabled": True, "request_url": events_url}
    assert settings["socket_mode_enabled"] is False


def test_the_bot_gets_dms_and_mentions_and_may_post():
    manifest = _manifest()
    assert set(manifest["settings"]["event_subscriptions"]["bot_events"]) == {"app_mention",
                                                                              "message.im"}
    assert set(manifest["oauth_config"]["scopes"]["bot"]) == {"app_mentions:read", "chat:write",
                                                              "im:history"}
    assert manifest["features"]["app_home"]["messages_tab_enabled"] is True
