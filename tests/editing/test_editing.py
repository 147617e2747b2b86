"""Edits as pure functions, the bulk-edit table, and re-applying an edit on top of another save."""

from __future__ import annotations

import pytest

from paths.editing import edits as editing
from paths.editing.common import EditError
from paths.editing.merge import rebase
from paths.editing.step_table import apply_step_table, step_table
from paths.model.diff import diff_paths
from paths.model.schema import ActorGroup, AudienceView, Channel, StepKind
from paths.model.validation import validate
from tests.support.factories import branching_path


def error_key(fn, *args, **kwargs) -> str:  # noqa: ANN001 - test helper
    with pytest.raises(EditError) as info:
        fn(*args, **kwargs)
    assert info.value.message("fi") != info.value.message("en")
    return info.value.key


# --- stages -----------------------------------------------------------------------------------


def test_edits_never_change_their_input() -> None:
    path = branching_path()
    before = path.model_dump()
    editing.add_stage(path, "Uusi")
    editing.update_step(path, "tarve", title="Muu")
    editing.remove_step(path, "kirjaus")
    editing.connect(path, "tarve", "loppu", "oikotie")
    editing.set_light_bulb(path, "tarve", True)
    assert path.model_dump() == before


def test_add_rename_reorder_and_remove_stages() -> None:
    path = editing.add_stage(branching_path(), "Jälkiseuranta", "fi")
    assert path.stages[-1].id == "jalkiseuranta"
    path = editing.add_stage(path, "Alku", "fi", index=0)
    assert path.stages[0].title.fi == "Alku"
    path = editing.rename_stage(path, "alku", "Början", "sv")
    assert (path.stage("alku").title.fi, path.stage("alku").title.sv) == ("Alku", "Början")
    path = editing.move_stage(path, "alku", 99)
    assert path.stages[-1].id == "alku"
    path = editing.remove_stage(path, "alku")
    assert path.stage("alku") is None
    assert error_key(editing.add_stage, path, "  ") == "empty_title"
    assert error_key(editing.add_stage, path, "X", stage_id="tunnistus") == "duplicate_id"


def test_removing_a_stage_with_steps_needs_a_target_stage() -> None:
    path = branching_path()
    assert error_key(editing.remove_stage, path, "tunnistus") == "stage_has_steps"
    with pytest.raises(EditError) as info:
        editing.remove_stage(path, "tunnistus")
    assert "2" in info.value.message("en") and "Tunnistus" in info.value.message("en")
    moved = editing.remove_stage(path, "tunnistus", move_steps_to="yhteys")
    assert moved.stage("tunnistus") is None
    assert moved.step("tarve").stage == "yhteys" and moved.step("kirjaus").stage == "yhteys"
    assert len(moved.steps) == len(path.steps)
    assert error_key(editing.remove_stage, path, "tunnistus", move_steps_to="tunnistus") == "move_to_same_stage"
    assert error_key(editing.remove_stage, path, "olematon") == "unknown_stage"


# --- steps ------------------------------------------------------------------------------------


def test_add_update_move_and_remove_steps() -> None:
    path = branching_path()
    path = editing.add_step(path, "yhteys", "Puhelu", "fi", after="kirjaus", kind=StepKind.contact,
                            actors=["asiakas"], channels=[Channel.phone])
    assert [s.id for s in path.steps][:3] == ["tarve", "kirjaus", "puhelu"]
    assert path.step("puhelu").kind == StepKind.contact
    path = editing.update_step(path, "puhelu", "sv", title="Samtal", client_text="Du ringer.")
    step = path.step("puhelu")
    assert (step.title.fi, step.title.sv, step.client_text.sv) == ("Puhelu", "Samtal", "Du ringer.")
    path = editing.update_step(path, "puhelu", audience="professionals", actors=["sote", "asiakas", "sote"])
    assert path.step("puhelu").actors == ["sote", "asiakas"]
    assert path.step("puhelu").responsible == "sote"
    path = editing.move_step(path, "puhelu", stage_id="verkosto", index=0)
    assert path.steps[0].id == "puhelu" and path.steps[0].stage == "verkosto"
    assert error_key(editing.update_step, path, "puhelu", actors=["tuntematon"]) == "unknown_actor"
    assert error_key(editing.update_step, path, "puhelu", stage="tuntematon") == "unknown_stage"
    assert error_key(editing.update_step, path, "puhelu", kind="kahvi") == "bad_value"
    assert error_key(editing.update_step, path, "olematon", title="x") == "unknown_step"
    assert error_key(editing.add_step, path, "yhteys", "Puhelu", step_id="puhelu") == "duplicate_id"


