"""Every transition of the editor's state machine (`paths.editing.session`), on a real SQLite store."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from paths.editing import edits as editing
from paths.editing.common import EditError
from paths.editing.session import UNDO_LIMIT, EditSession, open_session
from paths.i18n.catalog import t
from paths.model.schema import Status
from paths.store.library import Store
from tests.support.databases import store_with
from tests.support.factories import branching_path


@pytest.fixture
def store(sqlite_url: str) -> Iterator[Store]:
    with store_with(sqlite_url, branching_path(), author="Alkuperäinen") as opened:
        yield opened


def session(store: Store) -> EditSession:
    found = open_session(store, "testipolku", None)
    assert found is not None
    return found


def retitle(edit: EditSession, step_id: str, title: str) -> None:
    assert edit.apply(editing.update_step, step_id, "fi", title=title)


def someone_else_saves(store: Store, change) -> int:  # noqa: ANN001 - a function of a path
    latest = store.latest_version("testipolku")
    return store.save_path(change(store.get_path("testipolku")), "Toinen", base_version=latest)


def test_opening_gives_a_clean_session_on_the_latest_version_or_none(store: Store) -> None:
    edit = session(store)
    assert (edit.base_version, edit.dirty, edit.undo_stack) == (1, False, [])
    assert open_session(store, "no-such-path", None) is None


def test_an_edit_makes_the_session_dirty_and_a_refused_edit_changes_nothing(store: Store) -> None:
    edit = session(store)
    rev = edit.rev
    retitle(edit, "tarve", "Uusi")
    assert edit.dirty and edit.rev == rev + 1 and len(edit.undo_stack) == 1
    before = edit.path
    with pytest.raises(EditError):
        edit.apply(editing.remove_stage, "no-such-stage")
    assert edit.path is before and len(edit.undo_stack) == 1
    assert edit.apply(editing.update_step, "tarve", "fi", title="Uusi") is False  # no change: not on the stack


def test_undo_steps_back_and_the_stack_is_bounded(store: Store) -> None:
    edit = session(store)
    retitle(edit, "tarve", "Yksi")
    retitle(edit, "tarve", "Kaksi")
    assert edit.undo() and edit.path.step("tarve").title.fi == "Yksi"
    assert edit.undo() and not edit.dirty
    assert edit.undo() is False
    for number in range(UNDO_LIMIT + 5):
        retitle(edit, "tarve", f"Otsikko {number}")
    assert len(edit.undo_stack) == UNDO_LIMIT


def test_discard_returns_to_the_base_and_can_be_undone(store: Store) -> None:
    edit = session(store)
    retitle(edit, "tarve", "Hylätään")
    assert edit.discard() and not edit.dirty
    assert edit.discard() is False
    assert edit.undo() and edit.path.step("tarve").title.fi == "Hylätään"


def test_save_makes_a_version_and_the_session_clean(store: Store) -> None:
    edit = session(store)
    retitle(edit, "tarve", "Tallennettu")
    assert edit.save(store, "Minä", "yhteenveto", False, "fi") == 2
    assert (edit.base_version, edit.dirty, edit.undo_stack, edit.saved_over, edit.saved_version) == (2, False, [], 1, 2)
    assert edit.flash[-1] == ("success", t("editor.save.saved", "fi", version=2))
    assert store.get_path("testipolku").step("tarve").title.fi == "Tallennettu"
    assert edit.save(store, "Minä", "", False, "fi") is None  # nothing to save
    assert edit.flash[-1][0] == "info"


def test_publishing_is_refused_while_validation_finds_problems(store: Store) -> None:
    edit = session(store)
    assert edit.apply(editing.disconnect, "seuranta", "loppu")  # leaves a dead end
    assert edit.save(store, "Minä", "", True, "fi") is None
    assert edit.flash[-1] == ("error", t("editor.save.publish_blocked", "fi"))
    assert edit.save(store, "Minä", "", False, "fi") == 2
    assert store.get_path("testipolku").status == Status.draft


def test_a_new_path_cannot_take_an_id_already_saved(store: Store) -> None:
    edit = EditSession("testipolku", None, None, branching_path())
    assert edit.dirty
    assert edit.save(store, "Minä", "", False, "fi") is None
    assert edit.flash[-1] == ("error", t("editor.save.id_taken", "fi", id="testipolku"))


def test_a_stale_save_on_other_fields_merges_and_saves_both(store: Store) -> None:
    edit = session(store)
    retitle(edit, "tarve", "Minun")
    someone_else_saves(store, lambda p: editing.set_light_bulb(p, "seuranta", True))
    assert edit.save(store, "Minä", "", False, "fi") == 3
    saved = store.get_path("testipolku")
    assert saved.step("tarve").title.fi == "Minun" and saved.step("seuranta").coordinator is True
    assert edit.conflict_version is None and edit.flash[-1][1] == t("editor.save.merged", "fi", version=3, theirs=2)


def test_a_stale_save_on_the_same_field_is_a_conflict_and_stores_nothing(store: Store) -> None:
    edit = session(store)
    retitle(edit, "tarve", "Minun")
    someone_else_saves(store, lambda p: editing.update_step(p, "tarve", "fi", title="Heidän"))
    assert edit.save(store, "Minä", "", False, "fi") is None
    assert edit.conflict_version == 2 and store.latest_version("testipolku") == 2
    kept = open_session(store, "testipolku", edit)
    assert kept is edit  # a session in conflict is kept, never replaced by the store's version


def test_rebase_after_a_conflict_keeps_mine_and_lists_the_clash(store: Store) -> None:
    edit = session(store)
    retitle(edit, "tarve", "Minun")
    someone_else_saves(store, lambda p: editing.update_step(p, "tarve", "fi", title="Heidän"))
    edit.save(store, "Minä", "", False, "fi")
    conflicts = edit.rebase_onto(store.get_path("testipolku"), 2, "fi")
    assert len(conflicts) == 1 and edit.merge_notes and "Heidän" in edit.merge_notes[0]
    assert (edit.base_version, edit.conflict_version, edit.path.step("tarve").title.fi) == (2, None, "Minun")
    assert edit.save(store, "Minä", "", False, "fi") == 3 and edit.merge_notes == []


def test_take_theirs_drops_my_edit_but_keeps_it_undoable(store: Store) -> None:
    edit = session(store)
    retitle(edit, "tarve", "Minun")
    someone_else_saves(store, lambda p: editing.update_step(p, "tarve", "fi", title="Heidän"))
    edit.save(store, "Minä", "", False, "fi")
    edit.take_theirs(store.get_path("testipolku"), 2)
    assert (edit.dirty, edit.conflict_version, edit.path.step("tarve").title.fi) == (False, None, "Heidän")
    assert edit.undo() and edit.path.step("tarve").title.fi == "Minun"


def test_follow_takes_their_version_when_clean_and_merges_it_when_dirty(store: Store) -> None:
    edit = session(store)
    someone_else_saves(store, lambda p: editing.set_light_bulb(p, "seuranta", True))
    assert edit.follow(store.get_path("testipolku"), 2) and edit.base_version == 2 and not edit.dirty
    assert edit.follow(store.get_path("testipolku"), 2) is False  # already there
    retitle(edit, "tarve", "Minun, tallentamatta")
    someone_else_saves(store, lambda p: editing.update_step(p, "kirjaus", "fi", title="Heidän"))
    assert edit.follow(store.get_path("testipolku"), 3)
    assert edit.dirty and edit.base_version == 3
    assert (edit.path.step("tarve").title.fi, edit.path.step("kirjaus").title.fi) == ("Minun, tallentamatta", "Heidän")
    someone_else_saves(store, lambda p: editing.update_step(p, "tarve", "fi", title="Sama kenttä"))
    assert edit.follow(store.get_path("testipolku"), 4) is False  # the same field: saving will show the screen
    assert edit.path.step("tarve").title.fi == "Minun, tallentamatta"


def test_undo_last_save_restores_the_replaced_version_unless_someone_saved_since(store: Store) -> None:
    edit = session(store)
    retitle(edit, "tarve", "Hetken")
    edit.save(store, "Minä", "", False, "fi")
    assert edit.undo_save(store, "Minä", "fi") == 3
    assert store.get_path("testipolku") == store.get_path("testipolku", 1)
    assert edit.saved_version is None and edit.base_version == 3
    retitle(edit, "tarve", "Toinen kerta")
    edit.save(store, "Minä", "", False, "fi")
    someone_else_saves(store, lambda p: editing.set_light_bulb(p, "seuranta", True))
    assert edit.undo_save(store, "Minä", "fi") is None
    assert edit.flash[-1] == ("error", t("editor.save.undo_save_stale", "fi"))


def test_a_clean_session_is_replaced_when_the_store_moved_on_and_keeps_its_messages(store: Store) -> None:
    edit = session(store)
    edit.say("success", "viesti")
    someone_else_saves(store, lambda p: editing.set_light_bulb(p, "seuranta", True))
    fresh = open_session(store, "testipolku", edit)
    assert fresh is not edit and fresh.base_version == 2 and fresh.flash == [("success", "viesti")]
    retitle(fresh, "tarve", "Kesken")
    someone_else_saves(store, lambda p: editing.set_light_bulb(p, "kokous", False))
    assert open_session(store, "testipolku", fresh) is fresh  # unsaved changes are never thrown away


def test_derived_values_are_made_once_per_state_of_the_path(store: Store) -> None:
    edit = session(store)
    made = []
    edit.derive("x", "fi", lambda p: made.append(1))
    edit.derive("x", "fi", lambda p: made.append(1))
    retitle(edit, "tarve", "Uusi")
    edit.derive("x", "fi", lambda p: made.append(1))
    assert len(made) == 2


def test_undo_survives_following_their_save_and_keeps_their_change(store: Store) -> None:
    """Issue 11: following another facilitator's version used to empty the undo stack."""
    edit = session(store)
    retitle(edit, "tarve", "Ensin")
    retitle(edit, "kokous", "Sitten")
    someone_else_saves(store, lambda p: editing.update_step(p, "kirjaus", "fi", title="Heidän"))
    assert edit.follow(store.get_path("testipolku"), 2) and len(edit.undo_stack) == 2
    assert edit.undo() and edit.path.step("kokous").title.fi != "Sitten"
    assert (edit.path.step("tarve").title.fi, edit.path.step("kirjaus").title.fi) == ("Ensin", "Heidän")
    assert edit.undo() and not edit.dirty and edit.path.step("kirjaus").title.fi == "Heidän"


