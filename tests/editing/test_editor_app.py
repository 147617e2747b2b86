"""The editor and history pages through AppTest, on a real SQLite store (single-user demo mode)."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from paths.editing import edits as editing
from paths.i18n.catalog import t
from paths.store.library import Store
from tests.support.apptest import module_store, ok, page_script, run_ok
from tests.support.factories import branching_path

EDITOR = page_script("components.editor.page", "editor_page")
HISTORY = page_script("components.history_page", "history_page")


store = module_store("editor")


def saved(store: Store, path_id: str) -> int:
    """A fresh copy of the test path under `path_id`, saved as version 1."""
    return store.save_path(branching_path(id=path_id), "Alkuperäinen")


def widget(items, prefix: str):  # noqa: ANN001, ANN201 - AppTest element lists
    found = [w for w in items if w.key and w.key.startswith(prefix)]
    assert found, prefix
    return found[0]


def pick_step(at: AppTest, step_id: str) -> AppTest:
    at.selectbox(key="_polku_ed_step").set_value(step_id)
    return ok(at.run())


def editor_on_step(store: Store, path_id: str, step_id: str) -> AppTest:
    """The editor on a fresh copy of the test path under `path_id`, with the step `step_id` chosen."""
    saved(store, path_id)
    return pick_step(run_ok(EDITOR, path=path_id), step_id)


def retitled(store: Store, path_id: str, step_id: str, title: str) -> AppTest:
    """`editor_on_step`, then that step's Finnish title typed in (not yet saved)."""
    at = editor_on_step(store, path_id, step_id)
    widget(at.text_input, f"_ed_title_fi_{step_id}").input(title)
    return ok(at.run())


def open_section(store: Store, path_id: str, section: str) -> AppTest:
    """The editor on a fresh copy of the test path, with one of its sections open."""
    saved(store, path_id)
    at = run_ok(EDITOR, path=path_id)
    at.segmented_control(key="_polku_ed_section").set_value(section)
    return ok(at.run())


def texts(at: AppTest) -> str:
    parts = []
    for kind in ("title", "subheader", "markdown", "caption", "error", "warning", "success", "info"):
        parts += [element.value for element in getattr(at, kind)]
    return "\n".join(str(p) for p in parts)


def test_step_form_edit_title_toggle_light_bulb_and_save(store: Store) -> None:
    at = editor_on_step(store, "edit-form", "tarve")
    assert "Askel: Tarve tunnistetaan" in texts(at)
    widget(at.text_input, "_ed_title_fi_tarve").input("Tarve huomataan ajoissa")
    ok(at.run())
    bulb = widget(at.toggle, "_ed_coordinator_fi_tarve")
    assert bulb.value is False
    bulb.set_value(True)
    ok(at.run())
    assert "Askel: Tarve huomataan ajoissa" in texts(at)
    assert "1 askel muutettu" in texts(at)
    assert store.latest_version("edit-form") == 1  # nothing is stored before saving
    at.text_input(key="_polku_ed_author").input("Fasilitaattori Fiktiivinen")
    ok(at.run())
    at.button(key="_polku_ed_save").click()
    ok(at.run())
    assert t("editor.save.saved", "fi", version=2) in texts(at)
    assert store.latest_version("edit-form") == 2
    step = store.get_path("edit-form").step("tarve")
    assert step.title.fi == "Tarve huomataan ajoissa"
    assert step.coordinator is True
    newest = store.history("edit-form", "en")[0]
    assert newest.author == "Fasilitaattori Fiktiivinen"
    assert newest.summary == "1 step changed"


