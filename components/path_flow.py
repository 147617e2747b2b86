"""The path page's flow diagram: the layout switch, the picture drawn on the server with its clickable
steps, the chosen step's details, and one stage at a time for a large path (see docs/diagrams.md)."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from components import diagrams
from components.analytics_panel import FLOW_EXPERIENCE, has_experience, show_experience
from components.common import page_key
from components.flow_diagram import Picture, QuickSwitch, clicked_step, page_picture, text_instead
from components.templating import render
from components.url_choice import url_switch, url_value
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
LAYOUT_CHOICES = ("auto", *LAYOUTS)
STEP_PARAM = "step"


def legend_html(lang: str, audience: str, filtered: bool = False) -> str:
    """The diagram's legend as HTML: the same swatch colour, icon and words as in the picture
    (`paths.render.marks`). With an actor filter the legend tells the chosen actor's steps, the others'
    and the hand-offs apart."""
    voice = renderer_audience(audience)
    shown = [{"fill": mark.fill, "border": mark.border, "icon": mark.icon, "words": mark.legend(lang, voice)}
             for mark in marks.legend_marks(filtered=filtered)]
    return render("legend.html", title=t("render.legend.title", lang), marks=shown)


@dataclass(frozen=True)
class FlowControls:
    """What the flow diagram's controls chose: the layout (auto, wide, portrait), "fit" and the experience."""

    layout: str
    fit: bool
    experience: bool


def flow_choices(path: ServicePath) -> FlowControls:
    """What the flow diagram's controls hold, read before they are drawn (the page draws the picture first):
    the layout the URL asks for (`?layout=wide|portrait`; none: automatic), "fit", and "show the experience"
    when a step is scored."""
    return FlowControls(
        url_value(LAYOUT_PARAM, LAYOUT_CHOICES, "auto"),
        bool(st.session_state.get(_FIT_WIDGET, False)),
        has_experience(path) and bool(st.session_state.get(FLOW_EXPERIENCE, False)),
    )


@dataclass(frozen=True)
class ViewOptions:
    """The view switch's options in its order, each as (view, the actor that view would show), or None for
    an option whose picture the browser cannot put in place at once (the print view changes the whole page),
    and the switch's widget key: what `flow_tab` needs to tell the browser which picture each option leads to."""

    views: tuple[tuple[str, str | None] | None, ...]
    widget: str


def flow_controls(path: ServicePath, lang: str) -> None:
    """The flow diagram's controls, in the page's row of controls (see `flow_choices`)."""
    url_switch(LAYOUT_PARAM, LAYOUT_CHOICES, default="auto", label=t("diagrams.layout_label", lang),
               words=lambda name: t(f"diagrams.layout.{name}", lang), help=t("diagrams.layout_help", lang),
               key=_LAYOUT_WIDGET)
    st.toggle(t("pathpage.fit", lang), key=_FIT_WIDGET, help=t("pathpage.fit_help", lang))
    show_experience(path, lang)


def _on_flow_step() -> None:
    """A step chosen in the flow diagram goes to the URL, so the details open and a link keeps them."""
    step_id = clicked_step(_FLOW_KEY)
    if step_id:
        st.query_params[STEP_PARAM] = step_id


