"""Suggested changes in the workshop pages: the participant's form and live list, the facilitator's wall part.

Rules live in `paths.workshops.suggestions` (open workshop, caps, votes, out of date, accepting);
this module draws and calls it. All participant text goes through `md_escape` (Markdown) or the
diagram's own escaping (`to_dot`), so hostile text stays text. The lists and pictures are drawn in
fragments that rerun every `LIVE_SECONDS`, so an accepted change appears without a reload.
"""

from __future__ import annotations

import base64
from collections.abc import Callable

import streamlit as st

from components import diagrams
from components.auth import workshops
from components.common import cache_key, current_lang, database_url, load_path, md_escape, store, tr
from components.flow_diagram import text_instead
from components.memo import memo
from components.templating import render, stylesheet
from paths.i18n.catalog import UserError, t
from paths.model.graph import walk_order
from paths.model.schema import ServicePath
from paths.render.image import RenderError, render_dot
from paths.workshops.changes import STAGE_KINDS, STEP_KINDS, Change, describe, out_of_date, preview_dot
from paths.workshops.rules import MAX_NAME_CHARS, Workshop
from paths.workshops.suggestions import MAX_REASON_CHARS, Suggestion, SuggestionStore, overlapping

LIVE_SECONDS = 2
PICTURE_SECONDS = 1  # accepted changes show on the phones within about a second of the refresh
MAX_WALL_CARDS = 8  # the most voted groups first; the rest are counted (the wall reruns every LIVE_SECONDS)
MAX_OTHERS_SHOWN = 8  # on a phone: the participant's own suggestions, then the most voted of the others
_PREVIEW = "_polku_sg_preview"
_NAME_STATE = "_polku_display_name"
_MESSAGE = "_polku_sg_message"


@st.cache_resource(show_spinner=False)
def _suggestions_for(url: str | None) -> SuggestionStore:
    return SuggestionStore(workshops())


def suggestions() -> SuggestionStore:
    return _suggestions_for(database_url())


@memo(256)
def _preview(
    key: tuple, suggestion_id: int, audience: str, lang: str, change: Change, _path: ServicePath
) -> str | None:
    """The preview as an <img> of an SVG drawn on the server by `dot` (None when the change no longer applies).

    Drawn once per suggestion and stored version; an image, so the browser does not lay the graph out
    again at every refresh of the wall."""
    try:
        dot = preview_dot(_path, change, audience, lang)
        svg = render_dot(dot, "svg")
    except (UserError, RenderError):
        return None
    return svg_img(svg, t("suggest.preview_alt", lang, what=describe(_path, change, lang)), "polku-sg-preview")


def who(suggestion: Suggestion) -> str:
    return md_escape(suggestion.display_name) if suggestion.display_name else tr("suggest.a_participant")


def status_line(suggestion: Suggestion, path: ServicePath | None) -> str:
    """The suggestion's state in words (with an icon): waiting, out of date, accepted, declined and why."""
    if suggestion.status == "accepted":
        return tr("suggest.status.accepted", version=suggestion.accepted_version)
    if suggestion.status == "declined":
        line = tr("suggest.status.declined")
        if suggestion.reason:
            line += " · " + tr("suggest.status.reason", reason=md_escape(suggestion.reason))
        return line
    if path is not None and out_of_date(path, suggestion.change, suggestion.fingerprint):
        return tr("suggest.status.out_of_date")
    return tr("suggest.status.open")


def show_preview(suggestion: Suggestion, path: ServicePath, version: int, audience: str, lang: str) -> None:
    what = describe(path, suggestion.change, lang)
    dot = _preview(cache_key(path.id, version), suggestion.id, audience, lang, suggestion.change, path)
    with st.container(border=True, key=f"polku_sg_preview_{suggestion.id}"):
        st.markdown(md_escape(tr("suggest.preview_of", what=what)))
        if dot is None:
            st.caption(tr("suggest.status.out_of_date"))
            return
        st.html(dot)


def _pick_preview(suggestion_id: int) -> None:
    st.session_state[_PREVIEW] = suggestion_id


def preview_button(suggestion: Suggestion) -> None:
    st.button(tr("suggest.show_preview"), key=f"_polku_sg_show_{suggestion.id}", icon="👁️",
              on_click=_pick_preview, args=(suggestion.id,))


def chosen_preview(open_ones: list[Suggestion]) -> Suggestion | None:
    """The suggestion whose preview is shown: the one picked (on a phone, also the one just sent), else
    the most voted, the oldest first — a choice that stays put while new suggestions keep arriving."""
    picked = st.session_state.get(_PREVIEW)
    found = next((s for s in open_ones if s.id == picked), None)
    return found or min(open_ones, key=lambda s: (-s.votes, s.id), default=None)