def test_a_step_title_cannot_be_emptied_in_every_language() -> None:
    path = branching_path()
    assert error_key(editing.update_step, path, "tarve", "fi", title="  ") == "empty_title"
    path = editing.update_step(path, "tarve", "sv", title="Behov")
    emptied = editing.update_step(path, "tarve", "fi", title="")
    assert (emptied.step("tarve").title.fi, emptied.step("tarve").title.sv) == ("", "Behov")


def test_removing_a_step_removes_its_transitions_and_view_references() -> None:
    path = branching_path().model_copy(update={"views": {"client": AudienceView(hidden_steps=["kirjaus", "tarve"])}})
    removed = editing.remove_step(path, "kirjaus")
    assert removed.step("kirjaus") is None
    assert not [t for t in removed.transitions if "kirjaus" in (t.source, t.target)]
    assert removed.views["client"].hidden_steps == ["tarve"]
    bridged = editing.remove_step(path, "kirjaus", bridge=True)
    assert ("tarve", "yhteydenotto") in {(t.source, t.target) for t in bridged.transitions}
    assert validate(bridged) == []


def test_rename_step_id_follows_transitions() -> None:
    path = editing.rename_step_id(branching_path(), "kokous", "verkostokokous")
    assert path.step("kokous") is None
    edges = {(t.source, t.target) for t in path.transitions}
    assert {("yhteydenotto", "verkostokokous"), ("verkostokokous", "seuranta"), ("seuranta", "verkostokokous")} <= edges
    assert error_key(editing.rename_step_id, path, "tarve", "loppu") == "duplicate_id"
    assert error_key(editing.rename_step_id, path, "tarve", "ä ä") == "bad_id"


def test_light_bulb() -> None:
    path = editing.set_light_bulb(branching_path(), "tarve", True)
    assert path.step("tarve").coordinator is True
    assert editing.set_light_bulb(path, "tarve", False).step("tarve").coordinator is False


# --- transitions ------------------------------------------------------------------------------


def test_connect_disconnect_and_relabel() -> None:
    path = editing.connect(branching_path(), "tarve", "loppu", "ei tarvetta", "fi")
    added = next(t for t in path.transitions if (t.source, t.target) == ("tarve", "loppu"))
    assert added.condition.fi == "ei tarvetta"
    path = editing.connect(path, "tarve", "loppu", "inget behov", "sv")
    again = [t for t in path.transitions if (t.source, t.target) == ("tarve", "loppu")]
    assert len(again) == 1 and (again[0].condition.fi, again[0].condition.sv) == ("ei tarvetta", "inget behov")
    path = editing.disconnect(path, "tarve", "loppu")
    assert ("tarve", "loppu") not in {(t.source, t.target) for t in path.transitions}
    assert error_key(editing.disconnect, path, "tarve", "loppu") == "not_connected"
    assert error_key(editing.connect, path, "tarve", "olematon") == "unknown_step"


def test_loops_are_allowed() -> None:
    path = editing.connect(branching_path(), "loppu", "kokous", "uusi tarve")
    assert ("loppu", "kokous") in {(t.source, t.target) for t in path.transitions}


# --- actors -----------------------------------------------------------------------------------


