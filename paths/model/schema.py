"""The service-path schema: a path is stages, actors, steps and transitions.

Every text a user sees is a `LocalText` (fi is the source, sv and en optional) so
translations travel with the content. The models forbid unknown keys so that a typo in
a file is reported instead of silently dropped.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from paths.i18n.langs import LANGS, Lang  # noqa: F401 - LANGS is imported from here too
from paths.model.ids import ITEM_ID_PATTERN, PATH_ID_PATTERN
from paths.model.text_rules import clean_value

SCHEMA_VERSION = 1

Slug = Annotated[
    str, Field(pattern=PATH_ID_PATTERN, description="Stable id: lower-case letters, digits and dashes.")
]
ItemId = Annotated[
    str, Field(pattern=ITEM_ID_PATTERN, description="Id of a stage, actor, step or contact.")
]


class Strict(BaseModel):
    """Base: unknown keys are errors, strings are stripped.

    Every free text passes the text rule (paths/model/text_rules.py) before anything else looks
    at it: a LocalText's three texts in its own before-validator, the few plain-string texts (a
    link's URL, a contact's e-mail and phone) in theirs. Ids need no rule: their patterns allow
    only ASCII letters, digits and `-_.`. (One validator per model, not one per field: a field
    validator on "*" made reading a 200-step path seven times slower.)"""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class LocalText(Strict):
    """A text in Finnish (the source) with optional Swedish and English.

    A plain string in a file means the Finnish text.
    """

    fi: str = ""
    sv: str = ""
    en: str = ""

    @model_validator(mode="before")
    @classmethod
    def _from_plain_string(cls, value: object, info: ValidationInfo) -> object:
        """A plain string is the Finnish text; every text passes the text rule."""
        if isinstance(value, str):
            return {"fi": clean_value(value, info.context)}
        if value is None:
            return {}
        if isinstance(value, dict):
            return {key: clean_value(text, info.context) if text else text for key, text in value.items()}
        return value

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema, handler):  # noqa: ANN001, ANN206 - pydantic's hook
        """The published schema accepts the plain-string (Finnish) form too, as the loader does."""
        schema = dict(handler.resolve_ref_schema(handler(core_schema)))
        text = {"type": "string", "description": "The Finnish text alone."}
        return {"title": schema.pop("title", cls.__name__), "description": schema.pop("description", ""),
                "anyOf": [text, schema]}

    def get(self, lang: str, fallback: bool = True) -> str:
        """The text in `lang`; with `fallback`, Finnish (then any) when that is missing."""
        text = getattr(self, lang, "") if lang in LANGS else ""
        if text or not fallback:
            return text
        return self.fi or self.sv or self.en

    def missing(self) -> list[str]:
        """Languages without a text, when there is a source text at all."""
        if not (self.fi or self.sv or self.en):
            return []
        return [lang for lang in LANGS if not getattr(self, lang)]

    def __bool__(self) -> bool:
        return bool(self.fi or self.sv or self.en)


class Status(StrEnum):
    draft = "draft"
    published = "published"


class ActorGroup(StrEnum):
    """How views sort and colour actors."""

    client_side = "client_side"
    coordinator = "coordinator"
    professional = "professional"
    organisation = "organisation"


class StepKind(StrEnum):
    action = "action"
    contact = "contact"
    meeting = "meeting"
    network_meeting = "network_meeting"
    decision = "decision"
    document = "document"
    self_assessment = "self_assessment"
    end = "end"


class Channel(StrEnum):
    in_person = "in_person"
    phone = "phone"
    email = "email"
    online = "online"


class Audience(StrEnum):
    """Who meets a step: `everyone` (clients and professionals) or `professionals` only."""

    everyone = "everyone"
    professionals = "professionals"


class Stage(Strict):
    id: ItemId
    title: LocalText
    description: LocalText = Field(default_factory=LocalText)


class Actor(Strict):
    id: ItemId
    name: LocalText
    group: ActorGroup


class Link(Strict):
    label: LocalText
    url: str

    @field_validator("url", mode="before")
    @classmethod
    def _text_rule(cls, value: object, info: ValidationInfo) -> object:
        return clean_value(value, info.context)

    @field_validator("url")
    @classmethod
    def _safe_scheme(cls, url: str) -> str:
        if not url.lower().startswith(("https://", "http://", "mailto:")):
            raise ValueError("a link must start with https://, http:// or mailto:")
        return url


class Contact(Strict):
    """A contact point. `placeholder` marks example details that must never look real."""

    id: ItemId
    label: LocalText
    email: str = ""
    phone: str = ""
    placeholder: bool = False

    @field_validator("email", "phone", mode="before")
    @classmethod
    def _text_rule(cls, value: object, info: ValidationInfo) -> object:
        return clean_value(value, info.context)


class Evidence(StrEnum):
    """How well a step's experience is backed: not backed, partly, or by interviews or research."""

    none = "none"
    partly = "partly"
    research = "research"


