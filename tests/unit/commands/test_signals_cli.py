"""`infocoach signals`: JSON lines from arguments or stdin, --pretty, clear errors."""

from __future__ import annotations

import json
import subprocess
import sys
from io import BytesIO, StringIO
from pathlib import Path

from infocoach.commands import signals as cli
from infocoach.signals import learned

ROOT = Path(__file__).resolve().parents[3]


def run_cli(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "infocoach.commands.signals", *args],
        input=stdin, capture_output=True, cwd=ROOT, timeout=120, check=False,
    )


def records(stdout: bytes) -> list[dict]:
    return [json.loads(line) for line in stdout.decode("utf-8").splitlines()]


def test_stdin_report_prints_signals_with_evidence() -> None:
    result = run_cli(stdin=b"He asked about my background and then started taking notes\n")
    assert result.returncode == 0, result.stderr
    (record,) = records(result.stdout)
    text = record["text"]
    assert text == "He asked about my background and then started taking notes"
    assert [s["id"] for s in record["signals"]] == ["background", "notes"]
    for s in record["signals"]:
        assert text[s["start"] : s["end"]] == s["evidence"]
        assert 0 < s["confidence"] <= 1
    assert record["signals"][0]["evidence"] == "He asked about my background"
    assert "thank" in record["next_steps"][-1].lower()


def test_my_notes_and_not_theirs_is_no_signal() -> None:
    result = run_cli(stdin=b"I took notes but he didn't\n")
    (record,) = records(result.stdout)
    assert record["signals"] == []
    assert any("two or three managers at other companies" in s for s in record["next_steps"])


def test_one_json_line_per_report_and_empty_lines_skipped() -> None:
    result = run_cli(stdin="She took notes\n\n   \nNo notes.\r\nÉlodie raved about the company\n"
                     .encode())
    ids = [[s["id"] for s in r["signals"]] for r in records(result.stdout)]
    assert ids == [["notes"], [], ["enthusiasm"]]


def test_arguments_are_reports() -> None:
    result = run_cli("She took notes", "We talked about the team.")
    first, second = records(result.stdout)
    assert [s["id"] for s in first["signals"]] == ["notes"]
    assert second["signals"] == [] and second["question"]


def test_invalid_utf8_names_the_line_without_a_traceback() -> None:
    result = run_cli(stdin=b"She took notes\n\xff\xfe broken\n")
    assert result.returncode == 2
    assert b"line 2" in result.stderr and b"UTF-8" in result.stderr
    assert b"Traceback" not in result.stderr


def test_pretty_prints_a_readable_table() -> None:
    result = run_cli("--pretty", "He asked about my background and then started taking notes")
    out = result.stdout.decode()
    assert result.returncode == 0
    assert "signal" in out and "evidence" in out
    assert 'background    0.90       0-28  "He asked about my background"' in out
    assert "next: " in out


def test_help_describes_the_command() -> None:
    result = run_cli("--help")
    assert result.returncode == 0
    assert b"usage: infocoach signals" in result.stdout and b"--pretty" in result.stdout


def test_the_cli_routes_signals_and_both_benchmarks() -> None:
    from infocoach.bench import compare as compare_bench
    from infocoach.bench import signals as bench
    from infocoach.cli import build_parser

    parser = build_parser()
    args = parser.parse_args(["signals", "--pretty", "x"])
    assert args.func is cli._command and args.pretty and args.text == ["x"]
    args = parser.parse_args(["bench", "signals"])
    assert args.func is bench._command and args.split == "test"
    assert parser.parse_args(["bench", "signals", "--split", "dev"]).split == "dev"
    args = parser.parse_args(["bench", "compare", "--seconds", "1", "2", "3"])
    assert args.func is compare_bench._command and args.seconds == [1.0, 2.0, 3.0]


def test_bench_without_a_benchmark_lists_them_and_exits_2(capsys) -> None:
    from infocoach.cli import main

    assert main(["bench"]) == 2
    out = capsys.readouterr().out
    assert "signals" in out and "compare" in out and "nlu" in out


def test_a_missing_signal_model_is_refused_with_the_command_to_run(monkeypatch, tmp_path) -> None:
    monkeypatch.setattr(learned, "SIGNALS_MODEL_DIR", tmp_path / "signals")
    learned.model.cache_clear()
    out, err = StringIO(), StringIO()
    try:
        code = cli.run(["Someone with your skills would take pressure off the team."],
                       BytesIO(), out, err, as_table=False)
    finally:
        learned.model.cache_clear()
    assert code == cli.EXIT_NO_MODEL and out.getvalue() == ""
    assert "make train" in err.getvalue()
