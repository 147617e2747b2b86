"""What an e-mail address and a phone number of a contact point may look like: written once.

The editor refuses other shapes; the text version links only what passes (a `mailto:` or
`tel:` link built from anything else could carry markup or another scheme).
"""

from __future__ import annotations

import re

# No spaces, quotes, angle brackets, parentheses, backslashes, commas, semicolons or colons:
# nothing that could close an attribute or start another address in a mailto: link.
_EMAIL = re.compile(r"[^@\s<>\"'()\\,;:]+@[^@\s<>\"'()\\,;:]+\.[^@\s<>\"'()\\,;:]+")
_PHONE = re.compile(r"\+?[0-9 ()\-]{5,25}")


def is_email(text: str) -> bool:
    """True when `text` (already trimmed) has the shape of one e-mail address."""
    return _EMAIL.fullmatch(text) is not None


def is_phone(text: str) -> bool:
    """True when `text` (already trimmed) is digits, spaces, brackets and dashes, with an optional +."""
    return _PHONE.fullmatch(text) is not None
