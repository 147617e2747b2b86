"""The service blueprint (Plotly): one horizontal lane per actor, the stages as columns.

This is how Finnish service blueprints are drawn: the client side on top, then the coordinator,
the professionals and the organisations. Each step is a marker in its responsible actor's lane
(steps without actors in an "unassigned" lane); the other actors of a step get small open
markers in their own lanes, joined by a dotted line, so a lane shows everything that actor takes
part in. Arrows are the transitions — an arrow between lanes is a hand-off — with the branch
conditions on them. The light bulb is a star marker, a palette colour *and* 💡 with words in the
label and the hover, so colour is never the only signal.

Plotly renders a little HTML in labels and hovers, so every user text is escaped (`&`, `<`, `>`)
and user text never goes into a hovertemplate (where `%{...}` would be substituted). Each step
marker's `customdata` is the step id, so a click (Streamlit `on_select`) can show `step_details`.

One job a module: `geometry` (lanes, stage columns, each step's place), `placement` (where the labels and
the arrows' conditions fit without running into each other), `labels` (the texts, escaped and wrapped),
`traces` (the markers), `arrows` (the transitions), `figure` (the whole), `details` (a clicked step).
"""

from paths.render.blueprint.details import step_details
from paths.render.blueprint.figure import blueprint_figure
from paths.render.blueprint.geometry import UNASSIGNED, Layout, layout
from paths.render.blueprint.labels import MARKERS

__all__ = ["MARKERS", "UNASSIGNED", "Layout", "blueprint_figure", "layout", "step_details"]
