"""Hypothesis strategies: hostile texts, path-shaped data (valid and broken) and file bytes."""

from __future__ import annotations

import json

import yaml
from hypothesis import strategies as st

from tests.fuzz.payloads import ALL, STORABLE

ANY_CHAR = st.characters(exclude_categories=())  # every code point, lone surrogates too
KINDS = ["action", "contact", "meeting", "network_meeting", "decision", "document", "self_assessment", "end"]
GROUPS = ["client_side", "coordinator", "professional", "organisation"]

hostile_text = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=ANY_CHAR, max_size=12),
    st.sampled_from(ALL),
    st.lists(st.sampled_from(ALL), min_size=2, max_size=3).map(" ".join),
)
storable_text = st.one_of(st.text(max_size=40), st.sampled_from(STORABLE))
slug = st.from_regex(r"\A[a-z0-9][a-z0-9-]{0,12}\Z")
item_id = st.one_of(st.from_regex(r"\A[A-Za-z0-9][A-Za-z0-9_.-]{0,10}\Z"), st.sampled_from(["s1", "s2", "v1"]))
bad_id = st.one_of(hostile_text, st.sampled_from(["evil\n", "a b", "", "-x", "ä"]))


def local_text(text: st.SearchStrategy[str]) -> st.SearchStrategy[object]:
    return st.one_of(text, st.fixed_dictionaries({}, optional={"fi": text, "sv": text, "en": text}))


@st.composite
def path_data(draw: st.DrawFn, text: st.SearchStrategy[str] = hostile_text) -> dict:
    """A dict shaped like a path file; its texts are drawn from `text`, its ids mostly valid."""
    stage_ids = draw(st.lists(item_id, min_size=1, max_size=3, unique=True))
    actor_ids = draw(st.lists(item_id, max_size=3, unique=True))
    step_ids = draw(st.lists(item_id, min_size=1, max_size=5, unique=True))
    safe = st.sampled_from(["https://example.invalid/a", "mailto:a@example.invalid"])
    url = st.one_of(safe, safe, text.map(lambda tail: f"https://example.invalid/{tail}"), text)
    steps = [
        {
            "id": step_id,
            "stage": draw(st.sampled_from(stage_ids)),
            "title": draw(local_text(text)),
            "description": draw(local_text(text)),
            "client_text": draw(local_text(text)),
            "actors": draw(st.lists(st.sampled_from(actor_ids), max_size=2, unique=True)) if actor_ids else [],
            "kind": draw(st.sampled_from(KINDS)),
            "coordinator": draw(st.booleans()),
            "links": draw(st.lists(st.fixed_dictionaries({"label": local_text(text), "url": url}), max_size=2)),
        }
        for step_id in step_ids
    ]
    pairs = st.tuples(st.sampled_from(step_ids), st.sampled_from(step_ids))
    transitions = [
        {"source": source, "target": target, "condition": draw(local_text(text))}
        for source, target in draw(st.lists(pairs, max_size=5, unique=True))
        if source != target
    ]
    return {
        "schema_version": 1,
        "id": draw(st.one_of(slug, slug, slug, slug, slug, bad_id)),
        "title": draw(local_text(text)),
        "summary": draw(local_text(text)),
        "stages": [{"id": stage_id, "title": draw(local_text(text))} for stage_id in stage_ids],
        "actors": [
            {"id": a, "name": draw(local_text(text)), "group": draw(st.sampled_from(GROUPS))} for a in actor_ids
        ],
        "steps": steps,
        "transitions": transitions,
    }


json_value = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), hostile_text),
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(hostile_text, inner, max_size=4)),
    max_leaves=12,
)


@st.composite
def broken_path_data(draw: st.DrawFn) -> object:
    """A path-shaped dict with one value somewhere replaced by anything at all."""
    data = draw(path_data())
    node: object = data
    for _ in range(draw(st.integers(0, 3))):
        if isinstance(node, dict) and node:
            key = draw(st.sampled_from(sorted(node)))
            if draw(st.booleans()):
                node[key] = draw(json_value)
                return data
            node = node[key]
        elif isinstance(node, list) and node:
            node = node[draw(st.integers(0, len(node) - 1))]
    if isinstance(node, dict):
        node[draw(hostile_text)] = draw(json_value)
    return data


def _yaml_bytes(data: object) -> bytes:
    try:
        return yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode("utf-8")
    except (yaml.YAMLError, UnicodeEncodeError):
        return json.dumps(data).encode("utf-8")  # JSON is YAML too, with \\u escapes for what UTF-8 cannot hold


def _json_bytes(data: object) -> bytes:
    return json.dumps(data, ensure_ascii=True).encode("utf-8")


@st.composite
def mutated(draw: st.DrawFn, document: bytes) -> bytes:
    """`document` with a few bytes flipped, inserted or cut away: a file damaged on its way."""
    data = bytearray(document)
    for _ in range(draw(st.integers(1, 4))):
        # A fraction, not an index: the draws stay the same when the document's length varies
        # (an XLSX holds its own timestamps), so hypothesis can replay and shrink a case.
        position = int(draw(st.floats(0, 1)) * len(data))
        action = draw(st.sampled_from(["insert", "delete", "replace", "truncate"]))
        if action == "insert":
            data[position:position] = draw(st.binary(min_size=1, max_size=4))
        elif action == "delete":
            del data[position : position + draw(st.integers(1, 8))]
        elif action == "replace":
            byte = draw(st.integers(0, 255))
            if position < len(data):
                data[position] = byte
        elif action == "truncate":
            del data[position:]
    return bytes(data)


def document_bytes(serialise) -> st.SearchStrategy[bytes]:  # noqa: ANN001 - `_yaml_bytes` or `_json_bytes`
    """Bytes of a file for one reader: a valid-shaped path, a broken one, a damaged file, noise."""
    shaped = st.one_of(path_data(), path_data(storable_text), broken_path_data(), json_value).map(serialise)
    return st.one_of(shaped, shaped, shaped.flatmap(mutated), st.binary(max_size=200))


yaml_documents = document_bytes(_yaml_bytes)
json_documents = document_bytes(_json_bytes)
