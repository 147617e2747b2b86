"""A small fictional path for the appointment-mode and view tests (no real people or contacts)."""

from __future__ import annotations

from paths.model.schema import ServicePath

HOSTILE_TITLE = '<script>alert("x")</script> & <b>bold</b>'


def appointment_path(path_id: str = "appt-sample") -> ServicePath:
    """Four client stages and one back-office stage; a light-bulb step, a network meeting,
    a link, a placeholder contact and a title that tries to inject HTML."""
    return ServicePath.model_validate(
        {
            "id": path_id,
            "title": {"fi": "Kokeilupolku", "sv": "Provstig", "en": "Trial path"},
            "status": "published",
            "stages": [
                {"id": "need", "title": {"fi": "Tarve", "sv": "Behov", "en": "Need"},
                 "description": {"fi": "Kaikki alkaa tästä.", "sv": "Allt börjar här.", "en": "It all starts here."}},
                {"id": "contact", "title": {"fi": "Yhteys", "sv": "Kontakt", "en": "Contact"}},
                {"id": "back", "title": {"fi": "Taustatyö", "sv": "Bakgrundsarbete", "en": "Back office"}},
                {"id": "meet", "title": {"fi": "Tapaaminen", "sv": "Möte", "en": "Meeting"}},
                {"id": "end", "title": {"fi": "Päätös", "sv": "Avslut", "en": "Closing"}},
            ],
            "actors": [
                {"id": "client", "name": {"fi": "Asiakas", "sv": "Klient", "en": "Client"}, "group": "client_side"},
                {"id": "coord", "name": {"fi": "Koordinaattori", "sv": "Samordnare", "en": "Coordinator"},
                 "group": "coordinator"},
                {"id": "kela", "name": {"fi": "Kela", "sv": "FPA", "en": "Kela"}, "group": "organisation"},
                {"id": "social", "name": {"fi": "Sosiaalipalvelut", "sv": "Socialservice", "en": "Social services"},
                 "group": "professional"},
            ],
            "contacts": [
                {"id": "desk", "label": {"fi": "Neuvonta", "sv": "Rådgivning", "en": "Help desk"},
                 "phone": "+358 00 000 0000", "email": "neuvonta@example.invalid", "placeholder": True},
            ],
            "steps": [
                {"id": "s1", "stage": "need", "title": {"fi": "Tarve huomataan", "sv": "Behovet märks",
                                                        "en": "The need is noticed"},
                 "client_text": {"fi": "Huomaat, että tarvitset tukea.", "sv": "Du märker att du behöver stöd.",
                                 "en": "You notice that you need support."},
                 "actors": ["client"], "channels": ["in_person"]},
                {"id": "s2", "stage": "contact", "title": {"fi": "Koordinaattori soittaa", "sv": "Samordnaren ringer",
                                                           "en": "The coordinator calls"},
                 "client_text": {"fi": "Koordinaattori soittaa sinulle.", "sv": "Samordnaren ringer dig.",
                                 "en": "The coordinator calls you."},
                 "actors": ["coord", "client"], "coordinator": True, "channels": ["phone"],
                 "duration": {"fi": "noin viikko", "sv": "ungefär en vecka", "en": "about a week"},
                 "contacts": ["desk"],
                 "links": [{"label": {"fi": "Suostumuslomake", "sv": "Samtyckesblankett", "en": "Consent form"},
                            "url": "https://example.invalid/y100"}]},
                {"id": "s3", "stage": "back",
                 "title": {"fi": "Kelan sisäinen selvitys", "sv": "FPA:s interna utredning",
                           "en": "Kela's internal check"},
                 "actors": ["kela"], "audience": "professionals"},
                {"id": "s4", "stage": "meet", "title": {"fi": HOSTILE_TITLE, "sv": HOSTILE_TITLE, "en": HOSTILE_TITLE},
                 "client_text": {"fi": "Tapaat työntekijät yhdessä.", "sv": "Du träffar personalen tillsammans.",
                                 "en": "You meet the professionals together."},
                 "kind": "network_meeting", "actors": ["social", "client", "coord"]},
                {"id": "s5", "stage": "end", "title": {"fi": "Asiakkuus päättyy", "sv": "Klientskapet avslutas",
                                                       "en": "The client relationship ends"},
                 "client_text": {"fi": "Sovitte yhdessä lopetuksesta.", "sv": "Ni kommer överens om avslutet.",
                                 "en": "You agree together on ending."},
                 "kind": "end", "actors": ["social"]},
            ],
            "transitions": [
                {"source": "s1", "target": "s2"},
                {"source": "s2", "target": "s3"},
                {"source": "s3", "target": "s4"},
                {"source": "s4", "target": "s5"},
            ],
        }
    )
