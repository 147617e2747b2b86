"""The path page's flow diagram: the layout switch, the picture drawn on the server with its clickable
steps, the chosen step's details, and one stage at a time for a large path (see docs/diagrams.md)."""

from __future__ import annotations

import streamlit as st

from components import diagrams
from components.analytics_panel import show_experience
from components.flow_diagram import clicked_step, flow_picture, text_instead
from components.templating import render
from paths.i18n.catalog import t
from paths.model.schema import ServicePath
from paths.render import marks
from paths.render.image import RenderError
from paths.render.layout import LAYOUTS
from paths.views.audience import renderer_audience

_FIT_WIDGET = "_polku_flow_fit"
_LAYOUT_WIDGET = "_polku_flow_layout"
_FLOW_KEY = "_polku_flow_picture"
_STAGE_WIDGET = "_polku_large_stage"
_SEARCH_WIDGET = "_polku_large_search"
_STAGE_FOR = "_polku_large_stage_for"
LAYOUT_PARAM = "layout"
STEP_PARAM = "step"


def legend_html(lang: str, audience: str, filtered: bool = False) -> str:
    """The diagram's legend as HTML: the same swatch colour, icon and words as in the picture
    (`paths.render.marks`). With an actor filter the legend tells the chosen actor's steps, the others'
    and the hand-offs apart."""
    voice = renderer_audience(audience)
    shown = [{"fill": mark.fill, "border": mark.border, "icon": mark.icon, "words": mark.legend(lang, voice)}
             for mark in marks.legend_marks(filtered=filtered)]
    return render("legend.html", title=t("render.legend.title", lang), marks=shown)


def _on_layout_change() -> None:
    chosen = st.session_state.get(_LAYOUT_WIDGET) or "auto"
    if chosen == "auto":
        st.query_params.pop(LAYOUT_PARAM, None)
    else:
        st.query_params[LAYOUT_PARAM] = chosen


def _layout_switch(lang: str) -> str:
    """The layout the URL asks for (`?layout=wide|portrait`; none: automatic), with its switch."""
    raw = st.query_params.get(LAYOUT_PARAM)
    choice = raw if raw in LAYOUTS else "auto"
    if st.session_state.get(_LAYOUT_WIDGET) != choice:
        st.session_state[_LAYOUT_WIDGET] = choice
    st.segmented_control(
        t("diagrams.layout_label", lang),
        options=["auto", *LAYOUTS],
        format_func=lambda name: t(f"diagrams.layout.{name}", lang),
        key=_LAYOUT_WIDGET,
        required=True,
        help=t("diagrams.layout_help", lang),
        on_change=_on_layout_change,
    )
    return choice


def _on_flow_step() -> None:
    """A step chosen in the flow diagram goes to the URL, so the details open and a link keeps them."""
    step_id = clicked_step(_FLOW_KEY)
    if step_id:
        st.query_params[STEP_PARAM] = step_id


def flow_tab(path: ServicePath, key: diagrams.Key, lang: str, audience: str, actor: str | None) -> None:
    """The flow diagram drawn on the server (both layouts when the choice is automatic), clickable steps,
    and the chosen step's details under it."""
    title = path.title.get(lang) or path.id
    with st.container(horizontal=True, key="_polku_flow_controls"):
        choice = _layout_switch(lang)
        fit = st.toggle(t("pathpage.fit", lang), key=_FIT_WIDGET, help=t("pathpage.fit_help", lang))
        experience = show_experience(path, lang)
    alt = t("pathpage.flow_alt", lang, title=title)
    legend = legend_html(lang, audience, filtered=actor is not None)
    stage = _large_path_stage(path, key, lang, audience, actor)
    try:
        wanted = LAYOUTS if choice == "auto" else (choice,)
        drawings = {
            name: diagrams.flow_svg(key, lang, audience, actor, name, path, stage, experience=experience)
            for name in wanted
        }
    except RenderError as error:
        text_instead(error, diagrams.text_html(key, lang, audience, actor, path), lang)
        return
    step_ids = diagrams.walk(key, audience, actor, path)
    selected = st.query_params.get(STEP_PARAM)
    selected = selected if selected in step_ids else None
    st.caption(t("diagrams.click_hint", lang))
    flow_picture(
        drawings, diagrams.flow_steps(key, lang, audience, actor, path, stage), choice=choice, fit=fit,
        selected=selected, label=alt, version=f"{key}|{lang}|{audience}|{actor}|{stage}|{experience}", key=_FLOW_KEY,
        on_step=_on_flow_step,
    )
    st.html(legend + _description_html(key, lang, audience, actor, path))
    details = diagrams.step_detail(key, selected, lang, audience, actor, path) if selected else None
    if details:
        with st.container(border=True, key="_polku_flow_step_details"):
            st.html(details["html"])
            st.button(t("diagrams.clear_step", lang), key="_polku_flow_clear", on_click=_clear_step)


def _large_path_stage(path: ServicePath, key: diagrams.Key, lang: str, audience: str, actor: str | None) -> str | None:
    """A large path is drawn one stage at a time: the stage picker (the overview to jump from) and a step
    search; the chosen step's stage is shown. None for an ordinary path (all stages drawn)."""
    if not diagrams.is_large(key, audience, actor, path):
        return None
    shown = diagrams.viewed(key, audience, actor, path)
    stages = [stage.id for stage in shown.stages if any(step.stage == stage.id for step in shown.steps)]
    if not stages:
        return None
    titles = {stage.id: f"{i + 1}. {stage.title.get(lang) or stage.id}" for i, stage in enumerate(shown.stages)}
    st.caption(t("diagrams.large_hint", lang, count=len(shown.steps)))
    wanted = shown.step(st.query_params.get(STEP_PARAM) or "")
    if wanted is not None and wanted.stage in stages and st.session_state.get(_STAGE_FOR) != wanted.id:
        st.session_state[_STAGE_WIDGET] = wanted.stage  # a newly chosen step opens its stage, once
        st.session_state[_STAGE_FOR] = wanted.id
    with st.container(horizontal=True, key="_polku_large_controls"):
        stage = st.selectbox(t("diagrams.large_stage", lang), stages, format_func=titles.get, key=_STAGE_WIDGET)
        steps = diagrams.walk(key, audience, actor, path)
        names = {step.id: step.title.get(lang) or step.id for step in shown.steps}
        st.selectbox(t("diagrams.search_step", lang), steps, format_func=names.get, index=None,
                     key=_SEARCH_WIDGET, on_change=_on_search)
    return stage


def _on_search() -> None:
    chosen = st.session_state.get(_SEARCH_WIDGET)
    if chosen:
        st.query_params[STEP_PARAM] = chosen


def _clear_step() -> None:
    st.query_params.pop(STEP_PARAM, None)


def _description_html(key: diagrams.Key, lang: str, audience: str, actor: str | None, path: ServicePath) -> str:
    """The diagram's short description, drawn in the legend's element (one element less on every rerun)."""
    text = diagrams.description(key, lang, audience, actor, path)
    return render("hint.html", css_class="polku-description", text=text)
