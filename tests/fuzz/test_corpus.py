"""The fixed corpus: the hostile files of issue 15, each with the outcome it must have.

Small files live in tests/fuzz/corpus/; large ones (a wide CSV header, a sparse XLSX, an XLSX
bomb, a 10⁶-character title) are made here at test time. Every case is bounded in time
(pytest-timeout): a hang is a failure. Items 3, 4, 7 and 9's bomb message belong to the
spreadsheet reader (fixed in parallel); their cases are here all the same, not skipped.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from paths.formats.files import dump_yaml, load_path_bytes
from paths.formats.spreadsheet import path_from_spreadsheet, to_csv, to_xlsx
from paths.i18n.catalog import UserError
from paths.model.schema import ServicePath
from paths.store.library import Store
from tests.fuzz.checks import assert_fast_exports, stored_or_refused
from tests.fuzz.hostile import sparse_xlsx
from tests.fuzz.payloads import huge_title

CORPUS = Path(__file__).parent / "corpus"
REFUSED = {
    "deep-400.json": "too_deep",
    "deep-400.yaml": "too_deep",
    "huge-int.json": "huge_number",
    "huge-int.yaml": "huge_number",
    "duplicate-keys.yaml": "duplicate_key",
    "duplicate-keys.json": "duplicate_json_key",
    "schema-version-true.yaml": "bad_value",
    "nul-title.json": "bad_text_rule.nul",
    "lone-surrogate.json": "bad_text_rule.surrogate",
    "bad-date.yaml": "bad_yaml",
    "unprintable.yaml": "bad_yaml",
}
STORED = ["evil-id.yaml", "vertical-tab.yaml", "payloads.yaml", "same-step-titles.yaml"]


@pytest.fixture
def store(sqlite_url: str) -> Store:
    return Store(sqlite_url)


def test_the_corpus_is_complete() -> None:
    assert sorted(p.name for p in CORPUS.iterdir()) == sorted([*REFUSED, *STORED])


@pytest.mark.timeout(60)
@pytest.mark.parametrize(("name", "key"), sorted(REFUSED.items()))
def test_hostile_files_are_one_sentence_and_nothing_stored(store: Store, name: str, key: str) -> None:
    data = (CORPUS / name).read_bytes()
    assert stored_or_refused(lambda: load_path_bytes(data, name), store) is None
    with pytest.raises(UserError) as info:
        load_path_bytes(data, name)
    assert info.value.key == key
    assert store.count_paths() == 0


@pytest.mark.timeout(120)
@pytest.mark.parametrize("name", STORED)
def test_odd_but_valid_files_are_stored_and_every_export_reads_back(store: Store, name: str) -> None:
    stored = stored_or_refused(lambda: load_path_bytes((CORPUS / name).read_bytes(), name), store)
    assert stored is not None
    assert stored.id != "evil\n" and "\v" not in dump_yaml(stored) and "\x07" not in dump_yaml(stored)


@pytest.mark.timeout(120)
def test_vertical_tabs_become_newlines_and_the_xlsx_export_works(store: Store) -> None:
    """Item 6: Word's manual line break no longer crashes the XLSX export."""
    stored = stored_or_refused(lambda: load_path_bytes((CORPUS / "vertical-tab.yaml").read_bytes(), "vt.yaml"), store)
    assert stored.title.fi == "Otsikko\ntoinen rivi"
    assert to_xlsx(stored, "fi").startswith(b"PK")


@pytest.mark.timeout(120)
@pytest.mark.parametrize("export", [to_csv, to_xlsx], ids=["csv", "xlsx"])
def test_two_steps_of_one_title_round_trip_through_the_spreadsheet(export) -> None:  # noqa: ANN001
    """Item 7 (the spreadsheet reader's): the id column tells the two steps apart."""
    path = load_path_bytes((CORPUS / "same-step-titles.yaml").read_bytes(), "same.yaml")
    again = path_from_spreadsheet(export(path, "fi"), f"same.{export.__name__[3:]}", path_id=path.id, lang="fi")
    assert [s.id for s in again.steps] == ["s1", "s2"]


@pytest.mark.timeout(120)
def test_a_million_character_title_is_stored_and_exported(store: Store) -> None:
    path = ServicePath.model_validate({"id": "pitka", "title": huge_title(), "stages": [{"id": "v", "title": "V"}],
                                       "steps": [{"id": "s", "stage": "v", "title": huge_title(200_000)}]})
    data = dump_yaml(path).encode("utf-8")
    stored = stored_or_refused(lambda: load_path_bytes(data, "pitka.yaml"), store)
    assert stored is not None and len(stored.title.fi) == 1_000_000
    assert_fast_exports(stored)


@pytest.mark.timeout(60)
def test_a_wide_csv_header_is_refused_or_read_quickly(store: Store) -> None:
    """Item 3 (the spreadsheet reader's): 40 KB that took 17 s; 200 KB ran past 130 s."""
    data = ("vaihe;askel;seuraava" + ";" * 100_000 + "\n" + "\n" * 100_000).encode()
    stored_or_refused(lambda: path_from_spreadsheet(data, "wide.csv", path_id="wide"), store)


@pytest.mark.timeout(60)
def test_a_sparse_xlsx_is_bounded_before_it_is_read(store: Store) -> None:
    """Item 4 (the spreadsheet reader's): a 6 KB workbook that took 87 s and was then accepted."""
    data = sparse_xlsx()
    assert len(data) < 20_000
    stored_or_refused(lambda: path_from_spreadsheet(data, "sparse.xlsx", path_id="sparse"), store)


def _xlsx_bomb(unpacked_mb: int = 70) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * (unpacked_mb * 1024 * 1024))
    return out.getvalue()


@pytest.mark.timeout(60)
def test_an_xlsx_bomb_is_refused_naming_the_unpacked_limit(store: Store) -> None:
    """Item 9 (the check is in the spreadsheet reader): the sentence must name the limit that applied."""
    data = _xlsx_bomb()
    assert len(data) < 2 * 1024 * 1024  # small packed: the file-size limit does not apply
    with pytest.raises(UserError) as info:
        path_from_spreadsheet(data, "bomb.xlsx", path_id="bomb")
    message = info.value.message("en")
    assert "64" in message and " 2 MB" not in message, message
    assert store.count_paths() == 0