def test_actors_add_rename_regroup_and_remove() -> None:
    path = editing.add_actor(branching_path(), "Kela")
    assert path.actor("kela").group == ActorGroup.organisation
    path = editing.add_actor(path, "Asiakaskoordinaattori")
    assert path.actor("asiakaskoordinaattori").group == ActorGroup.coordinator
    path = editing.update_actor(path, "kela", name="FPA", lang="sv", group="professional")
    assert (path.actor("kela").name.sv, path.actor("kela").group) == ("FPA", ActorGroup.professional)
    path = editing.remove_actor(path, "kela")
    assert path.actor("kela") is None


def test_removing_an_actor_in_use_names_the_steps() -> None:
    with pytest.raises(EditError) as info:
        editing.remove_actor(branching_path(), "asiakas")
    assert info.value.key == "actor_in_use"
    assert "Verkostokokous" in info.value.message("fi") and "Tarve tunnistetaan" in info.value.message("fi")


def test_contacts_add_update_mark_and_remove() -> None:
    path = editing.add_contact(branching_path(), "Asiakasvastaava", phone=" 040 000 0000 ", placeholder=True)
    contact = path.contact("asiakasvastaava")
    assert (contact.label.fi, contact.phone, contact.email, contact.placeholder) == (
        "Asiakasvastaava", "040 000 0000", "", True)
    path = editing.update_contact(path, "asiakasvastaava", label="Klientansvarig", lang="sv",
                                  email="vastaava@example.fi", placeholder=False)
    contact = path.contact("asiakasvastaava")
    assert (contact.label.fi, contact.label.sv, contact.email, contact.placeholder) == (
        "Asiakasvastaava", "Klientansvarig", "vastaava@example.fi", False)
    assert [change.kind for change in diff_paths(branching_path(), path).changes] == ["contact"]
    assert editing.remove_contact(path, "asiakasvastaava").contacts == []


@pytest.mark.parametrize(("email", "phone", "key"), [
    ("ei osoite", "", "bad_email"),
    ("a@b", "", "bad_email"),
    ("", "soita minulle", "bad_phone"),
    ("", "12", "bad_phone"),
])
def test_a_contact_with_a_malformed_email_or_phone_is_refused(email: str, phone: str, key: str) -> None:
    path = editing.add_contact(branching_path(), "Asiakasvastaava")
    with pytest.raises(EditError) as info:
        editing.update_contact(path, "asiakasvastaava", email=email, phone=phone)
    assert info.value.key == key
    with pytest.raises(EditError):
        editing.add_contact(branching_path(), "Toinen", email=email, phone=phone)
    with pytest.raises(EditError) as info:
        editing.add_contact(branching_path(), "   ")
    assert info.value.key == "empty_title"


def test_removing_a_contact_in_use_names_the_steps() -> None:
    path = editing.add_contact(branching_path(), "Asiakasvastaava")
    path = editing.update_step(path, "kokous", "fi", contacts=["asiakasvastaava"])
    with pytest.raises(EditError) as info:
        editing.remove_contact(path, "asiakasvastaava")
    assert info.value.key == "contact_in_use"
    assert "Verkostokokous" in info.value.message("fi")
    with pytest.raises(EditError) as info:
        editing.update_contact(path, "ei-ole", label="x")
    assert info.value.key == "unknown_contact"


# --- the table --------------------------------------------------------------------------------


def test_table_round_trip_changes_nothing() -> None:
    path = branching_path()
    for lang in ("fi", "sv", "en"):
        assert apply_step_table(path, step_table(path, lang), lang) == path


