"""`rasa run` minus a per-turn and a start-up cost of Rasa 3.6 (installed by
:mod:`infocoach.server.rasa_run`).

**Action responses.** Profiled with py-spy while 10 simulated users talked to the coach (`make
bench`), 22% of the Rasa server's CPU time went to checking custom action
responses: Rasa's ``RemoteAction._validate_action_result`` calls
``jsonschema.validate``, which first validates the *schema* against the JSON
Schema meta-schema, resolving its references through urllib, on every single
call. The schema is a constant, so here it is checked once and its validator
kept. Valid responses pass exactly as before; an invalid one is handed to
Rasa's own method, so it fails with Rasa's own error. The Rasa server runs
all conversations on one event loop, so this CPU time was also every other
user's waiting time.

**Loading the TensorFlow models.** Rasa's ``RasaModel.load`` builds a
model's variables by training it on one example with Keras ``fit`` and only
then overwrites them with the saved weights. ``fit`` first traces the whole
training step (loss, gradients, optimizer) into a graph: py-spy put 64% of
the Rasa server's start-up CPU there (about 19 s of 30 for DIET, TED and the
ResponseSelector). The weights do not depend on that step; the variables
only have to exist. Here the same training-mode loss is computed once,
eagerly (no tracing), which creates exactly the layers' variables, and the
saved weights are loaded over them; the optimizer's state, which a served
model never uses, is left unloaded. Every variable that exists must be found
in the file, or loading fails. Predictions are those of Rasa's own loading
(tests/unit/server/test_tuned_loading.py compares them on the trained model).
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


def load_without_fit(
    cls: type,
    model_file_name: str,
    model_data_example: Any,
    predict_data_example: Any = None,
    finetune_mode: bool = False,
    *args: Any,
    **kwargs: Any,
) -> Any:
    """``RasaModel.load`` with the variables built by one eager loss instead of ``fit``.

    Fine-tuning needs the optimizer's saved state, so it keeps Rasa's own way.
    """
    import tensorflow as tf
    from rasa.utils.tensorflow.constants import LEARNING_RATE, RUN_EAGERLY
    from rasa.utils.tensorflow.data_generator import RasaBatchDataGenerator

    if finetune_mode:
        return _rasas_load.__func__(  # type: ignore[attr-defined]
            cls, model_file_name, model_data_example, predict_data_example, finetune_mode,
            *args, **kwargs,
        )
    model = cls(*args, **kwargs)
    config = kwargs.get("config", {})
    model.compile(
        optimizer=tf.keras.optimizers.Adam(config.get(LEARNING_RATE, 0.001)),
        run_eagerly=config.get(RUN_EAGERLY),
    )
    batch, _ = RasaBatchDataGenerator(model_data_example, batch_size=1, shuffle=False)[0]
    model._training = True  # the layers fit would have built, training-only ones included
    model.batch_loss(tf.nest.map_structure(tf.convert_to_tensor, batch))
    model._training = None
    model.load_weights(model_file_name).expect_partial().assert_existing_objects_matched()
    if predict_data_example:
        model.run_inference(predict_data_example)  # traces the prediction graph now, as Rasa
    return model


_rasas_load: Any = None


def install_model_loading() -> None:
    """Make every Rasa TensorFlow model (DIET, TED, ResponseSelector) load without ``fit``."""
    global _rasas_load
    from rasa.utils.tensorflow.models import RasaModel

    if _rasas_load is None:
        _rasas_load = RasaModel.__dict__["load"]
    RasaModel.load = classmethod(load_without_fit)  # type: ignore[method-assign,assignment]


def install() -> None:
    from rasa.core.actions.action import RemoteAction

    RemoteAction._validate_action_result = checked_once_validator()  # type: ignore[method-assign]
    install_model_loading()

