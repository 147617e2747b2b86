"""Issue 15, items 6 and 8: a save checks what `model_copy` skipped, so the store holds only what a
file could hold (ids whole, texts through the text rule) and every later read works."""

from __future__ import annotations

import pytest

from paths.formats.files import PathFileError
from paths.store.library import Store
from tests.support.factories import branching_path


@pytest.fixture
def store(sqlite_url: str) -> Store:
    return Store(sqlite_url)


def test_a_bad_id_set_with_model_copy_is_refused_before_writing(store: Store) -> None:
    for bad in ("evil\n", "Evil", "a b"):
        with pytest.raises(PathFileError):
            store.save_path(branching_path().model_copy(update={"id": bad}), "tester")
    assert store.list_paths() == []


def test_texts_set_with_model_copy_pass_the_text_rule(store: Store) -> None:
    path = branching_path()
    edited = path.model_copy(update={"title": path.title.model_copy(update={"fi": "Otsikko\vrivi\x07"})})
    store.save_path(edited, "tester")
    assert store.get_path(path.id).title.fi == "Otsikko\nrivi"
    assert [summary.title.fi for summary in store.list_paths()] == ["Otsikko\nrivi"]


def test_a_nul_set_with_model_copy_is_refused(store: Store) -> None:
    path = branching_path()
    with pytest.raises(PathFileError) as info:
        store.save_path(path.model_copy(update={"notes": path.notes.model_copy(update={"en": "a\x00"})}), "tester")
    assert info.value.key == "bad_text_rule.nul"
    assert store.latest_version(path.id) is None


def test_a_nul_stored_before_the_text_rule_is_dropped_on_reading_and_every_export_works(store: Store) -> None:
    """Databases written before the rule may hold a NUL: such a path still opens, exports and saves."""
    from sqlalchemy import update

    from paths.formats.spreadsheet import to_csv, to_xlsx
    from paths.store.tables import versions_table

    path = branching_path()
    store.save_path(path, "tester")
    with store.write() as connection:
        content = connection.execute(versions_table.select()).one().content
        connection.execute(update(versions_table).values(content=content.replace("Testipolku", "Testi\\u0000polku")))
    old = store.get_path(path.id)
    assert old.title.fi == "Testipolku"
    assert to_csv(old, "fi") and to_xlsx(old, "fi")
    assert store.save_path(old, "tester") == 2


@pytest.mark.parametrize(("text", "kept"), [("a\vb", "a\nb"), ("a\x85b", "a\nb"), ("a\u2028b", "a\nb"),
                                            ("a\x07b", "ab"), ("a\x7fb", "ab"), ("a\u202eb", "ab"),
                                            ("a\u0308", "\u00e4"), ("tab\tkept", "tab\tkept")])
def test_the_fast_check_at_save_misses_nothing_the_rule_would_change(store: Store, text: str, kept: str) -> None:
    path = branching_path()
    store.save_path(path.model_copy(update={"title": path.title.model_copy(update={"fi": text})}), "tester")
    assert store.get_path(path.id).title.fi == kept


def test_a_lone_surrogate_set_with_model_copy_is_one_sentence(store: Store) -> None:
    path = branching_path()
    with pytest.raises(PathFileError) as info:
        store.save_path(path.model_copy(update={"title": path.title.model_copy(update={"fi": "a\ud800"})}), "t")
    assert info.value.key == "bad_text_rule.surrogate" and store.count_paths() == 0


def test_a_bad_step_id_set_with_model_copy_is_refused(store: Store) -> None:
    path = branching_path()
    steps = [path.steps[0].model_copy(update={"id": "x y"}), *path.steps[1:]]
    with pytest.raises(PathFileError):
        store.save_path(path.model_copy(update={"steps": steps}), "tester")
    assert store.count_paths() == 0
