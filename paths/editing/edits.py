"""The edits of a path as one namespace: a facade that only re-exports, it defines nothing.

Every edit is a pure function that returns a new `ServicePath` and never changes its input. The
editor page calls these and keeps the results on an undo stack; nothing here touches the store or
Streamlit. An edit that cannot be made (removing a stage that still has steps, an actor still in
use, an unknown id) raises `EditError`, one sentence through the catalog. A path that is merely
*incomplete* (no end, a decision with one way out) is not an error here: validation lists those,
and a draft may be saved with them.

Each edit has one home: `paths.editing.structure` (the path's fields, stages, actors),
`paths.editing.steps` (steps and their links), `paths.editing.contacts`, `paths.editing.step_table`
(the table of all steps), `paths.editing.common` (`EditError` and the shared helpers) and
`paths.editing.merge` (`rebase`, the stale-save merge). Why this facade stays: the editor pages,
the workshop's suggestions and their tests address the edits as one namespace
(`editing.add_step(...)`, `editing.connect(...)`, dozens of calls), so a page need not know which
room an edit lives in. A new edit goes in its room and is listed here.
"""

from __future__ import annotations

from paths.editing.common import TEXT_FIELDS, EditError
from paths.editing.contacts import add_contact, remove_contact, update_contact
from paths.editing.merge import Conflict, rebase
from paths.editing.step_table import TABLE_COLUMNS, apply_step_table, format_next, step_table
from paths.editing.steps import (
    add_step,
    connect,
    disconnect,
    move_step,
    move_step_to,
    new_step_id,
    remove_step,
    rename_step_id,
    set_light_bulb,
    update_step,
)
from paths.editing.structure import (
    add_actor,
    add_stage,
    move_stage,
    remove_actor,
    remove_stage,
    rename_stage,
    set_stage_description,
    update_actor,
    update_path,
)

__all__ = [
    "Conflict",
    "rebase",
    "TEXT_FIELDS",
    "EditError",
    "update_path",
    "add_stage",
    "rename_stage",
    "set_stage_description",
    "move_stage",
    "remove_stage",
    "add_actor",
    "update_actor",
    "remove_actor",
    "new_step_id",
    "add_step",
    "update_step",
    "set_light_bulb",
    "rename_step_id",
    "move_step",
    "move_step_to",
    "remove_step",
    "connect",
    "disconnect",
    "add_contact",
    "update_contact",
    "remove_contact",
    "TABLE_COLUMNS",
    "format_next",
    "step_table",
    "apply_step_table",
]
