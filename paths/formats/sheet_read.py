"""The cells of a sheet as text, from CSV, XLSX or ODS bytes, with every bound checked before the
work it guards.

Everything from outside is distrusted: the file size, what an archive unpacks to, the number of
rows with content (`MAX_ROWS`) and of columns (`MAX_COLUMNS`) are limited, and formula cells are
refused. Sparse sheets cost what their content costs: XLSX rows are read as openpyxl's parser
gives them (only the cells that exist, never padded to the widest row) and ODS repeats of empty
cells are never expanded. Each problem is one `SpreadsheetError` sentence naming the row.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime, time

from paths.formats.cells import one_line
from paths.formats.files import MAX_FILE_BYTES, MAX_STEPS, PathFileError
from paths.formats.headers import MAX_COLUMNS

MAX_ROWS = MAX_STEPS
MAX_XLSX_UNPACKED = 64 * 1024 * 1024
# Rows a sheet may reach down to, counting empty ones: far more than MAX_ROWS steps need.
MAX_ROW_NUMBER = 10 * MAX_ROWS
SHEET_SUFFIXES = (".csv", ".txt", ".xlsx", ".xlsm", ".ods")


class SpreadsheetError(PathFileError):
    """A sheet that cannot become a path; `message(lang)` is one sentence naming the row (the sheet's
    own text in it on one line and short, whatever the cell held)."""

    key_prefix = "sheet_error."

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key, **{k: one_line(v) if isinstance(v, str) else v for k, v in params.items()})


@dataclass
class Sheet:
    """The cells of a sheet as text: the header row and the data rows with their row numbers."""

    name: str
    header: list[str]
    rows: list[tuple[int, list[str]]] = field(default_factory=list)
    filled: int = 0
    # CSV is the one format whose cells our export formula-guards (XLSX and ODS cells are typed as text).
    guarded: bool = False

    def add(self, number: int, cells: list[str]) -> None:
        """Add a data row; refuse the sheet as soon as it has more steps than a path may have,
        so that a 10,000-row sheet is turned down without reading it all."""
        self.rows.append((number, cells))
        if any(cell.strip() for cell in cells):
            self.filled += 1
            if self.filled > MAX_ROWS:
                raise SpreadsheetError("too_many_rows", name=self.name, limit=MAX_ROWS)

    def used_columns(self) -> set[int]:
        """Indices of the columns that hold data in any row: one pass over the cells."""
        used: set[int] = set()
        for _, cells in self.rows:
            used.update(index for index, cell in enumerate(cells) if cell.strip())
        return used


def column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def column_label(header: list[str], index: int) -> str:
    """A column as a sentence names it: its header, else its letter."""
    label = header[index].strip() if index < len(header) else ""
    return label or column_letter(index)


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return str(value)


class _Builder:
    """Collects rows into a `Sheet`: the first row with content is the header, later rows are
    numbered from it; a header wider than `MAX_COLUMNS` cells with content is refused."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.sheet: Sheet | None = None
        self.header_row = 0

    def row(self, number: int, cells: list[str]) -> None:
        if self.sheet is None:
            while cells and not cells[-1].strip():
                cells.pop()
            if not cells:
                return
            if len(cells) > MAX_COLUMNS:
                raise SpreadsheetError("too_many_columns", name=self.name, limit=MAX_COLUMNS)
            self.sheet = Sheet(name=self.name, header=cells)
            self.header_row = number
            return
        self.sheet.add(number - self.header_row + 1, cells)

    def result(self) -> Sheet:
        if self.sheet is None:
            raise SpreadsheetError("empty", name=self.name)
        return self.sheet


def _decode_csv(data: bytes, name: str) -> str:
    """UTF-8 (with or without BOM), UTF-16 with a BOM, else Excel's Windows-1252 export."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise SpreadsheetError("encoding", name=name) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        raise SpreadsheetError("encoding", name=name) from None


def _sniff_delimiter(text: str) -> str:
    """`;` (Excel in Finnish and Swedish locales), `,` or tab: whichever the header line has most of."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    counts = {sep: 0 for sep in (";", ",", "\t")}
    quoted = False
    for char in first:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    best = max(counts, key=lambda sep: counts[sep])
    return best if counts[best] else ","


def read_csv_cells(data: bytes, name: str = "") -> Sheet:
    """A CSV's cells; a data cell that starts with `=` is a formula and refused."""
    text = _decode_csv(data, name)
    if "\x00" in text:
        raise SpreadsheetError("encoding", name=name)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_sniff_delimiter(text))
    builder = _Builder(name)
    try:
        for number, row in enumerate(reader, start=1):
            builder.row(number, row)
    except csv.Error:
        raise SpreadsheetError("bad_csv", name=name) from None
    sheet = builder.result()
    sheet.guarded = True
    for number, cells in sheet.rows:
        for column, cell in enumerate(cells):
            if cell.startswith("="):
                raise SpreadsheetError("formula", name=name, row=number, column=column_label(sheet.header, column))
    return sheet


