"""Where the blueprint's texts go, so that none runs into another: each step's label (under or over its
marker) and each arrow's condition (somewhere along its arrow, or along a way over the steps between).

The texts are measured as boxes in the layout's units (slots and lanes) from their characters and a
generous estimate of the page's size (`SLOT_PX`, `LANE_PX`: less than the page gives, so a box is never
smaller than the drawn text). Step labels are placed first, each at the first of its places (under, over,
then beside its marker) where it hits nothing; then every arrow takes the first way (straight, or over or
under the steps at one of the `LIFTS`) and its condition the first place on it that hits no marker, label or
earlier condition, stays inside the plot (the stage titles are above it, the legend below) and where no line
runs through a text; else what hits least, a text on a text or out of the plot weighing most. All that runs
twice, the labels the second time keeping off the ways found the first time; a label a way still crosses
then moves where nothing is. Taking one text or way at a time leaves some crossings that only moving two or
three together removes (Pohjanmaa's: a label put early where a way found later comes down), so
`search.improve` then moves the labels and arrows — alone, in pairs and in chains — while that lowers the
same measure; what it chose is written back (`_pieces`, `_write_back`).

The rule for lines: no arrow, way over the steps or dotted "takes part" line runs through a step's label or a
condition — but an arrow passes under its own condition (drawn centred on it in a white box; the arrow back
between the same two steps is on the same line). The lines between lanes and between stages are drawn under
the texts and leave a gap at each (`around`) rather than run through the letters.
The browser tests (tests/app/test_browser_picture.py) measure the real boxes and paths at four viewports."""

from __future__ import annotations

import math
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
from paths.render.blueprint.search import DOTTED_WEIGHT, HIT_WEIGHT, Option, Piece, improve
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
PLACES = (BOTTOM, TOP, "bottom right", "top right", "bottom left", "top left")  # a step label's, best first
LOOP = 0.35  # how far right of a step its loop back to itself turns

Point = tuple[float, float]
Key = tuple[str, str]  # an arrow: (source, target)


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

    def clip(self, a: Point, b: Point) -> tuple[float, float] | None:
        """Where the line from `a` to `b` runs inside this box, as shares of the way from `a` (None when it
        misses): the Liang–Barsky clip of the segment to the box."""
        (ax, ay), (bx, by) = a, b
        if max(ax, bx) <= self.left or min(ax, bx) >= self.right or max(ay, by) <= self.top \
                or min(ay, by) >= self.bottom:
            return None  # the line's own extent misses the box (most lines, most boxes): no clipping needed
        low, high = 0.0, 1.0
        for step, room in (
            (ax - bx, ax - self.left),
            (bx - ax, self.right - ax),
            (ay - by, ay - self.top),
            (by - ay, self.bottom - ay),
        ):
            if step == 0:
                if room <= 0:
                    return None
                continue
            share = room / step
            low, high = (max(low, share), high) if step < 0 else (low, min(high, share))
        return (low, high) if high > low else None

    def crossed(self, a: Point, b: Point) -> float:
        """How long a stretch of the line from `a` to `b` runs inside this box (0 when it misses)."""
        shares = self.clip(a, b)
        return (shares[1] - shares[0]) * math.hypot(b[0] - a[0], b[1] - a[1]) if shares else 0.0


