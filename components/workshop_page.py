"""The facilitator's workshop page: open a workshop, the live wall, close, export (the participants'
page is components/workshop_join.py).

The wall is a fragment that reruns by itself every few seconds, so new notes appear without a
reload. The participants' page shows only what the chosen audience sees, and every rule (open
workshop, vote limit, valid step) is enforced by `paths.workshops.workshop.WorkshopStore`, not here.
"""

from __future__ import annotations

import os
from datetime import datetime

import segno
import streamlit as st

from components.auth import (
    JOIN_PARAM,
    require_facilitator,
    workshops,
)
from components.authorship import author_name
from components.common import current_lang, load_path, md_escape, page, store, tr
from components.experience_fields import promote_buttons, report_buttons
from components.suggestions_panel import wall_suggestions
from components.templating import render, stylesheet
from paths.model.schema import ServicePath
from paths.views.audience import AUDIENCES
from paths.workshops.rules import DEFAULT_VOTES, KIND_ICONS, KINDS, MAX_VOTES, Note, Workshop, WorkshopError
from paths.workshops.wall import export_csv, export_xlsx, group_notes

WORKSHOP_PARAM = "workshop"
FACILITATOR_URL_PATH = "workshop"
JOIN_URL_PATH = "join"
EDITOR_URL_PATH = "edit"
PUBLIC_URL_ENV = "POLKU_PUBLIC_URL"
WALL_REFRESH_SECONDS = 2


def kind_label(kind: str) -> str:
    """The note type with its icon and its word (colour is never the only signal)."""
    return f"{KIND_ICONS[kind]} {tr(f'workshop.kind.{kind}')}"


