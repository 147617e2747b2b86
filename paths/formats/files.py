"""Reading and writing path files (YAML, JSON) with limits and one clear error per problem.

Everything that comes from outside passes through here: the size limit, UTF-8, YAML
without anchors or aliases (no alias bombs), the schema with unknown keys reported.
"""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from pydantic import ValidationError

from paths.i18n.catalog import UserError
from paths.model.schema import ServicePath

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_STEPS = 2000
DATA_DIR = Path(__file__).resolve().parents[2] / "data"


class PathFileError(UserError):
    """A file that cannot be read as a path. `message(lang)` is one sentence for the user."""

    key_prefix = "file_error."


class _NoAliasLoader(yaml.SafeLoader):
    """SafeLoader that refuses anchors and aliases: path files never need them."""

    def compose_node(self, parent, index):  # noqa: ANN001, ANN201 - PyYAML's signature
        if self.check_event(yaml.AliasEvent):
            raise PathFileError("yaml_alias")
        event = self.peek_event()
        if getattr(event, "anchor", None):
            raise PathFileError("yaml_alias")
        return super().compose_node(parent, index)


def parse_data(data: bytes, filename: str = "") -> object:
    """Bytes of a YAML or JSON file to plain Python data, or PathFileError."""
    if len(data) > MAX_FILE_BYTES:
        raise PathFileError("too_large", name=filename, limit_mb=MAX_FILE_BYTES // (1024 * 1024))
    if not data.strip():
        raise PathFileError("empty", name=filename)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise PathFileError("not_utf8", name=filename) from None
    if filename.lower().endswith(".json"):
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            raise PathFileError("bad_json", name=filename, line=exc.lineno) from None
    try:
        return yaml.load(text, Loader=_NoAliasLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else "?"
        raise PathFileError("bad_yaml", name=filename, line=line) from None
    except yaml.YAMLError:
        raise PathFileError("bad_yaml", name=filename, line="?") from None


def _location(raw: object, loc: tuple) -> str:
    """`steps → 3 (kela) → kind`: the error's place, naming the item by its id when it has one."""
    parts: list[str] = []
    node = raw
    for part in loc:
        if isinstance(part, int) and isinstance(node, list) and 0 <= part < len(node):
            node = node[part]
            item_id = node.get("id") if isinstance(node, dict) else None
            parts.append(f"{part + 1} ({item_id})" if isinstance(item_id, str) else str(part + 1))
        else:
            node = node.get(part) if isinstance(node, dict) else None
            parts.append(str(part))
    return " → ".join(parts) or "/"


def path_from_data(raw: object, filename: str = "") -> ServicePath:
    """Plain data to a ServicePath, or PathFileError naming the first wrong field."""
    if not isinstance(raw, dict):
        raise PathFileError("not_mapping", name=filename)
    steps = raw.get("steps")
    if isinstance(steps, list) and len(steps) > MAX_STEPS:
        raise PathFileError("too_many_steps", name=filename, count=len(steps), limit=MAX_STEPS)
    try:
        return ServicePath.model_validate(raw)
    except ValidationError as exc:
        errors = exc.errors()
        first = errors[0]
        kind = first["type"]
        key = {
            "extra_forbidden": "unknown_key",
            "missing": "missing_key",
        }.get(kind, "bad_value")
        where = _location(raw, tuple(first["loc"]))
        more = len(errors) - 1
        raise PathFileError(key, name=filename, where=where, detail=first["msg"], more=more) from None


def load_path_bytes(data: bytes, filename: str = "") -> ServicePath:
    """A path from the bytes of a YAML or JSON file."""
    return path_from_data(parse_data(data, filename), filename)


def load_path_file(file: str | Path) -> ServicePath:
    """A path from a file on disk; an unreadable file is a PathFileError too."""
    file = Path(file)
    try:
        if file.stat().st_size > MAX_FILE_BYTES:
            raise PathFileError("too_large", name=file.name, limit_mb=MAX_FILE_BYTES // (1024 * 1024))
        data = file.read_bytes()
    except OSError:
        raise PathFileError("unreadable", name=file.name) from None
    return load_path_bytes(data, file.name)


def path_to_data(path: ServicePath) -> dict:
    """The path as plain data, leaving out empty optional fields so files stay readable."""
    return path.model_dump(mode="json", exclude_defaults=True, exclude={"schema_version"}) | {
        "schema_version": path.schema_version
    }


def dump_yaml(path: ServicePath) -> str:
    data = path_to_data(path)
    ordered = {"schema_version": data.pop("schema_version"), **data}
    return yaml.safe_dump(ordered, allow_unicode=True, sort_keys=False, width=100)


def dump_json(path: ServicePath) -> str:
    data = path_to_data(path)
    ordered = {"schema_version": data.pop("schema_version"), **data}
    return json.dumps(ordered, ensure_ascii=False, indent=2)


def builtin_paths() -> list[ServicePath]:
    """The paths shipped in `data/` (ari, maija, pohjanmaa, ...), sorted by id."""
    return sorted((load_path_file(f) for f in DATA_DIR.glob("*.yaml")), key=lambda p: p.id)
