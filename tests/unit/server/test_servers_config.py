"""Per-run endpoints and credentials written by infocoach.server.processes."""

from __future__ import annotations

from pathlib import Path

import yaml

from infocoach.server.processes import (
    ServerError,
    Servers,
    latest_model,
    write_credentials,
    write_endpoints,
)


def test_endpoints_point_at_this_runs_action_port_and_database(tmp_path):
    path = write_endpoints(tmp_path / "e.yml", 6123, tmp_path / "db" / "t.db")
    data = yaml.safe_load(path.read_text())
    assert data["action_endpoint"]["url"] == "http://127.0.0.1:6123/webhook"
    assert data["tracker_store"] == {
        "type": "infocoach.server.tracker_store.ForgettingSQLTrackerStore",
        "dialect": "sqlite",
        "db": str(tmp_path / "db" / "t.db"),
    }


def test_channels_with_unset_variables_are_switched_off_with_a_message(tmp_path, monkeypatch):
    source = tmp_path / "credentials.yml"
    source.write_text(
        "rest:\nslack:\n  slack_token: ${FAKE_TOKEN}\n  slack_signing_secret: ${FAKE_SECRET}\n"
    )
    monkeypatch.delenv("FAKE_TOKEN", raising=False)
    monkeypatch.setenv("FAKE_SECRET", "s")
    said: list[str] = []
    written = write_credentials(tmp_path / "out.yml", source=source, log=said.append)
    assert yaml.safe_load(written.read_text()) == {"rest": None}
    assert said == ["slack is off: set FAKE_TOKEN to enable it"]


def test_channels_with_their_variables_set_are_kept_unexpanded(tmp_path, monkeypatch):
    source = tmp_path / "credentials.yml"
    source.write_text("slack:\n  slack_token: ${FAKE_TOKEN}\n")
    monkeypatch.setenv("FAKE_TOKEN", "xoxb-1")
    written = write_credentials(tmp_path / "out.yml", source=source, log=lambda _: None)
    assert "${FAKE_TOKEN}" in written.read_text()


def test_missing_model_says_how_to_get_one(tmp_path):
    try:
        latest_model(tmp_path)
    except ServerError as exc:
        assert "make train" in str(exc)
    else:
        raise AssertionError("expected ServerError")


def test_every_cors_origin_given_reaches_rasa() -> None:
    from infocoach.cli import build_parser

    args = build_parser().parse_args(
        ["serve", "--cors", "https://a.example", "--cors", "https://b.example"]
    )
    servers = Servers(cors=tuple(args.cors), auth_token="t")
    command = servers.rasa_command(Path("m.tar.gz"), Path("e.yml"), Path("c.yml"))
    at = command.index("--cors")
    assert command[at : at + 3] == ["--cors", "https://a.example", "https://b.example"]
    assert "--cors" not in Servers(auth_token="t").rasa_command(Path("m"), Path("e"), Path("c"))
