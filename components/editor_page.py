"""The editor: rework a path in a workshop — stages, steps, transitions, actors — and save versions.

The edit lives in the session (`Edit`): the version it started from, the edited path and an undo
stack. Every change goes through a pure function in `paths.editing.edits` and is kept at once, so the
diagram and the validation list follow each change. Saving names the version the edit started
from; when someone else saved in between the store refuses (`StaleVersionError`) and the page
shows what they changed and offers to re-apply this edit on top of theirs (`editing.rebase`).

Widgets whose value mirrors the path use keys starting with `_ed_`; after each change those keys
are cleared so the widgets show the new path (after an undo, too).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

import streamlit as st
from pydantic import ValidationError

from components.auth import auth_mode, require_facilitator
from components.common import clicked_step_id, current_lang, md_escape, page_link, store, tr
from paths.editing import edits as editing
from paths.editing.edits import EditError
from paths.formats.files import MAX_FILE_BYTES, PathFileError, dump_yaml
from paths.formats.spreadsheet import path_from_spreadsheet, template_csv, template_xlsx, to_csv, to_xlsx
from paths.i18n.catalog import t
from paths.model.diff import diff_paths
from paths.model.graph import walk_order
from paths.model.ids import is_path_id, slugify
from paths.model.schema import LANGS, ActorGroup, Audience, Channel, Link, ServicePath, Stage, Status, StepKind
from paths.model.validation import validate
from paths.render.blueprint import blueprint_figure
from paths.render.dot import to_dot
from paths.store.library import StaleVersionError

PATH_PARAM = "path"
EDITS_KEY = "_polku_edits"
STEP_PICK = "_polku_ed_step"
SECTION_KEY = "_polku_ed_section"
AUTHOR_KEY = "_polku_ed_author"
SUMMARY_KEY = "_polku_ed_summary"
BLUEPRINT_KEY = "_polku_ed_blueprint"
FORM_PREFIX = "_ed_"
UNDO_LIMIT = 50
T = TypeVar("T")
SECTIONS = ("step", "table", "stages", "actors", "contacts", "path", "transfer")
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
EDITOR_CSS = """<style>
.st-key-polku_ed_diagram { overflow-x: auto; }
.st-key-polku_ed_diagram [data-testid="stGraphVizChart"] > svg { max-width: none !important; }
</style>"""


@dataclass
class Edit:
    """One path being edited in this session."""

    path_id: str
    base_version: int | None  # the stored version the edit started from; None for a new path
    base: ServicePath | None
    path: ServicePath
    undo: list[ServicePath] = field(default_factory=list)
    rev: int = 0
    conflict_version: int | None = None  # their newer version, after a refused save
    merge_notes: list[str] = field(default_factory=list)
    saved_version: int | None = None  # the last version this session saved ...
    saved_over: int | None = None  # ... and the version that save replaced (for "undo last save")
    flash: list[tuple[str, str]] = field(default_factory=list)
    derived: dict[tuple[str, str], tuple[ServicePath, Any]] = field(default_factory=dict)

    @property
    def dirty(self) -> bool:
        return self.base is None or self.path != self.base

    def derive(self, what: str, lang: str, make: Callable[[ServicePath], T]) -> T:
        """`make(self.path)` once per state of the edit and language: a rerun that leaves the path as it
        was (picking a step, opening a section) reuses the problems, the blueprint and the diagram.
        Every edit makes a new path object (the editing functions are pure), so identity tells."""
        kept = self.derived.get((what, lang))
        if kept is not None and kept[0] is self.path:
            return kept[1]
        value = make(self.path)
        self.derived[(what, lang)] = (self.path, value)
        return value


# ---------------------------------------------------------------------------------------------
# Session state


def _edits() -> dict[str, Edit]:
    return st.session_state.setdefault(EDITS_KEY, {})


def _clear_form_keys() -> None:
    for key in [k for k in st.session_state if isinstance(k, str) and k.startswith(FORM_PREFIX)]:
        del st.session_state[key]


def _open_edit(path_id: str) -> Edit | None:
    """The session's edit of `path_id`; a fresh one from the store's latest version when there is
    none, or when the session's copy has no unsaved changes and the store moved on."""
    edits = _edits()
    edit = edits.get(path_id)
    latest = store().latest_version(path_id)
    if edit is not None and (edit.dirty or edit.conflict_version or latest is None or latest == edit.base_version):
        return edit
    if latest is None:
        return None
    path = store().get_path(path_id, latest)
    if path is None:
        return None
    fresh = Edit(path_id, latest, path, path)
    if edit is not None:
        fresh.saved_version, fresh.saved_over, fresh.flash = edit.saved_version, edit.saved_over, edit.flash
    edits[path_id] = fresh
    _clear_form_keys()
    return fresh


def _flash(edit: Edit, kind: str, text: str) -> None:
    edit.flash.append((kind, text))


def _apply(edit: Edit, fn: Callable[..., ServicePath], *args: Any, **kwargs: Any) -> bool:
    """Run one edit; keep the result on the undo stack, or flash the edit's error sentence."""
    try:
        new = fn(edit.path, *args, **kwargs)
    except EditError as exc:
        _flash(edit, "error", exc.message(current_lang()))
        return False
    if new != edit.path:
        edit.undo.append(edit.path)
        del edit.undo[:-UNDO_LIMIT]
        edit.path = new
        edit.rev += 1
    _clear_form_keys()
    return True


def _undo(edit: Edit) -> None:
    if edit.undo:
        edit.path = edit.undo.pop()
        edit.rev += 1
        _clear_form_keys()


