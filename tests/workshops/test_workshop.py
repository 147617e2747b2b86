"""Workshops, notes and votes on a real SQLite file and a real PostgreSQL: join codes, closing,
validation, the vote limit under concurrency, fifty participants at once, exports."""

from __future__ import annotations

import csv
import io
import multiprocessing
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from alembic.script import ScriptDirectory
from openpyxl import load_workbook
from sqlalchemy import inspect, select

from paths.i18n.catalog import t
from paths.store.library import Store
from paths.store.tables import alembic_config
from paths.workshops.rules import (
    CODE_ALPHABET,
    CODE_LENGTH,
    MAX_NOTE_CHARS,
    VoteLimitError,
    WorkshopClosedError,
    WorkshopError,
    new_code,
    new_participant_token,
    normalise_code,
)
from paths.workshops.tables import notes_table, votes_table
from paths.workshops.wall import EXPORT_COLUMNS, export_csv, export_xlsx, group_notes
from paths.workshops.workshop import WorkshopStore


def codes(*values: str):  # noqa: ANN201 - a code factory
    """A code factory that hands out the given codes in order (to force clashes)."""
    remaining = list(values)
    return lambda: remaining.pop(0)


# -- the schema ------------------------------------------------------------------------------------


def test_the_migration_adds_the_tables_in_one_linear_chain(store: Store) -> None:
    script = ScriptDirectory.from_config(alembic_config())
    assert len(script.get_heads()) == 1
    assert store.schema_revision() == script.get_current_head()
    tables = set(inspect(store.engine).get_table_names())
    assert {"users", "sign_in_failures", "workshops", "notes", "votes"} <= tables


# -- join codes ------------------------------------------------------------------------------------


def test_codes_are_short_and_unambiguous() -> None:
    drawn = {new_code() for _ in range(500)}
    assert len(drawn) > 490
    for code in drawn:
        assert len(code) == CODE_LENGTH
        assert not set(code) & set("0O1I"), code
        assert set(code) <= set(CODE_ALPHABET)


def test_a_typed_code_is_normalised_or_refused() -> None:
    assert normalise_code(" abc-234 ") == "ABC234"
    assert normalise_code("ab c2 34") == "ABC234"
    assert normalise_code("ABC23") is None
    assert normalise_code("ABC2340") is None
    assert normalise_code("ABCO34") is None  # O is not in the alphabet
    assert normalise_code("") is None
    assert normalise_code(None) is None


def test_open_workshops_never_share_a_code_and_a_closed_one_frees_it(ws: WorkshopStore) -> None:
    first = ws.open_workshop("testipolku", "Fasilitaattori", code_factory=codes("AAAAAA"))
    second = ws.open_workshop("testipolku", "Fasilitaattori", code_factory=codes("AAAAAA", "AAAAAA", "BBBBBB"))
    assert first.code == "AAAAAA"
    assert second.code == "BBBBBB"
    assert ws.find_open("aaaaaa").id == first.id
    assert ws.close(first.id)
    assert ws.find_open("AAAAAA") is None, "a closed workshop's code no longer opens it"
    third = ws.open_workshop("testipolku", "Fasilitaattori", code_factory=codes("AAAAAA"))
    assert third.code == "AAAAAA" and third.id != first.id
    assert ws.find_open("AAAAAA").id == third.id
    assert not ws.close(first.id), "closing twice changes nothing"


def test_opening_checks_its_settings(ws: WorkshopStore) -> None:
    with pytest.raises(WorkshopError) as unknown:
        ws.open_workshop("no-such-path", "F")
    assert unknown.value.key == "workshop.error.unknown_path"
    with pytest.raises(WorkshopError):
        ws.open_workshop("testipolku", "F", audience="everybody")
    with pytest.raises(WorkshopError):
        ws.open_workshop("testipolku", "F", votes_per_participant=99)
    opened = ws.open_workshop("testipolku", "F", audience="professional", votes_per_participant=0)
    assert opened.is_open and opened.path_version == 1 and opened.votes_per_participant == 0


