"""AppTest: the sign-in form, the demo mode, the participant lock, the participant's note form and
votes, and the facilitator's workshop room, against real SQLite stores."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from components.auth import FACILITATOR_KEY, JOIN_KEY
from paths.accounts.auth import FREE_FAILURES, Accounts
from paths.i18n.catalog import t
from paths.store.library import Store, get_store
from paths.workshops.changes import Change
from paths.workshops.rules import new_participant_token
from paths.workshops.suggestions import SuggestionStore
from paths.workshops.workshop import WorkshopStore
from tests.support.factories import branching_path

APP = str(Path(__file__).resolve().parents[2] / "app.py")
GUARDED = (
    "import streamlit as st\n"
    "from components.auth import require_facilitator\n"
    "name = require_facilitator()\n"
    "st.markdown('SIGNED-IN ' + name)\n"
)
FACILITATOR = "from components.workshop_page import workshop_facilitator_page\nworkshop_facilitator_page()\n"
PASSWORD = "kahvi-ja-kehitysideat"
TIMEOUT = 60


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Store]:
    """A fresh store for each test (the demo mode depends on whether accounts exist), with the test path."""
    url = f"sqlite:///{tmp_path / 'polku.db'}"
    monkeypatch.setenv("POLKU_DATABASE_URL", url)
    monkeypatch.setenv("POLKU_PERSONAL_DATABASE_URL", f"sqlite:///{tmp_path / 'personal.db'}")
    monkeypatch.setenv("POLKU_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("POLKU_AUTH", raising=False)
    opened = get_store(url)
    opened.ensure_seeded()
    opened.save_path(branching_path(), "Testaaja")
    yield opened


def run(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def app(script: str | None = None, **params: str) -> AppTest:
    if script:
        at = AppTest.from_string(script, default_timeout=TIMEOUT)
    else:
        at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    for name, value in params.items():
        at.query_params[name] = value
    return at


def texts(at: AppTest) -> str:
    parts = [e.value for kind in ("title", "header", "subheader", "markdown", "caption") for e in getattr(at, kind)]
    parts += [e.value for kind in ("error", "warning", "info", "success") for e in getattr(at, kind)]
    return "\n".join(str(part) for part in parts)


def submit(at: AppTest, label_key: str) -> AppTest:
    button = next(b for b in at.button if b.label == t(label_key, "fi"))
    button.click()
    return run(at)


# -- signing in ------------------------------------------------------------------------------------


def test_the_sign_in_form_lets_a_facilitator_in_and_refuses_a_wrong_password(store: Store) -> None:
    Accounts(store).add_user("Fasilitaattori", PASSWORD)
    at = run(app(GUARDED))
    assert t("auth.sign_in_title", "fi") in texts(at)
    assert "SIGNED-IN" not in texts(at), "the page behind the guard is not drawn"

    at.text_input(key="_polku_sign_in_name").input("Fasilitaattori")
    at.text_input(key="_polku_sign_in_password").input("väärä salasana")
    submit(at, "auth.sign_in")
    assert [e.value for e in at.error] == [t("auth.error.wrong", "fi")]
    assert "SIGNED-IN" not in texts(at)

    at.text_input(key="_polku_sign_in_password").input(PASSWORD)
    submit(at, "auth.sign_in")
    assert "SIGNED-IN Fasilitaattori" in texts(at)
    assert at.session_state[FACILITATOR_KEY] == "Fasilitaattori"


def test_repeated_failures_are_refused_with_a_wait(store: Store) -> None:
    Accounts(store).add_user("Fasilitaattori", PASSWORD)
    at = run(app(GUARDED))
    at.text_input(key="_polku_sign_in_name").input("Fasilitaattori")
    for _ in range(FREE_FAILURES):
        at.text_input(key="_polku_sign_in_password").input("väärä salasana")
        submit(at, "auth.sign_in")
    assert "5" in at.error[0].value
    at.text_input(key="_polku_sign_in_password").input(PASSWORD)
    submit(at, "auth.sign_in")
    assert at.error[0].value.startswith(t("auth.error.throttled", "fi", seconds=5)[:30])
    assert "SIGNED-IN" not in texts(at), "the right password waits too"


def test_a_removed_account_is_signed_out(store: Store) -> None:
    accounts = Accounts(store)
    accounts.add_user("Fasilitaattori", PASSWORD)
    accounts.add_user("Toinen", PASSWORD)
    at = app(GUARDED)
    at.session_state[FACILITATOR_KEY] = "Fasilitaattori"
    assert "SIGNED-IN Fasilitaattori" in texts(run(at))
    accounts.remove_user("Fasilitaattori")
    assert "SIGNED-IN" not in texts(run(at))
    assert t("auth.sign_in_title", "fi") in texts(at)


def test_without_accounts_the_app_is_a_labelled_demo(store: Store) -> None:
    at = run(app(GUARDED))
    assert f"SIGNED-IN {t('auth.demo_name', 'fi')}" in texts(at)
    full = run(app())
    assert [w.value for w in full.warning][:1] == [t("auth.demo_banner", "fi")]
    assert "Demo mode: no sign-in, do not enter real personal data" in t("auth.demo_banner", "en")


def test_local_mode_without_accounts_is_not_a_demo(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POLKU_AUTH", "local")
    at = run(app(GUARDED))
    assert "SIGNED-IN" not in texts(at)
    assert t("auth.no_accounts", "fi") in texts(at)
    assert not [w for w in run(app()).warning if w.value == t("auth.demo_banner", "fi")]


def test_organisation_sign_in_without_configuration_shows_a_button_not_the_page(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only the mode switch is testable here: a real identity provider is needed for st.login itself."""
    monkeypatch.setenv("POLKU_AUTH", "oidc")
    at = run(app(GUARDED))
    assert "SIGNED-IN" not in texts(at)
    assert [b.label for b in at.button] == [t("auth.oidc_button", "fi")]


