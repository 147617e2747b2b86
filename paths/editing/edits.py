"""Edits of a path: pure functions that return a new `ServicePath` and never change their input.

The editor page calls these and keeps the results on an undo stack; nothing here touches the
store or Streamlit. An edit that cannot be made (removing a stage that still has steps, an
actor still in use, an unknown id) raises `EditError`, one sentence through the catalog.
A path that is merely *incomplete* (no end, a decision with one way out) is not an error
here: validation lists those, and a draft may be saved with them.

`rebase` (the stale-save merge, in `paths.editing.merge`) is importable from here too.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd
from pydantic import ValidationError

from paths.editing.merge import Conflict, rebase  # noqa: F401 - re-exported: callers import them from here
from paths.i18n.catalog import UserError, normalise_lang
from paths.model.contact_rules import is_email, is_phone
from paths.model.diff import _item_label
from paths.model.ids import is_item_id, unique_id
from paths.model.schema import (
    Actor,
    ActorGroup,
    Audience,
    Channel,
    Contact,
    LocalText,
    ServicePath,
    Stage,
    Step,
    StepKind,
    Transition,
)

TEXT_FIELDS: tuple[str, ...] = ("title", "description", "client_text", "duration")
TABLE_COLUMNS: tuple[str, ...] = (
    "id", "stage", "title", "description", "client_text", "actors", "kind", "coordinator", "audience", "channels",
    "next",
)


class EditError(UserError):
    """An edit that cannot be made; `message(lang)` is one sentence for the user."""

    key_prefix = "editing.error."


def _name(path: ServicePath, kind: str, item_id: str, lang: str = "fi") -> str:
    return _item_label(path, kind, item_id, lang)


def _need_step(path: ServicePath, step_id: str) -> Step:
    step = path.step(step_id)
    if step is None:
        raise EditError("unknown_step", id=step_id)
    return step


def _need_stage(path: ServicePath, stage_id: str) -> Stage:
    stage = path.stage(stage_id)
    if stage is None:
        raise EditError("unknown_stage", id=stage_id)
    return stage


def _set_text(text: LocalText, lang: str, value: str) -> LocalText:
    return text.model_copy(update={normalise_lang(lang): value.strip()})


def _set_shown_text(text: LocalText, lang: str, value: str) -> LocalText:
    """Like `_set_text`, for a cell that showed the Finnish fallback of a missing translation:
    left as shown, it adds no false translation."""
    if not text.get(lang, fallback=False) and value.strip() == text.get(lang):
        return text
    return _set_text(text, lang, value)


def _replace_item(items: list, item_id: str, new: object) -> list:
    return [new if item.id == item_id else item for item in items]


def _clamp(index: int, length: int) -> int:
    return max(0, min(index, length))


# ---------------------------------------------------------------------------------------------
# The path itself


def update_path(path: ServicePath, lang: str = "fi", **changes: Any) -> ServicePath:
    """Change the path's own fields: texts (`title`, `summary`, ... as strings in `lang`), `status`."""
    data = path.model_dump()
    for name, value in changes.items():
        if name in ("id", "stages", "actors", "steps", "transitions", "contacts"):
            raise EditError("not_editable", field=name)
        current = getattr(path, name)
        data[name] = _set_text(current, lang, value).model_dump() if isinstance(current, LocalText) and isinstance(
            value, str
        ) else value
    try:
        return ServicePath.model_validate(data)
    except ValidationError as exc:
        raise EditError("bad_value", field=", ".join(str(p) for p in exc.errors()[0]["loc"])) from None


# ---------------------------------------------------------------------------------------------
# Stages


def _new_id(name: str, items: Iterable[Any], kind: str, wanted: str | None) -> str:
    """The id of a new stage, actor or contact: `wanted`, else one made from its name; never taken, never
    malformed, and the name not empty."""
    if not name.strip():
        raise EditError("empty_title")
    taken = {item.id for item in items}
    item_id = wanted or unique_id(name, taken, kind)
    if item_id in taken:
        raise EditError("duplicate_id", id=item_id)
    if not is_item_id(item_id):
        raise EditError("bad_id", id=item_id)
    return item_id