# -- notes -----------------------------------------------------------------------------------------


def test_a_note_is_stored_on_a_step_or_a_stage(ws: WorkshopStore) -> None:
    workshop = ws.open_workshop("testipolku", "F")
    token = new_participant_token()
    on_step = ws.add_note(
        workshop.id, token, "idea", "Lisää tekstiviestimuistutus", step_id="tarve", display_name="Aino"
    )
    on_stage = ws.add_note(workshop.id, token, "question", "Kuka soittaa?", stage_id="yhteys")
    stored = ws.notes(workshop.id)
    assert [(n.id, n.step_id, n.stage_id, n.kind, n.text, n.display_name) for n in stored] == [
        (on_step.id, "tarve", None, "idea", "Lisää tekstiviestimuistutus", "Aino"),
        (on_stage.id, None, "yhteys", "question", "Kuka soittaa?", None),
    ]
    assert all(not n.done and not n.turned_into_edit for n in stored)


def test_bad_notes_are_refused_with_one_sentence_and_nothing_stored(ws: WorkshopStore) -> None:
    workshop = ws.open_workshop("testipolku", "F", audience="client")
    token = new_participant_token()
    cases = [
        ({"kind": "idea", "text": "   ", "step_id": "tarve"}, "workshop.error.empty_note"),
        ({"kind": "idea", "text": "x" * (MAX_NOTE_CHARS + 1), "step_id": "tarve"}, "workshop.error.long_note"),
        ({"kind": "rant", "text": "hei", "step_id": "tarve"}, "workshop.error.kind"),
        ({"kind": "idea", "text": "hei", "step_id": "no-such-step"}, "workshop.error.target"),
        ({"kind": "idea", "text": "hei"}, "workshop.error.target"),
        ({"kind": "idea", "text": "hei", "step_id": "tarve", "stage_id": "yhteys"}, "workshop.error.target"),
        # A back-office step is not in the client view, so client participants cannot write on it.
        ({"kind": "idea", "text": "hei", "step_id": "kirjaus"}, "workshop.error.target"),
        ({"kind": "idea", "text": "hei", "step_id": "tarve", "display_name": "n" * 61}, "workshop.error.long_name"),
    ]
    for kwargs, key in cases:
        kind, text = kwargs.pop("kind"), kwargs.pop("text")
        with pytest.raises(WorkshopError) as refused:
            ws.add_note(workshop.id, token, kind, text, **kwargs)
        assert refused.value.key == key
        for lang in ("fi", "sv", "en"):
            assert refused.value.message(lang).endswith((".", "!")), refused.value.message(lang)
    with pytest.raises(WorkshopError):
        ws.add_note(workshop.id, "short", "idea", "hei", step_id="tarve")
    assert ws.notes(workshop.id) == []


def test_the_professional_view_takes_notes_on_back_office_steps(ws: WorkshopStore) -> None:
    workshop = ws.open_workshop("testipolku", "F", audience="professional")
    note = ws.add_note(workshop.id, new_participant_token(), "problem", "Kirjaus viivästyy", step_id="kirjaus")
    assert note.step_id == "kirjaus"


def test_hostile_text_is_kept_literally_without_control_characters(ws: WorkshopStore) -> None:
    workshop = ws.open_workshop("testipolku", "F")
    hostile = "=HYPERLINK(\"http://x\")\x07 <script>alert(1)</script>\u202e ok\vrivi 2"
    token = new_participant_token()
    note = ws.add_note(workshop.id, token, "problem", hostile, step_id="tarve", display_name="\tA\x1b")
    stored = ws.notes(workshop.id)[0]
    assert stored.text == note.text == "=HYPERLINK(\"http://x\") <script>alert(1)</script> ok\nrivi 2"
    assert stored.display_name == "A"


