"""AppTest: the editor's experience fields, the path page's dashboard and persona, the compare and portfolio
pages, on a real SQLite store."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from paths.editing import experience as ex
from paths.i18n.catalog import t
from paths.store.library import Store
from tests.support.apptest import flow_drawings, module_store, ok, page_script, run_ok
from tests.support.factories import branching_path

EDITOR = page_script("components.editor.page", "editor_page")
PATH_PAGE = page_script("components.path_page", "render")
LIBRARY = page_script("components.library_page", "render")
COMPARE = page_script("components.compare_page", "compare_page")
PORTFOLIO = page_script("components.portfolio_page", "portfolio_page")


store = module_store("experience")


def by_key(items, key: str):  # noqa: ANN001, ANN201 - AppTest element lists
    found = [w for w in items if w.key == key]
    assert found, key
    return found[0]


def editor_on_need(store: Store, path_id: str, **params: str) -> AppTest:
    """The editor on a fresh copy of the test path under `path_id`, its step "tarve" chosen."""
    store.save_path(branching_path(id=path_id), "Alkuperäinen")
    at = run_ok(EDITOR, path=path_id, **params)
    at.selectbox(key="_polku_ed_step").set_value("tarve")
    return ok(at.run())


def test_editor_experience_fields_edit_the_path_and_save(store: Store) -> None:
    at = editor_on_need(store, "xp-edit")
    by_key(at.selectbox, "_ed_xp_feeling_fi_tarve").set_value(-1)
    ok(at.run())
    by_key(at.text_area, "_ed_xp_pain_points_fi_tarve").input("Pitkä odotus\nEpäselvä ohjaus")
    ok(at.run())
    by_key(at.radio, "_ed_xp_evidence_fi_tarve").set_value("partly")
    ok(at.run())
    by_key(at.number_input, "_ed_xp_from_fi_tarve").set_value(2.0)
    ok(at.run())
    by_key(at.number_input, "_ed_xp_to_fi_tarve").set_value(3.0)
    ok(at.run())
    by_key(at.selectbox, "_ed_xp_unit_fi_tarve").set_value("weeks")
    ok(at.run())
    # The widgets show what the path now holds (they are rebuilt from it after every edit).
    assert by_key(at.selectbox, "_ed_xp_feeling_fi_tarve").value == -1
    at.button(key="_polku_ed_save").click()
    ok(at.run())
    step = store.get_path("xp-edit").step("tarve")
    assert step.feeling == -1
    assert [p.fi for p in step.pain_points] == ["Pitkä odotus", "Epäselvä ohjaus"]
    assert step.evidence.value == "partly"
    assert (step.duration_range.shortest, step.duration_range.longest, step.duration_range.unit.value) == (
        2, 3, "weeks")



def test_a_feeling_changed_as_undo_clears_the_form_is_no_change(store: Store) -> None:
    """An undo in the same rerun as a change of an experience widget clears that widget's state
    first: the change is dropped (the undo wins), with no traceback."""
    at = editor_on_need(store, "xp-undo")
    by_key(at.selectbox, "_ed_xp_feeling_fi_tarve").set_value(-1)
    ok(at.run())
    by_key(at.selectbox, "_ed_xp_feeling_fi_tarve").set_value(2)
    at.button(key="_polku_ed_undo").click()
    ok(at.run())
    assert by_key(at.selectbox, "_ed_xp_feeling_fi_tarve").value == "", "the undo took the feeling back"


def test_editor_refuses_a_bad_duration_with_one_sentence(store: Store) -> None:
    at = editor_on_need(store, "xp-bad", lang="en")
    by_key(at.number_input, "_ed_xp_from_en_tarve").set_value(9.0)
    ok(at.run())
    by_key(at.number_input, "_ed_xp_to_en_tarve").set_value(2.0)
    ok(at.run())
    errors = [e.value for e in at.error]
    assert "A duration must be 0–3650, with the start no later than the end." in errors


def dashboard(at: AppTest) -> AppTest:
    at.session_state["_polku_dashboard_open"] = True
    return ok(at.run())


def test_dashboard_shows_the_figures_of_the_view(store: Store) -> None:
    at = dashboard(run_ok(PATH_PAGE, path="ari", lang="en"))
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Steps the client takes part in"] == "6"
    assert metrics["Hand-offs between actors"] == "4"
    assert metrics["Share of hand-offs the light bulb supports"] == "100%"
    assert metrics["Actors the client meets"] == "4"
    assert len(at.get("plotly_chart")) == 1  # steps per stage; no feeling chart without scores
    table = at.table[0].value
    assert "Loops (back to an earlier step)" in list(table.iloc[:, 0])
    labels = [button.label for button in at.get("download_button")]
    assert "Figures as CSV" in labels and "Figures as JSON" in labels


def test_dashboard_follows_the_client_view(store: Store) -> None:
    at = dashboard(run_ok(PATH_PAGE, path="ari", lang="en", audience="client"))
    intro = t("experience.dashboard.intro", "en", view=t("pathpage.audience.client", "en"))
    assert intro in [c.value for c in at.caption]
    assert {m.label: m.value for m in at.metric}["Steps the client takes part in"] == "6"


def test_persona_profile_on_the_path_page_and_the_library_card(store: Store) -> None:
    page = "\n".join(h.proto.body for h in run_ok(PATH_PAGE, path="maija", lang="en").get("html"))
    assert "Example client" in page and "Maija (a fictional example client)" in page
    assert "I need someone who brings the services together." in page and "(assumed)" in page
    # Folded under its heading on the path page (the picture starts higher); open on the library card.
    assert '<details class="polku-persona-fold"><summary><h2>Example client' in page and "<details open" not in page
    card = "\n".join(h.proto.body for h in run_ok(LIBRARY, lang="en").get("html"))
    assert "Example client" in card and "Needs" not in card  # the card shows the situation and quote only
    assert "<details" not in card


def test_flow_diagram_shows_the_experience_on_request(store: Store) -> None:
    path = ex.set_feeling(branching_path(id="xp-flow"), "tarve", -2)
    store.save_path(path, "Testi")
    at = run_ok(PATH_PAGE, path="xp-flow", lang="en")
    assert "very hard" not in flow_drawings(at)
    at.toggle(key="_polku_flow_experience").set_value(True)
    ok(at.run())
    assert "very hard" in flow_drawings(at)


def test_compare_page_lists_differences_and_figures(store: Store) -> None:
    at = run_ok(COMPARE, path="ari", other="maija", lang="en")
    body = "\n".join(h.proto.body for h in at.get("html"))
    assert "Step added: Network meeting" in body
    assert len(at.get("plotly_chart")) == 2
    table = at.table[0].value
    assert list(table.columns)[-1] == "Change"


def test_compare_page_takes_the_other_path_from_the_link(store: Store) -> None:
    target = branching_path(id="xp-target", target_of="xp-current")
    store.save_path(branching_path(id="xp-current", current_of="xp-target"), "Testi")
    store.save_path(ex.set_feeling(target, "tarve", 1), "Testi")
    at = run_ok(COMPARE, path="xp-current", lang="en")
    assert at.query_params["other"] == "xp-target"
    body = "\n".join(h.proto.body for h in at.get("html"))
    assert "Step changed: Tarve tunnistetaan (experience)" in body


def test_portfolio_filters(store: Store) -> None:
    path = ex.set_items(branching_path(id="xp-portfolio"), "tarve", "pain_points", ["Jono"], "en")
    path = ex.set_items(path, "kokous", "opportunities", ["One contact person"], "en")
    store.save_path(path, "Testi")
    at = run_ok(PORTFOLIO, lang="en")
    frame = at.dataframe[0].value
    assert {"Jono", "One contact person"} <= set(frame["Text"])
    at.pills(key="_polku_portfolio_kinds").set_value(["opportunity"])
    ok(at.run())
    assert set(at.dataframe[0].value["Type"]) == {"Opportunity"}


def test_compare_page_marks_the_two_as_current_and_target(store: Store) -> None:
    # Distinct titles: AppTest sends a select box's choice back by its label.
    store.save_path(branching_path(id="xp-as-is", title={"en": "As is", "fi": "Nykytila"}), "Testi")
    store.save_path(branching_path(id="xp-to-be", title={"en": "To be", "fi": "Tavoite"}), "Testi")
    at = run_ok(COMPARE, path="xp-as-is", other="xp-to-be", lang="en")
    at.button(key="_polku_compare_link").click()
    ok(at.run())
    assert store.get_path("xp-as-is").current_of == "xp-to-be"
    assert store.get_path("xp-to-be").target_of == "xp-as-is"
    assert "The paths are marked as the current and target state of one service." in [c.value for c in at.caption]
    assert store.latest_version("xp-as-is") == 2


def open_profile(path_id: str, lang: str = "en") -> AppTest:
    at = run_ok(EDITOR, path=path_id, lang=lang)
    at.segmented_control(key="_polku_ed_section").set_value("profile")
    return ok(at.run())


def test_editor_persona_form_adds_edits_marks_and_removes_the_profile(store: Store) -> None:
    store.save_path(branching_path(id="xp-persona"), "Alkuperäinen")
    at = open_profile("xp-persona")
    assert t("experience.profile.none", "en") in [i.value for i in at.info]
    at.button(key="_polku_ed_persona_add").click()
    ok(at.run())
    by_key(at.text_input, "_ed_persona_name_en").input("Sam <script>x</script>")
    ok(at.run())
    by_key(at.text_area, "_ed_persona_quote_en").input("I *need* one contact.")
    ok(at.run())
    by_key(at.checkbox, "_ed_persona_assumed_quote").check()
    ok(at.run())
    assert by_key(at.text_input, "_ed_persona_name_en").value == "Sam <script>x</script>"
    assert by_key(at.checkbox, "_ed_persona_assumed_quote").value is True
    at.button(key="_polku_ed_save").click()
    ok(at.run())
    profile = store.get_path("xp-persona").persona_profile
    assert profile.name.en == "Sam <script>x</script>" and profile.quote.en == "I *need* one contact."
    assert profile.assumed == ["quote"]
    at.button(key="_polku_ed_persona_remove").click()
    ok(at.run())
    assert t("experience.profile.none", "en") in [i.value for i in at.info]
    at.button(key="_polku_ed_undo").click()
    ok(at.run())
    assert by_key(at.text_area, "_ed_persona_quote_en").value == "I *need* one contact."


def test_editor_link_form_marks_the_target_state_and_refuses_none(store: Store) -> None:
    store.save_path(branching_path(id="xp-link", title={"en": "Link here", "fi": "Linkki"}), "Alkuperäinen")
    at = open_profile("xp-link")
    other = by_key(at.selectbox, "_ed_link_other")
    assert "xp-link" not in other.options and not any("(xp-link)" in o for o in other.options)
    by_key(at.radio, "_ed_link_role").set_value("target")
    at.button(key="_polku_ed_link_apply").click()
    ok(at.run())
    assert t("editing.error.no_state_link_other", "en") in [e.value for e in at.error]
    by_key(at.radio, "_ed_link_role").set_value("target")
    by_key(at.selectbox, "_ed_link_other").set_value("ari")
    at.button(key="_polku_ed_link_apply").click()
    ok(at.run())
    assert t("experience.link.now_target", "en", other="ari") in [m.value for m in at.markdown]
    at.button(key="_polku_ed_save").click()
    ok(at.run())
    saved = store.get_path("xp-link")
    assert (saved.target_of, saved.current_of) == ("ari", None)
    by_key(at.radio, "_ed_link_role").set_value("")
    at.button(key="_polku_ed_link_apply").click()
    ok(at.run())
    at.button(key="_polku_ed_undo").click()
    ok(at.run())
    assert by_key(at.radio, "_ed_link_role").value == "target"
