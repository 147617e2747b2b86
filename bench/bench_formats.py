"""Reading and writing the interchange formats, against a reference measured in the same run.

Run: `python bench/bench_formats.py [--runs 5]`. The hostile inputs of issue 15 — a CSV whose header
has 20,000 empty cells followed by 20,000 empty lines, and a 6 KB XLSX with one cell at XFD3 and one
at A20006 — are timed beside an ordinary sheet of the same path, so the ratio shows that they cost
what their content costs (they took 17 s and 87 s before). Then the exports and imports of the
Pohjanmaa model in every format, beside its YAML (the reference). Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.fuzz.hostile import sparse_xlsx  # noqa: E402 - the same file the corpus test refuses


def best(fn, runs: int) -> float:  # noqa: ANN001 - a function of no arguments
    """The fastest of `runs` calls in milliseconds (the least disturbed by other processes)."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return min(times)


def refused(fn) -> None:  # noqa: ANN001
    from paths.formats.files import PathFileError

    try:
        fn()
    except PathFileError:
        return
    raise SystemExit("a hostile input was accepted")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs

    from paths.cli.editing import export_bytes
    from paths.formats.bpmn import read_bpmn
    from paths.formats.files import builtin_paths, load_path_bytes
    from paths.formats.spreadsheet import path_from_spreadsheet, to_csv, to_xlsx

    path = next(p for p in builtin_paths() if p.id == "pohjanmaa")
    normal_csv, normal_xlsx = to_csv(path, "fi"), to_xlsx(path, "fi")
    wide_csv = ("vaihe;askel;seuraava" + ";" * 20_000 + "\n" + "\n" * 20_000).encode()
    sparse = sparse_xlsx()
    reference_csv = best(lambda: path_from_spreadsheet(normal_csv, "p.csv"), runs)
    reference_xlsx = best(lambda: path_from_spreadsheet(normal_xlsx, "p.xlsx"), runs)
    wide = best(lambda: refused(lambda: path_from_spreadsheet(wide_csv, "wide.csv")), runs)
    sparse_ms = best(lambda: refused(lambda: path_from_spreadsheet(sparse, "sparse.xlsx")), runs)
    print(f"wide CSV header ({len(wide_csv) // 1024} KB): {wide:.1f} ms, "
          f"{wide / reference_csv:.1f} x reading the model's CSV ({reference_csv:.1f} ms); was 17,000 ms")
    print(f"sparse XLSX ({len(sparse) // 1024} KB, XFD3 + A20006): {sparse_ms:.1f} ms, "
          f"{sparse_ms / reference_xlsx:.1f} x reading the model's XLSX ({reference_xlsx:.1f} ms); was 87,000 ms")

    yaml_bytes = export_bytes(path, "yaml", "fi")
    reference = best(lambda: export_bytes(path, "yaml", "fi"), runs)
    read_reference = best(lambda: load_path_bytes(yaml_bytes, "p.yaml"), runs)
    print(f"reference: YAML export {reference:.1f} ms, YAML import {read_reference:.1f} ms "
          f"({len(path.steps)} steps)")
    readers = {
        "csv": lambda data: path_from_spreadsheet(data, "p.csv"),
        "xlsx": lambda data: path_from_spreadsheet(data, "p.xlsx"),
        "ods": lambda data: path_from_spreadsheet(data, "p.ods"),
        "bpmn": lambda data: read_bpmn(data, "p.bpmn"),
    }
    for fmt in ("json", "csv", "xlsx", "ods", "bpmn", "mermaid-flowchart", "mermaid-journey"):
        data = export_bytes(path, fmt, "fi")
        write = best(lambda fmt=fmt: export_bytes(path, fmt, "fi"), runs)
        line = f"{fmt:18} write {write:7.1f} ms ({write / reference:5.1f} x YAML)"
        if fmt in readers:
            read = best(lambda fmt=fmt, data=data: readers[fmt](data), runs)
            line += f"   read {read:7.1f} ms ({read / read_reference:5.1f} x YAML)"
        print(line + f"   {len(data) // 1024} KB")
    from paths.formats.publish import publish_page

    page = statistics.median([best(lambda: publish_page(path, "client", "fi"), 1) for _ in range(max(1, runs // 2))])
    print(f"published page (client, fi, with dot): {page:.0f} ms")


if __name__ == "__main__":
    main()
