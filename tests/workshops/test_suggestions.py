"""Suggested changes on a real SQLite file and a real PostgreSQL: every kind applied through the editing
functions, the server's limits, votes, accepting (history names both), declining, out of date, previews."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import inspect

from paths.i18n.catalog import t
from paths.store.library import Store
from paths.workshops.changes import (
    HIGHLIGHT,
    Change,
    SuggestionError,
    apply_change,
    describe,
    fingerprint,
    out_of_date,
    preview_dot,
)
from paths.workshops.rules import VoteLimitError, WorkshopError, new_participant_token
from paths.workshops.suggestions import MAX_OPEN_SUGGESTIONS, SuggestionStore, overlapping
from paths.workshops.workshop import WorkshopStore
from tests.support.factories import branching_path


@pytest.fixture
def sg(ws: WorkshopStore) -> SuggestionStore:
    return SuggestionStore(ws)


def step_change(kind: str, target: str = "tarve", **fields: object) -> Change:
    return Change(kind=kind, target_kind="step", target=target, **fields)


# -- the pure part ---------------------------------------------------------------------------------


def test_every_kind_of_change_is_made_through_the_editing_functions() -> None:
    path = branching_path()
    after = apply_change(path, step_change("add_after", title="Soitto asiakkaalle"))
    new = next(s for s in after.steps if s.id not in {x.id for x in path.steps})
    outgoing = {tr.target for tr in path.transitions if tr.source == "tarve"}
    assert {tr.target for tr in after.transitions if tr.source == "tarve"} == {new.id}
    assert {tr.target for tr in after.transitions if tr.source == new.id} == outgoing
    before = apply_change(path, step_change("add_before", "yhteydenotto", title="Ajanvaraus"))
    added = next(s for s in before.steps if s.id not in {x.id for x in path.steps})
    assert {tr.source for tr in before.transitions if tr.target == "yhteydenotto"} == {added.id}
    assert apply_change(path, step_change("rename", title="Uusi nimi")).step("tarve").title.fi == "Uusi nimi"
    rewritten = apply_change(path, step_change("rewrite", text="Selkeä teksti"))
    assert rewritten.step("tarve").client_text.fi == "Selkeä teksti"
    assert apply_change(path, step_change("move", stage="yhteys")).step("tarve").stage == "yhteys"
    connected = apply_change(path, step_change("connect", other="kokous", condition="jos tarvitaan"))
    assert any(tr.source == "tarve" and tr.target == "kokous" and tr.condition.fi == "jos tarvitaan"
               for tr in connected.transitions)
    target = next(tr.target for tr in path.transitions if tr.source == "tarve")
    cut = apply_change(path, step_change("disconnect", other=target))
    assert not any(tr.source == "tarve" and tr.target == target for tr in cut.transitions)
    assert apply_change(path, step_change("bulb", on=True)).step("tarve").coordinator is True
    helped = apply_change(path, step_change("add_actor", actor="Kuntoutusohjaaja"))
    assert len(helped.step("tarve").actors) == 3 and len(helped.actors) == len(path.actors) + 1
    known = apply_change(path, step_change("add_actor", actor="koordinaattori"))
    assert known.step("tarve").actors[-1] == "koordinaattori"
    staged = apply_change(path, Change(kind="add_step", target_kind="stage", target="verkosto", title="Uusi"))
    assert [s.stage for s in staged.steps].count("verkosto") == [s.stage for s in path.steps].count("verkosto") + 1
    renamed = apply_change(path, Change(kind="rename", target_kind="stage", target="yhteys",
                                        title="Yhteys ja ajanvaraus"))
    assert renamed.stage("yhteys").title.fi == "Yhteys ja ajanvaraus"


def test_a_change_is_out_of_date_when_its_step_was_removed_or_changed() -> None:
    path = branching_path()
    change = step_change("rename", title="Uusi")
    seen = fingerprint(path, change)
    assert out_of_date(path, change, seen) is None
    assert out_of_date(apply_change(path, step_change("bulb", on=True)), change, seen) == "changed"
    kept = [tr for tr in path.transitions if "tarve" not in (tr.source, tr.target)]
    gone = path.model_copy(update={"steps": [s for s in path.steps if s.id != "tarve"], "transitions": kept})
    assert out_of_date(gone, change, seen) == "removed"
    assert out_of_date(apply_change(path, step_change("rename", "kirjaus", title="Muu")), change, seen) is None


def test_the_preview_is_the_diagram_after_the_change_with_it_highlighted_and_hostile_text_escaped() -> None:
    path = branching_path()
    hostile = '<script>alert(1)</script>" ] ; n0 -> n1'
    dot = preview_dot(path, step_change("add_after", title=hostile), "professional", "fi")
    assert dot.startswith("strict digraph")
    assert HIGHLIGHT in dot and "<script>" not in dot and "&lt;script&gt;" in dot
    removed = preview_dot(path, step_change("disconnect", other="kirjaus"), "professional", "fi")
    assert 'style="dashed"' in removed
    from paths.render.image import dot_binary, render_dot

    if dot_binary():
        assert render_dot(dot, "svg").startswith(b"<?xml")  # the real `dot` reads it


def test_suggestions_touching_the_same_step_are_grouped() -> None:
    class S:  # the shape `overlapping` reads
        def __init__(self, id_: int, change: Change) -> None:
            self.id, self.change = id_, change

    a, b = S(1, step_change("rename", title="A")), S(2, step_change("bulb", "kokous"))
    c = S(3, step_change("connect", "kirjaus", other="tarve"))
    groups = overlapping([a, b, c])
    assert [[s.id for s in group] for group in groups] == [[1, 3], [2]]


def test_descriptions_name_what_changes_in_each_language() -> None:
    path = branching_path()
    change = step_change("add_after", title="Soitto")
    assert describe(path, change, "en") == "A new step “Soitto” after “Tarve tunnistetaan”"
    assert "Soitto" in describe(path, change, "sv")


# -- the store -------------------------------------------------------------------------------------


def test_the_migration_adds_the_suggestion_tables(store: Store) -> None:
    assert {"suggestions", "suggestion_votes"} <= set(inspect(store.engine).get_table_names())
    assert store.schema_revision() == "0003"


def test_accepting_saves_a_version_whose_history_names_the_participant_and_the_facilitator(
    ws: WorkshopStore, sg: SuggestionStore, store: Store
) -> None:
    workshop = ws.open_workshop("testipolku", "Fasilitaattori", "professional")
    token = new_participant_token()
    made = sg.suggest(workshop.id, token, step_change("add_after", title="Soitto asiakkaalle", lang="fi"),
                      display_name="Maija")
    anonymous = sg.suggest(workshop.id, new_participant_token(), step_change("bulb", "kirjaus", on=True))
    assert [s.mine for s in sg.suggestions(workshop.id, token)] == [True, False]
    version = sg.accept(made.id, "Fasilitaattori", "en")
    assert version == 2
    saved = store.get_path("testipolku")
    assert any(step.title.fi == "Soitto asiakkaalle" for step in saved.steps)
    top = store.history("testipolku", "en")[0]
    assert top.author == "Fasilitaattori"
    assert top.summary == t("suggest.history", "en", what="A new step “Soitto asiakkaalle” after “Tarve tunnistetaan”",
                            who="Maija", by="Fasilitaattori")
    assert sg.get(made.id).status == "accepted" and sg.get(made.id).accepted_version == 2
    sg.accept(anonymous.id, "Fasilitaattori", "en")
    assert "suggested by a participant" in store.history("testipolku", "en")[0].summary
    with pytest.raises(SuggestionError, match="already been handled"):
        sg.accept(made.id, "Fasilitaattori", "en")


def test_a_suggestion_on_a_step_changed_since_is_out_of_date_and_never_applied(
    ws: WorkshopStore, sg: SuggestionStore, store: Store
) -> None:
    workshop = ws.open_workshop("testipolku", "Fasilitaattori", "professional")
    first = sg.suggest(workshop.id, new_participant_token(), step_change("rename", title="Ensimmäinen"))
    second = sg.suggest(workshop.id, new_participant_token(), step_change("rewrite", text="Toinen teksti"))
    sg.accept(first.id, "Fasilitaattori", "fi")
    with pytest.raises(SuggestionError) as refused:
        sg.accept(second.id, "Fasilitaattori", "fi")
    assert refused.value.key == "out_of_date_changed"
    assert store.latest_version("testipolku") == 2 and sg.get(second.id).is_open


def test_declining_keeps_the_path_and_tells_the_participant_why(ws: WorkshopStore, sg: SuggestionStore,
                                                                 store: Store) -> None:
    workshop = ws.open_workshop("testipolku", "Fasilitaattori", "professional")
    made = sg.suggest(workshop.id, new_participant_token(), step_change("bulb", on=True))
    with pytest.raises(WorkshopError):  # the one text rule: a NUL is refused, never stored
        sg.decline(made.id, "Fasilitaattori", "Ei\x00")
    assert sg.decline(made.id, "Fasilitaattori", "Ei koordinaattorin\x07 askel\u202e")
    declined = sg.get(made.id)
    assert (declined.status, declined.reason) == ("declined", "Ei koordinaattorin askel")
    assert store.latest_version("testipolku") == 1
    assert sg.decline(made.id, "Fasilitaattori", "") is False


def test_limits_closed_workshop_cap_hidden_steps_and_bad_input(ws: WorkshopStore, sg: SuggestionStore) -> None:
    client = ws.open_workshop("testipolku", "Fasilitaattori", "client")
    token = new_participant_token()
    with pytest.raises(SuggestionError) as hidden:  # "kirjaus" is for professionals only
        sg.suggest(client.id, token, step_change("rename", "kirjaus", title="X"))
    assert hidden.value.key == "target"
    with pytest.raises(SuggestionError, match="name"):
        sg.suggest(client.id, token, step_change("rename", title="   "))
    with pytest.raises(SuggestionError, match="at most 200"):
        sg.suggest(client.id, token, step_change("rename", title="x" * 201))
    with pytest.raises(SuggestionError):
        sg.suggest(client.id, token, step_change("explode"))
    for number in range(MAX_OPEN_SUGGESTIONS):
        sg.suggest(client.id, token, step_change("rename", title=f"Nimi {number}"))
    with pytest.raises(SuggestionError) as capped:
        sg.suggest(client.id, token, step_change("rename", title="Yksi liikaa"))
    assert capped.value.key == "too_many"
    sg.suggest(client.id, new_participant_token(), step_change("rename", title="Toinen osallistuja"))
    ws.close(client.id)
    with pytest.raises(Exception, match="closed"):
        sg.suggest(client.id, new_participant_token(), step_change("rename", title="Liian myöhään"))


def test_votes_on_suggestions_share_the_budget_with_notes_even_in_parallel(ws: WorkshopStore,
                                                                           sg: SuggestionStore) -> None:
    workshop = ws.open_workshop("testipolku", "Fasilitaattori", "professional", votes_per_participant=3)
    made = sg.suggest(workshop.id, new_participant_token(), step_change("bulb", on=True))
    voter = new_participant_token()
    ws.vote(workshop.id, voter, step_id="tarve")

    def vote() -> bool:
        try:
            sg.vote(workshop.id, voter, made.id)
            return True
        except VoteLimitError:
            return False

    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(lambda _: vote(), range(8)))
    assert results.count(True) == 2
    assert ws.my_votes(workshop.id, voter) == {("step", "tarve"): 1, ("suggestion", str(made.id)): 2}
    with pytest.raises(VoteLimitError):
        ws.vote(workshop.id, voter, step_id="kokous")
    assert sg.unvote(workshop.id, voter, made.id)
    assert sg.suggestions(workshop.id)[0].votes == 1


def test_hostile_text_is_stored_as_text(ws: WorkshopStore, sg: SuggestionStore) -> None:
    workshop = ws.open_workshop("testipolku", "Fasilitaattori", "professional")
    hostile = "**lihava** <img src=x onerror=alert(1)> =SUM(A1)"
    made = sg.suggest(workshop.id, new_participant_token(), step_change("rename", title=hostile),
                      display_name="<b>Maija</b>")
    stored = sg.get(made.id)
    assert stored.change.title == hostile and stored.display_name == "<b>Maija</b>"
