"""Where the flow diagram's stages go: the *wide* and the *portrait* layout, as Graphviz ranking rules.

Both layouts draw from top to bottom (`rankdir=TB`) and keep each stage in a box of its own:

- **wide** (screens in landscape, the projector): the stages stand side by side as columns, left to
  right, each with its steps from top to bottom in reading order. A path with more stages than
  `BAND_STAGES` wraps: the next stages start a new band of columns below the first.
- **portrait** (phones, a tablet held upright, the appointment mode, A4): the stages follow each other
  from top to bottom, each with its steps in reading order; the ways of a branch stand side by side.

In both, a *band* is a row of stage columns (in portrait every band holds one stage). An invisible gate
after each band, fed by the band's last steps and feeding the next band's first ones, keeps every step
of a band above every step of the next. Arrows that go back in reading order (loops, a way back to an
earlier stage) and, in the wide layout, arrows between the columns of one band do not take part in
ranking (`constraint=false`), so each column starts at the top of its band. What remains is acyclic.
"""

from __future__ import annotations

from dataclasses import dataclass

WIDE = "wide"
PORTRAIT = "portrait"
LAYOUTS: tuple[str, ...] = (WIDE, PORTRAIT)
DEFAULT_LAYOUT = WIDE
GATE_WEIGHT = 5  # pulls the stages of the portrait layout under each other

Order = dict[str, tuple[int, int, int]]


def normalise_layout(raw: object) -> str:
    """`raw` when it names a layout, else the default (a URL parameter may hold anything)."""
    return raw if isinstance(raw, str) and raw in LAYOUTS else DEFAULT_LAYOUT


def reading_order(column_nodes: list[list[str]], column_of: dict[str, int], edges: list[tuple[str, str]]) -> Order:
    """The reading order of `paths.model.graph.walk_order` (stage, then breadth-first depth from the
    starts, then file order), computed on the drawn nodes without building a networkx graph."""
    successors: dict[str, list[str]] = {}
    has_in: set[str] = set()
    for source, target in edges:
        successors.setdefault(source, []).append(target)
        has_in.add(target)
    nodes = [name for names in column_nodes for name in names]
    frontier = [name for name in nodes if name not in has_in] or nodes[:1]
    depth = dict.fromkeys(frontier, 0)
    while frontier:
        following = []
        for node in frontier:
            for nxt in successors.get(node, []):
                if nxt not in depth:
                    depth[nxt] = depth[node] + 1
                    following.append(nxt)
        frontier = following
    unseen = len(nodes) + 1
    return {name: (column_of[name], depth.get(name, unseen), i) for i, name in enumerate(nodes)}


@dataclass
class _Ranking:
    """The edges that rank, seen band by band: successors and predecessors inside one band."""

    succ: dict[str, list[str]]
    pred: dict[str, list[str]]
    ranked_out: set[str]  # nodes with any edge that takes part in ranking


def loose_edges(
    band_of: dict[str, int], column_of: dict[str, int], order: Order, edges: list[tuple[str, str]], wide: bool
) -> set[tuple[str, str]]:
    """The edges that must not rank: back to an earlier band, back in reading order inside a band, and
    (`wide`) between two columns of one band."""
    loose = set()
    for source, target in edges:
        if band_of[target] < band_of[source]:
            loose.add((source, target))
        elif band_of[target] == band_of[source] and (
            order[target] <= order[source] or (wide and column_of[target] != column_of[source])
        ):
            loose.add((source, target))
    return loose


def _ranking(band_of: dict[str, int], edges: list[tuple[str, str]], loose: set[tuple[str, str]]) -> _Ranking:
    ranking = _Ranking({}, {}, set())
    for source, target in edges:
        if (source, target) in loose:
            continue
        ranking.ranked_out.add(source)
        if band_of[source] == band_of[target]:
            ranking.succ.setdefault(source, []).append(target)
            ranking.pred.setdefault(target, []).append(source)
    return ranking


