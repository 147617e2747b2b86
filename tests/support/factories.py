"""Small fictional paths for tests."""

from __future__ import annotations

from paths.model.schema import ServicePath


def branching_path(**overrides: object) -> ServicePath:
    """A four-stage path with a decision, a network meeting, light bulbs and a loop."""
    data = {
        "id": "testipolku",
        "title": {"fi": "Testipolku", "sv": "Teststig", "en": "Test path"},
        "persona": "Testi Asiakas",
        "stages": [
            {"id": "tunnistus", "title": {"fi": "Tunnistus", "sv": "Identifiering", "en": "Identifying"}},
            {"id": "yhteys", "title": {"fi": "Yhteys", "sv": "Kontakt", "en": "Contact"}},
            {"id": "verkosto", "title": {"fi": "Verkosto", "sv": "Nätverk", "en": "Network"}},
            {"id": "paatos", "title": {"fi": "Päättyminen", "sv": "Avslut", "en": "Ending"}},
        ],
        "actors": [
            {"id": "asiakas", "name": {"fi": "Asiakas", "sv": "Klient", "en": "Client"}, "group": "client_side"},
            {
                "id": "koordinaattori",
                "name": {"fi": "Koordinaattori", "sv": "Samordnare", "en": "Coordinator"},
                "group": "coordinator",
            },
            {"id": "sote", "name": {"fi": "Sote", "sv": "Social och hälsa", "en": "Health"}, "group": "professional"},
        ],
        "steps": [
            {"id": "tarve", "stage": "tunnistus", "title": "Tarve tunnistetaan", "actors": ["asiakas", "sote"]},
            {
                "id": "kirjaus",
                "stage": "tunnistus",
                "title": "Kirjaus",
                "actors": ["sote"],
                "audience": "professionals",
            },
            {
                "id": "yhteydenotto",
                "stage": "yhteys",
                "title": "Yhteydenotto",
                "actors": ["koordinaattori"],
                "kind": "decision",
                "coordinator": True,
            },
            {
                "id": "konsultaatio",
                "stage": "paatos",
                "title": "Konsultaatio riittää",
                "kind": "end",
                "actors": ["koordinaattori"],
                "coordinator": True,
            },
            {
                "id": "kokous",
                "stage": "verkosto",
                "title": "Verkostokokous",
                "kind": "network_meeting",
                "actors": ["koordinaattori", "asiakas", "sote"],
                "coordinator": True,
            },
            {"id": "seuranta", "stage": "verkosto", "title": "Seuranta", "actors": ["sote"]},
            {"id": "loppu", "stage": "paatos", "title": "Asiakkuus päättyy", "kind": "end", "actors": ["sote"]},
        ],
        "transitions": [
            {"source": "tarve", "target": "kirjaus"},
            {"source": "kirjaus", "target": "yhteydenotto"},
            {
                "source": "yhteydenotto",
                "target": "konsultaatio",
                "condition": {
                    "fi": "Konsultaatio riittää",
                    "sv": "En konsultation räcker",
                    "en": "One consultation is enough",
                },
            },
            {
                "source": "yhteydenotto",
                "target": "kokous",
                "condition": {
                    "fi": "Tarvitaan useita palveluita",
                    "sv": "Flera tjänster behövs",
                    "en": "Several services needed",
                },
            },
            {"source": "kokous", "target": "seuranta"},
            {"source": "seuranta", "target": "kokous", "condition": "Tilanne muuttuu"},
            {"source": "seuranta", "target": "loppu"},
        ],
    }
    data.update(overrides)
    return ServicePath.model_validate(data)
