"""Every sample path the tests use: small, fictional (no real people or contact details)."""

from __future__ import annotations

from paths.model.schema import Link, LocalText, ServicePath


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


# -- the text version and blueprint tests -----------------------------------------
PLACEHOLDER_EMAIL = "koordinaattori.xxx@xxxx.invalid"
PLACEHOLDER_PHONE = "000 000 0000"
REAL_EMAIL = "neuvonta@example.org"

HOSTILE = "<script>alert('x')</script> & \"quotes\" 'single' %{x} 💡 مرحبا بالعالم"


def sample_path() -> ServicePath:
    """Three stages, a back-office step, a labelled branch, a network meeting and a loop back."""
    return ServicePath.model_validate(
        {
            "id": "sample",
            "title": {"fi": "Testipolku", "sv": "Teststig", "en": "Test path"},
            "summary": {"fi": "Kuvitteellinen polku testejä varten.", "en": "A fictional path for tests."},
            "persona": {"fi": "Kuvitteellinen asiakas Testi", "en": "Testi, a fictional client"},
            "stages": [
                {"id": "s1", "title": {"fi": "Alku", "sv": "Början", "en": "Beginning"}},
                {"id": "s2", "title": {"fi": "Arvio", "sv": "Bedömning", "en": "Assessment"}},
                {"id": "s3", "title": {"fi": "Verkosto", "sv": "Nätverk", "en": "Network"}},
            ],
            "actors": [
                {"id": "kela", "name": {"fi": "Kela", "sv": "FPA", "en": "Kela"}, "group": "organisation"},
                {"id": "worker", "name": {"fi": "Työntekijä", "sv": "Arbetstagare", "en": "Worker"},
                 "group": "professional"},
                {"id": "coord", "name": {"fi": "Koordinaattori", "sv": "Samordnare", "en": "Coordinator"},
                 "group": "coordinator"},
                {"id": "client", "name": {"fi": "Asiakas", "sv": "Klient", "en": "Client"}, "group": "client_side"},
            ],
            "contacts": [
                {"id": "coord-contact", "label": {"fi": "Koordinaattori (esimerkki)", "en": "Coordinator (example)"},
                 "email": PLACEHOLDER_EMAIL, "phone": PLACEHOLDER_PHONE, "placeholder": True},
                {"id": "advice", "label": {"fi": "Neuvonta", "en": "Advice"}, "email": REAL_EMAIL},
            ],
            "steps": [
                {"id": "start", "stage": "s1", "actors": ["client", "worker"],
                 "title": {"fi": "Tarve huomataan", "en": "The need is noticed"},
                 "description": {"fi": "Työntekijä kirjaa tarpeen.", "en": "The worker records the need."},
                 "client_text": {"fi": "Kerrot tilanteestasi.", "en": "You tell us about your situation."}},
                {"id": "consent", "stage": "s1", "actors": ["worker", "client"], "kind": "document",
                 "title": {"fi": "Suostumus", "en": "Consent"},
                 "links": [{"label": {"fi": "Lomake Y 100", "en": "Form Y 100"},
                            "url": "https://example.org/y100.pdf"}]},
                {"id": "backoffice", "stage": "s1", "actors": ["worker", "coord"], "kind": "contact",
                 "audience": "professionals", "contacts": ["coord-contact", "advice"], "channels": ["email", "phone"],
                 "title": {"fi": "Yhteydenotto koordinaattoriin", "en": "Contacting the coordinator"}},
                {"id": "decide", "stage": "s2", "actors": ["coord", "worker"], "kind": "decision", "coordinator": True,
                 "title": {"fi": "Riittääkö konsultaatio?", "en": "Is a consultation enough?"},
                 "client_text": {"fi": "Koordinaattori miettii kanssasi.", "en": "The coordinator thinks with you."}},
                {"id": "consult", "stage": "s2", "actors": ["coord"], "kind": "contact", "coordinator": True,
                 "title": {"fi": "Konsultaatio", "en": "Consultation"}},
                {"id": "small-end", "stage": "s2", "actors": ["worker"], "kind": "end",
                 "title": {"fi": "Asia ratkesi", "en": "Solved"}},
                {"id": "meeting", "stage": "s3", "actors": ["coord", "client", "worker", "kela"],
                 "kind": "network_meeting", "coordinator": True, "channels": ["in_person"],
                 "duration": {"fi": "noin tunti", "en": "about an hour"},
                 "title": {"fi": "Verkostokokous", "en": "Network meeting"}},
                {"id": "follow", "stage": "s3", "actors": ["worker", "client"], "kind": "meeting",
                 "title": {"fi": "Seuranta", "en": "Follow-up"}},
                {"id": "finish", "stage": "s3", "actors": ["worker"], "kind": "end",
                 "title": {"fi": "Asiakkuus päättyy", "en": "The client relationship ends"}},
            ],
            "transitions": [
                {"source": "start", "target": "consent"},
                {"source": "consent", "target": "backoffice"},
                {"source": "backoffice", "target": "decide"},
                {"source": "decide", "target": "consult",
                 "condition": {"fi": "Yksi konsultaatio riittää", "en": "One consultation is enough"}},
                {"source": "decide", "target": "meeting",
                 "condition": {"fi": "Asiakas tarvitsee useita palveluita", "en": "The client needs several services"}},
                {"source": "consult", "target": "small-end"},
                {"source": "meeting", "target": "follow"},
                {"source": "follow", "target": "meeting",
                 "condition": {"fi": "Verkostoa tarvitaan vielä", "en": "The network is still needed"}},
                {"source": "follow", "target": "finish",
                 "condition": {"fi": "Kela päättää tuesta", "en": "Kela decides on the support"}},
            ],
        }
    )


