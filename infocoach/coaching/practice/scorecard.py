"""Score a practice meeting against the method, and word the scorecard.

The scorecard is data first (:class:`Scorecard`, JSON-able, kept in a slot so
that a later "how did I do?" repeats it), then worded item by item
(:func:`view`, sent to the channels as a custom payload under
:data:`SCORECARD_KEY`) so that each channel lays it out its own way: the web
widget as a list with done/missed marks, Slack as Block Kit sections; the
terminal and REST clients read the text (:func:`render`) sent with it.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from infocoach.coaching.practice.content import PracticeFile, practice_content
from infocoach.coaching.practice.state import PracticeState, SlotModel, Stage
from infocoach.coaching.replies import bullet_list
from infocoach.ids import PracticeStep, Signal

MAX_TIPS = 3
# The key of the worded scorecard in a bot message's custom payload.
SCORECARD_KEY = "scorecard"


class StepResult(BaseModel):
    step: PracticeStep
    done: bool
    evidence: str | None = None


class Scorecard(SlotModel):
    persona_label: str
    steps: tuple[StepResult, ...]
    job_ask: str | None = None
    shown: tuple[Signal, ...] = ()
    # None: the user was never asked (left early) or has not answered yet.
    noticed: tuple[Signal, ...] | None = None
    # Where the meeting stood when scored: "how did I do?" may come midway.
    stage: Stage | None = None
    tips: tuple[str, ...] = ()


def score(state: PracticeState, content: PracticeFile | None = None) -> Scorecard:
    """What the user did and missed so far, with their words as evidence, and tips."""
    content = content or practice_content()
    steps = tuple(
        StepResult(step=step, done=step in state.evidence, evidence=state.evidence.get(step))
        for step in PracticeStep
    )
    return Scorecard(
        persona_label=content.personas[state.persona].label,
        steps=steps,
        job_ask=state.job_ask,
        shown=state.shown,
        noticed=state.noticed,
        stage=state.stage,
        tips=_tips(state, steps, content),
    )


def _tips(state: PracticeState, steps: tuple[StepResult, ...], content: PracticeFile
          ) -> tuple[str, ...]:
    """The job ask first (the worst mistake), then missed steps in meeting order,
    then the signs of interest if the user missed some; at most three."""
    text = content.scorecard
    tips = [text.job_ask_tip] if state.job_ask else []
    tips += [text.steps[r.step].tip for r in steps if not r.done]
    noticed = set(state.noticed or ())
    if set(state.shown) - noticed or noticed - set(state.shown):
        tips.append(text.signals_tip)
    if not tips:
        tips.append(text.all_done_tip)
    return tuple(tips[:MAX_TIPS])


class StepLine(BaseModel):
    """One step of the method, worded: ``mark`` says done or missed in words."""

    done: bool
    mark: str
    label: str
    # 'you said "..."', when the user's words did the step.
    evidence: str | None = None


class ScorecardView(BaseModel):
    """A scorecard as the coach words it, one item per field, for channels to lay out.

    Texts use the project's markdown subset (``**bold**``, ``*italic*``).
    """

    title: str
    steps: tuple[StepLine, ...]
    job_ask: bool
    # The job-ask verdict: the big mistake quoted, or praise for not making it.
    verdict: str
    signals_heading: str
    signals: str
    tips_heading: str
    tips: tuple[str, ...]

    def text(self) -> str:
        """The whole scorecard as one markdown-lite text: title, step list, signals, tips."""
        lines = [f"{s.mark}: {s.label}" + (f" ({s.evidence})" if s.evidence else "")
                 for s in self.steps]
        return "\n\n".join([
            self.title,
            bullet_list(lines),
            self.verdict,
            self.signals_heading + "\n" + self.signals,
            self.tips_heading + "\n" + bullet_list(list(self.tips)),
        ])


def view(card: Scorecard, content: PracticeFile | None = None) -> ScorecardView:
    """The scorecard worded from the content file, item by item."""
    text = (content or practice_content()).scorecard
    return ScorecardView(
        title=text.title.format(persona=card.persona_label),
        steps=tuple(
            StepLine(
                done=r.done,
                mark=text.done if r.done else text.missed,
                label=text.steps[r.step].label,
                evidence=text.evidence.format(quote=r.evidence) if r.evidence else None,
            )
            for r in card.steps
        ),
        job_ask=card.job_ask is not None,
        verdict=text.job_ask.format(quote=card.job_ask) if card.job_ask else text.no_job_ask,
        signals_heading=text.signals_heading,
        signals=_signals(card, text),
        tips_heading=text.tips_heading,
        tips=card.tips,
    )


def render(card: Scorecard, content: PracticeFile | None = None) -> str:
    """The scorecard as the project's markdown subset, for text-only channels."""
    return view(card, content).text()


def _signals(card: Scorecard, text: Any) -> str:
    def names(signals: list[Signal]) -> str:
        labels = [text.signal_labels[s] for s in signals]
        return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " and " + labels[-1]

    shown = list(card.shown)
    lines = [text.signals_shown.format(signals=names(shown)) if shown else text.signals_none]
    if card.noticed is None:
        lines.append(text.signals_waiting if card.stage is Stage.NOTICE
                     else text.signals_later if card.stage in (Stage.MEETING, Stage.CLOSING)
                     else text.signals_not_asked)
        return " ".join(lines)
    noticed = [s for s in Signal if s in card.noticed and s in shown]
    overlooked = [s for s in shown if s not in card.noticed]
    imagined = [s for s in Signal if s in card.noticed and s not in shown]
    if noticed:
        lines.append(text.signals_noticed.format(signals=names(noticed)))
    if overlooked:
        lines.append(text.signals_overlooked.format(signals=names(overlooked)))
    if imagined:
        lines.append(text.signals_imagined.format(signals=names(imagined)))
    return " ".join(lines)
