"""Spot the four interest signals in a user's own account of a meeting.

Detection only, pure Python on spaCy: nothing here imports Rasa or words the
coach's reply (that is ``infocoach.coaching``; the chat adapter is
``actions/debrief.py``).
"""

from infocoach.signals.readings import Finding, Reading
from infocoach.signals.spotter import spot

__all__ = ["Finding", "Reading", "spot"]
