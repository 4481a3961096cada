"""``action_debrief``: read the user's account of a meeting and coach the next steps.

A thin seam: the report comes from the ``debrief_report`` slot (filled by the
debrief form) or else the latest message; the reading and the wording are the
library's (:mod:`infocoach.signals`, :mod:`infocoach.coaching.debrief`). A
message that tells of no meeting (a question, a worry, a meeting still to
come) is answered as what it is instead of being read for signs. After a
meeting is read, the walk-through's "next" carries on from the meeting's end.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.common import send
from actions.faq import answer_to_question
from infocoach.coaching.debrief import debrief_or_redirect, not_an_account_reply
from infocoach.coaching.walkthrough import AFTER_A_MEETING
from infocoach.signals import spot


class ActionDebrief(Action):
    def name(self) -> str:
        return "action_debrief"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        from_form = tracker.get_slot("debrief_report")
        report = str(from_form or tracker.latest_message.get("text") or "")
        reading = spot(report)
        reply = debrief_or_redirect(report, reading, in_form=bool(from_form))
        if reply is None:
            send(dispatcher, not_an_account_reply(answer_to_question(report, tracker)))
            return [SlotSet("debrief_report", None)]
        send(dispatcher, reply)
        return [SlotSet("signals", reading.ids), SlotSet("debrief_report", None),
                SlotSet("phase", AFTER_A_MEETING.value)]