def _time(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def workshop_path(workshop: Workshop) -> tuple[ServicePath, int] | None:
    """The path participants see: its latest version (edits made during the workshop show up), read
    through the app's per-version cache, so the wall's refresh every few seconds parses nothing."""
    return load_path(workshop.path_id) or load_path(workshop.path_id, workshop.path_version)


def path_title(path: ServicePath | None, fallback: str, lang: str) -> str:
    return (path.title.get(lang) if path else "") or fallback


# -- the facilitator's side ------------------------------------------------------------------------


def workshop_facilitator_page() -> None:
    """Open a workshop, run its wall, close it and export its notes (facilitators only)."""
    name = require_facilitator()
    st.title(tr("workshop.title"), anchor=False)
    workshop = _selected_workshop()
    if workshop is None:
        st.markdown(tr("workshop.intro"))
        _open_form(name)
        _workshop_lists()
        return
    _room(workshop, author_name(name))


def _selected_workshop() -> Workshop | None:
    raw = st.query_params.get(WORKSHOP_PARAM, "")
    return workshops().get(int(raw)) if raw.isdigit() else None


def _show_workshop(workshop_id: int) -> None:
    st.query_params[WORKSHOP_PARAM] = str(workshop_id)


def _back_to_list() -> None:
    if WORKSHOP_PARAM in st.query_params:
        del st.query_params[WORKSHOP_PARAM]


def _open_form(name: str) -> None:
    lang = current_lang()
    summaries = store().list_paths()
    titles = {summary.id: summary.title.get(lang) or summary.id for summary in summaries}
    wanted = st.query_params.get("path")
    options = list(titles)
    st.subheader(tr("workshop.open.title"), anchor=False)
    with st.form("polku_open_workshop"):
        path_id = st.selectbox(
            tr("workshop.open.path"),
            options=options,
            format_func=lambda pid: titles.get(pid, pid),
            index=options.index(wanted) if wanted in options else 0 if options else None,
        )
        audience = st.radio(
            tr("workshop.open.audience"),
            options=list(AUDIENCES),
            format_func=lambda value: tr(f"pathpage.audience.{value}"),
            index=list(AUDIENCES).index("client"),
            horizontal=True,
            help=tr("workshop.open.audience_help"),
        )
        votes = st.number_input(
            tr("workshop.open.votes"), min_value=0, max_value=MAX_VOTES, value=DEFAULT_VOTES, step=1,
            help=tr("workshop.open.votes_help"),
        )
        submitted = st.form_submit_button(tr("workshop.open.button"), type="primary", icon="🚪")
    if submitted and path_id:
        try:
            workshop = workshops().open_workshop(path_id, name, audience, int(votes))
        except WorkshopError as exc:
            st.error(exc.message(lang))
            return
        _show_workshop(workshop.id)
        st.rerun()


def _workshop_lists() -> None:
    lang = current_lang()
    all_workshops = workshops().list_workshops()
    titles = {summary.id: summary.title.get(lang) or summary.id for summary in store().list_paths()}
    open_ones = [w for w in all_workshops if w.is_open]
    closed = [w for w in all_workshops if not w.is_open][:30]
    st.subheader(tr("workshop.list.open"), anchor=False)
    if not open_ones:
        st.caption(tr("workshop.list.none_open"))
    for workshop in open_ones:
        with st.container(border=True):
            st.markdown(
                tr(
                    "workshop.list.line",
                    title=md_escape(titles.get(workshop.path_id, workshop.path_id)),
                    code=workshop.code,
                    time=_time(workshop.opened_at),
                    by=md_escape(workshop.opened_by),
                )
            )
            st.button(
                tr("workshop.list.show"), key=f"_polku_show_{workshop.id}", on_click=_show_workshop,
                args=(workshop.id,), icon="🧱",
            )
    st.subheader(tr("workshop.list.closed"), anchor=False)
    if not closed:
        st.caption(tr("workshop.list.none_closed"))
    for workshop in closed:
        count = workshops().count_notes(workshop.id)
        label = tr(
            "workshop.list.closed_line",
            title=md_escape(titles.get(workshop.path_id, workshop.path_id)),
            time=_time(workshop.opened_at),
            count=count,
        )
        with st.expander(label):
            st.button(
                tr("workshop.list.show_notes"), key=f"_polku_show_{workshop.id}", on_click=_show_workshop,
                args=(workshop.id,),
            )
            _exports(workshop, key_prefix=f"_polku_list_{workshop.id}")


def app_root() -> str:
    """The app's address as the browser sees it (or POLKU_PUBLIC_URL behind a proxy), without a page path."""
    configured = os.environ.get(PUBLIC_URL_ENV, "").strip()
    if configured:
        return configured.rstrip("/")
    try:
        url = st.context.url or ""
    except (AttributeError, RuntimeError):
        url = ""
    url = url.split("?")[0].split("#")[0].rstrip("/")
    for suffix in (f"/{FACILITATOR_URL_PATH}", f"/{JOIN_URL_PATH}"):
        if url.endswith(suffix):
            url = url[: -len(suffix)]
    return url


def join_url(code: str) -> str:
    """The app's root with `?join=CODE`: for a participant the join page is the app's only (default) page."""
    return f"{app_root()}/?{JOIN_PARAM}={code}"


def qr_image(url: str) -> str:
    """The join link as a QR code: an SVG from segno, inlined as a data URI in an <img> with a text alternative.

    (Streamlit's HTML sanitiser drops inline <svg> elements, but keeps images with data URIs.)
    """
    uri = segno.make(url, error="m").svg_data_uri(scale=8, border=2, dark="#1A1A1A", light="#FFFFFF")
    return render("image.html", css_class="polku-qr", src=uri, alt=tr("workshop.room.qr_alt"))


def _room(workshop: Workshop, facilitator: str) -> None:
    """One workshop: the code for the wall, the live wall, and closing and exports."""
    lang = current_lang()
    loaded = workshop_path(workshop)
    path = loaded[0] if loaded else None
    st.button(tr("workshop.room.back"), on_click=_back_to_list, icon="⬅️", key="_polku_room_back")
    st.header(md_escape(path_title(path, workshop.path_id, lang)), anchor=False)
    st.caption(
        tr(
            "workshop.room.facts",
            audience=tr(f"pathpage.audience.{workshop.audience}"),
            votes=workshop.votes_per_participant,
            by=md_escape(workshop.opened_by),
            time=_time(workshop.opened_at),
        )
    )
    if workshop.is_open:
        url = join_url(workshop.code)
        left, right = st.columns([3, 2], vertical_alignment="center")
        with left:
            st.markdown(tr("workshop.room.join_how"))
            spaced = " ".join(workshop.code)
            st.html(stylesheet("workshop.css") + render("join_code.html", spaced=spaced, code=workshop.code))
            st.markdown(tr("workshop.room.link"))
            st.code(url, language=None, wrap_lines=True)
        with right:
            st.html(qr_image(url))
    else:
        st.info(tr("workshop.room.closed", time=_time(workshop.closed_at)), icon="🔒")
    _wall(workshop.id, facilitator)
    st.divider()
    _exports(workshop, key_prefix=f"_polku_room_{workshop.id}")
    if workshop.is_open:
        _close_controls(workshop)


def _exports(workshop: Workshop, key_prefix: str) -> None:
    lang = current_lang()
    stem = f"{workshop.path_id}-workshop-{workshop.id}-{lang}"

    def rows() -> tuple[list[Note], ServicePath | None]:
        loaded = workshop_path(workshop)
        return workshops().notes(workshop.id), loaded[0] if loaded else None

    report_buttons(workshop, key_prefix)
    with st.container(horizontal=True):
        st.download_button(
            tr("workshop.export.csv"), data=lambda: export_csv(*rows(), lang), file_name=f"{stem}.csv",
            mime="text/csv", on_click="ignore", icon="⬇️", key=f"{key_prefix}_csv",
        )
        st.download_button(
            tr("workshop.export.xlsx"), data=lambda: export_xlsx(*rows(), lang, title=workshop.path_id),
            file_name=f"{stem}.xlsx", on_click="ignore", icon="⬇️", key=f"{key_prefix}_xlsx",
            mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )


def _close_controls(workshop: Workshop) -> None:
    with st.expander(tr("workshop.close.title")):
        st.caption(tr("workshop.close.help"))
        sure = st.checkbox(tr("workshop.close.confirm"), key=f"_polku_close_sure_{workshop.id}")
        if st.button(tr("workshop.close.button"), disabled=not sure, key=f"_polku_close_{workshop.id}", icon="🔒"):
            workshops().close(workshop.id)
            st.rerun()


def _set_done(note_id: int, done: bool) -> None:
    workshops().set_done(note_id, done)


def _step_votes_list(step_votes: dict[str, int], path: ServicePath | None, lang: str) -> None:
    if not step_votes or path is None:
        return
    ranked = sorted(step_votes.items(), key=lambda item: -item[1])
    lines = [
        f"- {md_escape((path.step(step_id).title.get(lang) if path.step(step_id) else step_id) or step_id)}: "
        + tr("workshop.votes", count=count)
        for step_id, count in ranked
    ]
    with st.expander(tr("workshop.wall.step_votes", count=sum(step_votes.values()))):
        st.markdown("\n".join(lines))


def _wall_notes(notes: list[Note], path: ServicePath, step_votes: dict[str, int], lang: str) -> None:
    """The notes grouped by stage and step in the path's reading order, the most voted first."""
    for group in group_notes(notes, path, lang):
        heading = md_escape(group.title)
        if group.kind == "step":
            heading = tr("workshop.wall.step_heading", stage=md_escape(group.stage_title), step=heading)
            if step_votes.get(group.target_id):
                heading += " · " + tr("workshop.votes", count=step_votes[group.target_id])
        elif group.kind == "stage":
            heading = tr("workshop.wall.stage_heading", stage=heading)
        st.markdown(f"#### {heading}")
        for note in sorted(group.notes, key=lambda n: (-n.votes, n.created_at)):
            _wall_note(note, lang)


@st.fragment(run_every=WALL_REFRESH_SECONDS)
def _wall(workshop_id: int, facilitator: str) -> None:
    """The live wall: reruns on its own every few seconds, so new notes, votes and suggestions simply appear."""
    lang = current_lang()
    workshop = workshops().get(workshop_id)
    if workshop is None:
        return
    loaded = workshop_path(workshop)
    path = loaded[0] if loaded else None
    if loaded is not None:
        wall_suggestions(workshop, loaded[0], loaded[1], facilitator)
    notes = workshops().notes(workshop_id)
    st.subheader(tr("workshop.wall.title"), anchor=False)
    st.caption(
        tr(
            "workshop.wall.summary",
            notes=len(notes),
            participants=workshops().participants(workshop_id),
            votes=workshops().count_votes(workshop_id),
        )
    )
    with st.container(horizontal=True, vertical_alignment="bottom"):
        chosen = st.pills(
            tr("workshop.wall.filter"), options=list(KINDS), format_func=kind_label, selection_mode="multi",
            default=list(KINDS), key=f"_polku_wall_kinds_{workshop_id}",
        )
        show_done = st.toggle(tr("workshop.wall.show_done"), value=True, key=f"_polku_wall_done_{workshop_id}")
    step_votes = workshops().step_votes(workshop_id)
    _step_votes_list(step_votes, path, lang)
    if not notes:
        st.info(tr("workshop.wall.empty"), icon="🕊️")
        return
    visible = [note for note in notes if note.kind in (chosen or []) and (show_done or not note.done)]
    if not visible:
        st.caption(tr("workshop.wall.none_match"))
        return
    if path is None:
        st.warning(tr("workshop.error.path_gone"))
        return
    _wall_notes(visible, path, step_votes, lang)


def _wall_note(note: Note, lang: str) -> None:
    with st.container(border=True, key=f"polku_note_{note.id}"):
        facts = [f"**{kind_label(note.kind)}**", tr("workshop.votes", count=note.votes)]
        if note.display_name:
            facts.append(md_escape(note.display_name))
        if note.done:
            facts.append(tr("workshop.wall.is_done"))
        if note.turned_into_edit:
            facts.append(tr("workshop.wall.is_edit"))
        st.markdown(" · ".join(facts))
        st.markdown(md_escape(note.text))
        with st.container(horizontal=True):
            st.button(
                tr("workshop.wall.undone") if note.done else tr("workshop.wall.done"),
                key=f"_polku_done_{note.id}", on_click=_set_done, args=(note.id, not note.done), icon="✔️",
            )
            promote_buttons(note)
            if note.step_id and st.button(tr("workshop.wall.to_edit"), key=f"_polku_edit_{note.id}", icon="✏️"):
                workshops().mark_turned_into_edit(note.id)
                editor = page(EDITOR_URL_PATH)
                if editor is None:
                    st.warning(tr("workshop.wall.no_editor"))
                else:
                    st.switch_page(editor, query_params={"path": note.path_id, "step": note.step_id, "lang": lang})