def test_table_edit_a_title_add_a_row_and_delete_a_row() -> None:
    path = branching_path()
    table = step_table(path, "fi")
    table.loc[table["id"] == "tarve", "title"] = "Tarve huomataan"
    table.loc[table["id"] == "tarve", "coordinator"] = True
    table.loc[table["id"] == "kirjaus", "next"] = "Puhelu"
    table = table[table["id"] != "seuranta"]
    table.loc[len(table) + 10] = {
        "id": None, "stage": "yhteys", "title": "Puhelu", "description": "", "client_text": "Sinulle soitetaan.",
        "actors": ["koordinaattori"], "kind": "contact", "coordinator": True, "audience": "everyone",
        "channels": ["phone"], "next": "yhteydenotto",
    }
    new = apply_step_table(path, table, "fi")
    assert new.step("tarve").title.fi == "Tarve huomataan" and new.step("tarve").coordinator
    assert new.step("seuranta") is None
    assert new.step("puhelu").client_text.fi == "Sinulle soitetaan."
    edges = {(t.source, t.target) for t in new.transitions}
    assert ("kirjaus", "puhelu") in edges and ("puhelu", "yhteydenotto") in edges
    assert not [e for e in edges if "seuranta" in e]
    diff = diff_paths(path, new)
    assert diff.counts()[("step", "added")] == 1 and diff.counts()[("step", "removed")] == 1


def test_table_keeps_other_languages_and_condition_translations() -> None:
    path = branching_path()
    table = step_table(path, "sv")
    table.loc[table["id"] == "yhteydenotto", "title"] = "Kontakt"
    new = apply_step_table(path, table, "sv")
    assert (new.step("yhteydenotto").title.fi, new.step("yhteydenotto").title.sv) == ("Yhteydenotto", "Kontakt")
    condition = next(t.condition for t in new.transitions if t.target == "kokous" and t.source == "yhteydenotto")
    assert condition.fi == "Tarvitaan useita palveluita" and condition.en == "Several services needed"


@pytest.mark.parametrize(
    ("change", "key"),
    [
        ({"id": "kirjaus"}, "table_duplicate_id"),
        ({"id": "ä ö"}, "table_bad_id"),
        ({"stage": "olematon"}, "table_unknown_stage"),
        ({"actors": ["olematon"]}, "table_unknown_actor"),
        ({"next": "olematon"}, "table_unknown_next"),
        ({"kind": "kahvi"}, "table_bad_value"),
        ({"title": "", "id": None}, "table_no_title"),
    ],
)
def test_table_errors_name_the_row(change: dict, key: str) -> None:
    path = branching_path()
    rows = step_table(path, "fi").to_dict("records")
    rows[2].update(change)
    with pytest.raises(EditError) as info:
        apply_step_table(path, rows, "fi")
    assert info.value.key == key
    assert info.value.params["row"] == 3


def test_table_accepts_names_for_stage_actors_and_kind_words() -> None:
    path = branching_path()
    rows = step_table(path, "fi").to_dict("records")
    rows[0].update({"stage": "Yhteys", "actors": "Koordinaattori; Asiakas", "kind": "päätös", "next": "Kirjaus"})
    new = apply_step_table(path, rows, "fi")
    step = new.step("tarve")
    assert (step.stage, step.actors, step.kind) == ("yhteys", ["koordinaattori", "asiakas"], StepKind.decision)


# --- rebase -----------------------------------------------------------------------------------


def test_rebase_without_overlap_keeps_both_edits() -> None:
    base = branching_path()
    theirs = editing.update_step(base, "tarve", title="Tarve huomataan")
    theirs = editing.add_step(theirs, "verkosto", "Heidän askeleensa")
    mine = editing.set_light_bulb(base, "kirjaus", True)
    mine = editing.update_step(mine, "tarve", "sv", title="Behov")
    merged, conflicts = rebase(base, mine, theirs)
    assert conflicts == []
    assert merged.step("tarve").title.fi == "Tarve huomataan"
    assert merged.step("tarve").title.sv == "Behov"
    assert merged.step("kirjaus").coordinator is True
    assert merged.step("heidan-askeleensa") is not None
    assert diff_paths(theirs, merged).counts() == {("step", "changed"): 2}