# -- participants ----------------------------------------------------------------------------------


def registered_pages(at: AppTest) -> set[str]:
    return set(at.session_state["_polku_pages"])


def test_a_join_code_opens_only_the_participant_view_whatever_the_url(store: Store) -> None:
    workshop = WorkshopStore(store).open_workshop("testipolku", "Testaaja")
    full = run(app())
    assert {"library", "workshop", "join"} <= registered_pages(full)

    at = run(app(join=workshop.code.lower(), path="testipolku"))
    assert registered_pages(at) == {"join"}
    assert at.title[0].value == "Testipolku"
    assert t("workshop.note.title", "fi") in texts(at)
    assert at.session_state[JOIN_KEY] == workshop.code

    # Without ?join= the session still holds the join: still only the participant view.
    del at.query_params["join"]
    at.query_params["workshop"] = str(workshop.id)
    run(at)
    assert registered_pages(at) == {"join"}
    assert t("workshop.open.title", "fi") not in texts(at)

    # A facilitator page called directly refuses as well.
    guarded = app(GUARDED)
    guarded.session_state[JOIN_KEY] = workshop.code
    run(guarded)
    assert [e.value for e in guarded.error] == [t("auth.participant_refused", "fi")]
    assert "SIGNED-IN" not in texts(guarded)

    # Once the workshop is closed, the old join no longer locks the session.
    WorkshopStore(store).close(workshop.id)
    run(at)
    assert {"library", "workshop", "join"} <= registered_pages(at)


def test_an_unknown_code_says_so_and_offers_the_code_form(store: Store) -> None:
    at = run(app(join="ZZZZZZ"))
    assert registered_pages(at) == {"join"}
    assert [e.value for e in at.error] == [t("workshop.join.not_found", "fi")]
    assert at.text_input[0].label == t("workshop.join.code", "fi")


