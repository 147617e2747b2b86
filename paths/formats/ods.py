"""LibreOffice's OpenDocument spreadsheet (.ods): the first table's cells read as text, and rows
written as one table of string cells.

The file is a zip with `content.xml`. It is read with defusedxml (no DTD, no entities) and
streamed, and what it may unpack to is bounded before any of it is parsed. ODS stores runs of
equal cells and rows as one element with `number-columns-repeated` / `number-rows-repeated`
(LibreOffice writes a million empty rows that way); repeats of empty cells are only counted,
never expanded, and a repeat of a cell with content past the limits is refused, so a sparse
sheet costs what its content costs.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterator
from xml.etree import ElementTree as ET  # noqa: S405 - only to write; reading goes through defusedxml

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

from paths.formats.cells import cell_text

MAX_UNPACKED = 64 * 1024 * 1024
TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
MANIFEST = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"
MIMETYPE = "application/vnd.oasis.opendocument.spreadsheet"


class OdsProblem(Exception):
    """Why an ODS file cannot be read: `reason` is `bad`, `too_large`, `formula` (with `row`,
    `column`) or `too_wide` / `too_long`; the spreadsheet reader turns it into its sentence."""

    def __init__(self, reason: str, row: int = 0, column: int = 0) -> None:
        super().__init__(reason)
        self.reason, self.row, self.column = reason, row, column


def _paragraph_text(element: ET.Element) -> str:
    """A `<text:p>`'s text with `<text:s c=n>` spaces, tabs and line breaks as they show."""
    parts: list[str] = [element.text or ""]
    for child in element:
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "s":
            parts.append(" " * min(int(child.get(f"{{{TEXT}}}c", "1") or 1), 1000))
        elif tag == "tab":
            parts.append("\t")
        elif tag == "line-break":
            parts.append("\n")
        else:
            parts.append(_paragraph_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _cell_value(cell: ET.Element) -> str:
    paragraphs = [_paragraph_text(p) for p in cell.findall(f"{{{TEXT}}}p")]
    if paragraphs:
        return "\n".join(paragraphs)
    for attribute in ("value", "date-value", "time-value", "boolean-value"):
        value = cell.get(f"{{{OFFICE}}}{attribute}")
        if value is not None:
            return value
    return ""


def _repeat(element: ET.Element, attribute: str) -> int:
    try:
        return max(1, int(element.get(f"{{{TABLE}}}{attribute}", "1")))
    except ValueError:
        raise OdsProblem("bad") from None


def _row_cells(row: ET.Element, number: int, max_columns: int) -> list[str]:
    """One row's cells; trailing empty cells are dropped, repeats of empty cells never expanded."""
    cells: list[str] = []
    pending_empty = 0
    for cell in row:
        if cell.tag not in (f"{{{TABLE}}}table-cell", f"{{{TABLE}}}covered-table-cell"):
            continue
        count = _repeat(cell, "number-columns-repeated")
        if cell.get(f"{{{TABLE}}}formula") is not None:
            raise OdsProblem("formula", number, len(cells) + pending_empty)
        value = _cell_value(cell)
        if not value:
            pending_empty += count
            continue
        if len(cells) + pending_empty + count > max_columns:
            raise OdsProblem("too_wide")
        cells += [""] * pending_empty + [value] * count
        pending_empty = 0
    return cells


def read_ods_rows(data: bytes, max_columns: int, max_rows: int) -> Iterator[tuple[int, list[str]]]:
    """(row number, cells) of the first table's rows that have content, in order."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED:
                raise OdsProblem("too_large")
            content = archive.read("content.xml")
    except (zipfile.BadZipFile, KeyError, OSError, RuntimeError, ValueError, EOFError, NotImplementedError, zlib.error):
        raise OdsProblem("bad") from None  # every way a damaged archive fails
    number = 0
    try:
        for _event, element in iterparse(io.BytesIO(content), events=("end",), forbid_dtd=True):
            if element.tag == f"{{{TABLE}}}table-row":
                count = _repeat(element, "number-rows-repeated")
                cells = _row_cells(element, number + 1, max_columns)
                if any(cell.strip() for cell in cells):
                    if number + count > max_rows:
                        raise OdsProblem("too_long")
                    for offset in range(count):
                        yield number + offset + 1, cells
                number += count
                element.clear()
            elif element.tag == f"{{{TABLE}}}table":
                return
    except (ET.ParseError, DefusedXmlException, ValueError, LookupError):  # LookupError: an unknown encoding
        raise OdsProblem("bad") from None


def _content_xml(rows: list[list[str]], sheet_title: str) -> bytes:
    ET.register_namespace("office", OFFICE)
    ET.register_namespace("table", TABLE)
    ET.register_namespace("text", TEXT)
    root = ET.Element(f"{{{OFFICE}}}document-content", {f"{{{OFFICE}}}version": "1.3"})
    body = ET.SubElement(ET.SubElement(root, f"{{{OFFICE}}}body"), f"{{{OFFICE}}}spreadsheet")
    table = ET.SubElement(body, f"{{{TABLE}}}table", {f"{{{TABLE}}}name": cell_text(sheet_title)})
    for row in rows:
        row_element = ET.SubElement(table, f"{{{TABLE}}}table-row")
        for value in row:
            cell = ET.SubElement(row_element, f"{{{TABLE}}}table-cell", {f"{{{OFFICE}}}value-type": "string"})
            for line in cell_text(value).split("\n"):
                ET.SubElement(cell, f"{{{TEXT}}}p").text = line
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def write_ods(rows: list[list[str]], sheet_title: str = "Polku") -> bytes:
    """A minimal valid ODS (mimetype first and stored, manifest, content) that LibreOffice opens."""
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<manifest:manifest xmlns:manifest="{MANIFEST}" manifest:version="1.3">'
        f'<manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="{MIMETYPE}"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), MIMETYPE, compress_type=zipfile.ZIP_STORED)
        archive.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr("content.xml", _content_xml(rows, sheet_title), compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()