def test_a_note_holding_nul_is_refused_by_the_text_rule(ws: WorkshopStore) -> None:
    """The same rule as for path texts (paths/model/text_rules.py): NUL is refused, nothing stored."""
    workshop = ws.open_workshop("testipolku", "F")
    with pytest.raises(WorkshopError) as info:
        ws.add_note(workshop.id, new_participant_token(), "problem", "a\x00b", step_id="tarve")
    assert info.value.key == "text_rule.nul" and "NUL" in info.value.message("en")
    assert ws.notes(workshop.id) == []


def test_a_closed_workshop_refuses_notes_and_votes_but_keeps_its_notes(ws: WorkshopStore) -> None:
    workshop = ws.open_workshop("testipolku", "F")
    token = new_participant_token()
    kept = ws.add_note(workshop.id, token, "praise", "Hyvä vastaanotto", step_id="tarve")
    assert ws.close(workshop.id)
    with pytest.raises(WorkshopClosedError):
        ws.add_note(workshop.id, token, "idea", "Myöhässä", step_id="tarve")
    with pytest.raises(WorkshopClosedError):
        ws.vote(workshop.id, token, note_id=kept.id)
    with pytest.raises(WorkshopClosedError):
        ws.vote(workshop.id, token, step_id="tarve")
    assert [n.id for n in ws.notes(workshop.id)] == [kept.id]
    later = ws.open_workshop("testipolku", "F")
    ws.add_note(later.id, token, "idea", "Toinen työpaja", stage_id="yhteys")
    assert [n.text for n in ws.path_notes("testipolku")] == ["Hyvä vastaanotto", "Toinen työpaja"]


def test_only_a_hash_of_the_participant_token_is_stored(ws: WorkshopStore, store: Store) -> None:
    workshop = ws.open_workshop("testipolku", "F")
    token = new_participant_token()
    ws.add_note(workshop.id, token, "idea", "Idea", step_id="tarve")
    ws.vote(workshop.id, token, step_id="tarve")
    with store.read() as connection:
        stored = [*connection.execute(select(notes_table.c.participant_hash)).scalars()]
        stored += [*connection.execute(select(votes_table.c.participant_hash)).scalars()]
    assert len(stored) == 2 and all(len(value) == 64 and token not in value for value in stored)


def test_marking_done_and_turning_into_an_edit(ws: WorkshopStore) -> None:
    workshop = ws.open_workshop("testipolku", "F")
    note = ws.add_note(workshop.id, new_participant_token(), "problem", "Odotus pitkä", step_id="kokous")
    assert ws.set_done(note.id)
    assert ws.mark_turned_into_edit(note.id)
    stored = ws.notes(workshop.id)[0]
    assert stored.done and stored.turned_into_edit
    assert ws.set_done(note.id, False)
    assert not ws.notes(workshop.id)[0].done
    assert not ws.set_done(999_999)


# -- votes -----------------------------------------------------------------------------------------


def test_votes_stop_at_the_limit_and_can_be_taken_back(ws: WorkshopStore) -> None:
    workshop = ws.open_workshop("testipolku", "F", votes_per_participant=3)
    alice, bob = new_participant_token(), new_participant_token()
    note = ws.add_note(workshop.id, bob, "idea", "Idea", step_id="tarve")
    assert ws.vote(workshop.id, alice, note_id=note.id) == 2
    assert ws.vote(workshop.id, alice, note_id=note.id) == 1  # dot-voting: several dots on one item
    assert ws.vote(workshop.id, alice, step_id="kokous") == 0
    with pytest.raises(VoteLimitError) as over:
        ws.vote(workshop.id, alice, step_id="tarve")
    assert over.value.limit == 3 and "3" in over.value.message("en")
    assert ws.vote(workshop.id, bob, note_id=note.id) == 2, "each participant has their own votes"
    assert ws.my_votes(workshop.id, alice) == {("note", str(note.id)): 2, ("step", "kokous"): 1}
    assert ws.notes(workshop.id)[0].votes == 3
    assert ws.step_votes(workshop.id) == {"kokous": 1}
    assert ws.unvote(workshop.id, alice, note_id=note.id)
    assert ws.vote(workshop.id, alice, step_id="tarve") == 0
    assert not ws.unvote(workshop.id, alice, step_id="seuranta")
    assert ws.count_votes(workshop.id) == 4
    assert ws.participants(workshop.id) == 2


