"""The flow diagram finished on the server for the page: every step named, focusable and marked as chosen.

`dot -Tsvg` draws the picture; this adds what a page needs so the browser only has to show it, with no
script working over the drawing first (that cost a frame or two on every view switch):

- the root has its natural width in CSS pixels (one pixel a point; its height follows from the viewBox),
  its shape as a CSS variable (so "fit" can keep it inside the screen's height), the role of a group of
  steps and the picture's accessible name;
- each step's node (`<g id="polku-…" class="node …">`) says which step it is (`data-step`), takes the
  keyboard focus, is a button whose name is everything its box shows (title and marks in words, so the
  name holds the visible text: WCAG 2.5.3), tells whether it is the chosen one (`aria-pressed`), and its
  texts are hidden from screen readers (the name already says them);
- other nodes (the start, the end) are hidden from screen readers;
- no blank lines, so the markup stays one HTML block wherever it is embedded.

The SVG comes from `dot`, whose input has every user text escaped (`paths.render.dot`); the names added
here are read from the drawn texts and escaped again as attribute values.
"""

from __future__ import annotations

import html
import re

from paths.render.escape import html_escape

_ROOT = re.compile(r'<svg width="([\d.]+)pt" height="([\d.]+)pt"')
_NODE = re.compile(r'<g id="polku&#45;([^"]+)" class="(node[^"]*)">(.*?)</g>', re.S)
_TEXT = re.compile(r"<text([^>]*)>([^<]*)</text>")
_BLANK = re.compile(r"\n\s*\n")
_ID = re.compile(r' id="([^"]*)"')
SELECTED = "polku-selected"


def one_block(markup: str) -> str:
    """`markup` with no blank line, so Markdown reads it as one HTML block and leaves it as it is."""
    return _BLANK.sub("\n", markup).strip()


def _shown_text(body: str) -> str:
    """Everything a node's box shows, in reading order, as plain text."""
    return " ".join(html.unescape(text).strip() for _attrs, text in _TEXT.findall(body) if text.strip())


def _step_node(match: re.Match[str], steps: dict[str, list[str]], selected: str | None) -> str:
    node, classes, body = match.group(1), match.group(2), match.group(3)
    step = steps.get(node)
    if step is None:
        return f'<g id="polku&#45;{node}" class="{classes}" aria-hidden="true">{body}</g>'
    step_id, title = step
    chosen = step_id == selected
    name = _shown_text(body) or title
    hidden_texts = _TEXT.sub(lambda text: f'<text{text.group(1)} aria-hidden="true">{text.group(2)}</text>', body)
    marked = f" {SELECTED}" if chosen else ""
    return (
        f'<g id="polku&#45;{node}" class="{classes}{marked}" data-step="{html_escape(step_id)}"'
        f' tabindex="0" role="button" aria-label="{html_escape(name)}" aria-pressed="{"true" if chosen else "false"}">'
        f"{hidden_texts}</g>"
    )


def _root(root: re.Match[str], role: str, label: str) -> str:
    """The root's new start: the natural width in px, the shape (width over height, for "fit", which keeps the
    whole drawing inside the screen's height too), the role and the name."""
    width, height = float(root.group(1)), float(root.group(2))
    shape = width / height if height else 1.0
    return (f'<svg width="{root.group(1)}px" style="--polku-shape: {shape:.4f}" role="{role}"'
            f' aria-label="{html_escape(label)}"')


def page_svg(svg: str, steps: dict[str, list[str]], *, label: str, selected: str | None = None,
             ids: str = "") -> str:
    """`svg` (an inline `dot` drawing) ready for the page; `steps` maps a node name to [step id, title]
    (empty: a picture with nothing to choose), `selected` is the chosen step's id. `ids` goes in front of
    every id of the drawing, so two drawings of one path can be in the same page (`dot` refers to none)."""
    role = "group" if steps else "img"
    svg = _ROOT.sub(lambda root: _root(root, role, label), svg, count=1)
    svg = _NODE.sub(lambda node: _step_node(node, steps, selected), svg)
    if ids:
        svg = _ID.sub(lambda found: f' id="{ids}{found.group(1)}"', svg)
    return one_block(svg)