def test_a_save_after_someone_elses_save_to_other_steps_keeps_both_without_a_conflict_screen(store: Store) -> None:
    """Three-way merge on the session's base version: they changed one step, I another — both kept."""
    at = retitled(store, "edit-conflict", "kokous", "Verkostokokous koolle")

    # Someone else saves behind this session's back.
    theirs = editing.update_step(store.get_path("edit-conflict"), "seuranta", "fi", title="Seuranta puhelimitse")
    theirs = editing.set_light_bulb(theirs, "seuranta", True)
    assert store.save_path(theirs, "Toinen Fasilitaattori", base_version=1) == 2

    at.button(key="_polku_ed_save").click()
    ok(at.run())
    assert t("editor.save.merged", "fi", version=3, theirs=2) in texts(at)
    assert "tallensi polusta version" not in texts(at)  # no conflict screen
    assert store.latest_version("edit-conflict") == 3
    merged = store.get_path("edit-conflict")
    assert merged.step("kokous").title.fi == "Verkostokokous koolle"
    assert merged.step("seuranta").title.fi == "Seuranta puhelimitse"
    assert merged.step("seuranta").coordinator is True


def test_conflicting_field_is_listed_after_reapplying(store: Store) -> None:
    at = retitled(store, "edit-clash", "tarve", "Minun otsikkoni")
    theirs = editing.update_step(store.get_path("edit-clash"), "tarve", "fi", title="Heidän otsikkonsa")
    store.save_path(theirs, "Toinen", base_version=1)
    at.button(key="_polku_ed_save").click()
    ok(at.run())
    assert "Toinen tallensi polusta version 2, kun muokkasit versiota 1" in texts(at)  # the same field: the screen
    assert store.latest_version("edit-clash") == 2  # nothing of mine was stored
    table = at.dataframe[0].value
    assert "Heidän otsikkonsa" in set(table["Jälkeen"])
    at.button(key="_polku_ed_rebase").click()
    ok(at.run())
    notes = "\n".join(w.value for w in at.warning)
    assert "Minun otsikkoni" in notes and "Heidän otsikkonsa" in notes


def test_undo_and_discard(store: Store) -> None:
    at = retitled(store, "edit-undo", "tarve", "Ensimmäinen muutos")
    widget(at.toggle, "_ed_coordinator_fi_tarve").set_value(True)
    ok(at.run())
    at.button(key="_polku_ed_undo").click()
    ok(at.run())
    assert widget(at.toggle, "_ed_coordinator_fi_tarve").value is False
    assert widget(at.text_input, "_ed_title_fi_tarve").value == "Ensimmäinen muutos"
    at.button(key="_polku_ed_discard").click()
    ok(at.run())
    assert widget(at.text_input, "_ed_title_fi_tarve").value == "Tarve tunnistetaan"
    assert t("editor.save.state_clean", "fi", version=1) in texts(at)


def test_undo_last_save_restores_the_previous_version_as_new(store: Store) -> None:
    at = retitled(store, "edit-undo-save", "kirjaus", "Kirjaus järjestelmään")
    at.button(key="_polku_ed_save").click()
    ok(at.run())
    assert store.get_path("edit-undo-save").step("kirjaus").title.fi == "Kirjaus järjestelmään"
    at.button(key="_polku_ed_undo_save").click()
    ok(at.run())
    assert store.latest_version("edit-undo-save") == 3
    assert store.get_path("edit-undo-save") == store.get_path("edit-undo-save", 1)
    assert t("editor.save.undone", "fi", version=3, old=1) in texts(at)


def test_publishing_needs_no_problems_but_a_draft_may_have_them(store: Store) -> None:
    at = editor_on_step(store, "edit-publish", "seuranta")
    at.button(key="_ed_disconnect_seuranta_loppu").click()
    ok(at.run())
    at.button(key="_ed_disconnect_seuranta_kokous").click()
    ok(at.run())
    assert t("editor.problems.title", "fi", count=1).split("(")[0] in texts(at)
    at.button(key="_polku_ed_publish").click()
    ok(at.run())
    assert t("editor.save.publish_blocked", "fi") in texts(at)
    assert store.latest_version("edit-publish") == 1
    at.button(key="_polku_ed_save").click()
    ok(at.run())
    assert store.latest_version("edit-publish") == 2
    assert store.get_path("edit-publish").status.value == "draft"


