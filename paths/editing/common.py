"""What every edit of a path shares: `EditError` (one sentence through the catalog) and the small
helpers that find an item, set a text in one language and make a new item's id.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from paths.i18n.catalog import UserError, normalise_lang
from paths.model.diff import _item_label
from paths.model.ids import is_item_id, unique_id
from paths.model.schema import LocalText, ServicePath, Stage, Step

TEXT_FIELDS: tuple[str, ...] = ("title", "description", "client_text", "duration")


class EditError(UserError):
    """An edit that cannot be made; `message(lang)` is one sentence for the user."""

    key_prefix = "editing.error."


def _name(path: ServicePath, kind: str, item_id: str, lang: str = "fi") -> str:
    return _item_label(path, kind, item_id, lang)


def _refuse_if_used(path: ServicePath, kind: str, item_id: str, users: list[Step]) -> None:
    """An actor or contact that steps still use is not removed: the one error names it, how many steps use
    it and the first five of them (`<kind>_in_use`)."""
    if users:
        names = ", ".join(_name(path, "step", step.id) for step in users[:5])
        raise EditError(f"{kind}_in_use", count=len(users), steps=names, **{kind: _name(path, kind, item_id)})


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
