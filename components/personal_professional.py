"""The professional's personal-path page: make a personal path from any path, hand over its link (shown
once, also as a QR code), revoke or renew it, set a PIN, share it with colleagues, fill it in together."""

from __future__ import annotations

import hashlib

import streamlit as st

from components.auth import require_facilitator
from components.common import current_lang, load_path, md_escape, page_link, store, tr
from components.personal_common import (
    MESSAGE,
    SELECTED,
    TOKENS,
    TOUCHED,
    erase_controls,
    flash,
    latest_version,
    personal_downloads,
    personal_link,
    personal_store,
    qr_svg,
)
from components.personal_form import fill_form, here_box, my_picture
from paths.i18n.catalog import t
from paths.i18n.formatting import format_date, format_datetime
from paths.model.schema import LANGS
from paths.personal.model import (
    PersonalDataError,
    PersonalPath,
)


def _path_options(lang: str) -> dict[str, str]:
    return {summary.id: summary.title.get(lang) or summary.id for summary in store().list_paths()}


def _create_form(owner: str, lang: str) -> None:
    titles = _path_options(lang)
    st.subheader(tr("personal.pro.create_heading"), anchor=False)
    st.warning(tr("personal.pro.no_identifiers"), icon="⚠️")
    with st.form("personal_create", clear_on_submit=False):
        path_id = st.selectbox(tr("personal.pro.path"), list(titles), format_func=titles.get, key="personal_new_path")
        client_lang = st.radio(
            tr("personal.pro.client_lang"), list(LANGS), format_func=lambda code: t(f"personal.lang_name.{code}", lang),
            horizontal=True, key="personal_new_lang", index=list(LANGS).index(lang),
        )
        name = st.text_input(
            tr("personal.field.display_name"), key="personal_new_name", max_chars=80,
            help=tr("personal.pro.display_name_help"), placeholder=tr("personal.pro.display_name_placeholder"),
        )
        pin = st.text_input(tr("personal.pro.pin_optional"), type="password", max_chars=8, key="personal_new_pin",
                            help=tr("personal.pro.pin_help"))
        submitted = st.form_submit_button(tr("personal.pro.create"), type="primary")
    if not submitted:
        return
    loaded = load_path(path_id) if path_id else None
    if loaded is None:
        st.error(tr("personal.error.no_path"))
        return
    path, version = loaded
    try:
        personal, token = personal_store().create(
            path, version, owner=owner, display_name=name, lang=client_lang, pin=pin or None
        )
    except PersonalDataError as exc:
        st.error(exc.message(current_lang()))
        return
    st.session_state.setdefault(TOKENS, {})[personal.id] = token
    st.session_state[SELECTED] = personal.id
    st.session_state[MESSAGE] = "created"
    st.rerun()


def _link_panel(personal: PersonalPath, lang: str) -> None:
    store_ = personal_store()
    token = st.session_state.get(TOKENS, {}).get(personal.id)
    st.subheader(tr("personal.pro.link_heading"), anchor=False)
    if token and store_.resolve_token(token) == personal.id:
        link = personal_link(token)
        st.write(tr("personal.pro.link_show_once"))
        st.code(link, language=None, wrap_lines=True)
        st.html(qr_svg(link, tr("personal.pro.qr_label")))
        page_link("appointment", tr("personal.pro.open_appointment"), icon="🖥️", personal=token)
    elif store_.has_link(personal.id):
        st.info(tr("personal.pro.link_hidden"))
    else:
        st.info(tr("personal.pro.link_revoked"))
    col_renew, col_revoke = st.columns(2)
    if col_renew.button(tr("personal.pro.renew"), key="personal_renew", icon="🔄"):
        st.session_state.setdefault(TOKENS, {})[personal.id] = store_.renew_link(personal.id)
        st.session_state[MESSAGE] = "renewed"
        st.rerun()
    if col_revoke.button(tr("personal.pro.revoke"), key="personal_revoke", icon="⛔",
                         disabled=not store_.has_link(personal.id)):
        store_.revoke_link(personal.id)
        st.session_state.get(TOKENS, {}).pop(personal.id, None)
        st.session_state[MESSAGE] = "revoked"
        st.rerun()
    with st.form("personal_pin"):
        pin = st.text_input(tr("personal.pro.pin"), type="password", max_chars=8, help=tr("personal.pro.pin_help"))
        col_set, col_remove = st.columns(2)
        set_pin = col_set.form_submit_button(tr("personal.pro.pin_set"))
        remove_pin = col_remove.form_submit_button(tr("personal.pro.pin_remove"))
    if set_pin or remove_pin:
        try:
            store_.set_pin(personal.id, None if remove_pin else pin)
        except PersonalDataError as exc:
            st.error(exc.message(lang))
            return
        st.session_state[MESSAGE] = "pin_removed" if remove_pin else "pin_set"
        st.rerun()


