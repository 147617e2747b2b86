"""The table of all steps (the editor's `st.data_editor`): a path as rows, and rows back into a path.

A cell that cannot be read raises `EditError` naming its row; nothing of the path changes then.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from paths.editing.common import EditError, _set_shown_text
from paths.editing.steps import _rename_in_views
from paths.i18n.catalog import normalise_lang
from paths.model.ids import is_item_id, unique_id
from paths.model.schema import Audience, Channel, LocalText, ServicePath, Step, StepKind, Transition

TABLE_COLUMNS: tuple[str, ...] = (
    "id", "stage", "title", "description", "client_text", "actors", "kind", "coordinator", "audience", "channels",
    "next",
)


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
