"""The practice lines load, cover every persona and topic, and broken files name file and line."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from infocoach.coaching.practice.content import PRACTICE_FILE, load_practice
from infocoach.datafile import DataFileError
from infocoach.ids import Persona, Signal


@pytest.fixture
def practice_copy(tmp_path: Path) -> Path:
    path = tmp_path / "practice.yml"
    shutil.copy(PRACTICE_FILE, path)
    return path


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text {old!r} not found"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _line_of(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text().splitlines(), 1) if needle in line)


def _all_lines(practice) -> list[str]:
    def walk(value):
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict):
            for item in value.values():
                yield from walk(item)
        elif isinstance(value, (list, tuple)):
            for item in value:
                yield from walk(item)
    return list(walk(practice.dict()))


def test_every_persona_answers_every_topic_in_three_wordings():
    practice = load_practice()
    for persona in Persona:
        topics = practice.managers[persona].topics
        assert set(topics) == set(practice.topics) | {"unknown"}
        assert all(len(set(lines)) >= 3 for lines in topics.values())
    assert set(practice.managers[Persona.INTERESTED].signals) == set(Signal)


def test_managers_are_never_he_or_she():
    for line in _all_lines(load_practice()):
        assert not re.search(r"\b(he|she|him|her|his|hers)\b", line, re.I), line


def test_persona_named_in_the_users_words():
    practice = load_practice()
    assert practice.persona_named("busy") is Persona.BUSY_WARY
    assert practice.persona_named("practise with a keen manager") is Persona.INTERESTED
    assert practice.persona_named("busy_wary") is Persona.BUSY_WARY
    assert practice.persona_named("let's practise") is None


def test_too_few_wordings_names_file_and_line(practice_copy):
    text = practice_copy.read_text()
    start = text.index("      pay:\n", text.index("  neutral:\n    opening:"))
    block_end = text.index("      culture:\n", start)
    pay_lines = text[start:block_end].splitlines(keepends=True)
    practice_copy.write_text(text[:start] + "".join(pay_lines[:2]) + text[block_end:])
    with pytest.raises(DataFileError) as err:
        load_practice(practice_copy)
    assert err.value.path == str(practice_copy)
    assert "managers.neutral.topics.pay" in err.value.message
    first_pay_line = text[:start].count("\n") + 2
    assert err.value.line == first_pay_line


def test_unknown_placeholder_names_file_and_line(practice_copy):
    _replace(practice_copy, '"Busy. Meetings, then more meetings."', '"Busy. {feild} meetings."')
    with pytest.raises(DataFileError) as err:
        load_practice(practice_copy)
    assert "feild" in err.value.message
    assert err.value.line == _line_of(practice_copy, "{feild}")


def test_missing_signal_lines_fail(practice_copy):
    _replace(practice_copy, "      need:\n", "      needs:\n")
    with pytest.raises(DataFileError, match=r"signals.*need") as err:
        load_practice(practice_copy)
    # A wrong key is located at the start of its mapping (the first signal listed).
    assert err.value.line == _line_of(practice_copy, "    signals:") + 1