def add_stage(
    path: ServicePath, title: str, lang: str = "fi", *, stage_id: str | None = None, index: int | None = None
) -> ServicePath:
    """A new stage (at the end by default); its id is made from the title unless given."""
    stage_id = _new_id(title, path.stages, "stage", stage_id)
    stage = Stage(id=stage_id, title={normalise_lang(lang): title.strip()})
    stages = list(path.stages)
    stages.insert(len(stages) if index is None else _clamp(index, len(stages)), stage)
    return path.model_copy(update={"stages": stages})


def rename_stage(path: ServicePath, stage_id: str, title: str, lang: str = "fi") -> ServicePath:
    stage = _need_stage(path, stage_id)
    new_title = _set_text(stage.title, lang, title)
    if not new_title:
        raise EditError("empty_title")
    new = stage.model_copy(update={"title": new_title})
    return path.model_copy(update={"stages": _replace_item(path.stages, stage_id, new)})


def set_stage_description(path: ServicePath, stage_id: str, text: str, lang: str = "fi") -> ServicePath:
    stage = _need_stage(path, stage_id)
    new = stage.model_copy(update={"description": _set_text(stage.description, lang, text)})
    return path.model_copy(update={"stages": _replace_item(path.stages, stage_id, new)})


def move_stage(path: ServicePath, stage_id: str, index: int) -> ServicePath:
    """Put the stage at position `index` (0 = first column)."""
    stage = _need_stage(path, stage_id)
    stages = [s for s in path.stages if s.id != stage_id]
    stages.insert(_clamp(index, len(stages)), stage)
    return path.model_copy(update={"stages": stages})


def remove_stage(path: ServicePath, stage_id: str, *, move_steps_to: str | None = None) -> ServicePath:
    """Remove a stage. A stage that still has steps is only removed when its steps are moved to
    another stage (`move_steps_to`): steps are never deleted as a side effect."""
    _need_stage(path, stage_id)
    steps = path.steps_in_stage(stage_id)
    if steps:
        if move_steps_to is None:
            raise EditError("stage_has_steps", stage=_name(path, "stage", stage_id), count=len(steps))
        if move_steps_to == stage_id:
            raise EditError("move_to_same_stage")
        _need_stage(path, move_steps_to)
    moved = [s.model_copy(update={"stage": move_steps_to}) if s.stage == stage_id else s for s in path.steps]
    return path.model_copy(update={"stages": [s for s in path.stages if s.id != stage_id], "steps": moved})


# ---------------------------------------------------------------------------------------------
# Steps


def new_step_id(path: ServicePath, title: str) -> str:
    return unique_id(title, {step.id for step in path.steps}, "step")


def add_step(
    path: ServicePath,
    stage_id: str,
    title: str,
    lang: str = "fi",
    *,
    step_id: str | None = None,
    after: str | None = None,
    **fields: Any,
) -> ServicePath:
    """A new step in `stage_id`, placed after step `after` in the list (at the end by default).
    Connecting it is a separate edit (`connect`)."""
    _need_stage(path, stage_id)
    if not title.strip():
        raise EditError("empty_title")
    step_id = step_id or new_step_id(path, title)
    if path.step(step_id):
        raise EditError("duplicate_id", id=step_id)
    if not is_item_id(step_id):
        raise EditError("bad_id", id=step_id)
    unknown = [a for a in fields.get("actors", []) if not path.actor(a)]
    if unknown:
        raise EditError("unknown_actor", id=unknown[0])
    try:
        step = Step(id=step_id, stage=stage_id, title={normalise_lang(lang): title.strip()}, **fields)
    except ValidationError as exc:
        raise EditError("bad_value", field=", ".join(str(p) for p in exc.errors()[0]["loc"])) from None
    steps = list(path.steps)
    position = len(steps)
    if after is not None:
        _need_step(path, after)
        position = next(i for i, s in enumerate(steps) if s.id == after) + 1
    steps.insert(position, step)
    return path.model_copy(update={"steps": steps})


