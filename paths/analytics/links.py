"""Marking two stored paths as one service's current state and target state, both saved as new versions."""

from __future__ import annotations

from paths.editing.experience import set_state_link
from paths.i18n.catalog import t
from paths.store.library import Store
from paths.store.records import UnknownPathError


def link_states(store: Store, current_id: str, target_id: str, author: str, lang: str = "fi") -> tuple[int, int]:
    """`current_id` becomes the current state of `target_id` and `target_id` its target state; the two new
    version numbers. Each save goes on top of the version read (a save in between is refused: StaleVersionError);
    EditError when the two are the same path."""
    saved = []
    for path_id, role, other in ((current_id, "current", target_id), (target_id, "target", current_id)):
        version = store.latest_version(path_id)
        path = store.get_path(path_id, version) if version is not None else None
        if path is None:
            raise UnknownPathError(path_id)
        linked = set_state_link(path, role, other)
        summary = t(f"compare.link.summary_{role}", lang, other=other)
        saved.append(store.save_path(linked, author, summary=summary, base_version=version) if linked != path
                     else version)
    return saved[0], saved[1]
