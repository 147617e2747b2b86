"""Edits of a step's experience, the persona profile and the current/target link: pure functions.

Like `paths.editing.edits`, every function returns a new `ServicePath` and raises `EditError`
(one sentence) for an edit that cannot be made. The spreadsheet's experience columns are read and
written here too (`experience_cells`, `experience_from_cells`), so that the sheet module only names
its columns. The privacy rule for a client's copy is `paths.model.schema.without_experience`.
"""

from __future__ import annotations

import re

from pydantic import ValidationError

from paths.editing.common import EditError, _need_step, _set_text
from paths.i18n.catalog import normalise_lang, t
from paths.model.ids import is_path_id
from paths.model.schema import (
    FEELING_MAX,
    FEELING_MIN,
    LANGS,
    PERSONA_FIELDS,
    DurationRange,
    DurationUnit,
    Evidence,
    LocalText,
    PersonaProfile,
    ServicePath,
    Step,
)
from paths.render.experience import FEELINGS, duration_range_words, evidence_words, feeling_words

LIST_FIELDS: tuple[str, ...] = ("pain_points", "opportunities")
MAX_ITEMS = 30
MAX_ITEM_CHARS = 500
EXPERIENCE_COLUMNS: tuple[str, ...] = (
    "feeling", "pain_points", "opportunities", "evidence", "evidence_source", "duration_range",
)
_RANGE = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*(?:[-–—]\s*(\d+(?:[.,]\d+)?))?\s*(.*?)\s*$")
_SIGNED = re.compile(r"^\s*([+\-−±]?)\s*(\d)\b")


def _step_update(path: ServicePath, step_id: str, **changes: object) -> ServicePath:
    step = _need_step(path, step_id)
    try:
        new = Step.model_validate(step.model_dump() | changes)
    except ValidationError:
        raise EditError("bad_experience") from None
    return path.model_copy(update={"steps": [new if s is step else s for s in path.steps]})


def set_feeling(path: ServicePath, step_id: str, feeling: int | None) -> ServicePath:
    """The step's experience score, −2 … +2, or None to clear it."""
    if feeling is not None and not FEELING_MIN <= int(feeling) <= FEELING_MAX:
        raise EditError("bad_feeling", low=FEELING_MIN, high=FEELING_MAX)
    return _step_update(path, step_id, feeling=None if feeling is None else int(feeling))


def _clean_items(lines: list[str]) -> list[str]:
    items = [" ".join(line.split()) for line in lines if line.strip()]
    if len(items) > MAX_ITEMS:
        raise EditError("too_many_items", limit=MAX_ITEMS)
    if any(len(item) > MAX_ITEM_CHARS for item in items):
        raise EditError("item_too_long", limit=MAX_ITEM_CHARS)
    return items


def set_items(path: ServicePath, step_id: str, field: str, lines: list[str], lang: str = "fi") -> ServicePath:
    """The step's pain points or opportunities (`field`) in `lang`, one per line.

    Items are matched by position, so the other languages of an item that stays keep their texts;
    the items past the new end go."""
    if field not in LIST_FIELDS:
        raise EditError("bad_experience")
    lang = normalise_lang(lang)
    items = _clean_items(lines)
    old: list[LocalText] = list(getattr(_need_step(path, step_id), field))
    new = [_set_text(old[i] if i < len(old) else LocalText(), lang, text) for i, text in enumerate(items)]
    return _step_update(path, step_id, **{field: [item.model_dump() for item in new]})


def add_item(path: ServicePath, step_id: str, field: str, text: str, lang: str = "fi") -> ServicePath:
    """One more pain point or opportunity in `lang` (a workshop note promoted by the facilitator);
    a text the step already has is not added twice."""
    if field not in LIST_FIELDS:
        raise EditError("bad_experience")
    items: list[LocalText] = list(getattr(_need_step(path, step_id), field))
    (text,) = _clean_items([text]) or [""]
    if not text or text in {item.get(lang) for item in items}:
        return path
    if len(items) >= MAX_ITEMS:
        raise EditError("too_many_items", limit=MAX_ITEMS)
    added = [*(item.model_dump() for item in items), {normalise_lang(lang): text}]
    return _step_update(path, step_id, **{field: added})


def set_evidence(
    path: ServicePath, step_id: str, level: str | None, source: str = "", lang: str = "fi"
) -> ServicePath:
    """How well the step's experience is backed (None clears it) and the source note in `lang`."""
    if level is not None and level not in {e.value for e in Evidence}:
        raise EditError("bad_evidence")
    step = _need_step(path, step_id)
    note = _set_text(step.evidence_source, lang, source or "")
    return _step_update(path, step_id, evidence=level, evidence_source=note.model_dump())


def set_duration_range(
    path: ServicePath, step_id: str, shortest: float | None, longest: float | None, unit: str = "days"
) -> ServicePath:
    """The structured duration, from `shortest` to `longest` days or weeks; both None clears it."""
    if shortest is None and longest is None:
        return _step_update(path, step_id, duration_range=None)
    shortest = longest if shortest is None else shortest
    longest = shortest if longest is None else longest
    try:
        duration = DurationRange(shortest=shortest, longest=longest, unit=unit)
    except ValidationError:
        raise EditError("bad_duration_range") from None
    return _step_update(path, step_id, duration_range=duration.model_dump())


