"""The path page: one path as a flow diagram, a service blueprint and text, for either audience.

Everything that identifies what is shown lives in the URL (`?path=ari&audience=client&lang=sv`)
so a shared link opens the same view. Drawing is cached per (store, path, version, language,
audience) and hidden tabs are not drawn at all, so a rerun costs little.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from functools import partial
from typing import Any

import streamlit as st

from components import diagrams
from components.common import cache_key, current_lang, load_path, md_escape, page_link, status_words, store, tr
from paths import palette
from paths.i18n import t
from paths.model import ServicePath
from paths.render_image import RenderError
from paths.validation import Problem
from paths.views import AUDIENCES

PATH_PARAM = "path"
AUDIENCE_PARAM = "audience"
TABS = ("flow", "blueprint", "text")
_LAST_PATH = "_polku_last_path"
_TAB_INDEX = "_polku_path_tab"
_AUDIENCE_WIDGET = "_polku_audience_choice"
_FIT_WIDGET = "_polku_flow_fit"
_CLICKED = "_polku_step_clicked"
# Readable sizes: the flow diagram keeps its natural size and scrolls sideways unless "fit" is on.
PAGE_CSS = f"""<style>
.st-key-polku_flow_scroll, .st-key-polku_blueprint_scroll {{ overflow-x: auto; }}
.st-key-polku_blueprint_scroll > [data-testid="stElementContainer"] {{ max-width: none; }}
.st-key-polku_flow_scroll [data-testid="stGraphVizChart"] > svg {{ max-width: none !important; zoom: .75; }}
.polku-legend ul {{ list-style: none; padding: 0; margin: .25rem 0 0; display: flex; flex-wrap: wrap;
  gap: .25rem 1.25rem; }}
.polku-legend li {{ display: flex; align-items: center; gap: .4rem; margin: 0; }}
.polku-swatch {{ display: inline-flex; align-items: center; justify-content: center; width: 2.2rem; height: 1.6rem;
  border: 2px solid; border-radius: .3rem; font-size: .9rem; }}
