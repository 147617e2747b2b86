"""The compare on a pair of paths that differ in known ways."""

from __future__ import annotations

from paths.analytics.compare import compare
from paths.analytics.output import difference_lines, stats_csv, stats_json, stats_text
from paths.editing import edits
from tests.support.factories import branching_path


def pair():
    """The test path and a target made from it with exactly: one step added (uusi, in "verkosto" after kokous),
    one removed (kirjaus, bridged), one moved to another stage (seuranta → paatos), one changed (tarve's
    title), and so hand-offs that differ."""
    current = branching_path()
    target = edits.remove_step(current, "kirjaus", bridge=True)
    target = edits.add_step(target, "verkosto", "Uusi askel", "fi", step_id="uusi")
    target = edits.update_step(target, "uusi", "fi", actors=["koordinaattori"])
    target = edits.connect(target, "kokous", "uusi", "", "fi")
    target = edits.update_step(target, "seuranta", "fi", stage="paatos")
    target = edits.update_step(target, "tarve", "fi", title="Tarve huomataan")
    return current, target


def test_steps_added_removed_moved_and_changed() -> None:
    current, target = pair()
    result = compare(current, target)
    ops = {(change.op, change.step_id) for change in result.steps}
    assert ("added", "uusi") in ops
    assert ("removed", "kirjaus") in ops
    assert ("moved", "seuranta") in ops
    assert ("changed", "tarve") in ops
    changed = next(change for change in result.steps if change.step_id == "tarve")
    assert changed.fields == ("title",)
    moved = next(change for change in result.steps if change.step_id == "seuranta")
    assert (moved.old_stage, moved.new_stage) == ("verkosto", "paatos")
    assert result.count("added") == 1 and result.count("removed") == 1


def test_handoffs_added_and_removed() -> None:
    current, target = pair()
    result = compare(current, target)
    handoffs = {(h.op, h.source, h.target) for h in result.handoffs}
    # kirjaus (sote) → yhteydenotto (koordinaattori) goes with kirjaus; the bridge tarve (asiakas) →
    # yhteydenotto (koordinaattori) is a new hand-off.
    assert ("removed", "kirjaus", "yhteydenotto") in handoffs
    assert ("added", "tarve", "yhteydenotto") in handoffs
    # tarve (asiakas) → kirjaus (sote) went too.
    assert ("removed", "tarve", "kirjaus") in handoffs


def test_figures_of_both_with_the_change() -> None:
    current, target = pair()
    result = compare(current, target)
    rows = {name: (before, after, change) for name, before, after, change in result.figure_rows()}
    assert rows["steps"] == (7, 7, 0)  # one removed, one added
    assert rows["handoffs"][2] == rows["handoffs"][1] - rows["handoffs"][0]
    assert rows["average_feeling"] == (None, None, None)


def test_identical_paths_do_not_differ() -> None:
    path = branching_path()
    result = compare(path, path)
    assert result.steps == [] and result.handoffs == []
    assert difference_lines(result, "en") == []
    assert "The paths do not differ." in stats_text(result.current_figures, path, "en", result)


def test_outputs_name_the_differences_in_each_language() -> None:
    current, target = pair()
    result = compare(current, target)
    english = "\n".join(difference_lines(result, "en"))
    assert "Step added: Uusi askel" in english
    assert "Step moved: Seuranta (Network → Ending)" in english
    assert "Step changed: Tarve huomataan (title)" in english
    assert "Hand-off added:" in english
    assert "Lisätty askel: Uusi askel" in "\n".join(difference_lines(result, "fi"))
    assert "Tillagt steg" in "\n".join(difference_lines(result, "sv"))
    data = stats_json(result.current_figures, result, "en")
    assert '"op": "moved"' in data and '"other": "testipolku"' in data
    csv = stats_csv(result.current_figures, "en", result).decode("utf-8-sig")
    assert csv.splitlines()[0] == "Key;Figure;testipolku;testipolku;Change"
