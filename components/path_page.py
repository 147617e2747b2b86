"""The path page: one path as a flow diagram, a service blueprint and text, in one of four views.

The views (`paths.views.configured`): professional (everything, optionally filtered by one actor),
client (plain language, only what the client meets), network partner (one chosen actor's steps and
hand-offs highlighted, with the list of those hand-offs) and print (the picture and the text with
nothing interactive). Everything that identifies what is shown lives in the URL
(`?path=ari&audience=partner&actor=kela&lang=sv`) so a shared link opens the same view. Drawing is
cached per (store, path, version, language, view, actor) and hidden tabs are not drawn at all, so a
rerun costs little.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from components import diagrams
from components.analytics_panel import dashboard, persona_card
from components.common import (
    cache_key,
    clicked_step_id,
    current_lang,
    load_path,
    md_escape,
    page_link,
    status_words,
    store,
    tr,
)
from components.handoff_list import handoff_html
from components.path_flow import flow_tab
from components.path_print import downloads, print_view
from components.templating import stylesheet
from paths.i18n.catalog import t
from paths.model.schema import ServicePath
from paths.model.validation import Problem
from paths.views.configured import VIEW_NAMES

PATH_PARAM = "path"
AUDIENCE_PARAM = "audience"
ACTOR_PARAM = "actor"
# Views with an actor control: the partner view always has an actor, the professional view may filter by one.
ACTOR_VIEWS = ("professional", "partner")
TABS = ("flow", "blueprint", "text")
_LAST_PATH = "_polku_last_path"
_TAB_INDEX = "_polku_path_tab"
_AUDIENCE_WIDGET = "_polku_audience_choice"
_ABOUT_WIDGET = "_polku_about_open"
_CLICKED = "_polku_step_clicked"
_ACTOR_WIDGET = "_polku_actor_{view}"
_HEADER_FOR_PRINT = "_polku_header_for_print"  # the header was drawn for the print view
# Readable sizes: the flow diagram keeps its natural size and scrolls sideways unless "fit" is on
# (components/static/flow_diagram.css); its steps are focusable, so the keyboard reaches the scroll region.
# On paper the sidebar, the toolbar and the page's controls are left out, in every view.
PAGE_CSS = stylesheet("path_page.css")


def current_audience() -> str:
    """The view named in the URL: professional, client, partner or print (anything else: professional)."""
    raw = st.query_params.get(AUDIENCE_PARAM)
    return raw if raw in VIEW_NAMES else "professional"


def _on_audience_change() -> None:
    st.query_params[AUDIENCE_PARAM] = st.session_state.get(_AUDIENCE_WIDGET) or "professional"


def _audience_switch(audience: str, lang: str) -> None:
    if st.session_state.get(_AUDIENCE_WIDGET) != audience:
        st.session_state[_AUDIENCE_WIDGET] = audience
    st.segmented_control(
        t("pathpage.audience_label", lang),
        options=list(VIEW_NAMES),
        format_func=lambda name: t(f"pathpage.audience.{name}", lang),
        key=_AUDIENCE_WIDGET,
        required=True,
        help=t("pathview.help", lang),
        on_change=_on_audience_change,
    )


def _on_actor_change(widget: str) -> None:
    chosen = st.session_state.get(widget)
    if chosen:
        st.query_params[ACTOR_PARAM] = chosen
    elif ACTOR_PARAM in st.query_params:
        del st.query_params[ACTOR_PARAM]


def chosen_actor(path: ServicePath, key: diagrams.Key, audience: str) -> str | None:
    """The actor the view highlights: the URL's when the view has it, else the partner view's default."""
    if audience not in ACTOR_VIEWS:
        return None
    choices = diagrams.actor_choices(key, audience, path)
    wanted = st.query_params.get(ACTOR_PARAM)
    if wanted in choices:
        return wanted
    if audience == "partner":
        default = diagrams.default_partner_actor(key, path)
        return default if default in choices else (choices[0] if choices else None)
    return None


def _actor_control(path: ServicePath, key: diagrams.Key, audience: str, actor: str | None, lang: str) -> None:
    """The partner view's actor picker, or the professional view's optional actor filter."""
    choices = diagrams.actor_choices(key, audience, path)
    if not choices:
        return
    names = {item.id: item.name.get(lang) or item.id for item in path.actors}
    partner = audience == "partner"
    options = choices if partner else ["", *choices]
    widget = _ACTOR_WIDGET.format(view=audience)
    if st.session_state.get(widget) != (actor or ""):
        st.session_state[widget] = actor or ""
    st.selectbox(
        t("pathview.partner_actor" if partner else "pathview.filter_actor", lang),
        options=options,
        format_func=lambda item: names.get(item, item) if item else t("pathview.all_actors", lang),
        key=widget,
        help=t("pathview.partner_actor_help" if partner else "pathview.filter_actor_help", lang),
        on_change=_on_actor_change,
        args=(widget,),
        width=300,
    )


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


def _header(path: ServicePath, version: int, lang: str, about: bool = True, checked_ok: bool = False) -> None:
    """Title, facts (with "the check found no problems" when so) and summary; the source and notes
    behind an expander (the print view has them in its text)."""
    st.title(md_escape(path.title.get(lang) or path.id), anchor=False)
    facts = [status_words(path.status), t("library.version", lang, version=version)]
    if checked_ok:
        facts.append(t("pathpage.no_problems", lang))
    if path.persona:
        facts.insert(0, t("library.persona", lang, persona=md_escape(path.persona.get(lang))))
    lines = [" · ".join(facts)]
    if path.summary:
        lines.append(md_escape(path.summary.get(lang)))
    st.markdown("\n\n".join(lines))
    persona_card(path, lang)
    if about and (path.provenance or path.notes):
        section = st.expander(t("pathpage.about", lang), key=_ABOUT_WIDGET, on_change="rerun")
        if not section.open:
            return  # drawn only while open: one element less on every rerun
        lines = []
        if path.provenance:
            lines.append(t("pathpage.provenance", lang, text=md_escape(path.provenance.get(lang))))
        if path.notes:
            lines.append(f"**{t('pathpage.notes', lang)}:** {md_escape(path.notes.get(lang))}")
        section.markdown("\n\n".join(lines))


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


def _picked_step(plot_key: str, pick_key: str) -> None:
    """A click on a step marker in the blueprint selects that step and opens its details."""
    step_id = clicked_step_id(plot_key)
    if step_id is not None:
        st.session_state[pick_key] = step_id
        st.session_state[_CLICKED] = True


def _step_dialog(details: dict) -> None:
    """The clicked step's details in a dialog, so they show where the click was, even on a tall chart."""

    def body() -> None:
        st.html(details["html"])

    st.dialog(md_escape(details["title"]), width="large")(body)()


