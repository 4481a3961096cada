"""Where the project's files live, defined once.

Every module that reads data, writes models or results, or keeps run-time
state takes its folder from here, so moving a folder is a one-line change.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
CONTENT_DIR = DATA_DIR / "content"
SIGNALS_DATA_DIR = DATA_DIR / "signals"
SESSIONS_DIR = DATA_DIR / "sessions"
MODELS_DIR = ROOT / "models"
# The signal spotter's learned layer, trained by `make train` next to the Rasa model.
SIGNALS_MODEL_DIR = MODELS_DIR / "signals"
VAR_DIR = ROOT / "var"
RESULTS_DIR = ROOT / "bench" / "results"
WEB_STATIC_DIR = Path(__file__).resolve().parent / "web" / "static"