# -- the participant -------------------------------------------------------------------------------


def _targets(view: ServicePath, lang: str) -> tuple[list[str], dict[str, str]]:
    order = walk_order(view)
    options: list[str] = []
    labels: dict[str, str] = {}
    for stage in view.stages:
        options.append(f"stage:{stage.id}")
        labels[f"stage:{stage.id}"] = tr("workshop.note.target_stage", stage=stage.title.get(lang) or stage.id)
        for step_id in order:
            step = view.step(step_id)
            if step is not None and step.stage == stage.id:
                options.append(f"step:{step.id}")
                labels[f"step:{step.id}"] = tr("workshop.note.target_step", step=step.title.get(lang) or step.id)
    return options, labels


def _change_fields(view: ServicePath, kind: str, target: str, lang: str) -> dict | None:
    """The inputs a kind of change needs; None when it cannot be made here (nothing to disconnect)."""
    steps = {s.id: s.title.get(lang) or s.id for s in view.steps}
    if kind in ("add_after", "add_before", "add_step", "rename"):
        return {"title": st.text_input(tr("suggest.form.step_title"), max_chars=200, key="_polku_sg_title")}
    if kind == "rewrite":
        return {"text": st.text_area(tr("suggest.form.text"), max_chars=2000, key="_polku_sg_text")}
    if kind == "move":
        stages = {s.id: s.title.get(lang) or s.id for s in view.stages}
        return {"stage": st.selectbox(tr("suggest.form.stage"), options=list(stages), format_func=stages.get,
                                      key="_polku_sg_stage") or ""}
    if kind in ("connect", "disconnect"):
        if kind == "disconnect":
            options = [tr_.target for tr_ in view.transitions if tr_.source == target]
            if not options:
                st.caption(tr("suggest.form.none_to_disconnect"))
                return None
        else:
            options = [s for s in steps if s != target]
        fields = {"other": st.selectbox(tr("suggest.form.other"), options=options, format_func=steps.get,
                                        key=f"_polku_sg_other_{kind}") or ""}
        if kind == "connect":
            fields["condition"] = st.text_input(tr("suggest.form.condition"), max_chars=200, key="_polku_sg_cond")
        return fields
    if kind == "bulb":
        current = view.step(target)
        return {"on": st.toggle(tr("suggest.form.bulb"), value=not (current and current.coordinator),
                                key=f"_polku_sg_bulb_{target}")}
    return {"actor": st.text_input(tr("suggest.form.actor"), max_chars=200, key="_polku_sg_actor")}


def suggest_form(workshop: Workshop, view: ServicePath, token: str, lang: str) -> None:
    """The participant's form: a step or stage, what to change, the details, and send."""
    st.subheader(tr("suggest.form.title"), anchor=False)
    st.caption(tr("suggest.form.intro"))
    options, labels = _targets(view, lang)
    target = st.selectbox(tr("suggest.form.target"), options=options, format_func=lambda k: labels.get(k, k),
                          index=None, placeholder=tr("workshop.note.target_placeholder"), key="_polku_sg_target")
    message = st.session_state.pop(_MESSAGE, None)
    if message:
        getattr(st, message[0])(message[1])
    if not target:
        return
    target_kind, _, target_id = target.partition(":")
    kinds = STEP_KINDS if target_kind == "step" else STAGE_KINDS
    kind = st.selectbox(tr("suggest.form.kind"), options=kinds, format_func=lambda k: tr(f"suggest.kind.{k}"),
                        key=f"_polku_sg_kind_{target_kind}")
    fields = _change_fields(view, kind, target_id, lang)
    name = st.text_input(tr("workshop.note.name"), value=st.session_state.get(_NAME_STATE, ""),
                         max_chars=MAX_NAME_CHARS, help=tr("workshop.note.name_help"), key="_polku_sg_name")
    if fields is None or not st.button(tr("suggest.form.submit"), type="primary", icon="📨", key="_polku_sg_send"):
        return
    st.session_state[_NAME_STATE] = name
    change = Change(kind=kind, target_kind=target_kind, target=target_id, lang=lang, **fields)
    try:
        made = suggestions().suggest(workshop.id, token, change, display_name=name)
    except UserError as exc:
        st.error(exc.message(lang), icon="⛔")
        return
    st.session_state[_PREVIEW] = made.id
    st.session_state[_MESSAGE] = ("success", tr("suggest.form.sent"))
    for key in ("_polku_sg_title", "_polku_sg_text", "_polku_sg_cond", "_polku_sg_actor", "_polku_sg_target"):
        st.session_state.pop(key, None)
    st.rerun()