def _discard(edit: Edit) -> None:
    if edit.base is not None:
        edit.undo.append(edit.path)
        edit.path = edit.base
        edit.rev += 1
        edit.merge_notes = []
        _clear_form_keys()


# ---------------------------------------------------------------------------------------------
# Small helpers


def _text_of(local: Any, lang: str) -> str:
    return local.get(lang, fallback=False) if local is not None else ""


def _step_label(path: ServicePath, step_id: str, lang: str) -> str:
    step = path.step(step_id)
    if step is None:
        return step_id
    bulb = "💡 " if step.coordinator else ""
    return f"{bulb}{step.title.get(lang) or step.id}"


def _stage_label(path: ServicePath, stage_id: str, lang: str) -> str:
    stage = path.stage(stage_id)
    return (stage.title.get(lang) if stage else "") or stage_id


def _actor_label(path: ServicePath, actor_id: str, lang: str) -> str:
    actor = path.actor(actor_id)
    return (actor.name.get(lang) if actor else "") or actor_id


def _missing_translations(edit: Edit, step_id: str) -> list[str]:
    step = edit.path.step(step_id)
    parts = []
    for name in ("title", "description", "client_text"):
        missing = getattr(step, name).missing()
        if missing:
            parts.append(f"{t(f'diff.field.{name}', current_lang())}: {', '.join(missing)}")
    return parts


# ---------------------------------------------------------------------------------------------
# The step: picked from a list or by a click in the blueprint


def _on_blueprint_select() -> None:
    step_id = clicked_step_id(BLUEPRINT_KEY)
    if step_id is not None:
        st.session_state[STEP_PICK] = step_id
        _clear_form_keys()


def _step_changed(edit: Edit, step_id: str, name: str, lang: str) -> None:
    """A step field's widget changed: write its value into the path."""
    value = st.session_state.get(f"{FORM_PREFIX}{name}_{lang}_{step_id}")
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
                _flash(edit, "error", tr("editor.step.bad_link", link=url.strip()))
                _clear_form_keys()
                return
        value = links
    _apply(edit, editing.update_step, step_id, lang, **{name: value})


def _rename_id(edit: Edit, step_id: str) -> None:
    new = (st.session_state.get(f"{FORM_PREFIX}id_{step_id}") or "").strip()
    if _apply(edit, editing.rename_step_id, step_id, new):
        st.session_state[STEP_PICK] = new if edit.path.step(new) else step_id


def _relabel(edit: Edit, source: str, target: str, lang: str) -> None:
    label = st.session_state.get(f"{FORM_PREFIX}cond_{lang}_{source}_{target}") or ""
    _apply(edit, editing.connect, source, target, label, lang)


def _connect(edit: Edit, source: str, lang: str) -> None:
    target = st.session_state.get(f"{FORM_PREFIX}connect_to_{source}")
    label = st.session_state.get(f"{FORM_PREFIX}connect_label_{source}") or ""
    if target:
        _apply(edit, editing.connect, source, target, label, lang)


def _remove_step(edit: Edit, step_id: str) -> None:
    bridge = bool(st.session_state.get(f"{FORM_PREFIX}bridge_{step_id}"))
    if _apply(edit, editing.remove_step, step_id, bridge=bridge):
        st.session_state.pop(STEP_PICK, None)
        _flash(edit, "success", tr("editor.step.removed"))


def _add_step(edit: Edit, lang: str) -> None:
    title = (st.session_state.get("_polku_ed_new_step_title") or "").strip()
    stage = st.session_state.get("_polku_ed_new_step_stage")
    after = st.session_state.get(STEP_PICK)
    connect = bool(st.session_state.get("_polku_ed_new_step_connect")) and after in {s.id for s in edit.path.steps}
    if not stage:
        _flash(edit, "error", tr("editor.step.need_stage"))
        return
    step_id = editing.new_step_id(edit.path, title or "step")

    def add(path: ServicePath) -> ServicePath:
        path = editing.add_step(path, stage, title, lang, step_id=step_id, after=after if connect else None)
        return editing.connect(path, after, step_id, "", lang) if connect else path

    if _apply(edit, add):
        st.session_state[STEP_PICK] = step_id
        st.session_state["_polku_ed_new_step_title"] = ""


def _step_section(edit: Edit, lang: str) -> None:
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
        format_func=lambda step_id: _step_label(path, step_id, lang),
        index=None,
        placeholder=tr("editor.step.pick_none"),
        key=STEP_PICK,
        on_change=_clear_form_keys,
    )
    with st.expander(tr("editor.step.add_title"), expanded=not path.steps):
        stages = [stage.id for stage in path.stages]
        if not stages:
            st.info(tr("editor.step.no_stages"))
        else:
            st.text_input(tr("editor.step.new_title"), key="_polku_ed_new_step_title", max_chars=300)
            current = path.step(st.session_state.get(STEP_PICK) or "")
            st.selectbox(
                tr("editor.field.stage"), options=stages, format_func=lambda s: _stage_label(path, s, lang),
                index=stages.index(current.stage) if current else 0, key="_polku_ed_new_step_stage",
            )
            if current:
                st.checkbox(tr("editor.step.connect_from", name=md_escape(_step_label(path, current.id, lang))),
                            value=True, key="_polku_ed_new_step_connect")
            st.button(tr("editor.step.add"), key="_polku_ed_add_step", icon="➕", on_click=_add_step, args=(edit, lang))

    step_id = st.session_state.get(STEP_PICK)
    step = path.step(step_id) if step_id else None
    if step is None:
        return
    _step_form(edit, step.id, lang)


