"""The path page: one path as a flow diagram, a service blueprint and text, in one of four views.

The views (`paths.views.configured`): professional (everything, optionally filtered by one actor),
client (plain language, only what the client meets), network partner (one chosen actor's steps and
hand-offs highlighted, with the list of those hand-offs) and print (the picture and the text with
nothing interactive). Everything that identifies what is shown lives in the URL
(`?path=ari&audience=partner&actor=kela&show=blueprint&lang=sv`) so a shared link opens the same view.
Drawing is cached per (store, path, version, language, view, actor) and only what is shown is drawn, so a
rerun costs little.
"""

from __future__ import annotations

import streamlit as st

from components import diagrams
from components.analytics_panel import DASHBOARD_OPEN, dashboard, persona_card
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
from components.path_flow import (
    ViewOptions,
    description_html,
    flow_choices,
    flow_controls,
    flow_tab,
    large_path_stage,
)
from components.path_print import DOWNLOADS_OPEN, downloads, print_view
from components.templating import style_element, stylesheet
from components.url_choice import url_switch, url_value
from paths.i18n.catalog import t
from paths.model.schema import ServicePath
from paths.model.validation import Problem
from paths.views.configured import VIEW_NAMES

PATH_PARAM = "path"
AUDIENCE_PARAM = "audience"
ACTOR_PARAM = "actor"
# Views with an actor control: the partner view always has an actor, the professional view may filter by one.
ACTOR_VIEWS = ("professional", "partner")
SHOW_PARAM = "show"
SHOWN = ("flow", "blueprint", "text")  # what the path is shown as
_LAST_PATH = "_polku_last_path"
_SHOWN_WIDGET = "_polku_shown_choice"
_AUDIENCE_WIDGET = "_polku_audience_choice"
_ABOUT_WIDGET = "_polku_about_open"
_CLICKED = "_polku_step_clicked"
_ACTOR_WIDGET = "_polku_actor_{view}"
_FRAME_FOR = "_polku_frame_for"  # what the part of the page outside the fragment was drawn for (`_frame_for`)
_SECTIONS = (DASHBOARD_OPEN, DOWNLOADS_OPEN)
# Readable sizes: the flow diagram keeps its natural size and scrolls sideways unless "fit" is on
# (components/static/flow_diagram.css); its steps are focusable, so the keyboard reaches the scroll region.
# On paper the sidebar, the toolbar and the page's controls are left out, in every view.
# The flow diagram's styles go with the page, so the picture is laid out from its first render on.
PAGE_CSS = stylesheet("path_page.css") + style_element("flow_diagram.css")


def current_audience() -> str:
    """The view named in the URL: professional, client, partner or print (anything else: professional)."""
    return url_value(AUDIENCE_PARAM, VIEW_NAMES, "professional")


def _audience_switch(lang: str) -> str:
    return url_switch(AUDIENCE_PARAM, VIEW_NAMES, default="professional", label=t("pathpage.audience_label", lang),
                      words=lambda name: t(f"pathpage.audience.{name}", lang), help=t("pathview.help", lang),
                      key=_AUDIENCE_WIDGET)


def _shown_switch(lang: str) -> str:
    """What the path is shown as (`?show=`): the flow diagram, the service blueprint or the text."""
    return url_switch(SHOW_PARAM, SHOWN, default=SHOWN[0], label=t("pathpage.show_label", lang),
                      words=lambda name: t(f"pathpage.shown.{name}", lang), help=t("pathpage.show_help", lang),
                      key=_SHOWN_WIDGET)


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


def _header(path: ServicePath, version: int, lang: str, checked_ok: bool = False) -> None:
    """Title, facts (with "the check found no problems" when so), summary and the example client, folded."""
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


def _about(path: ServicePath, lang: str) -> None:
    """The source and notes behind an expander under the picture (the print view has them in its text)."""
    if not (path.provenance or path.notes):
        return
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


