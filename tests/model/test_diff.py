"""Differences between versions: field by field, counted per item, named in three languages."""

from __future__ import annotations

from paths.editing import edits as editing
from paths.formats.files import builtin_paths
from paths.model.diff import diff_paths, flatten, unflatten
from paths.model.schema import Status
from tests.support.factories import branching_path


def test_identical_paths_have_no_changes() -> None:
    path = branching_path()
    diff = diff_paths(path, path.model_copy(deep=True))
    assert not diff
    assert diff.summary("fi") == "ei muutoksia"
    assert diff.summary("en") == "no changes"
    assert diff.rows("en") == []


def test_flatten_and_unflatten_are_inverse_on_the_builtin_paths() -> None:
    for path in [branching_path(), *builtin_paths()]:
        assert unflatten(flatten(path)) == path


def test_added_removed_and_changed_steps_are_counted_once_each() -> None:
    old = branching_path()
    new = editing.add_step(old, "yhteys", "Uusi askel")
    new = editing.add_step(new, "yhteys", "Toinen uusi")
    new = editing.update_step(new, "tarve", "fi", title="Tarve huomataan", kind="contact")
    new = editing.remove_step(new, "kirjaus")
    diff = diff_paths(old, new)
    counts = diff.counts()
    assert counts[("step", "added")] == 2
    assert counts[("step", "removed")] == 1
    assert counts[("step", "changed")] == 1
    assert counts[("transition", "removed")] == 2
    assert diff.summary("en") == "2 steps added, 1 step removed, 1 step changed, 2 transitions removed"
    assert diff.summary("fi") == "2 askelta lisätty, 1 askel poistettu, 1 askel muutettu, 2 siirtymää poistettu"
    assert diff.summary("sv") == "2 steg tillagda, 1 steg borttaget, 1 steg ändrat, 2 övergångar borttagna"


def test_changed_fields_carry_old_and_new_values() -> None:
    old = branching_path()
    new = editing.update_step(old, "tarve", "sv", title="Behovet upptäcks")
    new = editing.set_light_bulb(new, "tarve", True)
    changes = {(c.field, c.lang): (c.old, c.new) for c in diff_paths(old, new).changes}
    assert changes == {("title", "sv"): ("", "Behovet upptäcks"), ("coordinator", ""): (False, True)}


def test_rows_name_items_and_fields_in_the_users_language() -> None:
    old = branching_path()
    new = editing.set_light_bulb(old, "tarve", True)
    new = editing.update_step(new, "tarve", kind="meeting")
    rows = diff_paths(old, new).rows("en")
    assert {row["Field"] for row in rows} == {"coordinator's step 💡", "kind"}
    kind_row = next(row for row in rows if row["Field"] == "kind")
    assert (kind_row["Before"], kind_row["After"]) == ("action", "meeting")
    assert kind_row["Item"] == "Tarve tunnistetaan (tarve)"
    assert kind_row["What"] == "step"
    bulb = next(row for row in rows if row["Field"] != "kind")
    assert (bulb["Before"], bulb["After"]) == ("no", "yes")
    fi_rows = diff_paths(old, new).rows("fi")
    assert set(fi_rows[0]) == {"Mikä", "Kohde", "Muutos", "Kenttä", "Ennen", "Jälkeen"}


def test_transition_condition_change_and_stage_reorder() -> None:
    old = branching_path()
    new = editing.connect(old, "yhteydenotto", "kokous", "Monta palvelua", "fi")
    new = editing.move_stage(new, "paatos", 0)
    diff = diff_paths(old, new)
    assert diff.counts() == {("transition", "changed"): 1, ("stage", "reordered"): 1}
    assert diff.summary("en") == "stages reordered, 1 transition changed"
    change = next(c for c in diff.changes if c.kind == "transition")
    assert (change.item, change.field, change.lang) == ("yhteydenotto→kokous", "condition", "fi")
    assert (change.old, change.new) == ("Tarvitaan useita palveluita", "Monta palvelua")
    order = next(row for row in diff.rows("fi") if row["Muutos"] == "järjestys muutettu")
    assert order["Jälkeen"].startswith("Päättyminen (paatos) →")


def test_actor_names_and_path_details() -> None:
    old = branching_path()
    new = editing.add_actor(old, "Kela", "fi")
    new = editing.update_step(new, "tarve", actors=["asiakas", "kela"])
    new = editing.update_path(new, status=Status.published)
    diff = diff_paths(old, new)
    assert diff.counts() == {("actor", "added"): 1, ("step", "changed"): 1, ("path", "changed"): 1}
    assert diff.summary("en") == "path details changed, 1 step changed, 1 actor added"
    actors_row = next(row for row in diff.rows("en") if row["Field"] == "actors")
    assert (actors_row["Before"], actors_row["After"]) == ("Client, Health", "Client, Kela")
    status_row = next(row for row in diff.rows("sv") if row["Fält"] == "status")
    assert (status_row["Före"], status_row["Efter"]) == ("utkast", "publicerad")


def test_duplicate_ids_in_a_draft_are_all_kept() -> None:
    path = branching_path()
    doubled = path.model_copy(update={"steps": [*path.steps, path.steps[0]]})
    assert unflatten(flatten(doubled)) == doubled
    assert diff_paths(path, doubled).counts() == {("step", "added"): 1}
