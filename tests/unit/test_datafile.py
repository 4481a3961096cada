"""The one placeholder reader that every content model checks its ``{names}`` with."""

from __future__ import annotations

import pytest

from infocoach.datafile import placeholders


def test_placeholders_are_the_names_format_will_fill():
    assert placeholders("Hello {contact}, {referrer} suggested I call ({limit:,} chars)") == {
        "contact", "referrer", "limit"}


def test_doubled_braces_and_plain_text_have_no_placeholders():
    assert placeholders("a literal {{brace}} and no names") == set()


@pytest.mark.parametrize("text", ["an open {brace", "a stray } brace"])
def test_broken_braces_are_a_value_error_content_models_report(text):
    with pytest.raises(ValueError, match=r"broken \{placeholder\}"):
        placeholders(text)
