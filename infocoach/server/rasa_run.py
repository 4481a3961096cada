"""``python -m infocoach.server.rasa_run ARGS``: ``rasa ARGS`` with the settings Rasa 3.6
cannot take from a file.

- **API token from the environment.** ``rasa run --auth-token T`` puts the
  token on the command line, which every local user can read with ``ps``.
  Here it comes from ``INFOCOACH_API_TOKEN`` (which only the process's
  owner can read) and is added to Rasa's arguments inside the process. It
  is also Rasa's JWT secret, so clients can authenticate with a header
  (``Authorization: Bearer <JWT signed with the token>``, see
  :func:`api_auth_header`) instead of a ``?token=`` that lands in logs.
- **Custom action timeout.** Rasa waits ``DEFAULT_REQUEST_TIMEOUT`` (300 s,
  not configurable in endpoints.yml) for the action server, so a hung
  action server held each turn for five minutes. ``ACTION_TIMEOUT_SECONDS``
  replaces it; the channel then tells the user the turn failed
  (:mod:`infocoach.channels.turns`).
- **Private files.** The process's umask is 077, so the tracker database and
  anything else it creates in ``var/`` are readable by their owner only.
- **Action responses checked against a schema checked once**
  (:mod:`infocoach.server.tuned_rasa`): Rasa re-validated its constant schema
  on every custom action call, 22% of the server's CPU under 10 users.
- **Models loaded without Keras ``fit``** (:mod:`infocoach.server.tuned_rasa`):
  Rasa trained each TensorFlow model on one example just to create its
  variables, two thirds of the server's start-up.
- **Models run in worker threads** (:mod:`infocoach.server.model_threads`):
  Rasa ran them on the event loop, so at 10 users each call to the action
  server waited behind every other user's model run (form turns 1-1.4 s).
- Rasa's known false-alarm warnings are hidden (:mod:`infocoach.server.quiet_rasa`).
"""

from __future__ import annotations

import os
import sys
import time

from infocoach.server import model_threads, quiet_rasa, tuned_rasa

API_TOKEN_ENV = "INFOCOACH_API_TOKEN"
ACTION_TIMEOUT_SECONDS = 10


def rasa_arguments(args: list[str], environ: dict[str, str]) -> list[str]:
    """``args`` with ``--auth-token`` and ``--jwt-secret`` from ``API_TOKEN_ENV`` when it is set.

    Joined with ``=``: a random url-safe token starts with "-" one time in 64, and argparse
    would read "--auth-token -x..." as an option with no value (Rasa then exits with code 2).
    """
    token = environ.get(API_TOKEN_ENV)
    return [*args, f"--auth-token={token}", f"--jwt-secret={token}"] if token else list(args)


def api_auth_header(token: str, lifetime_seconds: int = 3600) -> dict[str, str]:
    """The header that authenticates a client to Rasa's HTTP API as an admin, from the token."""
    import jwt

    now = int(time.time())
    claims = {"user": {"username": "infocoach", "role": "admin"},
              "iat": now, "exp": now + lifetime_seconds}
    return {"Authorization": "Bearer " + jwt.encode(claims, token, algorithm="HS256")}


def set_action_timeout(seconds: float = ACTION_TIMEOUT_SECONDS) -> None:
    """Make Rasa give up on a custom action after ``seconds`` instead of 300."""
    import rasa.core.actions.action as rasa_action

    rasa_action.DEFAULT_REQUEST_TIMEOUT = seconds


def prepare() -> None:
    """Everything this wrapper changes in the process and in Rasa, before Rasa runs."""
    os.umask(0o077)
    quiet_rasa.install()  # before Rasa is imported: importing it warns
    set_action_timeout()
    tuned_rasa.install()
    model_threads.install()


def main() -> None:
    prepare()
    from rasa.__main__ import main as rasa_main

    sys.argv = ["rasa", *rasa_arguments(sys.argv[1:], dict(os.environ))]
    rasa_main()


if __name__ == "__main__":
    main()
