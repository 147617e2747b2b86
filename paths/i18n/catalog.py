"""The translation catalog: every user-visible string, in Finnish, Swedish and English.

The catalog is split by area (`paths/i18n/locales/*.yaml`, one file per area so that features
keep their own strings); each key maps to `{fi: ..., sv: ..., en: ...}`. Finnish is the
default and the fallback.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

from paths.i18n.langs import LANGS

DEFAULT_LANG = "fi"
LOCALES_DIR = Path(__file__).with_name("locales")


@lru_cache(maxsize=1)
def catalog() -> dict[str, dict[str, str]]:
    """All keys of all area files; a key defined twice is an error."""
    merged: dict[str, dict[str, str]] = {}
    for file in sorted(LOCALES_DIR.glob("*.yaml")):
        entries = yaml.safe_load(file.read_text(encoding="utf-8")) or {}
        for key, texts in entries.items():
            if key in merged:
                raise ValueError(f"translation key {key!r} is defined twice ({file.name})")
            merged[key] = texts
    return merged


def normalise_lang(lang: str | None) -> str:
    """A supported language code; anything else becomes the default."""
    lang = (lang or "").strip().lower()[:2]
    return lang if lang in LANGS else DEFAULT_LANG


def t(key: str, lang: str = DEFAULT_LANG, **params: object) -> str:
    """The text for `key` in `lang`, with `{name}` placeholders filled from `params`."""
    entry = catalog().get(key)
    if entry is None:
        raise KeyError(f"missing translation key {key!r}")
    text = entry.get(normalise_lang(lang)) or entry[DEFAULT_LANG]
    return text.format(**params) if params else text


class UserError(Exception):
    """An error a user can act on: a catalog key and its parameters; `message(lang)` is one sentence.

    Subclasses set `key_prefix` so that their keys stay short where they are raised.
    """

    key_prefix = ""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params

    def message(self, lang: str = DEFAULT_LANG) -> str:
        return t(self.key_prefix + self.key, lang, **self.localised_params(lang))

    def localised_params(self, lang: str) -> dict[str, object]:
        """The parameters as the sentence in `lang` needs them (a subclass may translate some)."""
        return self.params

    def __str__(self) -> str:
        return self.message("en")
