"""Experience on a step: the edits, their one-sentence errors, the words in every renderer, spreadsheets and
path files, and the privacy rule for personal paths."""

from __future__ import annotations

import io
import json

import pytest
from pypdf import PdfReader

from paths.editing import experience as ex
from paths.editing.common import EditError
from paths.formats.files import dump_yaml, load_path_bytes
from paths.formats.spreadsheet import SpreadsheetError, path_from_spreadsheet, rows_to_csv, to_rows, to_xlsx
from paths.model.schema import json_schema
from paths.personal.model import PersonalFill, StepEntry
from paths.personal.pdf import personal_pdf
from paths.personal.store import PersonalStore
from paths.render.blueprint import blueprint_figure
from paths.render.dot import to_dot
from paths.render.experience import FEELINGS, feeling_label, feeling_words, with_experience_labels
from paths.render.text import to_text
from paths.render.text_html import to_html
from paths.render.text_markdown import to_markdown
from tests.support.factories import branching_path

HOSTILE = '<script>alert(1)</script> & "x"'


def experienced():
    path = branching_path()
    path = ex.set_feeling(path, "tarve", -2)
    path = ex.set_feeling(path, "kokous", 2)
    path = ex.set_items(path, "tarve", "pain_points", ["Pitkä odotus", HOSTILE], "fi")
    path = ex.set_items(path, "kokous", "opportunities", ["Yksi yhteyshenkilö"], "fi")
    path = ex.set_evidence(path, "tarve", "research", "Haastattelut 2024", "fi")
    return ex.set_duration_range(path, "tarve", 2, 4, "weeks")


def test_every_score_has_words_in_three_languages() -> None:
    words = {lang: [feeling_words(score, lang) for score in FEELINGS] for lang in ("fi", "sv", "en")}
    assert words["en"] == ["very hard", "hard", "neutral", "good", "very good"]
    assert words["fi"][0] == "hyvin vaikea" and words["sv"][-1] == "mycket bra"
    assert feeling_label(-1, "en") == "🙁 −1 hard" and feeling_label(0, "en", icon=False) == "±0 neutral"


def test_edits_are_pure_and_errors_are_one_sentence() -> None:
    path = branching_path()
    changed = ex.set_feeling(path, "tarve", 1)
    assert path.step("tarve").feeling is None and changed.step("tarve").feeling == 1
    with pytest.raises(EditError) as caught:
        ex.set_feeling(path, "tarve", 3)
    assert caught.value.message("en") == "The experience must be a whole number from -2 to 2."
    with pytest.raises(EditError):
        ex.set_duration_range(path, "tarve", 5, 2, "days")
    with pytest.raises(EditError):
        ex.set_evidence(path, "tarve", "rumour")
    with pytest.raises(EditError) as unknown:
        ex.set_feeling(path, "ei-ole", 1)
    assert "ei-ole" in unknown.value.message("en")
    assert ex.set_duration_range(changed, "tarve", None, None).step("tarve").duration_range is None


def test_items_keep_their_other_languages_and_promotion_adds_once() -> None:
    path = ex.set_items(branching_path(), "tarve", "pain_points", ["Odotus"], "fi")
    path = ex.set_items(path, "tarve", "pain_points", ["Waiting"], "en")
    assert (path.step("tarve").pain_points[0].fi, path.step("tarve").pain_points[0].en) == ("Odotus", "Waiting")
    added = ex.add_item(path, "tarve", "pain_points", "Epäselvyys", "fi")
    assert [item.fi for item in added.step("tarve").pain_points] == ["Odotus", "Epäselvyys"]
    assert added.step("tarve").pain_points[0].en == "Waiting"
    assert ex.add_item(added, "tarve", "pain_points", "  Epäselvyys ", "fi") is added


def test_persona_and_state_link() -> None:
    path = ex.set_persona(branching_path(), "fi", assumed=["quote", "name"], name="Testi", quote="Sitaatti")
    assert path.persona_profile.name.fi == "Testi" and path.persona_profile.assumed == ["name", "quote"]
    linked = ex.set_state_link(path, "target", "ari")
    assert (linked.target_of, linked.current_of) == ("ari", None)
    with pytest.raises(EditError):
        ex.set_state_link(path, "current", path.id)


def test_text_versions_say_the_experience_in_words_for_professionals_only() -> None:
    path = experienced()
    text = to_text(path, "en", "professional")
    assert "Experience: 😣 −2 very hard" in text
    assert "Pain points: Pitkä odotus; " + HOSTILE in text
    assert "Backing: backed by interviews or research (Haastattelut 2024)" in text
    assert "Duration (structured): 2–4 weeks" in text
    assert "very hard" not in to_text(path, "en", "client")
    html = to_html(path, "en", "professional")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<dt>Experience</dt><dd>😄 +2 very good</dd>" in html
    assert "**Experience:** 😣 −2 very hard" in to_markdown(path, "en", "professional")


