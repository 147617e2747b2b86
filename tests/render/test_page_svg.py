"""The flow diagram finished for the page (paths/render/page_svg.py), on real `dot` drawings."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from defusedxml.ElementTree import fromstring

from paths.formats.files import builtin_paths
from paths.render.dot import node_names, to_dot
from paths.render.image import inline_svg, render_dot
from paths.render.page_svg import one_block, page_svg
from tests.support.factories import branching_path

SVG = "{http://www.w3.org/2000/svg}"
BUILTIN = {path.id: path for path in builtin_paths()}


def drawn(path, layout: str = "wide") -> tuple[str, dict[str, list[str]]]:  # noqa: ANN001 - a ServicePath
    svg = inline_svg(render_dot(to_dot(path, "fi", "professional", legend=False, layout=layout), "svg"))
    steps = {node: [step_id, path.step(step_id).title.fi] for node, step_id in node_names(path, "professional").items()}
    return svg, steps


def step_nodes(markup: str) -> list[ET.Element]:
    root = fromstring(markup)
    return [g for g in root.iter(f"{SVG}g") if "node" in (g.get("class") or "").split()]


def test_every_step_is_a_named_focusable_button_and_the_rest_is_hidden() -> None:
    ari = BUILTIN["ari"]
    svg, steps = drawn(ari)
    markup = page_svg(svg, steps, label="Arin polku", selected=ari.steps[2].id)
    root = fromstring(markup)  # still well-formed XML
    assert root.get("role") == "group" and root.get("aria-label") == "Arin polku"
    assert root.get("width").endswith("px") and root.get("height") is None and "--polku-shape:" in root.get("style")
    buttons = [g for g in step_nodes(markup) if g.get("data-step")]
    assert sorted(g.get("data-step") for g in buttons) == sorted(step.id for step in ari.steps)
    for g in buttons:
        texts = [text.text.strip() for text in g.iter(f"{SVG}text") if text.text and text.text.strip()]
        assert g.get("tabindex") == "0" and g.get("role") == "button"
        assert g.get("aria-label") == " ".join(texts)  # the name holds what the box shows (WCAG 2.5.3)
        assert all(text.get("aria-hidden") == "true" for text in g.iter(f"{SVG}text"))
    pressed = [g.get("data-step") for g in buttons if g.get("aria-pressed") == "true"]
    assert pressed == [ari.steps[2].id] and "polku-selected" in markup
    # A drawn node that is no step of the view (here: one left out of `steps`) is hidden from screen readers.
    unnamed = dict(list(steps.items())[1:])
    others = [g for g in step_nodes(page_svg(svg, unnamed, label="x")) if not g.get("data-step")]
    assert len(others) == 1 and others[0].get("aria-hidden") == "true" and others[0].get("tabindex") is None


def test_a_picture_with_nothing_to_choose_is_one_image() -> None:
    svg, _steps = drawn(BUILTIN["maija"])
    markup = page_svg(svg, {}, label="Maijan polku")
    assert fromstring(markup).get("role") == "img" and "data-step" not in markup and "tabindex" not in markup


def test_two_drawings_of_one_path_share_no_id() -> None:
    path = branching_path()
    wide = page_svg(*drawn(path, "wide"), label="x", ids="wide-")
    portrait = page_svg(*drawn(path, "portrait"), label="x", ids="portrait-")
    ids = re.findall(r' id="([^"]*)"', wide) + re.findall(r' id="([^"]*)"', portrait)
    assert ids and len(ids) == len(set(ids))


def test_hostile_titles_stay_text_and_the_markup_stays_one_block() -> None:
    path = branching_path()
    hostile = 'Tapaaminen "<script>alert(1)</script>"\n\n![i](https://example.invalid/pixel.png)'
    path.steps[0].title.fi = hostile
    svg, steps = drawn(path)
    markup = page_svg(svg, steps, label='Polku "<b>"')
    assert "<script" not in markup and "<b>" not in markup
    assert not re.search(r"\n\s*\n", markup)  # a blank line would end Markdown's HTML block
    assert fromstring(markup).get("aria-label") == 'Polku "<b>"'
    names = [g.get("aria-label") for g in step_nodes(markup) if g.get("data-step") == path.steps[0].id]
    assert names and "<script>alert(1)</script>" in names[0]  # read back as the text it is


def test_one_block_removes_blank_lines_only() -> None:
    assert one_block("<div>\n\n  \n<p>a</p>\n</div>\n") == "<div>\n<p>a</p>\n</div>"