def hostile_path() -> ServicePath:
    """Every user text hostile; one link smuggled past validation (as if stored before the rule existed)."""
    path = ServicePath.model_validate(
        {
            "id": "hostile",
            "title": HOSTILE,
            "summary": HOSTILE,
            "stages": [{"id": "s1", "title": HOSTILE, "description": HOSTILE}],
            "actors": [{"id": "a1", "name": HOSTILE, "group": "coordinator"}],
            "contacts": [{"id": "c1", "label": HOSTILE, "email": "x@example.org\"><script>", "phone": HOSTILE}],
            "steps": [
                {"id": "x1", "stage": "s1", "actors": ["a1"], "coordinator": True, "title": HOSTILE,
                 "description": HOSTILE, "client_text": HOSTILE, "duration": HOSTILE, "contacts": ["c1"],
                 "links": [{"label": HOSTILE, "url": "https://example.org/?a=1&b=\"><script>alert(1)</script>"}]},
                {"id": "x2", "stage": "s1", "actors": ["a1"], "kind": "end", "title": "[click](javascript:alert(1))"},
            ],
            "transitions": [{"source": "x1", "target": "x2", "condition": HOSTILE}],
        }
    )
    smuggled = Link.model_construct(label=LocalText(fi="javascript link"), url="javascript:alert(1)")
    step = path.steps[0]
    return path.model_copy(
        update={"steps": [step.model_copy(update={"links": [*step.links, smuggled]}), path.steps[1]]}
    )


def unfinished_path() -> ServicePath:
    """A workshop draft with problems: an unknown stage, actor and contact, a duplicate id, loops, no start."""
    return ServicePath.model_validate(
        {
            "id": "draft", "title": "Draft",
            "stages": [{"id": "s", "title": "S"}, {"id": "empty", "title": "Empty stage"}],
            "steps": [
                {"id": "a", "stage": "s", "title": "A", "actors": ["ghost"], "contacts": ["nocontact"]},
                {"id": "a", "stage": "s", "title": "A again"},
                {"id": "b", "stage": "nowhere", "title": "B"},
                {"id": "c", "stage": "s", "title": "C"},
            ],
            "transitions": [
                {"source": "a", "target": "b"}, {"source": "b", "target": "a"},
                {"source": "x", "target": "a"}, {"source": "c", "target": "c"},
            ],
        }
    )


