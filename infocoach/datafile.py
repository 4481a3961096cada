"""Load YAML data files into pydantic models with errors that name file and line.

Content is edited by hand; a typo must fail loudly in tests with a message a
content author can act on ("phases.yml:42: phases.3.title: field required"),
not deep in a user's chat.
"""

from __future__ import annotations

import string
from collections.abc import Callable, Mapping, Sequence
from enum import Enum
from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import BaseModel, ValidationError

M = TypeVar("M", bound=BaseModel)


class StrictModel(BaseModel):
    """Base for every content model: unknown keys are typos, so they are errors."""

    class Config:
        extra = "forbid"
        anystr_strip_whitespace = True
        allow_mutation = False


def every_member(members: type[Enum], what: str) -> Callable[[Mapping], Mapping]:
    """A validator that refuses a mapping missing any member of ``members``: content keyed
    by an id must say something for every id, or a user would meet a gap at run time."""

    def check(mapping: Mapping) -> Mapping:
        missing = [m.value for m in members if m not in mapping]
        if missing:
            raise ValueError(f"missing {what}: {', '.join(missing)}")
        return mapping

    return check


def placeholders(text: str) -> set[str]:
    """The ``{names}`` that ``text.format`` will fill. Content that is formatted at run time is
    checked with this at load time, so a missing or stray placeholder fails in tests, not in a
    chat; broken braces raise ValueError, which the content models report with file and line."""
    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}
    except ValueError as exc:
        raise ValueError(f"broken {{placeholder}}: {exc}") from exc


class DataFileError(ValueError):
    """A data file that cannot be used, located by path and 1-based line."""

    def __init__(self, path: Path | str, line: int | None, message: str) -> None:
        self.path = str(path)
        self.line = line
        self.message = message
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {message}")


def line_of(node: yaml.Node | None, loc: Sequence[int | str]) -> int | None:
    """Follow a pydantic error location through the YAML node tree to a line."""
    line = node.start_mark.line + 1 if node is not None else None
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            match = next((v for k, v in node.value if k.value == str(part)), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            match = node.value[part] if part < len(node.value) else None
        else:
            match = None
        if match is None:
            break
        node = match
        line = node.start_mark.line + 1
    return line


def read_yaml(path: Path) -> tuple[object, yaml.Node | None]:
    """Parse a YAML file, returning the data and its node tree for line lookups."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        line = path.read_bytes()[: exc.start].count(b"\n") + 1
        raise DataFileError(path, line, "not valid UTF-8") from exc
    except OSError as exc:
        raise DataFileError(path, None, f"cannot read file: {exc.strerror}") from exc
    try:
        return yaml.safe_load(text), yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise DataFileError(path, line, f"invalid YAML: {exc.problem or exc.context}") from exc


def load_model(path: Path, model: type[M]) -> M:
    """Read ``path`` and validate it as ``model``; every error names file and line."""
    return load_model_and_node(path, model)[0]


def load_model_and_node(path: Path, model: type[M]) -> tuple[M, yaml.Node]:
    """Like :func:`load_model`, also returning the YAML node tree.

    Callers that report on parts of a valid file (a replayed session's failing
    turn) look the parts' lines up with :func:`line_of`.
    """
    data, node = read_yaml(path)
    if data is None or node is None:
        raise DataFileError(path, 1, "file is empty")
    try:
        return model.parse_obj(data), node
    except ValidationError as exc:
        # A misspelt key shows up twice: as an unknown key and as a missing
        # one. The unknown key is the cause, so it is reported first.
        errors = sorted(exc.errors(), key=lambda e: e["type"] != "value_error.extra")
        located = [_describe(node, model, e) for e in errors]
        line, first = located[0]
        others = "; ".join(f"line {ln}: {msg}" if ln else msg for ln, msg in located[1:])
        raise DataFileError(path, line, f"{first} (also {others})" if others else first) from exc


def _describe(
    node: yaml.Node | None, model: type[BaseModel], error: dict
) -> tuple[int | None, str]:
    loc = [p for p in error["loc"] if p != "__root__"]
    field = ".".join(str(p) for p in loc) or "(top level)"
    message = error["msg"]
    if error["type"] == "value_error.extra":
        known = _known_keys(model, loc[:-1])
        if known:
            message += f" (known keys: {', '.join(known)})"
    return line_of(node, loc), f"{field}: {message}"


def _known_keys(model: type[BaseModel], loc: Sequence[int | str]) -> list[str]:
    """The keys the model nested at ``loc`` accepts: a typo's message shows the right one."""
    current: object = model
    for part in loc:
        if isinstance(part, int):
            continue  # an index into a list of models: the item's model is already current
        fields = getattr(current, "__fields__", None)
        if not fields or part not in fields:
            return []
        current = fields[part].type_
    fields = getattr(current, "__fields__", None)
    return [f.alias for f in fields.values()] if fields else []
