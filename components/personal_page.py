"""The client's personal page ("Minun polkuni"), opened by a personal link; the professional's page is
`components/personal_professional.py`.

The professional makes a personal path from any path, hands the client a personal link (shown
once, also as a QR code), can revoke or renew it, set a PIN, download everything (JSON, PDF)
and erase it for good. The client opens the link (`?token=...`, the only thing in the URL), no
account needed, and fills in their own path on a phone. Personal data never goes into URLs,
logs or error messages; every failure is one generic sentence from the catalog.
"""

from __future__ import annotations

import streamlit as st

from components.common import current_lang, md_escape
from components.personal_common import (
    CLIENT_AUTHOR,
    CLIENT_STYLE,
    MESSAGE,
    PIN_GIVEN,
    TOKEN_PARAM,
    VERIFIED,
    erase_controls,
    flash,
    latest_version,
    personal_downloads,
    personal_store,
)
from components.personal_form import fill_form, here_box, my_picture
from paths.i18n.catalog import t
from paths.model.schema import LANGS
from paths.personal.access import hash_token
from paths.personal.model import (
    PersonalPath,
)


def _open_for_client(token: str | None, lang: str | None) -> PersonalPath | None:
    """The personal path behind the link, or None after showing the polite "not found" or the PIN
    prompt. `lang` is the language asked for in the URL, if any."""
    personal_store_ = personal_store()
    if not token:
        _not_found(lang)
        return None
    token_hash = hash_token(token)
    verified: set[str] = st.session_state.setdefault(VERIFIED, set())
    if token_hash in verified:
        personal_id = personal_store_.resolve_token(token)
        personal = personal_store_.get(personal_id) if personal_id else None
        if personal is not None:
            return personal
        verified.discard(token_hash)
        _not_found(lang)
        return None
    pin = st.session_state.pop(PIN_GIVEN, None)
    result = personal_store_.open_link(token, pin)
    if result.ok and result.personal is not None:
        verified.add(token_hash)
        return result.personal
    if result.status == "not_found":
        _not_found(lang)
        return None
    lang = lang or result.lang or "fi"
    st.title(t("personal.client.pin_title", lang), anchor=False)
    if result.status == "locked":
        st.warning(t("personal.client.locked", lang, seconds=max(1, round(result.retry_after))))
    elif result.status == "pin_wrong":
        if result.retry_after:
            st.warning(t("personal.client.pin_wrong_wait", lang, seconds=max(1, round(result.retry_after))))
        else:
            st.warning(t("personal.client.pin_wrong", lang))
    with st.form("personal_pin_form"):
        given = st.text_input(t("personal.client.pin_label", lang), type="password", max_chars=8)
        if st.form_submit_button(t("personal.client.pin_submit", lang)):
            st.session_state[PIN_GIVEN] = given
            st.rerun()
    return None


def _not_found(lang: str | None) -> None:
    """The same polite words for a wrong, revoked or erased link: nothing about what exists.
    Without a language in the URL the words are given in all three languages."""
    langs = [lang] if lang else list(LANGS)
    st.title(" · ".join(t("personal.client.not_found_title", code) for code in langs), anchor=False)
    for code in langs:
        st.info(t("personal.client.not_found", code))


def client_page() -> None:
    """The client's own page, opened with the personal link; phone first, plain language."""
    token = st.query_params.get(TOKEN_PARAM)
    asked_lang = current_lang() if st.query_params.get("lang") else None
    st.html(CLIENT_STYLE)
    personal = _open_for_client(token, asked_lang)
    if personal is None:
        flash(asked_lang or "fi")
        return
    lang = asked_lang or personal.lang
    st.title(f"{t('personal.client.title', lang)}: {md_escape(personal.display_name)}", anchor=False)
    st.write(t("personal.client.path_line", lang, title=md_escape(personal.source.title.get(lang))))
    if personal.newer_version_exists(latest_version(personal.source_path_id)):
        st.info(t("personal.newer_version", lang), icon="ℹ️")
    st.write(t("personal.client.intro", lang))
    flash(lang)
    here_box(personal, lang)
    my_picture(personal, lang)
    fill_form(personal, lang, CLIENT_AUTHOR, "client")
    st.header(t("personal.client.keep_heading", lang), anchor=False)
    personal_downloads(personal.id, personal.source_path_id, lang, "client_dl")
    if erase_controls(personal.id, lang, "client_erase"):
        st.session_state.get(VERIFIED, set()).discard(hash_token(token or ""))
        st.session_state[MESSAGE] = "erased"
        st.rerun()


# ------------------------------------------------------------------------- the professional's page
