"""The app frame that app.py runs on every rerun: the page list, routing, language switch, store check.

It lives in a module rather than in app.py because Streamlit compiles the entry script again
whenever its script cache is new (AppTest does so on every run); an imported module is compiled once.
Every page is one line in PAGES. The language comes from the URL (`?lang=fi|sv|en`); a link
like `/?path=ari` opens the path page, so shared links work from the site's root too.
"""

from __future__ import annotations

import streamlit as st

from components import library_page, path_page
from components.accessibility_page import accessibility_page
from components.appointment_page import appointment_page
from components.auth import auth_banner, participant_only
from components.common import language_selector, register_pages, store, sync_lang, tr
from components.compare_page import compare_page
from components.editor import page as editor_page
from components.history_page import history_page
from components.page_spec import PageSpec
from components.personal_page import client_page
from components.personal_professional import professional_page
from components.portfolio_page import portfolio_page
from components.templating import render, style_element
from components.views_page import views_page
from components.workshop_join import join_page
from components.workshop_page import workshop_facilitator_page
from paths.db.database import DatabaseError
from paths.render import palette

PAGES: list[PageSpec] = [
    PageSpec(library_page.render, "nav.library", "library", "📚", css=library_page.CARD_CSS),
    PageSpec(path_page.render, "nav.path", "path", "🗺️", css=path_page.PAGE_CSS),
    PageSpec(appointment_page, "nav.appointment", "appointment", "🖥️"),
    PageSpec(views_page, "nav.views", "views", "👁️"),
    PageSpec(editor_page.editor_page, "editor.nav", "edit", "✏️", css=editor_page.EDITOR_CSS),
    PageSpec(history_page, "history_page.nav", "history", "🕘"),
    PageSpec(compare_page, "compare.nav", "compare", "⚖️"),
    PageSpec(portfolio_page, "portfolio.nav", "portfolio", "📌"),
    PageSpec(accessibility_page, "nav.accessibility", "accessibility", "♿"),
    PageSpec(professional_page, "personal.nav", "personal", "🧭"),
    PageSpec(client_page, "personal.nav_client", "my-path", "🙂", "hidden"),
    PageSpec(workshop_facilitator_page, "nav.workshop", "workshop", "🗒️"),
    PageSpec(join_page, "nav.join", "join", "🙋"),
]
DEFAULT_PAGE = "library"
# Query parameters that open a page from any URL (e.g. `/?path=ari` opens the path page).
ROUTED_PARAMS = {"path": "path", "token": "my-path", "join": "join", "workshop": "workshop"}
# A participant's join code opens the join page and nothing else (components/auth.py).
PARTICIPANT_PAGE = "join"
_PAGE_OBJECTS = "_polku_page_objects"
_SPECS = {spec.url_path: spec for spec in PAGES}
_CSS_BY_PAGE = {spec.url_path: spec.css for spec in PAGES if spec.css}


def _page(spec: PageSpec) -> st.Page:
    return st.Page(
        spec.render,  # type: ignore[arg-type]
        title=tr(spec.title_key),
        url_path=spec.url_path,
        icon=spec.icon,
        default=spec.url_path == DEFAULT_PAGE,
        visibility=spec.visibility,
    )


def _pages(lang: str) -> dict[str, st.Page]:
    """This session's page objects in its language, built once per language rather than on every rerun.

    Only the full set is kept: st.navigation marks a lone page (the participant's) as the default.
    """
    built = st.session_state.get(_PAGE_OBJECTS)
    if built is None or built[0] != lang:
        built = st.session_state[_PAGE_OBJECTS] = (lang, {spec.url_path: _page(spec) for spec in PAGES})
    return built[1]


# The palette as CSS custom properties, which the pages' stylesheets (components/static) use, and the styles
# every page shares.
APP_CSS = f"<style>{palette.css_variables()}</style>" + style_element("app.css")


def _sidebar_note(lang: str, css: str) -> None:
    """The tagline, the open page's stylesheet and the script that gives <html> the page's language,
    as one element (the sidebar stays in the document when it is collapsed on a phone).

    Screen readers read the page in its language (WCAG 3.1.1); Streamlit cannot set <html lang> itself.
    """
    note = render("sidebar_note.html", tagline=tr("app.tagline"), styles=APP_CSS + css, lang=lang)
    st.sidebar.html(note, unsafe_allow_javascript=True)


def main() -> None:
    lang = sync_lang()
    st.set_page_config(page_title=tr("app.page_title"), page_icon="💡", layout="wide")
    pages = _pages(lang)
    try:
        if participant_only():
            pages = {PARTICIPANT_PAGE: _page(_SPECS[PARTICIPANT_PAGE])}
    except DatabaseError:
        pass  # reported below, when the store is opened
    register_pages(pages)
    current = st.navigation(list(pages.values()))
    if current is pages.get(DEFAULT_PAGE):
        for param, url_path in ROUTED_PARAMS.items():
            if st.query_params.get(param):
                st.switch_page(pages[url_path], query_params=st.query_params.to_dict())

    language_selector()
    # (not current.url_path: Streamlit gives the default page's as "", and the lone participant page is the default)
    current_path = next((url_path for url_path, page in pages.items() if page is current), "")
    _sidebar_note(lang, _CSS_BY_PAGE.get(current_path, ""))
    try:
        store()
    except DatabaseError:
        st.error(tr("app.store_unavailable"))
        st.stop()
    auth_banner()
    current.run()
