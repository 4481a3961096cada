"""Scripted coaching sessions: a file format, a replayer that checks what the
user reads, and a recorder that turns a terminal chat into a session file."""