def around(a: Point, b: Point, boxes: list[Box]) -> list[tuple[Point, Point]]:
    """The pieces of the line from `a` to `b` outside every box: a line drawn under the texts (between lanes,
    stages, or to a step's other actors) leaves a gap at each text instead of running through its letters."""
    cuts = sorted(shares for box in boxes if (shares := box.clip(a, b)))
    pieces, start = [], 0.0
    for low, high in [*cuts, (1.0, 1.0)]:
        if low > start:
            pieces.append((start, low))
        start = max(start, high)

    def at(share: float) -> Point:
        return a[0] + (b[0] - a[0]) * share, a[1] + (b[1] - a[1]) * share

    return [(at(low), at(high)) for low, high in pieces]


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
    """The box of a step's label at `place` (a Plotly textposition): over or under the marker, centred on it or,
    to one side, starting past the marker's edge (Plotly puts such a text a marker's radius off both ways).

    Plotly's offsets are in pixels, which the page makes more than `SLOT_PX` and `LANE_PX`: the box reaches in
    to the marker's edge (a text nearer than its estimate) and out as far as the estimate goes."""
    x, y = plan.positions[step_id]
    half_x, half_y = marker_half(step_id, plan)
    reach = half_y + GAP_PX / LANE_PX + size[1]
    top, bottom = (y + half_y, y + reach) if place.startswith("bottom") else (y - reach, y - half_y)
    if place.endswith("center"):
        return Box(x - size[0] / 2, top, x + size[0] / 2, bottom)
    reach = half_x / 0.8 + 1 / SLOT_PX + size[0]  # Plotly's radius / 0.8 + 1 px, then the text
    if place.endswith("right"):
        return Box(x + half_x, top, x + reach, bottom)
    return Box(x - reach, top, x - half_x, bottom)


def way(plan: Layout, key: Key, lift: float | None) -> list[Point]:
    """The points an arrow's line runs through: from its source's centre (up to the way at `lift` and along
    it, when there is one) to its target's centre; a step that leads back to itself loops to the right."""
    (sx, sy), (tx, ty) = plan.positions[key[0]], plan.positions[key[1]]
    if lift is None:
        return [(sx, sy), (tx, ty)]
    turn = tx + LOOP if sx == tx else tx
    return [(sx, sy), (sx, lift), (turn, lift), (tx, ty)]


def takes_part(plan: Layout, step_id: str) -> list[str]:
    """The lanes of a step's other actors (its small open markers, joined to it by a dotted line)."""
    step = plan.view.step(step_id)
    lanes = {lane.key for lane in plan.lanes}
    actors = dict.fromkeys(step.actors[1:]) if step else {}
    return [actor for actor in actors if step and actor in lanes and actor != step.actors[0]]


def out_of(box: Box, bounds: Box, x_free: bool = False) -> float:
    """How much of `box` reaches out of `bounds` (an area; only over or under it when `x_free`)."""
    inside = Box(
        box.left if x_free else max(box.left, bounds.left),
        max(box.top, bounds.top),
        box.right if x_free else min(box.right, bounds.right),
        min(box.bottom, bounds.bottom),
    )
    area = (box.right - box.left) * (box.bottom - box.top)
    return area - max(inside.right - inside.left, 0) * max(inside.bottom - inside.top, 0)