def _vote(workshop_id: int, token: str, suggestion_id: int, add: bool) -> None:
    try:
        if add:
            suggestions().vote(workshop_id, token, suggestion_id)
        else:
            suggestions().unvote(workshop_id, token, suggestion_id)
    except UserError as exc:
        st.session_state[_MESSAGE] = ("warning", exc.message(current_lang()))


def _participant_card(workshop: Workshop, token: str, suggestion: Suggestion, path: ServicePath, left: int,
                      mine_votes: dict) -> None:
    lang = current_lang()
    with st.container(border=True, key=f"polku_sg_card_{suggestion.id}"):
        st.markdown(md_escape(describe(path, suggestion.change, lang)))
        st.caption(" · ".join([tr("suggest.list.by", who=who(suggestion)), status_line(suggestion, path),
                               tr("workshop.votes", count=suggestion.votes)]))
        if not suggestion.is_open:
            return
        with st.container(horizontal=True):
            preview_button(suggestion)
            if workshop.votes_per_participant and not suggestion.mine:
                st.button(tr("suggest.vote"), key=f"_polku_sg_vote_{suggestion.id}", icon="➕", disabled=left <= 0,
                          on_click=_vote, args=(workshop.id, token, suggestion.id, True))
                count = mine_votes.get(("suggestion", str(suggestion.id)), 0)
                if count:
                    st.button(tr("workshop.vote.remove", count=count), key=f"_polku_sg_unvote_{suggestion.id}",
                              icon="➖", on_click=_vote, args=(workshop.id, token, suggestion.id, False))


def _in_groups(listed: list[Suggestion]) -> list[list[Suggestion]]:
    """The listed suggestions with the open ones that touch the same thing together, each group where its
    first member was listed; decided ones alone."""
    place = {suggestion.id: index for index, suggestion in enumerate(listed)}
    groups = overlapping([s for s in listed if s.is_open]) + [[s] for s in listed if not s.is_open]
    return sorted(groups, key=lambda group: min(place[s.id] for s in group))


def side_by_side(group: list[Suggestion], card: Callable[[Suggestion], None]) -> None:
    """Suggestions that touch the same thing, said so and drawn side by side (up to three a row; a phone's
    narrow screen stacks them under the sentence that says they belong together)."""
    if len(group) > 1:
        st.markdown(tr("suggest.overlap", count=len(group)))
    columns = st.columns(min(len(group), 3))
    for index, suggestion in enumerate(group):
        with columns[index % len(columns)]:
            card(suggestion)


def svg_img(svg: bytes, alt: str, css_class: str) -> str:
    """An SVG drawn on the server, as an <img> with a text alternative (Streamlit's HTML keeps data URIs)."""
    src = "data:image/svg+xml;base64," + base64.b64encode(svg).decode("ascii")
    return stylesheet("workshop.css") + render("image.html", css_class=css_class, src=src, alt=alt)


@st.fragment(run_every=PICTURE_SECONDS)
def participant_picture(workshop_id: int) -> None:
    """The path as it is now: one small query a second, the picture drawn by `dot` once per version."""
    lang = current_lang()
    workshop = workshops().get(workshop_id)
    latest = store().latest_version(workshop.path_id) if workshop is not None else None
    loaded = load_path(workshop.path_id, latest) if latest is not None else None
    if workshop is None or loaded is None:
        return
    path, version = loaded
    st.subheader(tr("suggest.picture"), anchor=False)
    st.caption(tr("suggest.picture_version", version=version))
    alt = tr("pathpage.flow_alt", title=path.title.get(lang) or path.id)
    with st.container(key="polku_sg_picture"):
        try:
            svg = diagrams.image(cache_key(path.id, version), "svg", lang, workshop.audience, None, path)
        except RenderError as error:
            text_instead(error, diagrams.text_html(cache_key(path.id, version), lang, workshop.audience, None, path),
                         lang)
            return
        st.html(svg_img(svg, alt, "polku-sg-picture"))


