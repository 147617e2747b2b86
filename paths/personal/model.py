"""A client's personal path: their own copy of a service path, filled in by them.

The personal path keeps a copy of the path it was made from (id and version) so that
later edits of the library never change what the client saw. What the client fills in
(statuses, dates, notes, goals, contacts, the next appointment, the branch that applies)
is a `PersonalFill`; every save of it is kept as a version by the personal store.

Identifiers do not belong here: every free-text field refuses text that looks like a
Finnish personal identity code (henkilötunnus, with its checksum).
"""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

from paths.i18n.catalog import UserError, t
from paths.model.graph import walk_order
from paths.model.schema import Feeling, Lang, LocalText, ServicePath, Step, StepKind, without_experience
from paths.model.text_rules import clean_text, clean_value
from paths.render.marks import STATUS_ICONS as MARK_STATUS_ICONS
from paths.views.configured import apply_view

MAX_DISPLAY_NAME = 80
MAX_TEXT = 10_000
MAX_SHORT_TEXT = 300
MAX_CONTACTS = 20


class StepStatus(StrEnum):
    """Where the client is on a step, told by icon and words, never colour alone."""

    done = "done"
    here = "here"
    next = "next"
    not_for_me = "not_for_me"


STATUSES: tuple[str, ...] = tuple(status.value for status in StepStatus)
# The same icons as every picture's (written once in paths/render/marks.py), so list, page, PDF and picture agree.
STATUS_ICONS: dict[str, str] = MARK_STATUS_ICONS


class PersonalDataError(UserError):
    """Input that cannot be stored. `message(lang)` is one sentence that never repeats the input."""

    key_prefix = "personal.error."

    def localised_params(self, lang: str) -> dict[str, object]:
        field = self.params.get("field")
        return self.params | {"field": t(f"personal.field.{field}", lang)} if isinstance(field, str) else self.params


# ---------------------------------------------------------------- henkilötunnus

_HETU_CHECK = "0123456789ABCDEFHJKLMNPRSTUVWXY"
_CENTURY = {"+": 1800, "-": 1900, "Y": 1900, "X": 1900, "W": 1900, "V": 1900, "U": 1900}
_CENTURY |= {c: 2000 for c in "ABCDEF"}
_HETU_RE = re.compile(
    r"(?<![0-9A-Za-z])(\d{2})(\d{2})(\d{2})([-+ABCDEFUVWXY])(\d{3})([0-9A-Y])(?![0-9A-Za-z])",
    re.IGNORECASE,
)


def _valid_hetu(match: re.Match[str]) -> bool:
    day, month, year, sign, individual, check = match.groups()
    try:
        dt.date(_CENTURY[sign.upper()] + int(year), int(month), int(day))
    except ValueError:
        return False
    return _HETU_CHECK[int(day + month + year + individual) % 31] == check.upper()


def find_henkilotunnus(text: str) -> bool:
    """True when `text` holds something that is a Finnish personal identity code: the date
    must exist and the check character must match (the 2023 century signs included)."""
    return any(_valid_hetu(match) for match in _HETU_RE.finditer(text or ""))


def check_text(value: str, field: str, limit: int = MAX_TEXT) -> str:
    """`value` if it may be stored in `field`; PersonalDataError (naming the field, not the text)."""
    if len(value) > limit:
        raise PersonalDataError("too_long", field=field, limit=limit)
    if find_henkilotunnus(value):
        raise PersonalDataError("identifier", field=field)
    return value


def check_line(value: str | None, field: str, limit: int) -> str:
    """A one-line text kept outside the pydantic models (a name, an owner): through the one text rule
    (a NUL or a lone surrogate is one sentence, never a crash in the database driver), stripped, checked."""
    return check_text(clean_text(value or "", single_line=True).strip(), field, limit)


def check_display_name(name: str) -> str:
    """A first name or a pseudonym: not empty, short, no identifier."""
    name = check_line(name, "display_name", MAX_DISPLAY_NAME)
    if not name:
        raise PersonalDataError("name_missing")
    return name


# ---------------------------------------------------------------- the model


class Plain(BaseModel):
    """Text is stored as given (no stripping: the client's words are theirs), through the one text
    rule that every stored text passes (paths/model/text_rules.py): line breaks made newlines,
    control characters dropped, NUL refused."""

    model_config = ConfigDict(extra="forbid")

    @field_validator("*", mode="before")
    @classmethod
    def _text_rule(cls, value: object, info: ValidationInfo) -> object:
        return clean_value(value, info.context)


class StepEntry(Plain):
    status: StepStatus | None = None
    date: dt.date | None = None
    note: str = ""
    met: str = Field("", description="Who I met.")
    feeling: Feeling | None = Field(None, description="How the step felt to me: -2 very hard … +2 very good.")

    def is_empty(self) -> bool:
        return self.status is None and self.date is None and not self.note and not self.met and self.feeling is None


