"""Dates, times and numbers in the reader's language, with Babel.

Finnish as in Finland (fi_FI), Swedish as in Finland (sv_FI: the bilingual counties' Swedish),
English as in the UK (en_GB: day before month, like the other two). Times are shown in Finnish time.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Literal
from zoneinfo import ZoneInfo

from babel import Locale
from babel import dates as babel_dates
from babel import numbers as babel_numbers

from paths.i18n.catalog import normalise_lang

LOCALES = {"fi": "fi_FI", "sv": "sv_FI", "en": "en_GB"}
TIMEZONE = "Europe/Helsinki"
# CLDR gives sv_FI an ISO short date (2026-03-05); Finland-Swedish writes 5.3.2026 like Finnish.
SHORT_DATE_OVERRIDES = {"sv": "d.M.y"}
Style = Literal["short", "medium", "long", "full"]


def locale_for(lang: str | None) -> Locale:
    """The Babel locale of a UI language; unknown languages get Finnish."""
    return Locale.parse(LOCALES[normalise_lang(lang)])


def _as_date(value: date | datetime | str) -> date | datetime:
    if isinstance(value, str):
        text = value.strip().replace("Z", "+00:00")
        return datetime.fromisoformat(text) if "T" in text or " " in text else date.fromisoformat(text)
    return value


def format_date(value: date | datetime | str, lang: str = "fi", style: Style = "medium") -> str:
    """A calendar date, e.g. 5.3.2026 · 5 mars 2026 · 5 Mar 2026 (medium). ISO strings are accepted."""
    value = _as_date(value)
    if isinstance(value, datetime):
        value = _local(value).date()
    pattern = SHORT_DATE_OVERRIDES.get(normalise_lang(lang)) if style == "short" else None
    return babel_dates.format_date(value, format=pattern or style, locale=locale_for(lang))


def format_datetime(value: datetime | str, lang: str = "fi", style: Style = "medium") -> str:
    """A date and time in Finnish time; a naive datetime is taken to be UTC (as the stores keep it)."""
    value = _as_date(value)
    if not isinstance(value, datetime):
        value = datetime(value.year, value.month, value.day)
    return babel_dates.format_datetime(_local(value), format=style, locale=locale_for(lang))


def _local(value: datetime) -> datetime:
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(ZoneInfo(TIMEZONE))


def format_number(value: int | float | Decimal, lang: str = "fi", decimals: int | None = None) -> str:
    """A number with the language's separators (1 234,5 in fi/sv, 1,234.5 in en)."""
    if decimals is None:
        return babel_numbers.format_decimal(value, locale=locale_for(lang))
    pattern = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
    return babel_numbers.format_decimal(value, format=pattern, locale=locale_for(lang), decimal_quantization=True)


def format_percent(value: float, lang: str = "fi", decimals: int = 0) -> str:
    """A share 0..1 as a percentage in the language's own pattern (fi/sv: 75 %, en: 75%)."""
    locale = locale_for(lang)
    pattern = locale.percent_formats[None].pattern
    if decimals > 0:
        pattern = pattern.replace("0", "0." + "0" * decimals, 1)
    return babel_numbers.format_percent(value, format=pattern, locale=locale)


def format_size(n_bytes: int, lang: str = "fi") -> str:
    """A file size in kB or MB with the language's decimal separator."""
    if n_bytes < 1024 * 1024:
        return f"{format_number(n_bytes / 1024, lang, decimals=0)} kB"
    return f"{format_number(n_bytes / (1024 * 1024), lang, decimals=1)} MB"
