"""The languages Polku speaks, Finnish first: a module of its own, so that anything may import it."""

from __future__ import annotations

from typing import Literal

LANGS: tuple[str, ...] = ("fi", "sv", "en")
Lang = Literal["fi", "sv", "en"]
