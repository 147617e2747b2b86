"""The marks every picture of a path uses, written once: icon, words and colours.

The light bulb 💡 (the work-ability coordinator's steps), the network meeting 👥, decisions, ends, the
personal statuses (done, here, next, not for me), the partner view's highlight (the chosen actor's
steps, the others, the hand-offs) — each is a `Mark` with its icon, its fill and border colour from
`paths.render.palette` and the catalog keys of its words. The flow diagram (`paths.render.dot`), the
blueprint, the text version, the personal PDF and page, and the appointment cards all take their
icons, words and colours from here, so a mark never means one thing in one picture and another in the
next. Colour is never the only signal: every mark has an icon and words.

Words come in three voices: `professional` (the facilitator's and professional's pictures), `client`
(spoken to the client: "the coordinator helps you here") and `personal` (the client's own page and PDF,
in the first person where the catalog has it: "I am here"). A voice a mark has no words for falls back
to `client`, then to `professional`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from paths.i18n.catalog import t
from paths.render import palette

VOICES = ("professional", "client", "personal")


@dataclass(frozen=True)
class Mark:
    """One mark: its icon, colours and the catalog keys of its words (per voice) and its legend line."""

    name: str
    icon: str
    fill: str
    border: str
    words_keys: dict[str, str] = field(default_factory=dict)
    legend_keys: dict[str, str] = field(default_factory=dict)

    def words(self, lang: str, voice: str = "professional") -> str:
        """The short words beside the icon in a picture, in `voice`."""
        return t(_pick(self.words_keys, voice), lang)

    def legend(self, lang: str, voice: str = "professional") -> str:
        """The legend's line for this mark, in `voice`."""
        return t(_pick(self.legend_keys or self.words_keys, voice), lang)

    def label(self, lang: str, voice: str = "professional") -> str:
        """Icon and words together, as a picture shows them ("💡 Coordinator's step")."""
        words = self.words(lang, voice)
        return f"{self.icon} {words}" if self.icon else words


def _pick(keys: dict[str, str], voice: str) -> str:
    for candidate in (voice, "client", "professional"):
        if candidate in keys:
            return keys[candidate]
    raise KeyError(voice)


def _same(key: str) -> dict[str, str]:
    return {"professional": key}


STEP = Mark("step", "", palette.STEP_FILL, palette.STEP_BORDER, _same("render.legend.step"))
COORDINATOR = Mark(
    "coordinator",
    "💡",
    palette.COORDINATOR_FILL,
    palette.COORDINATOR_BORDER,
    {"professional": "render.coordinator", "client": "render.coordinator_client"},
    {"professional": "render.legend.coordinator", "client": "render.legend.coordinator_client"},
)
NETWORK = Mark(
    "network_meeting",
    "👥",
    palette.NETWORK_FILL,
    palette.NETWORK_BORDER,
    _same("render.network_meeting"),
    _same("render.legend.network_meeting"),
)
DECISION = Mark("decision", "◆", palette.DECISION_FILL, palette.STEP_BORDER, _same("render.legend.decision"))
END = Mark("end", "🏁", palette.END_FILL, palette.END_BORDER, _same("render.end"), _same("render.legend.end"))
FOCUS = Mark("focus", "★", palette.STEP_FILL, palette.INK, _same("render.filter.focus"), _same("render.legend.focus"))
OTHER = Mark(
    "other", "○", palette.WHITE, palette.STEP_BORDER, _same("render.filter.other"), _same("render.legend.other")
)
HANDOFF = Mark("handoff", "⇄", palette.WHITE, palette.INK, _same("render.handoff"), _same("render.legend.handoff"))

STATUSES: tuple[str, ...] = ("done", "here", "next", "not_for_me")
_STATUS_ICON = {"done": "✓", "here": "📍", "next": "➜", "not_for_me": "–"}
_STATUS_BORDER = {
    "done": palette.DONE_BORDER,
    "here": palette.HERE_BORDER,
    "next": palette.NEXT_BORDER,
    "not_for_me": palette.STEP_BORDER,
}
STATUS_MARKS: dict[str, Mark] = {
    status: Mark(
        f"status-{status}",
        _STATUS_ICON[status],
        palette.HERE_FILL if status == "here" else palette.WHITE,
        _STATUS_BORDER[status],
        {"professional": f"render.status.{status}", "personal": f"personal.status.{status}"},
        _same(f"render.legend.status.{status}"),
    )
    for status in STATUSES
}
STATUS_ICONS: dict[str, str] = {status: mark.icon for status, mark in STATUS_MARKS.items()}
STATUS_BORDERS: dict[str, str] = {status: mark.border for status, mark in STATUS_MARKS.items()}

# The icons by themselves, for the renderers that only need the character.
LIGHT_BULB = COORDINATOR.icon
NETWORK_ICON = NETWORK.icon
END_ICON = END.icon
FOCUS_ICON = FOCUS.icon
OTHER_ICON = OTHER.icon
HANDOFF_ICON = HANDOFF.icon
DECISION_ICON = DECISION.icon
SHOWN_ICON = "▶"  # the stage shown now (the appointment mode's strip and its picture)


def legend_marks(statuses: set[str] | frozenset[str] = frozenset(), filtered: bool = False) -> list[Mark]:
    """The marks a legend lists, in the order every legend uses: the kinds of step, then the statuses
    that the picture shows (`statuses`), then the partner highlight when an actor filter is on."""
    found = [STEP, COORDINATOR, NETWORK, DECISION, END]
    found += [STATUS_MARKS[status] for status in STATUSES if status in statuses]
    if filtered:
        found += [FOCUS, OTHER, HANDOFF]
    return found
