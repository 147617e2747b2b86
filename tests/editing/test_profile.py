"""The persona profile's and the current/target link's pure edits (paths.editing.profile)."""

from __future__ import annotations

import pytest

from paths.editing import profile as pr
from paths.editing.edits import EditError
from paths.editing.session import EditSession
from tests.support.factories import branching_path

LIBRARY = {"ari", "maija", "testi"}


def test_adding_and_removing_the_persona() -> None:
    path = branching_path()
    assert path.persona_profile is None
    added = pr.add_persona(path)
    assert added.persona_profile is not None and added.persona_profile.name.fi == ""
    assert pr.add_persona(added) is added
    assert pr.remove_persona(added).persona_profile is None
    assert pr.remove_persona(path) is path


def test_a_field_is_written_in_one_language_and_keeps_the_others() -> None:
    path = pr.set_persona_text(branching_path(), "name", "  Maija  ", "fi")
    path = pr.set_persona_text(path, "name", "Maja", "sv")
    assert (path.persona_profile.name.fi, path.persona_profile.name.sv) == ("Maija", "Maja")
    assert pr.set_persona_text(path, "name", "Maija", "fi") is path
    quoted = pr.set_persona_text(path, "quote", "<b>Miksi?</b>", "fi")
    assert quoted.persona_profile.quote.fi == "<b>Miksi?</b>" and quoted.persona_profile.name.fi == "Maija"


def test_bad_persona_fields_are_refused_with_a_sentence() -> None:
    with pytest.raises(EditError) as bad:
        pr.set_persona_text(branching_path(), "age", "40")
    assert "age" in bad.value.message("en")
    with pytest.raises(EditError) as long:
        pr.set_persona_text(branching_path(), "needs", "x" * (pr.MAX_PERSONA_CHARS + 1))
    assert str(pr.MAX_PERSONA_CHARS) in long.value.message("fi")
    with pytest.raises(EditError):
        pr.mark_assumed(branching_path(), "age", True)


def test_assumed_marks_go_on_and_off_one_field_at_a_time() -> None:
    path = pr.mark_assumed(branching_path(), "quote", True)
    path = pr.mark_assumed(path, "name", True)
    assert path.persona_profile.assumed == ["name", "quote"]
    assert pr.mark_assumed(path, "name", True) is path
    path = pr.mark_assumed(path, "quote", False)
    assert path.persona_profile.assumed == ["name"]


def test_state_link_to_another_library_path_or_neither() -> None:
    path = branching_path(id="testi")
    assert pr.state_link_of(path) == (None, None)
    current = pr.link_state(path, "current", "ari", LIBRARY)
    assert (current.current_of, current.target_of) == ("ari", None)
    assert pr.state_link_of(current) == ("current", "ari")
    target = pr.link_state(current, "target", "maija", LIBRARY)
    assert (target.current_of, target.target_of) == (None, "maija")
    assert pr.state_link_of(target) == ("target", "maija")
    neither = pr.link_state(target, None, "maija", LIBRARY)
    assert (neither.current_of, neither.target_of) == (None, None)
    assert pr.link_state(neither, None, None, LIBRARY) is neither


@pytest.mark.parametrize(("other", "word"), [("testi", "testi"), ("puuttuva", "puuttuva"), ("", "")])
def test_a_link_to_itself_a_missing_path_or_nothing_is_refused(other: str, word: str) -> None:
    path = branching_path(id="testi")
    with pytest.raises(EditError) as refused:
        pr.link_state(path, "target", other, LIBRARY)
    sentence = refused.value.message("fi")
    assert word in sentence and sentence.count(".") <= 2 and "Traceback" not in sentence


def test_profile_edits_are_undone_through_the_session() -> None:
    path = branching_path()
    edit = EditSession(path.id, 1, path, path)
    edit.apply(pr.set_persona_text, "situation", "Sairauslomalla", "fi")
    edit.apply(pr.remove_persona)
    assert edit.path.persona_profile is None
    edit.undo()
    assert edit.path.persona_profile.situation.fi == "Sairauslomalla"
