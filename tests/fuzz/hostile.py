"""Hostile files made at run time (too large or too many to commit), for the corpus tests and the bench."""

from __future__ import annotations

import io

from openpyxl import Workbook


def sparse_xlsx() -> bytes:
    """Issue 15 item 4: one cell at XFD3 and one at A20006 (openpyxl would pad every row to 16,384 cells)."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["vaihe", "askel", "seuraava"])
    sheet["XFD3"] = "x"
    sheet["A20006"] = "y"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
