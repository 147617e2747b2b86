"""The stored form of a version: compact JSON, and the check every save passes before it is written
(a path built in code skips the schema's checks, so they run again here).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator

from paths.model.schema import ServicePath

# What the stored JSON shows of a text the text rule would change: JSON's escapes of control
# characters (tab and newline aside), lone surrogates, and the raw characters the rule removes.
_SUSPECT_JSON = re.compile(
    r"\\[bfr]|\\u00[01][0-9a-fA-F]|\\u007[fF]|\\u[dD][89a-fA-F]"
    "|[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufdd0-\ufdef\ufffe\uffff]"
)


def _all_ids(path: ServicePath) -> Iterator[str]:
    for items in (path.stages, path.actors, path.contacts):
        yield from (item.id for item in items)
    for step in path.steps:
        yield from (step.id, step.stage, *step.actors, *step.contacts)
    for transition in path.transitions:
        yield from (transition.source, transition.target)


def _checked(path: ServicePath, content: str | None) -> tuple[ServicePath, str]:
    """`path` and its stored JSON as a file holding it would be read: ids and texts set with
    `model_copy` skip the schema's checks, so every save passes them again (the text rule cleans
    what it may; a bad id or a NUL is one PathFileError sentence) before anything is written.

    The common case costs a scan of the JSON and of the ids; only a path that fails them is
    validated again whole (that took two thirds of a save's time)."""
    from paths.formats.files import PathFileError, path_from_data
    from paths.model.ids import is_item_id, is_path_id

    if not is_path_id(path.id):
        raise PathFileError("bad_path_id", id=path.id.encode("unicode_escape").decode("ascii"))
    if (
        content is not None
        and all(is_item_id(item_id) for item_id in _all_ids(path))
        and not _SUSPECT_JSON.search(content)
        and (content.isascii() or unicodedata.is_normalized("NFC", content))
    ):
        return path, content
    path = path_from_data(path.model_dump(mode="json"), path.id)
    return path, content_json(path)


def content_json(path: ServicePath) -> str:
    """The stored form of a version: compact JSON (defaults left out, half the parse time),
    always with its `schema_version` so that a later format can tell old contents apart."""
    compact = path.model_dump_json(exclude_defaults=True)
    prefix = json.dumps({"schema_version": path.schema_version})[:-1]
    return prefix + ("}" if compact == "{}" else "," + compact[1:])
