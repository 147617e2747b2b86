"""The flow diagram as a Streamlit custom component (components v2): Graphviz's SVG shown as it is.

`st.graphviz_chart` lays the DOT out in the browser (about 0.8 s for Ari's path on every view switch).
Here the server draws with the real `dot` (cached per path version, language, view and layout in
`components.diagrams`) and the component puts the finished SVG in the page: no layout work in the
browser. It sends the clicked step back (mouse, or Tab to a step and Enter / Space) as the `step`
trigger; the page keeps it in the URL (`?step=`). Both layouts are sent when the choice is automatic,
so the component picks the one that fits the width it has without a second round trip.

`still_picture` shows one drawing with nothing to click (the editor, the view settings, the print view's
fallback, the appointment mode). It is the component too, not `st.html`: Streamlit's HTML sanitiser keeps
only the HTML profile of DOMPurify, so an inline `<svg>` would lose every element.

The component's HTML is only our own: the SVG comes from `dot`, whose input has every user text
escaped (`paths.render.dot`), and the step titles are set as attribute values, never as markup.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import streamlit as st
from markupsafe import Markup

from components.common import md_escape
from components.memo import memo
from components.templating import render
from paths.i18n.catalog import t
from paths.render.image import RenderError
from paths.render.layout import LAYOUTS
from paths.render.page_svg import one_block, page_svg

STATIC = Path(__file__).parent / "static"
CHOICES = ("auto", "wide", "portrait")
CSS = (STATIC / "flow_diagram.css").read_text(encoding="utf-8")
AUTO_WIDE_FROM = 900  # px: from this width on the automatic layout is wide even when the drawing scrolls
# Characters of SVG above which the path page's drawings go deflated through the component instead of as
# markup (about 18 steps in both layouts, 36 in one): past it, the component's frame of delay costs less than
# Streamlit's Markdown renderer building the SVG node by node in script (the component hands it to the
# browser's own parser) and the server dedenting, hashing and sending the markup whole on every rerun.
MARKUP_LIMIT = 60_000
_CLICKS = st.components.v2.component(  # its styles come with the path page (components.path_page.PAGE_CSS)
    "polku_flow_clicks", html="", js=(STATIC / "flow_clicks.js").read_text(encoding="utf-8"),
    isolate_styles=False,
)
_COMPONENT = st.components.v2.component(
    "polku_flow_diagram",
    html="",
    css=CSS,
    js=(STATIC / "flow_diagram.js").read_text(encoding="utf-8"),
    # In the page's own DOM (every rule is under .polku-flow): the page's print stylesheet, the keyboard
    # focus and accessibility checkers see the drawing as part of the page.
    isolate_styles=False,
)


@dataclass(frozen=True)
class QuickSwitch:
    """What lets the browser show a picture it has drawn before the moment a switch's option is clicked,
    while the server's run for it is still on its way (`flow_clicks.js`): the shown picture's id, the id of
    the picture each of the switch's options leads to, in the switch's order ("" where it cannot be told
    beforehand), and the switch's widget key. An id names everything the picture shows depends on
    (`components.path_flow._picture_id`)."""

    shown: str
    options: tuple[str, ...]
    widget: str


def _listener_key(key: str) -> str:
    """The key of the listening component of the picture with `key` (`page_picture`): its own, as a
    component mounted under another's key would find the other's drawing still in its element."""
    return f"{key}_steps"


def clicked_step(key: str) -> str | None:
    """The step id the picture with `key` sent in this run, through the component or its listener (None when
    nothing was clicked)."""
    for name in (key, _listener_key(key)):
        state = st.session_state.get(name)
        value = state.get("step") if hasattr(state, "get") else getattr(state, "step", None)
        if isinstance(value, str):
            return value
    return None


@dataclass(frozen=True)
class Picture:
    """A flow diagram as a page shows it. `drawings` maps a layout to its (SVG, natural width in points);
    `steps` maps a node name to [step id, step title]; `choice` is the layout asked for (auto: the one that
    fits); `selected` the chosen step; `label` the picture's accessible name. `version` names everything
    the drawings depend on: the browser redraws when it changes, and the drawings' encoded form is kept per
    version. `hint` is a line over the picture, drawn with it (one element less on every rerun)."""

    drawings: dict[str, tuple[str, float]]
    steps: dict[str, list[str]]
    choice: str
    fit: bool
    selected: str | None
    label: str
    version: str
    hint: str = ""


def flow_picture(picture: Picture, *, key: str, on_step: Callable[[], None]) -> None:
    """Mount the component with `picture`; `on_step` runs (as a callback, before the page's next run) when a
    step is chosen."""
    view = {"choice": picture.choice if picture.choice in CHOICES else "auto", "fit": picture.fit,
            "selected": picture.selected, "label": picture.label, "version": picture.version,
            "layouts": list(picture.drawings), "hint": picture.hint}
    encoded_view = json.dumps(view).encode()
    drawn = _drawn(picture.version, tuple(picture.drawings), picture.drawings, picture.steps)
    _COMPONENT(data=len(encoded_view).to_bytes(4, "big") + encoded_view + drawn, key=key, width="stretch",
               on_step_change=on_step)


def page_picture(picture: Picture, *, key: str, on_step: Callable[[], None], below_html: str = "",
                 quick: QuickSwitch | None = None) -> None:
    """The path page's flow diagram, finished on the server (`paths.render.page_svg`) and shown by
    st.markdown: the browser puts it in the page in the same render as the rest, with no script to run
    first (a component's script runs a frame after the render). With the automatic layout both drawings are
    sent and a container query shows the one that fits. One listening component, mounted once, turns a
    click or a key on a step into the `step` trigger (`on_step` runs before the next run). `below_html`
    (escaped markup: the legend, the description) goes under the picture in the same element, one element
    less on every rerun. With `quick`, the listener keeps the pictures this page has shown and puts the one
    a click on the switch leads to in place at once (`QuickSwitch`). Drawings larger than `MARKUP_LIMIT`
    go through `flow_picture` instead, with `below_html` in an element of its own."""
    if sum(len(svg) for svg, _width in picture.drawings.values()) > MARKUP_LIMIT:
        flow_picture(picture, key=key, on_step=on_step)
        st.html(below_html)
        return
    markup = _page_markup(picture.version, picture.choice, picture.fit, picture.selected, picture.label,
                          picture.hint, below_html, quick, tuple(picture.drawings), picture.drawings, picture.steps)
    st.markdown(markup, unsafe_allow_html=True)
    _CLICKS(key=_listener_key(key), on_step_change=on_step)


@memo(64)
def _page_markup(version: str, choice: str, fit: bool, selected: str | None, label: str, hint: str, below: str,
                 quick: QuickSwitch | None, layouts: tuple[str, ...], _drawings: dict[str, tuple[str, float]],
                 _steps: dict[str, list[str]]) -> str:
    """The picture's markup, made once per drawing and choice: the SVGs are trusted (`dot`'s output of
    escaped text, with names escaped again by `page_svg`), everything else is escaped by the template."""
    auto = choice not in LAYOUTS and {"wide", "portrait"} <= set(layouts)
    shown = [(name, Markup(page_svg(svg, _steps, label=label, selected=selected, ids=f"{name}-")))  # noqa: S704
             for name, (svg, _width) in _drawings.items()]
    threshold = int(min(_drawings["wide"][1], AUTO_WIDE_FROM)) if auto else 0
    return one_block(render("flow_picture.html", fit=fit, auto=auto, threshold=threshold, version=version,
                            choice=choice, hint=hint, drawings=shown, below=Markup(below), quick=quick))  # noqa: S704


@memo(64)
def _drawn(version: str, layouts: tuple[str, ...], _drawings: dict[str, tuple[str, float]],
           _steps: dict[str, list[str]]) -> bytes:
    """The large part of the component's data (the SVGs), encoded and compressed once per drawing rather
    than on every rerun. Sent as bytes, Streamlit neither encodes it to JSON again nor canonicalises it for
    the element's identity (together half the path page's rerun on a 200-step path), and it hashes a
    tenth of the bytes."""
    return zlib.compress(json.dumps({
        "drawings": {name: svg for name, (svg, _width) in _drawings.items()},
        "widths": {name: width for name, (_svg, width) in _drawings.items()},
        "steps": _steps,
    }).encode(), 6)


def _nothing() -> None:
    """A still picture sends nothing back."""


def still_picture(drawing: tuple[str, float], *, label: str, key: str, fit: bool = True,
                  selected: str | None = None, steps: dict[str, list[str]] | None = None) -> None:
    """One server-drawn picture (SVG, natural width in points) with `label` as its accessible name and no
    clickable steps; `fit` scales a wide one to the page. `steps` with `selected` mark one drawn step."""
    svg, _width = drawing
    version = f"{zlib.crc32(svg.encode('utf-8')):08x}"
    flow_picture(Picture({"wide": drawing}, steps or {}, "wide", fit, selected, label, version), key=key,
                 on_step=_nothing)


def picture_or_text(draw: Callable[[], tuple[str, float]], text: Callable[[], str], *, lang: str, label: str,
                    key: str, fit: bool = True) -> bool:
    """`still_picture` of what `draw` makes; when `dot` cannot draw it (RenderError), the reason in one
    sentence and the path as text (`text` makes its HTML) instead. True when the picture was shown."""
    try:
        drawing = draw()
    except RenderError as error:
        text_instead(error, text(), lang)
        return False
    still_picture(drawing, label=label, key=key, fit=fit)
    return True


def text_instead(error: RenderError, text_html: str, lang: str) -> None:
    """What a page shows when `dot` could not draw its picture: why, and the same path as text."""
    st.caption(md_escape(f"{error.message(lang)} {t('diagrams.text_instead', lang)}"))
    st.html(text_html)
