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

import base64
import io
import json
import logging
import re
import struct
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import pydyf
import pypdf
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, PdfObject, StreamObject

# cairo's PDF (what `dot -Tpdf` writes) repeats keys in its XObject resources, the same object under each:
# pypdf keeps one and warns, from this logger, about the others. Only that warning, and only while our
# own drawing is read, is dropped (`_quietly`); the copy written into the document has each key once.
_PYPDF_DICTIONARIES = logging.getLogger("pypdf.generic._data_structures")
_REPEATED_KEY = "Multiple definitions in dictionary"

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


def _not_a_repeated_key(record: logging.LogRecord) -> bool:
    return not str(record.msg).startswith(_REPEATED_KEY)


@contextmanager
def _quietly() -> Iterator[None]:
    """While the drawing is read: pypdf's warning about its repeated resource keys is not printed."""
    _PYPDF_DICTIONARIES.addFilter(_not_a_repeated_key)
    try:
        yield
    finally:
        _PYPDF_DICTIONARIES.removeFilter(_not_a_repeated_key)


def list_fields_once(pdf: pydyf.PDF) -> None:
    """The form's field list with each field once, and no widget of a radio group (those are reached
    through their group's /Kids, and carry no field name of their own): WeasyPrint lists every radio button
    beside its group, named like it, so a reader saw each group as many times as it had buttons. A button
    keeps its own accessible name (/TU, its label): pdf.js reads it from the widget, not from the group."""
    form = pdf.catalog.get("AcroForm") if hasattr(pdf.catalog, "get") else None
    if not form or "Fields" not in form:
        return
    kids = set()
    for item in pdf.objects:
        if isinstance(item, pydyf.Dictionary) and "Parent" in item:
            kids.add(item.reference)
            item.pop("T", None)  # a radio button is its group's widget, not a field of its own name
    kept: list[object] = []
    for reference in form["Fields"]:
        if reference not in kids and reference not in kept:
            kept.append(reference)
    form["Fields"] = pydyf.Array(kept)


def placeholder_src(index: int) -> str:
    """A data URL of a white PNG one pixel wide and `index + 1` high: the placeholder of slice `index`
    (`PLACEHOLDER_SRC` is slice 0). Its height tells the finisher which slice goes where."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", 1, index + 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\xff\xff" * (index + 1))
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def _placeholder_index(item: object) -> int | None:
    if not isinstance(item, pydyf.Stream):
        return None
    extra = item.extra
    if extra.get("Subtype") != "/Image" or extra.get("Width") != 1 or not isinstance(extra.get("Height"), int):
        return None
    return extra["Height"] - 1


def _is_placeholder(item: object) -> bool:
    return _placeholder_index(item) == 0


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
    with _quietly():
        _place(pdf, drawing, box)


def _place(pdf: pydyf.PDF, drawing: bytes, box: tuple[float, float]) -> None:
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


def _busy_bands(layout_json: bytes, offset: float) -> list[tuple[float, float]]:
    """Where a cut would go through something: each node, each arrow's label and each stage's title,
    as (bottom, top) in the drawing's PDF points (`offset`: the drawing's margin)."""
    graph = json.loads(layout_json)
    bands = []
    for item in graph.get("objects", []):
        if "bb" in item:  # a stage's box: its title sits at its top
            top = float(item["bb"].split(",")[3])
            bands.append((top - 26.0, top))
        elif "pos" in item and "height" in item:
            y, half = float(item["pos"].split(",")[1]), float(item["height"]) * 36.0
            bands.append((y - half - 2.0, y + half + 2.0))
    for edge in graph.get("edges", []):
        if "lp" in edge:
            y = float(edge["lp"].split(",")[1])
            bands.append((y - 30.0, y + 30.0))
    label_top = float(graph.get("bb", "0,0,0,0").split(",")[3])
    bands.append((label_top - 60.0, label_top))  # the drawing's title
    return [(bottom + offset, top + offset) for bottom, top in bands]


def cut_slices(
    layout_json: bytes, page_height: float, bb_height: float, slice_height: float
) -> list[tuple[float, float]]:
    """The drawing cut into slices of at most `slice_height` points, top to bottom, as (bottom, top) in
    the drawing's PDF coordinates: each cut between things (`dot -Tjson`'s nodes, labels and stage
    titles), never through one, unless a single thing is taller than a slice."""
    busy = _busy_bands(layout_json, (page_height - bb_height) / 2)
    slices: list[tuple[float, float]] = []
    top = page_height
    while top > 0:
        cut = top - slice_height
        if cut <= 0:
            slices.append((0.0, top))
            break
        moved = True
        while moved:
            moved = False
            for bottom, band_top in busy:
                if bottom < cut < band_top:
                    cut, moved = band_top + 1.0, True
        if cut >= top - slice_height / 4:  # nothing fits: cut where the slice ends
            cut = top - slice_height
        slices.append((cut, top))
        top = cut
    return slices


_MEDIA_BOX = re.compile(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]")


def drawing_size(drawing: bytes) -> tuple[float, float]:
    """The (width, height) in points of the drawing's one page (read off cairo's /MediaBox when it is
    written plainly, which saves parsing the file twice)."""
    plain = _MEDIA_BOX.findall(drawing)
    if len(plain) == 1:
        return float(plain[0][0]), float(plain[0][1])
    with _quietly():
        try:
            box = pypdf.PdfReader(io.BytesIO(drawing)).pages[0].mediabox
        except (pypdf.errors.PyPdfError, IndexError) as exc:
            raise FigureError("the drawing is not a PDF with a page") from exc
        return float(box.width), float(box.height)


_TEXT_OBJECT = re.compile(rb"(?<![^\s])BT\s.*?\sET(?![^\s])", re.S)
_TEXT_MATRIX = re.compile(rb"(-?[\d.]+)\s+(-?[\d.]+)\s+Tm")
_FLIP = re.compile(rb"\A\s*1\s+0\s+0\s+-1\s+0\s+(-?[\d.]+)\s+cm")


_COLOUR = re.compile(rb"(?<![^\s])-?[\d.]+\s+-?[\d.]+\s+-?[\d.]+\s+rg(?![^\s])")


@dataclass
class _Split:
    """The drawing's content split in two: every graphic (drawn once, shared by all slices) and each text
    object with the fill colour it was drawn in and its baseline's height in PDF points."""

    graphics: bytes
    texts: list[tuple[bytes, float]]
    flip: bytes  # cairo's `1 0 0 -1 0 H cm`, which the texts are written under


