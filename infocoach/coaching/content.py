"""Pydantic models of the coaching content and a cached loader.

The bot's words live in ``data/content/*.yml`` so that a new tip is a data
change, not a code change; these models make a broken file fail at load time
with its file and line (see :mod:`infocoach.datafile`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import conlist, constr, root_validator, validator

from infocoach.datafile import StrictModel, every_member, load_model, placeholders
from infocoach.ids import PHASE_ORDER, CareerStage, Employment, Phase
from infocoach.paths import CONTENT_DIR, DATA_DIR

FAQ_FILE = DATA_DIR / "responses" / "faq.yml"

Text = constr(min_length=1)
Key = constr(regex=r"^[a-z][a-z0-9_]*$")


class Button(StrictModel):
    """A quick reply: what the user sees and the message it sends.

    The payload is either an intent (``/intent`` or ``/intent{"slot": "v"}``)
    or plain text that NLU reads as if typed.
    """

    title: Text
    payload: Text

    @validator("payload")
    def _intent_payload_well_formed(cls, payload: str) -> str:
        if payload.startswith("/") and not re.fullmatch(r"/[a-z_]+(\{.*\})?", payload):
            raise ValueError(f"'{payload}' is not a valid intent payload like /intent{{...}}")
        return payload


class PhaseContent(StrictModel):
    """One step of the walk-through."""

    id: Phase
    title: Text
    intro: Text
    points: conlist(Text, min_items=1)
    buttons: list[Button] = []
    # Lower-case phrases that name this phase in "go to the ... step".
    aliases: conlist(constr(regex=r"^[a-z0-9 '-]+$"), min_items=1)


class TopicMeta(StrictModel):
    phase: Phase
    # The question as a user would ask it; offered when the bot is unsure.
    question: Text


class FaqResponse(StrictModel):
    text: Text
    metadata: TopicMeta


class Topic(StrictModel):
    """An answer to a direct question, keyed by the ``faq/<key>`` retrieval intent."""

    key: str
    phase: Phase
    question: str
    answer: str


class WalkthroughFrame(StrictModel):
    """What the walk-through says around the phases: the menu, the end, the way back."""

    menu_question: Text
    finished: Text
    finished_buttons: conlist(Button, min_items=1)
    continue_button: Button


class PhasesFile(StrictModel):
    version: Literal[1]
    phases: list[PhaseContent]
    walkthrough: WalkthroughFrame

    @validator("phases")
    def _all_phases_in_order(cls, phases: list[PhaseContent]) -> list[PhaseContent]:
        ids = tuple(p.id for p in phases)
        if ids != PHASE_ORDER:
            expected = ", ".join(p.value for p in PHASE_ORDER)
            raise ValueError(f"must list every phase once, in this order: {expected}")
        return phases


class FaqFile(StrictModel):
    """Rasa's retrieval-intent responses (``utter_faq/<key>``), one answer each."""

    version: Literal["3.1"]
    responses: dict[
        constr(regex=r"^utter_faq/[a-z][a-z0-9_]*$"), conlist(FaqResponse, min_items=1, max_items=1)
    ]

    @validator("responses")
    def _every_phase_answerable(cls, responses: dict) -> dict:
        covered = {variants[0].metadata.phase for variants in responses.values()}
        missing = [p.value for p in PHASE_ORDER if p not in covered]
        if missing:
            raise ValueError(f"no answer covers a direct question about: {', '.join(missing)}")
        return responses

    def topic(self, key: str) -> Topic | None:
        """The answer to ``faq/<key>``, looked up directly (not by scanning every topic)."""
        variants = self.responses.get(f"utter_faq/{key}")
        if not variants:
            return None
        meta = variants[0].metadata
        return Topic(key=key, phase=meta.phase, question=meta.question, answer=variants[0].text)

    def topics(self) -> list[Topic]:
        return [self.topic(name.split("/", 1)[1]) for name in self.responses]


class StageAdvice(StrictModel):
    """The verdict for one career stage."""

    id: CareerStage
    label: Text
    suitable: bool
    reason: Text


_every_employment = every_member(Employment, "employment status(es)")


