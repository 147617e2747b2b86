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

import html
from collections.abc import Callable
from functools import partial
from typing import Any

import streamlit as st

from components import diagrams
from components.analytics_panel import dashboard, persona_card, show_experience
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
from components.downloads_formats import format_downloads
from components.flow_diagram import clicked_step, flow_picture
from components.memo import memo
from paths.i18n.catalog import t
from paths.model.schema import ServicePath
from paths.model.validation import Problem
from paths.render import marks, palette
from paths.render.image import RenderError
from paths.render.layout import LAYOUTS
from paths.render.marks import HANDOFF_ICON
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
_FIT_WIDGET = "_polku_flow_fit"
_LAYOUT_WIDGET = "_polku_flow_layout"
_FLOW_KEY = "_polku_flow_picture"
_STAGE_WIDGET = "_polku_large_stage"
_SEARCH_WIDGET = "_polku_large_search"
_STAGE_FOR = "_polku_large_stage_for"
LAYOUT_PARAM = "layout"
STEP_PARAM = "step"
_ABOUT_WIDGET = "_polku_about_open"
_CLICKED = "_polku_step_clicked"
_ACTOR_WIDGET = "_polku_actor_{view}"
# Readable sizes: the flow diagram keeps its natural size and scrolls sideways unless "fit" is on
# (components/static/flow_diagram.css); its steps are focusable, so the keyboard reaches the scroll region.
# On paper the sidebar, the toolbar and the page's controls are left out, in every view.
PAGE_CSS = f"""<style>
.st-key-polku_blueprint_scroll {{ overflow-x: auto; }}
.st-key-polku_blueprint_scroll > [data-testid="stElementContainer"] {{ max-width: none; }}
.polku-legend ul {{ list-style: none; padding: 0; margin: .25rem 0 0; display: flex; flex-wrap: wrap;
  gap: .25rem 1.25rem; }}
.polku-legend li {{ display: flex; align-items: center; gap: .4rem; margin: 0; }}
.polku-swatch {{ display: inline-flex; align-items: center; justify-content: center; width: 2.2rem; height: 1.6rem;
  border: 2px solid; border-radius: .3rem; font-size: .9rem; }}
.polku-text .polku-coordinator {{ border-left: .4rem solid {palette.COORDINATOR_BORDER}; padding-left: .8rem; }}
.polku-text .polku-network-meeting {{ border-left: .4rem solid {palette.NETWORK_BORDER}; padding-left: .8rem; }}
.polku-handoffs li {{ margin-bottom: .35rem; }}
.polku-description {{ color: {palette.MUTED_INK}; font-size: .875rem; margin-top: .5rem; }}
@media print {{
  [data-testid="stSidebar"], [data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"],
  [data-testid="stSidebarCollapsedControl"], .st-key-_polku_audience_choice, [class*="st-key-_polku_actor_"],
  .polku-screen-only {{ display: none !important; }}
  [data-testid="stMain"] {{ margin: 0 !important; }}
  [data-testid="stMainBlockContainer"] {{ padding: 0 !important; max-width: none !important; }}
  .polku-text .polku-step, .polku-handoffs li {{ break-inside: avoid; }}
  h2, h3 {{ break-after: avoid; }}
}}
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


def legend_html(lang: str, audience: str, filtered: bool = False) -> str:
    """The diagram's legend as HTML: the same swatch colour, icon and words as in the picture
    (`paths.render.marks`). With an actor filter the legend tells the chosen actor's steps, the others'
    and the hand-offs apart."""
    voice = "client" if audience == "client" else "professional"
    cells = "".join(
        f'<li><span class="polku-swatch" aria-hidden="true" style="background:{mark.fill};border-color:{mark.border}">'
        f"{html.escape(mark.icon)}</span> {html.escape(mark.legend(lang, voice))}</li>"
        for mark in marks.legend_marks(filtered=filtered)
    )
    title = html.escape(t("render.legend.title", lang))
    return (
        f'<div class="polku-legend" role="group" aria-label="{title}">'
        f"<strong>{title}:</strong><ul>{cells}</ul></div>"
    )


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


def _flow(path: ServicePath, key: diagrams.Key, lang: str, audience: str, actor: str | None) -> None:
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
    except RenderError:
        st.graphviz_chart(diagrams.flow_dot(key, lang, audience, path, actor), width="stretch", alt=alt)
        st.html(legend + _description_html(key, lang, audience, actor, path))
        return
    step_ids = diagrams.walk(key, audience, actor, path)
    selected = st.query_params.get(STEP_PARAM)
    selected = selected if selected in step_ids else None
    st.caption(t("diagrams.click_hint", lang))
    flow_picture(
        drawings, diagrams.flow_steps(key, lang, audience, actor, path, stage), choice=choice, fit=fit,
        selected=selected, label=alt, version=f"{key}|{lang}|{audience}|{actor}|{stage}", key=_FLOW_KEY,
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
    text = html.escape(diagrams.description(key, lang, audience, actor, path))
    return f'<p class="polku-description">{text}</p>'


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


@memo(256)
def handoff_html(key: diagrams.Key, lang: str, audience: str, actor: str | None, _path: ServicePath) -> str:
    """The view's hand-offs (those of `actor` when given) as a titled, escaped HTML list.

    Each item names both actors and both steps, and says in words (with the light bulb) whether a
    coordinator's step supports the hand-off; the drawn diagram marks the same arrows with ⇄."""
    shown = diagrams.viewed(key, audience, actor, _path)
    found = diagrams.view_handoffs(key, audience, actor, _path)
    names = {item.id: item.name.get(lang) or item.id for item in _path.actors}
    if actor:
        heading = t("pathview.handoffs_of", lang, actor=names.get(actor, actor))
    else:
        heading = t("pathview.handoffs_all", lang)
    parts = [f'<section class="polku-handoff-section" lang="{lang}"><h2>{html.escape(heading)}</h2>']
    if not found:
        none = t("pathview.handoffs_none_for", lang, actor=names.get(actor, actor)) if actor else ""
        parts.append(f"<p>{html.escape(none or t('views.handoffs_none', lang))}</p></section>")
        return "".join(parts)
    parts.append(f"<p>{html.escape(t('pathview.handoffs_intro', lang))}</p><ul class=\"polku-handoffs\">")

    def end(actor_id: str, step_id: str) -> str:
        step = shown.step(step_id)
        title = (step.title.get(lang) if step else "") or step_id
        return f"<strong>{html.escape(names.get(actor_id, actor_id))}</strong>: {html.escape(title)}"

    for handoff in found:
        covered = handoff.covered_by_coordinator
        cue = t("views.handoff.covered_yes" if covered else "views.handoff.covered_no", lang)
        parts.append(
            f'<li class="polku-handoff{" polku-handoff-covered" if covered else ""}">'
            f'<span aria-hidden="true">{HANDOFF_ICON}</span> {end(handoff.from_actor, handoff.source)} → '
            f"{end(handoff.to_actor, handoff.target)} — {html.escape(cue)}</li>"
        )
    parts.append("</ul></section>")
    return "".join(parts)


