"""A personal path as its client sees and fills it in: "where I am now", the picture, and the form
(every step's status, date, note and who I met; the branch; goals, contacts, the next appointment)."""

from __future__ import annotations

import datetime as dt
import zlib

import streamlit as st
from pydantic import ValidationError

from components.common import md_escape
from components.experience_fields import feeling_choice, feeling_value
from components.personal_common import (
    BOX_STYLE,
    BULB,
    EXTRA_CONTACT_ROWS,
    MESSAGE,
    personal_store,
    status_label,
)
from components.templating import render
from paths.i18n.catalog import t
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
from paths.personal.records import PersonalConflictError
from paths.render.escape import md_link


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
                st.html(render("hint.html", css_class="polku-bulb", text=f"{BULB} {t('personal.bulb_meaning', lang)}"))
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
    st.session_state[MESSAGE] = "saved"
    st.rerun()


def my_picture(personal: PersonalPath, lang: str) -> None:
    """The client's path as a picture, "I am here" and the light bulbs marked; the list says the same.
    Drawn on the server in both layouts: a phone gets the portrait one, which needs no sideways scrolling."""
    from components import diagrams
    from components.flow_diagram import Picture, flow_picture
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
            version = f"{personal.id}|{personal.version}|{lang}|{here}|{zlib.crc32(repr(statuses).encode())}"
            flow_picture(Picture(drawings, {}, "auto", False, None, alt, version), key="_personal_picture",
                         on_step=_no_step)
        st.caption(f"{LIGHT_BULB} {t('personal.bulb_meaning', lang)} · {status_label('here', lang)}")


def _no_step() -> None:
    """The personal page's picture is not clickable; the component still needs a callback to mount."""


def here_box(personal: PersonalPath, lang: str) -> None:
    here = personal.here()
    step = personal.client_view().step(here) if here else None
    if step is None:
        st.info(t("personal.client.no_here", lang))
        return
    label = status_label("here", lang)
    st.html(render("note_box.html", css_class="polku-here", label=label, text=step.title.get(lang)))


# ------------------------------------------------------------------------- the client's page
