"""The compare page: two paths side by side, usually a service's current state and its target state.

`?path=CURRENT&other=TARGET&view=client&lang=sv` opens the same comparison for anyone the link is sent to.
When only `path` is given, the other one is the path it is marked as the current or target state of.
The pictures are the two blueprints (each with its experience line); below them, every difference in
words and the figures of both with the change (`paths.analytics.compare`).
"""

from __future__ import annotations

import streamlit as st

from components import diagrams
from components.auth import require_facilitator
from components.common import cache_key, current_lang, load_path, md_escape, store, tr
from components.memo import memo
from components.templating import render, stylesheet
from paths.analytics.compare import Comparison, compare
from paths.analytics.links import link_states
from paths.analytics.output import change_value, difference_lines, figure_label, figure_value
from paths.editing.common import EditError
from paths.i18n.catalog import t
from paths.model.schema import ServicePath
from paths.store.records import StoreError
from paths.views.configured import VIEW_NAMES

PATH_PARAM, OTHER_PARAM, VIEW_PARAM = "path", "other", "view"


@memo(64)
def _comparison(keys: tuple[diagrams.Key, diagrams.Key], view: str,
                _path: tuple[ServicePath, ServicePath]) -> Comparison:
    """Cached on the two stored versions' keys; `_path` holds the (current, target) pair they name."""
    return compare(_path[0], _path[1], view)


def _partner_of(path: ServicePath) -> str | None:
    return path.current_of or path.target_of


def _pick(label: str, param: str, options: dict[str, str], default: str | None) -> str | None:
    """A path picker that keeps its choice in the URL."""
    wanted = st.query_params.get(param) or default
    ids = list(options)
    chosen = st.selectbox(label, options=ids, format_func=options.get, key=f"_polku_compare_{param}",
                          index=ids.index(wanted) if wanted in ids else None, placeholder=tr("compare.pick"))
    if chosen and st.query_params.get(param) != chosen:
        st.query_params[param] = chosen
    return chosen


def _side(path: ServicePath, version: int, lang: str, view: str, heading_key: str) -> None:
    key = cache_key(path.id, version)
    st.subheader(t(heading_key, lang, title=md_escape(path.title.get(lang) or path.id)), anchor=False)
    with st.container(key=f"polku_compare_{heading_key.rsplit('.', 1)[-1]}"):
        st.plotly_chart(diagrams.blueprint_figure(key, lang, view, None, path), theme=None,
                        key=f"_polku_compare_chart_{heading_key}",
                        alt=t("pathpage.blueprint_alt", lang, title=path.title.get(lang) or path.id))
    st.caption(md_escape(diagrams.description(key, lang, view, None, path)))


def _figures_table(comparison: Comparison, lang: str) -> None:
    rows = comparison.figure_rows()
    st.table({
        t("analytics.col.figure", lang): [figure_label(name, lang) for name, *_ in rows],
        comparison.current.title.get(lang) or comparison.current.id: [figure_value(n, b, lang) for n, b, _, _ in rows],
        comparison.target.title.get(lang) or comparison.target.id: [figure_value(n, a, lang) for n, _, a, _ in rows],
        t("analytics.col.change", lang): [change_value(c, lang) for *_, c in rows],
    })


def _link_controls(current: ServicePath, target: ServicePath, lang: str) -> None:
    """Mark the two as one service's current and target state (a facilitator's save of both)."""
    if current.current_of == target.id and target.target_of == current.id:
        st.caption(tr("compare.link.linked"))
        return
    with st.expander(tr("compare.link.title"), icon="🔗"):
        st.caption(tr("compare.link.help"))
        if not st.button(tr("compare.link.button"), key="_polku_compare_link"):
            return
        author = require_facilitator()
        try:
            link_states(store(), current.id, target.id, author, lang)
        except (StoreError, EditError) as exc:
            st.error(exc.message(lang))
            return
        st.rerun()


def compare_page() -> None:
    """The Compare page."""
    lang = current_lang()
    st.title(tr("compare.title"), anchor=False)
    st.write(tr("compare.intro"))
    summaries = store().list_paths()
    options = {summary.id: summary.title.get(lang) or summary.id for summary in summaries}
    left, right, third = st.columns([2, 2, 1])
    with left:
        first = _pick(tr("compare.current"), PATH_PARAM, options, None)
    loaded_first = load_path(first) if first else None
    with right:
        second = _pick(tr("compare.target"), OTHER_PARAM, options,
                       _partner_of(loaded_first[0]) if loaded_first else None)
    with third:
        view = st.selectbox(tr("compare.view"), options=list(VIEW_NAMES), key="_polku_compare_view",
                            format_func=lambda name: t(f"pathpage.audience.{name}", lang),
                            index=list(VIEW_NAMES).index(st.query_params.get(VIEW_PARAM, "professional"))
                            if st.query_params.get(VIEW_PARAM) in VIEW_NAMES else 0)
    st.query_params[VIEW_PARAM] = view
    loaded_second = load_path(second) if second else None
    if not loaded_first or not loaded_second:
        st.info(tr("compare.choose_two"))
        return
    (current, current_version), (target, target_version) = loaded_first, loaded_second
    comparison = _comparison((cache_key(current.id, current_version), cache_key(target.id, target_version)),
                             view, (current, target))
    columns = st.columns(2)
    with columns[0]:
        _side(current, current_version, lang, view, "compare.side.current")
    with columns[1]:
        _side(target, target_version, lang, view, "compare.side.target")
    st.header(tr("compare.differences"), anchor=False)
    lines = difference_lines(comparison, lang)
    st.html(stylesheet("experience.css") + render(
        "differences.html", lang=lang, lines=lines, none=t("analytics.diff.none", lang),
        summary=t("compare.summary", lang, added=comparison.count("added"), removed=comparison.count("removed"),
                  moved=comparison.count("moved"), changed=comparison.count("changed"),
                  handoffs=len(comparison.handoffs)),
    ))
    st.header(tr("compare.figures"), anchor=False)
    _figures_table(comparison, lang)
    _link_controls(current, target, lang)
