"""The README's bench block shows the latest table, and only that block changes."""

from __future__ import annotations

import pytest

from infocoach.bench.results import README_END, README_START, show_in_readme
from infocoach.paths import ROOT


def test_the_table_replaces_the_block_and_nothing_else(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text(f"# infocoach\n\nintro\n{README_START}\nold table\n| a |\n{README_END}\n"
                      "\nWhere the time goes.\n", encoding="utf-8")
    show_in_readme(readme, "\n| figure | new |\n|---|---|\n")
    assert readme.read_text(encoding="utf-8") == (
        f"# infocoach\n\nintro\n{README_START}\n| figure | new |\n|---|---|\n{README_END}\n"
        "\nWhere the time goes.\n")


@pytest.mark.parametrize("text", ["no markers at all\n", f"{README_END}\n{README_START}\n"])
def test_a_readme_without_the_block_is_named(tmp_path, text):
    readme = tmp_path / "README.md"
    readme.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match=r"README\.md: no <!-- bench:latest -->"):
        show_in_readme(readme, "| t |")
    assert readme.read_text(encoding="utf-8") == text


def test_the_projects_readme_has_the_block():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert text.index(README_START) < text.index(README_END)
