"""The published JSON Schema of the path file format, written from the model.

`data/schema/service-path.schema.json` is generated, never edited by hand; a test compares it
with `schema_text()` so that it cannot go stale when the model changes. Regenerate it with
`python -m paths.formats.json_schema`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from paths.model.schema import json_schema

SCHEMA_FILE = Path(__file__).resolve().parents[2] / "data" / "schema" / "service-path.schema.json"


def schema_text() -> str:
    """The schema as stable text: keys sorted, two-space indent, UTF-8 kept, one final newline."""
    return json.dumps(json_schema(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def write_schema(path: str | Path = SCHEMA_FILE) -> Path:
    """Write the schema to `path` (creating its folder) and return the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(schema_text(), encoding="utf-8")
    return path


if __name__ == "__main__":
    print(write_schema(sys.argv[1] if len(sys.argv) > 1 else SCHEMA_FILE))