def test_votes_need_a_target_of_this_workshop(ws: WorkshopStore) -> None:
    workshop = ws.open_workshop("testipolku", "F")
    other = ws.open_workshop("testipolku", "F")
    token = new_participant_token()
    foreign = ws.add_note(other.id, token, "idea", "Muualla", step_id="tarve")
    targets = ({"note_id": foreign.id}, {"step_id": "no-such-step"}, {}, {"note_id": foreign.id, "step_id": "tarve"})
    for kwargs in targets:
        with pytest.raises(WorkshopError) as refused:
            ws.vote(workshop.id, token, **kwargs)
        assert refused.value.key == "workshop.error.vote_target"
    assert ws.count_votes(workshop.id) == 0


def test_the_vote_limit_holds_under_concurrent_votes(ws: WorkshopStore) -> None:
    """Twenty clicks at the same moment from one participant with three votes: exactly three are stored."""
    limit, clicks = 3, 20
    workshop = ws.open_workshop("testipolku", "F", votes_per_participant=limit)
    token = new_participant_token()
    note = ws.add_note(workshop.id, new_participant_token(), "idea", "Idea", step_id="tarve")
    barrier = threading.Barrier(clicks)

    def click(i: int) -> str:
        barrier.wait(timeout=30)
        try:
            ws.vote(workshop.id, token, note_id=note.id) if i % 2 else ws.vote(workshop.id, token, step_id="tarve")
        except VoteLimitError:
            return "refused"
        return "stored"

    with ThreadPoolExecutor(clicks) as pool:
        outcomes = list(pool.map(click, range(clicks)))
    assert outcomes.count("stored") == limit
    assert outcomes.count("refused") == clicks - limit
    assert sum(ws.my_votes(workshop.id, token).values()) == limit
    assert ws.count_votes(workshop.id) == limit


# -- fifty participants at the same moment ---------------------------------------------------------


def test_fifty_participants_posting_at_the_same_moment_lose_no_note(ws: WorkshopStore) -> None:
    participants, each = 50, 4
    workshop = ws.open_workshop("testipolku", "F")
    barrier = threading.Barrier(participants)
    steps = ["tarve", "yhteydenotto", "kokous", "seuranta", "loppu"]

    def participant(i: int) -> list[int]:
        token = new_participant_token()
        barrier.wait(timeout=60)
        return [
            ws.add_note(
                workshop.id, token, "idea", f"osallistuja {i} huomio {n}", step_id=steps[(i + n) % len(steps)]
            ).id
            for n in range(each)
        ]

    with ThreadPoolExecutor(participants) as pool:
        ids = [note_id for batch in pool.map(participant, range(participants)) for note_id in batch]
    stored = ws.notes(workshop.id)
    assert len(ids) == len(set(ids)) == participants * each
    assert sorted(n.id for n in stored) == sorted(ids)
    assert {n.text for n in stored} == {f"osallistuja {i} huomio {n}" for i in range(participants) for n in range(each)}
    assert ws.participants(workshop.id) == participants


def _post_from_process(url: str, workshop_id: int, worker: int, notes: int, barrier, queue) -> None:  # noqa: ANN001
    store = Store(url)
    try:
        workshops = WorkshopStore(store)
        token = new_participant_token()
        barrier.wait(timeout=120)
        ids = [
            workshops.add_note(workshop_id, token, "question", f"prosessi {worker} huomio {n}", step_id="tarve").id
            for n in range(notes)
        ]
        queue.put(ids)
    finally:
        store.close()


