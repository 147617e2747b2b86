"""What every page shares: the language from the URL, translations, the store and cached loads.

The language lives in the `lang` query parameter so that a shared link keeps it; a copy in
the session restores it when Streamlit's own page navigation drops the query string.
"""

from __future__ import annotations

import os
import threading

import streamlit as st

from components.memo import memo
from paths.i18n.catalog import DEFAULT_LANG, normalise_lang, t
from paths.model.schema import LANGS, ServicePath
from paths.render.escape import md_escape  # noqa: F401 - the one Markdown escape, used by every page
from paths.store.library import Store, get_store

LANG_PARAM = "lang"
_LANG_STATE = "_polku_lang"
_LANG_WIDGET = "_polku_lang_choice"
_PAGES_STATE = "_polku_pages"
# Seconds a page may show a latest version number read earlier (paths.store.library.Store.latest_version).
LATEST_MAX_AGE = 2.0



def sync_lang() -> str:
    """Read the language from the URL (the frame calls this first in every run) and remember it."""
    raw = st.query_params.get(LANG_PARAM)
    if raw is not None:
        lang = normalise_lang(raw)
        if raw != lang:
            st.query_params[LANG_PARAM] = lang
    else:
        lang = st.session_state.get(_LANG_STATE, DEFAULT_LANG)
        if lang != DEFAULT_LANG:
            st.query_params[LANG_PARAM] = lang
    st.session_state[_LANG_STATE] = lang
    return lang


def current_lang() -> str:
    """The interface language of this run: the URL's `lang`, else the session's last choice, else Finnish.

    Read from the session (set by `sync_lang` at the start of the run): reading st.query_params
    takes a lock and costs about 0.3 ms, and a page asks for the language dozens of times.
    """
    lang = st.session_state.get(_LANG_STATE)
    return lang if lang else sync_lang()


def set_lang(lang: str) -> None:
    """Switch the language; the page and its other query parameters stay."""
    lang = normalise_lang(lang)
    st.session_state[_LANG_STATE] = lang
    st.query_params[LANG_PARAM] = lang


def tr(key: str, **params: object) -> str:
    """The catalog text for `key` in the current language."""
    return t(key, current_lang(), **params)


def _on_language_change() -> None:
    set_lang(st.session_state.get(_LANG_WIDGET) or DEFAULT_LANG)


def language_selector() -> None:
    """The sidebar's language switch; it rewrites only `lang`, so the page and selection stay."""
    lang = current_lang()
    if st.session_state.get(_LANG_WIDGET) != lang:
        st.session_state[_LANG_WIDGET] = lang
    st.sidebar.segmented_control(
        tr("app.language_label"),
        options=list(LANGS),
        format_func=lambda code: t(f"app.lang_name.{code}", code),
        key=_LANG_WIDGET,
        required=True,
        on_change=_on_language_change,
    )


def register_pages(pages: dict[str, st.Page]) -> None:
    """The frame (components/shell.py) records this run's pages so that other pages can link to them by url path."""
    st.session_state[_PAGES_STATE] = pages


def page(url_path: str) -> st.Page | None:
    """The registered page with this url path (None before the frame has run)."""
    return st.session_state.get(_PAGES_STATE, {}).get(url_path)


def page_link(url_path: str, label: str, icon: str | None = None, **params: str) -> None:
    """A real link to another page that carries the language and the given query parameters."""
    target = page(url_path)
    if target is None:
        return
    query = {LANG_PARAM: current_lang(), **params}
    st.page_link(target, label=label, icon=icon, query_params=query)


def database_url() -> str | None:
    return os.environ.get("POLKU_DATABASE_URL") or None


@memo(16)
def _store_for(url: str | None) -> Store:
    """One store per database URL for the whole server, filled from data/ on the first start."""
    store_ = get_store(url)
    store_.ensure_seeded()
    return store_


def store() -> Store:
    return _store_for(database_url())


@memo(256)
def _path_at(url: str | None, path_id: str, version: int) -> ServicePath | None:
    """A stored version never changes, so it is shared (read-only) by every session and rerun."""
    return _store_for(url).get_path(path_id, version)


def load_path(path_id: str, version: int | None = None) -> tuple[ServicePath, int] | None:
    """The path and its version (the latest unless given); at most one small query per rerun.

    The latest version number may be up to LATEST_MAX_AGE seconds old when another process saved
    it; saves made through this app show at once (the Store forgets its numbers on every write).
    """
    if version is None:
        version = store().latest_version(path_id, max_age=LATEST_MAX_AGE)
        if version is None:
            return None
    path = _path_at(database_url(), path_id, version)
    return (path, version) if path is not None else None


def cache_key(path_id: str, version: int) -> tuple[str, str, int]:
    """What identifies a stored path's content across stores: the URL, the id and the version."""
    return (database_url() or "", path_id, version)


_STORE_NUMBERS: dict[str, int] = {}
_STORE_NUMBERS_LOCK = threading.Lock()


def page_key(key: tuple[str, str, int]) -> str:
    """A `cache_key` as the page may show it (a picture's version in its markup): the store by its number
    in this server process, as its URL can hold a password and never goes to the browser, then the path id
    and the version."""
    url, path_id, version = key
    with _STORE_NUMBERS_LOCK:
        number = _STORE_NUMBERS.setdefault(url, len(_STORE_NUMBERS))
    return f"{number}:{path_id}@{version}"


def status_words(status: object) -> str:
    value = getattr(status, "value", status)
    return tr(f"app.status.{value}")


def clicked_step_id(plot_key: str) -> str | None:
    """The step id of the blueprint marker clicked in the plotly chart `plot_key` (its customdata)."""
    state = st.session_state.get(plot_key)
    for point in state.selection.points if state is not None else []:
        step_id = point.get("customdata")
        if isinstance(step_id, list | tuple):
            step_id = step_id[0] if step_id else None
        if isinstance(step_id, str):
            return step_id
    return None


def library_titles(lang: str, empty_key: str) -> dict[str, str] | None:
    """Every stored path's id and title in `lang`, for a page's path chooser; when the library is empty,
    None, with the page's sentence for that (`empty_key`) shown."""
    summaries = store().list_paths()
    if not summaries:
        st.info(tr(empty_key))
        return None
    return {summary.id: summary.title.get(lang) or summary.id for summary in summaries}
