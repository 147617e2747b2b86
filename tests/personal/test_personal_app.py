"""AppTest: the professional's "Minun polkuni" page and the client's page, on real SQLite stores."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from components.auth import FACILITATOR_KEY
from paths.accounts.auth import Accounts
from paths.i18n.catalog import t
from paths.personal.model import PersonalFill, StepEntry
from paths.personal.store import PersonalStore, get_personal_store
from paths.store.library import get_store
from tests.support.apptest import app_databases, flow_data
from tests.support.apptest import run_script as run
from tests.support.factories import branching_path

PROFESSIONALS = ("Olli Ohjaaja", "Sanna Suunnittelija", "Joku Muu", "Eero")
PROFESSIONAL = "from components.personal_professional import professional_page\nprofessional_page()\n"
CLIENT = "from components.personal_page import client_page\nclient_page()\n"
APP = str(Path(__file__).resolve().parents[2] / "app.py")


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory):
    with app_databases(tmp_path_factory.mktemp("personal_app")) as (url, personal_url):
        library = get_store(url)
        library.ensure_seeded()
        accounts = Accounts(library)
        for name in PROFESSIONALS:
            accounts.add_user(name, "salasana-pitka-2025")
        version = library.save_path(branching_path(), "tester")
        yield library, get_personal_store(personal_url), version


def texts(at: AppTest) -> str:
    parts = [e.value for kind in ("title", "header", "subheader", "markdown", "info", "success", "error", "warning",
                                  "caption") for e in at.get(kind)]
    return "\n".join(str(p) for p in parts)


def professional(owner: str = "Olli Ohjaaja") -> AppTest:
    """The page as a signed-in facilitator sees it."""
    at = AppTest.from_string(PROFESSIONAL, default_timeout=60)
    at.session_state[FACILITATOR_KEY] = owner
    return at.run()


def submit_create(at: AppTest, name: str, lang: str = "fi", pin: str = "") -> AppTest:
    at.selectbox(key="personal_new_path").set_value("testipolku")
    at.radio(key="personal_new_lang").set_value(lang)
    at.text_input(key="personal_new_name").input(name)
    at.text_input(key="personal_new_pin").input(pin)
    next(b for b in at.button if b.label == t("personal.pro.create", "fi")).click()
    return at.run()


def test_without_sign_in_the_page_asks_for_it(stores):
    at = run(PROFESSIONAL)
    assert not at.exception
    assert not at.get("selectbox") and not at.code
    assert [h.value for h in at.header] == [t("auth.sign_in_title", "fi")]


def test_the_form_warns_and_refuses_an_identity_code(stores):
    _, personal_store, _ = stores
    before = len(personal_store.list_for(None))
    at = professional()
    assert t("personal.pro.no_identifiers", "fi") in [w.value for w in at.warning]
    submit_create(at, "Ari 131052-308T")
    assert not at.exception
    errors = [e.value for e in at.error]
    assert errors and "henkilötunnukselta" in errors[0]
    assert "131052" not in " ".join(errors)
    assert len(personal_store.list_for(None)) == before  # nothing stored


def test_making_a_personal_path_shows_its_link_once_with_a_qr_code(stores):
    _, personal_store, version = stores
    at = professional("Sanna Suunnittelija")
    assert t("personal.pro.none_yet", "fi") in texts(at)
    submit_create(at, "Maija", lang="sv")
    assert not at.exception
    assert t("personal.message.created", "fi") in [s.value for s in at.success]
    code = at.code[0].value
    match = re.search(r"/my-path\?token=([A-Za-z0-9_-]+)$", code)
    assert match, code
    token = match.group(1)
    assert "Maija" not in code  # nothing but the token in the link
    svg = "\n".join(h.proto.body for h in at.get("html"))
    assert "<svg" in svg and t("personal.pro.qr_label", "fi") in svg
    opened = personal_store.open_link(token)
    assert opened.ok and opened.personal.display_name == "Maija" and opened.personal.lang == "sv"
    assert opened.personal.source_version == version
    [summary] = personal_store.list_for("Sanna Suunnittelija")
    assert summary.id == opened.personal.id

    at.button(key="personal_renew").click().run()
    new_code = at.code[0].value
    assert new_code != code
    assert personal_store.open_link(token).status == "not_found"  # the old link stopped working
    at.button(key="personal_revoke").click().run()
    assert t("personal.pro.link_revoked", "fi") in [i.value for i in at.info]
    assert personal_store.resolve_token(new_code.rsplit("=", 1)[1]) is None


def test_the_professional_erases_for_good(stores):
    _, personal_store, version = stores
    personal, token = personal_store.create(branching_path(), version, owner="Eero", display_name="Poistuva", lang="fi")
    at = professional("Eero")
    assert "Poistuva" in at.header[0].value
    erase = at.button(key="pro_erase_erase")
    assert erase.disabled
    at.checkbox(key="pro_erase_sure").check().run()
    at.button(key="pro_erase_erase").click().run()
    assert not at.exception
    assert t("personal.message.erased", "fi") in [s.value for s in at.success]
    assert personal_store.get(personal.id) is None
    assert personal_store.open_link(token).status == "not_found"
    assert personal_store.list_for("Eero") == []


def test_another_professional_does_not_see_the_list(stores):
    _, personal_store, version = stores
    personal_store.create(branching_path(), version, owner="Kerttu", display_name="Salainen", lang="fi")
    at = professional("Joku Muu")
    assert "Salainen" not in texts(at)
    assert not any("Salainen" in str(o) for s in at.selectbox for o in s.options)


def make(personal_store: PersonalStore, version: int, name: str = "Ari", pin: str | None = None):
    return personal_store.create(branching_path(), version, owner="Olli", display_name=name, lang="fi", pin=pin)


def client_widgets(at: AppTest, key: str) -> list:
    return [w for kind in ("radio", "text_area", "text_input") for w in at.get(kind) if w.key and w.key.endswith(key)]


def test_the_client_marks_a_step_done_with_a_note_and_sees_it_again(stores):
    _, personal_store, version = stores
    personal, token = make(personal_store, version)
    at = run(CLIENT, token=token)
    assert not at.exception
    assert at.title[0].value == "Minun polkuni: Ari"
    assert "💡 Koordinaattori auttaa sinua tässä." in texts(at)
    [status] = client_widgets(at, "_s0_status")
    status.set_value("done")
    [note] = client_widgets(at, "_s0_note")
    note.input("Kysyn kuntoutuksesta <b>heti</b> 🎉")
    client_widgets(at, "_goals")[0].input("Töihin syksyllä")
    next(b for b in at.button if b.label == "Tallenna").click()
    at.run()
    assert not at.exception
    assert "Tallennettu." in [s.value for s in at.success]
    stored = personal_store.get(personal.id)
    assert stored.version == 2
    assert stored.fill.entries["tarve"].status.value == "done"
    assert stored.fill.entries["tarve"].note == "Kysyn kuntoutuksesta <b>heti</b> 🎉"
    again = run(CLIENT, token=token)
    assert client_widgets(again, "_s0_status")[0].value == "done"
    assert client_widgets(again, "_s0_note")[0].value == "Kysyn kuntoutuksesta <b>heti</b> 🎉"
    assert client_widgets(again, "_goals")[0].value == "Töihin syksyllä"


def test_the_client_form_refuses_an_identity_code(stores):
    _, personal_store, version = stores
    personal, token = make(personal_store, version)
    at = run(CLIENT, token=token)
    client_widgets(at, "_s0_met")[0].input("Liisa 131052-308T")
    next(b for b in at.button if b.label == "Tallenna").click()
    at.run()
    assert [e.value for e in at.error] == [t("personal.error.identifier", "fi", field=t("personal.field.met", "fi"))]
    assert personal_store.get(personal.id).version == 1


def test_here_is_marked_in_the_list_and_the_diagram(stores):
    _, personal_store, version = stores
    personal, token = make(personal_store, version)
    personal_store.save_fill(personal.id, PersonalFill(entries={"kokous": StepEntry(status="here")}), "Olli")
    at = run(CLIENT, token=token)
    html = "\n".join(h.proto.body for h in at.get("html"))
    assert "📍 Olen tässä:</strong> Verkostokokous" in html
    assert any(m.value.startswith("#### **📍 Olen tässä** 💡 Verkostokokous") for m in at.markdown)
    [picture] = at.get("bidi_component")  # drawn by dot on the server, both layouts
    drawings = flow_data(picture)["drawings"]
    assert set(drawings) == {"wide", "portrait"} and all("📍" in svg for svg in drawings.values())


def test_wrong_revoked_and_erased_links_look_the_same(stores):
    _, personal_store, version = stores
    revoked, revoked_token = make(personal_store, version)
    personal_store.revoke_link(revoked.id)
    erased, erased_token = make(personal_store, version)
    personal_store.erase(erased.id)
    seen = []
    for token in ("x" * 43, revoked_token, erased_token, ""):
        at = run(CLIENT, token=token) if token else run(CLIENT)
        assert not at.exception
        seen.append(texts(at))
        assert "Ari" not in texts(at)
        assert not at.get("text_area") and not at.get("radio")
    assert len(set(seen)) == 1
    assert t("personal.client.not_found", "sv") in seen[0]


def test_pin_prompt_and_slowdown(stores):
    _, personal_store, version = stores
    _, token = make(personal_store, version, pin="2468")
    at = run(CLIENT, token=token)
    assert at.title[0].value == "Anna PIN-koodi"
    assert not at.get("text_area")
    for wrong in ("1111", "2222", "3333"):
        at.text_input[0].input(wrong)
        at.button[0].click()
        at.run()
    assert any("sekunnin kuluttua" in w.value for w in at.warning)
    assert not at.get("text_area")


def test_pin_opens_the_path(stores):
    _, personal_store, version = stores
    _, token = make(personal_store, version, name="Pinja", pin="97531")
    at = run(CLIENT, token=token)
    at.text_input[0].input("97531")
    at.button[0].click()
    at.run()
    assert at.title[0].value == "Minun polkuni: Pinja"


def test_a_newer_library_version_is_announced(stores):
    library, personal_store, version = stores
    _, token = make(personal_store, version, name="Uusi")
    changed = branching_path(summary="Muutettu")
    library.save_path(changed, "tester", base_version=library.latest_version("testipolku"))
    at = run(CLIENT, token=token)
    assert t("personal.newer_version", "fi") in [i.value for i in at.info]


def test_the_client_sees_their_own_language(stores):
    _, personal_store, version = stores
    personal, token = personal_store.create(branching_path(), version, owner="Olli", display_name="Ebba", lang="sv")
    at = run(CLIENT, token=token)
    assert at.title[0].value == "Min servicestig: Ebba"
    assert "💡 Samordnaren hjälper dig här." in texts(at)
    assert [b.label for b in at.button if b.label == "Spara"]


def test_the_app_routes_a_token_to_the_client_page(stores):
    _, personal_store, version = stores
    _, token = make(personal_store, version, name="Reititys")
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["token"] = token
    at.run()
    assert not at.exception
    assert at.title[0].value == "Minun polkuni: Reititys"
