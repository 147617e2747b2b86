"""The portfolio: every pain point and opportunity across all paths, with its path, stage, step and actors,
the votes its step got in workshops and how well it is backed; filterable, and exportable to XLSX."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from paths.i18n.catalog import t
from paths.model.schema import ServicePath
from paths.render.experience import evidence_words

PORTFOLIO_COLUMNS: tuple[str, ...] = ("path", "stage", "step", "actors", "type", "text", "votes", "evidence", "source")


@dataclass(frozen=True)
class PortfolioItem:
    path_id: str
    path_title: str
    stage_id: str
    stage_title: str
    step_id: str
    step_title: str
    actor_ids: tuple[str, ...]
    actor_names: tuple[str, ...]
    kind: str  # pain_point | opportunity
    text: str
    votes: int
    evidence: str
    source: str


def portfolio_items(paths: Iterable[ServicePath], votes: dict[str, dict[str, int]], lang: str) -> list[PortfolioItem]:
    """Every pain point and opportunity of `paths` in `lang`; `votes` is path id → step id → workshop votes."""
    items = []
    for path in paths:
        actors = {actor.id: actor.name.get(lang) or actor.id for actor in path.actors}
        stages = {stage.id: stage.title.get(lang) or stage.id for stage in path.stages}
        for step in path.steps:
            entries = [("pain_point", text) for text in step.pain_points]
            entries += [("opportunity", text) for text in step.opportunities]
            for kind, text in entries:
                items.append(PortfolioItem(
                    path_id=path.id, path_title=path.title.get(lang) or path.id, stage_id=step.stage,
                    stage_title=stages.get(step.stage, step.stage), step_id=step.id,
                    step_title=step.title.get(lang) or step.id, actor_ids=tuple(step.actors),
                    actor_names=tuple(actors.get(a, a) for a in step.actors), kind=kind, text=text.get(lang),
                    votes=votes.get(path.id, {}).get(step.id, 0),
                    evidence=evidence_words(step.evidence, lang) if step.evidence else "",
                    source=step.evidence_source.get(lang),
                ))
    return sorted(items, key=lambda item: (-item.votes, item.path_id, item.kind, item.text))


def filter_items(items: Iterable[PortfolioItem], *, paths: Iterable[str] = (), stages: Iterable[str] = (),
                 actors: Iterable[str] = (), kinds: Iterable[str] = ()) -> list[PortfolioItem]:
    """Items that match every filter given (an empty filter lets all through). Stages and actors are
    matched by their names, so one filter spans paths that call the same stage by the same name."""
    paths, stages, actors, kinds = set(paths), set(stages), set(actors), set(kinds)
    return [
        item for item in items
        if (not paths or item.path_id in paths) and (not stages or item.stage_title in stages)
        and (not actors or actors & set(item.actor_names)) and (not kinds or item.kind in kinds)
    ]


def portfolio_rows(items: Iterable[PortfolioItem], lang: str) -> list[list[object]]:
    """The header and one row per item, for the table and the XLSX."""
    rows: list[list[object]] = [[t(f"portfolio.col.{column}", lang) for column in PORTFOLIO_COLUMNS]]
    for item in items:
        rows.append([item.path_title, item.stage_title, item.step_title, ", ".join(item.actor_names),
                     t(f"portfolio.kind.{item.kind}", lang), item.text, item.votes, item.evidence, item.source])
    return rows
