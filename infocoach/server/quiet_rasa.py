"""``python -m infocoach.server.quiet_rasa ARGS``: Rasa's command line without its known noise.

A first ``make chat`` trains a model, and Rasa's training prints a screenful
of warnings that say nothing about this project: other libraries' deprecation
notices, and Rasa checks that are false alarms for this configuration (each
is explained in ``FALSE_ALARMS``). Filters from ``PYTHONWARNINGS`` don't
help, because Sanic and Rasa put their own filters in front of them while
they load, so the notices are dropped where they are shown instead. Every
other warning, and all of Rasa's output, passes through unchanged;
``infocoach train --verbose`` runs plain Rasa.
"""

from __future__ import annotations

import sys
import warnings
from typing import TextIO

FALSE_ALARMS = (
    # DIET only classifies intents here (entity_recognition: false); the CRF finds entities.
    "You have defined multiple entity extractors",
    # faq is a retrieval intent: Rasa adds it again from data/responses/faq.yml.
    "The following duplicated intents have been found across multiple domain files: faq",
    # other_language is set by the InputGuard component, never learnt from examples.
    "The intent 'other_language' is listed in the domain file",
    # The lookup tables (data/nlu/lookups.yml) feed the RegexFeaturizer for DIET's intents;
    # the CRF is not meant to use them.
    "You have defined training data consisting of lookup tables, but your NLU configuration's "
    "'CRFEntityExtractor' does not include the 'pattern' feature",
)


def is_noise(category: type[Warning], message: str) -> bool:
    """Another library's deprecation notice, or one of Rasa's known false alarms."""
    return issubclass(category, DeprecationWarning) or message.startswith(FALSE_ALARMS)


def install() -> None:
    """Drop the noise from every warning shown from now on."""
    show = warnings.showwarning

    def show_unless_noise(message: Warning | str, category: type[Warning], filename: str,
                          lineno: int, file: TextIO | None = None,
                          line: str | None = None) -> None:
        if not is_noise(category, str(message)):
            show(message, category, filename, lineno, file, line)

    warnings.showwarning = show_unless_noise


def main() -> None:
    install()
    from rasa.__main__ import main as rasa_main  # after install(): importing Rasa warns

    sys.argv = ["rasa", *sys.argv[1:]]
    rasa_main()


if __name__ == "__main__":
    main()