def update_step(path: ServicePath, step_id: str, lang: str = "fi", **changes: Any) -> ServicePath:
    """Change fields of a step. Texts given as strings go into `lang` and keep the other
    languages; anything else replaces the field (validated by the model)."""
    step = _need_step(path, step_id)
    if "id" in changes:
        raise EditError("not_editable", field="id")
    if "stage" in changes:
        _need_stage(path, changes["stage"])
    if "actors" in changes:
        unknown = [a for a in changes["actors"] if not path.actor(a)]
        if unknown:
            raise EditError("unknown_actor", id=unknown[0])
        if len(set(changes["actors"])) != len(changes["actors"]):
            changes["actors"] = list(dict.fromkeys(changes["actors"]))
    if "contacts" in changes:
        unknown = [c for c in changes["contacts"] if not path.contact(c)]
        if unknown:
            raise EditError("unknown_contact", id=unknown[0])
    data = step.model_dump()
    for name, value in changes.items():
        if name not in data:
            raise EditError("not_editable", field=name)
        current = getattr(step, name)
        if isinstance(current, LocalText) and isinstance(value, str):
            data[name] = _set_text(current, lang, value).model_dump()
        elif isinstance(value, LocalText):
            data[name] = value.model_dump()
        else:
            data[name] = value
    if not LocalText.model_validate(data["title"]):
        raise EditError("empty_title")
    try:
        new = Step.model_validate(data)
    except ValidationError as exc:
        raise EditError("bad_value", field=", ".join(str(p) for p in exc.errors()[0]["loc"])) from None
    return path.model_copy(update={"steps": _replace_item(path.steps, step_id, new)})


def set_light_bulb(path: ServicePath, step_id: str, on: bool) -> ServicePath:
    """The coordinator flag: 💡 on the work-ability coordinator's steps."""
    return update_step(path, step_id, coordinator=bool(on))


def _rename_in_views(path: ServicePath, old: str, new: str | None) -> dict:
    """The per-audience views with step `old` renamed to `new` (or dropped when `new` is None)."""
    views = {}
    for name, view in path.views.items():
        hidden = [new if s == old else s for s in view.hidden_steps if s != old or new is not None]
        texts = {(new if k == old else k): v for k, v in view.texts.items() if k != old or new is not None}
        views[name] = view.model_copy(update={"hidden_steps": hidden, "texts": texts})
    return views


def rename_step_id(path: ServicePath, old: str, new: str) -> ServicePath:
    """Give a step a new id; transitions and view settings follow."""
    step = _need_step(path, old)
    if new == old:
        return path
    if not is_item_id(new):
        raise EditError("bad_id", id=new)
    if path.step(new):
        raise EditError("duplicate_id", id=new)
    transitions = [
        tr.model_copy(update={
            "source": new if tr.source == old else tr.source,
            "target": new if tr.target == old else tr.target,
        })
        for tr in path.transitions
    ]
    return path.model_copy(
        update={
            "steps": _replace_item(path.steps, old, step.model_copy(update={"id": new})),
            "transitions": transitions,
            "views": _rename_in_views(path, old, new),
        }
    )


def move_step(path: ServicePath, step_id: str, *, stage_id: str | None = None, index: int | None = None) -> ServicePath:
    """Move a step to another stage and/or to position `index` in the list of steps."""
    step = _need_step(path, step_id)
    if stage_id is not None:
        _need_stage(path, stage_id)
        step = step.model_copy(update={"stage": stage_id})
    steps = [s for s in path.steps if s.id != step_id]
    if index is None:
        index = next(i for i, s in enumerate(path.steps) if s.id == step_id)
    steps.insert(_clamp(index, len(steps)), step)
    return path.model_copy(update={"steps": steps})