def _split_content(content: bytes) -> _Split | None:
    """The content split (see `_Split`), or None when it does not start with cairo's flip, which is what
    lets a text's height be read off its matrix. A regular expression, not a full content parser: cairo
    writes one Tm per text object, and parsing the whole stream with pypdf cost more than the rest."""
    flip = _FLIP.match(content)
    if flip is None:
        return None
    height_of_page = float(flip.group(1))
    graphics: list[bytes] = []
    texts: list[tuple[bytes, float]] = []
    colour, last = b"0 0 0 rg", 0
    for match in _TEXT_OBJECT.finditer(content):
        before = content[last : match.start()]
        graphics.append(before)
        colours = _COLOUR.findall(before)
        colour = colours[-1] if colours else colour
        matrix = _TEXT_MATRIX.search(match.group(0))
        height = height_of_page - float(matrix.group(2)) if matrix else height_of_page
        texts.append((colour + b"\n" + match.group(0), height))
        last = match.end()
    graphics.append(content[last:])
    return _Split(b"".join(graphics), texts, flip.group(0))


def _slice_content(split: _Split, bottom: float, top: float) -> bytes:
    """A slice's content: the shared graphics, then only the texts whose baseline lies in the slice, so
    that a text is read (copied, searched, spoken) once, in its own slice."""
    kept = [text for text, height in split.texts if bottom - 1 <= height <= top + 1]
    return b"/PolkuDrawing Do\nq\n" + split.flip + b"\n" + b"\n".join(kept) + b"\nQ\n"


def place_slices(pdf: pydyf.PDF, drawing: bytes, slices: list[tuple[float, float]]) -> None:
    """Put slice `i` of `drawing` (its (bottom, top) in the drawing's points) where placeholder `i`
    (`placeholder_src(i)`) is: one form XObject a slice, clipped by its /BBox, all sharing the drawing's
    resources and each holding only its own texts. Each placeholder's box must have its slice's proportions."""
    with _quietly():
        try:
            reader = pypdf.PdfReader(io.BytesIO(drawing))
            page = reader.pages[0]
        except (pypdf.errors.PyPdfError, IndexError) as exc:
            raise FigureError("the drawing is not a PDF with a page") from exc
        found = {_placeholder_index(item): item for item in pdf.objects if _placeholder_index(item) is not None}
        if sorted(found) != list(range(len(slices))):
            raise FigureError(f"the document has {len(found)} figure placeholders, not {len(slices)}")
        width = float(page.mediabox.width)
        content = page.get_contents().get_data()
        split = _split_content(content) or _Split(content, [], b"")
        copier = _Copier(pdf)
        source = page.get("/Resources", DictionaryObject()).get_object()
        resources = copier.copy(source)
        graphics = pydyf.Stream([split.graphics], pydyf.Dictionary({
            "Type": "/XObject", "Subtype": "/Form", "BBox": pydyf.Array([0, 0, width, float(page.mediabox.height)]),
            "Resources": resources,
        }), compress=True)
        pdf.add_object(graphics)
        # The slices' resources: the drawing's, with the shared graphics added to its XObjects (each entry a
        # reference to the object copied once above).
        slice_resources = pydyf.Dictionary({_name_key(k): copier.copy(v) for k, v in source.items() if k != "/XObject"})
        images = source.get("/XObject", DictionaryObject()).get_object()
        xobjects = pydyf.Dictionary({_name_key(k): copier.copy(v) for k, v in images.items()})
        xobjects["PolkuDrawing"] = graphics.reference
        slice_resources["XObject"] = xobjects
        for index, (bottom, top) in enumerate(slices):
            form = found[index]
            form.compress = True
            form.stream = [_slice_content(split, bottom, top)]
            form.extra = pydyf.Dictionary({
                "Type": "/XObject", "Subtype": "/Form", "BBox": pydyf.Array([0, bottom, width, top]),
                "Matrix": pydyf.Array(f"{value:.12f}".encode() for value in (
                    1 / width, 0, 0, 1 / (top - bottom), 0, -bottom / (top - bottom))),
                "Resources": slice_resources,
            })
