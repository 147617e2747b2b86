"""Edits of a path's contacts (steps refer to them by id): add, change, remove.

Pure functions that return a new `ServicePath` (see `paths.editing.edits`).
"""

from __future__ import annotations

from typing import Any

from paths.editing.common import EditError, _new_id, _refuse_if_used, _replace_item, _set_text
from paths.i18n.catalog import normalise_lang
from paths.model.contact_rules import is_email, is_phone
from paths.model.schema import Contact, ServicePath


def _contact_details(email: str | None, phone: str | None) -> dict[str, str]:
    """E-mail and phone as given (trimmed), or one sentence on what is wrong with them."""
    details: dict[str, str] = {}
    if email is not None:
        email = email.strip()
        if email and not is_email(email):
            raise EditError("bad_email")
        details["email"] = email
    if phone is not None:
        phone = phone.strip()
        if phone and not is_phone(phone):
            raise EditError("bad_phone")
        details["phone"] = phone
    return details


def add_contact(
    path: ServicePath,
    label: str,
    lang: str = "fi",
    *,
    email: str = "",
    phone: str = "",
    placeholder: bool = False,
    contact_id: str | None = None,
) -> ServicePath:
    """A new contact point of the path; `placeholder` marks example details that must never look real."""
    contact_id = _new_id(label, path.contacts, "contact", contact_id)
    contact = Contact(id=contact_id, label={normalise_lang(lang): label.strip()}, placeholder=placeholder,
                      **_contact_details(email, phone))
    return path.model_copy(update={"contacts": [*path.contacts, contact]})


def update_contact(
    path: ServicePath,
    contact_id: str,
    *,
    label: str | None = None,
    lang: str = "fi",
    email: str | None = None,
    phone: str | None = None,
    placeholder: bool | None = None,
) -> ServicePath:
    contact = path.contact(contact_id)
    if contact is None:
        raise EditError("unknown_contact", id=contact_id)
    update: dict[str, Any] = dict(_contact_details(email, phone))
    if label is not None:
        update["label"] = _set_text(contact.label, lang, label)
        if not update["label"]:
            raise EditError("empty_title")
    if placeholder is not None:
        update["placeholder"] = placeholder
    new = contact.model_copy(update=update)
    return path.model_copy(update={"contacts": _replace_item(path.contacts, contact_id, new)})


def remove_contact(path: ServicePath, contact_id: str) -> ServicePath:
    """Remove a contact no step refers to; one still in use is an error that names the steps."""
    if path.contact(contact_id) is None:
        raise EditError("unknown_contact", id=contact_id)
    users = [step for step in path.steps if contact_id in step.contacts]
    _refuse_if_used(path, "contact", contact_id, users)
    return path.model_copy(update={"contacts": [c for c in path.contacts if c.id != contact_id]})
