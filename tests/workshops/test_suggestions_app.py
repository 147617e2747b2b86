"""The wall's suggestions through AppTest on a real SQLite store (demo mode): side by side, accept, decline
with a reason, out of date; and the participant's form refusing what the server refuses."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from paths.i18n.catalog import t
from paths.store.library import Store, get_store
from paths.workshops.changes import Change
from paths.workshops.suggestions import SuggestionStore
from paths.workshops.workshop import WorkshopStore, new_participant_token
from tests.support.factories import branching_path

FACILITATOR = "from components.workshop_page import workshop_facilitator_page\nworkshop_facilitator_page()\n"
TIMEOUT = 60


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Store]:
    url = f"sqlite:///{tmp_path / 'polku.db'}"
    monkeypatch.setenv("POLKU_DATABASE_URL", url)
    monkeypatch.setenv("POLKU_PERSONAL_DATABASE_URL", f"sqlite:///{tmp_path / 'personal.db'}")
    monkeypatch.setenv("POLKU_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("POLKU_AUTH", raising=False)
    opened = get_store(url)
    opened.ensure_seeded()
    opened.save_path(branching_path(), "Testaaja")
    yield opened


def wall(workshop_id: int) -> AppTest:
    at = AppTest.from_string(FACILITATOR, default_timeout=TIMEOUT)
    at.query_params["workshop"] = str(workshop_id)
    return ok(at.run())


def ok(at: AppTest) -> AppTest:
    assert not at.exception, [e.value for e in at.exception]
    return at


def texts(at: AppTest) -> str:
    kinds = ("markdown", "caption", "success", "error", "info")
    return "\n".join(str(element.value) for kind in kinds for element in getattr(at, kind))


def test_the_wall_accepts_declines_and_marks_out_of_date(store: Store) -> None:
    ws = WorkshopStore(store)
    sg = SuggestionStore(ws)
    workshop = ws.open_workshop("testipolku", "Testaaja", "professional")
    rename = sg.suggest(workshop.id, new_participant_token(), Change("rename", "step", "tarve", title="Uusi nimi"),
                        display_name="Maija")
    bulb = sg.suggest(workshop.id, new_participant_token(), Change("bulb", "step", "tarve", on=True))
    other = sg.suggest(workshop.id, new_participant_token(), Change("bulb", "step", "kirjaus", on=True))
    at = wall(workshop.id)
    shown = texts(at)
    assert t("suggest.overlap", "fi", count=2) in shown  # the two on "tarve", side by side
    assert "Maija" in shown and t("suggest.a_participant", "fi") in shown

    at.button(key=f"_polku_sg_accept_{rename.id}").click()
    ok(at.run())
    assert t("suggest.accepted", "fi", version=2) in texts(at)
    assert store.get_path("testipolku").step("tarve").title.fi == "Uusi nimi"
    assert at.button(key=f"_polku_sg_accept_{bulb.id}").disabled  # its step changed since: out of date
    assert t("suggest.status.out_of_date", "fi") in texts(at)

    at.text_input(key=f"_polku_sg_reason_{other.id}").input("Kirjaus ei ole koordinaattorin työtä")
    at.button(key=f"_polku_sg_decline_{other.id}").click()
    ok(at.run())
    assert sg.get(other.id).status == "declined"
    assert sg.get(other.id).reason == "Kirjaus ei ole koordinaattorin työtä"
    assert store.latest_version("testipolku") == 2
