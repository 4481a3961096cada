"""The shipped content loads, and broken content fails with file and line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from infocoach.coaching.content import FAQ_FILE, load_content
from infocoach.datafile import DataFileError
from infocoach.ids import PHASE_ORDER, CareerStage, Phase
from infocoach.paths import CONTENT_DIR


@pytest.fixture
def content_copy(tmp_path: Path) -> tuple[Path, Path]:
    directory = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, directory)
    faq = tmp_path / "faq.yml"
    shutil.copy(FAQ_FILE, faq)
    return directory, faq


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text {old!r} not found in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _line_of(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text().splitlines(), 1) if needle in line)


def test_shipped_content_covers_every_phase_and_stage():
    content = load_content()
    assert tuple(p.id for p in content.phases.phases) == PHASE_ORDER
    assert {s.id for s in content.fit.stages} == set(CareerStage)
    assert {t.phase for t in content.topics()} == set(Phase)


def test_every_topic_has_a_distinct_question():
    questions = [t.question for t in load_content().topics()]
    assert len(questions) == len(set(questions))


def test_managers_are_never_he_or_she():
    """The article says "he"; the bot speaks of managers without gender."""
    import re

    texts = [p.intro + " ".join(p.points) for p in load_content().phases.phases]
    texts += [t.answer for t in load_content().topics()]
    for text in texts:
        assert not re.search(r"\b(he|she|him|her|his|hers)\b", text, re.I), text


def test_misspelt_key_names_file_and_line(content_copy):
    directory, faq = content_copy
    path = directory / "phases.yml"
    _replace(path, '    intro: "A little preparation', '    intorduction: "A little preparation')
    with pytest.raises(DataFileError) as caught:
        load_content(directory, faq)
    error = caught.value
    assert error.path == str(path)
    assert error.line == _line_of(path, "intorduction")
    assert "intorduction" in str(error) and "extra fields not permitted" in str(error)


def test_unknown_phase_id_is_rejected_with_its_line(content_copy):
    directory, faq = content_copy
    _replace(faq, "      phase: referrals", "      phase: referals")
    with pytest.raises(DataFileError) as caught:
        load_content(directory, faq)
    assert caught.value.line == _line_of(faq, "phase: referals")
    assert "phase" in caught.value.message


def test_phases_out_of_order_are_rejected(content_copy):
    directory, faq = content_copy
    _replace(directory / "phases.yml", "  - id: open\n", "  - id: close\n")
    with pytest.raises(DataFileError, match="in this order"):
        load_content(directory, faq)


def test_template_with_undeclared_placeholder_is_rejected(content_copy):
    directory, faq = content_copy
    path = directory / "templates.yml"
    _replace(path, "Dear {manager},", "Dear {manger},")
    with pytest.raises(DataFileError, match="undeclared placeholders: manger") as caught:
        load_content(directory, faq)
    assert caught.value.path == str(path)


def test_broken_yaml_names_the_line(content_copy):
    directory, faq = content_copy
    path = directory / "fit.yml"
    _replace(path, "  - id: student\n", "  - id: [student\n")
    with pytest.raises(DataFileError, match="invalid YAML") as caught:
        load_content(directory, faq)
    assert caught.value.line is not None and caught.value.line >= _line_of(path, "id: [student")


def test_invalid_utf8_names_the_line(content_copy):
    directory, faq = content_copy
    path = directory / "questions.yml"
    lines = path.read_bytes().split(b"\n")
    lines[3] = lines[3] + b" \xff\xfe"
    path.write_bytes(b"\n".join(lines))
    with pytest.raises(DataFileError, match="not valid UTF-8") as caught:
        load_content(directory, faq)
    assert caught.value.line == 4


def test_empty_file_is_reported(content_copy):
    directory, faq = content_copy
    (directory / "prompts.yml").write_text("# nothing here\n")
    with pytest.raises(DataFileError, match="file is empty"):
        load_content(directory, faq)


def test_phase_without_any_faq_answer_is_rejected(content_copy):
    directory, faq = content_copy
    text = faq.read_text()
    for phase in ("phase: referrals",):
        text = text.replace(phase, "phase: close")
    faq.write_text(text)
    with pytest.raises(DataFileError, match="no answer covers a direct question about: referrals"):
        load_content(directory, faq)


def test_template_without_a_fallback_for_a_field_is_rejected(content_copy):
    directory, faq = content_copy
    _replace(directory / "templates.yml", 'position: "[the position you want]"', "")
    with pytest.raises(DataFileError, match="no fallback for: position"):
        load_content(directory, faq)


def test_employment_label_missing_is_refused_with_file_and_line(content_copy):
    directory, faq = content_copy
    path = directory / "fit.yml"
    _replace(path, '  unknown: "Rather not say"\n', "")
    with pytest.raises(DataFileError) as caught:
        load_content(directory, faq)
    assert "employment_labels" in str(caught.value) and "unknown" in str(caught.value)