def _gated_nodes(nodes: list[str], order: Order, ranking: _Ranking) -> set[str]:
    """The nodes that feed their band's gate: every band sink, and the leaves that nothing else puts
    before the gate.

    A leaf (no ranked way out at all) sits right after its latest predecessor. When every predecessor
    has another successor that reaches the gate, the leaf is already before the gate; linking it too
    would only stretch a long invisible edge across the band (a side end in the middle of a long
    stage), which is what makes dot slow on big paths."""
    gated: set[str] = set()
    safe: set[str] = set()  # nodes with a ranked path to a gated node: before the gate

    def gate(name: str) -> None:
        gated.add(name)
        frontier = [name]
        safe.add(name)
        while frontier:
            for before in ranking.pred.get(frontier.pop(), []):
                if before not in safe:
                    safe.add(before)
                    frontier.append(before)

    for name in nodes:
        if name not in ranking.succ and name in ranking.ranked_out:
            gate(name)
    # Leaves from the last in reading order back, so that a gated leaf makes its ancestors safe.
    leaves = [name for name in nodes if name not in ranking.ranked_out]
    for name in sorted(leaves, key=order.__getitem__, reverse=True):
        before = ranking.pred.get(name, [])
        if not before or not all(any(o in safe for o in ranking.succ[p] if o != name) for p in before):
            gate(name)
    return gated


@dataclass
class Rules:
    """What a layout adds to the DOT: its ranking lines, the edges that must not rank, and the edges to
    write the other way round (`head -> tail [dir=back]`): in the wide layout an arrow to an earlier
    column would otherwise tell dot to put that column on the right."""

    lines: list[str]
    loose: set[tuple[str, str]]
    flipped: set[tuple[str, str]]


def _wide_rules(column_nodes: list[list[str]], column_of: dict[str, int], order: Order,
                edges: list[tuple[str, str]], band: int) -> Rules:
    """Wide: every stage is one rank (a column, `rankdir=LR`), its steps stacked in reading order by an
    invisible chain; an invisible link from each column to the next keeps the columns in stage order.

    With `band` columns a band, column `i` takes the rank of column `i % band` and stands below the
    columns of the earlier bands there (the chain runs through them, band by band), so a long path wraps
    like a line of text. Arrows inside a rank go down the chain (one going up is flipped); arrows to an
    earlier rank (a loop back, or the way on from a band's end to the next band) do not rank."""
    band = max(1, band)
    position = {name: column % band for name, column in column_of.items()}
    chain_index: dict[str, int] = {}
    lines: list[str] = []
    for rank in range(min(band, len(column_nodes))):
        chain = [
            name for column in range(rank, len(column_nodes), band)
            for name in sorted(column_nodes[column], key=order.__getitem__)
        ]
        chain_index.update({name: i for i, name in enumerate(chain)})
        lines.append("  { rank=same; " + " ".join(chain) + " }")
        lines += [f"  {a} -> {b} [style=invis];" for a, b in zip(chain, chain[1:], strict=False)]
    anchors = [names[0] for names in column_nodes[:band] if names]
    lines += [f"  {a} -> {b} [style=invis];" for a, b in zip(anchors, anchors[1:], strict=False)]
    loose = {(s, t) for s, t in edges if position[t] < position[s]}
    flipped = {(s, t) for s, t in edges if position[t] == position[s] and chain_index[t] < chain_index[s]}
    return Rules(lines, loose, flipped)


def _portrait_rules(column_nodes: list[list[str]], column_of: dict[str, int], order: Order,
                    edges: list[tuple[str, str]]) -> Rules:
    """Portrait: the stages from top to bottom (`rankdir=TB`), a gate after each (see the module)."""
    band_of = column_of  # one stage a band
    loose = loose_edges(band_of, column_of, order, edges, wide=False)
    ranking = _ranking(band_of, edges, loose)
    gated = _gated_nodes([name for names in column_nodes for name in names], order, ranking)
    out: list[str] = []
    for index in range(len(column_nodes) - 1):
        gate_name = f"g{index}"
        out.append(f'  {gate_name} [shape=point, style=invis, width="0", height="0", label=""];')
        link = f'[style=invis, weight="{GATE_WEIGHT}"]'
        out += [f"  {name} -> {gate_name} {link};" for name in column_nodes[index] if name in gated]
        out += [f"  {gate_name} -> {name} {link};" for name in column_nodes[index + 1] if name not in ranking.pred]
    return Rules(out, loose, set())


def rank_rules(
    column_nodes: list[list[str]], edges: list[tuple[str, str]], layout: str, band: int | None = None
) -> Rules:
    """The DOT lines that place the stages for `layout`, and which edges must not rank or are flipped.

    `column_nodes` holds each stage column's node names (the legend may be a column too); `edges` the
    drawn arrows between node names; `band` (wide only) how many columns stand side by side before the
    next ones wrap below (None: all in one row)."""
    column_of = {name: i for i, names in enumerate(column_nodes) for name in names}
    order = reading_order(column_nodes, column_of, edges)
    if layout == PORTRAIT:
        return _portrait_rules(column_nodes, column_of, order, edges)
    return _wide_rules(column_nodes, column_of, order, edges, band or len(column_nodes))
