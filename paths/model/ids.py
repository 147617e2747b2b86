"""Ids made from names: readable, stable slugs that never collide.

Spreadsheets and the editor name things; the model needs ids. A slug keeps the id readable
in YAML files and URLs (`verkostokokous`, not `step-17`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

_NOT_SLUG = re.compile(r"[^a-z0-9]+")
# The id rules, written once: the schema's fields (`Slug`, `ItemId`), the JSON Schema and the
# checks below use these. `^`/`$` in the schema's patterns are pydantic's (Rust) and JSON Schema's,
# where `$` is the end of the text; in Python, `$` also matches before a final newline, so the
# checks here use `fullmatch` on the pattern's body instead.
ITEM_ID_BODY = r"[A-Za-z0-9][A-Za-z0-9_.-]{0,79}"
PATH_ID_BODY = r"[a-z0-9][a-z0-9-]{0,63}"
ITEM_ID_PATTERN = f"^{ITEM_ID_BODY}$"
PATH_ID_PATTERN = f"^{PATH_ID_BODY}$"
ITEM_ID = re.compile(ITEM_ID_BODY)
PATH_ID = re.compile(PATH_ID_BODY)


def slugify(name: str, fallback: str = "item", max_length: int = 48) -> str:
    """`Työkyvyn tuen tiimi` → `tyokyvyn-tuen-tiimi`; `fallback` when nothing usable is left."""
    ascii_text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    slug = _NOT_SLUG.sub("-", ascii_text.lower()).strip("-")[:max_length].strip("-")
    return slug or fallback


def unique_id(name: str, taken: Iterable[str], fallback: str = "item") -> str:
    """A slug of `name` not in `taken`: `name`, `name-2`, `name-3`, ..."""
    taken = set(taken)
    base = slugify(name, fallback)
    candidate = base
    number = 2
    while candidate in taken:
        candidate = f"{base}-{number}"
        number += 1
    return candidate


def is_item_id(value: object) -> bool:
    """True for a stage, actor, step or contact id: the whole text, no trailing newline."""
    return isinstance(value, str) and ITEM_ID.fullmatch(value) is not None


def is_path_id(value: object) -> bool:
    """True for a path id (a slug): the whole text, no trailing newline."""
    return isinstance(value, str) and PATH_ID.fullmatch(value) is not None
