"""One e-mail and phone rule for the editor and the text version's links."""

import pytest

from paths.model.contact_rules import is_email, is_phone


@pytest.mark.parametrize("text", ["neuvonta@example.invalid", "a.b+c@hyvinvointialue.fi"])
def test_addresses_of_the_usual_shape_pass(text: str) -> None:
    assert is_email(text)


@pytest.mark.parametrize(
    "text",
    ["", "neuvonta", "a@b", "a b@c.fi", 'x"@y.fi', "x@y.fi\n", "<a>@b.fi", "a@b.fi,c@d.fi", "javascript:x@y.fi"],
)
def test_anything_that_could_break_a_mailto_link_fails(text: str) -> None:
    assert not is_email(text)


@pytest.mark.parametrize("text", ["+358 40 123 4567", "(06) 123-456", "0401234567"])
def test_phone_numbers_pass(text: str) -> None:
    assert is_phone(text)


@pytest.mark.parametrize("text", ["123", "040 123 4567 ext", "0401234567\n", "tel:040", "+" + "1" * 30])
def test_other_phone_texts_fail(text: str) -> None:
    assert not is_phone(text)
