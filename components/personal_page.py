"""Personal paths in the app: the professional's page ("Minun polkuni") and the client's page.

The professional makes a personal path from any path, hands the client a personal link (shown
once, also as a QR code), can revoke or renew it, set a PIN, download everything (JSON, PDF)
and erase it for good. The client opens the link (`?token=...`, the only thing in the URL), no
account needed, and fills in their own path on a phone. Personal data never goes into URLs,
logs or error messages; every failure is one generic sentence from the catalog.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import json
import os
from urllib.parse import urlsplit, urlunsplit

import segno
import streamlit as st
from pydantic import ValidationError

from components.auth import require_facilitator
from components.common import current_lang, load_path, md_escape, page_link, store, tr
from components.experience_fields import feeling_choice, feeling_value
from paths.i18n.catalog import t
from paths.i18n.formatting import format_date, format_datetime
from paths.model.schema import LANGS
from paths.personal.model import (
    STATUS_ICONS,
    STATUSES,
    PersonalContact,
    PersonalDataError,
    PersonalFill,
    PersonalPath,
    StepEntry,
    StepStatus,
    branch_choices,
)
from paths.personal.pdf import personal_pdf
from paths.personal.store import PersonalConflictError, PersonalStore, get_personal_store, hash_token
from paths.render.escape import md_link
from paths.render.palette import COORDINATOR_BORDER, COORDINATOR_FILL, HERE_BORDER, HERE_FILL, INK, WHITE

TOKEN_PARAM = "token"  # noqa: S105 - the query parameter's name, not a secret
CLIENT_URL_PATH = "my-path"
PROFESSIONAL_URL_PATH = "personal"
CLIENT_AUTHOR = "client"
BULB = "💡"
EXTRA_CONTACT_ROWS = 1

_SELECTED = "_personal_selected"
_TOKENS = "_personal_tokens"  # {personal id: token} made in this session: shown once, never stored
_VERIFIED = "_personal_verified"  # token hashes whose PIN was given in this session
_MESSAGE = "_personal_message"
_PIN_GIVEN = "_personal_pin_given"
_TOUCHED = "_personal_touched"

CLIENT_STYLE = """
<style>
[data-testid="stMain"] p, [data-testid="stMain"] li, [data-testid="stMain"] label,
[data-testid="stMain"] input, [data-testid="stMain"] textarea { font-size: 1.15rem !important; }
</style>
"""
BOX_STYLE = f"""
<style>
.polku-here {{ background: {HERE_FILL}; border: 4px solid {HERE_BORDER}; color: {INK}; border-radius: 10px;
  padding: .6rem .9rem; font-size: 1.2rem; margin: .4rem 0 .8rem 0; }}
.polku-bulb {{ background: {COORDINATOR_FILL}; border-left: 6px solid {COORDINATOR_BORDER}; color: {INK};
  padding: .3rem .6rem; border-radius: 4px; }}
