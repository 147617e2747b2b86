"""Synthetic service paths of any size for benchmarks and load tests.

`synthetic_path(n)` is a valid path (no validation problems) with exactly `n` steps: a main
spine through the stages, decisions whose second way is either a detour that rejoins the
spine or a side end ("one consultation is enough"), follow-up loops back to earlier steps,
network meetings, light-bulb steps, several actors and some professionals-only steps. The
same `seed` gives the same path.
"""

from __future__ import annotations

import random

from paths.model.schema import ServicePath

STAGE_TITLES = [
    ("Tarpeen tunnistaminen", "Identifiering av behovet", "Identifying the need"),
    ("Yhteys koordinaattoriin", "Kontakt med samordnaren", "Contacting the coordinator"),
    ("Palvelutarpeen arviointi", "Bedömning av servicebehovet", "Service-needs assessment"),
    ("Verkostokokous", "Nätverksmöte", "Network meeting"),
    ("Suunnittelu", "Planering", "Planning"),
    ("Palveluiden järjestäminen", "Ordnande av tjänster", "Arranging services"),
    ("Rinnalla kulkeminen", "Att gå vid sidan", "Walking alongside"),
    ("Seuranta", "Uppföljning", "Follow-up"),
    ("Arviointi", "Utvärdering", "Evaluation"),
    ("Asiakkuuden päättyminen", "Klientrelationen avslutas", "Ending the client relationship"),
]
ACTORS = [
    ("asiakas", ("Asiakas", "Klient", "Client"), "client_side"),
    ("laheiset", ("Läheiset", "Närstående", "Close ones"), "client_side"),
    (
        "tyokykykoordinaattori",
        ("Työkykykoordinaattori", "Samordnare för arbetsförmågan", "Work-ability coordinator"),
        "coordinator",
    ),
    ("asiakasvastaava", ("Asiakasvastaava", "Ansvarig arbetstagare", "Client-responsible worker"), "professional"),
    ("sosiaalipalvelut", ("Sosiaalipalvelut", "Socialservice", "Social services"), "professional"),
    ("terveydenhuolto", ("Terveydenhuolto", "Hälso- och sjukvård", "Health care"), "professional"),
    ("tyollisyyspalvelut", ("Työllisyyspalvelut", "Sysselsättningstjänster", "Employment services"), "professional"),
    ("kela", ("Kela", "FPA", "Kela"), "organisation"),
]
ACTIONS = [
    ("Keskustelu", "Samtal", "Conversation"),
    ("Yhteydenotto", "Kontakt", "Contact"),
    ("Tapaaminen", "Möte", "Meeting"),
    ("Työkyvyn tuen suunnitelma", "Plan för att stödja arbetsförmågan", "Work-ability support plan"),
    ("Suostumus tietojen vaihtoon", "Samtycke till informationsutbyte", "Consent to exchange information"),
    ("Itsearviointi", "Självskattning", "Self-assessment"),
    ("Kuntoutuksen hakeminen", "Ansökan om rehabilitering", "Applying for rehabilitation"),
    ("Tavoitteiden tarkistus", "Översyn av målen", "Reviewing the goals"),
]
KINDS = ["action", "contact", "meeting", "document", "self_assessment"]
CONDITIONS = {
    "spine": ("Tarvitaan useita palveluita", "Flera tjänster behövs", "Several services are needed"),
    "end": ("Yksi konsultaatio riittää", "En konsultation räcker", "One consultation is enough"),
    "detour": ("Tarvitaan lisäselvitys", "Mer utredning behövs", "More investigation is needed"),
    "loop": ("Tilanne muuttuu", "Situationen förändras", "The situation changes"),
}


def _text(triple: tuple[str, str, str], suffix: str = "") -> dict[str, str]:
    return {lang: f"{text}{suffix}" for lang, text in zip(("fi", "sv", "en"), triple, strict=True)}