def move_step_to(
    path: ServicePath, step_id: str, stage_id: str, lane: str | None = None, *, before: str | None = None
) -> ServicePath:
    """A step dragged on the canvas: into `stage_id`, into the swimlane of actor `lane`, before step `before`.

    The lane is the step's responsible actor (its first): the dragged step gets `lane` first, its other
    actors kept; `lane` "" is the lane of steps without an actor; None leaves the actors alone. Without
    `before` the step goes after the last step of the stage (so the list keeps stages together)."""
    step = _need_step(path, step_id)
    _need_stage(path, stage_id)
    if before == step_id:
        before = None
    if before is not None:
        _need_step(path, before)
    actors = list(step.actors)
    if lane == "":
        actors = []
    elif lane is not None:
        if not path.actor(lane):
            raise EditError("unknown_actor", id=lane)
        actors = [lane, *(a for a in actors[1:] if a != lane)]
    moved = step.model_copy(update={"stage": stage_id, "actors": actors})
    steps = [s for s in path.steps if s.id != step_id]
    if before is not None:
        index = next(i for i, s in enumerate(steps) if s.id == before)
    else:
        in_stage = [i for i, s in enumerate(steps) if s.stage == stage_id]
        later = {stage.id for stage in path.stages[path.stage_index().get(stage_id, 0) + 1:]}
        index = in_stage[-1] + 1 if in_stage else next(
            (i for i, s in enumerate(steps) if s.stage in later), len(steps))
    steps.insert(index, moved)
    return path.model_copy(update={"steps": steps})


def remove_step(path: ServicePath, step_id: str, *, bridge: bool = False) -> ServicePath:
    """Remove a step and every transition to or from it. With `bridge`, each step that led to
    it is connected to each step it led to, so the path stays in one piece."""
    _need_step(path, step_id)
    incoming = [tr for tr in path.transitions if tr.target == step_id and tr.source != step_id]
    outgoing = [tr for tr in path.transitions if tr.source == step_id and tr.target != step_id]
    transitions = [tr for tr in path.transitions if step_id not in (tr.source, tr.target)]
    if bridge:
        existing = {(tr.source, tr.target) for tr in transitions}
        for before in incoming:
            for after in outgoing:
                edge = (before.source, after.target)
                if edge not in existing and before.source != after.target:
                    existing.add(edge)
                    transitions.append(Transition(source=edge[0], target=edge[1], condition=before.condition))
    return path.model_copy(
        update={
            "steps": [s for s in path.steps if s.id != step_id],
            "transitions": transitions,
            "views": _rename_in_views(path, step_id, None),
        }
    )


# ---------------------------------------------------------------------------------------------
# Transitions


def connect(path: ServicePath, source: str, target: str, condition: str = "", lang: str = "fi") -> ServicePath:
    """A transition from `source` to `target` with an optional condition label (in `lang`).
    Connecting two steps that are already connected changes the label. Loops are allowed
    (a follow-up that sends the client back, or a step that repeats)."""
    _need_step(path, source)
    _need_step(path, target)
    existing = next((tr for tr in path.transitions if tr.source == source and tr.target == target), None)
    if existing is not None:
        new = existing.model_copy(update={"condition": _set_text(existing.condition, lang, condition)})
        transitions = [new if tr is existing else tr for tr in path.transitions]
    else:
        transitions = [*path.transitions, Transition(source=source, target=target, condition={lang: condition.strip()})]
    return path.model_copy(update={"transitions": transitions})


def disconnect(path: ServicePath, source: str, target: str) -> ServicePath:
    kept = [tr for tr in path.transitions if not (tr.source == source and tr.target == target)]
    if len(kept) == len(path.transitions):
        raise EditError("not_connected", source=source, target=target)
    return path.model_copy(update={"transitions": kept})


# ---------------------------------------------------------------------------------------------
# Actors


def add_actor(
    path: ServicePath,
    name: str,
    lang: str = "fi",
    group: ActorGroup | str | None = None,
    *,
    actor_id: str | None = None,
) -> ServicePath:
    """A new actor; without `group` it is guessed from the name (see `spreadsheet.guess_group`)."""
    from paths.formats.spreadsheet import guess_group

    actor_id = _new_id(name, path.actors, "actor", actor_id)
    actor = Actor(id=actor_id, name={normalise_lang(lang): name.strip()}, group=group or guess_group(name))
    return path.model_copy(update={"actors": [*path.actors, actor]})


