"""AppTest: the appointment mode, the views page and the accessibility statement, in three languages,
against a real SQLite store and a real personal-path store."""

from __future__ import annotations

import html
import re

import pytest
from streamlit.testing.v1 import AppTest

from paths.i18n.catalog import t
from paths.model.schema import AudienceView, LocalText, Transition
from paths.personal.model import PersonalFill, StepEntry, StepStatus
from paths.personal.store import get_personal_store
from paths.render.escape import md_escape
from paths.store.library import get_store
from paths.views.appointment import appointment_stages, here_stage, stage_index
from tests.support.apptest import app_databases, flow_data
from tests.support.apptest import run_script as run
from tests.support.factories import HOSTILE_TITLE, appointment_path

# Each page as app.py runs it: the language is read from the URL first.
PRELUDE = "from components.common import sync_lang\nsync_lang()\n"
APPOINTMENT = PRELUDE + "from components.appointment_page import appointment_page\nappointment_page()\n"
VIEWS = PRELUDE + "from components.views_page import views_page\nviews_page()\n"
STATEMENT = PRELUDE + "from components.accessibility_page import accessibility_page\naccessibility_page()\n"


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory):
    """Both stores on fresh SQLite files, with the fictional sample path saved in the library."""
    with app_databases(tmp_path_factory.mktemp("appt")) as (url, personal_url):
        store = get_store(url)
        store.ensure_seeded()
        version = store.save_path(appointment_path(), "tester")
        yield store, get_personal_store(personal_url), version


def html_of(at: AppTest) -> str:
    return "\n".join(element.proto.body for element in at.get("html"))


def shown_stage(at: AppTest) -> str:
    match = re.search(r'<h2 id="polku-appt-stage">(.*?)</h2>', html_of(at))
    assert match, "no stage heading"
    return html.unescape(match.group(1))


def current_strip_item(at: AppTest) -> str:
    match = re.search(r'<li class="[^"]*is-current[^"]*" aria-current="step">(.*?)</li>', html_of(at))
    assert match, "no current stage in the strip"
    return html.unescape(match.group(1))


def branching_path():
    """The sample with a branch at the coordinator's call: one talk may be enough."""
    path = appointment_path()
    transitions = [t for t in path.transitions if t.source != "s2"] + [
        Transition(source="s2", target="s4", condition=LocalText(fi="Tarvitaan useita palveluja")),
        Transition(source="s2", target="s5", condition=LocalText(fi="Yksi keskustelu riittää")),
    ]
    return path.model_copy(update={"transitions": transitions})


def test_stage_cards_follow_the_client_view_and_statuses():
    stages = appointment_stages(appointment_path(), "en", {"s2": "here", "s1": "done", "s3": "done"})
    assert [stage.id for stage in stages] == ["need", "contact", "meet", "end"]
    assert [stage.number for stage in stages] == [1, 2, 3, 4]
    assert stages[0].done and not stages[1].done
    assert stages[1].has_here and stages[1].has_coordinator
    assert here_stage(stages) == "contact"
    assert stage_index(stages, None, "s2") == 1
    assert stage_index(stages, "end", "s2") == 3
    assert stage_index(stages, "back", None) == 0
    call = stages[1].steps[0]
    assert (call.title, call.text, call.status) == ("The coordinator calls", "The coordinator calls you.", "here")
    assert call.contacts == (("Help desk", True),)
    assert call.links == (("Consent form", "https://example.invalid/y100"),)


def test_a_branch_lists_its_ways_out():
    stages = appointment_stages(branching_path(), "fi")
    call = stages[1].steps[0]
    assert call.ways == (
        ("Tarvitaan useita palveluja", HOSTILE_TITLE),
        ("Yksi keskustelu riittää", "Asiakkuus päättyy"),
    )
    assert stages[0].steps[0].ways == ()


def test_opens_directly_at_a_stage_and_hides_back_office(stores):
    at = run(APPOINTMENT, path="appt-sample", stage="contact")
    assert not at.exception
    assert shown_stage(at) == "Yhteys"
    assert "2. Yhteys" in current_strip_item(at)
    assert "▶ Näytetään nyt" in current_strip_item(at)
    page = html_of(at)
    assert "Vaihe 2/4" in page
    assert "Kelan sisäinen selvitys" not in page and "Taustatyö" not in page
    assert "💡 Koordinaattori auttaa sinua tässä." in page
    assert "noin viikko" in page and "puhelin" in page
    assert "Neuvonta (esimerkkiyhteystieto" in page
    assert "neuvonta@example.invalid" not in page and "+358" not in page
    assert 'href="https://example.invalid/y100"' in page


