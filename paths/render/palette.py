"""Polku's colours. Text colours reach 4.5:1 and graphic colours 3:1 on their backgrounds
(tests/render/test_palette.py checks it); colour is never the only signal."""

from __future__ import annotations

WHITE = "#FFFFFF"
INK = "#1A1A1A"  # body text
MUTED_INK = "#4D4D4D"  # secondary text on white: 8.5:1
EDGE = "#595959"  # arrows and borders on white: 7:1

# The light bulb: the work-ability coordinator's steps (fill with INK text; border on white).
COORDINATOR_FILL = "#FFE08A"
COORDINATOR_BORDER = "#8A6100"
# The multi-professional network meeting.
NETWORK_FILL = "#D7E8FF"
NETWORK_BORDER = "#0B57B3"
# Ordinary steps, decisions, ends.
STEP_FILL = "#F2F2F2"
STEP_BORDER = "#595959"
DECISION_FILL = "#FFFFFF"
END_FILL = "#E6F2E6"
END_BORDER = "#2E6B2E"
# "I am here" on a personal path and in the appointment mode.
HERE_FILL = "#FFD1DC"
HERE_BORDER = "#A3123A"
# Other statuses of a personal path (borders on white; the text cue carries the meaning too).
DONE_BORDER = "#2E6B2E"
NEXT_BORDER = "#6A1B9A"
STAGE_BACKGROUND = "#FAFAFA"
# The chosen actor's lane in the blueprint's actor filter (a network partner's view).
FOCUS_FILL = "#ECE6F5"
# What a workshop suggestion would change, in its preview: a colour no step uses (7:1 on white).
SUGGESTION_HIGHLIGHT = "#B3006B"

# Actor groups (lanes and markers in the blueprint), each at least 3:1 on white.
ACTOR_GROUP_COLOURS = {
    "client_side": "#A3123A",
    "coordinator": "#8A6100",
    "professional": "#0B57B3",
    "organisation": "#2E6B2E",
}

# Pairs that must reach 4.5:1 (text) or 3:1 (graphics): (foreground, background, minimum).
CONTRAST_PAIRS: list[tuple[str, str, float]] = [
    (INK, WHITE, 4.5),
    (MUTED_INK, WHITE, 4.5),
    (INK, COORDINATOR_FILL, 4.5),
    (INK, NETWORK_FILL, 4.5),
    (INK, STEP_FILL, 4.5),
    (INK, END_FILL, 4.5),
    (INK, HERE_FILL, 4.5),
    (INK, STAGE_BACKGROUND, 4.5),
    (INK, FOCUS_FILL, 4.5),
    (MUTED_INK, STAGE_BACKGROUND, 4.5),
    (MUTED_INK, FOCUS_FILL, 4.5),
    (EDGE, WHITE, 3.0),
    (COORDINATOR_BORDER, WHITE, 3.0),
    (NETWORK_BORDER, WHITE, 3.0),
    (STEP_BORDER, WHITE, 3.0),
    (END_BORDER, WHITE, 3.0),
    (HERE_BORDER, WHITE, 3.0),
    (DONE_BORDER, WHITE, 3.0),
    (NEXT_BORDER, WHITE, 3.0),
    (SUGGESTION_HIGHLIGHT, WHITE, 4.5),
    *[(colour, WHITE, 3.0) for colour in ACTOR_GROUP_COLOURS.values()],
]


def relative_luminance(hex_colour: str) -> float:
    """WCAG 2.1 relative luminance of an sRGB colour like `#1A2B3C`."""
    channels = [int(hex_colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(a: str, b: str) -> float:
    """WCAG contrast ratio between two colours, from 1 to 21."""
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def colours() -> dict[str, str]:
    """Every colour above by its name in lower case (`coordinator_border`), for stylesheets that are
    templates (the personal PDF's pdf.css) and for `css_variables`."""
    return {name.lower(): value for name, value in globals().items() if name.isupper() and isinstance(value, str)
            and value.startswith("#")}


def css_variables() -> str:
    """Every colour above as a CSS custom property (`--polku-coordinator-border`), so that the pages'
    stylesheets in components/static name the palette's colours instead of copying them."""
    properties = " ".join(f"--polku-{name.replace('_', '-')}: {value};" for name, value in colours().items())
    return ":root { " + properties + " }"