def test_connect_with_a_condition_and_add_a_step(store: Store) -> None:
    at = editor_on_step(store, "edit-connect", "tarve")
    at.selectbox(key="_ed_connect_to_tarve").set_value("loppu")
    at.text_input(key="_ed_connect_label_tarve").input("ei tarvetta")
    ok(at.run())
    at.button(key="_ed_connect_tarve").click()
    ok(at.run())
    at.text_input(key="_polku_ed_new_step_title").input("Puhelu asiakkaalle")
    ok(at.run())
    at.button(key="_polku_ed_add_step").click()
    ok(at.run())
    assert "Askel: Puhelu asiakkaalle" in texts(at)
    at.button(key="_polku_ed_save").click()
    ok(at.run())
    path = store.get_path("edit-connect")
    condition = next(tr.condition.fi for tr in path.transitions if (tr.source, tr.target) == ("tarve", "loppu"))
    assert condition == "ei tarvetta"
    assert path.step("puhelu-asiakkaalle").stage == "tunnistus"
    assert ("tarve", "puhelu-asiakkaalle") in {(tr.source, tr.target) for tr in path.transitions}


def test_removing_a_stage_with_steps_says_why(store: Store) -> None:
    at = open_section(store, "edit-stage", "stages")
    at.selectbox(key="_polku_ed_remove_stage").set_value("tunnistus")
    ok(at.run())
    at.button(key="_polku_ed_remove_stage_go").click()
    ok(at.run())
    assert t("editing.error.stage_has_steps", "fi", stage="Tunnistus (tunnistus)", count=2) in texts(at)
    at.selectbox(key="_polku_ed_move_steps_to").set_value("yhteys")
    ok(at.run())
    at.button(key="_polku_ed_remove_stage_go").click()
    ok(at.run())
    assert "vaihe poistettu" in texts(at)
    widget(at.text_input, "_ed_stage_title_yhteys").input("Yhteydenotto ja kirjaus")
    ok(at.run())
    at.button(key="_polku_ed_save").click()
    ok(at.run())
    path = store.get_path("edit-stage")
    assert [s.id for s in path.stages] == ["yhteys", "verkosto", "paatos"]
    assert path.stage("yhteys").title.fi == "Yhteydenotto ja kirjaus"


def test_new_blank_path_is_created_and_saved(store: Store) -> None:
    at = run_ok(EDITOR)
    at.text_input(key="_polku_ed_new_title").input("Kokeilupolku")
    ok(at.run())
    at.button(key="_polku_ed_create").click()
    ok(at.run())
    assert at.title[0].value == t("editor.title", "fi", name="Kokeilupolku")
    assert t("editor.save.state_new", "fi") in texts(at)
    at.button(key="_polku_ed_save").click()
    ok(at.run())
    path = store.get_path("kokeilupolku")
    assert path is not None and path.title.fi == "Kokeilupolku" and len(path.stages) == 1


def test_editor_in_swedish(store: Store) -> None:
    saved(store, "edit-sv")
    at = run_ok(EDITOR, path="edit-sv", lang="sv")
    assert at.title[0].value.startswith("Redigera:")
    pick_step(at, "tarve")
    widget(at.text_input, "_ed_title_sv_tarve").input("Behovet upptäcks")
    ok(at.run())
    at.button(key="_polku_ed_save").click()
    ok(at.run())
    title = store.get_path("edit-sv").step("tarve").title
    assert (title.fi, title.sv) == ("Tarve tunnistetaan", "Behovet upptäcks")


def test_history_lists_compares_and_restores(store: Store) -> None:
    saved(store, "edit-history")
    changed = editing.set_light_bulb(store.get_path("edit-history"), "tarve", True)
    store.save_path(changed, "Toinen", base_version=1)
    at = run_ok(HISTORY, path="edit-history", lang="en")
    versions = at.dataframe[0].value
    assert list(versions["Version"]) == [2, 1]
    assert list(versions["Saved by"]) == ["Toinen", "Alkuperäinen"]
    diff = at.dataframe[1].value
    assert list(diff["Field"]) == ["coordinator's step 💡"]
    assert (diff["Before"][0], diff["After"][0]) == ("no", "yes")
    at.selectbox(key="_polku_hist_restore").set_value(1)
    ok(at.run())
    at.button(key="_polku_hist_restore_go").click()
    ok(at.run())
    assert t("history_page.restored", "en", old=1, version=3) in texts(at)
    assert store.latest_version("edit-history") == 3
    assert store.get_path("edit-history").step("tarve").coordinator is False
    assert store.history("edit-history", "en")[0].summary == t("store.summary.restored", "en", version=1)


