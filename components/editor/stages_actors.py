"""The stages, actors, contacts and the path's own texts sections of the editor.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from components.common import md_escape, tr
from components.editor.state import FORM_PREFIX, apply_edit, stage_label, text_of
from paths.editing import edits as editing
from paths.editing.session import EditSession
from paths.i18n.catalog import t
from paths.model.schema import LANGS, ActorGroup


def _stage_text_changed(edit: EditSession, stage_id: str, name: str, lang: str) -> None:
    value = st.session_state.get(f"{FORM_PREFIX}stage_{name}_{stage_id}") or ""
    if name == "title":
        apply_edit(edit, editing.rename_stage, stage_id, value, lang)
    else:
        apply_edit(edit, editing.set_stage_description, stage_id, value, lang)


def _add_stage(edit: EditSession, lang: str) -> None:
    title = (st.session_state.get("_polku_ed_new_stage") or "").strip()
    if apply_edit(edit, editing.add_stage, title, lang):
        st.session_state["_polku_ed_new_stage"] = ""


def _remove_stage(edit: EditSession) -> None:
    stage_id = st.session_state.get("_polku_ed_remove_stage")
    target = st.session_state.get("_polku_ed_move_steps_to")
    if stage_id:
        apply_edit(edit, editing.remove_stage, stage_id, move_steps_to=target or None)


def stages_section(edit: EditSession, lang: str) -> None:
    path = edit.path
    st.caption(tr("editor.stages.hint"))
    for index, stage in enumerate(path.stages):
        count = len(path.steps_in_stage(stage.id))
        with st.container(border=True):
            cols = st.columns([4, 5, 1, 1], vertical_alignment="bottom")
            cols[0].text_input(
                tr("editor.stages.title", number=index + 1, count=count), value=text_of(stage.title, lang),
                key=f"{FORM_PREFIX}stage_title_{stage.id}", max_chars=300,
                on_change=_stage_text_changed, args=(edit, stage.id, "title", lang),
            )
            cols[1].text_input(
                tr("editor.stages.description"), value=text_of(stage.description, lang),
                key=f"{FORM_PREFIX}stage_description_{stage.id}", max_chars=2000,
                on_change=_stage_text_changed, args=(edit, stage.id, "description", lang),
            )
            name = stage.title.get(lang) or stage.id
            cols[2].button("↑", key=f"{FORM_PREFIX}stage_up_{stage.id}", disabled=index == 0,
                           help=tr("editor.stages.up", name=name),
                           on_click=apply_edit, args=(edit, editing.move_stage, stage.id, index - 1))
            cols[3].button("↓", key=f"{FORM_PREFIX}stage_down_{stage.id}", disabled=index == len(path.stages) - 1,
                           help=tr("editor.stages.down", name=name),
                           on_click=apply_edit, args=(edit, editing.move_stage, stage.id, index + 1))
    cols = st.columns([4, 1], vertical_alignment="bottom")
    cols[0].text_input(tr("editor.stages.new"), key="_polku_ed_new_stage", max_chars=300)
    cols[1].button(tr("editor.stages.add"), key="_polku_ed_add_stage", icon="➕",
                   on_click=_add_stage, args=(edit, lang))
    if path.stages:
        st.markdown(f"**{tr('editor.stages.remove_heading')}**")
        cols = st.columns([3, 3, 1], vertical_alignment="bottom")
        ids = [s.id for s in path.stages]
        cols[0].selectbox(tr("editor.stages.remove_which"), options=ids, index=None,
                          format_func=lambda s: stage_label(path, s, lang), key="_polku_ed_remove_stage")
        cols[1].selectbox(tr("editor.stages.move_to"), options=ids, index=None,
                          format_func=lambda s: stage_label(path, s, lang), key="_polku_ed_move_steps_to",
                          placeholder=tr("editor.stages.move_none"))
        cols[2].button(tr("editor.stages.remove"), key="_polku_ed_remove_stage_go", icon="🗑️",
                       on_click=_remove_stage, args=(edit,))


def _actor_changed(edit: EditSession, actor_id: str, name: str, lang: str) -> None:
    value = st.session_state.get(f"{FORM_PREFIX}actor_{name}_{actor_id}")
    if name == "name":
        apply_edit(edit, editing.update_actor, actor_id, name=value or "", lang=lang)
    else:
        apply_edit(edit, editing.update_actor, actor_id, group=value)


def _add_actor(edit: EditSession, lang: str) -> None:
    name = (st.session_state.get("_polku_ed_new_actor") or "").strip()
    group = st.session_state.get("_polku_ed_new_actor_group") or None
    if apply_edit(edit, editing.add_actor, name, lang, group):
        st.session_state["_polku_ed_new_actor"] = ""


def actors_section(edit: EditSession, lang: str) -> None:
    path = edit.path
    st.caption(tr("editor.actors.hint"))
    groups = [g.value for g in ActorGroup]
    for actor in path.actors:
        uses = sum(1 for step in path.steps if actor.id in step.actors)
        cols = st.columns([4, 3, 1], vertical_alignment="bottom")
        cols[0].text_input(
            tr("editor.actors.name", count=uses), value=text_of(actor.name, lang),
            key=f"{FORM_PREFIX}actor_name_{actor.id}", max_chars=200,
            on_change=_actor_changed, args=(edit, actor.id, "name", lang),
        )
        cols[1].selectbox(
            tr("editor.actors.group"), options=groups, index=groups.index(actor.group.value),
            format_func=lambda g: t(f"editing.group.{g}", lang), key=f"{FORM_PREFIX}actor_group_{actor.id}",
            on_change=_actor_changed, args=(edit, actor.id, "group", lang),
        )
        cols[2].button(
            "🗑️", key=f"{FORM_PREFIX}actor_remove_{actor.id}",
            help=tr("editor.actors.remove", name=md_escape(actor.name.get(lang) or actor.id)),
            on_click=apply_edit, args=(edit, editing.remove_actor, actor.id),
        )
    cols = st.columns([4, 3, 1], vertical_alignment="bottom")
    cols[0].text_input(tr("editor.actors.new"), key="_polku_ed_new_actor", max_chars=200)
    cols[1].selectbox(tr("editor.actors.group"), options=groups, index=None, placeholder=tr("editor.actors.guess"),
                      format_func=lambda g: t(f"editing.group.{g}", lang), key="_polku_ed_new_actor_group")
    cols[2].button(tr("editor.actors.add"), key="_polku_ed_add_actor", icon="➕",
                   on_click=_add_actor, args=(edit, lang))


_NEW_CONTACT = "_polku_ed_new_contact_{field}"


def _contact_changed(edit: EditSession, contact_id: str, name: str, lang: str) -> None:
    value = st.session_state.get(f"{FORM_PREFIX}contact_{name}_{contact_id}")
    if name == "label":
        apply_edit(edit, editing.update_contact, contact_id, label=value or "", lang=lang)
    elif name == "placeholder":
        apply_edit(edit, editing.update_contact, contact_id, placeholder=bool(value))
    else:
        apply_edit(edit, editing.update_contact, contact_id, **{name: value or ""})


def _add_contact(edit: EditSession, lang: str) -> None:
    typed = {name: st.session_state.get(_NEW_CONTACT.format(field=name)) for name in ("label", "email", "phone")}
    placeholder = bool(st.session_state.get(_NEW_CONTACT.format(field="placeholder")))
    if apply_edit(edit, editing.add_contact, (typed["label"] or "").strip(), lang, email=typed["email"] or "",
              phone=typed["phone"] or "", placeholder=placeholder):
        for name in ("label", "email", "phone"):
            st.session_state[_NEW_CONTACT.format(field=name)] = ""
        st.session_state[_NEW_CONTACT.format(field="placeholder")] = False


def _contact_fields(
    prefix: str, label: str, values: tuple[str, str, str, bool] | None, changed: dict[str, dict[str, Any]] | None = None
) -> None:
    """One contact's label, e-mail, phone and "example details" mark. `values` are an existing contact's
    (None for the new-contact row, whose fields live only in the session); `changed` holds on_change hooks."""
    changed = changed or {}
    cols = st.columns([4, 4, 3], vertical_alignment="bottom")
    titles = (label, tr("editor.contacts.email"), tr("editor.contacts.phone"))
    for index, (col, name, title) in enumerate(zip(cols, ("label", "email", "phone"), titles, strict=True)):
        initial = {"value": values[index]} if values is not None else {}
        col.text_input(title, key=prefix.format(field=name), max_chars=200, **initial, **changed.get(name, {}))
    initial = {"value": values[3]} if values is not None else {}
    st.checkbox(tr("editor.contacts.placeholder"), key=prefix.format(field="placeholder"),
                help=tr("editor.contacts.placeholder_help"), **initial, **changed.get("placeholder", {}))


def contacts_section(edit: EditSession, lang: str) -> None:
    """The path's contact points (steps pick them in the step form); example details are marked as such."""
    path = edit.path
    st.caption(tr("editor.contacts.hint"))
    for contact in path.contacts:
        uses = sum(1 for step in path.steps if contact.id in step.contacts)
        with st.container(border=True):
            prefix = f"{FORM_PREFIX}contact_{{field}}_{contact.id}"
            hooks = {name: {"on_change": _contact_changed, "args": (edit, contact.id, name, lang)}
                     for name in ("label", "email", "phone", "placeholder")}
            _contact_fields(prefix, tr("editor.contacts.label", count=uses),
                            (text_of(contact.label, lang), contact.email, contact.phone, contact.placeholder), hooks)
            st.button(tr("editor.contacts.remove", name=md_escape(contact.label.get(lang) or contact.id)), icon="🗑️",
                      key=f"{FORM_PREFIX}contact_remove_{contact.id}",
                      on_click=apply_edit, args=(edit, editing.remove_contact, contact.id))
    st.markdown(f"**{tr('editor.contacts.new')}**")
    _contact_fields(_NEW_CONTACT, tr("editor.contacts.new_label"), None)
    st.button(tr("editor.contacts.add"), key="_polku_ed_add_contact", icon="➕", on_click=_add_contact,
              args=(edit, lang))


def _path_changed(edit: EditSession, name: str, lang: str) -> None:
    value = st.session_state.get(f"{FORM_PREFIX}path_{name}_{lang}") or ""
    apply_edit(edit, editing.update_path, lang, **{name: value})


def path_section(edit: EditSession, lang: str) -> None:
    path = edit.path
    st.caption(tr("editor.path.hint", id=path.id))
    for code in (lang, *(c for c in LANGS if c != lang)):
        with st.expander(t(f"app.lang_name.{code}", code), expanded=code == lang):
            for name in ("title", "summary", "persona", "provenance", "notes"):
                widget = st.text_input if name in ("title", "persona") else st.text_area
                widget(
                    tr(f"diff.field.{name}").capitalize(), value=text_of(getattr(path, name), code),
                    key=f"{FORM_PREFIX}path_{name}_{code}", max_chars=5000, on_change=_path_changed,
                    args=(edit, name, code),
                )
