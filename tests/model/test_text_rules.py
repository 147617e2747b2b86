"""Issue 15, item 6: what a stored text may hold, decided once at the door (paths/model/text_rules.py)."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from paths.model.schema import LocalText, ServicePath, Step
from paths.model.text_rules import TextRuleError, clean_text


@pytest.mark.parametrize("brk", ["\r\n", "\r", "\v", "\f", "\x85", "\u2028", "\u2029"])
def test_every_line_break_becomes_a_newline(brk: str) -> None:
    assert clean_text(f"rivi 1{brk}rivi 2") == "rivi 1\nrivi 2"
    assert clean_text(f"rivi 1{brk}rivi 2", single_line=True) == "rivi 1 rivi 2"


@pytest.mark.parametrize("char", ["\x01", "\x07", "\x1b", "\x7f", "\x80", "\x9f", "\u202e", "\u2066", "\ufffe",
                                  "\U0010ffff"])
def test_controls_bidi_overrides_and_noncharacters_are_removed(char: str) -> None:
    assert clean_text(f"a{char}b") == "ab"


@pytest.mark.parametrize("char", ["\t", "\n", "\u200b", "\u200d", "\u00ad", "👩‍⚕️", "ä", "<script>", "=1+1"])
def test_everything_else_is_kept(char: str) -> None:
    assert clean_text(f"a{char}b") == f"a{char}b"


def test_text_is_nfc_normalised() -> None:
    assert clean_text("a\u0308") == "ä"


@pytest.mark.parametrize(("text", "key"), [("a\x00b", "text_rule.nul"), ("a\ud800b", "text_rule.surrogate"),
                                           ("\udfff", "text_rule.surrogate")])
def test_nul_and_lone_surrogates_are_refused(text: str, key: str) -> None:
    with pytest.raises(TextRuleError) as info:
        clean_text(text)
    assert info.value.key_prefix + info.value.key == key
    assert text not in info.value.message("fi")


def test_every_text_field_of_the_schema_passes_the_rule() -> None:
    path = ServicePath(
        id="a", title="Otsikko\vtoinen rivi\x07", summary={"sv": "x\fy"}, notes="\u202eevil",
        steps=[Step(id="s", stage="v", title="Askel\x85", links=[{"label": "L\x1b", "url": "https://x.invalid/\x01"}],
                    actors=[], duration="2\u2028vk")],
        contacts=[{"id": "c", "label": "K", "phone": "050\x0c123"}],
    )
    assert path.title.fi == "Otsikko\ntoinen rivi"
    assert path.summary.sv == "x\ny" and path.notes.fi == "evil"
    step = path.steps[0]
    assert step.title.fi == "Askel" and step.links[0].label.fi == "L" and step.links[0].url == "https://x.invalid/"
    assert step.duration.fi == "2\nvk" and path.contacts[0].phone == "050\n123"


def test_a_nul_anywhere_in_the_schema_is_a_validation_error() -> None:
    with pytest.raises(ValidationError):
        LocalText(en="x\x00")
    with pytest.raises(ValidationError):
        ServicePath(id="a", title="x", contacts=[{"id": "c", "label": "K", "email": "a\x00@b.fi"}])


def test_what_a_store_already_holds_is_cleaned_not_refused() -> None:
    """A read from a store (context STORED) drops a NUL: a path stored before the rule still opens."""
    from paths.model.text_rules import STORED

    assert clean_text("a\x00b\vc", stored=True) == "ab\nc"
    assert ServicePath.model_validate_json('{"id": "a", "title": "x\\u0000y"}', context=STORED).title.fi == "xy"
