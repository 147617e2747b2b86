"""The facilitator's audience views: per path, which steps and actors each audience sees,
the texts written for an audience, the hand-offs between actors, and missing translations.

The URL keeps the choice (`?path=<id>&view=client|professional|partner|print`); saving stores a
new version of the path with `views` changed and nothing else.
"""

from __future__ import annotations

import streamlit as st

from components.auth import require_facilitator
from components.common import cache_key, current_lang, library_titles, load_path, md_escape, store, tr
from components.flow_diagram import picture_or_text
from components.handoff_list import handoff_item
from components.memo import memo
from components.templating import render
from paths.editing.translations import describe_where, missing_translations, translation_coverage
from paths.i18n.formatting import format_percent
from paths.model.schema import LANGS, AudienceView, LocalText, ServicePath
from paths.render.dot import handoffs, to_dot
from paths.render.image import page_drawing
from paths.render.text_html import to_html
from paths.store.records import StaleVersionError
from paths.views.configured import (
    VIEW_NAMES,
    apply_view,
    focus_actor_for,
    normalise_view,
    renderer_audience,
    view_config,
    view_problems,
)

PATH_PARAM = "path"
VIEW_PARAM = "view"
_FLASH = "views_flash"


def _on_path_change() -> None:
    st.query_params[PATH_PARAM] = st.session_state["views_path_choice"]


def _on_view_change() -> None:
    st.query_params[VIEW_PARAM] = st.session_state["views_view_choice"] or "professional"


def _choose(lang: str) -> tuple[ServicePath, int, str] | None:
    titles = library_titles(lang, "views.no_paths")
    if titles is None:
        return None
    ids = list(titles)
    wanted = st.query_params.get(PATH_PARAM)
    if wanted not in ids:
        wanted = ids[0]
    st.session_state["views_path_choice"] = wanted
    st.selectbox(tr("views.choose_path"), ids, format_func=titles.get, key="views_path_choice",
                 on_change=_on_path_change)
    view = normalise_view(st.query_params.get(VIEW_PARAM))
    st.session_state["views_view_choice"] = view
    st.segmented_control(
        tr("views.choose_view"), list(VIEW_NAMES), format_func=lambda name: tr(f"view.name.{name}"),
        key="views_view_choice", required=True, on_change=_on_view_change,
    )
    st.caption(tr(f"view.help.{view}"))
    loaded = load_path(wanted)
    if loaded is None:
        st.info(tr("views.no_paths"))
        return None
    return loaded[0], loaded[1], view


def _save(path: ServicePath, version: int, view: str, config: AudienceView, author: str) -> None:
    views = dict(path.views)
    if config == AudienceView():
        views.pop(view, None)
    else:
        views[view] = config
    updated = path.model_copy(update={"views": views})
    try:
        new_version = store().save_path(
            updated, author, summary=tr("views.save_summary", view=tr(f"view.name.{view}")), base_version=version
        )
    except StaleVersionError:
        st.error(tr("views.stale"))
        return
    st.session_state[_FLASH] = tr("views.saved", version=new_version)
    st.rerun()


def _settings(path: ServicePath, version: int, view: str, lang: str, author: str) -> None:
    """What the view hides, its chosen actor and its own texts, saved together."""
    config = view_config(path, view)
    base = apply_view(path.model_copy(update={"views": {}}), view)  # what the view shows before its settings
    step_titles = {step.id: f"{step.title.get(lang)} ({step.id})" for step in path.steps}
    actor_names = {actor.id: actor.name.get(lang) or actor.id for actor in path.actors}
    shown = [step.id for step in base.steps]
    step_options = shown + [s for s in config.hidden_steps if s not in shown and path.step(s)]
    key = f"views_{path.id}_{version}_{view}"
    with st.form(f"{key}_form"):
        hidden_steps = st.multiselect(
            tr("views.hidden_steps"), step_options, placeholder=tr("views.choose_placeholder"),
            default=[s for s in config.hidden_steps if s in step_options],
            format_func=lambda s: step_titles.get(s, s), help=tr("views.hidden_steps_help"), key=f"{key}_steps",
        )
        hidden_actors = st.multiselect(
            tr("views.hidden_actors"), list(actor_names), placeholder=tr("views.choose_placeholder"),
            default=[a for a in config.hidden_actors if a in actor_names],
            format_func=lambda a: actor_names.get(a, a), help=tr("views.hidden_actors_help"), key=f"{key}_actors",
        )
        focus = config.focus_actor
        if view == "partner":
            options = [""] + list(actor_names)
            focus = st.selectbox(
                tr("views.focus_actor"), options, index=options.index(focus) if focus in options else 0,
                format_func=lambda a: actor_names.get(a, tr("views.focus_none")), key=f"{key}_focus",
            ) or None
        st.markdown(f"**{tr('views.texts')}**")
        st.caption(tr("views.texts_help"))
        texts: dict[str, LocalText] = {}
        field = "client_text" if view == "client" else "description"
        for step in base.steps:
            own = config.texts.get(step.id) or LocalText()
            usual: LocalText = getattr(step, field)
            with st.expander(md_escape(step_titles[step.id])):
                values = {
                    code: st.text_area(
                        tr("views.text_for", step=md_escape(step.title.get(lang)), language=tr(f"views.lang.{code}")),
                        value=own.get(code, fallback=False), placeholder=usual.get(code, fallback=False) or None,
                        key=f"{key}_text_{step.id}_{code}", max_chars=4000, height=100,
                    )
                    for code in LANGS
                }
            if any(v.strip() for v in values.values()):
                texts[step.id] = LocalText(**values)
        submitted = st.form_submit_button(tr("views.save"), type="primary")
    if submitted:
        _save(path, version, view, AudienceView(
            hidden_steps=hidden_steps, hidden_actors=hidden_actors, texts=texts, focus_actor=focus,
        ), author)


