"""Where the blueprint's texts go, so that none runs into another: each step's label (under or over its
marker) and each arrow's condition (somewhere along its arrow, or along a way over the steps between).

The texts are measured as boxes in the layout's units (slots and lanes) from their characters and a
generous estimate of the page's size (`SLOT_PX`, `LANE_PX`: less than the page gives, so a box is never
smaller than the drawn text). Step labels are placed first, each on the side where it hits nothing; then
every condition takes the first of its candidate places that hits no marker, label or earlier condition and
stays inside the plot (the stage titles are above it, the legend below), else the place that hits least.
The browser test (tests/app/test_browser_picture.py) measures the real boxes at four viewports."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from paths.render.blueprint.labels import (
    CONDITION_FONT,
    MARKERS,
    STEP_FONT,
    category,
    condition_label,
    plain_lines,
    step_label,
)
from paths.render.text_words import local

if TYPE_CHECKING:
    from paths.render.blueprint.geometry import Layout

SLOT_PX = 80.0  # a slot is about 90 px wide on the page (components.diagrams.blueprint_width), at least 80
LANE_PX = 130.0  # a full lane is 150 px of the figure's height (PX_PER_LANE), at least 130 of the plot
CHAR_EM = 0.62  # an average character's width, in font sizes (wide: DejaVu Sans is wider than most)
LINE_EM = 1.3
CONDITION_PAD_PX = 5  # the condition's border and padding
GAP_PX = 3
FRACTIONS = (0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8, 0.1, 0.9)  # where along its arrow a condition may sit
LIFTS = (0.4, 0.55, 0.7, 0.85)  # how high a way over the steps goes, in its lane's heights
BOTTOM, TOP = "bottom center", "top center"


@dataclass(frozen=True)
class Route:
    """How one arrow is drawn: its condition's centre (`label`, None without a condition) and, for an arrow
    that would run through the steps between (or a loop), the height `lift` of the way over them."""

    label: tuple[float, float] | None = None
    lift: float | None = None


@dataclass(frozen=True)
class Box:
    left: float
    top: float
    right: float
    bottom: float

    def overlap(self, other: Box) -> float:
        width = min(self.right, other.right) - max(self.left, other.left)
        height = min(self.bottom, other.bottom) - max(self.top, other.top)
        return width * height if width > 0 and height > 0 else 0.0


def text_size(label: str, font: float, pad_px: float = 0) -> tuple[float, float]:
    """A wrapped label's (width, height) in slots and lanes."""
    lines = plain_lines(label)
    width = max(len(line) for line in lines) * font * CHAR_EM + 2 * pad_px
    height = len(lines) * font * LINE_EM + 2 * pad_px
    return width / SLOT_PX, height / LANE_PX


def centred(x: float, y: float, size: tuple[float, float]) -> Box:
    return Box(x - size[0] / 2, y - size[1] / 2, x + size[0] / 2, y + size[1] / 2)


def marker_half(step_id: str, plan: Layout) -> tuple[float, float]:
    """Half a step marker's size, in slots and lanes."""
    step = plan.view.step(step_id)
    size = MARKERS[category(step)][3] if step else 30
    return size / 2 / SLOT_PX, size / 2 / LANE_PX


def label_box(step_id: str, place: str, size: tuple[float, float], plan: Layout) -> Box:
    x, y = plan.positions[step_id]
    half = marker_half(step_id, plan)[1] + GAP_PX / LANE_PX
    top = y + half if place == BOTTOM else y - half - size[1]
    return Box(x - size[0] / 2, top, x + size[0] / 2, top + size[1])


class _Room:
    """The boxes placed so far and the plot's edges: what a new text must not hit."""

    def __init__(self, plan: Layout) -> None:
        self.bounds = Box(-0.05, -0.02, plan.width + 0.05, plan.height + 0.02)
        self.boxes: list[Box] = []
        for step_id in plan.positions:
            x, y = plan.positions[step_id]
            self.boxes.append(centred(x, y, tuple(2 * half for half in marker_half(step_id, plan))))

    def cost(self, box: Box, x_free: bool = False) -> float:
        """How much `box` hits: the boxes placed and (unless `x_free`) what reaches out of the plot."""
        hit = sum(box.overlap(other) for other in self.boxes)
        inside = Box(box.left if x_free else max(box.left, self.bounds.left), max(box.top, self.bounds.top),
                     box.right if x_free else min(box.right, self.bounds.right), min(box.bottom, self.bounds.bottom))
        area = (box.right - box.left) * (box.bottom - box.top)
        kept = max(inside.right - inside.left, 0) * max(inside.bottom - inside.top, 0)
        return hit + (area - kept)

    def best(self, candidates: list[Box], x_free: bool = False) -> int:
        """The index of the first candidate that hits nothing, else of the one that hits least."""
        costs = [self.cost(box, x_free) for box in candidates]
        free = [i for i, cost in enumerate(costs) if cost == 0]
        return free[0] if free else costs.index(min(costs))


