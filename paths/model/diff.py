"""What changed between two versions of a path, field by field.

The history page shows it as a table, the store writes `summary()` as each version's change
note, and `editing.rebase` uses the same flat form for its three-way merge. A path is
flattened to items (stages, actors, contacts, steps, transitions) keyed by id, each a map
of fields; texts split per language so that adding a Swedish title is its own change.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from paths.i18n.catalog import t
from paths.model.schema import LANGS, ServicePath

FieldKey = tuple[str, ...]
Fields = dict[FieldKey, object]
COLLECTIONS: dict[str, str] = {
    "stage": "stages",
    "actor": "actors",
    "contact": "contacts",
    "step": "steps",
    "transition": "transitions",
}
KIND_ORDER: tuple[str, ...] = ("path", "stage", "step", "transition", "actor", "contact")
IDENTITY = frozenset({"id", "source", "target"})
META_SKIP = frozenset({"schema_version", *COLLECTIONS.values()})


def _is_text(value: object) -> bool:
    return isinstance(value, dict) and set(value) == set(LANGS)


def _fields(data: dict, skip: frozenset[str] = frozenset()) -> Fields:
    """A dumped model as `{(field,): value}`, texts as `{(field, lang): text}`."""
    flat: Fields = {}
    for name, value in data.items():
        if name in skip:
            continue
        if _is_text(value):
            for lang in LANGS:
                flat[(name, lang)] = value[lang]
        else:
            flat[(name,)] = value
    return flat


def _unfields(flat: Fields) -> dict:
    data: dict = {}
    for key, value in flat.items():
        if len(key) == 2:
            data.setdefault(key[0], {})[key[1]] = value
        else:
            data[key[0]] = value
    return data


def item_key(kind: str, data: dict) -> str:
    return f"{data['source']}→{data['target']}" if kind == "transition" else data["id"]


@dataclass
class Flat:
    """A path as plain items: `meta` fields, and per kind the items in order, keyed by id."""

    meta: Fields
    items: dict[str, dict[str, Fields]]

    def order(self, kind: str) -> list[str]:
        return list(self.items[kind])


def flatten(path: ServicePath) -> Flat:
    data = path.model_dump(mode="json")
    items: dict[str, dict[str, Fields]] = {}
    for kind, collection in COLLECTIONS.items():
        keyed: dict[str, Fields] = {}
        for entry in data[collection]:
            key = base = item_key(kind, entry)
            number = 2
            while key in keyed:  # duplicate ids exist in drafts; keep every copy
                key = f"{base}#{number}"
                number += 1
            keyed[key] = _fields(entry)
        items[kind] = keyed
    return Flat(meta=_fields(data, META_SKIP), items=items)


def unflatten(flat: Flat) -> ServicePath:
    data = _unfields(flat.meta)
    for kind, collection in COLLECTIONS.items():
        data[collection] = [_unfields(fields) for fields in flat.items[kind].values()]
    return ServicePath.model_validate(data)


@dataclass(frozen=True)
class Change:
    """One difference. `op`: added | removed | changed | reordered; `field`/`lang` for changed."""

    kind: str
    op: str
    item: str = ""
    field: str = ""
    lang: str = ""
    old: object = None
    new: object = None


@dataclass
class PathDiff:
    old: ServicePath
    new: ServicePath
    changes: list[Change] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.changes)

    def counts(self) -> dict[tuple[str, str], int]:
        """Changed *items* per (kind, op): a step with three changed fields counts once."""
        seen: dict[tuple[str, str], set[str]] = {}
        for change in self.changes:
            seen.setdefault((change.kind, change.op), set()).add(change.item)
        return {key: len(items) for key, items in seen.items()}

    def summary(self, lang: str = "fi") -> str:
        """One short line: `2 steps added, 1 step changed`."""
        counts = self.counts()
        parts = []
        for kind in KIND_ORDER:
            for op in ("added", "removed", "changed", "reordered"):
                n = counts.get((kind, op))
                if not n:
                    continue
                if kind == "path" or op == "reordered":
                    parts.append(t(f"diff.summary.{kind}.{op}", lang))
                else:
                    parts.append(t(f"diff.summary.{kind}.{op}.{'one' if n == 1 else 'many'}", lang, n=n))
        return ", ".join(parts) if parts else t("diff.summary.none", lang)

    def rows(self, lang: str = "fi") -> list[dict[str, str]]:
        """The changes as table rows with column names in `lang`."""
        cols = {name: t(f"diff.col.{name}", lang) for name in ("what", "item", "change", "field", "old", "new")}
        rows = []
        for change in self.changes:
            source = self.new if change.op != "removed" else self.old
            if change.op == "reordered":
                rows.append({
                    cols["what"]: t(f"diff.kind.{change.kind}", lang),
                    cols["item"]: "",
                    cols["change"]: t(f"diff.op.{change.op}", lang),
                    cols["field"]: t("diff.field.order", lang),
                    cols["old"]: " → ".join(_item_label(self.old, change.kind, k, lang) for k in change.old),
                    cols["new"]: " → ".join(_item_label(self.new, change.kind, k, lang) for k in change.new),
                })
                continue
            field_label = t(f"diff.field.{change.field}", lang) if change.field else ""
            if change.lang:
                field_label = f"{field_label} ({change.lang})"
            rows.append({
                cols["what"]: t(f"diff.kind.{change.kind}", lang),
                cols["item"]: _item_label(source, change.kind, change.item, lang) or _item_label(
                    self.old, change.kind, change.item, lang
                ),
                cols["change"]: t(f"diff.op.{change.op}", lang),
                cols["field"]: field_label,
                cols["old"]: _value_text(self.old, change.field, change.old, lang),
                cols["new"]: _value_text(self.new, change.field, change.new, lang),
            })
        return rows


def _item_label(path: ServicePath, kind: str, key: str, lang: str) -> str:
    """A readable name for an item: its title in `lang` and its id."""
    if kind == "path":
        return path.title.get(lang)
    if kind == "transition":
        source, _, target = key.partition("→")
        return f"{_item_label(path, 'step', source, lang)} → {_item_label(path, 'step', target.split('#')[0], lang)}"
    item_id = key.split("#")[0]
    found = {"stage": path.stage, "actor": path.actor, "contact": path.contact, "step": path.step}[kind](item_id)
    if found is None:
        return item_id
    text = getattr(found, "title", None) or getattr(found, "name", None) or getattr(found, "label", None)
    name = text.get(lang) if text else ""
    return f"{name} ({item_id})" if name and name != item_id else item_id


def _value_text(path: ServicePath, name: str, value: object, lang: str) -> str:
    """A field value as the history table shows it (names instead of ids, words instead of codes)."""
    if value is None or value == "" or value == []:
        return ""
    if isinstance(value, bool):
        return t("diff.value.yes" if value else "diff.value.no", lang)
    if name == "kind":
        return t(f"editing.kind.{value}", lang)
    if name == "stage":
        stage = path.stage(str(value))
        return f"{stage.title.get(lang)} ({value})" if stage and stage.title else str(value)
    if name == "actors" and isinstance(value, list):
        names = []
        for actor_id in value:
            actor = path.actor(actor_id)
            names.append(actor.name.get(lang) if actor and actor.name else actor_id)
        return ", ".join(names)
    if name == "channels" and isinstance(value, list):
        return ", ".join(t(f"editing.channel.{v}", lang) for v in value)
    if name in ("audience", "group", "status"):
        return t(f"editing.{name}.{value}", lang)
    if name == "links" and isinstance(value, list):
        return ", ".join(
            f"{(link.get('label') or {}).get(lang) or (link.get('label') or {}).get('fi') or ''} <{link.get('url')}>"
            for link in value
        )
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {v}" for k, v in value.items() if v)
    return str(value)


def diff_flat(old: Flat, new: Flat) -> list[Change]:
    changes: list[Change] = []
    for key in sorted(set(old.meta) | set(new.meta)):
        before, after = old.meta.get(key), new.meta.get(key)
        if before != after:
            changes.append(Change("path", "changed", "", key[0], key[1] if len(key) > 1 else "", before, after))
    for kind in ("stage", "step", "transition", "actor", "contact"):
        before_items, after_items = old.items[kind], new.items[kind]
        for key, fields in after_items.items():
            if key not in before_items:
                changes.append(Change(kind, "added", key))
                continue
            before = before_items[key]
            for name in [*before, *(k for k in fields if k not in before)]:
                if name[0] in IDENTITY:
                    continue
                if before.get(name) != fields.get(name):
                    changes.append(
                        Change(kind, "changed", key, name[0], name[1] if len(name) > 1 else "",
                               before.get(name), fields.get(name))
                    )
        for key in before_items:
            if key not in after_items:
                changes.append(Change(kind, "removed", key))
        if kind == "stage":
            common_before = [k for k in before_items if k in after_items]
            common_after = [k for k in after_items if k in before_items]
            if common_before != common_after:
                changes.append(Change("stage", "reordered", "", "", "", common_before, common_after))
    return changes


def diff_paths(old: ServicePath, new: ServicePath) -> PathDiff:
    """Stages, steps, transitions, actors and contacts added, removed or changed (field by field)."""
    return PathDiff(old, new, diff_flat(flatten(old), flatten(new)))
