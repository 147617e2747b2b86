"""The personal path model: identity-code detection, free-text checks, fill validation."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from paths.i18n.catalog import t
from paths.personal.model import (
    MAX_TEXT,
    PersonalContact,
    PersonalDataError,
    PersonalFill,
    PersonalPath,
    StepEntry,
    StepStatus,
    branch_choices,
    check_display_name,
    client_steps,
    find_henkilotunnus,
    validate_fill,
)
from tests.support.factories import branching_path

# Fictional codes with a correct check character (131052-308T is the standard public example).
VALID_CODES = [
    "131052-308T",
    "131052+308T",  # 1852
    "010594Y9021",  # the 2023 century signs for the 1900s: Y X W V U
    "010594X9021",
    "010594W9021",
    "010594V9021",
    "010594U9021",
    "150323A456R",  # the 2000s: A and the 2023 signs B C D E F
    "150323B456R",
    "150323C456R",
    "150323D456R",
    "150323E456R",
    "150323F456R",
    "290200A1239",  # 29 February 2000 existed
    "121212+900J",  # temporary individual numbers 900-999 are identifiers too
]


@pytest.mark.parametrize("code", VALID_CODES)
def test_valid_codes_are_found(code: str) -> None:
    assert find_henkilotunnus(code)
    assert find_henkilotunnus(f"Asiakas {code}, soita huomenna.")
    assert find_henkilotunnus(code.lower())


@pytest.mark.parametrize(
    "text",
    [
        "131052-308U",  # wrong check character
        "131052-308",  # too short
        "290201A123J",  # 29 February 2001 did not exist
        "310252-111L",  # 31 February
        "131052G308T",  # G is not a century sign
        "x131052-308T",  # part of a longer token
        "131052-308Tx",
        "040-1234567",  # a phone number
        "13.10.1952",  # a date
        "Tapasin Liisan 13.10. klo 10-12",
        "",
    ],
)
def test_other_text_is_not_a_code(text: str) -> None:
    assert not find_henkilotunnus(text)


def test_display_name_refuses_a_code_and_names_the_field_not_the_text() -> None:
    with pytest.raises(PersonalDataError) as caught:
        check_display_name("Ari 131052-308T")
    message = caught.value.message("fi")
    assert "131052" not in message
    assert t("personal.field.display_name", "fi") in message
    assert check_display_name("  Ari  ") == "Ari"
    with pytest.raises(PersonalDataError):
        check_display_name("   ")


def _steps() -> list[str]:
    return [step.id for step in client_steps(branching_path())]


def test_client_steps_leave_out_back_office_steps_in_reading_order() -> None:
    assert _steps() == ["tarve", "yhteydenotto", "kokous", "seuranta", "konsultaatio", "loppu"]


def test_branch_choices_are_the_client_visible_decision() -> None:
    choices = branch_choices(branching_path())
    assert list(choices) == ["yhteydenotto"]
    assert {target for target, _ in choices["yhteydenotto"]} == {"konsultaatio", "kokous"}
    labels = {condition.get("en") for _, condition in choices["yhteydenotto"]}
    assert "Several services needed" in labels


@pytest.mark.parametrize(
    "fill",
    [
        PersonalFill(goals="hetu 131052-308T"),
        PersonalFill(entries={"tarve": StepEntry(note="010594Y9021")}),
        PersonalFill(entries={"tarve": StepEntry(met="Liisa 150323B456R")}),
        PersonalFill(contacts=[PersonalContact(name="131052-308T")]),
        PersonalFill(contacts=[PersonalContact(email="x 131052-308T")]),
        PersonalFill(next_appointment="131052-308T"),
    ],
)
def test_every_free_text_field_refuses_a_code(fill: PersonalFill) -> None:
    with pytest.raises(PersonalDataError) as caught:
        validate_fill(fill, branching_path())
    assert caught.value.key == "identifier"
    for lang in ("fi", "sv", "en"):
        assert "131052" not in caught.value.message(lang)


def test_fill_rules() -> None:
    path = branching_path()
    with pytest.raises(PersonalDataError, match="two_here|one step"):
        validate_fill(
            PersonalFill(entries={"tarve": StepEntry(status="here"), "kokous": StepEntry(status="here")}), path
        )
    with pytest.raises(PersonalDataError):  # a back-office step is not the client's
        validate_fill(PersonalFill(entries={"kirjaus": StepEntry(status="done")}), path)
    with pytest.raises(PersonalDataError):
        validate_fill(PersonalFill(branches={"yhteydenotto": "loppu"}), path)
    with pytest.raises(PersonalDataError):
        validate_fill(PersonalFill(goals="x" * (MAX_TEXT + 1)), path)
    kept = validate_fill(
        PersonalFill(
            entries={"tarve": StepEntry(status="done", date=dt.date(2025, 3, 4)), "kokous": StepEntry()},
            contacts=[PersonalContact(), PersonalContact(name="Liisa", role="asiakasvastaava")],
            branches={"yhteydenotto": "kokous"},
        ),
        path,
    )
    assert list(kept.entries) == ["tarve"]  # empty entries and contacts are not stored
    assert [c.name for c in kept.contacts] == ["Liisa"]
    assert kept.branches == {"yhteydenotto": "kokous"}


def test_hostile_text_is_kept_exactly_but_for_what_the_text_rule_removes() -> None:
    hostile = "<script>alert('x')</script> \u202eRTL עברית 🎉\v\x07\n  spaces  "
    kept = "<script>alert('x')</script> RTL עברית 🎉\n\n  spaces  "  # the bidi override and BEL dropped, VT a newline
    fill = validate_fill(PersonalFill(goals=hostile, entries={"tarve": StepEntry(note=hostile)}), branching_path())
    assert fill.goals == kept
    assert fill.entries["tarve"].note == kept


def test_a_nul_in_a_personal_text_is_refused() -> None:
    with pytest.raises(ValidationError):
        PersonalFill(goals="a\x00")


def test_here_statuses_and_newer_version() -> None:
    path = branching_path()
    fill = PersonalFill(entries={"tarve": StepEntry(status=StepStatus.done), "kokous": StepEntry(status="here")})
    personal = PersonalPath(
        id="a" * 32, owner="Olli", display_name="Ari", lang="fi", source_path_id=path.id, source_version=2,
        source=path, fill=fill,
    )
    assert personal.here() == "kokous"
    assert personal.statuses() == {"tarve": "done", "kokous": "here"}
    assert personal.newer_version_exists(3)
    assert not personal.newer_version_exists(2)
    assert not personal.newer_version_exists(None)