def _step_form(edit: Edit, step_id: str, lang: str) -> None:
    path = edit.path
    step = path.step(step_id)
    key = lambda name, code=lang: f"{FORM_PREFIX}{name}_{code}_{step_id}"  # noqa: E731 - local shorthand
    on = lambda name, code=lang: {"on_change": _step_changed, "args": (edit, step_id, name, code)}  # noqa: E731

    with st.container(border=True, key="polku_ed_step_form"):
        st.subheader(tr("editor.step.heading", name=md_escape(step.title.get(lang) or step.id)), anchor=False)
        left, right = st.columns(2)
        with left:
            st.text_input(tr("editor.field.title"), value=_text_of(step.title, lang), key=key("title"),
                          max_chars=300, **on("title"))
            stages = [stage.id for stage in path.stages]
            if step.stage not in stages:
                stages.append(step.stage)
            st.selectbox(tr("editor.field.stage"), options=stages, index=stages.index(step.stage),
                         format_func=lambda s: _stage_label(path, s, lang), key=key("stage"), **on("stage"))
            kinds = [kind.value for kind in StepKind]
            st.selectbox(tr("editor.field.kind"), options=kinds, index=kinds.index(step.kind.value),
                         format_func=lambda k: t(f"editing.kind.{k}", lang), key=key("kind"), **on("kind"))
            st.toggle(tr("editor.field.coordinator"), value=step.coordinator, key=key("coordinator"),
                      help=tr("editor.field.coordinator_help"), **on("coordinator"))
            actors = [actor.id for actor in path.actors]
            st.multiselect(tr("editor.field.actors"), options=actors, default=[a for a in step.actors if a in actors],
                           format_func=lambda a: _actor_label(path, a, lang), key=key("actors"),
                           help=tr("editor.field.actors_help"), **on("actors"))
            if step.actors:
                st.caption(tr("editor.field.responsible", name=md_escape(_actor_label(path, step.actors[0], lang))))
            st.multiselect(tr("editor.field.channels"), options=[c.value for c in Channel],
                           default=[c.value for c in step.channels],
                           format_func=lambda c: t(f"editing.channel.{c}", lang),
                           key=key("channels"), **on("channels"))
            audiences = [a.value for a in Audience]
            st.radio(tr("editor.field.audience"), options=audiences, index=audiences.index(step.audience.value),
                     format_func=lambda a: t(f"editing.audience.{a}", lang), key=key("audience"), horizontal=True,
                     **on("audience"))
        with right:
            st.text_area(tr("editor.field.description"), value=_text_of(step.description, lang),
                         key=key("description"), max_chars=5000, **on("description"))
            st.text_area(tr("editor.field.client_text"), value=_text_of(step.client_text, lang),
                         key=key("client_text"), max_chars=5000, help=tr("editor.field.client_text_help"),
                         **on("client_text"))
            st.text_input(tr("editor.field.duration"), value=_text_of(step.duration, lang), key=key("duration"),
                          max_chars=300, **on("duration"))
            links = "\n".join(f"{link.label.get(lang)} | {link.url}" for link in step.links)
            st.text_area(tr("editor.field.links"), value=links, key=key("links"), help=tr("editor.field.links_help"),
                         max_chars=5000, **on("links"))
            if path.contacts:
                contacts = [c.id for c in path.contacts]
                st.multiselect(
                    tr("editor.field.contacts"), options=contacts, default=[c for c in step.contacts if c in contacts],
                    format_func=lambda c: _contact_label(path, c, lang), key=key("contacts"), **on("contacts"),
                )

        missing = _missing_translations(edit, step_id)
        with st.expander(tr("editor.step.translations", count=len(missing)), expanded=False):
            if missing:
                st.markdown(tr("editor.step.missing") + "\n\n" + "\n".join(f"- {md_escape(m)}" for m in missing))
            else:
                st.caption(tr("editor.step.all_translated"))
            for code in (c for c in LANGS if c != lang):
                st.markdown(f"**{t(f'app.lang_name.{code}', code)}**")
                st.text_input(tr("editor.field.title") + f" ({code})", value=_text_of(step.title, code),
                              key=key("title", code), max_chars=300, **on("title", code))
                st.text_area(tr("editor.field.description") + f" ({code})", value=_text_of(step.description, code),
                             key=key("description", code), max_chars=5000, **on("description", code))
                st.text_area(tr("editor.field.client_text") + f" ({code})", value=_text_of(step.client_text, code),
                             key=key("client_text", code), max_chars=5000, **on("client_text", code))

        _connections(edit, step_id, lang)

        with st.expander(tr("editor.step.more")):
            st.text_input(tr("editor.field.id"), value=step.id, key=f"{FORM_PREFIX}id_{step_id}",
                          help=tr("editor.field.id_help"), max_chars=80, on_change=_rename_id, args=(edit, step_id))
            st.checkbox(tr("editor.step.bridge"), value=True, key=f"{FORM_PREFIX}bridge_{step_id}")
            st.button(tr("editor.step.remove"), key=f"{FORM_PREFIX}remove_{step_id}", icon="🗑️",
                      on_click=_remove_step, args=(edit, step_id))


def _contact_label(path: ServicePath, contact_id: str, lang: str) -> str:
    contact = path.contact(contact_id)
    if contact is None:
        return contact_id
    label = contact.label.get(lang) or contact.id
    return f"{label} ({tr('editor.field.placeholder')})" if contact.placeholder else label


