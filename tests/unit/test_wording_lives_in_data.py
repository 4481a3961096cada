"""Every sentence the bot says lives in data/content/*.yml or domain.yml, never in Python.

What counts as wording: a string literal (or the literal part of an f-string)
that reads as prose, i.e. at least three words, mostly plain words, and either
starting with a capital letter or ending with . ? or !. That catches replies
("Which of these best describes you?"), button titles ("Coach me through it")
and notes ("(Your message was very long...)"), and leaves alone what is not
said to the user:
- docstrings;
- messages for developers: logging calls, ``raise``, argparse ``help=``/
  ``description=``, and HTTP error bodies, which are written in lower case
  ("the request body is not valid JSON") and so are not prose by the rule above;
- regexes, word lists, payloads, ids and CSS, which are not mostly words or
  not capitalised.
No allowlist: a sentence that must stay in code is a sign it belongs in data.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

# The packages whose code produces what the bot says.
SPEAKING_PACKAGES = (
    "actions",
    "infocoach/coaching",
    "infocoach/signals",
    "infocoach/channels",
    "infocoach/nlu",
)
_WORD = re.compile(r"""[("'*\[]*[A-Za-z][A-Za-z'’-]*[.,;:!?)"'*\]]*""")
_LOGGING_METHODS = frozenset({"debug", "info", "warning", "error", "exception", "critical", "log"})
_DEVELOPER_KEYWORDS = frozenset({"help", "description", "epilog", "usage"})


def reads_as_prose(text: str) -> bool:
    tokens = text.split()
    words = [t for t in tokens if _WORD.fullmatch(t)]
    if len(words) < 3 or len(words) < 0.6 * len(tokens):
        return False
    letters = [c for c in text if c.isalpha()]
    return letters[0].isupper() or text.rstrip(" )\"'*").endswith((".", "?", "!"))


def _docstrings(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                ids.add(id(body[0].value))
    return ids


def _for_developers(tree: ast.AST) -> set[int]:
    """Ids of every node inside a logging call, a raise, or a developer-facing keyword."""
    ids = set()
    for node in ast.walk(tree):
        inside: list[ast.AST] = []
        if isinstance(node, ast.Raise):
            inside = [node]
        elif isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Attribute) and func.attr in _LOGGING_METHODS:
                inside = [node]
            inside += [k.value for k in node.keywords if k.arg in _DEVELOPER_KEYWORDS]
        for part in inside:
            ids.update(id(n) for n in ast.walk(part))
    return ids


def prose_literals(source: str) -> Iterator[tuple[int, str]]:
    """(line, text) of every string literal in ``source`` that reads as prose."""
    tree = ast.parse(source)
    skipped = _docstrings(tree) | _for_developers(tree)
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in skipped
            and reads_as_prose(node.value)
        ):
            yield node.lineno, node.value


def python_files(root: Path) -> list[Path]:
    return sorted(f for package in SPEAKING_PACKAGES for f in (root / package).rglob("*.py"))


def test_no_sentence_the_bot_says_is_written_in_python(root: Path) -> None:
    found = [
        f"{path.relative_to(root)}:{line}: {text!r}"
        for path in python_files(root)
        for line, text in prose_literals(path.read_text(encoding="utf-8"))
    ]
    assert not found, "move these to data/content/*.yml or domain.yml:\n" + "\n".join(found)


@pytest.mark.parametrize(
    "source",
    [
        'reply = Reply(text="Which of these best describes you?")',
        'BUTTON = Button(title="Coach me through it", payload="/walkthrough_start")',
        'note = f"(Your message was very long, so I only read {n} characters.)"',
        'sorry = "sorry, I did not catch that."',
    ],
)
def test_the_check_finds_a_sentence_put_back_into_python(source: str) -> None:
    assert list(prose_literals(source))


@pytest.mark.parametrize(
    "source",
    [
        'def f():\n    """Why this function exists, in a sentence."""',
        'logger.warning("Refused a request with a wrong signature")',
        'raise ValueError("A phase must list every alias once.")',
        'parser.add_argument("--port", help="The port the server listens on.")',
        'error = _error(400, "the request body is not valid JSON")',
        'PATTERN = r"not (currently )?(employed|working)"',
        'WORDS = "a about after all am an and"',
        'PAYLOAD = \'/inform{"career_stage": "student"}\'',
    ],
)
def test_the_check_leaves_code_and_developer_messages_alone(source: str) -> None:
    assert not list(prose_literals(source))
