"""The appointment mode: a calm, full-width view for a shared screen or a tablet.

One stage at a time in large type with the client's plain-language texts; back-office steps are
hidden. The URL carries the state (`?path=<id>&stage=<stage id>`, or `?personal=<token>` from a
client's personal path), so a link opens the mode at a stage and the browser's address always
tells where the conversation is. Forward and back work with the buttons (Tab, Enter, Space) and with
the arrow keys (the buttons' own keyboard shortcuts).
"""

from __future__ import annotations

import html

import streamlit as st

from components.common import current_lang, library_titles, load_path, tr
from components.templating import stylesheet
from paths.model.schema import ServicePath, StepKind
from paths.personal.model import PersonalPath
from paths.personal.store import LinkResult, get_personal_store, hash_token
from paths.render.marks import LIGHT_BULB, NETWORK_ICON, STATUS_ICONS
from paths.views.appointment import StageCard, StepCard, appointment_stages, here_stage, stage_index

PATH_PARAM = "path"
STAGE_PARAM = "stage"
PERSONAL_PARAM = "personal"
_PERSONAL_STATE = "_appt_personal"  # {token hash: personal path id} for links opened in this session
_PIN_STATE = "_appt_pin"
BULB = LIGHT_BULB
SHOWN_ICON = "▶"

STYLE = stylesheet("appointment.css")


def _e(text: str) -> str:
    return html.escape(text, quote=True)


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


def _library_path(lang: str) -> ServicePath | None:
    """The path named in `?path=`, with a chooser in the sidebar."""
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
    loaded = load_path(wanted)
    return loaded[0] if loaded else None


# ------------------------------------------------------------------ drawing


def _status_html(status: str | None) -> str:
    if not status:
        return ""
    icon = STATUS_ICONS.get(status, "")
    return f'<p class="polku-appt-status">{_e(icon)} {_e(tr(f"appointment.status.{status}"))}</p>'


def _step_html(step: StepCard) -> str:
    classes = ["polku-appt-step"]
    if step.coordinator:
        classes.append("is-coordinator")
    if step.kind == StepKind.network_meeting:
        classes.append("is-network")
    if step.status == "here":
        classes.append("is-here")
    parts = [_status_html(step.status), f"<h3>{_e(step.title)}</h3>"]
    parts.append(f"<p>{_e(step.text or tr('appointment.step_without_text'))}</p>")
    if step.kind == StepKind.network_meeting:
        parts.append(f"<p>{NETWORK_ICON} {_e(tr('appointment.network_meeting'))}</p>")
    if step.coordinator:
        parts.append(f'<p class="polku-appt-bulb">{BULB} {_e(tr("appointment.coordinator_helps"))}</p>')
    meta = []
    if step.channels:
        channels = ", ".join(tr(f"appointment.channel.{channel.value}") for channel in step.channels)
        meta.append(tr("appointment.how", channels=channels))
    if step.duration:
        meta.append(tr("appointment.duration", duration=step.duration))
    parts.extend(f'<p class="polku-appt-meta">{_e(line)}</p>' for line in meta)
    if step.links:
        items = "".join(
            f'<li><a href="{_e(url)}" rel="noopener noreferrer">{_e(label)}</a></li>' for label, url in step.links
        )
        parts.append(f'<p class="polku-appt-meta">{_e(tr("appointment.links"))}:</p><ul>{items}</ul>')
    if step.ways:
        items = "".join(
            f"<li>{_e(condition)} → {_e(target)}</li>" if condition else f"<li>→ {_e(target)}</li>"
            for condition, target in step.ways
        )
        parts.append(f'<p class="polku-appt-meta">{_e(tr("appointment.ways"))}</p><ul>{items}</ul>')
    if step.contacts:
        items = "".join(
            f"<li>{_e(label)}" + (f" ({_e(tr('appointment.contact_placeholder'))})" if placeholder else "") + "</li>"
            for label, placeholder in step.contacts
        )
        parts.append(f'<p class="polku-appt-meta">{_e(tr("appointment.contacts"))}:</p><ul>{items}</ul>')
    return f'<li class="{" ".join(classes)}">{"".join(parts)}</li>'


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
        current_attr = ' aria-current="step"' if i == current else ""
        cue_html = "".join(f'<span class="polku-strip-cue"> – {_e(cue)}</span>' for cue in cues)
        class_attr = f' class="{" ".join(classes)}"' if classes else ""
        items.append(f"<li{class_attr}{current_attr}>{stage.number}. {_e(stage.title)}{cue_html}</li>")
    label = _e(tr("appointment.overview"))
    return f'<nav aria-label="{label}"><ol class="polku-strip">{"".join(items)}</ol></nav>'


def _stage_html(stage: StageCard, total: int, lang: str) -> str:
    steps = "".join(_step_html(step) for step in stage.steps)
    description = f"<p>{_e(stage.description)}</p>" if stage.description else ""
    count = _e(tr("appointment.stage_of", number=stage.number, total=total))
    return (
        f'<section class="polku-appt" lang="{lang}" aria-labelledby="polku-appt-stage">'
        f'<p class="polku-appt-count">{count}</p><h2 id="polku-appt-stage">{_e(stage.title)}</h2>{description}'
        f'<ol class="polku-appt-steps">{steps}</ol>'
        f'<p class="polku-appt-hint">{_e(tr("appointment.bulb_legend"))}</p></section>'
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
    else:
        path = _library_path(lang)
        if path is None:
            return
        statuses, here = {}, None

    stages = appointment_stages(path, lang, statuses)
    heading = tr("appointment.personal_for", name=personal.display_name) if personal else tr("appointment.title")
    st.html(
        f'<header class="polku-appt" lang="{lang}"><h1>{_e(path.title.get(lang))}</h1>'
        f'<p class="polku-appt-sub">{_e(heading)}</p></header>'
    )
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
    st.html(f'<p class="polku-appt-hint">{_e(tr("appointment.keyboard_hint"))}</p>')