@st.fragment(run_every=LIVE_SECONDS)
def participant_live(workshop_id: int, token: str) -> None:
    """The chosen suggestion's preview and the suggestions (mine first, then the most voted); live."""
    lang = current_lang()
    workshop = workshops().get(workshop_id)
    loaded = load_path(workshop.path_id) if workshop is not None else None
    if workshop is None or loaded is None:
        return
    path, version = loaded
    found = suggestions().suggestions(workshop_id, token)
    open_ones = [s for s in found if s.is_open]
    chosen = chosen_preview(open_ones)
    if chosen is not None:
        show_preview(chosen, path, version, workshop.audience, lang)
    mine_votes = workshops().my_votes(workshop_id, token)
    left = workshop.votes_per_participant - sum(mine_votes.values())
    st.subheader(tr("suggest.list.title", count=len(found)), anchor=False)
    if not found:
        st.caption(tr("suggest.list.none"))
    mine = [s for s in found if s.mine]
    others = sorted((s for s in open_ones if not s.mine), key=lambda s: (-s.votes, -s.id))
    for group in _in_groups([*mine, *others[:MAX_OTHERS_SHOWN]]):
        side_by_side(group, lambda suggestion: _participant_card(workshop, token, suggestion, path, left, mine_votes))
    if len(others) > MAX_OTHERS_SHOWN:
        st.caption(tr("suggest.more", count=len(others) - MAX_OTHERS_SHOWN))


# -- the facilitator's wall ------------------------------------------------------------------------


def _accept(suggestion_id: int, facilitator: str) -> None:
    lang = current_lang()
    try:
        version = suggestions().accept(suggestion_id, facilitator, lang)
    except UserError as exc:
        st.session_state[_MESSAGE] = ("error", exc.message(lang))
        return
    st.session_state[_MESSAGE] = ("success", tr("suggest.accepted", version=version))


def _decline(suggestion_id: int, facilitator: str) -> None:
    reason = st.session_state.get(f"_polku_sg_reason_{suggestion_id}") or ""
    try:
        suggestions().decline(suggestion_id, facilitator, reason)
    except UserError as exc:
        st.session_state[_MESSAGE] = ("error", exc.message(current_lang()))
        return
    st.session_state[_MESSAGE] = ("info", tr("suggest.declined"))


def _wall_card(suggestion: Suggestion, path: ServicePath, facilitator: str) -> None:
    lang = current_lang()
    stale = out_of_date(path, suggestion.change, suggestion.fingerprint)
    with st.container(border=True, key=f"polku_sg_wall_{suggestion.id}"):
        st.markdown("**" + md_escape(describe(path, suggestion.change, lang)) + "**")
        st.caption(" · ".join([tr("suggest.list.by", who=who(suggestion)), status_line(suggestion, path),
                               tr("workshop.votes", count=suggestion.votes)]))
        preview_button(suggestion)
        st.text_input(tr("suggest.decline_reason"), max_chars=MAX_REASON_CHARS, key=f"_polku_sg_reason_{suggestion.id}")
        with st.container(horizontal=True):
            st.button(tr("suggest.accept"), type="primary", icon="✅", key=f"_polku_sg_accept_{suggestion.id}",
                      disabled=stale is not None, on_click=_accept, args=(suggestion.id, facilitator))
            st.button(tr("suggest.decline"), icon="🚫", key=f"_polku_sg_decline_{suggestion.id}",
                      on_click=_decline, args=(suggestion.id, facilitator))


def wall_suggestions(workshop: Workshop, path: ServicePath, version: int, facilitator: str) -> None:
    """The wall's suggestions: the chosen preview, open ones (those touching the same thing side by side),
    then the handled ones."""
    lang = current_lang()
    found = suggestions().suggestions(workshop.id)
    open_ones = [s for s in found if s.is_open]
    st.subheader(tr("suggest.list.title", count=len(open_ones)), anchor=False)
    message = st.session_state.pop(_MESSAGE, None)
    if message:
        getattr(st, message[0])(message[1])
    if not open_ones:
        st.caption(tr("suggest.list.none"))
    chosen = chosen_preview(open_ones)
    if chosen is not None:
        show_preview(chosen, path, version, workshop.audience, lang)
    groups = sorted(overlapping(open_ones), key=lambda g: (-sum(s.votes for s in g), g[0].id))
    shown = 0
    for group in groups:
        if shown >= MAX_WALL_CARDS:
            break
        group = group[: max(1, MAX_WALL_CARDS - shown)]
        shown += len(group)
        side_by_side(group, lambda suggestion: _wall_card(suggestion, path, facilitator))
    if len(open_ones) > shown:
        st.caption(tr("suggest.more", count=len(open_ones) - shown))
    decided = [s for s in found if not s.is_open]
    if decided:
        with st.expander(tr("suggest.decided_title", count=len(decided))):
            for suggestion in reversed(decided):
                st.markdown(f"- {md_escape(describe(path, suggestion.change, lang))} · {status_line(suggestion, path)}"
                            f" · {tr('suggest.list.by', who=who(suggestion))}")
