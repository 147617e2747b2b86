"""Puts a vector drawing (a one-page PDF, such as `dot -Tpdf` makes) into a WeasyPrint PDF as a figure.

WeasyPrint draws SVG text one letter at a time, so an embedded diagram SVG cost most of a personal
PDF's render time. Instead the HTML holds a placeholder image (`PLACEHOLDER_SRC`) with the figure's
size and alt text, which WeasyPrint tags as a Figure. WeasyPrint's documented `finisher` hook then
turns the placeholder's image XObject into a form XObject holding the drawing, fitted and centred
in the placeholder's box, before the file is written. The drawing thus sits inside the tagged
Figure and keeps Graphviz's own fonts and real text; the drawing can be made while WeasyPrint lays
out the document, since the finisher asks for it only at the end.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Callable
from typing import Any

import pydyf
import pypdf
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, PdfObject, StreamObject

# The drawing's own PDF may repeat keys; pypdf warns about each and keeps the last.
logging.getLogger("pypdf").addFilter(lambda record: record.levelno >= logging.ERROR)

# A 1 x 1 white RGB PNG (no alpha, so no soft mask): nothing else in our documents is an image of that size.
PLACEHOLDER_SRC = (
    "data:image/png;base64,"
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4//8/AAX+Av4N70a4AAAAAElFTkSuQmCC"
)


class FigureError(ValueError):
    """The document has no placeholder, or the drawing is not a one-page PDF."""


class _Copier:
    """Copies pypdf objects of the drawing into WeasyPrint's pydyf document, each indirect object once."""

    def __init__(self, pdf: pydyf.PDF) -> None:
        self.pdf = pdf
        self.done: dict[int, bytes] = {}

    def copy(self, value: PdfObject) -> Any:
        if isinstance(value, IndirectObject):
            return self._indirect(value)
        if isinstance(value, StreamObject):
            return self._stream(value, pydyf.Stream())
        if isinstance(value, DictionaryObject):
            return pydyf.Dictionary({_name_key(key): self.copy(item) for key, item in value.items()})
        if isinstance(value, ArrayObject):
            return pydyf.Array(self.copy(item) for item in value)
        return _serialised(value)  # names, numbers, strings, booleans, null: their PDF syntax as it is

    def _stream(self, source: StreamObject, target: pydyf.Stream) -> pydyf.Stream:
        # The encoded bytes as they are, with their /Filter; pydyf writes the /Length. (The base class's
        # get_data returns the stored bytes; EncodedStreamObject's own would decode them.)
        target.stream = [StreamObject.get_data(source)]
        target.extra = pydyf.Dictionary(
            {_name_key(key): self.copy(item) for key, item in source.items() if key != "/Length"}
        )
        return target

    def _indirect(self, reference: IndirectObject) -> bytes:
        if reference.idnum in self.done:
            return self.done[reference.idnum]
        value = reference.get_object()
        if isinstance(value, StreamObject):
            target: Any = pydyf.Stream()
        elif isinstance(value, DictionaryObject):
            target = pydyf.Dictionary()
        elif isinstance(value, ArrayObject):
            target = pydyf.Array()
        else:
            return self.copy(value)
        self.pdf.add_object(target)
        self.done[reference.idnum] = target.reference  # before the contents: references may loop back
        if isinstance(target, pydyf.Stream):
            self._stream(value, target)
        elif isinstance(target, pydyf.Dictionary):
            target.update({_name_key(key): self.copy(item) for key, item in value.items()})
        else:
            target.extend(self.copy(item) for item in value)
        return target.reference


def _name_key(key: str) -> bytes:
    """A pypdf dictionary key ("/Font") as pydyf wants it: the name's PDF syntax without the slash."""
    return _serialised(pypdf.generic.NameObject(key))[1:]


def _serialised(value: PdfObject) -> bytes:
    out = io.BytesIO()
    value.write_to_stream(out)
    return out.getvalue()


def _is_placeholder(item: object) -> bool:
    if not isinstance(item, pydyf.Stream):
        return False
    extra = item.extra
    return extra.get("Subtype") == "/Image" and extra.get("Width") == 1 and extra.get("Height") == 1


def _page_content(page: pypdf.PageObject) -> tuple[bytes, dict[str, PdfObject]]:
    """The page's content stream: encoded bytes and filter entries, or the decoded join of several."""
    contents = page.get("/Contents")
    contents = contents.get_object() if contents is not None else None
    if isinstance(contents, StreamObject):
        filters = {key: value for key, value in contents.items() if key in ("/Filter", "/DecodeParms")}
        return StreamObject.get_data(contents), filters
    if isinstance(contents, ArrayObject):
        return b"\n".join(part.get_object().get_data() for part in contents), {}
    raise FigureError("the drawing's page has no content")


def place_drawing(pdf: pydyf.PDF, drawing: bytes, box: tuple[float, float]) -> None:
    """Turn the placeholder image of `pdf` (WeasyPrint's document, before it is written) into `drawing`.

    `box` is the placeholder's (width, height) as its CSS gave it, in any one unit: the drawing keeps
    its own proportions inside it, centred. The placeholder is painted in the unit square, so the
    form's matrix maps the drawing's page into that square.
    """
    try:
        page = pypdf.PdfReader(io.BytesIO(drawing)).pages[0]
    except (pypdf.errors.PyPdfError, IndexError) as exc:
        raise FigureError("the drawing is not a PDF with a page") from exc
    placeholders = [item for item in pdf.objects if _is_placeholder(item)]
    if len(placeholders) != 1:
        raise FigureError(f"the document has {len(placeholders)} figure placeholders, not one")
    width, height = float(page.mediabox.width), float(page.mediabox.height)
    box_width, box_height = box
    scale = min(box_width / width, box_height / height)
    left, bottom = (box_width - scale * width) / 2, (box_height - scale * height) / 2
    content, filters = _page_content(page)
    copier = _Copier(pdf)
    form = placeholders[0]
    form.compress = False  # the content keeps its own encoding
    form.stream = [content]
    form.extra = pydyf.Dictionary({
        "Type": "/XObject",
        "Subtype": "/Form",
        "BBox": pydyf.Array([0, 0, width, height]),
        # Written with 12 decimals: pydyf's six would shift a wide diagram's tiny scale by a percent.
        "Matrix": pydyf.Array(f"{value:.12f}".encode() for value in (
            scale / box_width, 0, 0, scale / box_height, left / box_width, bottom / box_height)),
        "Resources": copier.copy(page.get("/Resources", DictionaryObject())),
        **{_name_key(key): copier.copy(value) for key, value in filters.items()},
    })


def drawing_finisher(drawing: Callable[[], bytes], box: tuple[float, float]) -> Callable[[object, pydyf.PDF], None]:
    """A WeasyPrint `finisher` that puts the drawing in the placeholder's place. `drawing` is asked for
    only then, so that it can be made while WeasyPrint lays out the document. What `drawing` raises
    passes on; a drawing that cannot be placed raises FigureError."""

    def finish(_document: object, pdf: pydyf.PDF) -> None:
        made = drawing()
        try:
            place_drawing(pdf, made, box)
        except FigureError:
            raise
        except Exception as exc:  # noqa: BLE001 - pypdf's errors on a malformed drawing are many kinds
            raise FigureError("the drawing could not be read") from exc

    return finish
