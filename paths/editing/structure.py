"""Edits of a path's structure: its own fields, its stages (their titles and order) and its actors.

Pure functions that return a new `ServicePath` (see `paths.editing.edits`).
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from paths.editing.common import (
    EditError,
    _clamp,
    _name,
    _need_stage,
    _new_id,
    _refuse_if_used,
    _replace_item,
    _set_text,
)
from paths.i18n.catalog import normalise_lang
from paths.model.schema import Actor, ActorGroup, LocalText, ServicePath, Stage


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
    _refuse_if_used(path, "actor", actor_id, users)
    views = {
        name: view.model_copy(update={
            "hidden_actors": [a for a in view.hidden_actors if a != actor_id],
            "focus_actor": None if view.focus_actor == actor_id else view.focus_actor,
        })
        for name, view in path.views.items()
    }
    return path.model_copy(update={"actors": [a for a in path.actors if a.id != actor_id], "views": views})
