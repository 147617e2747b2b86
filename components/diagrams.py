"""Cached wrappers around the renderers in paths/, so a rerun never redraws an unchanged path.

Every wrapper is keyed on `key` = (store URL, path id, version) plus the language and the
audience; the path itself is passed as `_path` (not hashed: a stored version never changes).
"""

from __future__ import annotations

import streamlit as st
from plotly.graph_objects import Figure

from paths import blueprint, render_image, render_text
from paths.graph import walk_order
from paths.loading import dump_json, dump_yaml
from paths.model import ServicePath
from paths.render_dot import to_dot
from paths.validation import Problem, validate
from paths.views import audience_view

Key = tuple[str, str, int]


@st.cache_data(show_spinner=False, max_entries=512)
def problems(key: Key, lang: str, _path: ServicePath) -> list[Problem]:
    return validate(_path, lang)


@st.cache_data(show_spinner=False, max_entries=512)
def flow_dot(key: Key, lang: str, audience: str, _path: ServicePath) -> str:
    """For the browser: the page shows the legend beside the chart, so the drawing stays narrower."""
    return to_dot(_path, lang, audience, legend=False)


# The blueprint is as wide as its stage slots need (a stage title wraps at about 8 characters a slot),
# never narrower than a tablet; a wider one scrolls sideways instead of squeezing its labels.
BLUEPRINT_PX_PER_SLOT = 90
BLUEPRINT_LABEL_PX = 200
BLUEPRINT_MIN_PX = 720


@st.cache_data(show_spinner=False, max_entries=512)
def blueprint_width(key: Key, lang: str, audience: str, _path: ServicePath) -> int:
    slots = blueprint.layout(_path, lang, audience).width
    return max(BLUEPRINT_MIN_PX, round(BLUEPRINT_LABEL_PX + BLUEPRINT_PX_PER_SLOT * slots))


@st.cache_resource(show_spinner=False, max_entries=128)
def blueprint_figure(key: Key, lang: str, audience: str, _path: ServicePath) -> Figure:
    """Shared, not copied: Streamlit only reads the figure when it serialises it."""
    return blueprint.blueprint_figure(_path, lang, audience)


@st.cache_data(show_spinner=False, max_entries=512)
def step_detail(key: Key, step_id: str, lang: str, audience: str, _path: ServicePath) -> dict | None:
    """What a click on a step shows (None when the audience does not see the step)."""
    return blueprint.step_details(_path, step_id, lang, audience)


@st.cache_data(show_spinner=False, max_entries=512)
def text_html(key: Key, lang: str, audience: str, _path: ServicePath) -> str:
    return render_text.to_html(_path, lang, audience)


@st.cache_data(show_spinner=False, max_entries=512)
def text_markdown(key: Key, lang: str, audience: str, _path: ServicePath) -> str:
    return render_text.to_markdown(_path, lang, audience)


@st.cache_data(show_spinner=False, max_entries=512)
def description(key: Key, lang: str, audience: str, _path: ServicePath) -> str:
    return render_text.describe(_path, lang, audience)


@st.cache_data(show_spinner=False, max_entries=512)
def walk(key: Key, audience: str, _path: ServicePath) -> list[str]:
    """The step ids the audience sees, in reading order (for the step picker)."""
    return walk_order(audience_view(_path, audience))


@st.cache_data(show_spinner=False, max_entries=64)
def image(key: Key, fmt: str, lang: str, audience: str, _path: ServicePath) -> bytes:
    """SVG, PNG or PDF from the `dot` binary; raises render_image.RenderError."""
    return render_image.render_path(_path, fmt, lang, audience)


@st.cache_data(show_spinner=False, max_entries=128)
def as_yaml(key: Key, _path: ServicePath) -> str:
    return dump_yaml(_path)


@st.cache_data(show_spinner=False, max_entries=128)
def as_json(key: Key, _path: ServicePath) -> str:
    return dump_json(_path)


def dot_available() -> bool:
    return render_image.dot_binary() is not None
