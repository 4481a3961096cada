"""The default ports, defined once (the Makefile's PORT and ACTIONS_PORT say the same)."""

DEFAULT_PORT = 5005
DEFAULT_ACTIONS_PORT = 5055
