"""AppTest: on the facilitator's wall a note becomes a pain point of its step, and the room offers the report;
in a personal path the client says how a step felt."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from paths.i18n.catalog import t
from paths.personal.store import PersonalStore
from paths.store.library import Store, get_store
from paths.workshops.workshop import WorkshopStore
from tests.support.apptest import app_databases, ok, run_script
from tests.support.factories import branching_path

FACILITATOR = "from components.workshop_page import workshop_facilitator_page\nworkshop_facilitator_page()\n"
CLIENT = "from components.personal_page import client_page\nclient_page()\n"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """Fresh stores named in the environment (tests/support/apptest.py), with the test path."""
    with app_databases(tmp_path) as (url, _):
        opened = get_store(url)
        opened.ensure_seeded()
        opened.save_path(branching_path(), "Testaaja")
        yield opened


def test_a_note_becomes_a_pain_point_and_the_report_is_offered(store: Store) -> None:
    workshops = WorkshopStore(store)
    workshop = workshops.open_workshop("testipolku", "Testaaja")
    note = workshops.add_note(workshop.id, "p" * 20, "problem", "Soittoa joutuu odottamaan", step_id="tarve")
    at = ok(run_script(FACILITATOR, workshop=str(workshop.id)))
    labels = [button.label for button in at.get("download_button")]
    assert t("report.download_pdf", "fi") in labels and t("report.download_xlsx", "fi") in labels
    at.button(key=f"_polku_promote_pain_points_{note.id}").click()
    ok(at.run())
    assert [p.fi for p in store.get_path("testipolku").step("tarve").pain_points] == ["Soittoa joutuu odottamaan"]
    assert workshops.notes(workshop.id)[0].turned_into_edit
    assert any(t("experience.promote.done_pain_points", "fi") in toast.value for toast in at.toast)


def test_the_client_marks_how_a_step_felt_in_their_own_path(store: Store, tmp_path: Path) -> None:
    personal_store = PersonalStore(f"sqlite:///{tmp_path / 'personal.db'}")
    personal, token = personal_store.create(branching_path(), 1, owner="Olli", display_name="Testi", lang="fi")
    at = ok(run_script(CLIENT, token=token))
    slider = next(s for s in at.select_slider if s.key and s.key.endswith("_s0_feeling"))
    assert slider.label == t("personal.field.feeling", "fi")
    slider.set_value(-1)
    next(b for b in at.button if b.label == t("personal.save", "fi")).click()
    ok(at.run())
    saved = personal_store.get(personal.id)
    first_step = saved.client_steps()[0].id
    assert saved.fill.entry(first_step).feeling == -1
    personal_store.engine.dispose()