def place_texts(plan: Layout, lang: str) -> None:
    """Fill in `plan.label_positions`, `plan.routes` and `plan.x_range`."""
    room = _Room(plan)
    _place_step_labels(plan, lang, room)
    _place_conditions(plan, lang, room)
    left = min([0.0, *(box.left for box in room.boxes)])
    right = max([plan.width, *(box.right for box in room.boxes)])
    plan.x_range = (left - 0.05 if left < 0 else 0.0, right + 0.05 if right > plan.width else plan.width)


def _place_step_labels(plan: Layout, lang: str, room: _Room) -> None:
    """Left to right, each label under its marker unless over it hits less (labels may reach past the first
    and last slot: the axis range grows to hold them)."""
    for step_id in sorted(plan.positions, key=lambda s: (plan.positions[s][0], plan.positions[s][1])):
        step = plan.view.step(step_id)
        size = text_size(step_label(step, lang), STEP_FONT) if step else (0.0, 0.0)
        candidates = [label_box(step_id, place, size, plan) for place in (BOTTOM, TOP)]
        chosen = room.best(candidates, x_free=True)
        plan.label_positions[step_id] = (BOTTOM, TOP)[chosen]
        room.boxes.append(candidates[chosen])


def blocked(plan: Layout, source: str, target: str) -> bool:
    """Whether a straight arrow between two steps of one lane would run through another step (or is a loop)."""
    if source == target:
        return True
    (sx, sy), (tx, _ty) = plan.positions[source], plan.positions[target]
    low, high = sorted((sx, tx))
    return any(y == sy and low < x < high for x, y in plan.positions.values())


def _place_conditions(plan: Layout, lang: str, room: _Room) -> None:
    """Each arrow's route and its condition's place, in the order of the path's transitions."""
    seen: set[tuple[str, str]] = set()
    for transition in plan.view.transitions:
        key = (transition.source, transition.target)
        if key in seen or transition.source not in plan.positions or transition.target not in plan.positions:
            continue
        seen.add(key)
        lifted = plan.positions[key[0]][1] == plan.positions[key[1]][1] and blocked(plan, *key)
        condition = local(transition.condition, lang).text
        if not condition:
            plan.routes[key] = Route(lift=_lift(plan, key, LIFTS[0]) if lifted else None)
            continue
        size = text_size(condition_label(condition), CONDITION_FONT, CONDITION_PAD_PX)
        options = _options(plan, key, lifted)
        boxes = [centred(x, y, size) for x, y, _lift_y in options]
        chosen = room.best(boxes)
        room.boxes.append(boxes[chosen])
        x, y, lift = options[chosen]
        plan.routes[key] = Route(label=(x, y), lift=lift)


def _lift(plan: Layout, key: tuple[str, str], share: float) -> float:
    """The height of a way `share` of its source's lane above (below, when negative) the source."""
    lane = plan.lane(plan.step_lane[key[0]])
    return plan.positions[key[0]][1] - lane.height * share


def _options(plan: Layout, key: tuple[str, str], lifted: bool) -> list[tuple[float, float, float | None]]:
    """Where a condition may sit, best first: (x, y, the height of the way it sits on, or None for the straight
    arrow). On the straight arrow or beside it first (unless that runs through steps); then on a way over (or
    under) the steps at one of the `LIFTS`, with the condition on its level part."""
    (sx, sy), (tx, ty) = plan.positions[key[0]], plan.positions[key[1]]
    straight: list[tuple[float, float, float | None]] = []
    if not lifted:
        nudges = (0.0, -0.12, 0.12) if sy == ty else (0.0,)  # beside a straight arrow, not only on it
        straight = [(sx + (tx - sx) * share, sy + (ty - sy) * share + dy, None) for dy in nudges for share in FRACTIONS]
    turn = tx + 0.35 if sx == tx else tx  # a step that leads back to itself: a small loop to the right
    heights = [_lift(plan, key, height) for height in LIFTS] + [_lift(plan, key, -height) for height in LIFTS]
    return straight + [(sx + (turn - sx) * share, lift, lift) for lift in heights for share in FRACTIONS]
