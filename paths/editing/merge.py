"""Three-way merge of two edits of a path made from the same base version.

The other half of the stale-save flow: when someone else saved while I was editing, my edit
(base → mine) is re-applied on top of theirs (base → theirs), field by field. The editing session
(`paths.editing.session`) saves the merge at once when no field was changed on both sides, and
shows the conflict screen when one was.
"""

from __future__ import annotations

from dataclasses import dataclass

from paths.i18n.catalog import t
from paths.model.diff import Fields, Flat, _item_label, flatten, unflatten
from paths.model.schema import ServicePath

_MISSING = object()
ITEM_KINDS: tuple[str, ...] = ("stage", "actor", "contact", "step", "transition")


@dataclass(frozen=True)
class Conflict:
    """A field both sides changed differently, or an item one side removed and the other changed.
    `kept` says whose value the merge kept ("mine")."""

    kind: str
    item: str
    field: str
    lang: str
    base: object
    mine: object
    theirs: object
    reason: str = "changed"  # changed | removed_by_me | removed_by_them | restored | dropped | order

    def message(self, path: ServicePath, lang: str = "fi") -> str:
        what = t(f"diff.kind.{self.kind}", lang)
        name = _item_label(path, self.kind, self.item, lang) if self.item else ""
        field = t(f"diff.field.{self.field}", lang) if self.field else ""
        if self.lang:
            field = f"{field} ({self.lang})"
        return t(
            f"editing.conflict.{self.reason}", lang,
            what=what, name=name, field=field, mine=_short(self.mine), theirs=_short(self.theirs),
        )


def _short(value: object) -> str:
    if value is _MISSING or value is None:
        return "–"
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value)
    text = str(value)
    return text if len(text) <= 80 else text[:77] + "…"


def _merge_value(base: object, mine: object, theirs: object) -> tuple[object, bool]:
    """Three-way merge of one value: (result, conflict). On a conflict my value is kept."""
    if mine == base:
        return theirs, False
    if theirs == base or mine == theirs:
        return mine, False
    return mine, True


def _merge_order(base: list[str], mine: list[str], theirs: list[str], present: set[str]) -> list[str]:
    """An order for the merged items: the side that reordered leads; an item only the other
    side has goes just before the item that followed it there (at the end when none did)."""
    mine_reordered = [k for k in mine if k in base] != [k for k in base if k in mine]
    primary, others = (mine, [theirs, base]) if mine_reordered else (theirs, [mine, base])
    result = [key for key in primary if key in present]
    for source in others:
        for position, key in enumerate(source):
            if key in present and key not in result:
                after = next((k for k in source[position + 1:] if k in result), None)
                result.insert(result.index(after) if after is not None else len(result), key)
    result.extend(key for key in present if key not in result)
    return result


def rebase(base: ServicePath, mine: ServicePath, theirs: ServicePath) -> tuple[ServicePath, list[Conflict]]:
    """My edit (base → mine) re-applied on top of their save (base → theirs).

    Fields changed on one side only take that side's value; a field both sides changed
    differently keeps mine and is listed as a conflict; an item removed on one side and
    changed on the other is listed too (my side wins: my removal removes, my change keeps the
    item). References are repaired so the result is a loadable path: a stage, actor or step
    that the merge would leave referenced but missing is put back and listed.
    """
    b, m, th = flatten(base), flatten(mine), flatten(theirs)
    conflicts: list[Conflict] = []
    meta = _merge_meta(b, m, th, conflicts)
    items = {kind: _merge_items(kind, b, m, th, conflicts) for kind in ITEM_KINDS}
    _repair(items, (b, m, th), conflicts)
    return unflatten(Flat(meta=meta, items=items)), conflicts


