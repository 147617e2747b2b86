"""Reading and writing path files (YAML, JSON) with limits and one clear error per problem.

Everything that comes from outside passes through here: the size limit, UTF-8, YAML
without anchors or aliases (no alias bombs), nesting at most MAX_DEPTH deep, numbers of at
most MAX_NUMBER_DIGITS digits, no key twice in one mapping, the schema with unknown keys
reported. Each limit is one sentence for the user, never a traceback (docs/security.md).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml
from pydantic import ValidationError

from paths.i18n.catalog import UserError
from paths.model.ids import is_item_id
from paths.model.schema import ServicePath
from paths.model.text_rules import TextRuleError

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_STEPS = 2000
MAX_DEPTH = 32  # a path file needs 6 levels (steps → step → links → link → label → fi)
MAX_NUMBER_DIGITS = 30  # a path file's only number is schema_version
DATA_DIR = Path(__file__).resolve().parents[2] / "data"


class PathFileError(UserError):
    """A file that cannot be read as a path. `message(lang)` is one sentence for the user."""

    key_prefix = "file_error."


class _NoAliasLoader(yaml.SafeLoader):
    """SafeLoader that refuses anchors and aliases (path files never need them), nesting deeper
    than MAX_DEPTH (PyYAML recurses once per level), over-long integers and repeated keys."""

    filename = ""
    _depth = 0

    def compose_node(self, parent, index):  # noqa: ANN001, ANN201 - PyYAML's signature
        if self.check_event(yaml.AliasEvent):
            raise PathFileError("yaml_alias")
        event = self.peek_event()
        if getattr(event, "anchor", None):
            raise PathFileError("yaml_alias")
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise PathFileError("too_deep", name=self.filename, limit=MAX_DEPTH)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def construct_yaml_int(self, node):  # noqa: ANN001, ANN201 - PyYAML's signature
        _check_digits(node.value, self.filename)
        return super().construct_yaml_int(node)

    def construct_mapping(self, node, deep=False):  # noqa: ANN001, ANN201, FBT002 - PyYAML's signature
        seen: set[object] = set()
        for key_node, _ in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.tag != "tag:yaml.org,2002:merge":
                key = self.construct_object(key_node)
                if key in seen:
                    raise PathFileError("duplicate_key", name=self.filename, field=str(key)[:80],
                                        line=_yaml_line(key_node))
                seen.add(key)
        return super().construct_mapping(node, deep=deep)


# PyYAML's table holds SafeConstructor's own function: point it at the digit-checking one.
_NoAliasLoader.add_constructor("tag:yaml.org,2002:int", _NoAliasLoader.construct_yaml_int)


def _yaml_line(node: yaml.Node) -> int | str:
    return node.start_mark.line + 1 if node.start_mark else "?"


def _check_digits(number: str, filename: str) -> None:
    if sum(ch.isdigit() for ch in number) > MAX_NUMBER_DIGITS:
        raise PathFileError("huge_number", name=filename, limit=MAX_NUMBER_DIGITS)


_JSON_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_JSON_BRACKETS = re.compile(r"[\[\]{}]")


def _check_json_depth(text: str, filename: str) -> None:
    """Refuse JSON nested deeper than MAX_DEPTH before the (recursive) decoder sees it."""
    depth = 0
    for bracket in _JSON_BRACKETS.findall(_JSON_STRING.sub("", text)):
        depth += 1 if bracket in "[{" else -1
        if depth > MAX_DEPTH:
            raise PathFileError("too_deep", name=filename, limit=MAX_DEPTH)


def _json_object(filename: str):  # noqa: ANN202 - a json object_pairs_hook
    def unique_keys(pairs: list[tuple[str, object]]) -> dict:
        result: dict = {}
        for key, value in pairs:
            if key in result:
                raise PathFileError("duplicate_json_key", name=filename, field=key[:80])
            result[key] = value
        return result

    return unique_keys


def _json_int(filename: str):  # noqa: ANN202 - a json parse_int hook
    def parse_int(number: str) -> int:
        _check_digits(number, filename)
        return int(number)

    return parse_int


def _parse_json(text: str, filename: str) -> object:
    _check_json_depth(text, filename)
    try:
        return json.loads(text, object_pairs_hook=_json_object(filename), parse_int=_json_int(filename))
    except json.JSONDecodeError as exc:
        raise PathFileError("bad_json", name=filename, line=exc.lineno) from None
    except (ValueError, RecursionError):
        raise PathFileError("bad_json", name=filename, line="?") from None


def _parse_yaml(text: str, filename: str) -> object:
    loader = None
    try:
        loader = _NoAliasLoader(text)  # its reader already refuses unprintable characters
        loader.filename = filename
        return loader.get_single_data()
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1 if isinstance(exc.position, int) else "?"
        raise PathFileError("bad_yaml", name=filename, line=line) from None
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else "?"
        raise PathFileError("bad_yaml", name=filename, line=line) from None
    except (yaml.YAMLError, ValueError, TypeError, OverflowError, RecursionError):
        # ValueError: a date such as 2026-02-30; RecursionError only past MAX_DEPTH's margin.
        raise PathFileError("bad_yaml", name=filename, line="?") from None
    finally:
        if loader is not None:
            loader.dispose()


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
        return _parse_json(text, filename)
    return _parse_yaml(text, filename)


def _location(raw: object, loc: tuple) -> str:
    """`steps → 3 (kela) → kind`: the error's place, naming the item by its id when it has a valid one
    (a hostile "id" — a megabyte, a newline — is never echoed into the sentence)."""
    parts: list[str] = []
    node = raw
    for part in loc:
        if isinstance(part, int) and isinstance(node, list) and 0 <= part < len(node):
            node = node[part]
            item_id = node.get("id") if isinstance(node, dict) else None
            parts.append(f"{part + 1} ({item_id})" if is_item_id(item_id) else str(part + 1))
        else:
            node = node.get(part) if isinstance(node, dict) else None
            text = str(part)
            parts.append(text if text.isprintable() and len(text) <= 60 else ascii(text[:40]))
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
        cause = first.get("ctx", {}).get("error")
        if isinstance(cause, TextRuleError):
            raise PathFileError(f"bad_{cause.key_prefix}{cause.key}", name=filename, where=where) from None
        detail = first["msg"].removeprefix("Value error, ")
        raise PathFileError(key, name=filename, where=where, detail=detail, more=more) from None


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