class DurationUnit(StrEnum):
    days = "days"
    weeks = "weeks"


FEELING_MIN, FEELING_MAX = -2, 2
Feeling = Annotated[int, Field(ge=FEELING_MIN, le=FEELING_MAX)]


class DurationRange(Strict):
    """A step's typical duration or wait in structured form: from `shortest` to `longest` `unit`s."""

    shortest: float = Field(ge=0, le=3650)
    longest: float = Field(ge=0, le=3650)
    unit: DurationUnit = DurationUnit.days

    @model_validator(mode="after")
    def _ordered(self) -> DurationRange:
        if self.longest < self.shortest:
            raise ValueError("a duration's 'longest' must not be less than its 'shortest'")
        return self

    def days(self) -> tuple[float, float]:
        """(shortest, longest) in days, so that durations in weeks and days add up."""
        factor = 7 if self.unit == DurationUnit.weeks else 1
        return self.shortest * factor, self.longest * factor


class Step(Strict):
    id: ItemId
    stage: ItemId
    title: LocalText
    description: LocalText = Field(default_factory=LocalText, description="For professionals.")
    client_text: LocalText = Field(default_factory=LocalText, description="Plain language, for the client.")
    actors: list[ItemId] = Field(default_factory=list, description="The first is the responsible one.")
    kind: StepKind = StepKind.action
    coordinator: bool = Field(False, description="The light bulb: a work-ability coordinator's step.")
    channels: list[Channel] = Field(default_factory=list)
    duration: LocalText = Field(default_factory=LocalText, description="Typical duration or wait, where known.")
    links: list[Link] = Field(default_factory=list)
    contacts: list[ItemId] = Field(default_factory=list)
    audience: Audience = Audience.everyone
    feeling: Feeling | None = Field(
        None, description="How the step feels to the client: -2 very hard, -1 hard, 0 neutral, 1 good, 2 very good."
    )
    pain_points: list[LocalText] = Field(default_factory=list, description="What is hard for the client here.")
    opportunities: list[LocalText] = Field(default_factory=list, description="What could make this step better.")
    evidence: Evidence | None = Field(None, description="How well the experience is backed.")
    evidence_source: LocalText = Field(default_factory=LocalText, description="Where the experience comes from.")
    duration_range: DurationRange | None = Field(
        None, description="The typical duration or wait in structured form (beside the free-text duration)."
    )

    @property
    def responsible(self) -> str | None:
        return self.actors[0] if self.actors else None


class Transition(Strict):
    source: ItemId
    target: ItemId
    condition: LocalText = Field(
        default_factory=LocalText, description="Branch label, e.g. 'one consultation is enough'."
    )


ViewName = Literal["professional", "client", "partner", "print"]


class AudienceView(Strict):
    """What one audience sees of a path, as the facilitator set it (see paths/views/configured.py).

    Hidden steps are joined around like back-office steps in the client view; `texts` replace a
    step's text for this audience; `focus_actor` is the partner view's chosen actor.
    """

    hidden_steps: list[ItemId] = Field(default_factory=list)
    hidden_actors: list[ItemId] = Field(default_factory=list)
    texts: dict[ItemId, LocalText] = Field(default_factory=dict, description="Step id -> this audience's text.")
    focus_actor: ItemId | None = Field(None, description="Partner view: the actor whose steps are highlighted.")