</style>
"""


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


def _latest_version(path_id: str) -> int | None:
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
    return f'<div role="img" aria-label="{_attr(label)}">{svg}</div>'


def _attr(text: str) -> str:
    return html.escape(text, quote=True)


def _downloads(personal_id: str, source_path_id: str, lang: str, key: str) -> None:
    """JSON and PDF of everything stored, built only when clicked (in Streamlit's download thread)."""
    personal = personal_store()
    latest = _latest_version(source_path_id)

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


def _erase_controls(personal_id: str, lang: str, key: str) -> bool:
    """Erase for good, behind a confirmation; True when erased."""
    with st.expander(t("personal.erase_heading", lang)):
        st.write(t("personal.erase_explain", lang))
        sure = st.checkbox(t("personal.erase_confirm", lang), key=f"{key}_sure")
        if st.button(t("personal.erase_button", lang), key=f"{key}_erase", disabled=not sure, type="primary"):
            personal_store().erase(personal_id)
            return True
    return False


# ------------------------------------------------------------------------- the fill-in form


def fill_form(personal: PersonalPath, lang: str, author: str, key: str) -> None:
    """Statuses, dates, notes and who I met per step; goals, contacts, next appointment, branch.

    Every path text shown here goes through the one Markdown escape (`md_escape`, `md_link`)."""
    steps = personal.client_steps()
    prefix = f"{key}{personal.id[:8]}v{personal.version}"
    st.html(BOX_STYLE)
    choices = branch_choices(personal.source)
    with st.form(f"{prefix}_form", enter_to_submit=False):
        st.header(t("personal.client.steps_heading", lang), anchor=False)
        _step_fields(personal, steps, lang, prefix)
        if choices:
            _branch_fields(personal, choices, lang, prefix)
        contacts = _about_me_fields(personal.fill, lang, prefix)
        submitted = st.form_submit_button(t("personal.save", lang), type="primary", icon="💾")
    if submitted:
        try:
            new_fill = _fill_from_form(st.session_state, prefix, steps, contacts, choices)
        except ValidationError:  # the text rule refused a text (a NUL): one sentence, nothing saved
            st.error(t("text_rule.nul", lang))
            return
        _save_fill(personal, new_fill, author, lang)


def _step_fields(personal: PersonalPath, steps: list, lang: str, prefix: str) -> None:
    """One bordered card per step under its stage's heading: what it is, then the client's fields."""
    view = personal.client_view()
    here = personal.fill.here()
    today = dt.date.today()
    options: list[str | None] = [None, *STATUSES]
    current_stage = None
    for index, step in enumerate(steps):
        if step.stage != current_stage:
            current_stage = step.stage
            stage = view.stage(step.stage)
            st.subheader(md_escape(stage.title.get(lang) if stage else step.stage), anchor=False)
        entry = personal.fill.entry(step.id)
        field = f"{prefix}_s{index}"
        with st.container(border=True, key=f"{prefix}_step{index}"):
            marks = [f"**{STATUS_ICONS['here']} {t('personal.status.here', lang)}**"] if step.id == here else []
            marks += [BULB] if step.coordinator else []
            st.markdown(f"#### {' '.join([*marks, md_escape(step.title.get(lang))])}")
            text = step.client_text.get(lang)
            if text:
                st.markdown(md_escape(text))
            if step.coordinator:
                st.html(f'<p class="polku-bulb">{BULB} {_attr(t("personal.bulb_meaning", lang))}</p>')
            for link in step.links:
                st.markdown(md_link(link.label.get(lang), link.url))
            current = entry.status.value if entry.status else None
            st.radio(
                t("personal.field.status", lang), options, index=options.index(current),
                format_func=lambda value: status_label(value, lang), key=f"{field}_status",
            )
            st.date_input(
                t("personal.field.date", lang), value=entry.date, key=f"{field}_date",
                min_value=dt.date(2000, 1, 1), max_value=dt.date(today.year + 5, 12, 31), format="DD.MM.YYYY",
            )
            st.text_area(t("personal.field.note", lang), value=entry.note, key=f"{field}_note")
            st.text_input(t("personal.field.met", lang), value=entry.met, key=f"{field}_met")
            feeling_choice(entry.feeling, f"{field}_feeling", lang)


def _branch_fields(personal: PersonalPath, choices: dict, lang: str, prefix: str) -> None:
    """Which way each decision went; the labels (conditions or step titles) are path text: escaped,
    since a radio's options are Markdown too."""
    view = personal.client_view()
    st.header(t("personal.pdf.branch_heading", lang), anchor=False)
    for index, (decision, ways) in enumerate(choices.items()):
        step = view.step(decision)
        labels = {
            target: condition.get(lang) or (view.step(target).title.get(lang) if view.step(target) else target)
            for target, condition in ways
        }
        branch_options: list[str | None] = [None, *labels]
        chosen = personal.fill.branches.get(decision)
        st.radio(
            md_escape(step.title.get(lang) if step else decision), branch_options,
            index=branch_options.index(chosen) if chosen in labels else 0,
            format_func=lambda value, labels=labels: (
                t("personal.branch_unknown", lang) if value is None else md_escape(labels[value])
            ),
            key=f"{prefix}_b{index}",
        )


def _about_me_fields(fill: PersonalFill, lang: str, prefix: str) -> int:
    """Goals, contacts (with one empty row to add one) and the next appointment; returns the number
    of contact rows shown."""
    st.header(t("personal.field.goals", lang), anchor=False)
    st.text_area(
        t("personal.field.goals", lang), value=fill.goals, key=f"{prefix}_goals",
        help=t("personal.field.goals_help", lang), label_visibility="collapsed",
    )
    st.header(t("personal.pdf.contacts_heading", lang), anchor=False)
    contacts = [*fill.contacts, *[PersonalContact() for _ in range(EXTRA_CONTACT_ROWS)]]
    for index, contact in enumerate(contacts):
        with st.container(border=True):
            st.text_input(t("personal.field.contact_name", lang), value=contact.name, key=f"{prefix}_c{index}_name")
            st.text_input(t("personal.field.contact_role", lang), value=contact.role, key=f"{prefix}_c{index}_role",
                          help=t("personal.field.contact_role_help", lang))
            st.text_input(t("personal.field.contact_phone", lang), value=contact.phone,
                          key=f"{prefix}_c{index}_phone")
            st.text_input(t("personal.field.contact_email", lang), value=contact.email,
                          key=f"{prefix}_c{index}_email")
    st.header(t("personal.field.next_appointment", lang), anchor=False)
    st.text_input(
        t("personal.field.next_appointment", lang), value=fill.next_appointment, key=f"{prefix}_next",
        help=t("personal.field.next_appointment_help", lang), label_visibility="collapsed",
    )
    return len(contacts)


def _fill_from_form(state: object, prefix: str, steps: list, contacts: int, choices: dict) -> PersonalFill:
    """What the submitted form holds, as a PersonalFill (the widgets' values by their keys)."""
    return PersonalFill(
        entries={
            step.id: StepEntry(
                status=StepStatus(state[f"{prefix}_s{i}_status"]) if state[f"{prefix}_s{i}_status"] else None,
                date=state[f"{prefix}_s{i}_date"],
                note=state[f"{prefix}_s{i}_note"] or "",
                met=state[f"{prefix}_s{i}_met"] or "",
                feeling=feeling_value(state.get(f"{prefix}_s{i}_feeling")),
            )
            for i, step in enumerate(steps)
        },
        goals=state[f"{prefix}_goals"] or "",
        contacts=[
            PersonalContact(
                name=state[f"{prefix}_c{i}_name"] or "", role=state[f"{prefix}_c{i}_role"] or "",
                phone=state[f"{prefix}_c{i}_phone"] or "", email=state[f"{prefix}_c{i}_email"] or "",
            )
            for i in range(contacts)
        ],
        next_appointment=state[f"{prefix}_next"] or "",
        branches={
            decision: state[f"{prefix}_b{i}"] for i, decision in enumerate(choices) if state.get(f"{prefix}_b{i}")
        },
    )


def _save_fill(personal: PersonalPath, new_fill: PersonalFill, author: str, lang: str) -> None:
    try:
        personal_store().save_fill(personal.id, new_fill, author, base_version=personal.version)
    except PersonalDataError as exc:
        st.error(exc.message(lang))
        return
    except PersonalConflictError:
        st.error(t("personal.conflict", lang))
        return
    st.session_state[_MESSAGE] = "saved"
    st.rerun()


def _flash(lang: str) -> None:
    message = st.session_state.pop(_MESSAGE, None)
    if message:
        st.success(t(f"personal.message.{message}", lang), icon="✅")


def _diagram(personal: PersonalPath, lang: str) -> None:
    """The client's path as a picture, "I am here" and the light bulbs marked; the list says the same.
    Drawn on the server in both layouts: a phone gets the portrait one, which needs no sideways scrolling."""
    from components import diagrams
    from components.flow_diagram import flow_picture
    from paths.render.image import RenderError
    from paths.render.layout import LAYOUTS
    from paths.render.marks import LIGHT_BULB

    here = personal.here()
    view = personal.client_view()
    alt = t("personal.pdf.diagram_alt", lang, title=personal.source.title.get(lang), steps=len(view.steps),
            bulbs=sum(1 for s in view.steps if s.coordinator))
    if here and view.step(here):
        alt += " " + t("personal.pdf.diagram_alt_here", lang, step=view.step(here).title.get(lang))
    statuses = tuple(sorted(personal.statuses().items()))
    with st.expander(t("personal.client.diagram", lang), expanded=True):
        try:
            drawings = {name: diagrams.personal_svg((personal.id, personal.version), lang, name, here, statuses, view)
                        for name in LAYOUTS}
        except RenderError as exc:
            st.info(exc.message(lang))
        else:
            flow_picture(drawings, {}, choice="auto", fit=False, selected=None, label=alt,
                         version=f"{personal.id}|{personal.version}|{lang}", key="_personal_picture", on_step=_no_step)
        st.caption(f"{LIGHT_BULB} {t('personal.bulb_meaning', lang)} · {status_label('here', lang)}")


def _no_step() -> None:
    """The personal page's picture is not clickable; the component still needs a callback to mount."""


def _here_box(personal: PersonalPath, lang: str) -> None:
    here = personal.here()
    step = personal.client_view().step(here) if here else None
    if step is None:
        st.info(t("personal.client.no_here", lang))
        return
    st.html(
        f'<div class="polku-here" role="note"><strong>{_attr(status_label("here", lang))}:</strong> '
        f"{_attr(step.title.get(lang))}</div>"
    )


# ------------------------------------------------------------------------- the client's page


def _open_for_client(token: str | None, lang: str | None) -> PersonalPath | None:
    """The personal path behind the link, or None after showing the polite "not found" or the PIN
    prompt. `lang` is the language asked for in the URL, if any."""
    personal_store_ = personal_store()
    if not token:
        _not_found(lang)
        return None
    token_hash = hash_token(token)
    verified: set[str] = st.session_state.setdefault(_VERIFIED, set())
    if token_hash in verified:
        personal_id = personal_store_.resolve_token(token)
        personal = personal_store_.get(personal_id) if personal_id else None
        if personal is not None:
            return personal
        verified.discard(token_hash)
        _not_found(lang)
        return None
    pin = st.session_state.pop(_PIN_GIVEN, None)
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
            st.session_state[_PIN_GIVEN] = given
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
        _flash(asked_lang or "fi")
        return
    lang = asked_lang or personal.lang
    st.title(f"{t('personal.client.title', lang)}: {md_escape(personal.display_name)}", anchor=False)
    st.write(t("personal.client.path_line", lang, title=md_escape(personal.source.title.get(lang))))
    if personal.newer_version_exists(_latest_version(personal.source_path_id)):
        st.info(t("personal.newer_version", lang), icon="ℹ️")
    st.write(t("personal.client.intro", lang))
    _flash(lang)
    _here_box(personal, lang)
    _diagram(personal, lang)
    fill_form(personal, lang, CLIENT_AUTHOR, "client")
    st.header(t("personal.client.keep_heading", lang), anchor=False)
    _downloads(personal.id, personal.source_path_id, lang, "client_dl")
    if _erase_controls(personal.id, lang, "client_erase"):
        st.session_state.get(_VERIFIED, set()).discard(hash_token(token or ""))
        st.session_state[_MESSAGE] = "erased"
        st.rerun()


# ------------------------------------------------------------------------- the professional's page


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
    st.session_state.setdefault(_TOKENS, {})[personal.id] = token
    st.session_state[_SELECTED] = personal.id
    st.session_state[_MESSAGE] = "created"
    st.rerun()


def _link_panel(personal: PersonalPath, lang: str) -> None:
    store_ = personal_store()
    token = st.session_state.get(_TOKENS, {}).get(personal.id)
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
        st.session_state.setdefault(_TOKENS, {})[personal.id] = store_.renew_link(personal.id)
        st.session_state[_MESSAGE] = "renewed"
        st.rerun()
    if col_revoke.button(tr("personal.pro.revoke"), key="personal_revoke", icon="⛔",
                         disabled=not store_.has_link(personal.id)):
        store_.revoke_link(personal.id)
        st.session_state.get(_TOKENS, {}).pop(personal.id, None)
        st.session_state[_MESSAGE] = "revoked"
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
        st.session_state[_MESSAGE] = "pin_removed" if remove_pin else "pin_set"
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
            st.session_state[_MESSAGE] = "shared"
            st.rerun()


def _details(personal_id: str, owner: str) -> None:
    lang = current_lang()
    store_ = personal_store()
    if not store_.may_see(personal_id, owner):
        st.info(tr("personal.pro.gone"))
        return
    touch = st.session_state.get(_TOUCHED) != personal_id
    personal = store_.get(personal_id, touch=touch)
    st.session_state[_TOUCHED] = personal_id
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
    if personal.newer_version_exists(_latest_version(personal.source_path_id)):
        st.info(tr("personal.newer_version"), icon="ℹ️")
    tab_link, tab_fill, tab_keep = st.tabs(
        [tr("personal.pro.tab_link"), tr("personal.pro.tab_fill"), tr("personal.pro.tab_keep")]
    )
    with tab_link:
        _link_panel(personal, lang)
        _share_panel(personal, owner)
    with tab_fill:
        st.caption(tr("personal.pro.fill_intro", lang_name=t(f"personal.lang_name.{personal.lang}", lang)))
        _here_box(personal, personal.lang)
        _diagram(personal, personal.lang)
        fill_form(personal, personal.lang, owner, "pro")
    with tab_keep:
        _downloads(personal.id, personal.source_path_id, lang, "pro_dl")
        if _erase_controls(personal.id, lang, "pro_erase"):
            st.session_state.get(_TOKENS, {}).pop(personal.id, None)
            st.session_state.pop(_SELECTED, None)
            st.session_state[_MESSAGE] = "erased"
            st.rerun()


def professional_page() -> None:
    """Minun polkuni / Min servicestig / My path: make, list and look after clients' personal paths.

    The signed-in facilitator (components/auth.py) is the owner: each sees the personal paths they
    made and those shared with them."""
    lang = current_lang()
    st.title(tr("personal.pro.title"), anchor=False)
    st.write(tr("personal.pro.intro"))
    owner = require_facilitator()
    _flash(lang)
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
    selected = st.session_state.get(_SELECTED)
    ids = list(labels)
    chosen = st.selectbox(
        tr("personal.pro.choose"), ids, format_func=labels.get,
        index=ids.index(selected) if selected in ids else 0, key=f"personal_choose_{_digest(ids)}",
    )
    st.session_state[_SELECTED] = chosen
    if chosen:
        _details(chosen, owner)


def _digest(ids: list[str]) -> str:
    """A widget key that changes when the list changes, so a new path can be preselected."""
    return hashlib.sha256("".join(ids).encode()).hexdigest()[:8]