class PersonalContact(Plain):
    name: str = ""
    role: str = ""
    phone: str = ""
    email: str = ""

    def is_empty(self) -> bool:
        return not (self.name or self.role or self.phone or self.email)


class PersonalFill(Plain):
    """Everything the client (or the professional with them) fills in: one stored version."""

    entries: dict[str, StepEntry] = Field(default_factory=dict)
    goals: str = ""
    contacts: list[PersonalContact] = Field(default_factory=list)
    next_appointment: str = ""
    branches: dict[str, str] = Field(default_factory=dict, description="Decision step id -> the way that applies.")

    def entry(self, step_id: str) -> StepEntry:
        return self.entries.get(step_id) or StepEntry()

    def statuses(self) -> dict[str, str]:
        return {sid: e.status.value for sid, e in self.entries.items() if e.status is not None}

    def here(self) -> str | None:
        return next((sid for sid, e in self.entries.items() if e.status == StepStatus.here), None)


class PersonalPath(Plain):
    """A client's path as stored: metadata, the copy of the source path, the latest fill."""

    id: str
    owner: str
    display_name: str
    lang: Lang
    source_path_id: str
    source_version: int
    source: ServicePath
    fill: PersonalFill = Field(default_factory=PersonalFill)
    version: int = 0
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None
    last_opened_at: dt.datetime | None = None
    shared_with: list[str] = Field(default_factory=list)

    @field_validator("source")
    @classmethod
    def _no_professional_experience(cls, source: ServicePath) -> ServicePath:
        """The professionals' experience notes never reach a personal path, even from an older copy."""
        return without_experience(source)

    def client_view(self) -> ServicePath:
        return client_view(self.source)

    def client_steps(self) -> list[Step]:
        return client_steps(self.source)

    def here(self) -> str | None:
        return self.fill.here()

    def statuses(self) -> dict[str, str]:
        return self.fill.statuses()

    def newer_version_exists(self, latest_version: int | None) -> bool:
        """True when the library holds a later version of the source path than this copy."""
        return latest_version is not None and latest_version > self.source_version


def client_view(path: ServicePath) -> ServicePath:
    """What the client meets: the client audience with the facilitator's client-view settings."""
    return apply_view(path, "client")


def client_steps(path: ServicePath) -> list[Step]:
    """The steps the client meets, in the reading order every view uses."""
    view = client_view(path)
    return [view.step(step_id) for step_id in walk_order(view)]  # type: ignore[misc]


def branch_choices(path: ServicePath) -> dict[str, list[tuple[str, LocalText]]]:
    """Client-visible steps with two or more ways out: decision id -> [(next step id, condition)]."""
    view = client_view(path)
    choices: dict[str, list[tuple[str, LocalText]]] = {}
    for transition in view.transitions:
        choices.setdefault(transition.source, []).append((transition.target, transition.condition))
    order = {step.id: i for i, step in enumerate(view.steps)}
    return {
        source: ways
        for source, ways in sorted(choices.items(), key=lambda item: order.get(item[0], 0))
        if len(ways) >= 2 and (step := view.step(source)) is not None and step.kind == StepKind.decision
    }


def validate_fill(fill: PersonalFill, path: ServicePath) -> PersonalFill:
    """`fill` if it may be stored against `path`: known steps only, one "I am here", limits,
    and no identifier in any free-text field. Raises PersonalDataError otherwise."""
    known = {step.id for step in client_view(path).steps}
    if any(step_id not in known for step_id in fill.entries):
        raise PersonalDataError("unknown_step")
    if sum(1 for e in fill.entries.values() if e.status == StepStatus.here) > 1:
        raise PersonalDataError("two_here")
    for entry in fill.entries.values():
        check_text(entry.note, "note")
        check_text(entry.met, "met", MAX_SHORT_TEXT)
    check_text(fill.goals, "goals")
    check_text(fill.next_appointment, "next_appointment", MAX_SHORT_TEXT)
    if len(fill.contacts) > MAX_CONTACTS:
        raise PersonalDataError("too_many_contacts", limit=MAX_CONTACTS)
    for contact in fill.contacts:
        check_text(contact.name, "contact_name", MAX_SHORT_TEXT)
        check_text(contact.role, "contact_role", MAX_SHORT_TEXT)
        check_text(contact.phone, "contact_phone", MAX_SHORT_TEXT)
        check_text(contact.email, "contact_email", MAX_SHORT_TEXT)
    choices = branch_choices(path)
    for decision, target in fill.branches.items():
        if decision not in choices or target not in {way for way, _ in choices[decision]}:
            raise PersonalDataError("unknown_branch")
    return fill.model_copy(
        update={
            "entries": {sid: e for sid, e in fill.entries.items() if not e.is_empty()},
            "contacts": [c for c in fill.contacts if not c.is_empty()],
        }
    )