def test_forward_and_back_keep_the_url_in_sync(stores):
    at = run(APPOINTMENT, path="appt-sample")
    assert shown_stage(at) == "Tarve"
    assert at.query_params["stage"] == "need"
    assert at.button(key="appt_prev").disabled
    at.button(key="appt_next").click().run()
    assert shown_stage(at) == "Yhteys"
    assert at.query_params["stage"] == "contact"
    at.button(key="appt_next").click().run()
    assert shown_stage(at) == "Tapaaminen"  # the back-office stage is skipped
    at.button(key="appt_next").click().run()
    assert shown_stage(at) == "Päätös"
    assert at.button(key="appt_next").disabled
    at.button(key="appt_prev").click().run()
    assert shown_stage(at) == "Tapaaminen"
    assert at.query_params["stage"] == "meet"


def test_user_text_is_escaped(stores):
    at = run(APPOINTMENT, path="appt-sample", stage="meet")
    page = html_of(at)
    assert "<script>" not in page and "<b>bold</b>" not in page
    assert "&lt;script&gt;alert(" in page and "&lt;b&gt;bold&lt;/b&gt;" in page  # shown as text, escaped
    assert "👥" in page


def test_unknown_stage_opens_the_first_and_unknown_path_says_so(stores):
    at = run(APPOINTMENT, path="appt-sample", stage="nonexistent")
    assert shown_stage(at) == "Tarve"
    assert at.query_params["stage"] == "need"
    at = run(APPOINTMENT, path="no-such-path")
    assert not at.exception
    assert [info.value for info in at.info] == ["Polkua ei löytynyt. Valitse polku sivupalkista."]
    assert "polku-appt-stage" not in html_of(at)


@pytest.mark.parametrize(
    ("lang", "stage", "previous", "next_label", "bulb"),
    [
        ("sv", "Kontakt", "Föregående fas", "Nästa fas", "💡 Samordnaren hjälper dig här."),
        ("en", "Contact", "Previous stage", "Next stage", "💡 The coordinator helps you here."),
        ("fi", "Yhteys", "Edellinen vaihe", "Seuraava vaihe", "💡 Koordinaattori auttaa sinua tässä."),
    ],
)
def test_every_language(stores, lang, stage, previous, next_label, bulb):
    at = run(APPOINTMENT, path="appt-sample", stage="contact", lang=lang)
    assert shown_stage(at) == stage
    assert at.button(key="appt_prev").label == previous
    assert at.button(key="appt_next").label == next_label
    assert bulb in html_of(at)
    assert f'lang="{lang}"' in html_of(at)


def test_switching_language_keeps_the_stage(stores):
    at = run(APPOINTMENT, path="appt-sample", stage="meet")
    at.query_params["lang"] = "sv"
    at.run()
    assert shown_stage(at) == "Möte"
    assert at.query_params["stage"] == "meet"


def test_personal_link_shows_the_clients_position_and_statuses(stores):
    store, personal_store, version = stores
    personal, token = personal_store.create(
        appointment_path(), version, owner="tester", display_name="Testi", lang="fi"
    )
    fill = PersonalFill(entries={"s1": StepEntry(status=StepStatus.done), "s2": StepEntry(status=StepStatus.here)})
    personal_store.save_fill(personal.id, fill, "tester")
    at = run(APPOINTMENT, personal=token)
    assert not at.exception
    assert shown_stage(at) == "Yhteys"  # opens where the client is
    page = html_of(at)
    assert "Oma polku: Testi" in page
    assert "📍 Olet tässä" in page
    strip = re.search(r'<ol class="polku-strip">(.*?)</ol>', page).group(1)
    assert re.search(r"1\. Tarve<span[^>]*> – ✓ Tehty", strip)
    assert re.search(r'class="is-current is-here" aria-current="step">2\. Yhteys', strip)
    at.button(key="appt_next").click().run()
    assert shown_stage(at) == "Tapaaminen"
    assert at.query_params["personal"] == token
    go_here = at.button(key="appt_here")
    assert go_here.label == "Siirry kohtaan, jossa olet"
    go_here.click().run()
    assert shown_stage(at) == "Yhteys"


