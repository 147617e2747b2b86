"""Small fictional paths for the text-version and blueprint tests (no real people or contact details)."""

from __future__ import annotations

from paths.model.schema import Link, LocalText, ServicePath

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
