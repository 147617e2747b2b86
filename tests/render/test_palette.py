"""The palette: every contrast pair reaches its WCAG minimum, and nothing draws in colours outside it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from paths.render import palette
from paths.render.palette import CONTRAST_PAIRS, contrast_ratio

ROOT = Path(__file__).resolve().parents[2]
# Where colours are drawn: renderers, PDFs, pages and their CSS.
SCANNED = [
    *sorted((ROOT / "paths").rglob("*.py")),
    *sorted((ROOT / "components").rglob("*.py")),
    ROOT / "app.py",
    *sorted((ROOT / "paths").rglob("*.css")),
    *sorted((ROOT / "paths").rglob("*.html")),
    *sorted((ROOT / "components").rglob("*.css")),
]
HEX = re.compile(r"(?<![\w&])#([0-9A-Fa-f]{8}|[0-9A-Fa-f]{6}|[0-9A-Fa-f]{3})(?![0-9A-Za-z])")
RGB = re.compile(r"rgba?\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})")
NAMED = re.compile(
    r"""(?:color|colour|fill|fillcolor|fontcolor|bgcolor|stroke|background)\s*[=:]\s*["']?"""
    r"""(black|white|red|green|blue|gr[ae]y|yellow|orange|purple|pink|brown|navy|silver|maroon|teal)\b""",
    re.IGNORECASE,
)


def palette_colours() -> set[str]:
    colours = {value.upper() for name, value in vars(palette).items()
               if name.isupper() and isinstance(value, str) and value.startswith("#")}
    colours |= {value.upper() for value in palette.ACTOR_GROUP_COLOURS.values()}
    return colours


def normalise(hex_digits: str) -> str:
    if len(hex_digits) == 3:
        hex_digits = "".join(c * 2 for c in hex_digits)
    return "#" + hex_digits[:6].upper()


@pytest.mark.parametrize(("foreground", "background", "minimum"), CONTRAST_PAIRS)
def test_contrast_pair_meets_its_minimum(foreground, background, minimum):
    assert minimum in (3.0, 4.5), "WCAG AA minimums are 4.5:1 (text) and 3:1 (graphics, large text)"
    assert contrast_ratio(foreground, background) >= minimum, (foreground, background)


def test_contrast_ratio_matches_known_values():
    assert contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast_ratio("#FFFFFF", "#FFFFFF") == pytest.approx(1.0)
    assert contrast_ratio("#767676", "#FFFFFF") == pytest.approx(4.54, abs=0.01)
    assert contrast_ratio("#777777", "#FFFFFF") < 4.5


def test_every_palette_colour_is_checked_in_some_pair():
    checked = {c.upper() for pair in CONTRAST_PAIRS for c in pair[:2]}
    unchecked = palette_colours() - checked
    assert not unchecked, f"palette colours without a contrast pair: {sorted(unchecked)}"


def test_renderers_and_pages_use_only_palette_colours():
    allowed = palette_colours()
    strays = []
    for file in SCANNED:
        if file.name == "palette.py" or not file.exists():
            continue
        text = file.read_text(encoding="utf-8")
        for match in HEX.finditer(text):
            if normalise(match.group(1)) not in allowed:
                strays.append(f"{file.relative_to(ROOT)}: {match.group(0)}")
        for match in RGB.finditer(text):
            colour = "#" + "".join(f"{int(v):02X}" for v in match.groups())
            if colour not in allowed:
                strays.append(f"{file.relative_to(ROOT)}: {match.group(0)}")
        strays += [f"{file.relative_to(ROOT)}: {m.group(0)}" for m in NAMED.finditer(text)]
    assert not strays, "colours outside paths/render/palette.py (add them there with a contrast pair): " + ", ".join(
        strays
    )


def test_the_scan_sees_the_renderers():
    names = {str(file.relative_to(ROOT)) for file in SCANNED}
    assert {"paths/render/dot.py", "paths/render/marks.py", "components/appointment_page.py"} <= names
    assert HEX.search('fillcolor="#abcdef"') and not HEX.search("&#123;")
    assert NAMED.search('fillcolor="red"') and NAMED.search("color: grey;")


def test_every_palette_variable_the_stylesheets_use_is_defined() -> None:
    """The pages' stylesheets name the palette's colours as CSS custom properties (sent once by the frame)."""
    defined = set(re.findall(r"(--polku-[a-z-]+):", palette.css_variables()))
    used = {name for file in ROOT.glob("components/**/*.css") for name in re.findall(r"var\((--polku-[a-z-]+)\)",
                                                                                      file.read_text(encoding="utf-8"))}
    assert used and used <= defined, sorted(used - defined)
