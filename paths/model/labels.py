"""A step's and a stage's name in one language, falling back to the id: what lists and tables show."""

from __future__ import annotations

from paths.model.schema import ServicePath


def step_name(path: ServicePath, step_id: str, lang: str) -> str:
    step = path.step(step_id)
    return (step.title.get(lang) if step else "") or step_id


def stage_name(path: ServicePath, stage_id: str, lang: str) -> str:
    stage = path.stage(stage_id)
    return (stage.title.get(lang) if stage else "") or stage_id