PERSONA_FIELDS: tuple[str, ...] = ("name", "situation", "needs", "goals", "quote")


class PersonaProfile(Strict):
    """The path's example client as a small profile; `assumed` names the fields no source backs."""

    name: LocalText = Field(default_factory=LocalText)
    situation: LocalText = Field(default_factory=LocalText)
    needs: LocalText = Field(default_factory=LocalText)
    goals: LocalText = Field(default_factory=LocalText)
    quote: LocalText = Field(default_factory=LocalText)
    assumed: list[Literal["name", "situation", "needs", "goals", "quote"]] = Field(
        default_factory=list, description="Fields filled in by assumption rather than from a source."
    )


class ServicePath(Strict):
    """A whole service path, as stored in `data/*.yaml` and in the store."""

    schema_version: Literal[1] = SCHEMA_VERSION
    id: Slug
    title: LocalText
    summary: LocalText = Field(default_factory=LocalText)
    persona: LocalText = Field(default_factory=LocalText, description="Who the example client is.")
    provenance: LocalText = Field(
        default_factory=LocalText, description="Which project and document the path comes from."
    )
    source_language: Lang = "fi"
    status: Status = Status.draft
    notes: LocalText = Field(default_factory=LocalText, description="What was assumed where the sources are silent.")
    persona_profile: PersonaProfile | None = Field(None, description="The example client as a small profile.")
    current_of: Slug | None = Field(None, description="This path is the current state (as-is) of that path.")
    target_of: Slug | None = Field(None, description="This path is the target state (to-be) of that path.")
    stages: list[Stage] = Field(default_factory=list)
    actors: list[Actor] = Field(default_factory=list)
    contacts: list[Contact] = Field(default_factory=list)
    steps: list[Step] = Field(default_factory=list)
    transitions: list[Transition] = Field(default_factory=list)
    views: dict[ViewName, AudienceView] = Field(
        default_factory=dict, description="Per-audience view settings: professional, client, partner, print."
    )

    @field_validator("schema_version", mode="before")
    @classmethod
    def _version_is_a_number(cls, value: object) -> object:
        """`true` equals 1 in Python, so Literal[1] alone would take it."""
        if isinstance(value, bool):
            raise ValueError("schema_version must be the number 1, not true or false")
        return value

    def step(self, step_id: str) -> Step | None:
        return next((s for s in self.steps if s.id == step_id), None)

    def stage(self, stage_id: str) -> Stage | None:
        return next((s for s in self.stages if s.id == stage_id), None)

    def actor(self, actor_id: str) -> Actor | None:
        return next((a for a in self.actors if a.id == actor_id), None)

    def contact(self, contact_id: str) -> Contact | None:
        return next((c for c in self.contacts if c.id == contact_id), None)

    def stage_index(self) -> dict[str, int]:
        return {stage.id: i for i, stage in enumerate(self.stages)}

    def steps_in_stage(self, stage_id: str) -> list[Step]:
        return [s for s in self.steps if s.stage == stage_id]

    @property
    def coordinator_steps(self) -> list[Step]:
        return [s for s in self.steps if s.coordinator]


EXPERIENCE_RESET: dict[str, object] = {
    "feeling": None, "pain_points": [], "opportunities": [], "evidence": None, "evidence_source": LocalText(),
}


def without_experience(path: ServicePath) -> ServicePath:
    """`path` without the experience of any step and without the persona profile: what a client's personal
    copy keeps (none of the professionals' experience work reaches a personal path unless the client adds it)."""
    steps = [step.model_copy(update=EXPERIENCE_RESET) for step in path.steps]
    return path.model_copy(update={"steps": steps, "persona_profile": None})


def json_schema() -> dict:
    """The JSON Schema of the path file format, generated from the model."""
    schema = ServicePath.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://polku.example/schema/service-path-v1.json"
    return schema
