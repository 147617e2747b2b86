"""What the app's column-mapping step shows: a sheet's header, which columns matched which of
Polku's columns, which need the user's choice, and the first rows as a preview. `shape` says when
two sheets have the same header row, so a mapping chosen once is offered again for the next one."""

from __future__ import annotations

from dataclasses import dataclass, field

from paths.formats.headers import COLUMNS, HEADERS, IGNORE, header_key, match_headers, shape_key
from paths.formats.sheet_read import read_cells

PREVIEW_ROWS = 5


@dataclass
class SheetPreview:
    header: list[str]
    rows: list[list[str]]
    matched: dict[int, str] = field(default_factory=dict)
    unknown: list[int] = field(default_factory=list)
    shape: tuple[str, ...] = ()
    lang: str = "fi"

    def mapping_from(self, choices: dict[int, str]) -> dict[str, str]:
        """The mapping `path_from_spreadsheet` takes, from the column chosen for each unknown index."""
        return {self.header[index]: choices.get(index, IGNORE) for index in self.unknown}


def preview_sheet(data: bytes, filename: str, rows: int = PREVIEW_ROWS) -> SheetPreview:
    """The preview of a sheet (a `SpreadsheetError` sentence when it cannot be read at all)."""
    sheet = read_cells(data, filename)
    match = match_headers(sheet.header)
    width = len(sheet.header)
    first = [(cells + [""] * width)[:width] for _, cells in sheet.rows if any(c.strip() for c in cells)][:rows]
    return SheetPreview(
        header=sheet.header, rows=first, matched={index: column for column, index in match.columns.items()},
        unknown=[i for i in match.unknown if header_key(sheet.header[i])], shape=shape_key(sheet.header),
        lang=match.lang,
    )


def column_choices(lang: str) -> list[str]:
    """The options of a mapping list: skip the column, or one of Polku's columns."""
    del lang  # the options are the same; their words come from `column_words`
    return [IGNORE, *COLUMNS]


def column_words(column: str, lang: str) -> str:
    return HEADERS[lang][column] if column in COLUMNS else column
