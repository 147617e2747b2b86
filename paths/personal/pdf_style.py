"""How the personal PDFs and worksheets look on paper: the fonts and icons, the diagram's sizes on A4,
the stylesheet (the palette's high-contrast colours, body text 14 pt) and the escaping of user text.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

from paths.render import palette

# Our own icons (the light bulb, "I am here") ask for text presentation (U+FE0E) and come from
# Symbola, a monochrome outline font, when it is installed: a colour emoji font costs WeasyPrint a
# bitmap per icon and a rebuild of the whole emoji font for every PDF. Without Symbola (or for emoji
# a client types) fontconfig's colour emoji font draws them. DejaVu Sans comes first, so digits and
# letters never come from a symbol font.
FONT_STACK = '"DejaVu Sans", "Symbola", sans-serif'
TEXT_PRESENTATION = "\ufe0e"


def _as_text(icon: str) -> str:
    """Our icon asking for text presentation when it is an emoji (📍), not a plain symbol such as ✓."""
    return icon + TEXT_PRESENTATION if any(ord(char) > 0xFFFF for char in icon) else icon


BULB = _as_text("💡")
# The diagram on paper: the portrait layout, its smallest text (12 pt in the drawing) at PAPER_SMALLEST_PT,
# cut between steps into slices of at most SLICE_PT high that flow in two columns when two fit side by side.
PAGE_WIDTH_PT = 595.28 - 2 * 14 * 72 / 25.4  # A4 less the 14 mm side margins
PAPER_SMALLEST_PT = 8.5
SLICE_PT = 180.0
COLUMN_GAP_PT = 14.0
LONGEST_IN_CELL = 400  # characters of a note or step text in a table row (a row never splits over pages)
# The box a one-piece drawing was fitted into before (kept for bench/bench_personal.py's figures).
DIAGRAM_BOX_MM = (182.0, 250.0)
EMPTY_BOX = "☐"
CHOSEN_BOX = "☒"

CSS = f"""
@page {{ size: A4; margin: 14mm 14mm 16mm 14mm;
  @bottom-center {{ content: counter(page) " / " counter(pages); font-size: 12pt; color: {palette.MUTED_INK}; }} }}
html {{ font-family: {FONT_STACK}; font-size: 14pt; line-height: 1.45; color: {palette.INK};
  background: {palette.WHITE}; }}
body {{ margin: 0; }}
h1 {{ font-size: 24pt; margin: 0 0 4pt 0; line-height: 1.2; }}
h2 {{ font-size: 19pt; margin: 12pt 0 5pt 0; border-bottom: 2pt solid {palette.INK}; break-after: avoid; }}
h3 {{ font-size: 17pt; margin: 14pt 0 4pt 0; break-after: avoid; }}
h4 {{ font-size: 15pt; margin: 0 0 4pt 0; break-after: avoid; }}
p {{ margin: 0 0 6pt 0; }}
.user {{ white-space: pre-wrap; overflow-wrap: anywhere; }}
.muted {{ color: {palette.MUTED_INK}; }}
.notice {{ border: 2pt solid {palette.HERE_BORDER}; padding: 6pt 8pt; margin: 8pt 0; }}
.here-box {{ background: {palette.HERE_FILL}; border: 3pt solid {palette.HERE_BORDER}; padding: 8pt 10pt;
  margin: 8pt 0; }}
.slices {{ margin: 0 0 6pt 0; }}
.slices.two {{ columns: 2; column-gap: {COLUMN_GAP_PT}pt; column-rule: 1pt solid {palette.STEP_BORDER}; }}
.slices img {{ display: block; margin: 0 auto; break-inside: avoid; }}
.legend {{ font-size: 12pt; }}
table.steps {{ font-size: 11pt; line-height: 1.25; }}
table.steps td, table.steps th {{ padding: 3pt 5pt; }}
table.steps tr {{ break-inside: avoid; }}
table.steps th.stage {{ background: {palette.STAGE_BACKGROUND}; font-size: 13pt; }}
table.steps col.what {{ width: 42%; }} table.steps col.status {{ width: 23%; }}
table.steps col.when {{ width: 11%; }}
table.steps .user {{ overflow-wrap: break-word; }}
table.steps thead th {{ font-size: 11pt; }}
table.steps tr.here td {{ background: {palette.HERE_FILL}; border: 3pt solid {palette.HERE_BORDER}; }}
table.steps .line {{ height: 16pt; }}
table.steps p {{ margin: 0 0 2pt 0; }}
table.steps .choices {{ margin: 0; }}
table.steps .choices span {{ display: block; margin: 0; white-space: normal; }}
table.steps input[type=text] {{ height: 16pt; font-size: 12pt; }}
table.steps textarea {{ height: 34pt; font-size: 12pt; }}
.bulb {{ background: {palette.COORDINATOR_FILL}; border-left: 4pt solid {palette.COORDINATOR_BORDER};
  padding: 2pt 6pt; }}
.status {{ font-weight: bold; }}
.choices span {{ margin-right: 14pt; white-space: nowrap; }}
.field {{ margin: 4pt 0 0 0; }}
.label {{ font-weight: bold; }}
.line {{ border-bottom: 1pt solid {palette.INK}; height: 22pt; }}
.box {{ border: 1pt solid {palette.INK}; min-height: 22pt; padding: 2pt 4pt; }}
input[type=text], textarea {{ font-family: {FONT_STACK}; font-size: 14pt; border: 1pt solid {palette.INK};
  width: 100%; box-sizing: border-box; }}
input[type=text] {{ height: 22pt; }}
textarea {{ height: 60pt; }}
input[type=radio] {{ display: inline-block; width: 14pt; height: 14pt; margin: 0 5pt 0 0; vertical-align: middle; }}
table {{ border-collapse: collapse; width: 100%; }}
th, td {{ border: 1pt solid {palette.INK}; padding: 4pt 6pt; text-align: left; vertical-align: top; height: 22pt; }}
a {{ color: {palette.NETWORK_BORDER}; }}
"""


def _e(text: str) -> str:
    return html.escape(text or "", quote=True)


def _user(text: str, tag: str = "p", cls: str = "user") -> str:
    """Client text, escaped, direction from its own content (right-to-left stays readable)."""
    return f'<{tag} class="{cls}" dir="auto">{_e(text)}</{tag}>'


@dataclass
class PaperFigure:
    """The diagram on paper: each slice's box (width, height in pt, in order), how many columns they flow in,
    and each slice's (bottom, top) in the drawing's own points."""

    boxes: list[tuple[float, float]]
    columns: int
    slices: list[tuple[float, float]] = field(default_factory=list)
