"""Training output drops library deprecations and Rasa's known false alarms, nothing else."""

from __future__ import annotations

import subprocess
import sys

import pytest

from infocoach.server import quiet_rasa


@pytest.mark.parametrize(("category", "message", "noise"), [
    (DeprecationWarning, "pkg_resources is deprecated as an API", True),
    (UserWarning, "You have defined multiple entity extractors that do the same job", True),
    (UserWarning, "The intent 'other_language' is listed in the domain file, but ...", True),
    (UserWarning, "The intent 'greet' is listed in the domain file, but ...", False),
    (UserWarning, "The following duplicated intents have been found across multiple domain "
                  "files: faq", True),
    (UserWarning, "The following duplicated intents have been found across multiple domain "
                  "files: greet", False),
    (UserWarning, "Found rule-based training data but no policy supporting it.", False),
    (UserWarning, "You have defined training data consisting of lookup tables, but your NLU "
                  "configuration's 'CRFEntityExtractor' does not include the 'pattern' feature. "
                  "To featurize lookup tables, add the 'pattern' feature", True),
    (UserWarning, "You have defined training data consisting of regex patterns, but ...", False),
])
def test_only_known_noise_is_dropped(category, message: str, noise: bool) -> None:
    assert quiet_rasa.is_noise(category, message) is noise


def test_installed_hook_shows_real_warnings_and_drops_noise() -> None:
    script = (
        "import warnings; from infocoach.server import quiet_rasa; quiet_rasa.install(); "
        "warnings.simplefilter('always'); "
        "warnings.warn('old API', DeprecationWarning); "
        "warnings.warn('You have defined multiple entity extractors: A, B'); "
        "warnings.warn('your stories contradict each other')"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            timeout=60, check=True)
    assert "your stories contradict each other" in result.stderr
    assert "old API" not in result.stderr and "entity extractors" not in result.stderr