def test_several_processes_posting_at_once_lose_no_note(ws: WorkshopStore, store: Store) -> None:
    workers, notes = 4, 15
    workshop = ws.open_workshop("testipolku", "F")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([__name__])
    barrier = context.Barrier(workers)
    queue = context.Queue()
    processes = [
        context.Process(target=_post_from_process, args=(store.url, workshop.id, worker, notes, barrier, queue))
        for worker in range(workers)
    ]
    for process in processes:
        process.start()
    try:
        reported = [note_id for _ in range(workers) for note_id in queue.get(timeout=240)]
    finally:
        for process in processes:
            process.join(timeout=60)
            if process.is_alive():
                process.kill()
    assert all(process.exitcode == 0 for process in processes)
    stored = ws.notes(workshop.id)
    assert len(reported) == workers * notes
    assert sorted(n.id for n in stored) == sorted(reported)


# -- the wall and the exports ----------------------------------------------------------------------


def test_notes_are_grouped_in_the_paths_reading_order(ws: WorkshopStore, store: Store) -> None:
    workshop = ws.open_workshop("testipolku", "F", audience="professional")
    token = new_participant_token()
    for target in ("loppu", "kirjaus", "tarve", "kirjaus"):
        ws.add_note(workshop.id, token, "idea", target, step_id=target)
    ws.add_note(workshop.id, token, "idea", "vaihe", stage_id="verkosto")
    groups = group_notes(ws.notes(workshop.id), store.get_path("testipolku"), "fi")
    assert [(g.kind, g.target_id, len(g.notes)) for g in groups] == [
        ("step", "tarve", 1),
        ("step", "kirjaus", 2),
        ("stage", "verkosto", 1),
        ("step", "loppu", 1),
    ]
    assert groups[0].title == "Tarve tunnistetaan" and groups[0].stage_title == "Tunnistus"


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_the_export_has_the_agreed_columns_and_guards_formulas(ws: WorkshopStore, store: Store, lang: str) -> None:
    workshop = ws.open_workshop("testipolku", "F")
    alice, bob = new_participant_token(), new_participant_token()
    first = ws.add_note(workshop.id, alice, "idea", "=HYPERLINK(\"http://evil\",\"x\")", step_id="tarve",
                        display_name="@Aino")
    ws.add_note(workshop.id, bob, "problem", "Odotus; \"pitkä\"\nkaksi riviä", stage_id="yhteys")
    ws.vote(workshop.id, alice, note_id=first.id)
    ws.vote(workshop.id, bob, note_id=first.id)
    notes, path = ws.notes(workshop.id), store.get_path("testipolku")
    headers = [t(f"workshop.export.col.{column}", lang) for column in EXPORT_COLUMNS]
    first_stage, second_stage = path.stage("tunnistus").title.get(lang), path.stage("yhteys").title.get(lang)

    data = export_csv(notes, path, lang)
    assert data.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == headers
    assert rows[1][:6] == [
        "Tarve tunnistetaan", first_stage, t("workshop.kind.idea", lang), "'=HYPERLINK(\"http://evil\",\"x\")", "2",
        "'@Aino",
    ]
    assert rows[2][:6] == [
        "", second_stage, t("workshop.kind.problem", lang), "Odotus; \"pitkä\"\nkaksi riviä", "0", ""
    ]
    assert rows[1][6].startswith(notes[0].created_at.strftime("%Y-%m-%d"))
    assert len(rows) == 3

    sheet = load_workbook(io.BytesIO(export_xlsx(notes, path, lang, title="testipolku"))).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0] == headers
    assert values[1][:6] == ["Tarve tunnistetaan", first_stage, t("workshop.kind.idea", lang),
                             "=HYPERLINK(\"http://evil\",\"x\")", 2, "@Aino"]
    assert sheet.cell(row=2, column=4).data_type == "s", "stored as text, never as a formula"
    assert len(values) == 3


def test_an_empty_export_still_has_its_header(store: Store) -> None:
    path = store.get_path("testipolku")
    rows = list(csv.reader(io.StringIO(export_csv([], path, "sv").decode("utf-8-sig")), delimiter=";"))
    assert rows == [[t(f"workshop.export.col.{column}", "sv") for column in EXPORT_COLUMNS]]


