"""Practice mode: the coach plays a manager in a mock informational interview.

Plain Python, no Rasa: :mod:`.content` holds the lines, :mod:`.engine` runs a
meeting turn by turn over a JSON-able :class:`~.state.PracticeState`, and
:mod:`.scorecard` scores the user against the method.
"""