.polku-text .polku-coordinator {{ border-left: .4rem solid {palette.COORDINATOR_BORDER}; padding-left: .8rem; }}
.polku-text .polku-network-meeting {{ border-left: .4rem solid {palette.NETWORK_BORDER}; padding-left: .8rem; }}
</style>"""
DOWNLOAD_MIME = {
    "svg": "image/svg+xml",
    "png": "image/png",
    "pdf": "application/pdf",
    "yaml": "application/yaml",
    "json": "application/json",
    "md": "text/markdown",
}


def current_audience() -> str:
    raw = st.query_params.get(AUDIENCE_PARAM)
    return raw if raw in AUDIENCES else "professional"


def _on_audience_change() -> None:
    st.query_params[AUDIENCE_PARAM] = st.session_state.get(_AUDIENCE_WIDGET) or "professional"


def _audience_switch() -> str:
    audience = current_audience()
    if st.session_state.get(_AUDIENCE_WIDGET) != audience:
        st.session_state[_AUDIENCE_WIDGET] = audience
    st.segmented_control(
        tr("pathpage.audience_label"),
        options=list(AUDIENCES),
        format_func=lambda name: tr(f"pathpage.audience.{name}"),
        key=_AUDIENCE_WIDGET,
        required=True,
        help=tr("pathpage.audience_help"),
        on_change=_on_audience_change,
    )
    return audience


def _choose_path() -> None:
    """No path in the URL: a picker (Streamlit's own navigation drops the query string)."""
    summaries = store().list_paths()
    lang = current_lang()
    titles = {summary.id: summary.title.get(lang) or summary.id for summary in summaries}
    chosen = st.selectbox(
        tr("pathpage.choose"), options=list(titles), format_func=titles.get, index=None, key="_polku_path_pick"
    )
    if chosen:
        st.session_state[_LAST_PATH] = chosen
        st.query_params[PATH_PARAM] = chosen
        st.rerun()
    page_link("library", tr("pathpage.to_library"), icon="📚")


def _header(path: ServicePath, version: int, lang: str) -> None:
    st.title(md_escape(path.title.get(lang) or path.id), anchor=False)
    facts = [status_words(path.status), tr("library.version", version=version)]
    if path.persona:
        facts.insert(0, tr("library.persona", persona=md_escape(path.persona.get(lang))))
    st.markdown(" · ".join(facts))
    if path.summary:
        st.markdown(md_escape(path.summary.get(lang)))
    if path.provenance or path.notes:
        with st.expander(tr("pathpage.about")):
            if path.provenance:
                st.markdown(tr("pathpage.provenance", text=md_escape(path.provenance.get(lang))))
            if path.notes:
                st.markdown(f"**{tr('pathpage.notes')}:** {md_escape(path.notes.get(lang))}")


def _problem_list(found: list[Problem]) -> None:
    lines = [f"**{tr('pathpage.problems_title', count=len(found))}**", tr("pathpage.problems_intro"), ""]
    lines += [f"- {md_escape(problem.message)}" for problem in found]
    st.warning("\n".join(lines), icon="⚠️")


def _tabs(lang: str) -> list[Any]:
    """Lazy tabs (only the open one is drawn) that stay open across a language switch.

    The tab state is keyed per language because the labels change with it; the open tab's
    index is kept in the session and given as the default when the labels change.
    """
    labels = [tr(f"pathpage.tab.{name}") for name in TABS]
    index = st.session_state.get(_TAB_INDEX, 0)
    tabs = list(st.tabs(labels, default=labels[index], key=f"_polku_tabs_{lang}", on_change="rerun"))
    for position, tab in enumerate(tabs):
        if tab.open:
            st.session_state[_TAB_INDEX] = position
    return tabs


def legend_html(lang: str, audience: str) -> str:
    """The diagram's legend as HTML: the same swatch colour, icon and words as in the picture."""
    items = [
        ("", "render.legend.step", palette.STEP_FILL, palette.STEP_BORDER),
        (
            "💡",
            "render.legend.coordinator_client" if audience == "client" else "render.legend.coordinator",
            palette.COORDINATOR_FILL,
            palette.COORDINATOR_BORDER,
        ),
        ("👥", "render.legend.network_meeting", palette.NETWORK_FILL, palette.NETWORK_BORDER),
        ("◆", "render.legend.decision", palette.DECISION_FILL, palette.STEP_BORDER),
        ("🏁", "render.legend.end", palette.END_FILL, palette.END_BORDER),
    ]
    cells = "".join(
        f'<li><span class="polku-swatch" aria-hidden="true" style="background:{fill};border-color:{border}">'
        f"{html.escape(icon)}</span> {html.escape(t(key, lang))}</li>"
        for icon, key, fill, border in items
    )
    title = html.escape(t("render.legend.title", lang))
    return (
        f'<div class="polku-legend" role="group" aria-label="{title}">'
        f"<strong>{title}:</strong><ul>{cells}</ul></div>"
    )


def _flow(path: ServicePath, key: diagrams.Key, lang: str, audience: str) -> None:
    title = path.title.get(lang) or path.id
    fit = st.toggle(tr("pathpage.fit"), key=_FIT_WIDGET, help=tr("pathpage.fit_help"))
    with st.container(key="polku_flow_fit" if fit else "polku_flow_scroll"):
        dot = diagrams.flow_dot(key, lang, audience, path)
        st.graphviz_chart(dot, width="stretch" if fit else "content", alt=tr("pathpage.flow_alt", title=title))
    st.html(legend_html(lang, audience))
    st.caption(md_escape(diagrams.description(key, lang, audience, path)))


def _picked_step(plot_key: str, pick_key: str) -> None:
    """A click on a step marker in the blueprint selects that step and opens its details."""
    state = st.session_state.get(plot_key)
    points = state.selection.points if state is not None else []
    for point in points:
        step_id = point.get("customdata")
        if isinstance(step_id, list | tuple):
            step_id = step_id[0] if step_id else None
        if isinstance(step_id, str):
            st.session_state[pick_key] = step_id
            st.session_state[_CLICKED] = True
            return


def _step_dialog(details: dict) -> None:
    """The clicked step's details in a dialog, so they show where the click was, even on a tall chart."""

    def body() -> None:
        st.html(details["html"])

    st.dialog(md_escape(details["title"]), width="large")(body)()


def _blueprint(path: ServicePath, key: diagrams.Key, lang: str, audience: str) -> None:
    title = path.title.get(lang) or path.id
    plot_key = f"_polku_blueprint_{path.id}"
    pick_key = f"_polku_step_{path.id}_{audience}"
    step_ids = diagrams.walk(key, audience, path)
    if st.session_state.get(pick_key) not in step_ids:
        st.session_state.pop(pick_key, None)
    st.caption(tr("pathpage.blueprint_hint"))
    chosen = st.selectbox(
        tr("pathpage.step_pick"),
        options=step_ids,
        format_func=lambda step_id: (path.step(step_id).title.get(lang) if path.step(step_id) else step_id),
        index=None,
        placeholder=tr("pathpage.step_none"),
        key=pick_key,
    )
    details = diagrams.step_detail(key, chosen, lang, audience, path) if chosen else None
    if details:
        with st.container(border=True, key="_polku_step_details"):
            st.html(details["html"])
        if st.session_state.pop(_CLICKED, False):
            _step_dialog(details)
    with st.container(key="polku_blueprint_scroll"):
        st.plotly_chart(
            diagrams.blueprint_figure(key, lang, audience, path),
            width=diagrams.blueprint_width(key, lang, audience, path),
            theme=None,
            key=plot_key,
            on_select=lambda: _picked_step(plot_key, pick_key),
            selection_mode="points",
            alt=tr("pathpage.blueprint_alt", title=title),
        )
    st.caption(md_escape(diagrams.description(key, lang, audience, path)))


def _text(path: ServicePath, key: diagrams.Key, lang: str, audience: str) -> None:
    st.caption(tr("pathpage.text_hint"))
    st.html(diagrams.text_html(key, lang, audience, path))


def _downloads(path: ServicePath, key: diagrams.Key, lang: str, audience: str) -> None:
    """Drawn only while the section is open; every file is made only when its button is pressed."""
    section = st.expander(tr("pathpage.downloads"), icon="⬇️", key="_polku_downloads_open", on_change="rerun")
    if not section.open:
        return
    section.caption(tr("pathpage.downloads_hint"))
    stem = f"{path.id}-{audience}-{lang}"
    files: list[tuple[str, str, Callable[[], str | bytes]]] = []
    has_dot = diagrams.dot_available()
    if has_dot:
        for fmt in ("svg", "png", "pdf"):
            files.append((fmt, f"{stem}.{fmt}", partial(_image_or_empty, path, key, fmt, lang, audience)))
    files += [
        ("md", f"{stem}.md", partial(diagrams.text_markdown, key, lang, audience, path)),
        ("yaml", f"{path.id}.yaml", partial(diagrams.as_yaml, key, path)),
        ("json", f"{path.id}.json", partial(diagrams.as_json, key, path)),
    ]
    with section, st.container(horizontal=True, key="_polku_downloads"):
        for fmt, file_name, make in files:
            st.download_button(
                tr(f"pathpage.download.{fmt}"),
                data=make,
                file_name=file_name,
                mime=DOWNLOAD_MIME[fmt],
                on_click="ignore",
                icon="⬇️",
                key=f"_polku_download_{fmt}",
            )
    if not has_dot:
        section.info(tr("pathpage.no_dot"))


def _image_or_empty(path: ServicePath, key: diagrams.Key, fmt: str, lang: str, audience: str) -> bytes:
    try:
        return diagrams.image(key, fmt, lang, audience, path)
    except RenderError:
        return b""


def render() -> None:
    """The Path page."""
    lang = current_lang()
    path_id = st.query_params.get(PATH_PARAM) or st.session_state.get(_LAST_PATH)
    if not path_id:
        _choose_path()
        return
    loaded = load_path(path_id)
    if loaded is None and not st.query_params.get(PATH_PARAM):
        st.session_state.pop(_LAST_PATH, None)  # the remembered path is gone: offer the others
        _choose_path()
        return
    if loaded is None:
        st.error(tr("pathpage.not_found"))
        page_link("library", tr("pathpage.to_library"), icon="📚")
        return
    path, version = loaded
    st.session_state[_LAST_PATH] = path_id
    if st.query_params.get(PATH_PARAM) != path_id:
        st.query_params[PATH_PARAM] = path_id
    key = cache_key(path_id, version)

    st.html(PAGE_CSS)
    _header(path, version, lang)
    found = diagrams.problems(key, lang, path)
    with st.container(horizontal=True, vertical_alignment="bottom", gap="large", key="_polku_path_controls"):
        audience = _audience_switch()
        if not found:
            st.caption(tr("pathpage.no_problems"))
    if found:
        _problem_list(found)
    flow, blueprint_tab, text = _tabs(lang)
    if flow.open:
        with flow:
            _flow(path, key, lang, audience)
    if blueprint_tab.open:
        with blueprint_tab:
            _blueprint(path, key, lang, audience)
    if text.open:
        with text:
            _text(path, key, lang, audience)
    _downloads(path, key, lang, audience)