def _connections(edit: Edit, step_id: str, lang: str) -> None:
    path = edit.path
    st.markdown(f"**{tr('editor.step.next_heading')}**")
    outgoing = [tr_ for tr_ in path.transitions if tr_.source == step_id]
    if not outgoing:
        st.caption(tr("editor.step.no_next"))
    for transition in outgoing:
        target = transition.target
        cols = st.columns([3, 4, 1], vertical_alignment="bottom")
        cols[0].markdown("→ " + md_escape(_step_label(path, target, lang)))
        cols[1].text_input(
            tr("editor.field.condition", name=_step_label(path, target, lang)),
            value=_text_of(transition.condition, lang),
            key=f"{FORM_PREFIX}cond_{lang}_{step_id}_{target}",
            max_chars=300,
            on_change=_relabel,
            args=(edit, step_id, target, lang),
        )
        cols[2].button(
            tr("editor.step.disconnect"), key=f"{FORM_PREFIX}disconnect_{step_id}_{target}", icon="✂️",
            help=tr("editor.step.disconnect_help", name=_step_label(path, target, lang)),
            on_click=_apply, args=(edit, editing.disconnect, step_id, target),
        )
    incoming = [tr_.source for tr_ in path.transitions if tr_.target == step_id]
    if incoming:
        st.caption(tr("editor.step.incoming", names=", ".join(md_escape(_step_label(path, s, lang)) for s in incoming)))
    others = [s for s in walk_order(path) if s not in {tr_.target for tr_ in outgoing}]
    if others:
        cols = st.columns([3, 4, 1], vertical_alignment="bottom")
        cols[0].selectbox(tr("editor.step.connect_to"), options=others, index=None,
                          format_func=lambda s: _step_label(path, s, lang), key=f"{FORM_PREFIX}connect_to_{step_id}")
        cols[1].text_input(tr("editor.step.connect_label"), key=f"{FORM_PREFIX}connect_label_{step_id}", max_chars=300)
        cols[2].button(tr("editor.step.connect"), key=f"{FORM_PREFIX}connect_{step_id}", icon="🔗",
                       on_click=_connect, args=(edit, step_id, lang))


# ---------------------------------------------------------------------------------------------
# The table of all steps


def _table_section(edit: Edit, lang: str) -> None:
    path = edit.path
    st.caption(tr("editor.table.hint"))
    stages = [s.id for s in path.stages]
    actors = [a.id for a in path.actors]
    column_config = {
        "id": st.column_config.TextColumn(tr("editor.field.id"), disabled=True, help=tr("editor.table.id_help")),
        "stage": st.column_config.SelectboxColumn(
            tr("editor.field.stage"), options=stages, required=True, format_func=lambda s: _stage_label(path, s, lang)
        ),
        "title": st.column_config.TextColumn(tr("editor.field.title"), required=True, max_chars=300),
        "description": st.column_config.TextColumn(tr("editor.field.description"), max_chars=5000),
        "client_text": st.column_config.TextColumn(tr("editor.field.client_text"), max_chars=5000),
        "actors": st.column_config.MultiselectColumn(
            tr("editor.field.actors"), options=actors, format_func=lambda a: _actor_label(path, a, lang),
            help=tr("editor.field.actors_help"),
        ),
        "kind": st.column_config.SelectboxColumn(
            tr("editor.field.kind"), options=[k.value for k in StepKind], required=True,
            format_func=lambda k: t(f"editing.kind.{k}", lang), default=StepKind.action.value,
        ),
        "coordinator": st.column_config.CheckboxColumn(tr("editor.table.coordinator"), default=False),
        "audience": st.column_config.SelectboxColumn(
            tr("editor.field.audience"), options=[a.value for a in Audience], required=True,
            format_func=lambda a: t(f"editing.audience.{a}", lang), default=Audience.everyone.value,
        ),
        "channels": st.column_config.MultiselectColumn(
            tr("editor.field.channels"), options=[c.value for c in Channel],
            format_func=lambda c: t(f"editing.channel.{c}", lang),
        ),
        "next": st.column_config.TextColumn(tr("editor.table.next"), help=tr("editor.table.next_help")),
    }
    table_key = f"_polku_ed_table_{edit.path_id}_{edit.rev}_{lang}"
    edited = st.data_editor(
        editing.step_table(path, lang),
        key=table_key,
        num_rows="dynamic",
        hide_index=True,
        column_config=column_config,
        width="stretch",
    )
    state = st.session_state.get(table_key) or {}
    if not (state.get("edited_rows") or state.get("added_rows") or state.get("deleted_rows")):
        return
    try:
        new = editing.apply_step_table(path, edited, lang)
    except EditError as exc:
        st.error(exc.message(lang), icon="⛔")
        return
    if new != path and _apply(edit, lambda _old: new):
        st.rerun()


# ---------------------------------------------------------------------------------------------
# Stages, actors, the path's own texts


def _stage_text_changed(edit: Edit, stage_id: str, name: str, lang: str) -> None:
    value = st.session_state.get(f"{FORM_PREFIX}stage_{name}_{stage_id}") or ""
    if name == "title":
        _apply(edit, editing.rename_stage, stage_id, value, lang)
    else:
        _apply(edit, editing.set_stage_description, stage_id, value, lang)


def _add_stage(edit: Edit, lang: str) -> None:
    title = (st.session_state.get("_polku_ed_new_stage") or "").strip()
    if _apply(edit, editing.add_stage, title, lang):
        st.session_state["_polku_ed_new_stage"] = ""


def _remove_stage(edit: Edit) -> None:
    stage_id = st.session_state.get("_polku_ed_remove_stage")
    target = st.session_state.get("_polku_ed_move_steps_to")
    if stage_id:
        _apply(edit, editing.remove_stage, stage_id, move_steps_to=target or None)


