"""Puts a vector drawing (a one-page PDF, such as `dot -Tpdf` makes) into a WeasyPrint PDF as a figure.

WeasyPrint draws SVG text one letter at a time, so an embedded diagram SVG cost most of a personal
PDF's render time. Instead the HTML holds a placeholder image (`PLACEHOLDER_SRC`) with the figure's
size and alt text, which WeasyPrint tags as a Figure; afterwards the placeholder's image XObject is
swapped for a form XObject holding the drawing, fitted and centred in the placeholder's box. The
drawing thus sits inside the tagged Figure, keeps Graphviz's own fonts and real text, and the
change is appended to the file as an incremental update (nothing else is rewritten).
"""

from __future__ import annotations

import io
import logging

import pypdf
from pypdf.generic import ArrayObject, FloatObject, NameObject

# A 1 x 1 transparent PNG: nothing else in our documents is an image of that size.
PLACEHOLDER_SRC = (
    "data:image/png;base64,"
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4//8/AwAI/AL+p5qgoAAAAABJRU5ErkJggg=="
)


class FigureError(ValueError):
    """The document has no placeholder, or the drawing is not a one-page PDF."""


def _is_placeholder(xobject: pypdf.generic.PdfObject) -> bool:
    return xobject.get("/Subtype") == "/Image" and xobject.get("/Width") == 1 and xobject.get("/Height") == 1


def place_figure(document: bytes, drawing: bytes, box: tuple[float, float]) -> bytes:
    """`document` with the drawing in place of its placeholder image. `box` is the placeholder's (width,
    height) as its CSS gave it, in any one unit: the drawing keeps its own proportions inside it."""
    # WeasyPrint's resource dictionaries repeat some keys; pypdf warns about each and keeps the last.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        page = pypdf.PdfReader(io.BytesIO(drawing)).pages[0]
    except (pypdf.errors.PdfReadError, IndexError) as exc:
        raise FigureError("the drawing is not a PDF with a page") from exc
    width, height = float(page.mediabox.width), float(page.mediabox.height)
    box_width, box_height = box
    scale = min(box_width / width, box_height / height)
    left, bottom = (box_width - scale * width) / 2, (box_height - scale * height) / 2

    writer = pypdf.PdfWriter(io.BytesIO(document), incremental=True)
    for target in writer.pages:
        resources = target.get("/Resources")
        xobjects = resources.get_object().get("/XObject") if resources is not None else None
        if xobjects is None:
            continue
        xobjects = xobjects.get_object()
        for name in list(xobjects):
            if not _is_placeholder(xobjects[name].get_object()):
                continue
            # The drawing's content stream becomes a form XObject. The image it replaces is painted
            # in the unit square; the matrix maps the drawing into it, scaled and centred.
            form = page.get("/Contents")
            form = form.get_object() if form is not None else None
            if not isinstance(form, pypdf.generic.StreamObject):
                raise FigureError("the drawing's page has no single content stream")
            form[NameObject("/Type")] = NameObject("/XObject")
            form[NameObject("/Subtype")] = NameObject("/Form")
            form[NameObject("/BBox")] = ArrayObject([FloatObject(0), FloatObject(0), FloatObject(width),
                                                     FloatObject(height)])
            form[NameObject("/Matrix")] = ArrayObject(FloatObject(value) for value in (
                scale / box_width, 0, 0, scale / box_height, left / box_width, bottom / box_height))
            form[NameObject("/Resources")] = page["/Resources"]
            xobjects[NameObject(name)] = form.clone(writer).indirect_reference
            output = io.BytesIO()
            writer.write(output)
            return output.getvalue()
    raise FigureError("the document has no figure placeholder")
