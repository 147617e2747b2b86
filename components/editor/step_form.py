"""The step section: the blueprint to pick a step, adding a step, and the form of one step.

`step_form(edit, step_id, lang)` is the form itself: one function, so another block of fields can be
added to it with one line.
"""

from __future__ import annotations

from typing import Any

import streamlit as st
from pydantic import ValidationError

from components.common import clicked_step_id, md_escape, tr
from components.editor.state import (
    BLUEPRINT_KEY,
    FORM_PREFIX,
    STEP_PICK,
    actor_label,
    apply_edit,
    clear_form_keys,
    contact_label,
    missing_translations,
    stage_label,
    step_label,
    text_of,
)
from components.experience_fields import experience_fields
from paths.editing import edits as editing
from paths.editing.session import EditSession
from paths.i18n.catalog import t
from paths.model.graph import walk_order
from paths.model.schema import LANGS, Audience, Channel, Link, ServicePath, Step, StepKind
from paths.render.blueprint import blueprint_figure


def _on_blueprint_select() -> None:
    step_id = clicked_step_id(BLUEPRINT_KEY)
    if step_id is not None:
        st.session_state[STEP_PICK] = step_id
        clear_form_keys()


def _step_changed(edit: EditSession, step_id: str, name: str, lang: str) -> None:
    """A step field's widget changed: write its value into the path. A widget whose state was just
    cleared (an undo or a re-applied edit redraws the form) reports None: that is no change."""
    value = st.session_state.get(f"{FORM_PREFIX}{name}_{lang}_{step_id}")
    if value is None:
        return
    if name == "links":
        links = []
        for line in (value or "").splitlines():
            if not line.strip():
                continue
            label, sep, url = line.rpartition("|")
            if not sep:
                label, url = "", line
            try:
                links.append(Link(label={lang: label.strip()}, url=url.strip()))
            except ValidationError:
                edit.say("error", tr("editor.step.bad_link", link=url.strip()))
                clear_form_keys()
                return
        value = links
    apply_edit(edit, editing.update_step, step_id, lang, **{name: value})


def _rename_id(edit: EditSession, step_id: str) -> None:
    new = (st.session_state.get(f"{FORM_PREFIX}id_{step_id}") or "").strip()
    if apply_edit(edit, editing.rename_step_id, step_id, new):
        st.session_state[STEP_PICK] = new if edit.path.step(new) else step_id


def _relabel(edit: EditSession, source: str, target: str, lang: str) -> None:
    label = st.session_state.get(f"{FORM_PREFIX}cond_{lang}_{source}_{target}") or ""
    apply_edit(edit, editing.connect, source, target, label, lang)


def _connect(edit: EditSession, source: str, lang: str) -> None:
    target = st.session_state.get(f"{FORM_PREFIX}connect_to_{source}")
    label = st.session_state.get(f"{FORM_PREFIX}connect_label_{source}") or ""
    if target:
        apply_edit(edit, editing.connect, source, target, label, lang)


def _remove_step(edit: EditSession, step_id: str) -> None:
    bridge = bool(st.session_state.get(f"{FORM_PREFIX}bridge_{step_id}"))
    if apply_edit(edit, editing.remove_step, step_id, bridge=bridge):
        st.session_state.pop(STEP_PICK, None)
        edit.say("success", tr("editor.step.removed"))


def _add_step(edit: EditSession, lang: str) -> None:
    title = (st.session_state.get("_polku_ed_new_step_title") or "").strip()
    stage = st.session_state.get("_polku_ed_new_step_stage")
    after = st.session_state.get(STEP_PICK)
    connect = bool(st.session_state.get("_polku_ed_new_step_connect")) and after in {s.id for s in edit.path.steps}
    if not stage:
        edit.say("error", tr("editor.step.need_stage"))
        return
    step_id = editing.new_step_id(edit.path, title or "step")

    def add(path: ServicePath) -> ServicePath:
        path = editing.add_step(path, stage, title, lang, step_id=step_id, after=after if connect else None)
        return editing.connect(path, after, step_id, "", lang) if connect else path

    if apply_edit(edit, add):
        st.session_state[STEP_PICK] = step_id
        st.session_state["_polku_ed_new_step_title"] = ""


def _add_step_panel(edit: EditSession, lang: str) -> None:
    path = edit.path
    with st.expander(tr("editor.step.add_title"), expanded=not path.steps):
        stages = [stage.id for stage in path.stages]
        if not stages:
            st.info(tr("editor.step.no_stages"))
        else:
            st.text_input(tr("editor.step.new_title"), key="_polku_ed_new_step_title", max_chars=300)
            current = path.step(st.session_state.get(STEP_PICK) or "")
            st.selectbox(
                tr("editor.field.stage"), options=stages, format_func=lambda s: stage_label(path, s, lang),
                index=stages.index(current.stage) if current else 0, key="_polku_ed_new_step_stage",
            )
            if current:
                st.checkbox(tr("editor.step.connect_from", name=md_escape(step_label(path, current.id, lang))),
                            value=True, key="_polku_ed_new_step_connect")
            st.button(tr("editor.step.add"), key="_polku_ed_add_step", icon="➕", on_click=_add_step, args=(edit, lang))