def flow_tab(path: ServicePath, key: diagrams.Key, lang: str, audience: str, actor: str | None,
             controls: FlowControls, after_html: str = "", options: ViewOptions | None = None) -> None:
    """The flow diagram drawn on the server (both layouts when the choice is automatic), clickable steps,
    the legend and description (with `after_html` in the same element), and the chosen step's details.
    With the view switch's `options`, the browser can show a picture of another view it has shown before
    the moment that view is chosen (`QuickSwitch`)."""
    title = path.title.get(lang) or path.id
    choice, fit, experience = controls.layout, controls.fit, controls.experience
    alt = t("pathpage.flow_alt", lang, title=title)
    legend = legend_html(lang, audience, filtered=actor is not None)
    stage = large_path_stage(path, key, lang, audience, actor)
    try:
        wanted = LAYOUTS if choice == "auto" else (choice,)
        drawings = {
            name: diagrams.flow_svg(key, lang, audience, actor, name, path, stage, experience=experience)
            for name in wanted
        }
    except RenderError as error:
        text_instead(error, diagrams.text_html(key, lang, audience, actor, path), lang)
        return
    selected = _shown_step(path, key, audience, actor)
    version = _version(key, lang, audience, actor, stage, experience)
    quick = None
    if options is not None:
        quick = QuickSwitch(_picture_id(version, controls, selected),
                            _option_ids(path, key, lang, controls, options), options.widget)
    picture = Picture(drawings, diagrams.flow_steps(key, lang, audience, actor, path, stage), choice, fit, selected,
                      alt, version, hint=t("diagrams.click_hint", lang))
    page_picture(picture, key=_FLOW_KEY, on_step=_on_flow_step, quick=quick,
                 below_html=legend + description_html(key, lang, audience, actor, path) + after_html)
    details = diagrams.step_detail(key, selected, lang, audience, actor, path) if selected else None
    if details:
        with st.container(border=True, key="_polku_flow_step_details"):
            st.html(details["html"])
            st.button(t("diagrams.clear_step", lang), key="_polku_flow_clear", on_click=_clear_step)


def _version(key: diagrams.Key, lang: str, audience: str, actor: str | None, stage: str | None,
             experience: bool) -> str:
    """What the drawings depend on (the picture's `data-version`; the store by its number, `page_key`)."""
    return f"{page_key(key)}|{lang}|{audience}|{actor}|{stage}|{experience}"


def _picture_id(version: str, controls: FlowControls, selected: str | None) -> str:
    """Everything the picture shows depends on: the drawings, the layout, "fit" and the chosen step (the
    legend, the description and the hand-offs follow the view and the actor, which the version names). Not
    the options its frame carries (they follow the whole URL): the browser reads those from Streamlit's own
    drawing only, never from a copy."""
    return f"{version}|{controls.layout}|{controls.fit}|{selected}"


def _option_ids(path: ServicePath, key: diagrams.Key, lang: str, controls: FlowControls,
                options: ViewOptions) -> tuple[str, ...]:
    """The picture id each of the switch's options leads to, as the page would draw it; "" for an option
    that changes more than the picture. (A large path's view names no stage here, while its picture does:
    no picture the browser has kept matches, and the switch waits for the server, as it should.)"""
    ids = []
    for option in options.views:
        if option is None:
            ids.append("")
            continue
        view, actor = option
        selected = _shown_step(path, key, view, actor)
        ids.append(_picture_id(_version(key, lang, view, actor, None, controls.experience), controls, selected))
    return tuple(ids)


def _shown_step(path: ServicePath, key: diagrams.Key, view: str, actor: str | None) -> str | None:
    """The step the URL chooses (`?step=`) when the view shows it: a link may name a step that this view
    leaves out (the client view shows fewer steps), and then no step is chosen."""
    wanted = st.query_params.get(STEP_PARAM)
    return wanted if wanted in diagrams.walk(key, view, actor, path) else None


def large_path_stage(path: ServicePath, key: diagrams.Key, lang: str, audience: str, actor: str | None) -> str | None:
    """A large path is drawn one stage at a time (the flow diagram and the blueprint alike): the stage picker
    (the overview to jump from) and a step search; the chosen step's stage is shown. None for an ordinary path
    (all stages drawn)."""
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


def description_html(key: diagrams.Key, lang: str, audience: str, actor: str | None, path: ServicePath) -> str:
    """The picture's short description, drawn in the element under the picture (one element less on every
    rerun)."""
    text = diagrams.description(key, lang, audience, actor, path)
    return render("hint.html", css_class="polku-description", text=text)