def _xlsx_row(cells: list[dict], number: int, builder: _Builder) -> list[str]:
    """One parsed XLSX row (only its existing cells, 1-based `column`) as a padded list of text."""
    values: dict[int, str] = {}
    for cell in cells:
        column = cell["column"] - 1
        text = _cell_text(cell["value"])
        if cell.get("data_type") == "f":
            header = builder.sheet.header if builder.sheet else []
            raise SpreadsheetError("formula", name=builder.name, row=number, column=column_label(header, column))
        if text.strip():
            if column >= MAX_COLUMNS:
                raise SpreadsheetError("too_many_columns", name=builder.name, limit=MAX_COLUMNS)
            values[column] = text
    width = max(values, default=-1) + 1
    return [values.get(index, "") for index in range(width)]


def read_xlsx_cells(data: bytes, name: str = "") -> Sheet:
    """The first worksheet, read without evaluating anything; formula cells are refused.

    Rows come from openpyxl's own sheet parser (a private class: its public iterators pad every row
    to the widest column and every gap of rows, which made a 6 KB sparse workbook take minutes)."""
    from openpyxl import load_workbook
    from openpyxl.worksheet._reader import WorkSheetParser

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if sum(info.file_size for info in archive.infolist()) > MAX_XLSX_UNPACKED:
                raise SpreadsheetError("too_large_unpacked", name=name,
                                       limit_mb=MAX_XLSX_UNPACKED // (1024 * 1024))
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except SpreadsheetError:
        raise
    except Exception:  # noqa: BLE001 - openpyxl raises many kinds for a broken file; all mean the same
        raise SpreadsheetError("bad_xlsx", name=name) from None
    builder = _Builder(name)
    try:
        if not workbook.worksheets:
            raise SpreadsheetError("empty", name=name)
        worksheet = workbook.worksheets[0]
        with worksheet._get_source() as source:  # noqa: SLF001 - see the docstring
            parser = WorkSheetParser(source, worksheet._shared_strings, data_only=False,  # noqa: SLF001
                                     epoch=workbook.epoch, date_formats=workbook._date_formats,  # noqa: SLF001
                                     timedelta_formats=workbook._timedelta_formats)  # noqa: SLF001
            last = 0
            for number, cells in parser.parse():
                cells_text = _xlsx_row(cells, number, builder)
                if not cells_text:
                    continue
                if number > MAX_ROW_NUMBER:
                    raise SpreadsheetError("too_many_rows", name=name, limit=MAX_ROWS)
                if builder.sheet is not None and number > last + 1:
                    builder.row(last + 1, [])  # the gap: one empty row stands for all of it
                builder.row(number, cells_text)
                last = number
    except SpreadsheetError:
        raise
    except Exception:  # noqa: BLE001 - a damaged sheet part
        raise SpreadsheetError("bad_xlsx", name=name) from None
    finally:
        workbook.close()
    return builder.result()


def read_ods_cells(data: bytes, name: str = "") -> Sheet:
    """The first table of an ODS file (see `paths.formats.ods`)."""
    from paths.formats.ods import OdsProblem, read_ods_rows

    builder = _Builder(name)
    try:
        last = 0
        for number, cells in read_ods_rows(data, MAX_COLUMNS, MAX_ROW_NUMBER):
            if builder.sheet is not None and number > last + 1:
                builder.row(last + 1, [])
            builder.row(number, cells)
            last = number
    except OdsProblem as problem:
        if problem.reason == "formula":
            header = builder.sheet.header if builder.sheet else []
            raise SpreadsheetError("formula", name=name, row=problem.row,
                                   column=column_label(header, problem.column)) from None
        if problem.reason == "too_wide":
            raise SpreadsheetError("too_many_columns", name=name, limit=MAX_COLUMNS) from None
        if problem.reason == "too_long":
            raise SpreadsheetError("too_many_rows", name=name, limit=MAX_ROWS) from None
        if problem.reason == "too_large":
            limit_mb = MAX_XLSX_UNPACKED // (1024 * 1024)
            raise SpreadsheetError("too_large_unpacked", name=name, limit_mb=limit_mb) from None
        raise SpreadsheetError("bad_ods", name=name) from None
    return builder.result()


def read_cells(data: bytes, filename: str) -> Sheet:
    """CSV, XLSX or ODS by the file name (or by the bytes when the name says none of them)."""
    name = filename or "-"
    if len(data) > MAX_FILE_BYTES:
        raise SpreadsheetError("too_large", name=name, limit_mb=MAX_FILE_BYTES // (1024 * 1024))
    if not data.strip():
        raise SpreadsheetError("empty", name=name)
    lower = filename.lower()
    if lower.endswith((".xls", ".numbers", ".fods")):
        raise SpreadsheetError("unsupported_format", name=name)
    if lower.endswith(".ods") or (not lower.endswith(SHEET_SUFFIXES) and data[:4] == b"PK\x03\x04"
                                  and b"opendocument.spreadsheet" in data[:100]):
        return read_ods_cells(data, name)
    if lower.endswith((".xlsx", ".xlsm")) or (not lower.endswith((".csv", ".txt")) and data[:4] == b"PK\x03\x04"):
        return read_xlsx_cells(data, name)
    return read_csv_cells(data, name)