def step_section(edit: EditSession, lang: str) -> None:
    """The blueprint (a click picks a step), the step picker, adding a step, and the picked step's form."""
    path = edit.path
    st.caption(tr("editor.step.blueprint_hint"))
    if path.steps:
        st.plotly_chart(
            edit.derive("blueprint", lang, lambda p: blueprint_figure(p, lang, "professional")),
            key=BLUEPRINT_KEY,
            on_select=_on_blueprint_select,
            selection_mode="points",
            alt=tr("editor.step.blueprint_alt"),
        )
    order = walk_order(path)
    if st.session_state.get(STEP_PICK) not in order:
        st.session_state.pop(STEP_PICK, None)
    st.selectbox(
        tr("editor.step.pick"),
        options=order,
        format_func=lambda step_id: step_label(path, step_id, lang),
        index=None,
        placeholder=tr("editor.step.pick_none"),
        key=STEP_PICK,
        on_change=clear_form_keys,
    )
    _add_step_panel(edit, lang)
    step_id = st.session_state.get(STEP_PICK)
    step = path.step(step_id) if step_id else None
    if step is None:
        return
    step_form(edit, step.id, lang)


class _Fields:
    """The widget key and on_change hook of one step field, in one language."""

    def __init__(self, edit: EditSession, step_id: str, lang: str) -> None:
        self.edit, self.step_id, self.lang = edit, step_id, lang

    def key(self, name: str, code: str | None = None) -> str:
        return f"{FORM_PREFIX}{name}_{code or self.lang}_{self.step_id}"

    def on(self, name: str, code: str | None = None) -> dict[str, Any]:
        return {"on_change": _step_changed, "args": (self.edit, self.step_id, name, code or self.lang)}

    def both(self, name: str, code: str | None = None) -> dict[str, Any]:
        return {"key": self.key(name, code), **self.on(name, code)}


def _classification_fields(path: ServicePath, step: Step, lang: str, f: _Fields) -> None:
    """The left column: title, stage, kind, 💡, actors, channels, audience."""
    st.text_input(tr("editor.field.title"), value=text_of(step.title, lang), max_chars=300, **f.both("title"))
    stages = [stage.id for stage in path.stages]
    if step.stage not in stages:
        stages.append(step.stage)
    st.selectbox(tr("editor.field.stage"), options=stages, index=stages.index(step.stage),
                 format_func=lambda s: stage_label(path, s, lang), **f.both("stage"))
    kinds = [kind.value for kind in StepKind]
    st.selectbox(tr("editor.field.kind"), options=kinds, index=kinds.index(step.kind.value),
                 format_func=lambda k: t(f"editing.kind.{k}", lang), **f.both("kind"))
    st.toggle(tr("editor.field.coordinator"), value=step.coordinator, help=tr("editor.field.coordinator_help"),
              **f.both("coordinator"))
    actors = [actor.id for actor in path.actors]
    st.multiselect(tr("editor.field.actors"), options=actors, default=[a for a in step.actors if a in actors],
                   format_func=lambda a: actor_label(path, a, lang), help=tr("editor.field.actors_help"),
                   **f.both("actors"))
    if step.actors:
        st.caption(tr("editor.field.responsible", name=md_escape(actor_label(path, step.actors[0], lang))))
    st.multiselect(tr("editor.field.channels"), options=[c.value for c in Channel],
                   default=[c.value for c in step.channels],
                   format_func=lambda c: t(f"editing.channel.{c}", lang), **f.both("channels"))
    audiences = [a.value for a in Audience]
    st.radio(tr("editor.field.audience"), options=audiences, index=audiences.index(step.audience.value),
             format_func=lambda a: t(f"editing.audience.{a}", lang), horizontal=True, **f.both("audience"))


def _text_fields(path: ServicePath, step: Step, lang: str, f: _Fields) -> None:
    """The right column: description, plain-language text, duration, links, contacts."""
    st.text_area(tr("editor.field.description"), value=text_of(step.description, lang), max_chars=5000,
                 **f.both("description"))
    st.text_area(tr("editor.field.client_text"), value=text_of(step.client_text, lang), max_chars=5000,
                 help=tr("editor.field.client_text_help"), **f.both("client_text"))
    st.text_input(tr("editor.field.duration"), value=text_of(step.duration, lang), max_chars=300,
                  **f.both("duration"))
    links = "\n".join(f"{link.label.get(lang)} | {link.url}" for link in step.links)
    st.text_area(tr("editor.field.links"), value=links, help=tr("editor.field.links_help"), max_chars=5000,
                 **f.both("links"))
    if path.contacts:
        contacts = [c.id for c in path.contacts]
        st.multiselect(
            tr("editor.field.contacts"), options=contacts, default=[c for c in step.contacts if c in contacts],
            format_func=lambda c: contact_label(path, c, lang), **f.both("contacts"),
        )