def test_rebase_same_field_changed_differently_is_a_conflict_and_keeps_mine() -> None:
    base = branching_path()
    theirs = editing.update_step(base, "tarve", title="Heidän otsikkonsa")
    mine = editing.update_step(base, "tarve", title="Minun otsikkoni")
    merged, conflicts = rebase(base, mine, theirs)
    assert merged.step("tarve").title.fi == "Minun otsikkoni"
    assert [(c.kind, c.item, c.field, c.lang) for c in conflicts] == [("step", "tarve", "title", "fi")]
    message = conflicts[0].message(merged, "en")
    assert "Minun otsikkoni" in message and "Heidän otsikkonsa" in message


def test_rebase_same_change_on_both_sides_is_no_conflict() -> None:
    base = branching_path()
    both = editing.set_light_bulb(base, "tarve", True)
    merged, conflicts = rebase(base, both, both)
    assert conflicts == [] and merged == both


def test_rebase_removed_by_them_but_changed_by_me_comes_back() -> None:
    base = branching_path()
    theirs = editing.remove_step(base, "seuranta")
    mine = editing.update_step(base, "seuranta", title="Seuranta kuukauden päästä")
    merged, conflicts = rebase(base, mine, theirs)
    assert merged.step("seuranta").title.fi == "Seuranta kuukauden päästä"
    assert [c.reason for c in conflicts] == ["removed_by_them"]
    # Their removal took the transitions; my side did not touch them, so they stay removed.
    assert not [t for t in merged.transitions if "seuranta" in (t.source, t.target)]


def test_rebase_removed_by_me_but_changed_by_them_stays_removed_and_is_listed() -> None:
    base = branching_path()
    theirs = editing.update_step(base, "seuranta", title="Heidän muutoksensa")
    mine = editing.remove_step(base, "seuranta")
    merged, conflicts = rebase(base, mine, theirs)
    assert merged.step("seuranta") is None
    assert "removed_by_me" in [c.reason for c in conflicts]


def test_rebase_repairs_references() -> None:
    base = branching_path()
    theirs = editing.remove_stage(base, "verkosto", move_steps_to="paatos")
    theirs = editing.remove_step(theirs, "kirjaus")
    mine = editing.add_step(base, "verkosto", "Uusi verkostoaskel")
    mine = editing.connect(mine, "kirjaus", "uusi-verkostoaskel")
    merged, conflicts = rebase(base, mine, theirs)
    assert merged.stage("verkosto") is not None
    assert merged.step("uusi-verkostoaskel").stage == "verkosto"
    assert merged.step("kirjaus") is None
    assert not [t for t in merged.transitions if "kirjaus" in (t.source, t.target)]
    reasons = sorted(c.reason for c in conflicts)
    assert reasons == ["dropped", "restored"]
    for conflict in conflicts:
        assert conflict.message(merged, "sv")


def test_rebase_stage_order() -> None:
    base = branching_path()
    theirs = editing.add_stage(base, "Heidän vaiheensa")
    mine = editing.move_stage(base, "paatos", 0)
    merged, conflicts = rebase(base, mine, theirs)
    assert [s.id for s in merged.stages] == ["paatos", "tunnistus", "yhteys", "verkosto", "heidan-vaiheensa"]
    assert conflicts == []
    theirs = editing.move_stage(base, "tunnistus", 3)
    merged, conflicts = rebase(base, mine, theirs)
    assert [c.reason for c in conflicts] == ["order"]
    assert merged.stages[0].id == "paatos"


def test_rebase_keeps_their_reorder_when_i_only_added() -> None:
    base = branching_path()
    theirs = editing.move_stage(base, "paatos", 0)
    mine = editing.add_stage(base, "Oma vaihe", index=1)
    merged, conflicts = rebase(base, mine, theirs)
    assert [s.id for s in merged.stages] == ["paatos", "tunnistus", "oma-vaihe", "yhteys", "verkosto"]
    assert conflicts == []
