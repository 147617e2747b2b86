"""The participants' workshop page: join with a code, see the path live, leave notes, suggest changes, dot-vote.

Only this page is reachable with a join code (see components/auth.py). Every rule (open workshop, vote
limit, valid step, suggestion limits) is enforced by `paths.workshops`, not here.
"""

from __future__ import annotations

import streamlit as st

from components.auth import (
    JOIN_PARAM,
    clear_join_cookie_if_asked,
    forget_join,
    held_join_code,
    participant_token,
    remember_join,
    workshops,
)
from components.common import current_lang, md_escape, tr
from components.suggestions_panel import participant_live, participant_picture, suggest_form
from components.workshop_page import kind_label, path_title, workshop_path
from paths.model.graph import walk_order
from paths.model.schema import ServicePath
from paths.views.audience import audience_view
from paths.workshops.rules import KINDS, MAX_NAME_CHARS, MAX_NOTE_CHARS, Note, Workshop, WorkshopError, normalise_code

PARTICIPANT_REFRESH_SECONDS = 10
_NAME_STATE = "_polku_display_name"
_MESSAGE_STATE = "_polku_join_message"


def join_page() -> None:
    """The participant view: only this page is reachable with a join code (see components/auth.py)."""
    lang = current_lang()
    clear_join_cookie_if_asked()
    raw = held_join_code()
    workshop = workshops().find_open(raw) if raw else None
    if workshop is None:
        st.title(tr("workshop.join.title"), anchor=False)
        earlier = workshops().find_latest(raw) if raw else None
        if earlier is not None and not earlier.is_open:
            st.info(tr("workshop.join.closed"), icon="🔒")
        elif raw:
            st.error(tr("workshop.join.not_found"), icon="🔎")
        _code_form()
        return
    remember_join(workshop.code)
    token = participant_token()
    loaded = workshop_path(workshop)
    if loaded is None:
        st.error(tr("workshop.error.path_gone"))
        return
    path = loaded[0]
    view = audience_view(path, workshop.audience)
    st.title(md_escape(path_title(path, path.id, lang)), anchor=False)
    st.markdown(tr("workshop.join.intro"))
    st.caption(tr("workshop.join.privacy"))
    participant_picture(workshop.id)
    participant_live(workshop.id, token)
    _note_form(workshop, view, token, lang)
    suggest_form(workshop, view, token, lang)
    _participant_path(workshop.id, token)
    st.divider()
    st.button(tr("workshop.join.leave"), on_click=forget_join, key="_polku_leave", icon="👋")


def _code_form() -> None:
    with st.form("polku_join_code"):
        typed = st.text_input(
            tr("workshop.join.code"), max_chars=12, autocomplete="off", placeholder="ABC234",
            help=tr("workshop.join.code_help"),
        )
        submitted = st.form_submit_button(tr("workshop.join.button"), type="primary")
    if submitted:
        code = normalise_code(typed)
        if code is None or workshops().find_open(code) is None:
            st.error(tr("workshop.join.not_found"), icon="🔎")
            return
        st.query_params[JOIN_PARAM] = code
        st.rerun()


def _targets(view: ServicePath, lang: str) -> tuple[list[str], dict[str, str]]:
    """The note form's choices: each stage, then its steps in reading order ("stage:ID" / "step:ID")."""
    order = walk_order(view)
    options: list[str] = []
    labels: dict[str, str] = {}
    for stage in view.stages:
        key = f"stage:{stage.id}"
        options.append(key)
        labels[key] = tr("workshop.note.target_stage", stage=stage.title.get(lang) or stage.id)
        for step_id in order:
            step = view.step(step_id)
            if step is not None and step.stage == stage.id:
                key = f"step:{step.id}"
                options.append(key)
                labels[key] = tr("workshop.note.target_step", step=step.title.get(lang) or step.id)
    return options, labels


def _note_form(workshop: Workshop, view: ServicePath, token: str, lang: str) -> None:
    options, labels = _targets(view, lang)
    st.subheader(tr("workshop.note.title"), anchor=False)
    with st.form("polku_note", clear_on_submit=True):
        target = st.selectbox(
            tr("workshop.note.target"), options=options, format_func=lambda key: labels.get(key, key), index=None,
            placeholder=tr("workshop.note.target_placeholder"), key="_polku_note_target",
        )
        kind = st.radio(
            tr("workshop.note.kind"), options=list(KINDS), format_func=kind_label, horizontal=True,
            key="_polku_note_kind",
        )
        text = st.text_area(
            tr("workshop.note.text"), max_chars=MAX_NOTE_CHARS, placeholder=tr("workshop.note.text_placeholder"),
            key="_polku_note_text",
        )
        name = st.text_input(
            tr("workshop.note.name"), value=st.session_state.get(_NAME_STATE, ""), max_chars=MAX_NAME_CHARS,
            help=tr("workshop.note.name_help"), autocomplete="nickname",
        )
        submitted = st.form_submit_button(tr("workshop.note.submit"), type="primary", icon="📌")
    if not submitted:
        return
    st.session_state[_NAME_STATE] = name
    if not target:
        st.error(tr("workshop.error.target"))
        return
    what, _, target_id = target.partition(":")
    try:
        workshops().add_note(
            workshop.id, token, kind, text,
            step_id=target_id if what == "step" else None,
            stage_id=target_id if what == "stage" else None,
            display_name=name,
        )
    except WorkshopError as exc:
        st.error(exc.message(lang), icon="⛔")
        return
    st.success(tr("workshop.note.saved"), icon="✅")