def update_actor(
    path: ServicePath,
    actor_id: str,
    *,
    name: str | None = None,
    lang: str = "fi",
    group: ActorGroup | str | None = None,
) -> ServicePath:
    actor = path.actor(actor_id)
    if actor is None:
        raise EditError("unknown_actor", id=actor_id)
    update: dict[str, Any] = {}
    if name is not None:
        update["name"] = _set_text(actor.name, lang, name)
        if not update["name"]:
            raise EditError("empty_title")
    if group is not None:
        update["group"] = ActorGroup(group)
    return path.model_copy(update={"actors": _replace_item(path.actors, actor_id, actor.model_copy(update=update))})


def remove_actor(path: ServicePath, actor_id: str) -> ServicePath:
    """Remove an actor no step uses; an actor still in use is an error that names the steps."""
    if path.actor(actor_id) is None:
        raise EditError("unknown_actor", id=actor_id)
    users = [step for step in path.steps if actor_id in step.actors]
    if users:
        names = ", ".join(_name(path, "step", step.id) for step in users[:5])
        raise EditError("actor_in_use", actor=_name(path, "actor", actor_id), count=len(users), steps=names)
    views = {
        name: view.model_copy(update={
            "hidden_actors": [a for a in view.hidden_actors if a != actor_id],
            "focus_actor": None if view.focus_actor == actor_id else view.focus_actor,
        })
        for name, view in path.views.items()
    }
    return path.model_copy(update={"actors": [a for a in path.actors if a.id != actor_id], "views": views})


# ---------------------------------------------------------------------------------------------
# Contacts of the path (steps refer to them by id)

def _contact_details(email: str | None, phone: str | None) -> dict[str, str]:
    """E-mail and phone as given (trimmed), or one sentence on what is wrong with them."""
    details: dict[str, str] = {}
    if email is not None:
        email = email.strip()
        if email and not is_email(email):
            raise EditError("bad_email")
        details["email"] = email
    if phone is not None:
        phone = phone.strip()
        if phone and not is_phone(phone):
            raise EditError("bad_phone")
        details["phone"] = phone
    return details


def add_contact(
    path: ServicePath,
    label: str,
    lang: str = "fi",
    *,
    email: str = "",
    phone: str = "",
    placeholder: bool = False,
    contact_id: str | None = None,
) -> ServicePath:
    """A new contact point of the path; `placeholder` marks example details that must never look real."""
    contact_id = _new_id(label, path.contacts, "contact", contact_id)
    contact = Contact(id=contact_id, label={normalise_lang(lang): label.strip()}, placeholder=placeholder,
                      **_contact_details(email, phone))
    return path.model_copy(update={"contacts": [*path.contacts, contact]})


def update_contact(
    path: ServicePath,
    contact_id: str,
    *,
    label: str | None = None,
    lang: str = "fi",
    email: str | None = None,
    phone: str | None = None,
    placeholder: bool | None = None,
) -> ServicePath:
    contact = path.contact(contact_id)
    if contact is None:
        raise EditError("unknown_contact", id=contact_id)
    update: dict[str, Any] = dict(_contact_details(email, phone))
    if label is not None:
        update["label"] = _set_text(contact.label, lang, label)
        if not update["label"]:
            raise EditError("empty_title")
    if placeholder is not None:
        update["placeholder"] = placeholder
    new = contact.model_copy(update=update)
    return path.model_copy(update={"contacts": _replace_item(path.contacts, contact_id, new)})


def remove_contact(path: ServicePath, contact_id: str) -> ServicePath:
    """Remove a contact no step refers to; one still in use is an error that names the steps."""
    if path.contact(contact_id) is None:
        raise EditError("unknown_contact", id=contact_id)
    users = [step for step in path.steps if contact_id in step.contacts]
    if users:
        names = ", ".join(_name(path, "step", step.id) for step in users[:5])
        raise EditError("contact_in_use", contact=_name(path, "contact", contact_id), count=len(users), steps=names)
    return path.model_copy(update={"contacts": [c for c in path.contacts if c.id != contact_id]})


# ---------------------------------------------------------------------------------------------
# The table of all steps (st.data_editor)


