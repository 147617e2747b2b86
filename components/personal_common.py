"""What the client's and the professional's personal-path pages share: the separate personal store, the
link and its QR code, status words, downloads, erasing, and the one-line messages after an action."""

from __future__ import annotations

import json
import os
from urllib.parse import urlsplit, urlunsplit

import segno
import streamlit as st

from components.common import store
from components.templating import render, stylesheet
from paths.i18n.catalog import t
from paths.personal.model import (
    STATUS_ICONS,
)
from paths.personal.pdf import personal_pdf
from paths.personal.store import PersonalStore, get_personal_store
from paths.render.palette import INK, WHITE

TOKEN_PARAM = "token"  # noqa: S105 - the query parameter's name, not a secret
CLIENT_URL_PATH = "my-path"
PROFESSIONAL_URL_PATH = "personal"
CLIENT_AUTHOR = "client"
BULB = "💡"
EXTRA_CONTACT_ROWS = 1

SELECTED = "_personal_selected"
TOKENS = "_personal_tokens"  # {personal id: token} made in this session: shown once, never stored
VERIFIED = "_personal_verified"  # token hashes whose PIN was given in this session
MESSAGE = "_personal_message"
PIN_GIVEN = "_personal_pin_given"
TOUCHED = "_personal_touched"

CLIENT_STYLE = stylesheet("personal_client.css")
BOX_STYLE = stylesheet("personal.css")


def personal_store() -> PersonalStore:
    """The personal store (env POLKU_PERSONAL_DATABASE_URL); the retention purge runs once a process."""
    return _personal_store_for(os.environ.get("POLKU_PERSONAL_DATABASE_URL") or None)


@st.cache_resource(show_spinner=False)
def _personal_store_for(url: str | None) -> PersonalStore:
    personal = get_personal_store(url)
    months = os.environ.get("POLKU_PERSONAL_RETENTION_MONTHS", "").strip()
    if months.isdigit() and int(months) > 0:
        personal.purge_expired(int(months))
    return personal


def latest_version(path_id: str) -> int | None:
    try:
        return store().latest_version(path_id)
    except Exception:  # noqa: BLE001 - the library being away must not hide the client's own path
        return None


def status_label(status: str | None, lang: str) -> str:
    if status is None:
        return t("personal.status.none", lang)
    return f"{STATUS_ICONS[status]} {t(f'personal.status.{status}', lang)}"


def personal_link(token: str) -> str:
    """The client's link: this app's address, the client page and the token (nothing else)."""
    base = os.environ.get("POLKU_PUBLIC_URL", "").strip().rstrip("/")
    if not base:
        try:
            url = st.context.url or ""
        except Exception:  # noqa: BLE001 - no browser context (scripts, tests)
            url = ""
        parts = urlsplit(url)
        path = parts.path.rstrip("/")
        for suffix in (f"/{PROFESSIONAL_URL_PATH}", f"/{CLIENT_URL_PATH}"):
            if path.endswith(suffix):
                path = path[: -len(suffix)]
        base = urlunsplit((parts.scheme, parts.netloc, path, "", "")) if parts.netloc else ""
    return f"{base}/{CLIENT_URL_PATH}?{TOKEN_PARAM}={token}"


def qr_svg(link: str, label: str) -> str:
    """The link as a QR code, inline SVG in the palette's ink on white."""
    svg = segno.make(link, error="m").svg_inline(scale=5, dark=INK, light=WHITE, title=label)
    return render("qr.html", label=label, svg=svg)


def personal_downloads(personal_id: str, source_path_id: str, lang: str, key: str) -> None:
    """JSON and PDF of everything stored, built only when clicked (in Streamlit's download thread)."""
    personal = personal_store()
    latest = latest_version(source_path_id)

    def export_json() -> bytes:
        return json.dumps(personal.export(personal_id) or {}, ensure_ascii=False, indent=2).encode("utf-8")

    def export_pdf() -> bytes:
        current = personal.get(personal_id)
        if current is None:
            return b""
        return personal_pdf(current, latest)

    col_pdf, col_json = st.columns(2)
    col_pdf.download_button(
        t("personal.download_pdf", lang), data=export_pdf, file_name=f"polku-{personal_id[:8]}.pdf",
        mime="application/pdf", key=f"{key}_pdf", on_click="ignore", icon="📄",
    )
    col_json.download_button(
        t("personal.download_json", lang), data=export_json, file_name=f"polku-{personal_id[:8]}.json",
        mime="application/json", key=f"{key}_json", on_click="ignore", icon="🗂️",
    )


def erase_controls(personal_id: str, lang: str, key: str) -> bool:
    """Erase for good, behind a confirmation; True when erased."""
    with st.expander(t("personal.erase_heading", lang)):
        st.write(t("personal.erase_explain", lang))
        sure = st.checkbox(t("personal.erase_confirm", lang), key=f"{key}_sure")
        if st.button(t("personal.erase_button", lang), key=f"{key}_erase", disabled=not sure, type="primary"):
            personal_store().erase(personal_id)
            return True
    return False


# ------------------------------------------------------------------------- the fill-in form


def flash(lang: str) -> None:
    message = st.session_state.pop(MESSAGE, None)
    if message:
        st.success(t(f"personal.message.{message}", lang), icon="✅")