# -- the appointment mode and views tests -----------------------------------------
# The four actors of the appointment and views samples: the client, the coordinator, Kela, social services.
SERVICE_ACTORS = [
    {"id": "client", "name": {"fi": "Asiakas", "sv": "Klient", "en": "Client"}, "group": "client_side"},
    {"id": "coord", "name": {"fi": "Koordinaattori", "sv": "Samordnare", "en": "Coordinator"}, "group": "coordinator"},
    {"id": "kela", "name": {"fi": "Kela", "sv": "FPA", "en": "Kela"}, "group": "organisation"},
    {"id": "social", "name": {"fi": "Sosiaalipalvelut", "sv": "Socialservice", "en": "Social services"},
     "group": "professional"},
]
# Their stages: the need, the contact, the back office, the meeting and (the appointment sample's) the close.
SERVICE_STAGES = [
    {"id": "need", "title": {"fi": "Tarve", "sv": "Behov", "en": "Need"},
     "description": {"fi": "Kaikki alkaa tästä.", "sv": "Allt börjar här.", "en": "It all starts here."}},
    {"id": "contact", "title": {"fi": "Yhteys", "sv": "Kontakt", "en": "Contact"}},
    {"id": "back", "title": {"fi": "Taustatyö", "sv": "Bakgrundsarbete", "en": "Back office"}},
    {"id": "meet", "title": {"fi": "Tapaaminen", "sv": "Möte", "en": "Meeting"}},
    {"id": "end", "title": {"fi": "Päätös", "sv": "Avslut", "en": "Closing"}},
]
HOSTILE_TITLE = '<script>alert("x")</script> & <b>bold</b>'


def appointment_path(path_id: str = "appt-sample") -> ServicePath:
    """Four client stages and one back-office stage; a light-bulb step, a network meeting,
    a link, a placeholder contact and a title that tries to inject HTML."""
    return ServicePath.model_validate(
        {
            "id": path_id,
            "title": {"fi": "Kokeilupolku", "sv": "Provstig", "en": "Trial path"},
            "status": "published",
            "stages": SERVICE_STAGES,
            "actors": SERVICE_ACTORS,
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


def views_path(views: dict | None = None) -> ServicePath:
    """A small fictional path: the client contacts the coordinator, who books a back-office
    check with Kela, then the network meeting, then the end."""
    return ServicePath.model_validate(
        {
            "id": "sample",
            "title": {"fi": "Esimerkki", "sv": "Exempel", "en": "Sample"},
            "stages": SERVICE_STAGES[:4],
            "actors": SERVICE_ACTORS,
            "steps": [
                {"id": "s1", "stage": "need",
                 "title": {"fi": "Tarve huomataan", "sv": "Behovet märks", "en": "Need seen"},
                 "client_text": {"fi": "Huomaat tarpeen.", "sv": "Du märker behovet.", "en": "You notice the need."},
                 "actors": ["client"]},
                {"id": "s2", "stage": "contact", "title": {"fi": "Soitto", "sv": "Samtal", "en": "Call"},
                 "description": {"fi": "Koordinaattori soittaa."},
                 "client_text": {"fi": "Koordinaattori soittaa sinulle.", "sv": "Samordnaren ringer dig."},
                 "actors": ["coord", "client"], "coordinator": True},
                {"id": "s3", "stage": "back", "title": {"fi": "Kelan selvitys"}, "actors": ["kela"],
                 "audience": "professionals"},
                {"id": "s4", "stage": "meet", "title": {"fi": "Verkostokokous"}, "kind": "network_meeting",
                 "actors": ["social", "client", "coord"]},
                {"id": "s5", "stage": "meet", "title": {"fi": "Loppu"}, "kind": "end", "actors": ["social"]},
            ],
            "transitions": [
                {"source": "s1", "target": "s2"},
                {"source": "s2", "target": "s3", "condition": {"fi": "Tarvitaan selvitys"}},
                {"source": "s3", "target": "s4"},
                {"source": "s4", "target": "s5"},
            ],
            "views": views or {},
        }
    )
