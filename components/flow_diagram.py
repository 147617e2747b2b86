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
from pathlib import Path

import streamlit as st

from components.common import md_escape
from components.memo import memo
from paths.i18n.catalog import t
from paths.render.image import RenderError

STATIC = Path(__file__).parent / "static"
CHOICES = ("auto", "wide", "portrait")
_COMPONENT = st.components.v2.component(
    "polku_flow_diagram",
    html="",
    css=(STATIC / "flow_diagram.css").read_text(encoding="utf-8"),
    js=(STATIC / "flow_diagram.js").read_text(encoding="utf-8"),
    # In the page's own DOM (every rule is under .polku-flow): the page's print stylesheet, the keyboard
    # focus and accessibility checkers see the drawing as part of the page.
    isolate_styles=False,
)


def clicked_step(key: str) -> str | None:
    """The step id the component with `key` sent in this run (None when nothing was clicked)."""
    state = st.session_state.get(key)
    if state is None:
        return None
    value = state.get("step") if hasattr(state, "get") else getattr(state, "step", None)
    return value if isinstance(value, str) else None


def flow_picture(
    drawings: dict[str, tuple[str, float]],
    steps: dict[str, list[str]],
    *,
    choice: str,
    fit: bool,
    selected: str | None,
    label: str,
    version: str,
    key: str,
    on_step: Callable[[], None],
) -> None:
    """Mount the component: `drawings` maps a layout to its (SVG, natural width in points); `steps` maps a
    node name to [step id, step title]; `on_step` runs (as a callback, before the page's next run) when a
    step is chosen. `version` names everything the drawings depend on: the browser redraws when it changes,
    and the drawings' encoded form is kept per version."""
    view = {"choice": choice if choice in CHOICES else "auto", "fit": fit, "selected": selected, "label": label,
            "version": version, "layouts": list(drawings)}
    encoded_view = json.dumps(view).encode()
    _COMPONENT(
        data=len(encoded_view).to_bytes(4, "big") + encoded_view + _drawn(version, tuple(drawings), drawings, steps),
        key=key,
        width="stretch",
        on_step_change=on_step,
    )


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
    flow_picture(
        {"wide": drawing}, steps or {}, choice="wide", fit=fit, selected=selected, label=label,
        version=f"{zlib.crc32(svg.encode('utf-8')):08x}", key=key, on_step=_nothing,
    )


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
