"""Session files: every way a file can be wrong gives file, line and field, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from infocoach.datafile import DataFileError
from infocoach.ids import Persona, Signal
from infocoach.replay.loader import load_session, load_sessions

VALID = """\
version: 1
title: A small session
description: Shows the format.
turns:
  - user: "coach me through it"
    says: "^Step 1 of 8"
    not_says: ["Traceback", "went wrong"]
    buttons: ["Check my situation", "Next step"]
    slots: {phase: fit}
  - button: "Next step"
    signals: [notes, background]
"""


def write(tmp_path: Path, text: str | bytes, name: str = "session.yml") -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def error_for(tmp_path: Path, text: str | bytes) -> DataFileError:
    path = write(tmp_path, text)
    with pytest.raises(DataFileError) as caught:
        load_session(path)
    assert caught.value.path == str(path)
    return caught.value


def test_valid_file_loads_with_turn_lines(tmp_path):
    loaded = load_session(write(tmp_path, VALID))
    first, second = loaded.session.turns
    assert loaded.session.title == "A small session"
    assert first.says == ["^Step 1 of 8"]  # one pattern is a list of one
    assert first.slots == {"phase": "fit"}
    assert second.button == "Next step" and second.signals == [Signal.NOTES, Signal.BACKGROUND]
    assert loaded.turn_lines == (5, 10)
    assert first.expectation_count == 5 and second.expectation_count == 2


def test_unknown_key_names_line_and_the_known_keys(tmp_path):
    error = error_for(tmp_path, VALID.replace("    says:", "    sayz:"))
    assert error.line == 6
    assert "turns.0.sayz: extra fields not permitted" in str(error)
    assert "known keys: user, button, says, not_says" in str(error)


def test_unknown_top_level_key(tmp_path):
    error = error_for(tmp_path, VALID.replace("description:", "mode: roleplay\ndescription:"))
    assert error.line == 3
    known = "version, title, description, practice, turns"
    assert f"mode: extra fields not permitted (known keys: {known})" in str(error)


def test_bad_yaml_names_the_line(tmp_path):
    error = error_for(tmp_path, VALID.replace('button: "Next step"', 'button: ["Next step"'))
    assert "invalid YAML" in error.message
    assert error.line is not None and error.line >= 10


@pytest.mark.parametrize(("old", "new", "line", "expected"), [
    ("slots: {phase: fit}", "slots: [phase, fit]", 9, "turns.0.slots: value is not a valid dict"),
    ('"coach me through it"', "yes", 5, 'YAML read a yes/no/true/false/on/off word as true: put it '
                                        'in quotes, e.g. "yes"'),
    ('"coach me through it"', "2", 5, 'YAML read a number: put it in quotes, e.g. "2"'),
    ("    says: \"^Step 1 of 8\"", "    says: {a: 1}", 6, "says must be text, not a dict"),
    ("[notes, background]", "[notes, smiles]", 11, "turns.1.signals.1: value is not a valid "
                                                   "enumeration member"),
    ("[notes, background]", "[notes, notes]", 11, "a signal is listed twice"),
    ("title: A small session\n", "", 1, "title: field required"),
])
def test_wrong_types_name_field_and_line(tmp_path, old, new, line, expected):
    assert old in VALID
    error = error_for(tmp_path, VALID.replace(old, new))
    assert expected in error.message
    assert error.line == line


def test_turns_not_a_list(tmp_path):
    error = error_for(tmp_path, VALID.split("turns:")[0] + "turns: hello\n")
    assert error.line == 4
    assert "turns: value is not a valid list" in error.message


def test_turn_without_text_is_rejected(tmp_path):
    error = error_for(tmp_path, VALID.replace('user: "coach me through it"\n    says:', "says:"))
    assert error.line == 5
    assert "turns.0: a turn needs `user` (the text the user types) or `button`" in str(error)


def test_turn_with_both_text_and_button_is_rejected(tmp_path):
    error = error_for(tmp_path, VALID.replace('  - button: "Next step"',
                                              '  - button: "Next step"\n    user: "next"'))
    assert "turns.1: a turn has both `user` and `button`: keep one" in error.message


def test_empty_user_text_is_allowed_and_kept_verbatim(tmp_path):
    loaded = load_session(write(tmp_path, VALID.replace('"coach me through it"', '"  "')))
    assert loaded.session.turns[0].user == "  "


def test_bad_regex_names_pattern_and_line(tmp_path):
    error = error_for(tmp_path, VALID.replace('"went wrong"]', '"(went"]'))
    assert error.line == 7
    assert "turns.0.not_says" in error.message
    assert "'(went' is not a valid regular expression: missing ), unterminated subpattern" in (
        error.message)


@pytest.mark.parametrize("version", ["3", "0", "true", '"1"'])
def test_unsupported_version(tmp_path, version):
    error = error_for(tmp_path, VALID.replace("version: 1", f"version: {version}"))
    assert error.line == 1
    assert "unsupported session format version" in error.message
    assert "write `version: 2`" in error.message


def test_version_2_reads_practice_keys_and_version_1_files_still_load(tmp_path):
    assert load_session(write(tmp_path, VALID)).session.practice is None
    text = VALID.replace("version: 1\n", "version: 2\npractice: {seed: 7, persona: busy_wary}\n")
    session = load_session(write(tmp_path, text)).session
    assert session.practice.seed == 7 and session.practice.persona is Persona.BUSY_WARY
    assert session.practice.slots() == {"practice_seed": 7, "practice_persona": "busy_wary"}
    assert session.needs_api
    seed_only = VALID.replace("version: 1\n", "version: 2\npractice: {seed: 3}\n")
    keys = load_session(write(tmp_path, seed_only)).session.practice
    assert keys.slots() == {"practice_seed": 3, "practice_persona": None}


@pytest.mark.parametrize(("practice", "message"), [
    ("{seed: 7}", "`practice` needs `version: 2`"),
    ("{seed: seven}", "seed must be a whole number"),
    ("{seed: 7, persona: grumpy}", "practice.persona"),
    ("{seed: 7, mood: busy}", "practice.mood: extra fields not permitted"),
])
def test_bad_practice_keys_name_the_line(tmp_path, practice, message):
    version = "1" if "version" in message else "2"
    text = VALID.replace("version: 1\n", f"version: {version}\npractice: {practice}\n")
    error = error_for(tmp_path, text)
    assert message in error.message
    assert error.line in (1, 2)


def test_missing_version(tmp_path):
    error = error_for(tmp_path, VALID.replace("version: 1\n", ""))
    assert "version: field required" in error.message


def test_no_turns(tmp_path):
    error = error_for(tmp_path, VALID.split("turns:")[0] + "turns: []\n")
    assert "turns: ensure this value has at least 1 items" in error.message


@pytest.mark.parametrize("text", ["", "# only a comment\n", "---\n"])
def test_empty_file(tmp_path, text):
    error = error_for(tmp_path, text)
    assert error.message == "file is empty"


def test_top_level_list(tmp_path):
    error = error_for(tmp_path, "- user: hi\n")
    assert "Session expected dict not list" in error.message


def test_non_utf8_names_the_line(tmp_path):
    data = VALID.encode().replace(b"A small session", b"A small \xff session")
    error = error_for(tmp_path, data)
    assert error.line == 2
    assert error.message == "not valid UTF-8"


def test_load_sessions_reports_every_bad_file_and_path(tmp_path):
    good = write(tmp_path, VALID, "a.yml")
    write(tmp_path, VALID.replace("version: 1", "version: 9"), "b.yaml")
    write(tmp_path, "not a session", "notes.txt")  # not *.yml: ignored
    sessions, errors = load_sessions([tmp_path, tmp_path / "missing.yml", tmp_path / "a.yml"])
    assert [s.path for s in sessions] == [good]  # named twice, loaded once
    assert [Path(e.path).name for e in errors] == ["missing.yml", "b.yaml"]
    assert "no such file or directory" in str(errors[0])


def test_directory_without_sessions(tmp_path):
    sessions, errors = load_sessions([tmp_path])
    assert sessions == [] and "no session files" in str(errors[0])


def test_shipped_sessions_are_valid_and_cover_every_phase():
    from infocoach.ids import Phase

    root = Path(__file__).resolve().parents[2] / "data" / "sessions"
    sessions, errors = load_sessions([root])
    assert errors == []
    assert len(sessions) >= 10
    phases_checked = {str(t.slots["phase"]) for s in sessions for t in s.session.turns
                      if t.slots and t.slots.get("phase")}
    assert phases_checked == {p.value for p in Phase}
    turns = [t for s in sessions for t in s.session.turns]
    signals_checked = [t.signals for t in turns if t.signals is not None]
    assert [] in signals_checked and any(signals_checked)
