"""`infocoach replay` and `record` against the real bot (the session's live servers)."""

from __future__ import annotations

import io
import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from infocoach.cli import main
from infocoach.replay.loader import load_session
from infocoach.server.processes import free_port

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]

PASSING = """\
version: 1
title: Walk-through start
turns:
  - user: "coach me through it"
    says: "^Step 1 of 8"
    buttons: ["Check my situation", "Next step"]
    slots: {phase: fit}
  - button: "Next step"
    says: "^Step 2 of 8"
    slots: {phase: prepare}
"""

# Passes only if it does not see the conversation of PASSING.
FRESH = """\
version: 1
title: A fresh conversation
turns:
  - user: "how do I end the meeting?"
    says: "thank them"
    slots: {phase: null}
"""

FAILING = """\
version: 1
title: Wrong expectations
turns:
  - user: "coach me through it"
    says: "^Step 2 of 8"
    slots: {phase: open}
  - user: "next"
    says: "^Step 2 of 8"
"""


def write(directory: Path, name: str, text: str) -> Path:
    path = directory / name
    path.write_text(text, encoding="utf-8")
    return path


def served(servers) -> list[str]:
    """The options that point replay at the session's live servers."""
    return ["--url", servers.url, "--token", servers.auth_token]


def replay(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["replay", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_shipped_sessions_pass(live_servers, capsys):
    """`make test` replays every session in data/sessions against the real bot."""
    code, out, err = replay(capsys, str(ROOT / "data" / "sessions"), *served(live_servers))
    assert code == 0, out[-6000:] + err[-2000:]
    assert "0 failed, 0 errors" in out


def test_passing_session_prints_transcript_and_exits_0(live_servers, tmp_path, capsys):
    path = write(tmp_path, "start.yml", PASSING)
    code, out, err = replay(capsys, str(path), *served(live_servers))
    assert code == 0
    assert "  you> coach me through it\ncoach> Step 1 of 8: is this method right for you?" in out
    assert "  you> [Next step]\ncoach> Step 2 of 8" in out
    assert f"PASS  {path}  2 turns, 6 checks, 0 failed" in out
    assert "Total: 1 session: 1 passed, 0 failed, 0 errors; 6 checks, 0 failed" in out
    assert "\033[" not in out  # no colour when stdout is not a terminal
    assert f"replaying 1 session(s) against {live_servers.url}" in err


def test_wrong_expectation_fails_with_a_readable_diff(live_servers, tmp_path, capsys):
    path = write(tmp_path, "wrong.yml", FAILING)
    code, out, _ = replay(capsys, str(path), *served(live_servers))
    assert code == 1
    assert "  ✗ turn 1 (line 4) says: the reply does not match the pattern\n" in out
    assert "        expected: /^Step 2 of 8/\n        actual:   Step 1 of 8: is this method" in out
    assert "  ✗ turn 1 (line 4) slots.phase: the slot has another value" in out
    assert "        expected: 'open'\n        actual:   'fit'" in out
    assert f"FAIL  {path}  2 turns, 3 checks, 2 failed" in out
    recap = f"{path}:4: turn 1 slots.phase: the slot has another value (expected 'open', got 'fit')"
    assert recap in out


def test_quick_reply_not_offered_fails_and_stops_the_session(live_servers, tmp_path, capsys):
    text = PASSING.replace('button: "Next step"', 'button: "Skip ahead"')
    path = write(tmp_path, "button.yml", text)
    code, out, _ = replay(capsys, str(path), *served(live_servers))
    assert code == 1
    assert "button: the previous reply did not offer this quick reply; the session stops" in out
    assert "expected: 'Skip ahead'\n        actual:   ['Check my situation', 'Next step']" in out
    assert "2 of 2 turns" not in out and "1 of 2 turns" in out


def test_json_format_is_the_whole_run(live_servers, tmp_path, capsys):
    write(tmp_path, "a.yml", PASSING)
    write(tmp_path, "b.yml", FAILING)
    code, out, err = replay(capsys, str(tmp_path), *served(live_servers), "--format", "json")
    assert code == 1
    report = json.loads(out)  # stdout is nothing but the report
    assert report["ok"] is False
    assert report["totals"] == {**report["totals"], "sessions": 2, "passed": 1, "failed": 1,
                                "errors": 0, "checks": 9, "failed_checks": 2}
    good, bad = report["sessions"]
    assert (good["status"], bad["status"]) == ("passed", "failed")
    assert good["sender"] != bad["sender"]
    first = good["turns"][0]
    assert first["user"] == "coach me through it" and first["slots"]["phase"] == "fit"
    assert first["reply"].startswith("Step 1 of 8")
    assert first["messages"][0]["buttons"][1] == {"title": "Next step",
                                                  "payload": "/walkthrough_next"}
    assert good["turns"][1]["pressed"] is True and good["turns"][1]["sent"] == "/walkthrough_next"
    assert {f["check"] for f in bad["turns"][0]["failures"]} == {"says", "slots.phase"}
    assert "Total: 2 sessions: 1 passed, 1 failed" in err


def test_junit_format_parses_with_one_case_per_session(live_servers, tmp_path, capsys):
    write(tmp_path, "a.yml", PASSING)
    write(tmp_path, "b.yml", FAILING)
    code, out, _ = replay(capsys, str(tmp_path), *served(live_servers), "--format", "junit")
    assert code == 1
    suites = ET.fromstring(out)
    suite = suites.find("testsuite")
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("2", "1", "0")
    passed, failed = suite.findall("testcase")
    assert passed.get("name") == "Walk-through start" and passed.find("failure") is None
    assert passed.get("classname") == "replay.a"
    failure = failed.find("failure")
    assert failure.get("message") == ("turn 1 says: the reply does not match the pattern "
                                      "(and 1 more)")
    assert "expected: /^Step 2 of 8/" in failure.text
    assert "you> coach me through it" in failed.find("system-out").text


def test_out_writes_markdown_and_json_transcripts(live_servers, tmp_path, capsys):
    sessions = tmp_path / "sessions"
    sessions.mkdir()
    write(sessions, "start.yml", PASSING)
    out_dir = tmp_path / "transcripts"
    code, _, err = replay(capsys, str(sessions), *served(live_servers), "--out", str(out_dir))
    assert code == 0
    assert sorted(p.name for p in out_dir.iterdir()) == ["start.json", "start.md"]
    markdown = (out_dir / "start.md").read_text(encoding="utf-8")
    assert markdown.startswith("# Walk-through start\n")
    assert "**You:** coach me through it" in markdown
    assert "> **Step 1 of 8: is this method right for you?**" in markdown
    assert "> Quick replies: `Check my situation` · `Next step`" in markdown
    assert "**You:** presses **Next step**" in markdown
    data = json.loads((out_dir / "start.json").read_text(encoding="utf-8"))
    assert data["status"] == "passed" and len(data["turns"]) == 2
    assert f"wrote 2 transcript files to {out_dir}" in err


def test_jobs_run_sessions_concurrently_in_separate_conversations(live_servers, tmp_path, capsys):
    for index in range(3):
        write(tmp_path, f"start-{index}.yml", PASSING)
        write(tmp_path, f"fresh-{index}.yml", FRESH)
    code, out, _ = replay(capsys, str(tmp_path), *served(live_servers), "--jobs", "2")
    assert code == 0, out
    assert "6 sessions: 6 passed" in out
    # Each transcript is printed whole: a header is followed by its own turns only.
    blocks = out.split("── ")[1:]
    assert len(blocks) == 6
    for block in blocks:
        expected = "coach me through it" if "Walk-through start" in block else "end the meeting"
        assert block.count("you>") == (2 if "Walk-through start" in block else 1)
        assert expected in block


def test_unreachable_url_exits_2_without_traceback(tmp_path, capsys):
    url = f"http://127.0.0.1:{free_port()}"
    code, out, err = replay(capsys, str(write(tmp_path, "a.yml", PASSING)), "--url", url)
    assert code == 2
    assert err.strip().endswith(f"error: cannot reach the bot at {url} (ConnectionError); "
                                "is the server running (make serve)?")
    assert "Traceback" not in out + err


def test_slot_checks_without_the_api_token_exit_2(live_servers, tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("INFOCOACH_API_TOKEN", raising=False)
    path = write(tmp_path, "a.yml", PASSING)
    code, _, err = replay(capsys, str(path), "--url", live_servers.url)
    assert code == 2
    assert "which slot and signal checks need, and the token is needed" in err
    assert "pass --token or set INFOCOACH_API_TOKEN" in err
    # Without slot or signal checks the chat alone is enough.
    says_only = write(tmp_path, "b.yml", PASSING.replace("    slots: {phase: fit}\n", "")
                      .replace("    slots: {phase: prepare}\n", ""))
    assert replay(capsys, str(says_only), "--url", live_servers.url)[0] == 0


def test_invalid_file_exits_2_before_contacting_a_server(tmp_path, capsys):
    bad = write(tmp_path, "bad.yml", PASSING.replace("says:", "sayz:", 1))
    url = f"http://127.0.0.1:{free_port()}"  # nothing listens: it must not be needed
    code, _, err = replay(capsys, str(bad), "--url", url)
    assert code == 2
    assert f"error: {bad}:5: turns.0.sayz: extra fields not permitted" in err
    assert "nothing was replayed" in err and "cannot reach" not in err


def test_bad_arguments_exit_2(capsys):
    with pytest.raises(SystemExit) as caught:
        main(["replay", "x.yml", "--jobs", "0"])
    assert caught.value.code == 2
    assert "--jobs: must be at least 1" in capsys.readouterr().err


def test_record_saves_a_session_that_replays(live_servers, tmp_path, capsys, monkeypatch):
    path = tmp_path / "recorded.yml"
    typed = "coach me through it\n2\nhow do I end the meeting?\n/quit\n"
    monkeypatch.setattr(sys, "stdin", io.StringIO(typed))
    code = main(["record", str(path), "--url", live_servers.url, "--expect",
                 "--title", "Recorded in a test"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "coach> Step 2 of 8: prepare for the meeting" in out  # the chat was shown as usual
    assert f"saved 4 turns to {path}" in err
    text = path.read_text(encoding="utf-8")
    assert '  - user: "/greet"\n' in text
    assert '  - button: "Next step"\n    says: \'^Step 2 of 8: prepare for the meeting\'' in text
    assert "    # coach: Step 1 of 8: is this method right for you?" in text
    assert "    # quick replies: Check my situation | Next step" in text
    session = load_session(path).session
    assert session.title == "Recorded in a test"
    assert [t.user or t.button for t in session.turns] == [
        "/greet", "coach me through it", "Next step", "how do I end the meeting?"]
    code, out, _ = replay(capsys, str(path), *served(live_servers))
    assert code == 0, out


def test_record_refuses_to_overwrite(tmp_path, capsys):
    path = write(tmp_path, "exists.yml", PASSING)
    assert main(["record", str(path), "--url", "http://127.0.0.1:9"]) == 2
    assert "already exists; pass --force" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == PASSING


@pytest.mark.slow
def test_without_url_starts_its_own_servers(tmp_path, capsys):
    """The no-setup path: servers on free ports with a throw-away tracker database."""
    path = write(tmp_path, "start.yml", PASSING)
    code, out, err = replay(capsys, str(path))
    assert code == 0, out + err
    assert "starting the action server and the Rasa server for this run" in err
    assert "Rasa server ready after" in err
    assert "1 passed, 0 failed" in out
