"""The second look at the blueprint's texts and ways: the first placement (`placement.place_texts`) takes each
text and way in turn, so a label put early can stand where a way found later must come down, and nothing
moves it then. Here every step label and every arrow is a `Piece` with its options (a label's places, an
arrow's ways and its condition's places on them), and the pieces move — one at a time, two together where
they meet (a label and the way through it, or a way and what stands in its other ways), and in chains (one
moves, what it then hits moves out of its way, and what that hits) — whenever that lowers how much the texts
hit each other and how far lines run through texts (within a `BUDGET`). It runs twice, from the first
placement and from every piece at its first option, and keeps the better end. Not every placement is tried
(that grows too fast), so a crowded path may still keep a crossing that some other choice would avoid.

The measure is the first placement's: a text on a text (or out of the plot) weighs `HIT_WEIGHT` an area, a line
through a text its length, a dotted "takes part" line (drawn with a gap at each text) `DOTTED_WEIGHT` of that.
An arrow's own lines (and the arrow back's, drawn on the same line) run under its condition freely, and every
line runs into the markers it starts and ends at. Only strict gains are taken, so a placement that nothing
hits stays as it is."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import product
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from paths.render.blueprint.placement import Box, Point

Key = tuple[str, str]
Segment = tuple["Point", "Point"]
HIT_WEIGHT = 100  # a text on another, or out of the plot (on the stage titles or the legend): worse than a line
DOTTED_WEIGHT = 0.25
ROUNDS = 4
GAIN = 1e-9
# How many times the search may weigh two options against each other: the built-in paths need up to 150,000;
# long texts on a crowded path (every text near every other, dozens of options each) would need billions.
# Spent, the search stops where it is (every move taken was a gain), so the figure is always drawn.
BUDGET = 500_000


@dataclass(frozen=True)
class Option:
    """One place for a piece: its text's box (None for an arrow without a condition), its lines and what it
    costs on its own (reaching out of the plot); `value` is what the placement writes back."""

    box: Box | None
    lines: tuple[Segment, ...] = ()
    alone: float = 0.0
    value: object = None


@dataclass
class Piece:
    """A step label, an arrow (`owner` its key) or something fixed (a marker, the dotted lines). `excused`: the
    arrows whose lines may run through its box (every line, for a marker: None)."""

    options: list[Option]
    owner: Key | None = None
    excused: frozenset[Key] | None = frozenset()
    line_weight: float = 1.0
    chosen: int = 0

    @property
    def current(self) -> Option:
        return self.options[self.chosen]


def between(a: Piece, oa: Option, b: Piece, ob: Option) -> float:
    """How much two pieces, at options `oa` and `ob`, hit each other."""
    hit = HIT_WEIGHT * oa.box.overlap(ob.box) if oa.box and ob.box else 0.0
    return hit + _through(a, oa, b, ob) + _through(b, ob, a, oa)


def _through(a: Piece, oa: Option, b: Piece, ob: Option) -> float:
    """How far the lines of `a` run through the box of `b`."""
    if not ob.box or not oa.lines or b.excused is None or (a.owner is not None and a.owner in b.excused):
        return 0.0
    return a.line_weight * sum(ob.box.crossed(p, q) for p, q in oa.lines)


def reach(piece: Piece) -> tuple[float, float, float, float]:
    """The (left, top, right, bottom) that all of a piece's options stay within: pieces whose reaches do not
    meet never hit each other, so each piece is weighed only against those whose reach meets its own."""
    xs, ys = [], []
    for option in piece.options:
        if option.box:
            xs += [option.box.left, option.box.right]
            ys += [option.box.top, option.box.bottom]
        for (ax, ay), (bx, by) in option.lines:
            xs += [ax, bx]
            ys += [ay, by]
    return (min(xs), min(ys), max(xs), max(ys)) if xs else (0.0, 0.0, -1.0, -1.0)


def neighbours(pieces: list[Piece]) -> list[list[int]]:
    """For each piece, the others whose reach meets its own (a sweep from left to right)."""
    reaches = [reach(piece) for piece in pieces]
    order = sorted((i for i, r in enumerate(reaches) if r[0] <= r[2]), key=lambda i: reaches[i][0])
    near: list[list[int]] = [[] for _ in pieces]
    for n, i in enumerate(order):
        for j in order[n + 1 :]:
            if reaches[j][0] > reaches[i][2]:
                break
            if reaches[j][1] <= reaches[i][3] and reaches[i][1] <= reaches[j][3]:
                near[i].append(j)
                near[j].append(i)
    return near


class _Search:
    """The pieces, who is near whom, and what each two of them at each two options hit (worked out once: the
    moves ask again)."""

    def __init__(self, pieces: list[Piece]) -> None:
        self.pieces = pieces
        self.near = neighbours(pieces)
        self.movable = [i for i, piece in enumerate(pieces) if len(piece.options) > 1]
        self.cache: dict[tuple[int, int, int, int], float] = {}
        self.asked = 0

    @property
    def spent(self) -> bool:
        return self.asked > BUDGET

    def hit(self, i: int, oi: int, j: int, oj: int) -> float:
        self.asked += 1
        key = (i, oi, j, oj) if i < j else (j, oj, i, oi)
        if key not in self.cache:
            a, b = self.pieces[i], self.pieces[j]
            self.cache[key] = between(a, a.options[oi], b, b.options[oj])
        return self.cache[key]

    def outside(self, i: int, oi: int, skip: tuple[int, ...] = ()) -> float:
        """What option `oi` of piece `i` costs alone and against every other piece as placed (but `skip`)."""
        hits = (self.hit(i, oi, j, self.pieces[j].chosen) for j in self.near[i] if j not in skip)
        return self.pieces[i].options[oi].alone + sum(hits)

    def energy(self, members: set[int]) -> float:
        """What the pieces in `members` cost, alone and against each other and the rest (each pair once)."""
        total = 0.0
        for i in members:
            piece = self.pieces[i]
            total += piece.current.alone
            total += sum(
                self.hit(i, piece.chosen, j, self.pieces[j].chosen) for j in self.near[i] if j not in members or j > i
            )
        return total

    def hits_now(self, i: int) -> bool:
        return self.outside(i, self.pieces[i].chosen) - self.pieces[i].current.alone > GAIN

    def hit_by(self, i: int) -> list[int]:
        """The movable pieces that piece `i` hits as placed."""
        chosen = self.pieces[i].chosen
        near = (j for j in self.near[i] if len(self.pieces[j].options) > 1)
        return [j for j in near if self.hit(i, chosen, j, self.pieces[j].chosen) > GAIN]

    def move_alone(self, i: int, keep: tuple[int, ...] = ()) -> bool:
        """Piece `i` to its best option as the rest are (unless it is one to `keep`)."""
        if i in keep or self.spent:
            return False
        costs = [self.outside(i, option) for option in range(len(self.pieces[i].options))]
        best = costs.index(min(costs))
        if costs[best] < costs[self.pieces[i].chosen] - GAIN:
            self.pieces[i].chosen = best
            return True
        return False

    def pairs(self, i: int) -> list[tuple[int, int]]:
        """The movable pieces to move with `i`, when it hits anything: those it hits now, and those in the way
        of its other options."""
        if self.spent or not self.hits_now(i):
            return []
        options = range(len(self.pieces[i].options))
        movable = (j for j in self.near[i] if len(self.pieces[j].options) > 1)
        near = [j for j in movable if any(self.hit(i, o, j, self.pieces[j].chosen) for o in options)]
        return [(min(i, j), max(i, j)) for j in near]

    def move_pair(self, i: int, j: int) -> bool:
        """The best options of two pieces together (each against the rest as placed, and one against the other)."""
        if self.spent:
            return False
        a, b = self.pieces[i], self.pieces[j]
        rest_a = [self.outside(i, option, skip=(j,)) for option in range(len(a.options))]
        rest_b = [self.outside(j, option, skip=(i,)) for option in range(len(b.options))]

        def total(pair: tuple[int, int]) -> float:
            return rest_a[pair[0]] + rest_b[pair[1]] + self.hit(i, pair[0], j, pair[1])

        best = min(product(range(len(a.options)), range(len(b.options))), key=total)
        if total(best) < total((a.chosen, b.chosen)) - GAIN:
            a.chosen, b.chosen = best
            return True
        return False

    def move_chain(self, i: int) -> bool:
        """Piece `i` to one of its other options and what that hits out of its way (and what those then hit):
        taken when the whole is better. Two or three pieces in one move, where none alone would move."""
        if self.spent or not self.hits_now(i):
            return False
        start = self.pieces[i].chosen
        for option in range(len(self.pieces[i].options)):
            if option == start:
                continue
            moved = {i: start}
            self.pieces[i].chosen = option
            for j in self.hit_by(i):
                self._settle(j, (i,), moved)
                for k in self.hit_by(j) if j in moved else []:
                    self._settle(k, (i, j), moved)
            if self._better(moved):
                return True
        return False

    def _settle(self, j: int, keep: tuple[int, ...], moved: dict[int, int]) -> None:
        """Move `j` alone, noting where it was (in `moved`) if it moves."""
        was = self.pieces[j].chosen
        if self.move_alone(j, keep):
            moved.setdefault(j, was)

    def _better(self, moved: dict[int, int]) -> bool:
        """Whether the pieces moved (each with where it was) cost less now; if not, back to where they were."""
        members = set(moved)
        after, now = self.energy(members), {i: self.pieces[i].chosen for i in members}
        for i, was in moved.items():
            self.pieces[i].chosen = was
        if after < self.energy(members) - GAIN:
            for i, chosen in now.items():
                self.pieces[i].chosen = chosen
            return True
        return False


def improve(pieces: list[Piece]) -> None:
    """Search from the first placement and again from every piece at its first option (a label under its
    marker, a way at its first height), and keep the better end: a local search ends near where it began."""
    search, everything = _Search(pieces), set(range(len(pieces)))
    ends = []
    for start in ([piece.chosen for piece in pieces], [0] * len(pieces)):
        for piece, chosen in zip(pieces, start, strict=True):
            piece.chosen = chosen
        _descend(search)
        ends.append((search.energy(everything), [piece.chosen for piece in pieces]))
    best = ends[1] if ends[1][0] < ends[0][0] - GAIN else ends[0]
    for piece, chosen in zip(pieces, best[1], strict=True):
        piece.chosen = chosen


def _descend(search: _Search) -> None:
    """Move the pieces, alone, in pairs and in chains, while that lowers the total; at most `ROUNDS` times over."""
    for _round in range(ROUNDS):
        moved = any([search.move_alone(i) for i in search.movable])
        pairs = sorted({pair for i in search.movable for pair in search.pairs(i)})
        moved = any([search.move_pair(*pair) for pair in pairs]) or moved
        moved = any([search.move_chain(i) for i in search.movable]) or moved
        if not moved:
            return
