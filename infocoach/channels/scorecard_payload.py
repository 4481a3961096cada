"""The practice scorecard a bot message carries in its custom payload.

``action_practice_scorecard`` sends the scorecard twice in one message: as
text, for clients that show text, and worded item by item under
:data:`~infocoach.coaching.practice.scorecard.SCORECARD_KEY` in ``custom``,
for channels that can lay it out (the widget's list with done/missed marks,
Slack's blocks). Rasa would deliver the two as separate messages, the custom
one empty for a text client; each channel asks here whether a message has a
scorecard and delivers it as one.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from infocoach.coaching.practice.scorecard import SCORECARD_KEY, ScorecardView


def scorecard_in(custom: Any) -> ScorecardView | None:
    """The worded scorecard in a message's ``custom`` payload; None if it has none
    or it is unreadable (the text then stands alone)."""
    if not isinstance(custom, Mapping) or not isinstance(custom.get(SCORECARD_KEY), Mapping):
        return None
    try:
        return ScorecardView.parse_obj(custom[SCORECARD_KEY])
    except ValueError:
        return None