def _stages_section(edit: Edit, lang: str) -> None:
    path = edit.path
    st.caption(tr("editor.stages.hint"))
    for index, stage in enumerate(path.stages):
        count = len(path.steps_in_stage(stage.id))
        with st.container(border=True):
            cols = st.columns([4, 5, 1, 1], vertical_alignment="bottom")
            cols[0].text_input(
                tr("editor.stages.title", number=index + 1, count=count), value=_text_of(stage.title, lang),
                key=f"{FORM_PREFIX}stage_title_{stage.id}", max_chars=300,
                on_change=_stage_text_changed, args=(edit, stage.id, "title", lang),
            )
            cols[1].text_input(
                tr("editor.stages.description"), value=_text_of(stage.description, lang),
                key=f"{FORM_PREFIX}stage_description_{stage.id}", max_chars=2000,
                on_change=_stage_text_changed, args=(edit, stage.id, "description", lang),
            )
            name = stage.title.get(lang) or stage.id
            cols[2].button("↑", key=f"{FORM_PREFIX}stage_up_{stage.id}", disabled=index == 0,
                           help=tr("editor.stages.up", name=name),
                           on_click=_apply, args=(edit, editing.move_stage, stage.id, index - 1))
            cols[3].button("↓", key=f"{FORM_PREFIX}stage_down_{stage.id}", disabled=index == len(path.stages) - 1,
                           help=tr("editor.stages.down", name=name),
                           on_click=_apply, args=(edit, editing.move_stage, stage.id, index + 1))
    cols = st.columns([4, 1], vertical_alignment="bottom")
    cols[0].text_input(tr("editor.stages.new"), key="_polku_ed_new_stage", max_chars=300)
    cols[1].button(tr("editor.stages.add"), key="_polku_ed_add_stage", icon="➕",
                   on_click=_add_stage, args=(edit, lang))
    if path.stages:
        st.markdown(f"**{tr('editor.stages.remove_heading')}**")
        cols = st.columns([3, 3, 1], vertical_alignment="bottom")
        ids = [s.id for s in path.stages]
        cols[0].selectbox(tr("editor.stages.remove_which"), options=ids, index=None,
                          format_func=lambda s: _stage_label(path, s, lang), key="_polku_ed_remove_stage")
        cols[1].selectbox(tr("editor.stages.move_to"), options=ids, index=None,
                          format_func=lambda s: _stage_label(path, s, lang), key="_polku_ed_move_steps_to",
                          placeholder=tr("editor.stages.move_none"))
        cols[2].button(tr("editor.stages.remove"), key="_polku_ed_remove_stage_go", icon="🗑️",
                       on_click=_remove_stage, args=(edit,))


def _actor_changed(edit: Edit, actor_id: str, name: str, lang: str) -> None:
    value = st.session_state.get(f"{FORM_PREFIX}actor_{name}_{actor_id}")
    if name == "name":
        _apply(edit, editing.update_actor, actor_id, name=value or "", lang=lang)
    else:
        _apply(edit, editing.update_actor, actor_id, group=value)


def _add_actor(edit: Edit, lang: str) -> None:
    name = (st.session_state.get("_polku_ed_new_actor") or "").strip()
    group = st.session_state.get("_polku_ed_new_actor_group") or None
    if _apply(edit, editing.add_actor, name, lang, group):
        st.session_state["_polku_ed_new_actor"] = ""


def _actors_section(edit: Edit, lang: str) -> None:
    path = edit.path
    st.caption(tr("editor.actors.hint"))
    groups = [g.value for g in ActorGroup]
    for actor in path.actors:
        uses = sum(1 for step in path.steps if actor.id in step.actors)
        cols = st.columns([4, 3, 1], vertical_alignment="bottom")
        cols[0].text_input(
            tr("editor.actors.name", count=uses), value=_text_of(actor.name, lang),
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
            on_click=_apply, args=(edit, editing.remove_actor, actor.id),
        )
    cols = st.columns([4, 3, 1], vertical_alignment="bottom")
    cols[0].text_input(tr("editor.actors.new"), key="_polku_ed_new_actor", max_chars=200)
    cols[1].selectbox(tr("editor.actors.group"), options=groups, index=None, placeholder=tr("editor.actors.guess"),
                      format_func=lambda g: t(f"editing.group.{g}", lang), key="_polku_ed_new_actor_group")
    cols[2].button(tr("editor.actors.add"), key="_polku_ed_add_actor", icon="➕",
                   on_click=_add_actor, args=(edit, lang))


_NEW_CONTACT = "_polku_ed_new_contact_{field}"


def _contact_changed(edit: Edit, contact_id: str, name: str, lang: str) -> None:
    value = st.session_state.get(f"{FORM_PREFIX}contact_{name}_{contact_id}")
    if name == "label":
        _apply(edit, editing.update_contact, contact_id, label=value or "", lang=lang)
    elif name == "placeholder":
        _apply(edit, editing.update_contact, contact_id, placeholder=bool(value))
    else:
        _apply(edit, editing.update_contact, contact_id, **{name: value or ""})


def _add_contact(edit: Edit, lang: str) -> None:
    typed = {name: st.session_state.get(_NEW_CONTACT.format(field=name)) for name in ("label", "email", "phone")}
    placeholder = bool(st.session_state.get(_NEW_CONTACT.format(field="placeholder")))
    if _apply(edit, editing.add_contact, (typed["label"] or "").strip(), lang, email=typed["email"] or "",
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


def _contacts_section(edit: Edit, lang: str) -> None:
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
                            (_text_of(contact.label, lang), contact.email, contact.phone, contact.placeholder), hooks)
            st.button(tr("editor.contacts.remove", name=md_escape(contact.label.get(lang) or contact.id)), icon="🗑️",
                      key=f"{FORM_PREFIX}contact_remove_{contact.id}",
                      on_click=_apply, args=(edit, editing.remove_contact, contact.id))
    st.markdown(f"**{tr('editor.contacts.new')}**")
    _contact_fields(_NEW_CONTACT, tr("editor.contacts.new_label"), None)
    st.button(tr("editor.contacts.add"), key="_polku_ed_add_contact", icon="➕", on_click=_add_contact,
              args=(edit, lang))


