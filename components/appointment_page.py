"""The appointment mode: a calm, full-width view for a shared screen or a tablet.

One stage at a time in large type with the client's plain-language texts; back-office steps are
hidden. The URL carries the state (`?path=<id>&stage=<stage id>`, or `?personal=<token>` from a
client's personal path), so a link opens the mode at a stage and the browser's address always
tells where the conversation is. Forward and back work with the buttons (Tab, Enter, Space) and with
the arrow keys (the buttons' own keyboard shortcuts).
"""

from __future__ import annotations

import streamlit as st

from components.common import cache_key, current_lang, library_titles, load_path, md_escape, tr
from components.flow_diagram import still_picture
from components.memo import memo
from components.templating import render, stylesheet
from paths.model.schema import ServicePath, StepKind
from paths.personal.access import hash_token
from paths.personal.model import PersonalPath
from paths.personal.records import LinkResult
from paths.personal.store import get_personal_store
from paths.render.dot import to_dot
from paths.render.image import RenderError, page_drawing
from paths.render.layout import PORTRAIT
from paths.render.marks import LIGHT_BULB, NETWORK_ICON, SHOWN_ICON, STATUS_ICONS
from paths.views.appointment import StageCard, StepCard, appointment_stages, here_stage, stage_index
from paths.views.configured import apply_view

PATH_PARAM = "path"
STAGE_PARAM = "stage"
PERSONAL_PARAM = "personal"
_PERSONAL_STATE = "_appt_personal"  # {token hash: personal path id} for links opened in this session
_PIN_STATE = "_appt_pin"
BULB = LIGHT_BULB

STYLE = stylesheet("appointment.css")




# ------------------------------------------------------------------ where the content comes from


def _personal_from_link(token: str) -> PersonalPath | None:
    """The personal path behind `?personal=<token>`, asking for the PIN when one is set.

    A wrong or revoked token shows the same polite "not found" as any other failure; once opened,
    the session remembers the path so that moving between stages does not reopen the link.
    """
    personal_store = get_personal_store()
    opened: dict[str, str] = st.session_state.setdefault(_PERSONAL_STATE, {})
    key = hash_token(token)
    if key in opened:
        # Checked on every rerun: a link revoked meanwhile stops working at once.
        if personal_store.resolve_token(token) == opened[key]:
            personal = personal_store.get(opened[key])
            if personal is not None:
                return personal
        opened.pop(key)
    result: LinkResult = personal_store.open_link(token, st.session_state.get(_PIN_STATE) or None)
    if result.ok and result.personal is not None:
        opened[key] = result.personal.id
        st.session_state.pop(_PIN_STATE, None)
        return result.personal
    if result.status == "not_found":
        st.info(tr("appointment.personal_not_found"))
        return None
    if result.status == "locked":
        st.warning(tr("appointment.locked", seconds=max(1, round(result.retry_after))))
    elif result.status == "pin_wrong":
        st.warning(
            tr("appointment.pin_wrong", seconds=max(1, round(result.retry_after)))
            if result.retry_after
            else tr("appointment.pin_wrong_now")
        )
    st.write(tr("appointment.pin_intro"))
    with st.form("appt_pin_form"):
        pin = st.text_input(tr("appointment.pin_label"), type="password", max_chars=12)
        if st.form_submit_button(tr("appointment.pin_submit")):
            st.session_state[_PIN_STATE] = pin
            st.rerun()
    return None


def _on_path_change() -> None:
    chosen = st.session_state.get("appt_path_choice")
    if chosen:
        st.query_params[PATH_PARAM] = chosen
        st.query_params.pop(STAGE_PARAM, None)


def _library_path(lang: str) -> tuple[ServicePath, int] | None:
    """The path named in `?path=` with its version, with a chooser in the sidebar."""
    titles = library_titles(lang, "appointment.no_paths")
    if titles is None:
        return None
    ids = list(titles)
    wanted = st.query_params.get(PATH_PARAM) or ids[0]
    if wanted in ids and st.session_state.get("appt_path_choice") != wanted:
        st.session_state["appt_path_choice"] = wanted
    st.sidebar.selectbox(
        tr("appointment.choose_path"), ids, format_func=titles.get, key="appt_path_choice", on_change=_on_path_change
    )
    if wanted not in ids:
        st.info(tr("appointment.path_not_found"))
        return None
    return load_path(wanted)


# ------------------------------------------------------------------ drawing


def _step_view(step: StepCard) -> dict:
    """What the stage template needs of one step card: its classes, status in icon and words, and the
    lines on how, how long."""
    classes = ["polku-appt-step"]
    network = step.kind == StepKind.network_meeting
    classes += [name for name, on in (("is-coordinator", step.coordinator), ("is-network", network),
                                      ("is-here", step.status == "here")) if on]
    meta = []
    if step.channels:
        channels = ", ".join(tr(f"appointment.channel.{channel.value}") for channel in step.channels)
        meta.append(tr("appointment.how", channels=channels))
    if step.duration:
        meta.append(tr("appointment.duration", duration=step.duration))
    return {
        "card": step, "classes": " ".join(classes), "network": network, "meta": meta, "status": step.status,
        "status_icon": STATUS_ICONS.get(step.status or "", ""),
        "status_words": tr(f"appointment.status.{step.status}") if step.status else "",
    }