def test_wrong_or_revoked_link_reveals_nothing(stores):
    store, personal_store, version = stores
    personal, token = personal_store.create(
        appointment_path(), version, owner="tester", display_name="Toinen", lang="fi"
    )
    at = run(APPOINTMENT, personal="x" * 43)
    assert [info.value for info in at.info] == [
        "Henkilökohtaista polkua ei löytynyt. Tarkista linkki tai pyydä uusi linkki työntekijältä."
    ]
    assert "Kokeilupolku" not in html_of(at)
    at = run(APPOINTMENT, personal=token)
    assert shown_stage(at) == "Tarve"
    personal_store.revoke_link(personal.id)
    at.run()
    assert "polku-appt-stage" not in html_of(at)
    assert "Toinen" not in html_of(at)
    assert len(at.info) == 1


def test_pin_is_asked_before_anything_is_shown(stores):
    store, personal_store, version = stores
    personal, token = personal_store.create(appointment_path(), version, owner="tester", display_name="Pinni",
                                            lang="fi", pin="4321")
    at = run(APPOINTMENT, personal=token)
    assert "Pinni" not in html_of(at)
    assert at.text_input[0].label == "PIN-koodi"
    at.text_input[0].input("0000")
    at.button[0].click().run()
    assert at.warning and "PIN-koodi ei ollut oikein" in at.warning[0].value
    assert "Pinni" not in html_of(at)
    at = run(APPOINTMENT, personal=token)
    at.text_input[0].input("4321")
    at.button[0].click().run()
    # The earlier wrong PIN may lock the link for a moment; otherwise the path opens.
    assert "Oma polku: Pinni" in html_of(at) or (at.warning and "Yritä uudelleen" in at.warning[0].value)


def test_views_page_saves_a_client_view(stores):
    store, _, _ = stores
    at = run(VIEWS, path="appt-sample", view="client")
    assert not at.exception
    assert at.title[0].value == "Näkymät"
    handoff_list = re.search(r'<ul class="polku-handoffs"[^>]*>(.*?)</ul>', html_of(at)).group(1)
    assert "<strong>Asiakas</strong>: Tarve huomataan → <strong>Koordinaattori</strong>: Koordinaattori soittaa" \
        in handoff_list
    assert "💡 koordinaattori tukee siirtoa" in handoff_list
    assert "<script>" not in html_of(at) and "&lt;script&gt;" in handoff_list
    steps = at.multiselect(key=f"views_appt-sample_{store.latest_version('appt-sample')}_client_steps")
    assert "s3" not in steps.options  # back-office steps are not the client's anyway
    steps.select("s4")
    at.button[0].click().run()
    assert not at.exception
    assert at.success and "tallennettiin versioksi" in at.success[0].value
    saved = store.get_path("appt-sample")
    assert saved.views["client"].hidden_steps == ["s4"]
    assert store.history("appt-sample")[0].author == t("auth.demo_name", "fi")  # no accounts: the demo mode
    at = run(APPOINTMENT, path="appt-sample", stage="meet")
    assert shown_stage(at) == "Tarve"  # the hidden meeting's stage is gone from the client's view
    assert "Vaihe 1/3" in html_of(at) and "Tapaaminen" not in html_of(at)

    version = store.latest_version("appt-sample")
    store.save_path(saved.model_copy(update={"views": {}}), "tester", base_version=version)


def test_views_page_lists_view_problems(stores):
    store, _, _ = stores
    path = store.get_path("appt-sample")
    broken = path.model_copy(update={"views": {"partner": AudienceView(hidden_steps=["ghost"], focus_actor="kela")}})
    version = store.save_path(broken, "tester")
    at = run(VIEWS, path="appt-sample", view="partner", lang="en")
    assert any("ghost" in warning.value and "Network partner" in warning.value for warning in at.warning)
    assert at.selectbox(key=f"views_appt-sample_{version}_partner_focus").value == "kela"
    store.save_path(path, "tester", base_version=version)


def test_views_page_lists_missing_translations(stores):
    store, _, _ = stores
    at = run(VIEWS, path="appt-sample", view="professional", lang="sv")
    assert not at.exception
    text = " ".join(m.value for m in at.markdown)
    assert "Alla texter i servicestigen finns på finska, svenska och engelska." in text
    path = store.get_path("appt-sample")
    s5 = path.step("s5")
    partial = path.model_copy(update={"steps": [
        s.model_copy(update={"client_text": LocalText(fi=s5.client_text.fi)}) if s.id == "s5" else s for s in path.steps
    ]})
    version = store.save_path(partial, "tester")
    at = run(VIEWS, path="appt-sample", view="professional", lang="sv")
    rows = at.table[-1].value
    # st.table renders Markdown, so the cell holds the escaped text (the reader sees it unescaped)
    assert list(rows.iloc[:, 0]) == [md_escape("Steget ”Klientskapet avslutas”: lättläst text")] * 2
    assert list(rows.iloc[:, 1]) == ["svenska", "engelska"]
    store.save_path(path, "tester", base_version=version)