def test_undo_stops_at_an_earlier_state_that_clashes_with_their_change(store: Store) -> None:
    edit = session(store)
    original = edit.path.step("tarve").title.fi
    retitle(edit, "tarve", "Hetken")
    retitle(edit, "tarve", original)  # back as it was: clean, but "Hetken" is on the undo stack
    retitle(edit, "kokous", "Minun")
    someone_else_saves(store, lambda p: editing.update_step(p, "tarve", "fi", title="Heidän"))
    assert edit.follow(store.get_path("testipolku"), 2)
    assert len(edit.undo_stack) == 1  # the state that had "Hetken" would drop their title: not kept
    assert edit.undo() and edit.path.step("tarve").title.fi == "Heidän" and not edit.dirty


def test_a_clean_session_replaced_by_a_fresh_one_keeps_its_undo(store: Store) -> None:
    edit = session(store)
    original = edit.path.step("kokous").title.fi
    retitle(edit, "kokous", "Hetken")
    retitle(edit, "kokous", original)
    someone_else_saves(store, lambda p: editing.set_light_bulb(p, "seuranta", True))
    fresh = open_session(store, "testipolku", edit)
    assert fresh is not edit and len(fresh.undo_stack) == 2
    assert fresh.undo() and fresh.path.step("kokous").title.fi == "Hetken"
    assert fresh.path.step("seuranta").coordinator is True