class _Room:
    """What a new text or line must not hit: the markers, the texts placed so far (each a step's label, owner
    None, or an arrow's condition, owned by its arrow), the lines drawn so far (the arrows and the dotted
    "takes part" lines, each with its arrow or None) and the plot's edges."""

    def __init__(self, plan: Layout) -> None:
        self.bounds = Box(-0.05, -0.02, plan.width + 0.05, plan.height + 0.02)
        self.boxes: list[Box] = []
        self.texts: list[tuple[Key | None, Box]] = []
        self.lines: list[tuple[Key | None, Point, Point]] = []
        for step_id in plan.positions:
            x, y = plan.positions[step_id]
            self.boxes.append(centred(x, y, tuple(2 * half for half in marker_half(step_id, plan))))
            for lane in takes_part(plan, step_id):
                self.lines.append((None, (x, y), (x, plan.lane(lane).y)))

    def add_text(self, box: Box, owner: Key | None = None) -> None:
        self.boxes.append(box)
        self.texts.append((owner, box))

    def remove_text(self, box: Box) -> None:
        self.boxes.remove(box)
        self.texts.remove((None, box))

    def add_way(self, points: list[Point], owner: Key) -> None:
        self.lines += [(owner, a, b) for a, b in zip(points, points[1:], strict=False)]

    def cost(self, box: Box, x_free: bool = False, owner: Key | None = None, dotted: bool = True) -> float:
        """How much `box` hits: the boxes placed, the lines (but its own arrow's; the dotted ones only when
        `dotted`) that run through it and (unless `x_free`) what reaches out of the plot."""
        left, right = box.left, box.right  # only what reaches into the box's columns can hit it
        hit = HIT_WEIGHT * sum(box.overlap(other) for other in self.boxes if other.right > left and other.left < right)
        lines = [(a, b) for line_owner, a, b in self.lines
                 if ((line_owner is None and dotted) or line_owner != owner)
                 and (a[0] > left or b[0] > left) and (a[0] < right or b[0] < right)]
        hit += sum(box.crossed(a, b) for a, b in lines)
        return hit + HIT_WEIGHT * out_of(box, self.bounds, x_free)

    def way_cost(self, points: list[Point], owner: Key) -> float:
        """How far a way runs through the texts placed (but its own arrow's condition)."""
        left, right = min(x for x, _y in points), max(x for x, _y in points)
        segments = list(zip(points, points[1:], strict=False))
        return sum(
            box.crossed(a, b)
            for text_owner, box in self.texts
            if text_owner != owner and box.right > left and box.left < right
            for a, b in segments
        )

    @staticmethod
    def first_free(costs: list[float]) -> int:
        """The index of the first cost that is nothing, else of the least."""
        free = [i for i, cost in enumerate(costs) if cost == 0]
        return free[0] if free else costs.index(min(costs))


def place_texts(plan: Layout, lang: str) -> None:
    """Fill in `plan.label_positions`, `plan.routes`, `plan.text_boxes` and `plan.x_range`.

    Twice: the second time the step labels keep off the ways over the steps that the first time found too;
    then `search.improve` moves what one text at a time could not (two or three pieces together)."""
    keys = _arrows(plan)
    for _time in range(2):
        room = _Room(plan)
        for key in keys:  # the straight arrows are where they are: the labels keep off them
            if not _lifted(plan, key):
                room.add_way(way(plan, key, None), key)
        straight = len(room.lines)
        for key, route in plan.routes.items():
            if route.lift is not None:
                room.add_way(way(plan, key, route.lift), key)
        _place_step_labels(plan, lang, room)
        del room.lines[straight:]
        _place_conditions(plan, lang, room, keys)
    _move_crossed_labels(plan, lang, room)
    pieces = _pieces(plan, lang, keys, room.bounds)
    improve(pieces)
    plan.text_boxes = _write_back(plan, pieces)
    boxes = [piece.current.box for piece in pieces if piece.current.box]
    left = min([0.0, *(box.left for box in boxes)])
    right = max([plan.width, *(box.right for box in boxes)])
    plan.x_range = (left - 0.05 if left < 0 else 0.0, right + 0.05 if right > plan.width else plan.width)


def _place_step_labels(plan: Layout, lang: str, room: _Room) -> None:
    """Left to right, each label at the first of its `PLACES` (under its marker, over it, then beside) that hits
    nothing (a marker, a label, a straight arrow or a dotted line), else where it hits least (labels may reach
    past the first and last slot: the axis range grows to hold them)."""
    for step_id in sorted(plan.positions, key=lambda s: (plan.positions[s][0], plan.positions[s][1])):
        step = plan.view.step(step_id)
        size = text_size(step_label(step, lang), STEP_FONT) if step else (0.0, 0.0)
        candidates = [label_box(step_id, place, size, plan) for place in PLACES]
        chosen = room.first_free([room.cost(box, x_free=True) for box in candidates])
        plan.label_positions[step_id] = PLACES[chosen]
        room.add_text(candidates[chosen])


