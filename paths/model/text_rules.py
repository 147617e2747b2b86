"""What a stored text may hold: the one rule, applied at the door to every text that is kept.

Path texts (every `str` field of the schema), workshop notes and names, and personal-path texts
all pass through `clean_text`, so that every export (CSV, XLSX, XML, PDF, DOT, ...) can write
whatever is stored:

- line breaks of every kind (CR LF, CR, vertical tab, form feed, NEL, U+2028, U+2029) become
  a newline (a space in a one-line text): Word writes a vertical tab for a manual line break;
- NUL and lone surrogates are refused (`TextRuleError`): they cannot be written to a
  spreadsheet, a database or UTF-8 at all, and a file holding them is broken, not careless;
- every other control character (C0 but tab and newline, DEL, C1), the bidi embedding,
  override and isolate controls (they can reorder what a reader sees) and the Unicode
  noncharacters are removed;
- the text is NFC-normalised. Everything else (zero-width joiners, soft hyphens, emoji,
  any script) is kept, and each output escapes it (see docs/security.md).
"""

from __future__ import annotations

import re
import unicodedata

from paths.i18n.catalog import UserError

_LINE_BREAKS = re.compile(r"\r\n|[\r\v\f\x85\u2028\u2029]")
_REFUSED = re.compile(r"[\x00\ud800-\udfff]")
_REMOVED = re.compile(r"[\x01-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\u202a-\u202e\u2066-\u2069\ufdd0-\ufdef\ufffe\uffff]")
# The noncharacters past the BMP, searched only in a text that has such characters at all: in one
# class with the rest they made the search that every text pays twenty times slower.
_ASTRAL_NONCHARACTERS = re.compile(
    "[" + "".join(f"\\U{plane:04x}fffe\\U{plane:04x}ffff" for plane in range(1, 17)) + "]"
)
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
# One character class (no alternation): the search that every text pays is a single scan.
_NEEDS_WORK = re.compile("[\r\v\f\x85\u2028\u2029" + _REFUSED.pattern[1:-1] + _REMOVED.pattern[1:-1] + "]")


class TextRuleError(UserError, ValueError):
    """A text holding what no text may hold: one sentence from the catalog.

    Also a ValueError, so that pydantic reports it as the field's error, with its place in the
    file, not as a crash."""

    key_prefix = "text_rule."


# The validation context of a read from a store: what was stored before this rule existed is
# cleaned (a NUL dropped), never refused, so that every stored path can still be opened and exported.
STORED = {"stored": True}


def clean_text(text: str, *, single_line: bool = False, stored: bool = False) -> str:
    """`text` as it may be stored (see the module docstring), or TextRuleError for NUL or a lone
    surrogate (removed instead when `stored`: a read of what a store already holds). A text that
    needs nothing is returned as it is (the common case, kept cheap)."""
    if _NEEDS_WORK.search(text):
        if _REFUSED.search(text):
            if not stored:
                raise TextRuleError("surrogate" if re.search(r"[\ud800-\udfff]", text) else "nul")
            text = _REFUSED.sub("", text)
        text = _REMOVED.sub("", _LINE_BREAKS.sub("\n", text))
    if single_line:
        text = text.replace("\n", " ").replace("\t", " ")
    if not text.isascii():
        if _ASTRAL.search(text):
            text = _ASTRAL_NONCHARACTERS.sub("", text)
        if not unicodedata.is_normalized("NFC", text):
            text = unicodedata.normalize("NFC", text)
    return text


def clean_value(value: object, context: object = None) -> object:
    """`clean_text` for a string, anything else unchanged: the pydantic before-validator's body
    (`context` is the validation's; STORED for a read from a store)."""
    if not isinstance(value, str):
        return value
    return clean_text(value, stored=isinstance(context, dict) and bool(context.get("stored")))
