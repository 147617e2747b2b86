"""Fuzzing the CSV and XLSX readers, and the spreadsheet exports of any stored path.

The spreadsheet reader is being fixed in parallel for issue 15's items 3, 4, 7 and 10; these tests
are written against the issue's rule, not against today's code: where they fail, they fail for
those items (see the final report), and nothing here is skipped to hide it.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from paths.formats.spreadsheet import HEADERS, path_from_spreadsheet, to_csv, to_xlsx
from paths.model.schema import ServicePath
from paths.store.library import Store
from tests.fuzz.checks import stored_or_refused
from tests.fuzz.strategies import hostile_text, mutated, path_data, storable_text

pytestmark = pytest.mark.timeout(900)
COLUMNS = list(HEADERS["fi"].values())


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    fuzz_store = Store(f"sqlite:///{Path(tmp_path_factory.mktemp('fuzz-sheets')) / 'polku.db'}")
    yield fuzz_store
    fuzz_store.close()


header = st.one_of(
    st.just(COLUMNS),
    st.lists(st.sampled_from([*COLUMNS, *HEADERS["en"].values(), ""]), min_size=1, max_size=12),
    st.lists(hostile_text, min_size=1, max_size=6),
)
row_cells = st.lists(st.one_of(hostile_text, st.sampled_from(["", "x", "Vaihe 1", "Askel 1", "Askel 2"])), max_size=10)
sheet_rows = st.tuples(header, st.lists(row_cells, max_size=12)).map(lambda hr: [hr[0], *hr[1]])


def _csv(rows: list[list[str]], delimiter: str, encoding: str) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows(rows)
    return buffer.getvalue().encode(encoding, errors="surrogatepass")


csv_documents = st.one_of(
    st.builds(_csv, sheet_rows, st.sampled_from([";", ",", "\t"]), st.sampled_from(["utf-8", "utf-8-sig"])),
    st.builds(_csv, sheet_rows, st.just(";"), st.just("utf-8")).flatmap(mutated),
    path_data(storable_text).map(lambda data: _exported(data, to_csv)).flatmap(mutated),
    st.binary(max_size=300),
)


def _writable(cell: object) -> object:
    """What openpyxl can write at all (a real workbook never holds the rest)."""
    if not isinstance(cell, str):
        return cell
    return ILLEGAL_CHARACTERS_RE.sub("", cell).encode("utf-8", "replace").decode()


def _xlsx(rows: list[list[object]]) -> bytes:
    workbook = Workbook()
    for row in rows:
        workbook.active.append([_writable(cell) for cell in row])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _exported(data: dict, export) -> bytes:  # noqa: ANN001 - to_csv or to_xlsx
    try:
        return export(ServicePath.model_validate(data), "fi")
    except Exception:  # noqa: BLE001 - data the schema refuses: a sheet of its texts instead
        return _csv([COLUMNS, [str(data.get("title", ""))[:50], "A", ""]], ";", "utf-8")


xlsx_documents = st.one_of(
    sheet_rows.map(_xlsx),
    st.lists(st.lists(st.one_of(hostile_text, st.integers(), st.floats(allow_nan=False), st.booleans(), st.none()),
                      max_size=8), max_size=10).map(lambda rows: _xlsx([COLUMNS, *rows])),
    sheet_rows.map(_xlsx).flatmap(mutated),
    st.binary(max_size=300),
)


@given(data=csv_documents)
def test_csv_reader(store: Store, data: bytes) -> None:
    stored_or_refused(lambda: path_from_spreadsheet(data, "fuzz.csv", path_id="fuzz-csv"), store)


@given(data=xlsx_documents)
def test_xlsx_reader(store: Store, data: bytes) -> None:
    stored_or_refused(lambda: path_from_spreadsheet(data, "fuzz.xlsx", path_id="fuzz-xlsx"), store)


@given(data=path_data(storable_text))
def test_every_stored_path_exports_to_csv_and_xlsx_that_import_again(store: Store, data: dict) -> None:
    """A path the schema takes: its CSV and XLSX exports read back with the same steps (ids and titles)."""
    try:
        path = ServicePath.model_validate(data)
    except ValueError:
        return
    for export, name in ((to_csv, "back.csv"), (to_xlsx, "back.xlsx")):
        again = path_from_spreadsheet(export(path, "fi"), name, path_id=path.id, lang="fi")
        assert sorted(s.id for s in again.steps) == sorted(s.id for s in path.steps), name
        titles = {s.id: " ".join(s.title.get("fi").split()) or s.id for s in path.steps}  # no title: the id
        assert {s.id: " ".join(s.title.get("fi").split()) for s in again.steps} == titles, name