def _move_crossed_labels(plan: Layout, lang: str, room: _Room) -> None:
    """A step label that an arrow or a way (placed after the labels) runs through moves to the first of its
    places where nothing is but a dotted line (which leaves a gap at a label, `around`)."""
    for step_id, place in plan.label_positions.items():
        step = plan.view.step(step_id)
        size = text_size(step_label(step, lang), STEP_FONT) if step else (0.0, 0.0)
        box = label_box(step_id, place, size, plan)
        if not any(box.crossed(a, b) for owner, a, b in room.lines if owner):
            continue
        room.remove_text(box)
        for other in PLACES:
            moved = label_box(step_id, other, size, plan)
            if room.cost(moved, x_free=True, dotted=False) == 0:
                plan.label_positions[step_id], box = other, moved
                break
        room.add_text(box)


def blocked(plan: Layout, source: str, target: str) -> bool:
    """Whether a straight arrow between two steps of one lane would run through another step (or is a loop)."""
    if source == target:
        return True
    (sx, sy), (tx, _ty) = plan.positions[source], plan.positions[target]
    low, high = sorted((sx, tx))
    return any(y == sy and low < x < high for x, y in plan.positions.values())


def _lifted(plan: Layout, key: Key) -> bool:
    return plan.positions[key[0]][1] == plan.positions[key[1]][1] and blocked(plan, *key)


def _arrows(plan: Layout) -> list[Key]:
    """The drawn arrows, each once, in the order of the path's transitions."""
    keys = [(tr.source, tr.target) for tr in plan.view.transitions]
    return [key for key in dict.fromkeys(keys) if key[0] in plan.positions and key[1] in plan.positions]


def _place_conditions(plan: Layout, lang: str, room: _Room, keys: list[Key]) -> None:
    """Each arrow's route and its condition's place: the first option where neither the condition nor the
    way runs into a text, a marker or a line (else the one that hits least)."""
    conditions = _conditions(plan, lang)
    for key in keys:
        lifted, condition = _lifted(plan, key), conditions.get(key, "")
        if not condition:
            lifts = [_lift(plan, key, share) for share in (*LIFTS, *(-share for share in LIFTS))] if lifted else [None]
            lift = lifts[room.first_free([room.way_cost(way(plan, key, lift), key) for lift in lifts])]
            plan.routes[key] = Route(lift=lift)
        else:
            size = text_size(condition_label(condition), CONDITION_FONT, CONDITION_PAD_PX)
            options = _options(plan, key, lifted)
            boxes = [centred(x, y, size) for x, y, _lift_y in options]
            costs = [
                room.cost(box, owner=key) + room.way_cost(way(plan, key, option[2]), key)
                for box, option in zip(boxes, options, strict=True)
            ]
            chosen = room.first_free(costs)
            room.add_text(boxes[chosen], key)
            x, y, lift = options[chosen]
            plan.routes[key] = Route(label=(x, y), lift=lift)
        if lifted:
            room.add_way(way(plan, key, plan.routes[key].lift), key)


def _conditions(plan: Layout, lang: str) -> dict[Key, str]:
    """Each arrow's condition: the first of two transitions with one arrow gives it."""
    conditions: dict[Key, str] = {}
    for tr in plan.view.transitions:
        conditions.setdefault((tr.source, tr.target), local(tr.condition, lang).text)
    return conditions


def _lift(plan: Layout, key: Key, share: float) -> float:
    """The height of a way `share` of its source's lane above (below, when negative) the source."""
    lane = plan.lane(plan.step_lane[key[0]])
    return plan.positions[key[0]][1] - lane.height * share


