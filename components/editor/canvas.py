"""The canvas: the path as cards in a grid of stages (columns) and actors' lanes (rows), edited by hand.

A Streamlit custom component (components v2: no iframe, a trigger value back to Python) with plain
JavaScript in `static/canvas.js` (no npm library: the grid, the drags and the arrows need none).
Each gesture arrives as one trigger value and becomes one edit through `paths.editing.edits` (a step's
feeling, from the toolbar, through `paths.editing.experience.set_feeling`), kept on the session's undo
stack, so the validation problems, the diagram and saving work as for every
other edit; the form and the table stay the keyboard way to make each of these edits.

While the canvas is open it follows the store: when another facilitator saves, `follow_others`
(a fragment that reruns every `CANVAS_REFRESH_SECONDS`) merges their version into this session
(`EditSession.follow`) and redraws the page. The canvas keeps no history of its own: its undo button
and Ctrl+Z send an "undo" gesture that runs the editor's undo, whose stack follows the new version too,
so undo keeps working after the canvas redraws.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import streamlit as st

from components.common import current_lang, store, tr
from components.editor.state import STEP_PICK, apply_edit, sessions, step_label, transition, undo
from paths.editing import edits as editing
from paths.editing import experience as experience_edits
from paths.editing.session import EditSession
from paths.model.schema import ServicePath, Step
from paths.render.experience import FEELINGS, feeling_label

CANVAS_KEY = "_polku_ed_canvas"
CANVAS_REFRESH_SECONDS = 2
_STATIC = Path(__file__).parent / "static"
_LABEL_KEYS = ("undo", "hint", "condition", "rename", "ok", "cancel", "step", "edge", "connect", "bulb", "feeling",
               "feeling_none", "feeling_pick")

_canvas = st.components.v2.component(
    "polku_path_canvas",
    css=(_STATIC / "canvas.css").read_text(encoding="utf-8"),
    js=(_STATIC / "canvas.js").read_text(encoding="utf-8"),
    isolate_styles=False,
)


def _step_data(step: Step, lang: str) -> dict[str, Any]:
    """One card: its place, its light bulb and its feeling mark in the words of the blueprint's experience line."""
    return {
        "id": step.id, "title": step.title.get(lang) or step.id, "stage": step.stage,
        "lane": step.actors[0] if step.actors else "", "bulb": step.coordinator, "feeling": step.feeling,
        "feeling_label": feeling_label(step.feeling, lang) if step.feeling is not None else "",
    }


def _score(value: object) -> int | None:
    """The feeling a gesture names: a whole number (the edit checks its range), or None to clear it."""
    if value is None or isinstance(value, bool):
        return None
    try:
        return int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return None


def canvas_data(edit: EditSession, lang: str) -> dict[str, Any]:
    """What the canvas draws: stages, lanes (each actor, then "no actor"), steps in list order, arrows."""
    path = edit.path
    lanes = [{"id": actor.id, "name": actor.name.get(lang) or actor.id} for actor in path.actors]
    if any(not step.actors for step in path.steps) or not lanes:
        lanes.append({"id": "", "name": tr("canvas.lane_none")})
    return {
        "key": edit.path_id,
        "rev": edit.rev,
        "lang": lang,
        "can_undo": bool(edit.undo_stack),
        "stages": [{"id": stage.id, "title": stage.title.get(lang) or stage.id} for stage in path.stages],
        "lanes": lanes,
        "steps": [_step_data(step, lang) for step in path.steps],
        "feelings": [{"score": score, "label": feeling_label(score, lang)} for score in FEELINGS],
        "transitions": [
            {"source": tr_.source, "target": tr_.target, "label": tr_.condition.get(lang),
             "source_title": step_label(path, tr_.source, lang), "target_title": step_label(path, tr_.target, lang)}
            for tr_ in path.transitions
        ],
        "labels": {name: tr(f"canvas.{name}") for name in _LABEL_KEYS},
    }


def apply_gesture(edit: EditSession, gesture: dict[str, Any], lang: str) -> bool:
    """One canvas gesture as one edit (or an undo). Unknown or malformed gestures change nothing."""
    kind = gesture.get("kind")
    text = lambda name: str(gesture.get(name) or "")  # noqa: E731 - local shorthand
    if kind == "undo":
        undo(edit)
        return True
    if kind == "feeling" and gesture.get("feeling") is not None and _score(gesture.get("feeling")) is None:
        return False
    edits: dict[str, tuple] = {
        "move": (editing.move_step_to, text("step"), text("stage"), gesture.get("lane")),
        "connect": (editing.connect, text("source"), text("target"), text("label")[:300], lang),
        "disconnect": (editing.disconnect, text("source"), text("target")),
        "delete": (editing.remove_step, text("step")),
        "rename": (editing.update_step, text("step"), lang),
        "feeling": (experience_edits.set_feeling, text("step"), _score(gesture.get("feeling"))),
    }
    if kind not in edits:
        return False
    fn, *args = edits[kind]
    extra: dict[str, Any] = {}
    if kind == "move":
        extra["before"] = gesture.get("before") or None
    elif kind == "delete":
        extra["bridge"] = True
    elif kind == "rename":
        extra["title"] = text("title")[:300]
    return apply_edit(edit, fn, *args, **extra)


def _on_gesture(path_id: str) -> None:
    edit = sessions().get(path_id)
    state = st.session_state.get(CANVAS_KEY) or {}
    gesture = state.get("gesture") if hasattr(state, "get") else None
    if edit is not None and isinstance(gesture, dict) and apply_gesture(edit, gesture, current_lang()):
        if gesture.get("kind") == "feeling" and edit.path.step(str(gesture.get("step"))):
            st.session_state[STEP_PICK] = str(gesture.get("step"))  # the step form opens on the step just scored


@st.fragment(run_every=CANVAS_REFRESH_SECONDS)
def follow_others(path_id: str) -> None:
    """Every few seconds: has another facilitator saved? Then this session follows and the page redraws."""
    edit = sessions().get(path_id)
    if edit is None or edit.conflict_version is not None:
        return
    latest = store().latest_version(path_id)
    if latest is None or latest == edit.base_version:
        return
    theirs = store().get_path(path_id, latest)
    if theirs is not None and transition(edit, lambda: edit.follow(theirs, latest)):
        edit.say("info", tr("canvas.followed", version=latest))
        st.rerun()


def _path_alt(path: ServicePath, lang: str) -> str:
    return tr("canvas.alt", title=path.title.get(lang) or path.id, steps=len(path.steps))


def canvas_section(edit: EditSession, lang: str) -> None:
    """The canvas and its hint; the form and the table remain the keyboard way to make the same edits."""
    st.caption(tr("canvas.intro"))
    if not edit.path.stages:
        st.info(tr("editor.step.no_stages"))
        return
    with st.container(key="polku_ed_canvas"):
        st.caption(_path_alt(edit.path, lang))
        _canvas(key=CANVAS_KEY, data=canvas_data(edit, lang), on_gesture_change=lambda: _on_gesture(edit.path_id))
    follow_others(edit.path_id)
