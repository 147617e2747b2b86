"""Stores for a browser test's own server: the built-in paths and one personal path of a built-in path."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from paths.model.schema import ServicePath
from paths.personal.model import PersonalFill
from paths.personal.store import get_personal_store
from paths.store.library import get_store


def seeded_with_personal(
    tmp: Path, path_id: str, fill_for: Callable[[ServicePath], PersonalFill]
) -> tuple[ServicePath, str]:
    """Fill `tmp`'s library with the built-in paths and make one personal path of `path_id`, filled in
    with `fill_for(path)`, in the database files a `streamlit_server(tmp)` opens; returns the path
    and the link token."""
    store = get_store(f"sqlite:///{tmp / 'polku.db'}")
    store.ensure_seeded()
    path = store.get_path(path_id)
    personal_store = get_personal_store(f"sqlite:///{tmp / 'polku-personal.db'}")
    personal, token = personal_store.create(
        path, store.latest_version(path_id), owner="tester", display_name="Kokeilija", lang="fi"
    )
    personal_store.save_fill(personal.id, fill_for(path), "tester")
    return path, token
