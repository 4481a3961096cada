"""Score a practice meeting against the method, and word the scorecard.

The scorecard is data first (:class:`Scorecard`, JSON-able, kept in a slot so
that a later "how did I do?" repeats it) and text second (:func:`render`),
so each channel can lay it out its own way.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from infocoach.coaching.practice.content import PracticeFile, practice_content
from infocoach.coaching.practice.state import PracticeState, SlotModel
from infocoach.coaching.replies import bullet_list
from infocoach.ids import PracticeStep, Signal

MAX_TIPS = 3


class StepResult(BaseModel):
    step: PracticeStep
    done: bool
    evidence: str | None = None


class Scorecard(SlotModel):
    persona_label: str
    steps: tuple[StepResult, ...]
    job_ask: str | None = None
    shown: tuple[Signal, ...] = ()
    # None: the user was never asked (left early).
    noticed: tuple[Signal, ...] | None = None
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


def render(card: Scorecard, content: PracticeFile | None = None) -> str:
    """The scorecard as the project's markdown subset: title, step list, signals, tips."""
    text = (content or practice_content()).scorecard
    lines = []
    for result in card.steps:
        mark = text.done if result.done else text.missed
        line = f"{mark}: {text.steps[result.step].label}"
        if result.evidence:
            line += " (" + text.evidence.format(quote=result.evidence) + ")"
        lines.append(line)
    parts = [text.title.format(persona=card.persona_label), bullet_list(lines)]
    parts.append(text.job_ask.format(quote=card.job_ask) if card.job_ask else text.no_job_ask)
    parts.append(text.signals_heading + "\n" + _signals(card, text))
    parts.append(text.tips_heading + "\n" + bullet_list(list(card.tips)))
    return "\n\n".join(parts)


def _signals(card: Scorecard, text: Any) -> str:
    def names(signals: list[Signal]) -> str:
        labels = [text.signal_labels[s] for s in signals]
        return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " and " + labels[-1]

    shown = list(card.shown)
    lines = [text.signals_shown.format(signals=names(shown)) if shown else text.signals_none]
    if card.noticed is None:
        lines.append(text.signals_not_asked)
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