def set_persona(path: ServicePath, lang: str = "fi", assumed: list[str] | None = None, **texts: str) -> ServicePath:
    """The persona profile's fields (name, situation, needs, goals, quote) in `lang`; `assumed` when given."""
    profile = path.persona_profile or PersonaProfile()
    unknown = set(texts) - set(PERSONA_FIELDS)
    if unknown:
        raise EditError("bad_experience")
    update: dict[str, object] = {name: _set_text(getattr(profile, name), lang, value) for name, value in texts.items()}
    if assumed is not None:
        update["assumed"] = [name for name in PERSONA_FIELDS if name in assumed]
    return path.model_copy(update={"persona_profile": profile.model_copy(update=update)})


def set_state_link(path: ServicePath, role: str | None, other_id: str | None) -> ServicePath:
    """Mark `path` as the `current` or `target` state of `other_id`, or (role None) as neither."""
    if role not in (None, "current", "target"):
        raise EditError("bad_experience")
    if role is not None and (not other_id or not is_path_id(other_id) or other_id == path.id):
        raise EditError("bad_state_link", id=other_id or "")
    return path.model_copy(update={
        "current_of": other_id if role == "current" else None,
        "target_of": other_id if role == "target" else None,
    })


# -- spreadsheet cells -------------------------------------------------------------------------


class CellError(Exception):
    """An experience cell that cannot be read; the sheet module turns it into its own error sentence."""

    def __init__(self, column: str, value: str) -> None:
        super().__init__(column)
        self.column = column
        self.value = value


def _norm(text: str) -> str:
    return " ".join(text.replace("_", " ").casefold().split())


def parse_feeling(cell: str) -> int | None:
    """A score from a cell: `-2` … `2` (also `−1`, `+1`), or the words in any language; empty is None."""
    if not cell.strip():
        return None
    words = {_norm(feeling_words(score, lang)): score for score in FEELINGS for lang in LANGS}
    if _norm(cell) in words:
        return words[_norm(cell)]
    match = _SIGNED.match(cell)
    if match:
        score = int(match.group(2)) * (-1 if match.group(1) in ("-", "−") else 1)
        if FEELING_MIN <= score <= FEELING_MAX:
            return score
    raise CellError("feeling", cell)


def parse_evidence(cell: str) -> Evidence | None:
    if not cell.strip():
        return None
    words = {_norm(evidence_words(level, lang)): level for level in Evidence for lang in LANGS}
    words |= {_norm(level.value): level for level in Evidence}
    if _norm(cell) in words:
        return words[_norm(cell)]
    raise CellError("evidence", cell)


def parse_duration_range(cell: str) -> DurationRange | None:
    """`2-4 viikkoa`, `3 days`, `1–2 v` … ; the unit word in any language (days when none)."""
    if not cell.strip():
        return None
    match = _RANGE.match(cell)
    if not match:
        raise CellError("duration_range", cell)
    units = {_norm(t(f"experience.unit.{unit.value}", lang)): unit for unit in DurationUnit for lang in LANGS}
    units |= {_norm(word): unit for unit in DurationUnit for lang in LANGS
              for word in t(f"experience.unit_words.{unit.value}", lang).split(",")}
    word = _norm(match.group(3))
    if word and word not in units:
        raise CellError("duration_range", cell)
    low = float(match.group(1).replace(",", "."))
    high = float((match.group(2) or match.group(1)).replace(",", "."))
    try:
        return DurationRange(shortest=low, longest=high, unit=units.get(word, DurationUnit.days))
    except ValidationError:
        raise CellError("duration_range", cell) from None


def experience_cells(step: Step, lang: str) -> dict[str, str]:
    """The experience columns of a step's row, in `lang` (words rather than codes)."""
    return {
        "feeling": feeling_words(step.feeling, lang) if step.feeling is not None else "",
        "pain_points": "; ".join(p.get(lang).replace(";", ",") for p in step.pain_points),
        "opportunities": "; ".join(o.get(lang).replace(";", ",") for o in step.opportunities),
        "evidence": evidence_words(step.evidence, lang) if step.evidence else "",
        "evidence_source": step.evidence_source.get(lang),
        "duration_range": duration_range_words(step.duration_range, lang) if step.duration_range else "",
    }


def _items_from_cell(cell: str, old: list[LocalText], lang: str) -> list[LocalText]:
    parts = [" ".join(part.split()) for part in cell.split(";") if part.strip()]
    by_text = {item.get(lang): item for item in old}
    return [by_text.get(part) or LocalText(**{lang: part}) for part in parts]


def experience_from_cells(values: dict[str, str], present: set[str], old: Step | None, lang: str) -> dict:
    """Step fields from the experience columns that the sheet has (`present`); CellError for a bad cell.

    A column the sheet lacks keeps what the step had; pain points keep their other languages when
    their text in `lang` is unchanged."""
    fields: dict[str, object] = {}
    if "feeling" in present:
        fields["feeling"] = parse_feeling(values["feeling"])
    for name in LIST_FIELDS:
        if name in present:
            fields[name] = _items_from_cell(values[name], list(getattr(old, name)) if old else [], lang)
    if "evidence" in present:
        fields["evidence"] = parse_evidence(values["evidence"])
    if "evidence_source" in present:
        base = old.evidence_source if old else LocalText()
        if values["evidence_source"] != base.get(lang):
            fields["evidence_source"] = base.model_copy(update={lang: values["evidence_source"]})
    if "duration_range" in present:
        fields["duration_range"] = parse_duration_range(values["duration_range"])
    return fields