def _blueprint(path: ServicePath, key: diagrams.Key, lang: str, audience: str, actor: str | None) -> None:
    title = path.title.get(lang) or path.id
    plot_key = f"_polku_blueprint_{path.id}"
    pick_key = f"_polku_step_{path.id}_{audience}"
    step_ids = diagrams.walk(key, audience, actor, path)
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
    details = diagrams.step_detail(key, chosen, lang, audience, actor, path) if chosen else None
    if details:
        with st.container(border=True, key="_polku_step_details"):
            st.html(details["html"])
        if st.session_state.pop(_CLICKED, False):
            _step_dialog(details)
    with st.container(key="polku_blueprint_scroll"):
        st.plotly_chart(
            diagrams.blueprint_figure(key, lang, audience, actor, path),
            width=diagrams.blueprint_width(key, lang, audience, actor, path),
            theme=None,
            key=plot_key,
            on_select=lambda: _picked_step(plot_key, pick_key),
            selection_mode="points",
            alt=tr("pathpage.blueprint_alt", title=title),
        )
    st.caption(md_escape(diagrams.description(key, lang, audience, actor, path)))


def _text(path: ServicePath, key: diagrams.Key, lang: str, audience: str, actor: str | None) -> None:
    st.caption(tr("pathpage.text_hint"))
    st.html(diagrams.text_html(key, lang, audience, actor, path))


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
    found = diagrams.problems(key, lang, path)
    print_view_now = current_audience() == "print"
    st.session_state[_HEADER_FOR_PRINT] = print_view_now
    _header(path, version, lang, about=not print_view_now, checked_ok=not found)
    _views(path, key, lang)


@st.fragment
def _views(path: ServicePath, key: diagrams.Key, lang: str) -> None:
    """Everything a view (or an actor, a tab, the layout) changes, as a fragment: the view switch reruns
    this part only, not the app's frame and the header, which is the quickest way to the redrawn
    picture. The header differs only for the print view, so going to it or from it reruns the app."""
    audience = current_audience()
    if (audience == "print") != st.session_state.get(_HEADER_FOR_PRINT, False):
        st.rerun(scope="app")
    actor = chosen_actor(path, key, audience)
    found = diagrams.problems(key, lang, path)
    _audience_switch(audience, lang)
    if audience in ACTOR_VIEWS:
        _actor_control(path, key, audience, actor, lang)
    if found:
        _problem_list(found)
    if audience == "partner" and actor is None:
        st.info(t("pathview.no_actor", lang))
    if audience == "print":
        print_view(path, key, lang)
        return
    flow, blueprint_tab, text = _tabs(lang)
    if flow.open:
        with flow:
            flow_tab(path, key, lang, audience, actor)
    if blueprint_tab.open:
        with blueprint_tab:
            _blueprint(path, key, lang, audience, actor)
    if text.open:
        with text:
            _text(path, key, lang, audience, actor)
    if actor is not None:
        st.html(handoff_html(key, lang, audience, actor, path))
    dashboard(path, key, lang, audience)
    downloads(path, key, lang, audience, actor)