def _translation_fields(edit: EditSession, step: Step, lang: str, f: _Fields) -> None:
    missing = missing_translations(edit, step.id)
    with st.expander(tr("editor.step.translations", count=len(missing)), expanded=False):
        if missing:
            st.markdown(tr("editor.step.missing") + "\n\n" + "\n".join(f"- {md_escape(m)}" for m in missing))
        else:
            st.caption(tr("editor.step.all_translated"))
        for code in (c for c in LANGS if c != lang):
            st.markdown(f"**{t(f'app.lang_name.{code}', code)}**")
            st.text_input(tr("editor.field.title") + f" ({code})", value=text_of(step.title, code),
                          max_chars=300, **f.both("title", code))
            st.text_area(tr("editor.field.description") + f" ({code})", value=text_of(step.description, code),
                         max_chars=5000, **f.both("description", code))
            st.text_area(tr("editor.field.client_text") + f" ({code})", value=text_of(step.client_text, code),
                         max_chars=5000, **f.both("client_text", code))


def _more_fields(edit: EditSession, step_id: str) -> None:
    with st.expander(tr("editor.step.more")):
        st.text_input(tr("editor.field.id"), value=step_id, key=f"{FORM_PREFIX}id_{step_id}",
                      help=tr("editor.field.id_help"), max_chars=80, on_change=_rename_id, args=(edit, step_id))
        st.checkbox(tr("editor.step.bridge"), value=True, key=f"{FORM_PREFIX}bridge_{step_id}")
        st.button(tr("editor.step.remove"), key=f"{FORM_PREFIX}remove_{step_id}", icon="🗑️",
                  on_click=_remove_step, args=(edit, step_id))


def step_form(edit: EditSession, step_id: str, lang: str) -> None:
    """The form of one step; each block of fields is one call, so a new block is one more line."""
    path = edit.path
    step = path.step(step_id)
    fields = _Fields(edit, step_id, lang)
    with st.container(border=True, key="polku_ed_step_form"):
        st.subheader(tr("editor.step.heading", name=md_escape(step.title.get(lang) or step.id)), anchor=False)
        left, right = st.columns(2)
        with left:
            _classification_fields(path, step, lang, fields)
        with right:
            _text_fields(path, step, lang, fields)
        _translation_fields(edit, step, lang, fields)
        _connections(edit, step_id, lang)
        experience_fields(edit, step_id, lang, apply_edit, FORM_PREFIX)
        _more_fields(edit, step_id)


def _connections(edit: EditSession, step_id: str, lang: str) -> None:
    path = edit.path
    st.markdown(f"**{tr('editor.step.next_heading')}**")
    outgoing = [tr_ for tr_ in path.transitions if tr_.source == step_id]
    if not outgoing:
        st.caption(tr("editor.step.no_next"))
    for transition in outgoing:
        target = transition.target
        cols = st.columns([3, 4, 1], vertical_alignment="bottom")
        cols[0].markdown("→ " + md_escape(step_label(path, target, lang)))
        cols[1].text_input(
            tr("editor.field.condition", name=step_label(path, target, lang)),
            value=text_of(transition.condition, lang),
            key=f"{FORM_PREFIX}cond_{lang}_{step_id}_{target}",
            max_chars=300,
            on_change=_relabel,
            args=(edit, step_id, target, lang),
        )
        cols[2].button(
            tr("editor.step.disconnect"), key=f"{FORM_PREFIX}disconnect_{step_id}_{target}", icon="✂️",
            help=tr("editor.step.disconnect_help", name=step_label(path, target, lang)),
            on_click=apply_edit, args=(edit, editing.disconnect, step_id, target),
        )
    incoming = [tr_.source for tr_ in path.transitions if tr_.target == step_id]
    if incoming:
        st.caption(tr("editor.step.incoming", names=", ".join(md_escape(step_label(path, s, lang)) for s in incoming)))
    others = [s for s in walk_order(path) if s not in {tr_.target for tr_ in outgoing}]
    if others:
        cols = st.columns([3, 4, 1], vertical_alignment="bottom")
        cols[0].selectbox(tr("editor.step.connect_to"), options=others, index=None,
                          format_func=lambda s: step_label(path, s, lang), key=f"{FORM_PREFIX}connect_to_{step_id}")
        cols[1].text_input(tr("editor.step.connect_label"), key=f"{FORM_PREFIX}connect_label_{step_id}", max_chars=300)
        cols[2].button(tr("editor.step.connect"), key=f"{FORM_PREFIX}connect_{step_id}", icon="🔗",
                       on_click=_connect, args=(edit, step_id, lang))