def test_the_editors_problems_blueprint_and_diagram_are_made_once_per_state_of_the_edit() -> None:
    """A rerun that leaves the edit as it was reuses them; an edit, an undo or another language makes them anew."""
    from paths.editing.session import EditSession as Edit

    path = branching_path()
    edit = Edit(path_id=path.id, base_version=1, base=path, path=path)
    made: list[tuple[str, str]] = []

    def make(lang: str):  # noqa: ANN202 - a small factory for the test
        def title(current) -> str:  # noqa: ANN001
            made.append((current.title.fi, lang))
            return f"{current.title.fi}/{lang}"
        return title

    assert edit.derive("problems", "fi", make("fi")) == f"{path.title.fi}/fi"
    assert edit.derive("problems", "fi", make("fi")) == f"{path.title.fi}/fi"
    assert len(made) == 1  # the second rerun drew from the first
    edit.derive("problems", "sv", make("sv"))
    assert len(made) == 2
    edit.path = editing.update_path(path, "fi", title="Uusi nimi")
    assert edit.derive("problems", "fi", make("fi")) == "Uusi nimi/fi"
    edit.path = path  # undo: the old object again, but what is kept belongs to the newer one
    assert edit.derive("problems", "fi", make("fi")) == f"{path.title.fi}/fi"
    assert len(made) == 4


def test_contacts_are_added_marked_as_examples_checked_removed_and_saved(store: Store) -> None:
    at = open_section(store, "edit-contacts", "contacts")
    at.text_input(key="_polku_ed_new_contact_label").input("Asiakasvastaava")
    at.text_input(key="_polku_ed_new_contact_phone").input("040 000 0000")
    at.checkbox(key="_polku_ed_new_contact_placeholder").check()
    ok(at.run())
    at.button(key="_polku_ed_add_contact").click()
    ok(at.run())
    assert widget(at.text_input, "_ed_contact_label_").value == "Asiakasvastaava"
    assert widget(at.checkbox, "_ed_contact_placeholder_").value is True

    widget(at.text_input, "_ed_contact_email_").input("ei osoite")
    ok(at.run())
    assert t("editing.error.bad_email", "fi") in texts(at)  # one sentence, and nothing changed
    widget(at.text_input, "_ed_contact_email_").input("asiakasvastaava@example.fi")
    ok(at.run())

    at.text_input(key="_polku_ed_author").input("Fasilitaattori Fiktiivinen")
    at.button(key="_polku_ed_save").click()
    ok(at.run())
    (contact,) = store.get_path("edit-contacts").contacts
    assert (contact.label.fi, contact.phone, contact.email, contact.placeholder) == (
        "Asiakasvastaava", "040 000 0000", "asiakasvastaava@example.fi", True,
    )

    widget(at.button, "_ed_contact_remove_").click()
    ok(at.run())
    assert not [w for w in at.text_input if w.key and w.key.startswith("_ed_contact_label_")]


def test_the_transfer_section_offers_the_sheet_formats_and_builds_no_file_on_a_rerun(store: Store) -> None:
    at = open_section(store, "ari", "transfer")
    buttons = {button.proto.label for button in at.get("download_button")}
    assert {t("editor.transfer.csv", "fi"), t("editor.transfer.xlsx", "fi"), t("editor.transfer.ods", "fi")} <= buttons
    [uploader] = at.get("file_uploader")
    assert {".csv", ".xlsx", ".ods"} <= set(uploader.proto.type)
    assert all(not button.proto.url for button in at.get("download_button"))  # made only when pressed