def _blank(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    try:
        if pd.isna(value) is True:
            return True
    except (TypeError, ValueError):
        pass
    return isinstance(value, str) and not value.strip()


def _as_list(value: object) -> list[str]:
    """A cell holding several values: a list (multiselect column) or `a; b` text."""
    if _blank(value):
        return []
    if isinstance(value, str):
        return [part.strip() for part in value.split(";") if part.strip()]
    try:
        return [str(v).strip() for v in value if not _blank(v)]  # type: ignore[union-attr]
    except TypeError:
        return [str(value).strip()]


def _text(value: object) -> str:
    return "" if _blank(value) else str(value).strip()


def format_next(path: ServicePath, step_id: str, lang: str = "fi") -> str:
    """The `next` cell: `target` or `condition: target`, separated by `; ` (targets by id)."""
    parts = []
    for tr in path.transitions:
        if tr.source == step_id:
            label = tr.condition.get(lang).replace(";", ",")
            parts.append(f"{label}: {tr.target}" if label else tr.target)
    return "; ".join(parts)


def step_table(path: ServicePath, lang: str = "fi") -> pd.DataFrame:
    """Every step as a row for the bulk editor: texts in `lang`, codes (stage, actors, kind) as ids."""
    rows = []
    for step in path.steps:
        rows.append({
            "id": step.id,
            "stage": step.stage,
            "title": step.title.get(lang),
            "description": step.description.get(lang),
            "client_text": step.client_text.get(lang),
            "actors": list(step.actors),
            "kind": step.kind.value,
            "coordinator": step.coordinator,
            "audience": step.audience.value,
            "channels": [c.value for c in step.channels],
            "next": format_next(path, step.id, lang),
        })
    return pd.DataFrame(rows, columns=list(TABLE_COLUMNS))


def _records(table: pd.DataFrame | Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    if isinstance(table, pd.DataFrame):
        return table.to_dict("records")
    return [dict(row) for row in table]


def _kind(value: object, row: int) -> StepKind:
    from paths.formats.spreadsheet import parse_kind

    if _blank(value):
        return StepKind.action
    try:
        return StepKind(str(value))
    except ValueError:
        kind = parse_kind(str(value))
        if kind is None:
            raise EditError("table_bad_value", row=row, column="kind", value=str(value)) from None
        return kind


def _flag(value: object, row: int) -> bool:
    from paths.formats.spreadsheet import parse_flag

    if _blank(value):
        return False
    if isinstance(value, bool):
        return value
    flag = parse_flag(str(value))
    if flag is None:
        raise EditError("table_bad_value", row=row, column="coordinator", value=str(value))
    return flag


def apply_step_table(
    path: ServicePath, table: pd.DataFrame | Iterable[Mapping[str, Any]], lang: str = "fi"
) -> ServicePath:
    """The path with its steps and transitions as the edited table says (row order = step order).

    Rows gone from the table are removed steps; a row without an id is a new step (its id is
    made from the title). Texts are written in `lang`; other languages, links, durations and
    contacts of existing steps are kept. Rows are numbered from 1 in error messages.
    """
    lang = normalise_lang(lang)
    records = [r for r in _records(table) if not all(_blank(v) or v == [] or v is False for v in r.values())]
    ids = _table_ids(records)
    steps = [_table_step(path, record, step_id, number, lang)
             for number, (record, step_id) in enumerate(zip(records, ids, strict=True), start=1)]
    removed = {step.id for step in path.steps} - set(ids)
    transitions = _table_transitions(path, records, ids, removed, lang)
    views = path.views
    for step_id in removed:
        views = _rename_in_views(path.model_copy(update={"views": views}), step_id, None)
    return path.model_copy(update={"steps": steps, "transitions": transitions, "views": views})


def _table_ids(records: list[dict[str, Any]]) -> list[str]:
    """Each row's step id: the one given (checked: valid, not twice), else one made from its title."""
    given = [_text(r.get("id")) for r in records]
    seen: set[str] = set()
    for number, step_id in enumerate(given, start=1):
        if not step_id:
            continue
        if not is_item_id(step_id):
            raise EditError("table_bad_id", row=number, id=step_id)
        if step_id in seen:
            raise EditError("table_duplicate_id", row=number, id=step_id)
        seen.add(step_id)
    ids: list[str] = []
    for number, (record, step_id) in enumerate(zip(records, given, strict=True), start=1):
        if not step_id:
            title = _text(record.get("title"))
            if not title:
                raise EditError("table_no_title", row=number)
            step_id = unique_id(title, seen | set(ids), "step")
        ids.append(step_id)
    return ids


def _table_stage(path: ServicePath, value: str, number: int, lang: str) -> str:
    """A stage cell: a stage id, or a stage title in `lang`."""
    if value in {stage.id for stage in path.stages}:
        return value
    match = next((s.id for s in path.stages if s.title.get(lang).casefold() == value.casefold()), None)
    if match is None:
        raise EditError("table_unknown_stage", row=number, value=value)
    return match


def _table_actors(path: ServicePath, value: object, number: int, lang: str) -> list[str]:
    """An actors cell: actor ids or names in `lang`, each once."""
    actor_ids = {actor.id for actor in path.actors}
    actors: list[str] = []
    for actor in _as_list(value):
        if actor not in actor_ids:
            match = next((a.id for a in path.actors if a.name.get(lang).casefold() == actor.casefold()), None)
            if match is None:
                raise EditError("table_unknown_actor", row=number, value=actor)
            actor = match
        if actor not in actors:
            actors.append(actor)
    return actors


def _table_step(path: ServicePath, record: dict[str, Any], step_id: str, number: int, lang: str) -> Step:
    """One row as a step: the existing step's other fields kept, the row's columns written in `lang`."""
    old = path.step(step_id)
    title = _text(record.get("title"))
    if not title and not (old and any(old.title.get(c, fallback=False) for c in ("fi", "sv", "en") if c != lang)):
        raise EditError("table_no_title", row=number)
    stage = _table_stage(path, _text(record.get("stage")), number, lang)
    actors = _table_actors(path, record.get("actors"), number, lang)
    try:
        audience = Audience(_text(record.get("audience")) or "everyone")
        channels = [Channel(c) for c in _as_list(record.get("channels"))]
    except ValueError as exc:
        raise EditError("table_bad_value", row=number, column="audience/channels", value=str(exc)) from None
    base = old or Step(id=step_id, stage=stage, title={lang: title})
    texts = {
        name: _set_shown_text(getattr(base, name), lang, _text(record.get(name)))
        for name in ("title", "description", "client_text")
        if name in record
    }
    return base.model_copy(update={
        **texts,
        "stage": stage,
        "actors": actors,
        "kind": _kind(record.get("kind"), number),
        "coordinator": _flag(record.get("coordinator"), number),
        "audience": audience,
        "channels": channels,
    })


def _table_transitions(
    path: ServicePath, records: list[dict[str, Any]], ids: list[str], removed: set[str], lang: str
) -> list[Transition]:
    """The "next" column as transitions; an existing transition keeps its condition's other languages."""
    known = set(ids)
    by_title: dict[str, str] = {}
    for step_id, record in zip(ids, records, strict=True):
        by_title.setdefault(_text(record.get("title")).casefold(), step_id)
    transitions: list[Transition] = []
    for number, (record, step_id) in enumerate(zip(records, ids, strict=True), start=1):
        targets: set[str] = set()
        for item in _as_list(record.get("next")):
            target, label = _resolve_next(item, known, by_title)
            if target is None and _resolve_next(item, removed, {})[0] is not None:
                continue  # a step whose row was deleted: its transitions go with it
            if target is None:
                raise EditError("table_unknown_next", row=number, value=item)
            if target in targets:
                continue
            targets.add(target)
            old = next((tr for tr in path.transitions if tr.source == step_id and tr.target == target), None)
            condition = _set_shown_text(old.condition, lang, label) if old else LocalText(**{lang: label})
            transitions.append(Transition(source=step_id, target=target, condition=condition))
    return transitions


def _resolve_next(item: str, known: set[str], by_title: dict[str, str]) -> tuple[str | None, str]:
    """`target` or `label: target`, the target by id or by title."""
    def find(reference: str) -> str | None:
        reference = reference.strip()
        return reference if reference in known else by_title.get(reference.casefold())

    target = find(item)
    if target is not None:
        return target, ""
    if ":" in item:
        label, _, rest = item.rpartition(":")
        target = find(rest)
        if target is not None:
            return target, label.strip()
    return None, ""

