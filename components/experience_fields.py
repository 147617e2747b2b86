"""The experience pieces other pages call with one line: the editor's experience block, the client's
"how did this feel" choice, and the workshop wall's "make this a pain point / an opportunity" buttons.

Each widget writes through a pure function of `paths.editing.experience`; nothing is decided here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from components.common import current_lang, store, tr
from paths.editing import experience as experience_edits
from paths.i18n.catalog import t
from paths.model.schema import DurationUnit, Evidence, ServicePath
from paths.render.experience import FEELINGS, evidence_words, feeling_label
from paths.store.records import StoreError
from paths.workshops.promote import PROMOTE_FIELDS, promote_note
from paths.workshops.report import build_report, report_pdf, report_xlsx
from paths.workshops.rules import WorkshopError
from paths.workshops.workshop import WorkshopStore

NO_VALUE = ""
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _feeling_options() -> list[object]:
    return [NO_VALUE, *FEELINGS]


def _feeling_format(lang: str, none_key: str = "experience.editor.no_feeling") -> Callable[[object], str]:
    return lambda value: t(none_key, lang) if value == NO_VALUE else feeling_label(int(value), lang)


def _changed(edit: Any, apply: Callable[..., bool], fn: Callable[..., ServicePath], step_id: str,
             read: Callable[[], tuple]) -> None:
    """A widget changed: run the pure edit with the widgets' values (the editor keeps undo and errors).

    A re-applied edit or an undo clears the form's widget state while the browser may still report a
    change of one of these widgets: a value that is no longer in the session state is no change."""
    try:
        values = read()
    except KeyError:
        return
    apply(edit, fn, step_id, *values)


def experience_fields(edit: Any, step_id: str, lang: str, apply: Callable[..., bool], prefix: str) -> None:
    """The step form's experience block: feeling, pain points, opportunities, backing and structured duration.

    `apply(edit, fn, *args)` is the editor's way to run an edit (undo stack, error sentence); `prefix` is the
    editor's form-key prefix, so that an undo or a new step clears these widgets like the others."""
    step = edit.path.step(step_id)
    if step is None:
        return
    key = lambda name: f"{prefix}xp_{name}_{lang}_{step_id}"  # noqa: E731 - local shorthand
    state = st.session_state
    with st.expander(tr("experience.editor.heading"), icon="🙂", expanded=step.feeling is not None):
        st.caption(tr("experience.editor.help"))
        st.selectbox(
            tr("experience.label.feeling"), options=_feeling_options(),
            index=_feeling_options().index(step.feeling if step.feeling is not None else NO_VALUE),
            format_func=_feeling_format(lang), key=key("feeling"), on_change=_changed,
            args=(edit, apply, experience_edits.set_feeling, step_id,
                  lambda: (None if state[key("feeling")] == NO_VALUE else int(state[key("feeling")]),)),
        )
        for field in ("pain_points", "opportunities"):
            st.text_area(
                tr(f"experience.label.{field}"), value="\n".join(item.get(lang) for item in getattr(step, field)),
                help=tr("experience.editor.one_per_line"), key=key(field), max_chars=5000, on_change=_changed,
                args=(edit, apply, experience_edits.set_items, step_id,
                      lambda field=field: (field, (state[key(field)] or "").splitlines(), lang)),
            )
        levels = [NO_VALUE, *(level.value for level in Evidence)]
        read_evidence = lambda: (state[key("evidence")] or None, state[key("source")] or "", lang)  # noqa: E731
        st.radio(
            tr("experience.label.evidence"), options=levels,
            index=levels.index(step.evidence.value if step.evidence else NO_VALUE),
            format_func=lambda v: evidence_words(v, lang) if v else t("experience.editor.no_evidence", lang),
            key=key("evidence"), horizontal=True, on_change=_changed,
            args=(edit, apply, experience_edits.set_evidence, step_id, read_evidence),
        )
        st.text_input(
            tr("experience.editor.source"), value=step.evidence_source.get(lang, fallback=False), key=key("source"),
            max_chars=300, on_change=_changed,
            args=(edit, apply, experience_edits.set_evidence, step_id, read_evidence),
        )
        _duration_inputs(edit, step, lang, apply, key)


def _duration_inputs(edit: Any, step: Any, lang: str, apply: Callable[..., bool], key: Callable[[str], str]) -> None:
    """From, to and unit of the structured duration, side by side."""
    state = st.session_state
    duration = step.duration_range
    read = lambda: (state[key("from")], state[key("to")], state[key("unit")])  # noqa: E731
    args = (edit, apply, experience_edits.set_duration_range, step.id, read)
    st.markdown(f"**{tr('experience.label.duration_range')}**")
    first, second, third = st.columns(3)
    first.number_input(tr("experience.editor.from"), min_value=0.0, max_value=3650.0, step=1.0,
                       value=duration.shortest if duration else None, key=key("from"), on_change=_changed, args=args)
    second.number_input(tr("experience.editor.to"), min_value=0.0, max_value=3650.0, step=1.0,
                        value=duration.longest if duration else None, key=key("to"), on_change=_changed, args=args)
    units = [unit.value for unit in DurationUnit]
    third.selectbox(tr("experience.editor.unit"), options=units,
                    index=units.index(duration.unit.value if duration else "days"),
                    format_func=lambda unit: t(f"experience.unit.{unit}", lang), key=key("unit"),
                    on_change=_changed, args=args)


def feeling_choice(current: int | None, key: str, lang: str) -> None:
    """The client's own "how did this feel" in their personal path (optional; their words stay theirs)."""
    options = _feeling_options()
    st.select_slider(
        t("personal.field.feeling", lang), options=options, value=current if current is not None else NO_VALUE,
        format_func=_feeling_format(lang, "personal.feeling_none"),
        key=key,
    )


def feeling_value(raw: object) -> int | None:
    """The slider's value as a score (None when the client chose not to say)."""
    return None if raw in (None, NO_VALUE) else int(raw)  # type: ignore[arg-type]


def _promote(note: Any, field: str) -> None:
    lang = current_lang()
    try:
        promote_note(store(), note, field, author=tr("experience.promote.author"), lang=lang)
    except (experience_edits.EditError, WorkshopError, StoreError) as exc:
        st.toast(exc.message(lang), icon="⚠️")
        return
    st.toast(tr(f"experience.promote.done_{field}"), icon="📌")


def promote_buttons(note: Any) -> None:
    """On the facilitator's wall: make a step's note a pain point or an opportunity of that step."""
    if not note.step_id:
        return
    for field in PROMOTE_FIELDS:
        st.button(tr(f"experience.promote.{field}"), key=f"_polku_promote_{field}_{note.id}", icon="📌",
                  on_click=_promote, args=(note, field))


def report_buttons(workshop: Any, key_prefix: str) -> None:
    """The workshop report as PDF and XLSX, made when a button is pressed (at any time, and after closing)."""
    lang = current_lang()
    stem = f"{workshop.path_id}-workshop-{workshop.id}-report-{lang}"

    def build() -> Any:
        return build_report(WorkshopStore(store()), workshop, lang)

    with st.container(horizontal=True):
        st.download_button(tr("report.download_pdf"), data=lambda: report_pdf(build()), file_name=f"{stem}.pdf",
                           mime="application/pdf", on_click="ignore", icon="📄", key=f"{key_prefix}_report_pdf")
        st.download_button(tr("report.download_xlsx"), data=lambda: report_xlsx(build()), file_name=f"{stem}.xlsx",
                           mime=XLSX_MIME, on_click="ignore", icon="📊", key=f"{key_prefix}_report_xlsx")
