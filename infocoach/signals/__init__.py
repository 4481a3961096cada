"""Spot the four interest signals in a user's own account of a meeting.

Pure Python on spaCy; nothing here imports Rasa (the chat adapter is
``actions/debrief.py``).
"""

from infocoach.signals.models import Finding, Reading
from infocoach.signals.next_steps import next_steps
from infocoach.signals.spotter import spot

__all__ = ["Finding", "Reading", "next_steps", "spot"]