def test_accessibility_statement_in_three_languages(stores, monkeypatch):
    at = run(STATEMENT)
    assert at.title[0].value == "Saavutettavuusseloste"
    headers = [h.value for h in at.header]
    assert headers == ["Saavutettavuuden tila", "Sisältö, joka ei vielä ole saavutettavaa",
                       "Mitä olemme tehneet saavutettavuuden eteen", "Selosteen laatiminen",
                       "Palaute saavutettavuudesta", "Valvontaviranomainen"]
    text = " ".join(m.value for m in at.markdown)
    assert "306/2019" in text and "osittain" in text
    assert "23. marraskuuta 2026" in text
    assert "käyttöönottava organisaatio" in text  # placeholders, never invented contact details
    at = run(STATEMENT, lang="sv")
    assert at.title[0].value == "Tillgänglighetsutlåtande"
    monkeypatch.setenv("POLKU_A11Y_FEEDBACK", "saavutettavuus@example.invalid")
    at = run(STATEMENT, lang="en")
    text = " ".join(m.value for m in at.markdown)
    assert "saavutettavuus@example\\.invalid" in text and "feedback channel – the organisation" not in text
    assert "23 November 2026" in text


# -- the whole path as a picture (issue 10: the portrait layout for the appointment mode) ---------------------


def picture(at: AppTest) -> dict:
    """What the page's one still picture sends the flow-diagram component."""
    [component] = at.get("bidi_component")
    return flow_data(component)


def drawn_texts(svg: str) -> list[str]:
    return [html.unescape(text) for text in re.findall(r"<text[^>]*>([^<]*)</text>", svg)]


def framed_stage(svg: str) -> list[str]:
    """The texts of the stage cluster `dot` drew with the "current" class."""
    match = re.search(r'<g id="clust\d+" class="cluster stage current">(.*?)</g>', svg, re.S)
    assert match, "no stage is framed"
    return drawn_texts(match.group(1))


def test_the_appointment_shows_the_client_view_in_portrait_with_the_shown_stage_framed(stores):
    at = run(APPOINTMENT, path="appt-sample", stage="contact")
    assert not at.exception
    assert at.subheader[0].value == "Koko polku kuvana"
    data = picture(at)
    assert data["steps"] == {} and data["choice"] == "wide"  # one drawing, nothing to click
    svg = data["drawings"]["wide"]
    width, height = (float(n) for n in re.search(r'<svg width="([\d.]+)pt" height="([\d.]+)pt"', svg).groups())
    assert height > 2 * width  # the portrait layout: stages from top to bottom
    texts = drawn_texts(svg)
    assert "Tarve huomataan" in texts and "Kelan sisäinen selvitys" not in " ".join(texts)
    assert "Taustatyö" not in texts  # the back-office stage is left out, as in the stage strip
    assert HOSTILE_TITLE.split()[0] not in svg  # user text escaped by `dot`'s input
    assert framed_stage(svg) == ["▶ Näytetään nyt", "Yhteys"]
    assert svg.count("cluster stage current") == 1
    assert data["label"] == t("appointment.picture_alt", "fi", title="Kokeilupolku", stage="Yhteys")
    at.button(key="appt_next").click().run()
    assert framed_stage(picture(at)["drawings"]["wide"]) == ["▶ Näytetään nyt", "Tapaaminen"]


def test_the_personal_appointment_picture_marks_where_the_client_is(stores):
    _, personal_store, version = stores
    personal, token = personal_store.create(
        appointment_path(), version, owner="tester", display_name="Kuva", lang="en"
    )
    personal_store.save_fill(personal.id, PersonalFill(entries={"s2": StepEntry(status=StepStatus.here)}), "tester")
    at = run(APPOINTMENT, personal=token, lang="en")
    svg = picture(at)["drawings"]["wide"]
    assert framed_stage(svg) == ["▶ Shown now", "Contact"]
    assert any(text.startswith("📍") for text in drawn_texts(svg))  # "I am here" in the picture too


def test_without_dot_the_appointment_says_why_and_keeps_its_stage_cards(stores, monkeypatch):
    store, _, _ = stores
    store.save_path(appointment_path("appt-no-dot"), "tester")
    monkeypatch.setenv("POLKU_DOT", "/nonexistent/dot")
    at = run(APPOINTMENT, path="appt-no-dot", stage="contact")
    assert not at.exception and not at.get("bidi_component")
    assert md_escape(t("render.error.no_dot", "fi")) in at.caption[-1].value
    assert shown_stage(at) == "Yhteys"
