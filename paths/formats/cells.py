"""The one rule for text that goes into a spreadsheet cell (CSV, XLSX, ODS) anywhere in the app.

Two things make a stored text unsafe in a sheet: a leading character that a spreadsheet runs as a
formula (`=`, `+`, `-`, `@`, and tab or carriage return, which Excel skips before looking for one),
and control characters that the file format cannot hold (openpyxl raises `IllegalCharacterError`
for them; a NUL makes a CSV that the import refuses). Every writer calls `sheet_cell`, so any text
that can be stored can be exported, and the import's `unguard` undoes exactly what was added.
"""

from __future__ import annotations

import re

FORMULA_STARTS: tuple[str, ...] = ("=", "+", "-", "@", "\t", "\r")
GUARD = "'"
# XML 1.0 cannot hold C0 controls other than tab, newline and carriage return; lone surrogates
# cannot be encoded as UTF-8 at all.
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# A vertical tab or form feed is how Word writes a manual line break: it stays a line break.
_LINE_BREAKS = re.compile(r"[\x0b\x0c]")


def one_line(value: str, limit: int = 80) -> str:
    """User text as an error sentence quotes it: control characters gone, on one line, and short."""
    text = " ".join(cell_text(value).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def cell_text(value: str) -> str:
    """`value` with what no sheet format can hold replaced: VT/FF become a newline, other control
    characters and lone surrogates are dropped (U+FFFD would only show as a box)."""
    return _ILLEGAL.sub("", _LINE_BREAKS.sub("\n", value))


def _needs_guard(value: str) -> bool:
    """A formula start, or guards in front of one (`'=x`: else the import would take the `'` away)."""
    while value.startswith(GUARD):
        value = value[1:]
    return value.startswith(FORMULA_STARTS)


def guard_formula(value: str) -> str:
    """Formula-injection guard: a cell that a spreadsheet would run as a formula gets a leading `'`,
    and so does a text that already starts with guards before one, so `unguard` gives it back exactly."""
    return GUARD + value if _needs_guard(value) else value


def sheet_cell(value: str) -> str:
    """A text cell as every CSV, XLSX and ODS writer of the app writes it: cleaned, then guarded."""
    return guard_formula(cell_text(value))


def unguard(value: str) -> str:
    """The import's exact inverse of `guard_formula` (`'=x` → `=x`, `''=x` → `'=x`)."""
    return value[1:] if value.startswith(GUARD) and _needs_guard(value[1:]) else value


# The name the workshop's note export has always called the guard by.
guard_cell = sheet_cell