_STAGE_WORDS = ("without_text", "network_meeting", "coordinator_helps", "links", "ways", "contacts",
                "contact_placeholder", "bulb_legend")
_WORD_KEYS = {"without_text": "appointment.step_without_text"}


def _strip_html(stages: list[StageCard], current: int) -> str:
    """All stages in a row: the shown one and "I am here" told by icon and words, not colour alone."""
    items = []
    for i, stage in enumerate(stages):
        classes, cues = [], []
        if i == current:
            classes.append("is-current")
            cues.append(f"{SHOWN_ICON} {tr('appointment.shown_now')}")
        if stage.has_here:
            classes.append("is-here")
            cues.append(f"{STATUS_ICONS['here']} {tr('appointment.you_are_here')}")
        elif stage.done:
            cues.append(f"{STATUS_ICONS['done']} {tr('appointment.stage_done')}")
        if stage.has_coordinator:
            cues.append(f"{BULB} {tr('appointment.coordinator_short')}")
        items.append({"classes": " ".join(classes), "current": i == current, "number": stage.number,
                      "title": stage.title, "cues": cues})
    return render("appointment_strip.html", label=tr("appointment.overview"), items=items)


def _stage_html(stage: StageCard, total: int, lang: str) -> str:
    words = {name: tr(_WORD_KEYS.get(name, f"appointment.{name}")) for name in _STAGE_WORDS}
    return render(
        "appointment_stage.html", lang=lang, stage=stage, steps=[_step_view(step) for step in stage.steps],
        count=tr("appointment.stage_of", number=stage.number, total=total), words=words,
        icons={"network": NETWORK_ICON, "bulb": BULB},
    )


def _go(stage_id: str) -> None:
    st.query_params[STAGE_PARAM] = stage_id


# ------------------------------------------------------------------ the page


def appointment_page() -> None:
    """The appointment mode page."""
    lang = current_lang()
    st.html(STYLE)
    token = st.query_params.get(PERSONAL_PARAM)
    personal: PersonalPath | None = None
    if token:
        personal = _personal_from_link(token)
        if personal is None:
            return
        path, statuses, here = personal.source, personal.statuses(), personal.here()
        key: tuple = ("personal", personal.id, personal.version)
    else:
        loaded = _library_path(lang)
        if loaded is None:
            return
        path, version = loaded
        statuses, here, key = {}, None, cache_key(path.id, version)

    stages = appointment_stages(path, lang, statuses)
    heading = tr("appointment.personal_for", name=personal.display_name) if personal else tr("appointment.title")
    st.html(render("appointment_header.html", lang=lang, title=path.title.get(lang), heading=heading))
    if not stages:
        st.info(tr("appointment.no_stages"))
        return
    current = stage_index(stages, st.query_params.get(STAGE_PARAM), here)
    stage = stages[current]
    if st.query_params.get(STAGE_PARAM) != stage.id:
        st.query_params[STAGE_PARAM] = stage.id

    st.html(_strip_html(stages, current))
    st.html(_stage_html(stage, len(stages), lang))

    with st.container(horizontal=True, key="appt_nav", gap="medium"):
        previous_id = stages[current - 1].id if current > 0 else stage.id
        next_id = stages[current + 1].id if current + 1 < len(stages) else stage.id
        st.button(
            tr("appointment.previous"), key="appt_prev", shortcut="Left",
            disabled=current == 0, on_click=_go, args=(previous_id,),
        )
        st.button(
            tr("appointment.next"), key="appt_next", shortcut="Right", type="primary",
            disabled=current + 1 >= len(stages), on_click=_go, args=(next_id,),
        )
        target = here_stage(stages)
        if target and target != stage.id:
            st.button(
                tr("appointment.go_here"), key="appt_here", icon="📍", on_click=_go, args=(target,)
            )
    st.html(render("hint.html", css_class="polku-appt-hint", text=tr("appointment.keyboard_hint")))
    _whole_path(key, path, stage, here, statuses, lang)


def _whole_path(
    key: tuple, path: ServicePath, stage: StageCard, here: str | None, statuses: dict[str, str], lang: str
) -> None:
    """The whole path as a picture under the stage, in the portrait layout (a tablet held upright, a phone),
    the stage shown now framed and named; the stage cards above are its text version."""
    st.subheader(tr("appointment.picture"), anchor=False)
    label = tr("appointment.picture_alt", title=path.title.get(lang) or path.id, stage=stage.title)
    marked = tuple(sorted(statuses.items()))
    with st.container(key="appt_picture"):
        try:
            drawing = _drawing(key, lang, stage.id, here, marked, path)
        except RenderError as error:
            st.caption(md_escape(error.message(lang)))
            return
        still_picture(drawing, label=label, key="_appt_picture", fit=False)


@memo(128)
def _drawing(
    key: tuple, lang: str, stage_id: str, here: str | None, statuses: tuple[tuple[str, str], ...], _path: ServicePath
) -> tuple[str, float]:
    """The client view drawn by `dot` once per stored version (`key`), language, stage and statuses; a stage
    without a step for the client is left out, as the stage strip leaves it out."""
    view = apply_view(_path, "client")
    used = {step.stage for step in view.steps}
    view = view.model_copy(update={"stages": [stage for stage in view.stages if stage.id in used]})
    dot = to_dot(view, lang, "client", here=here, statuses=dict(statuses), legend=False, layout=PORTRAIT,
                 current_stage=stage_id)
    return page_drawing(dot)