def test_blueprint_has_an_experience_line_with_words_under_the_stages() -> None:
    figure = blueprint_figure(experienced(), "en")
    line = next(trace for trace in figure.data if trace.meta == {"polku": "experience"})
    assert list(line.y) == [-2, 2] and list(line.text) == ["very hard", "very good"]
    assert line.yaxis == "y2" and list(line.customdata) == ["tarve", "kokous"]
    assert list(figure.layout.yaxis2.ticktext)[0] == "😣 −2 very hard"
    assert figure.layout.yaxis2.domain[0] > figure.layout.yaxis.domain[1]  # a band above the lanes
    assert figure.layout.xaxis.position == 1  # the stage titles stay on top, the line right under them
    plain = blueprint_figure(branching_path(), "en")
    assert not any(trace.meta == {"polku": "experience"} for trace in plain.data)


def test_flow_diagram_on_request_carries_the_words_escaped() -> None:
    path = ex.set_feeling(branching_path(), "tarve", -1)
    path = path.model_copy(update={"steps": [
        step.model_copy(update={"title": step.title.model_copy(update={"en": HOSTILE})}) if step.id == "tarve" else step
        for step in path.steps]})
    dot = to_dot(with_experience_labels(path, "en"), "en")
    assert "−1 hard" in dot and "<script>" not in dot
    assert "hard" not in to_dot(branching_path(), "en")


def test_spreadsheet_round_trip_in_three_languages_and_bad_cells() -> None:
    path = experienced()
    for lang in ("fi", "sv", "en"):
        rows = to_rows(path, lang)
        back = path_from_spreadsheet(rows_to_csv(rows), "p.csv", path_id=path.id, base=path)
        assert back.step("tarve").feeling == -2 and back.step("kokous").feeling == 2
        assert back.step("tarve").duration_range == path.step("tarve").duration_range
        assert back.step("tarve").evidence == path.step("tarve").evidence
        assert [p.fi for p in back.step("tarve").pain_points] == ["Pitkä odotus", HOSTILE]
        again = path_from_spreadsheet(to_xlsx(path, lang), "p.xlsx", path_id=path.id, base=path)
        assert again.step("kokous").opportunities[0].fi == "Yksi yhteyshenkilö"
    assert "kokemus" not in to_rows(branching_path(), "fi")[0]  # no experience: the old columns only
    sheet = "stage;step;next;experience;duration range\nA;B;;-1;1-2 wk\nA;C;;very good;3\n"
    fresh = path_from_spreadsheet(sheet.encode(), "new.csv")
    assert [s.feeling for s in fresh.steps] == [-1, 2]
    assert fresh.steps[0].duration_range.days() == (7, 14) and fresh.steps[1].duration_range.days() == (3, 3)
    with pytest.raises(SpreadsheetError) as caught:
        path_from_spreadsheet(b"stage;step;next;experience\nA;B;;awful\n", "bad.csv")
    assert caught.value.message("en") == 'bad.csv, row 2: the value "awful" in the column "experience" cannot be read.'


def test_path_files_and_the_json_schema_carry_the_experience() -> None:
    path = experienced()
    assert load_path_bytes(dump_yaml(path).encode(), "p.yaml") == path
    step_schema = json_schema()["$defs"]["Step"]["properties"]
    assert {"feeling", "pain_points", "opportunities", "evidence", "evidence_source", "duration_range"} <= set(
        step_schema)
    committed = json.loads(open("data/schema/service-path.schema.json", encoding="utf-8").read())
    assert committed["$defs"]["Step"]["properties"]["feeling"] == step_schema["feeling"]


def test_a_personal_path_gets_none_of_it_but_keeps_the_clients_own_feeling(tmp_path) -> None:
    store = PersonalStore(f"sqlite:///{tmp_path / 'personal.db'}")
    personal, _ = store.create(experienced(), 1, owner="Olli", display_name="Testi", lang="en")
    assert all(step.feeling is None and not step.pain_points for step in personal.source.steps)
    assert "very hard" not in json.dumps(store.export(personal.id)["source_path"])
    store.save_fill(personal.id, PersonalFill(entries={"tarve": StepEntry(feeling=-1)}), "client")
    loaded = store.get(personal.id)
    assert loaded.fill.entry("tarve").feeling == -1
    exported = store.export(personal.id)
    assert exported["versions"][-1]["fill"]["entries"]["tarve"]["feeling"] == -1
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(personal_pdf(loaded))).pages)
    assert "How this felt: −1 hard" in " ".join(text.split())  # the status column may wrap it
    assert store.erase(personal.id) and store.get(personal.id) is None and store.export(personal.id) is None
    store.engine.dispose()
