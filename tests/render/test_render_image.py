"""SVG, PNG and PDF from the real `dot` binary, and the errors when it cannot draw."""

from __future__ import annotations

import io
import struct
import xml.etree.ElementTree as ET

import pytest
from pypdf import PdfReader

from paths.render.dot import BULB, to_dot
from paths.render.image import PNG_DPI, RenderError, render_dot, render_path
from tests.support.factories import branching_path

SVG = "{http://www.w3.org/2000/svg}"


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_svg_is_well_formed_with_bulbs_and_language() -> None:
    path = branching_path()
    svg = render_path(path, "svg", "sv")
    root = ET.fromstring(svg)  # noqa: S314 - our own dot output
    all_text = ["".join(node.itertext()) for node in root.iter(f"{SVG}text")]
    assert "Teststig" in all_text and "Teckenförklaring" in all_text
    assert sum(text.count(BULB) for text in all_text) == len(path.coordinator_steps) + 1
    assert "DejaVu Sans" in svg.decode()


def test_render_path_passes_options_to_the_diagram() -> None:
    svg = render_path(branching_path(), "svg", "en", "client", here="kokous", legend=False).decode()
    assert "📍 You are here" in svg
    assert "Legend" not in svg
    assert "Kirjaus" not in svg  # professionals only


def test_png_is_drawn_at_projector_resolution() -> None:
    path = branching_path()
    png = render_path(path, "png")
    width, height = png_size(png)
    svg_width_pt = float(ET.fromstring(render_path(path, "svg")).get("width").removesuffix("pt"))  # noqa: S314
    assert width == pytest.approx(svg_width_pt * PNG_DPI / 72, rel=0.05)
    assert height > 100


def test_pdf_has_real_text_with_finnish_letters() -> None:
    pdf = render_path(branching_path(), "pdf", "fi")
    assert pdf.startswith(b"%PDF")
    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert "Testipolku" in text
    assert "Päättyminen" in text


def test_hostile_text_survives_png_and_pdf() -> None:
    path = branching_path()
    steps = list(path.steps)
    hostile = steps[0].title.model_copy(update={"fi": '"><script>ä</script> \\N'})
    steps[0] = steps[0].model_copy(update={"title": hostile})
    path = path.model_copy(update={"steps": steps})
    png_size(render_path(path, "png"))
    text = PdfReader(io.BytesIO(render_path(path, "pdf"))).pages[0].extract_text()
    assert "<script>ä</script>" in text


def test_unknown_format_is_one_clear_sentence() -> None:
    with pytest.raises(RenderError) as caught:
        render_path(branching_path(), "gif")
    assert caught.value.message("fi") == "Kuvamuotoa gif ei tueta: valitse svg, png tai pdf."
    assert caught.value.message("en") == "The image format gif is not supported: choose svg, png or pdf."
    with pytest.raises(RenderError):
        render_dot("digraph { a }", "-o/tmp/x")


def test_broken_dot_raises_render_error() -> None:
    with pytest.raises(RenderError) as caught:
        render_dot("digraph { a -> }", "svg")
    assert caught.value.key == "failed"
    assert "syntax error" in caught.value.detail
    assert caught.value.message("sv").startswith("Programmet Graphviz (dot) kunde inte rita diagrammet")


def test_missing_dot_binary(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    monkeypatch.setenv("POLKU_DOT", str(tmp_path / "no-such-dot"))
    with pytest.raises(RenderError) as caught:
        render_path(branching_path(), "svg")
    assert caught.value.key == "no_dot"
    assert "dot" in caught.value.message("fi") and "Graphviz" in caught.value.message("en")

    monkeypatch.delenv("POLKU_DOT")
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(RenderError) as caught:
        render_dot("digraph { a }", "svg")
    assert caught.value.key == "no_dot"


def test_slow_render_times_out() -> None:
    from bench.synthetic import synthetic_path

    dot = to_dot(synthetic_path(200))
    with pytest.raises(RenderError) as caught:
        render_dot(dot, "svg", timeout=0.001)
    assert caught.value.key == "timeout"
    assert "sekuntia" in caught.value.message("fi")
