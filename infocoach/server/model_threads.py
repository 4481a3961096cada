"""Rasa's models answer in worker threads, so the event loop keeps serving the other users.

Why: the Rasa server serves every conversation on one asyncio event loop, and Rasa
3.6 runs its models (DIET and the ResponseSelector on each message, the policies
before each action) synchronously on that loop. With 10 simulated users
(``make bench``) the loop was busy about 90% of the time, so whenever a turn waited
for I/O (each call to the action server, which a form turn makes twice) it went to
the back of the queue, behind a whole model run of every other user: about 350 ms
per action-server call at 10 users, against a few milliseconds for one user. Form
turns took 1.0-1.4 s where a direct question took 0.13 s, and made the whole p95
(docs/benchmarks.md).

Here :meth:`MessageProcessor.parse_message` and the prediction loop hand each model
run to a small thread pool. TensorFlow releases the GIL while it computes and the
interpreter switches threads every few milliseconds, so concurrent turns share the
CPU in small slices instead of waiting for each other's whole runs, and a turn that
comes back from the action server goes on at once. A conversation still runs one
turn at a time (Rasa's lock store), so no tracker is ever touched by two threads;
at inference the graph's components only read what they learned
(tests/unit/server/test_model_threads.py runs conversations at once and compares
every prediction with Rasa's own one-at-a-time answers).

The two methods below are Rasa 3.6.21's own (``rasa==3.6.21`` is pinned), with the
model run awaited in the pool; everything else they did is kept but two debug-level
log lines.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

# One per core here. Four measured the same at 10 users (p95 within the noise);
# the event loop thread is the third, serving I/O while both compute.
WORKERS = 2

T = TypeVar("T")

_pool: ThreadPoolExecutor | None = None
_rasas_parse_message: Any = None
# Rasa's processor logger (``rasa.core.processor``), so its warnings read as before.
_processor_logger = logging.getLogger("rasa.core.processor")


def _executor() -> ThreadPoolExecutor:
    global _pool
    if _pool is None:
        _pool = ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="rasa-model")
    return _pool


async def off_loop(function: Callable[..., T], *args: Any) -> T:
    """``function(*args)`` in the model threads, awaited without blocking the event loop."""
    return await asyncio.get_running_loop().run_in_executor(_executor(), function, *args)


async def parse_message(
    self: Any, message: Any, tracker: Any = None, only_output_properties: bool = True
) -> dict[str, Any]:
    """Rasa's ``MessageProcessor.parse_message`` with the NLU graph run in the model threads."""
    from rasa.shared.core.trackers import DialogueStateTracker

    if self.http_interpreter:
        return await _rasas_parse_message(self, message, tracker, only_output_properties)
    if tracker is None:
        tracker = DialogueStateTracker.from_events(message.sender_id, [])
    parse_data = await off_loop(
        self._parse_message_with_graph, message, tracker, only_output_properties
    )
    self._update_full_retrieval_intent(parse_data)
    self._check_for_unseen_features(parse_data)
    return parse_data


async def run_prediction_loop(self: Any, output_channel: Any, tracker: Any) -> None:
    """Rasa's ``MessageProcessor._run_prediction_loop`` with each prediction in the model threads.

    Predicts and runs actions until the policies choose to listen.
    """
    from rasa.exceptions import ActionLimitReached

    should_predict_another_action = True
    while should_predict_another_action and self._should_handle_message(tracker):
        try:
            action, prediction = await off_loop(
                self.predict_next_with_tracker_if_should, tracker
            )
        except ActionLimitReached:
            _processor_logger.warning(
                "Circuit breaker tripped. Stopped predicting more actions for sender "
                f"'{tracker.sender_id}'."
            )
            if self.on_circuit_break:
                self.on_circuit_break(tracker, output_channel, self.nlg)
            break
        if prediction.is_end_to_end_prediction:
            tracker = await self.run_action_extract_slots(output_channel, tracker)
        should_predict_another_action = await self._run_action(
            action, tracker, output_channel, self.nlg, prediction
        )


def install() -> None:
    """Replace the two methods on Rasa's ``MessageProcessor`` (once; repeating is harmless)."""
    global _rasas_parse_message
    from rasa.core.processor import MessageProcessor

    if _rasas_parse_message is None:
        _rasas_parse_message = MessageProcessor.parse_message
    MessageProcessor.parse_message = parse_message  # type: ignore[method-assign]
    MessageProcessor._run_prediction_loop = run_prediction_loop  # type: ignore[method-assign]