def _vote(workshop_id: int, token: str, note_id: int | None, step_id: str | None, add: bool) -> None:
    """A vote button's callback: the store enforces the limit; the outcome is shown on the next run."""
    try:
        if add:
            workshops().vote(workshop_id, token, note_id=note_id, step_id=step_id)
        else:
            workshops().unvote(workshop_id, token, note_id=note_id, step_id=step_id)
        st.session_state.pop(_MESSAGE_STATE, None)
    except WorkshopError as exc:
        st.session_state[_MESSAGE_STATE] = exc.message(current_lang())


def _vote_buttons(workshop: Workshop, token: str, mine: int, left: int, *, note_id: int | None = None,
                  step_id: str | None = None, label: str) -> None:
    if workshop.votes_per_participant == 0:
        return
    suffix = f"note_{note_id}" if note_id is not None else f"step_{step_id}"
    with st.container(horizontal=True):
        st.button(
            label, key=f"_polku_vote_{suffix}", on_click=_vote, args=(workshop.id, token, note_id, step_id, True),
            disabled=left <= 0, icon="➕",
        )
        if mine:
            st.button(
                tr("workshop.vote.remove", count=mine), key=f"_polku_unvote_{suffix}", on_click=_vote,
                args=(workshop.id, token, note_id, step_id, False), icon="➖",
            )


@st.fragment(run_every=PARTICIPANT_REFRESH_SECONDS)
def _participant_path(workshop_id: int, token: str) -> None:
    """The path as the audience sees it, with everyone's notes and the vote buttons; refreshes by itself."""
    lang = current_lang()
    workshop = workshops().get(workshop_id)
    if workshop is None or not workshop.is_open:
        st.info(tr("workshop.join.closed"), icon="🔒")
        return
    loaded = workshop_path(workshop)
    if loaded is None:
        return
    view = audience_view(loaded[0], workshop.audience)
    mine = workshops().my_votes(workshop_id, token)
    left = workshop.votes_per_participant - sum(mine.values())
    st.subheader(tr("workshop.join.path_title"), anchor=False)
    if workshop.votes_per_participant:
        st.markdown(tr("workshop.vote.left", left=max(left, 0), total=workshop.votes_per_participant))
    message = st.session_state.pop(_MESSAGE_STATE, None)
    if message:
        st.warning(message)
    notes = workshops().notes(workshop_id)
    by_step: dict[str, list[Note]] = {}
    by_stage: dict[str, list[Note]] = {}
    for note in notes:
        if note.step_id:
            by_step.setdefault(note.step_id, []).append(note)
        elif note.stage_id:
            by_stage.setdefault(note.stage_id, []).append(note)
    order = walk_order(view)
    client = workshop.audience == "client"
    for stage in view.stages:
        st.markdown(f"### {md_escape(stage.title.get(lang) or stage.id)}")
        for note in by_stage.get(stage.id, []):
            _participant_note(workshop, token, note, mine, left)
        for step_id in order:
            step = view.step(step_id)
            if step is None or step.stage != stage.id:
                continue
            step_notes = by_step.get(step.id, [])
            title = md_escape(step.title.get(lang) or step.id)
            with st.expander(tr("workshop.join.step_label", step=title, count=len(step_notes))):
                body = (step.client_text.get(lang) if client else "") or step.description.get(lang)
                if body:
                    st.markdown(md_escape(body))
                _vote_buttons(
                    workshop, token, mine.get(("step", step.id), 0), left, step_id=step.id,
                    label=tr("workshop.vote.step"),
                )
                for note in step_notes:
                    _participant_note(workshop, token, note, mine, left)


def _participant_note(workshop: Workshop, token: str, note: Note, mine: dict, left: int) -> None:
    with st.container(border=True):
        facts = [f"**{kind_label(note.kind)}**", tr("workshop.votes", count=note.votes)]
        if note.display_name:
            facts.append(md_escape(note.display_name))
        st.markdown(" · ".join(facts))
        st.markdown(md_escape(note.text))
        _vote_buttons(
            workshop, token, mine.get(("note", str(note.id)), 0), left, note_id=note.id, label=tr("workshop.vote.note")
        )