def test_the_participant_note_form_stores_a_note(store: Store) -> None:
    workshops = WorkshopStore(store)
    workshop = workshops.open_workshop("testipolku", "Testaaja", audience="client")
    at = run(app(join=workshop.code))
    target = at.selectbox(key="_polku_note_target")
    step_label = t("workshop.note.target_step", "fi", step="Kirjaus")
    assert step_label not in target.options, "a back-office step is not in the client view"
    assert target.options[:2] == [
        t("workshop.note.target_stage", "fi", stage="Tunnistus"),
        t("workshop.note.target_step", "fi", step="Tarve tunnistetaan"),
    ]

    submit(at, "workshop.note.submit")
    assert [e.value for e in at.error] == [t("workshop.error.target", "fi")]

    at.selectbox(key="_polku_note_target").set_value("step:tarve")
    at.radio(key="_polku_note_kind").set_value("problem")
    at.text_area(key="_polku_note_text").input("Jono on pitkä <b>ja</b> [linkki](http://x)")
    next(w for w in at.text_input if w.label == t("workshop.note.name", "fi")).input("Aino")
    submit(at, "workshop.note.submit")
    assert [s.value for s in at.success] == [t("workshop.note.saved", "fi")]
    notes = workshops.notes(workshop.id)
    assert [(n.step_id, n.kind, n.text, n.display_name) for n in notes] == [
        ("tarve", "problem", "Jono on pitkä <b>ja</b> [linkki](http://x)", "Aino")
    ]
    shown = texts(at)
    assert "Jono on pitkä \\<b\\>ja\\</b\\> \\[linkki\\]\\(http\\:" in shown, "the note is shown escaped"

    at.selectbox(key="_polku_note_target").set_value("stage:yhteys")
    at.text_area(key="_polku_note_text").input("   ")
    submit(at, "workshop.note.submit")
    assert [e.value for e in at.error] == [t("workshop.error.empty_note", "fi")]
    assert len(workshops.notes(workshop.id)) == 1


def test_participants_vote_up_to_the_limit(store: Store) -> None:
    workshops = WorkshopStore(store)
    workshop = workshops.open_workshop("testipolku", "Testaaja", votes_per_participant=1)
    at = run(app(join=workshop.code))
    assert t("workshop.vote.left", "fi", left=1, total=1) in texts(at)
    at.button(key="_polku_vote_step_tarve").click()
    run(at)
    assert workshops.step_votes(workshop.id) == {"tarve": 1}
    assert t("workshop.vote.left", "fi", left=0, total=1) in texts(at)
    assert at.button(key="_polku_vote_step_seuranta").disabled
    at.button(key="_polku_unvote_step_tarve").click()
    run(at)
    assert workshops.step_votes(workshop.id) == {}


def test_a_closed_workshop_thanks_the_participant(store: Store) -> None:
    workshops = WorkshopStore(store)
    workshop = workshops.open_workshop("testipolku", "Testaaja")
    at = run(app(join=workshop.code))
    workshops.close(workshop.id)
    at.text_area(key="_polku_note_text").input("Myöhässä")
    at.selectbox(key="_polku_note_target").set_value("step:tarve")
    submit(at, "workshop.note.submit")
    assert [i.value for i in at.info] == [t("workshop.join.closed", "fi")]
    assert workshops.notes(workshop.id) == []


# -- the facilitator's room ------------------------------------------------------------------------


