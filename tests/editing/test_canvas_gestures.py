"""The canvas's feeling gesture as one edit (components.editor.canvas.apply_gesture), outside a browser."""

from __future__ import annotations

import pytest

from components.editor.canvas import apply_gesture, canvas_data
from paths.editing.session import EditSession
from paths.render.experience import feeling_label
from tests.support.factories import branching_path


@pytest.fixture
def edit() -> EditSession:
    path = branching_path()
    return EditSession(path.id, 1, path, path)


def test_a_feeling_gesture_is_one_undoable_edit_and_the_card_says_it_in_words(edit: EditSession) -> None:
    assert apply_gesture(edit, {"kind": "feeling", "step": "tarve", "feeling": -2}, "en")
    assert edit.path.step("tarve").feeling == -2 and len(edit.undo_stack) == 1
    card = next(step for step in canvas_data(edit, "en")["steps"] if step["id"] == "tarve")
    assert (card["feeling"], card["feeling_label"]) == (-2, feeling_label(-2, "en"))
    assert apply_gesture(edit, {"kind": "feeling", "step": "tarve", "feeling": None}, "en")
    assert edit.path.step("tarve").feeling is None
    assert apply_gesture(edit, {"kind": "undo"}, "en") and edit.path.step("tarve").feeling == -2


@pytest.mark.parametrize("feeling", ["lots", True, [1]])
def test_a_malformed_feeling_changes_nothing(edit: EditSession, feeling: object) -> None:
    before = edit.path
    assert not apply_gesture(edit, {"kind": "feeling", "step": "tarve", "feeling": feeling}, "en")
    assert edit.path is before


def test_a_feeling_out_of_range_is_refused_with_a_sentence(edit: EditSession) -> None:
    assert not apply_gesture(edit, {"kind": "feeling", "step": "tarve", "feeling": 5}, "en")
    assert edit.path.step("tarve").feeling is None
    assert edit.flash and edit.flash[-1][0] == "error"
