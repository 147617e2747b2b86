"""Edits of a path's steps and of the links between them: add, change, rename, move, remove, connect.

Pure functions that return a new `ServicePath` (see `paths.editing.edits`).
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from paths.editing.common import EditError, _clamp, _need_stage, _need_step, _replace_item, _set_text
from paths.i18n.catalog import normalise_lang
from paths.model.ids import is_item_id, unique_id
from paths.model.schema import LocalText, ServicePath, Step, Transition


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