def test_the_facilitator_opens_a_workshop_and_sees_notes_on_the_wall(store: Store) -> None:
    workshops = WorkshopStore(store)
    at = run(app(FACILITATOR, path="testipolku"))
    assert at.selectbox[0].value == "testipolku"
    at.number_input[0].set_value(3)
    submit(at, "workshop.open.button")
    opened = workshops.list_workshops("testipolku", open_only=True)
    assert len(opened) == 1 and opened[0].votes_per_participant == 3
    assert opened[0].opened_by == t("auth.demo_name", "fi")
    assert at.query_params["workshop"] == str(opened[0].id)
    page_html = "\n".join(e.proto.body for e in at.get("html"))
    assert f">{opened[0].code}</p>" in page_html
    assert 'class="polku-qr" src="data:image/svg+xml' in page_html
    assert f'alt="{t("workshop.room.qr_alt", "fi")}"' in page_html
    assert any(c.value.endswith(f"/?join={opened[0].code}") for c in at.code)
    assert t("workshop.wall.empty", "fi") in texts(at)

    note = workshops.add_note(opened[0].id, "p" * 20, "idea", "Tekstiviesti ennen tapaamista", step_id="tarve")
    run(at)
    assert "Tekstiviesti ennen tapaamista" in texts(at)
    at.button(key=f"_polku_done_{note.id}").click()
    run(at)
    assert workshops.notes(opened[0].id)[0].done
    assert t("workshop.wall.is_done", "fi") in texts(at)

    at.pills(key=f"_polku_wall_kinds_{opened[0].id}").set_value(["problem"])
    run(at)
    assert "Tekstiviesti ennen tapaamista" not in texts(at)
    assert t("workshop.wall.none_match", "fi") in texts(at)

    at.checkbox(key=f"_polku_close_sure_{opened[0].id}").check()
    run(at)
    at.button(key=f"_polku_close_{opened[0].id}").click()
    run(at)
    assert not workshops.get(opened[0].id).is_open
    assert workshops.find_open(opened[0].code) is None


def test_turning_a_note_into_an_edit_opens_the_editor_on_its_step(store: Store) -> None:
    workshops = WorkshopStore(store)
    workshop = workshops.open_workshop("testipolku", "Testaaja")
    note = workshops.add_note(workshop.id, "p" * 20, "problem", "Yhteydenotto viivästyy", step_id="yhteydenotto")
    at = run(app(workshop=str(workshop.id)))
    assert "Yhteydenotto viivästyy" in texts(at)
    at.button(key=f"_polku_edit_{note.id}").click()
    run(at)
    assert workshops.notes(workshop.id)[0].turned_into_edit
    assert at.query_params["path"] == "testipolku"
    assert at.session_state["_polku_ed_step"] == "yhteydenotto", "the editor opened on the note's step"


def test_a_participant_sees_suggestions_on_the_same_thing_together(store: Store) -> None:
    ws = WorkshopStore(store)
    sg = SuggestionStore(ws)
    workshop = ws.open_workshop("testipolku", "Testaaja", "professional")
    rename = sg.suggest(workshop.id, new_participant_token(), Change("rename", "step", "tarve", title="Uusi nimi"))
    bulb = sg.suggest(workshop.id, new_participant_token(), Change("bulb", "step", "tarve", on=True))
    other = sg.suggest(workshop.id, new_participant_token(), Change("bulb", "step", "kirjaus", on=True))
    at = run(app(join=workshop.code))
    assert t("suggest.overlap", "fi", count=2) in texts(at)
    card_columns = [{getattr(child, "key", None) for child in column.children.values()} for column in at.columns]
    rename_at = next(i for i, keys in enumerate(card_columns) if f"polku_sg_card_{rename.id}" in keys)
    assert f"polku_sg_card_{bulb.id}" in card_columns[rename_at + 1], "the two on 'tarve' in neighbouring columns"
    assert all(f"polku_sg_card_{other.id}" not in keys for keys in card_columns[rename_at:rename_at + 2])


# -- suggestions on the wall -----------------------------------------------------------------------


def wall(workshop_id: int) -> AppTest:
    at = AppTest.from_string(FACILITATOR, default_timeout=TIMEOUT)
    at.query_params["workshop"] = str(workshop_id)
    return run(at)


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
    run(at)
    assert t("suggest.accepted", "fi", version=2) in texts(at)
    assert store.get_path("testipolku").step("tarve").title.fi == "Uusi nimi"
    assert at.button(key=f"_polku_sg_accept_{bulb.id}").disabled  # its step changed since: out of date
    assert t("suggest.status.out_of_date", "fi") in texts(at)

    at.text_input(key=f"_polku_sg_reason_{other.id}").input("Kirjaus ei ole koordinaattorin työtä")
    at.button(key=f"_polku_sg_decline_{other.id}").click()
    run(at)
    assert sg.get(other.id).status == "declined"
    assert sg.get(other.id).reason == "Kirjaus ei ole koordinaattorin työtä"
    assert store.latest_version("testipolku") == 2