def synthetic_path(n_steps: int, seed: int = 0) -> ServicePath:
    """A valid path with exactly `n_steps` steps (at least 3)."""
    if n_steps < 3:
        raise ValueError("a synthetic path needs at least 3 steps")
    rng = random.Random(seed)
    n_stages = max(3, min(len(STAGE_TITLES), round(n_steps**0.5 / 1.5)))

    steps: list[dict] = []
    transitions: list[dict] = []
    spine: list[int] = []  # indexes into `steps`
    side_of: dict[int, int] = {}  # side step -> the spine position of its decision
    rejoin: list[tuple[int, int]] = []  # (side step, spine position it rejoins)

    def add_step(kind: str, coordinator: bool) -> int:
        index = len(steps)
        action = rng.choice(ACTIONS)
        first = rng.randrange(len(ACTORS))
        actors = [ACTORS[first][0]] + [a[0] for a in rng.sample(ACTORS, rng.randint(0, 2)) if a[0] != ACTORS[first][0]]
        if coordinator:
            actors = ["tyokykykoordinaattori"] + [a for a in actors if a != "tyokykykoordinaattori"]
        steps.append(
            {
                "id": f"s{index}",
                "stage": "",
                "title": _text(action, f" {index + 1}"),
                "description": _text(action, " (ammattilaisille)"),
                "client_text": _text(action, " – selkokielellä"),
                "actors": actors,
                "kind": kind,
                "coordinator": coordinator,
                "audience": "professionals" if kind not in ("decision", "end") and rng.random() < 0.12 else "everyone",
            }
        )
        return index

    position = 0
    while len(steps) < n_steps - 1:
        if position and position % 25 == 0:
            current = add_step("network_meeting", True)
        elif position % 8 == 3 and len(steps) <= n_steps - 3:
            current = add_step("decision", rng.random() < 0.5)
        else:
            current = add_step(rng.choice(KINDS), rng.random() < 0.2)
        spine.append(current)
        if steps[current]["kind"] == "decision":
            side_is_end = rng.random() < 0.4
            side = add_step("end" if side_is_end else rng.choice(KINDS), rng.random() < 0.3)
            side_of[side] = position
            transitions.append(
                {
                    "source": f"s{current}",
                    "target": f"s{side}",
                    "condition": _text(CONDITIONS["end" if side_is_end else "detour"]),
                }
            )
            if not side_is_end:
                rejoin.append((side, position + 2))
        if position >= 4 and position % 11 == 7:
            transitions.append(
                {"source": f"s{current}", "target": f"s{spine[position - 3]}", "condition": _text(CONDITIONS["loop"])}
            )
        position += 1
    spine.append(add_step("end", False))

    for pos in range(len(spine) - 1):
        source = steps[spine[pos]]
        condition = _text(CONDITIONS["spine"]) if source["kind"] == "decision" else {}
        transitions.append({"source": source["id"], "target": steps[spine[pos + 1]]["id"], "condition": condition})
    for side, target_pos in rejoin:
        transitions.append({"source": f"s{side}", "target": steps[spine[min(target_pos, len(spine) - 1)]]["id"]})

    for pos, index in enumerate(spine):
        steps[index]["stage"] = f"v{pos * n_stages // len(spine)}"
    for side, pos in side_of.items():
        steps[side]["stage"] = steps[spine[pos]]["stage"]

    return ServicePath.model_validate(
        {
            "id": f"synteettinen-{n_steps}",
            "title": _text(("Synteettinen polku", "Syntetisk stig", "Synthetic path"), f" ({n_steps})"),
            "persona": "Testi Asiakas",
            "notes": "Generated for benchmarks; fictional.",
            "stages": [{"id": f"v{i}", "title": _text(STAGE_TITLES[i % len(STAGE_TITLES)])} for i in range(n_stages)],
            "actors": [{"id": a, "name": _text(name), "group": group} for a, name, group in ACTORS],
            "steps": steps,
            "transitions": transitions,
        }
    )