def _viewed(path: ServicePath, view: str) -> tuple[ServicePath, str | None]:
    focus = focus_actor_for(path) if view == "partner" else None
    return apply_view(path, view, focus), focus


def _preview(path: ServicePath, version: int, view: str, lang: str) -> None:
    st.header(tr("views.preview"), anchor=False)
    viewed, focus = _viewed(path, view)
    audience = renderer_audience(view)
    st.write(tr("views.preview_counts", steps=len(viewed.steps), actors=len(viewed.actors), stages=len(viewed.stages)))
    drawn = picture_or_text(
        lambda: _drawing(cache_key(path.id, version), view, lang, path), lambda: to_html(viewed, lang, audience),
        lang=lang, label=tr("views.diagram_alt"), key="_polku_views_picture",
    )
    if drawn:
        with st.expander(tr("views.text_version")):
            st.html(to_html(viewed, lang, audience))


@memo(64)
def _drawing(key: tuple, view: str, lang: str, _path: ServicePath) -> tuple[str, float]:
    """The preview drawn by `dot` once per stored version (`key`), view and language: the view settings are
    saved in the path, so only a saved change redraws it."""
    viewed, focus = _viewed(_path, view)
    return page_drawing(to_dot(viewed, lang, renderer_audience(view), actor_filter=focus))


def _handoffs(path: ServicePath, view: str, lang: str) -> None:
    """Hand-offs as a plain list (a table this narrow would scroll, and its scroll box takes no focus)."""
    st.header(tr("views.handoffs"), anchor=False)
    st.caption(tr("views.handoffs_intro"))
    viewed, focus = _viewed(path, view)
    found = handoffs(viewed)
    if not found:
        st.write(tr("views.handoffs_none"))
        return
    names = {actor.id: actor.name.get(lang) or actor.id for actor in path.actors}
    involves = tr("views.handoff.involves_focus")
    items = [handoff_item(viewed, handoff, names, lang, *([involves] if focus in (handoff.from_actor, handoff.to_actor)
                                                         and focus else [])) for handoff in found]
    st.html(render("handoffs.html", lang=lang, heading="", items=items, icon=""))


def _problems(path: ServicePath, lang: str) -> None:
    st.header(tr("views.problems"), anchor=False)
    problems = view_problems(path, lang)
    if not problems:
        st.write(tr("views.no_problems"))
    for problem in problems:
        st.warning(md_escape(problem.message))


def _translations(path: ServicePath, lang: str) -> None:
    st.header(tr("views.missing_translations"), anchor=False)
    coverage = translation_coverage(path)
    shares = [
        tr("views.coverage", language=tr(f"views.lang.{code}"), share=format_percent(coverage[code], lang))
        for code in LANGS
    ]
    st.write(" · ".join(shares))
    missing = missing_translations(path)
    if not missing:
        st.write(tr("views.missing_none"))
        return
    st.write(tr("views.missing_count", count=len({where for where, _ in missing})))
    where_label, lang_label = tr("views.missing.where"), tr("views.missing.lang")
    # st.table renders its cells as Markdown: the path's titles inside go through the one escape.
    st.table([
        {where_label: md_escape(describe_where(where, path, lang)), lang_label: tr(f"views.lang.{code}")}
        for where, code in missing
    ])


def views_page() -> None:
    """The Views page (a facilitator's page: saving changes the path)."""
    author = require_facilitator()
    lang = current_lang()
    st.title(tr("views.page_title"), anchor=False)
    st.write(tr("views.intro"))
    if _FLASH in st.session_state:
        st.success(st.session_state.pop(_FLASH))
    chosen = _choose(lang)
    if chosen is None:
        return
    path, version, view = chosen
    settings, checks = st.columns([1, 1], gap="large")
    with settings:
        _settings(path, version, view, lang, author)
    with checks:
        _problems(path, lang)
        _handoffs(path, view, lang)
    _preview(path, version, view, lang)
    _translations(path, lang)

