"""`rasa run` minus a per-turn cost of Rasa 3.6 (installed by :mod:`infocoach.server.rasa_run`).

Profiled with py-spy while 10 simulated users talked to the coach (`make
bench`), 22% of the Rasa server's CPU time went to checking custom action
responses: Rasa's ``RemoteAction._validate_action_result`` calls
``jsonschema.validate``, which first validates the *schema* against the JSON
Schema meta-schema, resolving its references through urllib, on every single
call. The schema is a constant, so here it is checked once and its validator
kept. Valid responses pass exactly as before; an invalid one is handed to
Rasa's own method, so it fails with Rasa's own error. The Rasa server runs
all conversations on one event loop, so this CPU time was also every other
user's waiting time.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def checked_once_validator() -> Callable[[Any, dict[str, Any]], bool]:
    """A drop-in ``RemoteAction._validate_action_result`` with the schema checked once."""
    from jsonschema import exceptions, validators
    from rasa.core.actions.action import RemoteAction

    schema = RemoteAction.action_response_format_spec()
    validator_class = validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema)
    rasas_own = RemoteAction._validate_action_result

    def validate_action_result(action: Any, result: dict[str, Any]) -> bool:
        if exceptions.best_match(validator.iter_errors(result)) is None:
            return True
        return rasas_own(action, result)  # raises Rasa's ValidationError

    return validate_action_result


def install() -> None:
    from rasa.core.actions.action import RemoteAction

    RemoteAction._validate_action_result = checked_once_validator()  # type: ignore[method-assign]

