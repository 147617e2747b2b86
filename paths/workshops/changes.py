"""A participant's suggested change to a path, as plain data: what it changes, how it is applied (through
the same pure editing functions as every other edit), whether it is out of date, and its preview.

A `Change` targets one step or one stage. It is applied by `apply_change` with `paths.editing.edits`
only, so an accepted suggestion is an edit like any other. `fingerprint` records the target as the
participant saw it; when the target has since been removed or changed, `out_of_date` says so and the
change is never applied blindly. `preview_dot` is the flow diagram (`paths.render.dot.to_dot`) of the
path after the change, with the changed steps and arrows drawn thicker in the highlight colour.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace

from paths.editing import edits as editing
from paths.i18n.catalog import UserError, normalise_lang, t
from paths.model.schema import ServicePath, Step
from paths.render import palette
from paths.render.dot import to_dot
from paths.views.audience import audience_view, renderer_audience

STEP_KINDS: tuple[str, ...] = (
    "add_after", "add_before", "rename", "rewrite", "move", "connect", "disconnect", "bulb", "add_actor",
)
STAGE_KINDS: tuple[str, ...] = ("add_step", "rename", "rewrite")
KIND_ICONS = {
    "add_after": "➕", "add_before": "➕", "add_step": "➕", "rename": "✏️", "rewrite": "📝", "move": "↔️",
    "connect": "🔗", "disconnect": "✂️", "bulb": "💡", "add_actor": "🧑‍🤝‍🧑",
}
MAX_TITLE_CHARS = 200
MAX_TEXT_CHARS = 2000
HIGHLIGHT = palette.SUGGESTION_HIGHLIGHT  # the thicker border carries it too


class SuggestionError(UserError):
    """A suggestion that cannot be made or applied; `message(lang)` is one sentence."""

    key_prefix = "suggest.error."


@dataclass(frozen=True)
class Change:
    """One suggested change. `target` is a step id (`target_kind` "step") or a stage id ("stage")."""

    kind: str
    target_kind: str
    target: str
    title: str = ""  # add_*, rename
    text: str = ""  # rewrite: the plain-language text of a step, the description of a stage
    stage: str = ""  # move
    other: str = ""  # connect / disconnect: the other step
    condition: str = ""  # connect
    on: bool = True  # bulb
    actor: str = ""  # add_actor: an actor id of the path, or the name of a new actor
    lang: str = "fi"  # the language the participant wrote in: new texts go into it

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, raw: str) -> Change:
        data = json.loads(raw)
        return cls(**{name: data[name] for name in cls.__dataclass_fields__ if name in data})

    def touches(self) -> frozenset[str]:
        """The steps and stages the change is about: two suggestions that share one are shown side by side."""
        touched = {f"{self.target_kind}:{self.target}"}
        if self.other:
            touched.add(f"step:{self.other}")
        return frozenset(touched)


def checked(change: Change, path: ServicePath, clean: Callable[..., str]) -> Change:
    """The change with its texts cleaned (`clean(text, limit, single_line)`), checked against `path`:
    a known kind and target, the texts it needs, and that it can be applied now (else `SuggestionError`)."""
    kinds = STEP_KINDS if change.target_kind == "step" else STAGE_KINDS if change.target_kind == "stage" else ()
    if change.kind not in kinds:
        raise SuggestionError("kind")
    change = replace(
        change,
        title=clean(change.title, MAX_TITLE_CHARS, single_line=True),
        text=clean(change.text, MAX_TEXT_CHARS, single_line=False),
        condition=clean(change.condition, MAX_TITLE_CHARS, single_line=True),
        actor=clean(change.actor, MAX_TITLE_CHARS, single_line=True),
        on=bool(change.on),
        lang=normalise_lang(change.lang),
    )
    for name, limit in (("title", MAX_TITLE_CHARS), ("text", MAX_TEXT_CHARS), ("condition", MAX_TITLE_CHARS),
                        ("actor", MAX_TITLE_CHARS)):
        if len(getattr(change, name)) > limit:
            raise SuggestionError("too_long", max=limit)
    needs = {"add_after": "title", "add_before": "title", "add_step": "title", "rename": "title", "rewrite": "text",
             "move": "stage", "connect": "other", "disconnect": "other", "add_actor": "actor"}
    if change.kind in needs and not getattr(change, needs[change.kind]).strip():
        raise SuggestionError(f"need_{needs[change.kind]}")
    apply_change(path, change)
    return change


def _need_step(path: ServicePath, step_id: str) -> Step:
    step = path.step(step_id)
    if step is None:
        raise SuggestionError("gone")
    return step


def _insert_after(path: ServicePath, target: str, title: str, lang: str) -> ServicePath:
    """A new step right after `target` in the flow: target → new → where target led."""
    step = _need_step(path, target)
    new_id = editing.new_step_id(path, title)
    path = editing.add_step(path, step.stage, title, lang, step_id=new_id, after=target)
    for transition in [tr for tr in path.transitions if tr.source == target]:
        path = editing.disconnect(path, target, transition.target)
        path = path.model_copy(update={"transitions": [
            *path.transitions, transition.model_copy(update={"source": new_id})]})
    return editing.connect(path, target, new_id, "", lang)


def _insert_before(path: ServicePath, target: str, title: str, lang: str) -> ServicePath:
    """A new step right before `target` in the flow: what led to target → new → target."""
    step = _need_step(path, target)
    new_id = editing.new_step_id(path, title)
    path = editing.add_step(path, step.stage, title, lang, step_id=new_id)
    path = editing.move_step_to(path, new_id, step.stage, None, before=target)
    for transition in [tr for tr in path.transitions if tr.target == target and tr.source != new_id]:
        path = editing.disconnect(path, transition.source, target)
        path = path.model_copy(update={"transitions": [
            *path.transitions, transition.model_copy(update={"target": new_id})]})
    return editing.connect(path, new_id, target, "", lang)


def _add_actor_to_step(path: ServicePath, step_id: str, actor: str, lang: str) -> ServicePath:
    step = _need_step(path, step_id)
    known = path.actor(actor) or next(
        (a for a in path.actors if (a.name.get(lang) or "").casefold() == actor.casefold()), None)
    if known is None:
        before = {a.id for a in path.actors}
        path = editing.add_actor(path, actor, lang)
        actor_id = next(a.id for a in path.actors if a.id not in before)
    else:
        actor_id = known.id
    if actor_id in step.actors:
        raise SuggestionError("actor_there")
    return editing.update_step(path, step_id, lang, actors=[*step.actors, actor_id])


def apply_change(path: ServicePath, change: Change) -> ServicePath:
    """The path with the change made, through `paths.editing.edits` (`SuggestionError`/`EditError` if it cannot be).

    New texts go into the language the participant wrote in (`change.lang`)."""
    target, kind, lang = change.target, change.kind, change.lang
    if change.target_kind == "stage":
        if path.stage(target) is None:
            raise SuggestionError("gone")
        if kind == "add_step":
            new_id = editing.new_step_id(path, change.title)
            path = editing.add_step(path, target, change.title, lang, step_id=new_id)
            return editing.move_step_to(path, new_id, target, None)
        if kind == "rename":
            return editing.rename_stage(path, target, change.title, lang)
        return editing.set_stage_description(path, target, change.text, lang)
    makers = {
        "add_after": lambda: _insert_after(path, target, change.title, lang),
        "add_before": lambda: _insert_before(path, target, change.title, lang),
        "rename": lambda: editing.update_step(path, target, lang, title=change.title),
        "rewrite": lambda: editing.update_step(path, target, lang, client_text=change.text),
        "move": lambda: editing.move_step_to(path, target, change.stage, None),
        "connect": lambda: _connect_new(path, change, lang),
        "disconnect": lambda: editing.disconnect(path, target, change.other),
        "bulb": lambda: editing.set_light_bulb(path, target, change.on),
        "add_actor": lambda: _add_actor_to_step(path, target, change.actor, lang),
    }
    return makers[kind]()


def _connect_new(path: ServicePath, change: Change, lang: str) -> ServicePath:
    if any(tr.source == change.target and tr.target == change.other for tr in path.transitions):
        raise SuggestionError("already_connected")
    return editing.connect(path, change.target, change.other, change.condition, lang)


def fingerprint(path: ServicePath, change: Change) -> str:
    """The target (and the other step of a connection) as the participant saw it, hashed."""
    parts = []
    for item in sorted(change.touches()):
        kind, _, item_id = item.partition(":")
        found = path.step(item_id) if kind == "step" else path.stage(item_id)
        parts.append(found.model_dump_json() if found is not None else "-")
    if change.kind == "disconnect":
        parts.append(str(any(tr.source == change.target and tr.target == change.other for tr in path.transitions)))
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()


def out_of_date(path: ServicePath, change: Change, seen: str) -> str | None:
    """None when the change still applies to what the participant saw; else "removed" or "changed"."""
    for item in change.touches():
        kind, _, item_id = item.partition(":")
        if (path.step(item_id) if kind == "step" else path.stage(item_id)) is None:
            return "removed"
    if fingerprint(path, change) != seen:
        return "changed"
    try:
        apply_change(path, change)
    except UserError:
        return "changed"
    return None


def describe(path: ServicePath, change: Change, lang: str) -> str:
    """The change in one sentence (for the wall, the participants' screens and the version history)."""
    def name(kind: str, item_id: str) -> str:
        found = path.step(item_id) if kind == "step" else path.stage(item_id)
        return (found.title.get(lang) if found is not None else "") or item_id

    stage = path.stage(change.stage)
    return t(
        f"suggest.describe.{change.target_kind}.{change.kind}", lang,
        target=name(change.target_kind, change.target), title=change.title, text=change.text,
        stage=(stage.title.get(lang) if stage else change.stage) or change.stage,
        other=name("step", change.other) if change.other else "", condition=change.condition,
        actor=(path.actor(change.actor).name.get(lang) if path.actor(change.actor) else change.actor),
        on=t("suggest.bulb.on" if change.on else "suggest.bulb.off", lang),
    )


def changed_items(before: ServicePath, after: ServicePath) -> tuple[set[str], set[tuple[str, str]]]:
    """Step ids that are new or differ, and arrows that are new or differ, from `before` to `after`."""
    steps = {step.id for step in after.steps if before.step(step.id) != step}
    old = {(tr.source, tr.target): tr for tr in before.transitions}
    arrows = {(tr.source, tr.target) for tr in after.transitions if old.get((tr.source, tr.target)) != tr}
    return steps, arrows


def preview_dot(before: ServicePath, change: Change, audience: str, lang: str) -> str:
    """The flow diagram after the change (a removed arrow: before it, the arrow dashed), the change highlighted.

    The diagram is `to_dot`'s own; the highlight re-declares the changed nodes and arrows after them
    (the graph made `strict` so a re-declared arrow merges instead of doubling). Step titles stay as
    `to_dot` escaped them; only ids made by `to_dot` and fixed attributes are added."""
    removing = change.kind == "disconnect"
    after = before if removing else apply_change(before, change)
    steps, arrows = changed_items(before, after)
    if removing:
        arrows = {(change.target, change.other)}
    renderer = renderer_audience(audience)
    dot = to_dot(after, lang, renderer, legend=False)
    node_of: dict[str, str] = {}
    for step in audience_view(after, renderer).steps:
        node_of.setdefault(step.id, f"n{len(node_of)}")
    extra = [f'  {node_of[s]} [penwidth="5", color="{HIGHLIGHT}"];' for s in sorted(steps) if s in node_of]
    style = "dashed" if removing else "bold"
    extra += [
        f'  {node_of[a]} -> {node_of[b]} [penwidth="4", color="{HIGHLIGHT}", style="{style}"];'
        for a, b in sorted(arrows) if a in node_of and b in node_of
    ]
    body = dot.rstrip().removesuffix("}")
    return "strict " + body + "\n".join(extra) + "\n}\n"