def _path_changed(edit: Edit, name: str, lang: str) -> None:
    value = st.session_state.get(f"{FORM_PREFIX}path_{name}_{lang}") or ""
    _apply(edit, editing.update_path, lang, **{name: value})


def _path_section(edit: Edit, lang: str) -> None:
    path = edit.path
    st.caption(tr("editor.path.hint", id=path.id))
    for code in (lang, *(c for c in LANGS if c != lang)):
        with st.expander(t(f"app.lang_name.{code}", code), expanded=code == lang):
            for name in ("title", "summary", "persona", "provenance", "notes"):
                widget = st.text_input if name in ("title", "persona") else st.text_area
                widget(
                    tr(f"diff.field.{name}").capitalize(), value=_text_of(getattr(path, name), code),
                    key=f"{FORM_PREFIX}path_{name}_{code}", max_chars=5000, on_change=_path_changed,
                    args=(edit, name, code),
                )


def _transfer_section(edit: Edit, lang: str) -> None:
    path = edit.path
    st.caption(tr("editor.transfer.hint"))
    with st.container(horizontal=True):
        st.download_button(tr("editor.transfer.csv"), data=to_csv(path, lang), file_name=f"{path.id}-{lang}.csv",
                           mime="text/csv", on_click="ignore", icon="⬇️", key="_polku_ed_dl_csv")
        st.download_button(tr("editor.transfer.xlsx"), data=to_xlsx(path, lang), file_name=f"{path.id}-{lang}.xlsx",
                           mime=XLSX_MIME, on_click="ignore", icon="⬇️", key="_polku_ed_dl_xlsx")
        st.download_button(tr("editor.transfer.yaml"), data=dump_yaml(path), file_name=f"{path.id}.yaml",
                           mime="application/yaml", on_click="ignore", icon="⬇️", key="_polku_ed_dl_yaml")
    st.markdown(f"**{tr('editor.transfer.import_heading')}**")
    st.caption(tr("editor.transfer.import_hint"))
    upload = st.file_uploader(tr("editor.transfer.upload"), type=["csv", "xlsx"], key=f"_polku_ed_upload_{edit.rev}",
                              max_upload_size=max(1, MAX_FILE_BYTES // (1024 * 1024)))
    if upload is not None and st.button(tr("editor.transfer.apply"), key="_polku_ed_upload_apply", icon="📥"):
        try:
            new = path_from_spreadsheet(upload.getvalue(), upload.name, base=path)
        except PathFileError as exc:
            st.error(exc.message(lang), icon="⛔")
            return
        summary = diff_paths(path, new).summary(lang)
        if _apply(edit, lambda _old: new):
            _flash(edit, "success", tr("editor.transfer.applied", summary=summary))
            st.rerun()


# ---------------------------------------------------------------------------------------------
# Saving, conflicts, undo


def author_name(default: str) -> str:
    """The name saved with each version: the signed-in facilitator's, or (in demo mode) typed."""
    if auth_mode() != "demo":
        return default
    typed = (st.session_state.get(AUTHOR_KEY) or "").strip()
    return typed or default


def _save(edit: Edit, author: str, publish: bool) -> None:
    lang = current_lang()
    path = edit.path.model_copy(update={"status": Status.published if publish else Status.draft})
    if publish and validate(path, lang):
        _flash(edit, "error", tr("editor.save.publish_blocked"))
        return
    if edit.base is not None and path == edit.base:
        _flash(edit, "info", tr("editor.save.nothing"))
        return
    if edit.base_version is None and store().latest_version(path.id) is not None:
        _flash(edit, "error", tr("editor.save.id_taken", id=path.id))
        return
    summary = (st.session_state.get(SUMMARY_KEY) or "").strip()
    try:
        version = store().save_path(path, author, summary, base_version=edit.base_version)
    except StaleVersionError as exc:
        edit.conflict_version = exc.latest_version
        return
    edit.saved_over, edit.saved_version = edit.base_version, version
    edit.base = edit.path = path
    edit.base_version = version
    edit.undo = []
    edit.merge_notes = []
    edit.rev += 1
    st.session_state[SUMMARY_KEY] = ""
    _clear_form_keys()
    _flash(edit, "success", tr("editor.save.saved", version=version))


def _undo_save(edit: Edit, author: str) -> None:
    """Restore the version the last save replaced, as a new version — unless someone saved since."""
    latest = store().latest_version(edit.path_id)
    if edit.saved_version is None or edit.saved_over is None or latest != edit.saved_version:
        _flash(edit, "error", tr("editor.save.undo_save_stale"))
        return
    version = store().restore(edit.path_id, edit.saved_over, author)
    path = store().get_path(edit.path_id, version)
    restored_from = edit.saved_over
    edit.base = edit.path = path
    edit.base_version = version
    edit.saved_version = edit.saved_over = None
    edit.undo = []
    edit.rev += 1
    _clear_form_keys()
    _flash(edit, "success", tr("editor.save.undone", version=version, old=restored_from))


def _rebase(edit: Edit) -> None:
    latest = store().latest_version(edit.path_id)
    theirs = store().get_path(edit.path_id, latest) if latest is not None else None
    if theirs is None or edit.base is None:
        return
    merged, conflicts = editing.rebase(edit.base, edit.path, theirs)
    lang = current_lang()
    edit.undo.append(edit.path)
    edit.base, edit.base_version, edit.path = theirs, latest, merged
    edit.conflict_version = None
    edit.merge_notes = [conflict.message(merged, lang) for conflict in conflicts]
    edit.rev += 1
    _clear_form_keys()
    _flash(edit, "success", tr("editor.conflict.rebased", version=latest))


def _take_theirs(edit: Edit) -> None:
    latest = store().latest_version(edit.path_id)
    theirs = store().get_path(edit.path_id, latest) if latest is not None else None
    if theirs is None:
        return
    edit.undo.append(edit.path)
    edit.base, edit.base_version, edit.path = theirs, latest, theirs
    edit.conflict_version = None
    edit.merge_notes = []
    edit.rev += 1
    _clear_form_keys()


def _conflict_panel(edit: Edit, lang: str) -> None:
    latest = store().latest_version(edit.path_id)
    theirs = store().get_path(edit.path_id, latest) if latest is not None else None
    if theirs is None or edit.base is None:
        edit.conflict_version = None
        return
    info = next((v for v in store().history(edit.path_id, lang) if v.version == latest), None)
    with st.container(border=True, key="polku_ed_conflict"):
        st.error(
            tr("editor.conflict.message", version=latest, base=edit.base_version,
               author=md_escape(info.author if info else "?")),
            icon="⚠️",
        )
        changes = diff_paths(edit.base, theirs)
        st.markdown(f"**{tr('editor.conflict.their_changes', summary=md_escape(changes.summary(lang)))}**")
        if changes:
            st.dataframe(changes.rows(lang), hide_index=True, width="stretch")
        mine = diff_paths(edit.base, edit.path)
        st.markdown(tr("editor.conflict.my_changes", summary=md_escape(mine.summary(lang))))
        with st.container(horizontal=True):
            st.button(tr("editor.conflict.rebase"), type="primary", icon="🔁", key="_polku_ed_rebase",
                      on_click=_rebase, args=(edit,))
            st.button(tr("editor.conflict.discard"), icon="↩️", key="_polku_ed_take_theirs",
                      on_click=_take_theirs, args=(edit,))


def _save_bar(edit: Edit, default_author: str, lang: str) -> None:
    with st.container(border=True, key="polku_ed_save_bar"):
        cols = st.columns([2, 3])
        if auth_mode() == "demo":
            cols[0].text_input(tr("editor.save.author"), key=AUTHOR_KEY, max_chars=200,
                               placeholder=default_author, help=tr("editor.save.author_help"))
        else:
            cols[0].markdown(tr("editor.save.signed_author", name=md_escape(default_author)))
        cols[1].text_input(tr("editor.save.summary"), key=SUMMARY_KEY, max_chars=500,
                           placeholder=tr("editor.save.summary_placeholder"))
        author = author_name(default_author)
        with st.container(horizontal=True):
            st.button(tr("editor.save.draft"), type="primary", icon="💾", key="_polku_ed_save",
                      on_click=_save, args=(edit, author, False))
            st.button(tr("editor.save.publish"), icon="📢", key="_polku_ed_publish",
                      on_click=_save, args=(edit, author, True))
            st.button(tr("editor.save.undo", count=len(edit.undo)), icon=":material/undo:", key="_polku_ed_undo",
                      disabled=not edit.undo, on_click=_undo, args=(edit,))
            st.button(tr("editor.save.discard"), icon="🧹", key="_polku_ed_discard",
                      disabled=not edit.dirty or edit.base is None, on_click=_discard, args=(edit,))
            if edit.saved_version is not None and edit.saved_over is not None:
                st.button(tr("editor.save.undo_save", version=edit.saved_version), icon="⏪",
                          key="_polku_ed_undo_save", on_click=_undo_save, args=(edit, author))
        if edit.base_version is None:
            st.caption(tr("editor.save.state_new"))
        elif edit.dirty:
            st.caption(tr("editor.save.state_dirty", version=edit.base_version,
                          summary=diff_paths(edit.base, edit.path).summary(lang)))
        else:
            st.caption(tr("editor.save.state_clean", version=edit.base_version))


def _problems(edit: Edit, lang: str) -> None:
    found = edit.derive("problems", lang, lambda path: validate(path, lang))
    if not found:
        st.success(tr("editor.problems.none"), icon="✅")
        return
    lines = [f"**{tr('editor.problems.title', count=len(found))}**", ""]
    lines += [f"- {md_escape(problem.message)}" for problem in found]
    st.warning("\n".join(lines), icon="⚠️")


def _diagram(edit: Edit, lang: str) -> None:
    path = edit.path
    st.subheader(tr("editor.diagram"), anchor=False)
    if not path.steps:
        st.caption(tr("editor.diagram_empty"))
        return
    dot = edit.derive("dot", lang, lambda p: to_dot(p, lang, "professional", legend=True))
    with st.container(key="polku_ed_diagram"):
        st.graphviz_chart(dot, width="content", alt=tr("editor.diagram_alt", title=path.title.get(lang) or path.id))


# ---------------------------------------------------------------------------------------------
# A new path: blank, a copy, or from a spreadsheet


def _create(path: ServicePath) -> None:
    _edits()[path.id] = Edit(path.id, None, None, path)
    st.session_state.pop(STEP_PICK, None)
    _clear_form_keys()
    st.query_params[PATH_PARAM] = path.id


def _open_chosen() -> None:
    chosen = st.session_state.get("_polku_ed_open")
    st.session_state["_polku_ed_open"] = None
    if chosen:
        st.query_params[PATH_PARAM] = chosen


def _new_path_panel(lang: str) -> None:
    st.header(tr("editor.new.heading"), anchor=False)
    summaries = store().list_paths()
    titles = {s.id: s.title.get(lang) or s.id for s in summaries}
    st.selectbox(tr("editor.new.open_existing"), options=list(titles), format_func=titles.get, index=None,
                 key="_polku_ed_open", on_change=_open_chosen)

    st.subheader(tr("editor.new.create"), anchor=False)
    modes = ("blank", "copy", "sheet")
    mode = st.radio(tr("editor.new.how"), options=modes, format_func=lambda m: t(f"editor.new.mode.{m}", lang),
                    key="_polku_ed_new_mode", horizontal=True)
    title = st.text_input(tr("editor.new.title"), key="_polku_ed_new_title", max_chars=300)
    path_id = st.text_input(tr("editor.new.id"), key="_polku_ed_new_id", max_chars=64,
                            placeholder=slugify(title, "") if title else "", help=tr("editor.new.id_help"))
    path_id = (path_id or slugify(title, "")).strip()
    source = None
    upload = None
    if mode == "copy":
        source = st.selectbox(tr("editor.new.copy_of"), options=list(titles), format_func=titles.get, index=None,
                              key="_polku_ed_copy_of")
    elif mode == "sheet":
        st.caption(tr("editor.new.sheet_hint"))
        with st.container(horizontal=True):
            st.download_button(tr("editor.new.template_csv"), data=template_csv(lang), file_name=f"polku-{lang}.csv",
                               mime="text/csv", on_click="ignore", icon="⬇️", key="_polku_ed_tpl_csv")
            st.download_button(tr("editor.new.template_xlsx"), data=template_xlsx(lang),
                               file_name=f"polku-{lang}.xlsx", mime=XLSX_MIME, on_click="ignore", icon="⬇️",
                               key="_polku_ed_tpl_xlsx")
        upload = st.file_uploader(tr("editor.transfer.upload"), type=["csv", "xlsx"], key="_polku_ed_new_upload",
                                  max_upload_size=max(1, MAX_FILE_BYTES // (1024 * 1024)))
    if not st.button(tr("editor.new.go"), type="primary", icon="✨", key="_polku_ed_create"):
        return
    if not title.strip():
        st.error(tr("editor.new.need_title"), icon="⛔")
        return
    if not is_path_id(path_id):
        st.error(tr("editor.new.bad_id", id=path_id), icon="⛔")
        return
    if store().latest_version(path_id) is not None or path_id in _edits():
        st.error(tr("editor.save.id_taken", id=path_id), icon="⛔")
        return
    if mode == "blank":
        first = Stage(id="stage-1", title={lang: tr("editor.new.first_stage")})
        path = ServicePath(id=path_id, title={lang: title.strip()}, source_language=lang, stages=[first])
    elif mode == "copy":
        original = store().get_path(source) if source else None
        if original is None:
            st.error(tr("editor.new.need_source"), icon="⛔")
            return
        path = original.model_copy(update={
            "id": path_id, "status": Status.draft,
            "title": original.title.model_copy(update={lang: title.strip()}),
        })
    else:
        if upload is None:
            st.error(tr("editor.new.need_file"), icon="⛔")
            return
        try:
            path = path_from_spreadsheet(upload.getvalue(), upload.name, path_id=path_id, title=title.strip())
        except PathFileError as exc:
            st.error(exc.message(lang), icon="⛔")
            return
    _create(path)
    st.rerun()


# ---------------------------------------------------------------------------------------------
# The page


def editor_page() -> None:
    author = require_facilitator()
    lang = current_lang()
    path_id = st.query_params.get(PATH_PARAM)
    if not path_id:
        _new_path_panel(lang)
        return
    edit = _open_edit(path_id)
    if edit is None:
        st.error(tr("editor.unknown_path", id=md_escape(path_id)), icon="⛔")
        st.query_params.pop(PATH_PARAM, None)
        _new_path_panel(lang)
        return
    path = edit.path
    wanted_step = st.query_params.pop("step", None)  # "turn into an edit" on the workshop wall links here
    if wanted_step and path.step(wanted_step):
        st.session_state[STEP_PICK] = wanted_step
        st.session_state[SECTION_KEY] = "step"
        _clear_form_keys()
    st.title(tr("editor.title", name=md_escape(path.title.get(lang) or path.id)), anchor=False)
    with st.container(horizontal=True):
        page_link("path", tr("editor.to_path"), icon="🗺️", path=path.id)
        page_link("history", tr("editor.to_history"), icon="🕘", path=path.id)
        page_link("edit", tr("editor.to_new"), icon="✨")
    for kind, text in edit.flash:
        getattr(st, kind)(text)
    edit.flash.clear()
    if edit.conflict_version is not None:
        _conflict_panel(edit, lang)
    if edit.merge_notes:
        notes = [f"- {md_escape(note)}" for note in edit.merge_notes]
        st.warning("\n".join([f"**{tr('editor.conflict.notes')}**", "", *notes]), icon="🔁")
    latest = store().latest_version(path.id)
    moved_on = latest is not None and edit.base_version is not None and latest != edit.base_version
    if moved_on and not edit.conflict_version:
        st.info(tr("editor.newer_exists", version=latest), icon="ℹ️")
    _save_bar(edit, author, lang)
    _problems(edit, lang)

    section = st.segmented_control(
        tr("editor.section"), options=list(SECTIONS), format_func=lambda s: t(f"editor.section.{s}", lang),
        key=SECTION_KEY, default="step", required=True,
    ) or "step"
    {
        "step": _step_section,
        "table": _table_section,
        "stages": _stages_section,
        "actors": _actors_section,
        "contacts": _contacts_section,
        "path": _path_section,
        "transfer": _transfer_section,
    }[section](edit, lang)
    _diagram(edit, lang)
