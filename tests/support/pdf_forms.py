"""Fill a PDF form the way a reader does (pypdf's writer) and read the fields back."""

from __future__ import annotations

import io

import pypdf


def filled_fields(reader: pypdf.PdfReader, values: dict[str, str]) -> dict:
    """The form's fields, as a fresh reader sees them, after `values` were typed into `reader`'s form."""
    writer = pypdf.PdfWriter(clone_from=reader)
    for page in writer.pages:
        writer.update_page_form_field_values(page, values, auto_regenerate=False)
    written = io.BytesIO()
    writer.write(written)
    return pypdf.PdfReader(io.BytesIO(written.getvalue())).get_fields()
