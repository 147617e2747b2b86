"""The change summary of a save, in every language, as LocalText JSON.

`paths.model.diff` gives the field-by-field summary; when it fails, a count of added, removed and
changed items stands in, because a summary must never cost a save.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from sqlalchemy import Connection, select

from paths.i18n.catalog import t
from paths.model.schema import LANGS, ServicePath
from paths.model.text_rules import STORED
from paths.store.tables import versions_table

logger = logging.getLogger("paths.store.library")  # the library's logger, as before this module was split off


def _local_text_json(fn: Any) -> str:
    """A LocalText built by calling `fn(lang)` for each language, as JSON."""
    return json.dumps({lang: fn(lang) for lang in LANGS}, ensure_ascii=False)


def _simple_changes(old: dict, new: dict) -> dict[str, tuple[int, int, int]]:
    """(added, removed, changed) for steps, stages and transitions, compared by id."""

    def keyed(items: list[dict], key: Any) -> dict:
        return {key(item): item for item in items}

    out: dict[str, tuple[int, int, int]] = {}
    for name, key in (
        ("steps", lambda item: item["id"]),
        ("stages", lambda item: item["id"]),
        ("transitions", lambda item: (item["source"], item["target"])),
    ):
        before, after = keyed(old.get(name, []), key), keyed(new.get(name, []), key)
        added = len(after.keys() - before.keys())
        removed = len(before.keys() - after.keys())
        changed = sum(1 for k in after.keys() & before.keys() if after[k] != before[k])
        out[name] = (added, removed, changed)
    return out


def _fallback_summary(old: dict, new: dict, lang: str) -> str:
    """A short count of what changed, for when `paths.model.diff` is not available."""
    parts = []
    for name, (added, removed, changed) in _simple_changes(old, new).items():
        if added or removed or changed:
            parts.append(t(f"store.summary.{name}", lang, added=added, removed=removed, changed=changed))
    other = {k: v for k, v in old.items() if k not in ("steps", "stages", "transitions")} != {
        k: v for k, v in new.items() if k not in ("steps", "stages", "transitions")
    }
    if other:
        parts.append(t("store.summary.details", lang))
    return "; ".join(parts) if parts else t("store.summary.no_changes", lang)


def _auto_summary(old_content: str, new: ServicePath, new_content: str) -> str:
    """The change summary in every language, as LocalText JSON.

    `paths.model.diff` gives the field-by-field summary; if it is missing or fails, a count of
    added, removed and changed items is used instead, because a summary must never cost a save.
    """
    try:
        from paths.model.diff import diff_paths

        diff = diff_paths(ServicePath.model_validate_json(old_content, context=STORED), new)
        return _local_text_json(diff.summary)
    except Exception:
        logger.exception("paths.model.diff failed; using the simple change summary")
    old, current = json.loads(old_content), json.loads(new_content)
    return _local_text_json(lambda lang: _fallback_summary(old, current, lang))


def _summary_in(
    connection: Connection, row: Any, path: ServicePath, content: str, prepared: tuple[int, str] | None
) -> str:
    """The change summary of a save, as LocalText JSON: "first version", the one prepared before the
    write lock when its version is still the latest, else computed against the latest content."""
    if row is None:
        return _local_text_json(lambda lang: t("store.summary.first", lang))
    if prepared is not None and prepared[0] == row.latest_version:
        return prepared[1]
    old_content = connection.execute(
        select(versions_table.c.content).where(
            versions_table.c.path_id == path.id, versions_table.c.version == row.latest_version
        )
    ).scalar_one()
    return _auto_summary(old_content, path, content)
