"""Several sheets in one XLSX: the workshop report and the portfolio.

Text cells are explicit strings (never formulas, whatever they start with); numbers stay numbers so that
a spreadsheet can sum the votes. The header row is bold and frozen, long texts wrap.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

SHEET_TITLE_FORBIDDEN = {ord(c): " " for c in "[]:*?/\\"}


def sheet_title(title: str, used: set[str]) -> str:
    """A title Excel accepts (31 characters, none of []:*?/\\), unique in the workbook."""
    base = (title or "Polku").translate(SHEET_TITLE_FORBIDDEN)[:31].strip() or "Polku"
    name, number = base, 2
    while name.casefold() in used:
        name = f"{base[:27]} ({number})"
        number += 1
    used.add(name.casefold())
    return name


def workbook(sheets: Sequence[tuple[str, Sequence[Sequence[object]]]]) -> bytes:
    """(title, rows) per sheet, the first row of each its header."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    book.remove(book.active)
    used: set[str] = set()
    for title, rows in sheets:
        sheet = book.create_sheet(sheet_title(title, used))
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                cell = sheet.cell(row=r, column=c)
                if isinstance(value, bool) or not isinstance(value, int | float):
                    cell.value = "" if value is None else str(value)
                    cell.data_type = "s"
                else:
                    cell.value = value
                if r == 1:
                    cell.font = Font(bold=True)
                else:
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
        widths = [max((len(str(row[c])) for row in rows if c < len(row)), default=8) for c in range(len(rows[0]))] \
            if rows else []
        for c, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(c)].width = min(max(width + 2, 8), 60)
        sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