def _merge_meta(b: Flat, m: Flat, th: Flat, conflicts: list[Conflict]) -> Fields:
    """The path's own fields (title, summary, status ...), merged."""
    meta: Fields = {}
    for key in [*th.meta, *(k for k in m.meta if k not in th.meta)]:
        value, clash = _merge_value(b.meta.get(key, _MISSING), m.meta.get(key, _MISSING), th.meta.get(key, _MISSING))
        if clash:
            conflicts.append(Conflict("path", "", key[0], key[1] if len(key) > 1 else "", b.meta.get(key),
                                      m.meta.get(key), th.meta.get(key)))
        if value is not _MISSING:
            meta[key] = value
    return meta


def _merge_items(kind: str, b: Flat, m: Flat, th: Flat, conflicts: list[Conflict]) -> dict[str, Fields]:
    """The items of one kind (stages, steps ...), merged one by one and put in a merged order."""
    bi, mi, ti = b.items[kind], m.items[kind], th.items[kind]
    merged: dict[str, Fields] = {}
    for key in dict.fromkeys([*bi, *ti, *mi]):
        old, my, their = bi.get(key), mi.get(key), ti.get(key)
        if old is None:
            if my is not None and their is not None:
                merged[key] = _merge_fields(kind, key, {}, my, their, conflicts)
            else:
                merged[key] = my if my is not None else their
        elif my is None and their is None:
            continue
        elif my is None:
            if their != old:
                conflicts.append(Conflict(kind, key, "", "", None, None, None, "removed_by_me"))
        elif their is None:
            if my != old:
                conflicts.append(Conflict(kind, key, "", "", None, None, None, "removed_by_them"))
                merged[key] = my
        else:
            merged[key] = _merge_fields(kind, key, old, my, their, conflicts)
    order = _merge_order(list(bi), list(mi), list(ti), set(merged))
    if kind == "stage":
        common_m = [k for k in mi if k in ti and k in bi]
        common_t = [k for k in ti if k in mi and k in bi]
        common_b = [k for k in bi if k in mi and k in ti]
        if common_m != common_b and common_t != common_b and common_m != common_t:
            conflicts.append(Conflict("stage", "", "order", "", list(bi), common_m, common_t, "order"))
    return {key: merged[key] for key in order}


def _merge_fields(kind: str, key: str, old: Fields, my: Fields, their: Fields, conflicts: list[Conflict]) -> Fields:
    result: Fields = {}
    for name in dict.fromkeys([*their, *my]):
        value, clash = _merge_value(old.get(name, _MISSING), my.get(name, _MISSING), their.get(name, _MISSING))
        if clash:
            conflicts.append(Conflict(kind, key, name[0], name[1] if len(name) > 1 else "", old.get(name),
                                      my.get(name), their.get(name)))
        if value is not _MISSING:
            result[name] = value
    return result


def _repair(items: dict[str, dict[str, Fields]], sources: tuple[Flat, Flat, Flat], conflicts: list[Conflict]) -> None:
    """Put back stages and actors the merged steps still need; drop transitions to removed steps."""
    base, mine, theirs = sources

    def bring_back(kind: str, item_id: str) -> bool:
        for source in (mine, theirs, base):
            if item_id in source.items[kind]:
                items[kind][item_id] = source.items[kind][item_id]
                conflicts.append(Conflict(kind, item_id, "", "", None, None, None, "restored"))
                return True
        return False

    for step in list(items["step"].values()):
        stage = step.get(("stage",))
        if isinstance(stage, str) and stage not in items["stage"]:
            bring_back("stage", stage)
        for actor in step.get(("actors",), []) or []:
            if actor not in items["actor"]:
                bring_back("actor", actor)
        for contact in step.get(("contacts",), []) or []:
            if contact not in items["contact"]:
                bring_back("contact", contact)
    step_ids = {fields[("id",)] for fields in items["step"].values()}
    for key, fields in list(items["transition"].items()):
        if fields[("source",)] not in step_ids or fields[("target",)] not in step_ids:
            del items["transition"][key]
            conflicts.append(Conflict("transition", key, "", "", None, None, None, "dropped"))