def _share_panel(personal: PersonalPath, owner: str) -> None:
    st.subheader(tr("personal.pro.share_heading"), anchor=False)
    if personal.shared_with:
        st.write(tr("personal.pro.shared_with", names=", ".join(md_escape(n) for n in personal.shared_with)))
    with st.form("personal_share"):
        name = st.text_input(tr("personal.pro.share_name"), max_chars=200)
        if st.form_submit_button(tr("personal.pro.share")):
            try:
                personal_store().share(personal.id, name)
            except PersonalDataError as exc:
                st.error(exc.message(current_lang()))
                return
            st.session_state[MESSAGE] = "shared"
            st.rerun()


def _details(personal_id: str, owner: str) -> None:
    lang = current_lang()
    store_ = personal_store()
    if not store_.may_see(personal_id, owner):
        st.info(tr("personal.pro.gone"))
        return
    touch = st.session_state.get(TOUCHED) != personal_id
    personal = store_.get(personal_id, touch=touch)
    st.session_state[TOUCHED] = personal_id
    if personal is None:
        st.info(tr("personal.pro.gone"))
        return
    st.header(md_escape(personal.display_name), anchor=False)
    facts = [
        tr("personal.pro.fact_path", title=personal.source.title.get(lang), version=personal.source_version),
        tr("personal.pro.fact_lang", lang_name=t(f"personal.lang_name.{personal.lang}", lang)),
        tr("personal.pro.fact_saved", version=personal.version,
           when=format_datetime(personal.updated_at, lang) if personal.updated_at else "–"),
    ]
    st.caption(" · ".join(md_escape(f) for f in facts))
    if personal.newer_version_exists(latest_version(personal.source_path_id)):
        st.info(tr("personal.newer_version"), icon="ℹ️")
    tab_link, tab_fill, tab_keep = st.tabs(
        [tr("personal.pro.tab_link"), tr("personal.pro.tab_fill"), tr("personal.pro.tab_keep")]
    )
    with tab_link:
        _link_panel(personal, lang)
        _share_panel(personal, owner)
    with tab_fill:
        st.caption(tr("personal.pro.fill_intro", lang_name=t(f"personal.lang_name.{personal.lang}", lang)))
        here_box(personal, personal.lang)
        my_picture(personal, personal.lang)
        fill_form(personal, personal.lang, owner, "pro")
    with tab_keep:
        personal_downloads(personal.id, personal.source_path_id, lang, "pro_dl")
        if erase_controls(personal.id, lang, "pro_erase"):
            st.session_state.get(TOKENS, {}).pop(personal.id, None)
            st.session_state.pop(SELECTED, None)
            st.session_state[MESSAGE] = "erased"
            st.rerun()


def professional_page() -> None:
    """Minun polkuni / Min servicestig / My path: make, list and look after clients' personal paths.

    The signed-in facilitator (components/auth.py) is the owner: each sees the personal paths they
    made and those shared with them."""
    lang = current_lang()
    st.title(tr("personal.pro.title"), anchor=False)
    st.write(tr("personal.pro.intro"))
    owner = require_facilitator()
    flash(lang)
    _create_form(owner, lang)
    summaries = personal_store().list_for(owner)
    st.subheader(tr("personal.pro.list_heading"), anchor=False)
    if not summaries:
        st.write(tr("personal.pro.none_yet"))
        return
    titles = _path_options(lang)
    labels = {
        s.id: tr(
            "personal.pro.list_item", name=s.display_name, title=titles.get(s.source_path_id, s.source_path_id),
            made=format_date(s.created_at, lang),
        ) + ("" if s.has_link else f" · {tr('personal.pro.no_link')}")
        for s in summaries
    }
    selected = st.session_state.get(SELECTED)
    ids = list(labels)
    chosen = st.selectbox(
        tr("personal.pro.choose"), ids, format_func=labels.get,
        index=ids.index(selected) if selected in ids else 0, key=f"personal_choose_{_digest(ids)}",
    )
    st.session_state[SELECTED] = chosen
    if chosen:
        _details(chosen, owner)


def _digest(ids: list[str]) -> str:
    """A widget key that changes when the list changes, so a new path can be preselected."""
    return hashlib.sha256("".join(ids).encode()).hexdigest()[:8]