class FitFile(StrictModel):
    version: Literal[1]
    ask_stage: Text
    ask_employment: Text
    # Said when a typed answer is neither a situation nor a question the bot knows.
    unclear_stage: Text
    unclear_employment: Text
    stages: list[StageAdvice]
    employment_labels: dict[Employment, Text]
    suitable_headline: Text
    unsuitable_headline: Text
    caution_heading: Text
    honesty_warning: Text
    employment_notes: dict[Employment, Text]

    _labels_for_every_status = validator("employment_labels", allow_reuse=True)(_every_employment)
    _notes_for_every_status = validator("employment_notes", allow_reuse=True)(_every_employment)

    @validator("stages")
    def _every_stage_once(cls, stages: list[StageAdvice]) -> list[StageAdvice]:
        if sorted(s.id.value for s in stages) != sorted(c.value for c in CareerStage):
            raise ValueError("must give advice for every career stage exactly once")
        return stages


class Template(StrictModel):
    """A draft: text with ``{placeholders}``, what to show for a missing value,
    and the coach's words before and after it."""

    fields: conlist(Key, min_items=1)
    text: Text
    # Shown in place of a value the user skipped, e.g. "[manager's name]".
    fallbacks: dict[Key, Text]
    intro: Text
    outro: str = ""

    @root_validator(skip_on_failure=True)
    def _placeholders_declared(cls, values: dict) -> dict:
        unknown = placeholders(values["text"]) - set(values["fields"])
        if unknown:
            raise ValueError(f"text uses undeclared placeholders: {', '.join(sorted(unknown))}")
        missing = set(values["fields"]) - set(values["fallbacks"])
        if missing:
            raise ValueError(f"no fallback for: {', '.join(sorted(missing))}")
        return values


class QuestionsFile(StrictModel):
    version: Literal[1]
    intro_with_field: Text
    intro_without_field: Text
    outro: Text
    with_field: conlist(Text, min_items=3)
    without_field: conlist(Text, min_items=3)

    @validator("with_field", each_item=True)
    def _mentions_field(cls, question: str) -> str:
        if "field" not in placeholders(question):
            raise ValueError("a field-tailored question must contain {field}")
        return question

    @validator("intro_with_field")
    def _intro_names_field(cls, intro: str) -> str:
        if "field" not in placeholders(intro):
            raise ValueError("must contain {field}")
        return intro


class TemplatesFile(StrictModel):
    version: Literal[1]
    thank_you_note: Template
    referral_call: Template
    interview_request: Template


class PromptsFile(StrictModel):
    version: Literal[1]
    prompts: dict[Key, Text]
    # form name -> what is said before the form's first question
    intros: dict[Key, Text]
    start_over: Text
    # Offered with it, as the greeting offers them: a user who starts over has no quick
    # replies on screen otherwise, and a terminal user's "1" would be read as text.
    start_over_offers: conlist(Button, min_items=1)


class Clarification(StrictModel):
    """The question asked when the bot is unsure what the user meant."""

    with_guesses: Text
    without_guesses: Text
    # Offered after the guesses, or alone when there are none.
    always_offered: conlist(Button, min_items=1)


class ConversationFile(StrictModel):
    version: Literal[1]
    clarify: Clarification


class Content(StrictModel):
    """All coaching content, loaded and cross-checked together."""

    phases: PhasesFile
    faq: FaqFile
    fit: FitFile
    questions: QuestionsFile
    templates: TemplatesFile
    prompts: PromptsFile
    conversation: ConversationFile

    def phase(self, phase: Phase) -> PhaseContent:
        return next(p for p in self.phases.phases if p.id == phase)

    def topics(self) -> list[Topic]:
        return self.faq.topics()

    def topic(self, key: str) -> Topic | None:
        return self.faq.topic(key)


def load_content(directory: Path = CONTENT_DIR, faq_file: Path = FAQ_FILE) -> Content:
    """Load and validate every content file in ``directory`` and the FAQ answers."""
    return Content(
        phases=load_model(directory / "phases.yml", PhasesFile),
        faq=load_model(faq_file, FaqFile),
        fit=load_model(directory / "fit.yml", FitFile),
        questions=load_model(directory / "questions.yml", QuestionsFile),
        templates=load_model(directory / "templates.yml", TemplatesFile),
        prompts=load_model(directory / "prompts.yml", PromptsFile),
        conversation=load_model(directory / "conversation.yml", ConversationFile),
    )


@lru_cache(maxsize=1)
def content() -> Content:
    """The shipped content, loaded once per process."""
    return load_content()
