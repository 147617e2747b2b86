"""Dates and numbers in each language's own format (Babel: fi_FI, sv_FI, en_GB)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from paths.i18n.formatting import (
    format_date,
    format_datetime,
    format_number,
    format_percent,
    format_size,
    locale_for,
)

NBSP = "\u00a0"


def test_locales_are_the_finnish_ones():
    assert str(locale_for("fi")) == "fi_FI"
    assert str(locale_for("sv")) == "sv_FI"
    assert str(locale_for("en")) == "en_GB"
    assert str(locale_for("de")) == "fi_FI"
    assert str(locale_for(None)) == "fi_FI"


@pytest.mark.parametrize(
    ("lang", "medium", "long"),
    [
        ("fi", "5.3.2026", "5. maaliskuuta 2026"),
        ("sv", "5 mars 2026", "5 mars 2026"),
        ("en", "5 Mar 2026", "5 March 2026"),
    ],
)
def test_dates(lang, medium, long):
    assert format_date(date(2026, 3, 5), lang) == medium
    assert format_date(date(2026, 3, 5), lang, "long") == long
    assert format_date("2026-03-05", lang) == medium


def test_short_dates_put_the_day_first_in_every_language():
    assert format_date(date(2026, 11, 2), "fi", "short") == "2.11.2026"
    assert format_date(date(2026, 11, 2), "en", "short") == "02/11/2026"
    assert format_date(date(2026, 11, 2), "sv", "short") == "2.11.2026"


def test_datetimes_are_shown_in_finnish_time():
    moment = datetime(2026, 1, 15, 22, 30, tzinfo=UTC)  # 00:30 the next day in Helsinki (UTC+2)
    assert format_date(moment, "fi") == "16.1.2026"
    assert format_datetime(moment, "fi") == "16.1.2026 0.30.00"
    assert "00:30" in format_datetime(moment, "en")
    naive = datetime(2026, 7, 1, 9, 0)  # stores keep UTC; summer time is UTC+3
    assert "12.00" in format_datetime(naive, "fi")
    assert "12:00" in format_datetime("2026-07-01T09:00:00Z", "sv")


def test_numbers_use_the_languages_separators():
    assert format_number(1234567.5, "fi") == f"1{NBSP}234{NBSP}567,5"
    assert format_number(1234567.5, "sv") == f"1{NBSP}234{NBSP}567,5"
    assert format_number(1234567.5, "en") == "1,234,567.5"
    assert format_number(3.14159, "fi", decimals=2) == "3,14"
    assert format_number(2, "en", decimals=1) == "2.0"
    assert format_number(1999.6, "en", decimals=0) == "2,000"


def test_percentages_follow_the_locale_pattern():
    assert format_percent(0.756, "fi") == f"76{NBSP}%"
    assert format_percent(0.756, "sv") == f"76{NBSP}%"
    assert format_percent(0.756, "en") == "76%"
    assert format_percent(0.7564, "fi", decimals=1) == f"75,6{NBSP}%"
    assert format_percent(1, "en") == "100%"


def test_sizes():
    assert format_size(3_500_000, "fi") == "3,3 MB"
    assert format_size(3_500_000, "en") == "3.3 MB"
    assert format_size(2048, "sv") == "2 kB"