def _options(plan: Layout, key: Key, lifted: bool) -> list[tuple[float, float, float | None]]:
    """Where a condition may sit, best first: (x, y, the height of the way it sits on, or None for the straight
    arrow). On the straight arrow or beside it first (unless that runs through steps); then on a way over (or
    under) the steps at one of the `LIFTS`, with the condition on its level part."""
    (sx, sy), (tx, ty) = plan.positions[key[0]], plan.positions[key[1]]
    straight: list[tuple[float, float, float | None]] = []
    if not lifted:
        nudges = (0.0, -0.12, 0.12) if sy == ty else (0.0,)  # beside a straight arrow, not only on it
        straight = [(sx + (tx - sx) * share, sy + (ty - sy) * share + dy, None) for dy in nudges for share in FRACTIONS]
    heights = [_lift(plan, key, height) for height in LIFTS] + [_lift(plan, key, -height) for height in LIFTS]
    levels = [way(plan, key, lift)[1:3] for lift in heights]
    return straight + [(a[0] + (b[0] - a[0]) * share, a[1], a[1]) for a, b in levels for share in FRACTIONS]


def _pieces(plan: Layout, lang: str, keys: list[Key], bounds: Box) -> list[Piece]:
    """The blueprint as `search.Piece`s, each at its place so far: the markers and the dotted lines (fixed),
    then the step labels (in `plan.label_positions`' order), then the arrows (in the order of `keys`)."""
    pieces = []
    for step_id, (x, y) in plan.positions.items():
        marker = centred(x, y, tuple(2 * half for half in marker_half(step_id, plan)))
        pieces.append(Piece([Option(marker)], excused=None))
    dotted = [((x, y), (x, plan.lane(lane).y)) for s, (x, y) in plan.positions.items() for lane in takes_part(plan, s)]
    pieces.append(Piece([Option(None, tuple(dotted))], line_weight=DOTTED_WEIGHT))
    for step_id, place in plan.label_positions.items():
        step = plan.view.step(step_id)
        size = text_size(step_label(step, lang), STEP_FONT) if step else (0.0, 0.0)
        boxes = {other: label_box(step_id, other, size, plan) for other in PLACES}
        options = [Option(box, alone=HIT_WEIGHT * out_of(box, bounds, True), value=p) for p, box in boxes.items()]
        pieces.append(Piece(options, chosen=PLACES.index(place)))
    conditions = _conditions(plan, lang)
    return pieces + [_arrow_piece(plan, key, conditions.get(key, ""), bounds) for key in keys]


def _arrow_piece(plan: Layout, key: Key, condition: str, bounds: Box) -> Piece:
    """An arrow's options: each of its ways with its condition's places on it (none without a condition)."""
    lifted, route = _lifted(plan, key), plan.routes[key]
    if condition:
        size = text_size(condition_label(condition), CONDITION_FONT, CONDITION_PAD_PX)
        routes = [Route((x, y), lift) for x, y, lift in _options(plan, key, lifted)]
    else:
        size, lifts = (0.0, 0.0), [*LIFTS, *(-share for share in LIFTS)] if lifted else [None]
        routes = [Route(None, _lift(plan, key, share) if share else None) for share in lifts]
    options = []
    for other in routes:
        points = way(plan, key, other.lift)
        box = centred(*other.label, size) if other.label else None
        alone = HIT_WEIGHT * out_of(box, bounds) if box else 0.0
        options.append(Option(box, tuple(zip(points, points[1:], strict=False)), alone, other))
    chosen = routes.index(route) if route in routes else 0
    return Piece(options, owner=key, excused=frozenset({key, key[::-1]}), chosen=chosen)


def _write_back(plan: Layout, pieces: list[Piece]) -> list[Box]:
    """Put the pieces' chosen places into `plan`; the step labels' and conditions' boxes."""
    labels = pieces[len(plan.positions) + 1 : len(plan.positions) + 1 + len(plan.label_positions)]
    for step_id, piece in zip(list(plan.label_positions), labels, strict=True):
        plan.label_positions[step_id] = str(piece.current.value)
    arrows = pieces[len(plan.positions) + 1 + len(labels) :]
    for piece in arrows:
        plan.routes[piece.owner] = piece.current.value
    return [piece.current.box for piece in labels + arrows if piece.current.box]