def _downloads(path: ServicePath, key: diagrams.Key, lang: str, audience: str, actor: str | None) -> None:
    """Drawn only while the section is open; every file is made only when its button is pressed."""
    section = st.expander(tr("pathpage.downloads"), icon="⬇️", key="_polku_downloads_open", on_change="rerun")
    if not section.open:
        return
    section.caption(tr("pathpage.downloads_hint"))
    stem = f"{path.id}-{audience}-{lang}" + (f"-{actor}" if actor else "")
    files: list[tuple[str, str, Callable[[], str | bytes]]] = []
    has_dot = diagrams.dot_available()
    if has_dot:
        for fmt in ("svg", "png", "pdf"):
            files.append((fmt, f"{stem}.{fmt}", partial(_image_or_empty, path, key, fmt, lang, audience, actor)))
    files += [
        ("md", f"{stem}.md", partial(diagrams.text_markdown, key, lang, audience, actor, path)),
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
    format_downloads(section, path, lang, audience, has_dot=has_dot)
    if not has_dot:
        section.info(tr("pathpage.no_dot"))


def _image_or_empty(
    path: ServicePath, key: diagrams.Key, fmt: str, lang: str, audience: str, actor: str | None
) -> bytes:
    try:
        return diagrams.image(key, fmt, lang, audience, actor, path)
    except RenderError:
        return b""


def _print_view(path: ServicePath, key: diagrams.Key, lang: str) -> None:
    """Everything on one page, nothing to click: the drawn diagram with its legend, the hand-offs and
    the text version. The picture comes from the `dot` binary (an image prints as it is shown)."""
    audience = "print"
    title = path.title.get(lang) or path.id
    st.html(f'<p class="polku-screen-only">🖨️ {html.escape(t("pathview.print_hint", lang))}</p>')
    st.header(t("pathview.print_flow", lang), anchor=False)
    svg = None
    if diagrams.dot_available():
        try:
            svg = diagrams.image(key, "svg", lang, audience, None, path, "portrait")  # paper is portrait
        except RenderError:
            svg = None
    alt = t("pathview.print_flow_alt", lang, title=title)
    if svg:
        st.image(svg.decode("utf-8"), alt=alt, width="stretch")
    else:
        st.graphviz_chart(diagrams.flow_dot(key, lang, audience, path), width="stretch", alt=alt)
        st.html(legend_html(lang, audience))
    st.caption(md_escape(diagrams.description(key, lang, audience, None, path)))
    st.html(handoff_html(key, lang, audience, None, path))
    st.header(t("pathview.print_text", lang), anchor=False)
    st.html(diagrams.text_html(key, lang, audience, None, path))


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
    audience = current_audience()
    actor = chosen_actor(path, key, audience)

    found = diagrams.problems(key, lang, path)
    _header(path, version, lang, about=audience != "print", checked_ok=not found)
    _audience_switch(audience, lang)
    if audience in ACTOR_VIEWS:
        _actor_control(path, key, audience, actor, lang)
    if found:
        _problem_list(found)
    if audience == "partner" and actor is None:
        st.info(t("pathview.no_actor", lang))
    if audience == "print":
        _print_view(path, key, lang)
        return
    flow, blueprint_tab, text = _tabs(lang)
    if flow.open:
        with flow:
            _flow(path, key, lang, audience, actor)
    if blueprint_tab.open:
        with blueprint_tab:
            _blueprint(path, key, lang, audience, actor)
    if text.open:
        with text:
            _text(path, key, lang, audience, actor)
    if actor is not None:
        st.html(handoff_html(key, lang, audience, actor, path))
    dashboard(path, key, lang, audience)
    _downloads(path, key, lang, audience, actor)