def _blueprint(path: ServicePath, key: diagrams.Key, lang: str, audience: str, actor: str | None,
               after_html: str) -> None:
    title = path.title.get(lang) or path.id
    plot_key = f"_polku_blueprint_{path.id}"
    pick_key = f"_polku_step_{path.id}_{audience}"
    stage = large_path_stage(path, key, lang, audience, actor)  # a large path: one stage at a time, as the flow
    if stage:
        step_ids = diagrams.stage_walk(key, audience, actor, stage, path)
    else:
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
            diagrams.blueprint_figure(key, lang, audience, actor, path, stage),
            width=diagrams.blueprint_width(key, lang, audience, actor, path, stage),
            theme=None,
            key=plot_key,
            on_select=lambda: _picked_step(plot_key, pick_key),
            selection_mode="points",
            alt=tr("pathpage.blueprint_alt", title=title),
        )
    st.html(description_html(key, lang, audience, actor, path) + after_html)


def _text(path: ServicePath, key: diagrams.Key, lang: str, audience: str, actor: str | None,
          after_html: str) -> None:
    st.caption(tr("pathpage.text_hint"))
    st.html(diagrams.text_html(key, lang, audience, actor, path) + after_html)


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
    audience = current_audience()
    actor = chosen_actor(path, key, audience)
    st.session_state[_FRAME_FOR] = _frame_for(audience, actor)
    _header(path, version, lang, checked_ok=not found)
    if found:
        _problem_list(found)
    if audience != "print":
        _show_controls(path, lang)
    _views(path, key, lang)
    if audience != "print":
        _about(path, lang)
        dashboard(path, key, lang, audience)
        downloads(path, key, lang, audience, actor)


def _show_controls(path: ServicePath, lang: str) -> None:
    """What the path is shown as and, for the flow diagram, its layout and "fit": one row, outside the
    fragment (they change the whole page, and the fewer elements the fragment has, the quicker a view
    switch is drawn)."""
    with st.container(horizontal=True, vertical_alignment="bottom", key="_polku_show_controls"):
        if _shown_switch(lang) == "flow":
            flow_controls(path, lang)


def _frame_for(audience: str, actor: str | None) -> tuple[bool, tuple[str, str | None] | None]:
    """What the page outside the fragment shows depends on: whether this is the print view (it has no
    controls, notes or sections there), and, while the figures or the downloads are open, the view and the
    actor they are for."""
    sections_open = any(st.session_state.get(section) for section in _SECTIONS)
    return audience == "print", ((audience, actor) if sections_open else None)


def _view_options(path: ServicePath, key: diagrams.Key) -> ViewOptions:
    """The view switch's options with the actor each view would show; the print view changes the whole page."""
    views = tuple(None if view == "print" else (view, chosen_actor(path, key, view)) for view in VIEW_NAMES)
    return ViewOptions(views, _AUDIENCE_WIDGET)


@st.fragment
def _views(path: ServicePath, key: diagrams.Key, lang: str) -> None:
    """Everything a view (or an actor, what the path is shown as, the layout) changes, as a fragment: the
    view switch reruns this part only, not the app's frame and the header, which is the quickest way to the
    redrawn picture. What the rest of the page shows changes only with the print view or, while the figures
    or the downloads are open, with the view and the actor (`_frame_for`): then the whole app reruns.

    The fragment is kept to few elements (each costs the browser a message to handle and a render on every
    switch): the view and the actor share one row, the legend, the description and the hand-offs share the
    picture's element, and what the path is shown as, the layout, the figures and the downloads are outside
    (`_show_controls`, `_frame_for`)."""
    audience = current_audience()
    actor = chosen_actor(path, key, audience)
    if _frame_for(audience, actor) != st.session_state.get(_FRAME_FOR):
        st.rerun(scope="app")
    with st.container(horizontal=True, vertical_alignment="bottom", key="_polku_view_controls"):
        _audience_switch(lang)
        if audience in ACTOR_VIEWS:
            _actor_control(path, key, audience, actor, lang)
        if audience == "partner" and actor is None:
            st.info(t("pathview.no_actor", lang))
    if audience == "print":
        print_view(path, key, lang)
        return
    shown = url_value(SHOW_PARAM, SHOWN, SHOWN[0])
    # The hand-offs of the chosen actor close the element under the picture or the text.
    after = handoff_html(key, lang, audience, actor, path) if actor is not None else ""
    if shown == "flow":
        flow_tab(path, key, lang, audience, actor, flow_choices(path), after, _view_options(path, key))
    elif shown == "blueprint":
        _blueprint(path, key, lang, audience, actor, after)
    else:
        _text(path, key, lang, audience, actor, after)
