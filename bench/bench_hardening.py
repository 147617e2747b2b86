"""Benchmark of issue 15's checks: what the text rule and the save-time re-check cost.

Prints, for a synthetic 200-step path (and the reference measured in the same run):
- validate: `ServicePath.model_validate` of its plain data (every text through the text rule);
- re-check at save: `paths.store.library._checked` (a dump and a validation, as a file is read);
- save: a whole `Store.save_path` on SQLite, of which the re-check is a share;
- read hostile files: a 400-deep JSON and YAML refused by the depth limit (before, a RecursionError).
Figures are the minimum and median of N runs (`--repeat`, default 20); nothing is judged.

Run: `python bench/bench_hardening.py [--repeat N] [--steps N]`.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_store import measure  # noqa: E402 - min/median runs after a warm-up, as the store bench
from bench.synthetic import synthetic_path  # noqa: E402
from paths.formats.files import PathFileError, load_path_bytes  # noqa: E402
from paths.model.schema import LocalText, ServicePath  # noqa: E402
from paths.store.content import _checked  # noqa: E402
from paths.store.library import Store, _content_json  # noqa: E402


def line(name: str, times: list[float], reference: float | None = None) -> None:
    median = statistics.median(times)
    ratio = f"  ({median / reference:.2f}× the save)" if reference else ""
    print(f"{name:<34} min {min(times):8.2f} ms   median {median:8.2f} ms{ratio}")


def refused(data: bytes, name: str) -> None:
    try:
        load_path_bytes(data, name)
    except PathFileError:
        return
    raise AssertionError("accepted")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--steps", type=int, default=200)
    args = parser.parse_args()
    path = synthetic_path(args.steps)
    data = path.model_dump(mode="json")
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(f"sqlite:///{Path(tmp) / 'bench.db'}")
        save = measure(lambda i: store.save_path(path.model_copy(update={"title": LocalText(fi=f"v{i}")}), "bench",
                                                 summary="bench"), args.repeat)
        store.close()
    reference = statistics.median(save)
    print(f"{args.steps}-step path, {args.repeat} runs")
    line("save_path (SQLite, reference)", save)
    line("validate (text rule on every text)", measure(lambda _: ServicePath.model_validate(data), args.repeat),
         reference)
    content = _content_json(path)
    line("re-check at save (_checked)", measure(lambda _: _checked(path, content), args.repeat), reference)
    deep = b"[" * 400 + b"]" * 400
    line("400-deep JSON refused", measure(lambda _: refused(deep, "d.json"), args.repeat), reference)
    line("400-deep YAML refused", measure(lambda _: refused(deep, "d.yaml"), args.repeat), reference)


if __name__ == "__main__":
    main()
