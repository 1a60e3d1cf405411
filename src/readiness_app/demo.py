"""The built-in demo workshop, and a large synthetic assessment for benchmarks.

``standard``: Alpenland Versicherung AG, a fictional Austrian insurer, two workshop days, six
participants covering every role and six use cases with distinct profiles, so the results
tell a story: one clear first production lane (claims triage), a high-value case that is not
ready (underwriting assistant), one held back by control complexity (fraud signals), one of
low value (churn warning) and two in between. Votes differ where people would differ (the
sponsor is optimistic, the control owner cautious), a few questions are disputed and then
settled by a recorded consensus, a few are not applicable, and some answers carry notes.

``large``: 30 use cases and 15 participants, every participant answering every question;
written in one transaction for the benchmarks.

The content is generic over the questionnaire library: each question is answered from the
profile of what it measures (value, readiness or control complexity of a use case; the
organisation's maturity in the question's dimension) and its type. Everything is seeded and
timestamped by a fixed clock, so the same library always yields the same answers.
"""

from __future__ import annotations

import contextlib
import math
import os
import random
import statistics
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Literal

from readiness_app.model import CONSENSUS, ORGANISATION, Answer, AnswerValue, Engagement
from readiness_app.questionnaire.loader import Library, Question
from readiness_app.scoring.visibility import META_ALL
from readiness_app.store.assessment_file import AssessmentFile
from readiness_app.store.filelock import FileLock

Size = Literal["standard", "large"]
Lang = Literal["en", "de"]
Bilingual = tuple[str, str]  # (English, German)

SEED = 20250311
WORKSHOP_START = datetime(2025, 3, 11, 9, 0, 0)
WORKSHOP_END = datetime(2025, 3, 12, 16, 30, 0)


def _t(text: Bilingual, lang: str) -> str:
    return text[1] if lang == "de" else text[0]


class FixedClock:
    """A deterministic clock for the demo: starts at ``start`` and advances ``step`` per reading."""

    def __init__(self, start: datetime, step: timedelta = timedelta(seconds=20)) -> None:
        self._now = start
        self._step = step

    def __call__(self) -> str:
        value = self._now.isoformat(timespec="seconds")
        self._now += self._step
        return value

    def jump_to(self, moment: datetime) -> None:
        self._now = max(self._now, moment)


# --------------------------------------------------------------------------- content


@dataclass(frozen=True, slots=True)
class Profile:
    """How a use case stands, each 0..1: value, readiness, control complexity, effort."""

    value: float
    readiness: float
    complexity: float
    effort: float = 0.5


@dataclass(frozen=True, slots=True)
class DemoParticipant:
    id: str
    name: str
    role: str
    department: Bilingual
    bias: float  # on the 0-4 scale: the sponsor is optimistic, the control owner cautious


@dataclass(frozen=True, slots=True)
class Metric:
    """A business metric the room names, with today's value and the value it aims for."""

    name: Bilingual
    current: float
    target: float


@dataclass(frozen=True, slots=True)
class DemoUseCase:
    id: str
    name: Bilingual
    description: Bilingual
    stage: str
    profile: Profile
    notes: tuple[Bilingual, ...] = ()
    outcome: Metric | None = None
    volume: int | None = None  # decisions (cases, emails, treaties) per month


ENGAGEMENT: dict[str, Bilingual] = {
    "client": ("Alpenland Versicherung AG", "Alpenland Versicherung AG"),
    "industry": ("Insurance (property & casualty, life)", "Versicherung (Schaden/Unfall, Leben)"),
    "title": ("AI readiness workshop: claims, underwriting and distribution",
              "KI-Readiness-Workshop: Schaden, Underwriting und Vertrieb"),
    "facilitator": ("Dr. Miriam Kessler", "Dr. Miriam Kessler"),
    "consultancy": ("Kessler & Partner Advisory", "Kessler & Partner Advisory"),
    "notes": (
        "Two-day on-site workshop in Innsbruck. Goal: agree on the first AI use case to take to "
        "production in 2025 and a 90-day plan for the operating model around it.",
        "Zweitägiger Vor-Ort-Workshop in Innsbruck. Ziel: Einigung auf den ersten KI-Anwendungsfall "
        "für den Produktivbetrieb 2025 und einen 90-Tage-Plan für das Betriebsmodell.",
    ),
}

PARTICIPANTS: tuple[DemoParticipant, ...] = (
    DemoParticipant("p-gruber", "Katharina Gruber", "product_owner",
                    ("Claims Operations", "Schadenmanagement"), 0.15),
    DemoParticipant("p-brunner", "Lukas Brunner", "data_owner",
                    ("Data & Analytics", "Data & Analytics"), -0.1),
    DemoParticipant("p-hofer", "Dr. Sabine Hofer", "model_owner",
                    ("Actuarial & Data Science", "Aktuariat & Data Science"), 0.0),
    DemoParticipant("p-zimmermann", "Reto Zimmermann", "control_owner",
                    ("Compliance & Operational Risk", "Compliance & operationelles Risiko"), -0.3),
    DemoParticipant("p-egger", "Thomas Egger", "operations_lead",
                    ("IT Operations", "IT-Betrieb"), -0.05),
    DemoParticipant("p-steiner", "Monika Steiner", "sponsor",
                    ("Board of Management (COO)", "Vorstand (COO)"), 0.3),
)

USE_CASES: tuple[DemoUseCase, ...] = (
    DemoUseCase(
        "uc-claims-triage",
        ("Claims triage assistant", "Assistent für Schadentriage"),
        ("Classifies incoming motor and household claims by complexity and routes simple ones to "
         "fast-track settlement; handlers see the suggestion and its reasons and decide.",
         "Klassifiziert eingehende Kfz- und Haushaltsschäden nach Komplexität und leitet einfache "
         "Fälle in die Schnellregulierung; Sachbearbeitende sehen Vorschlag und Begründung und entscheiden."),
        "pilot", Profile(value=0.85, readiness=0.8, complexity=0.3, effort=0.3),
        (("Pilot in the Tyrol branch since October: 38% of claims fast-tracked, no complaints so far.",
          "Pilot in der Landesdirektion Tirol seit Oktober: 38 % der Schäden in der Schnellregulierung, bisher keine Beschwerden."),
         ("Claim history is clean from 2019 onwards; older claims are not needed for training.",
          "Die Schadenhistorie ist ab 2019 sauber; ältere Schäden braucht das Training nicht."),
         ("Handlers can override every suggestion; overrides are logged in the claims system.",
          "Sachbearbeitende können jeden Vorschlag übersteuern; Übersteuerungen werden im Schadensystem protokolliert."),
         ("Works council informed in January; agreement covers decision support, not automation.",
          "Betriebsrat im Jänner informiert; die Vereinbarung deckt Entscheidungsunterstützung ab, keine Automatisierung."),
         ("Volume: about 61,000 claims a year across the two lines.",
          "Volumen: rund 61.000 Schäden pro Jahr in beiden Sparten.")),
        outcome=Metric(("Share of claims settled within five working days (%)",
                        "Anteil der binnen fünf Arbeitstagen regulierten Schäden (%)"), 46, 60),
        volume=5_100
    ),
    DemoUseCase(
        "uc-underwriting",
        ("Underwriting assistant for commercial property",
         "Underwriting-Assistent für gewerbliche Sachversicherung"),
        ("Summarises submissions from brokers (risk surveys, loss runs, site photos) and proposes "
         "a risk grade and open questions for the underwriter.",
         "Fasst Maklereinreichungen zusammen (Risikobesichtigungen, Schadenverläufe, Fotos) und schlägt "
         "dem Underwriter eine Risikoeinstufung und offene Fragen vor."),
        "idea", Profile(value=0.9, readiness=0.25, complexity=0.5, effort=0.8),
        (("Risk surveys are PDFs in a document archive without metadata; nobody owns their quality.",
          "Risikobesichtigungen liegen als PDFs ohne Metadaten im Archiv; niemand verantwortet ihre Qualität."),
         ("Underwriters spend about 40% of their time reading submissions: the value is obvious.",
          "Underwriter verbringen rund 40 % ihrer Zeit mit dem Lesen von Einreichungen: der Nutzen ist offensichtlich."),
         ("No labelled history of risk grades before 2023; grades were kept in personal spreadsheets.",
          "Keine gelabelte Historie der Risikoeinstufungen vor 2023; Einstufungen lagen in persönlichen Tabellen."),
         ("Needs the new broker portal (go-live planned Q4) before data arrives in structured form.",
          "Braucht das neue Maklerportal (Go-live geplant Q4), bevor Daten strukturiert ankommen.")),
        outcome=Metric(("Quote turnaround for commercial property submissions (working days)",
                        "Angebotsdauer für gewerbliche Sacheinreichungen (Arbeitstage)"), 8, 5),
        volume=260
    ),
    DemoUseCase(
        "uc-fraud-signals",
        ("Fraud signals in motor claims", "Betrugsindikatoren in der Kfz-Schadenbearbeitung"),
        ("Scores open motor claims for fraud indicators (networks of parties, repair-shop patterns) "
         "and hands suspicious ones to the special investigations unit.",
         "Bewertet offene Kfz-Schäden nach Betrugsindikatoren (Netzwerke von Beteiligten, Werkstattmuster) "
         "und übergibt Verdachtsfälle an die Betrugsabwehr."),
        "idea", Profile(value=0.7, readiness=0.65, complexity=0.9, effort=0.6),
        (("Profiling of customers: data protection impact assessment and works council approval required.",
          "Profiling von Kunden: Datenschutz-Folgenabschätzung und Zustimmung des Betriebsrats erforderlich."),
         ("Investigators must be able to explain every referral to the customer and, if asked, in court.",
          "Die Betrugsabwehr muss jede Verdachtsmeldung gegenüber Kunden und notfalls vor Gericht erklären können."),
         ("The external fraud pool data may only be used under the association's rules.",
          "Die Daten des externen Betrugspools dürfen nur nach den Regeln des Verbands genutzt werden."),
         ("False positives delay payment to honest customers: complaints go straight to the ombudsman.",
          "Fehlalarme verzögern Zahlungen an ehrliche Kunden: Beschwerden gehen direkt an die Schlichtungsstelle.")),
        outcome=Metric(("Fraud savings in motor claims (EUR thousand per quarter)",
                        "Betrugsersparnis in Kfz-Schäden (Tsd. EUR pro Quartal)"), 420, 520),
        volume=2_300
    ),
    DemoUseCase(
        "uc-broker-email",
        ("Broker email routing", "Routing von Makler-E-Mails"),
        ("Reads the shared broker mailbox (about 900 emails a day), recognises the request type "
         "and policy number and routes each email to the right team queue.",
         "Liest das zentrale Maklerpostfach (rund 900 E-Mails pro Tag), erkennt Anliegen und "
         "Polizzennummer und leitet jede E-Mail in die richtige Team-Warteschlange."),
        "idea", Profile(value=0.6, readiness=0.7, complexity=0.2, effort=0.35),
        (("Routing errors today: roughly one email in eight lands in the wrong queue.",
          "Fehlleitungen heute: etwa jede achte E-Mail landet in der falschen Warteschlange."),
         ("Two years of mailbox history with the final queue as label is available.",
          "Zwei Jahre Postfachhistorie mit der endgültigen Warteschlange als Label sind vorhanden."),
         ("Low risk: a misrouted email is forwarded by hand, as today.",
          "Geringes Risiko: eine fehlgeleitete E-Mail wird wie heute händisch weitergeleitet.")),
        outcome=Metric(("Broker emails in the right queue at first touch (%)",
                        "Makler-E-Mails beim ersten Mal in der richtigen Warteschlange (%)"), 87, 97),
        volume=19_000
    ),
    DemoUseCase(
        "uc-clause-extraction",
        ("Contract clause extraction for reinsurance treaties",
         "Klauselextraktion aus Rückversicherungsverträgen"),
        ("Extracts limits, exclusions and reinstatement clauses from treaty wordings into the "
         "reinsurance administration system.",
         "Überträgt Limits, Ausschlüsse und Wiederauffüllungsklauseln aus Vertragstexten in das "
         "Rückversicherungssystem."),
        "idea", Profile(value=0.55, readiness=0.45, complexity=0.55, effort=0.6),
        (("About 140 treaties a year; mostly English wordings, some German.",
          "Rund 140 Verträge pro Jahr; überwiegend englische, teils deutsche Vertragstexte."),
         ("Wrongly captured limits have balance-sheet impact: four-eyes review stays mandatory.",
          "Falsch erfasste Limits wirken sich auf die Bilanz aus: Vier-Augen-Prüfung bleibt Pflicht."),
         ("Only the final signed wordings are archived; drafts and slips are in email.",
          "Archiviert sind nur die unterzeichneten Endfassungen; Entwürfe und Slips liegen in E-Mails.")),
        outcome=Metric(("Treaty set-up time (working days per treaty)",
                        "Erfassungsdauer pro Rückversicherungsvertrag (Arbeitstage)"), 6, 2),
        volume=12
    ),
    DemoUseCase(
        "uc-churn",
        ("Customer churn early warning", "Frühwarnung für Kundenabwanderung"),
        ("Flags household and motor customers likely to cancel at the next renewal so that agents "
         "can call them first.",
         "Markiert Haushalts- und Kfz-Kunden, die zur nächsten Hauptfälligkeit wahrscheinlich kündigen, "
         "damit die Betreuer sie zuerst anrufen."),
        "idea", Profile(value=0.2, readiness=0.6, complexity=0.35, effort=0.45),
        (("Retention campaigns had little measurable effect in 2023; agents already know their customers.",
          "Halteaktionen zeigten 2023 kaum messbaren Effekt; die Betreuer kennen ihre Kunden ohnehin."),
         ("Cancellation reasons are captured in only about a third of cases.",
          "Kündigungsgründe werden nur in etwa einem Drittel der Fälle erfasst."),
         ("Marketing would like it, but no budget owner has been named.",
          "Das Marketing hätte es gern, aber es ist kein Budgetverantwortlicher benannt.")),
        outcome=Metric(("Renewal retention in household and motor (%)",
                        "Haltequote zur Hauptfälligkeit in Haushalt und Kfz (%)"), 88, 89),
        volume=14_000
    ),
    # Two cases that show the EU AI Act screening: a high-risk one and a transparency-only one.
    DemoUseCase(
        "uc-health-pricing",
        ("Health insurance risk pricing", "Risikobasierte Prämien in der Krankenversicherung"),
        ("A vendor model scores applicants for private health cover and proposes the risk surcharge; "
         "underwriters confirm the premium.",
         "Ein Modell eines Anbieters bewertet Antragstellende für die private Krankenversicherung und "
         "schlägt den Risikozuschlag vor; das Underwriting bestätigt die Prämie."),
        "idea", Profile(value=0.45, readiness=0.35, complexity=0.9, effort=0.7),
        (("Compliance expects this to be high-risk under the AI Act (Annex III 5(c)).",
          "Compliance erwartet, dass dies nach der KI-Verordnung hochriskant ist (Anhang III 5c)."),),
        volume=900
    ),
    DemoUseCase(
        "uc-service-chatbot",
        ("Customer service chatbot", "Kundenservice-Chatbot"),
        ("Answers policyholders' questions about cover and claim status on the website, built on a "
         "general-purpose language model; hands over to an agent on request.",
         "Beantwortet Fragen von Versicherten zu Deckung und Schadenstatus auf der Website, aufgebaut auf "
         "einem Sprachmodell mit allgemeinem Verwendungszweck; übergibt auf Wunsch an einen Menschen."),
        "idea", Profile(value=0.4, readiness=0.55, complexity=0.3, effort=0.4),
        (("Customers must be told they are chatting with an AI (AI Act Art. 50(1)).",
          "Kundinnen und Kunden müssen erfahren, dass sie mit einer KI chatten (KI-Verordnung Art. 50 Abs. 1)."),),
        volume=6_000
    ),
)

# The room's AI Act screening per use case (questionnaires/ai_act.toml): every case passes the Art. 5
# screen; health pricing is high-risk (Annex III 5(c), profiling), the chatbot has a transparency duty
# only, the others are minimal risk. Questions not listed take AI_ACT_DEFAULTS.
AI_ACT_DEFAULTS: dict[str, AnswerValue] = {
    "aia.role": "deployer", "aia.prohibited": ["none"], "aia.annex_i": "no", "aia.annex_iii": ["none"],
    "aia.profiling": "no", "aia.art6_3": "none", "aia.public_service": "no", "aia.art50": ["none"],
    "aia.gpai": "none", "aia.obligations_met": ["literacy"],
}
AI_ACT_FACTS: dict[str, dict[str, AnswerValue]] = {
    "uc-claims-triage": {"aia.role": "provider"},
    "uc-fraud-signals": {"aia.profiling": "yes"},
    "uc-churn": {"aia.profiling": "yes"},
    "uc-health-pricing": {"aia.annex_iii": ["life_health_insurance"], "aia.profiling": "yes",
                          "aia.obligations_met": ["literacy", "use_per_instructions"]},
    "uc-service-chatbot": {"aia.role": "provider", "aia.art50": ["interaction"], "aia.gpai": "uses",
                           "aia.obligations_met": []},
}

ORG_NOTES: tuple[Bilingual, ...] = (
    ("Models in the actuarial team are monitored monthly in spreadsheets; nothing is automated.",
     "Modelle im Aktuariat werden monatlich in Tabellen überwacht; nichts davon ist automatisiert."),
    ("There is no AI inventory yet; the pricing models are listed in the model risk register only.",
     "Es gibt noch kein KI-Inventar; nur die Tarifierungsmodelle stehen im Modellrisikoregister."),
    ("Group IT runs a data platform (Azure), but access requests take four to six weeks.",
     "Die Konzern-IT betreibt eine Datenplattform (Azure), aber Zugriffsanträge dauern vier bis sechs Wochen."),
    ("The board approved an AI policy in November; roles and escalation paths are still drafts.",
     "Der Vorstand hat im November eine KI-Richtlinie beschlossen; Rollen und Eskalationswege sind noch Entwürfe."),
    ("Incident management follows ITIL; AI-specific failure modes are not covered yet.",
     "Das Störungsmanagement folgt ITIL; KI-spezifische Fehlerbilder sind noch nicht abgedeckt."),
    ("FMA expectations on AI in claims handling were discussed with the regulator in February.",
     "Die Erwartungen der FMA an KI in der Schadenbearbeitung wurden im Februar mit der Aufsicht besprochen."),
    ("Model documentation exists for the pricing models, written for the actuarial function.",
     "Modelldokumentation gibt es für die Tarifierungsmodelle, geschrieben für die versicherungsmathematische Funktion."),
    ("Sponsor sees AI as a board topic for 2025; budget is earmarked but not yet released.",
     "Die Sponsorin sieht KI als Vorstandsthema 2025; Budget ist vorgemerkt, aber noch nicht freigegeben."),
)

NOT_APPLICABLE_REASONS: tuple[Bilingual, ...] = (
    ("Not applicable: no personal data is processed in this use case.",
     "Nicht anwendbar: in diesem Anwendungsfall werden keine personenbezogenen Daten verarbeitet."),
    ("Not applicable: the output is only a suggestion; no customer-facing decision is taken.",
     "Nicht anwendbar: das Ergebnis ist nur ein Vorschlag; es wird keine kundenwirksame Entscheidung getroffen."),
    ("Not applicable: a vendor service would be used; there is no model of our own to retrain.",
     "Nicht anwendbar: es würde ein Dienst eines Anbieters genutzt; es gibt kein eigenes Modell zum Nachtrainieren."),
    ("Not applicable yet: the process does not exist before the new broker portal goes live.",
     "Noch nicht anwendbar: der Prozess entsteht erst mit dem neuen Maklerportal."),
)

CONSENSUS_NOTES: tuple[Bilingual, ...] = (
    ("Agreed after discussion: the pilot figures count, not the plans.",
     "Nach Diskussion vereinbart: es zählen die Pilotzahlen, nicht die Pläne."),
    ("Agreed after discussion: control owner's concerns recorded as a risk; score reflects today.",
     "Nach Diskussion vereinbart: Bedenken der Kontrollverantwortung als Risiko erfasst; Bewertung spiegelt den heutigen Stand."),
    ("Agreed after discussion: the sponsor's view holds for the Tyrol branch only; rated for the whole company.",
     "Nach Diskussion vereinbart: die Sicht der Sponsorin gilt nur für Tirol; bewertet für das ganze Unternehmen."),
    ("Agreed: rated on the evidence shown in the room (process documentation, run book).",
     "Vereinbart: bewertet anhand der im Raum gezeigten Nachweise (Prozessdokumentation, Betriebshandbuch)."),
)

# Where each note was said: the dimension it speaks to and the role of who said it, in the order
# of the notes. A note is recorded once, on that dimension's first answered question, by the first
# participant in that role (so a quote never appears under an unrelated question or a second name).
ORG_NOTE_PLACES: tuple[tuple[str, str], ...] = (
    ("monitoring", "model_owner"),  # actuarial models monitored in spreadsheets
    ("portfolio", "control_owner"),  # no AI inventory, only the model risk register
    ("integration", "data_owner"),  # data platform access takes weeks
    ("governance_embedding", "control_owner"),  # AI policy approved, roles still drafts
    ("runbooks", "operations_lead"),  # incident management follows ITIL
    ("governance_rhythm", "control_owner"),  # FMA expectations discussed with the regulator
    ("metrics", "model_owner"),  # model documentation written for the actuarial function
    ("cost_roi", "sponsor"),  # budget earmarked, not released
)
USE_CASE_NOTE_PLACES: dict[str, tuple[tuple[str, str], ...]] = {
    "uc-claims-triage": (("uc_value", "product_owner"), ("dr_lineage", "data_owner"),
                         ("dr_hitl", "control_owner"), ("uc_control", "sponsor"), ("uc_process", "product_owner")),
    "uc-underwriting": (("dr_ownership", "data_owner"), ("uc_value", "product_owner"),
                        ("uc_data", "model_owner"), ("uc_effort", "operations_lead")),
    "uc-fraud-signals": (("uc_control", "control_owner"), ("dr_hitl", "product_owner"),
                         ("dr_access", "data_owner"), ("uc_value", "sponsor")),
    "uc-broker-email": (("uc_value", "product_owner"), ("uc_data", "data_owner"), ("uc_control", "control_owner")),
    "uc-clause-extraction": (("uc_process", "product_owner"), ("dr_hitl", "control_owner"),
                             ("uc_data", "data_owner")),
    "uc-churn": (("uc_value", "sponsor"), ("uc_data", "data_owner"), ("uc_process", "product_owner")),
    "uc-health-pricing": (("ai_act", "control_owner"),),
    "uc-service-chatbot": (("ai_act", "control_owner"),),
}


def _note_places(library: Library, plan: _Plan, pairs: Sequence[tuple[Question, DemoUseCase | None]],
                 skip: set[int]) -> dict[tuple[int, str], str]:
    """(pair index, participant id) -> the note that participant gave on that pair."""
    first: dict[tuple[str, str], int] = {}  # (dimension, scope) -> first answered pair
    for index, (q, uc) in enumerate(pairs):
        if index not in skip:
            first.setdefault((q.dimension, uc.id if uc is not None else ORGANISATION), index)
    placed: dict[tuple[int, str], str] = {}
    sources: list[tuple[str, tuple[Bilingual, ...], tuple[tuple[str, str], ...]]] = [
        (ORGANISATION, ORG_NOTES, ORG_NOTE_PLACES)]
    sources += [(uc.id, uc.notes, USE_CASE_NOTE_PLACES.get(uc.id, ())) for uc in plan.use_cases]
    for scope, notes, places in sources:
        for note, (dimension, role) in zip(notes, places, strict=False):
            at = first.get((dimension, scope))
            speaker = next((p for p in plan.participants if p.role == role), None)
            if at is None or speaker is None:
                continue
            key = (at, speaker.id)
            placed[key] = (placed[key] + " " if key in placed else "") + _t(note, plan.lang)
    return placed


TEXT_ANSWERS: tuple[Bilingual, ...] = (
    ("Claims handlers, the fast-track team and the claims quality desk; IT operations for the platform.",
     "Schadensachbearbeitung, Schnellregulierung und Schadenqualität; der IT-Betrieb für die Plattform."),
    ("A weekly review of overrides with the product owner; monthly report to the claims board.",
     "Wöchentliche Durchsicht der Übersteuerungen mit dem Product Owner; monatlicher Bericht an das Schadenboard."),
    ("Main concern is explaining automated suggestions to customers and the ombudsman.",
     "Hauptsorge ist, automatisierte Vorschläge gegenüber Kunden und Schlichtungsstelle zu erklären."),
    ("We would start with one branch, measure for eight weeks and then decide on roll-out.",
     "Wir würden mit einer Landesdirektion starten, acht Wochen messen und dann über den Roll-out entscheiden."),
    ("Data sits in the core claims system (Guidewire) and the document archive; joins by claim number.",
     "Die Daten liegen im Schadenkernsystem (Guidewire) und im Dokumentenarchiv; verknüpft über die Schadennummer."),
    ("Success means shorter cycle times without more complaints or leakage.",
     "Erfolg heißt kürzere Durchlaufzeiten ohne mehr Beschwerden oder Schadenaufwand."),
)

ORG_METRIC = Metric(("Average claims cycle time, motor and household (days)",
                     "Durchschnittliche Schadendurchlaufzeit Kfz und Haushalt (Tage)"), 9.5, 7)

# Large synthetic assessment -------------------------------------------------------------

_FIRST_NAMES = ("Anna", "Florian", "Elisabeth", "Matthias", "Sarah", "Stefan", "Julia", "Andreas",
                "Barbara", "Daniel", "Verena", "Martin", "Claudia", "Michael", "Nadine", "Peter")
_LAST_NAMES = ("Huber", "Wagner", "Pichler", "Moser", "Mayer", "Berger", "Fuchs", "Schmid",
               "Keller", "Weber", "Baumann", "Frei", "Leitner", "Lang", "Aigner", "Wolf")
_LARGE_METRICS: tuple[Metric, ...] = (
    Metric(("Average handling time (minutes per case)", "Durchschnittliche Bearbeitungszeit (Minuten pro Fall)"), 34, 25),
    Metric(("Cases settled without rework (%)", "Ohne Nacharbeit erledigte Fälle (%)"), 71, 80),
    Metric(("Leakage (EUR thousand per quarter)", "Schadenaufwand durch Leakage (Tsd. EUR pro Quartal)"), 310, 250),
    Metric(("Turnaround time (working days)", "Durchlaufzeit (Arbeitstage)"), 7, 4),
)
_LARGE_DEPARTMENTS: tuple[Bilingual, ...] = (
    ("Claims", "Schaden"), ("Underwriting", "Underwriting"), ("Data & Analytics", "Data & Analytics"),
    ("Compliance", "Compliance"), ("IT Operations", "IT-Betrieb"), ("Board", "Vorstand"),
    ("Sales", "Vertrieb"),
)
_LARGE_USE_CASES: tuple[Bilingual, ...] = (
    ("Claims triage", "Schadentriage"), ("Fraud signals", "Betrugsindikatoren"),
    ("Broker email routing", "Routing von Makler-E-Mails"), ("Clause extraction", "Klauselextraktion"),
    ("Underwriting assistant", "Underwriting-Assistent"), ("Churn early warning", "Abwanderungsfrühwarnung"),
    ("Invoice checking for repair shops", "Prüfung von Werkstattrechnungen"),
    ("Medical report summaries", "Zusammenfassung ärztlicher Berichte"),
    ("Call-centre conversation notes", "Gesprächsnotizen im Callcenter"),
    ("Next best offer for agents", "Next Best Offer für Betreuer"),
    ("Subrogation opportunity detection", "Erkennung von Regressmöglichkeiten"),
    ("Catastrophe claims surge planning", "Planung von Kumulschäden"),
    ("Document classification in the mailroom", "Dokumentenklassifikation in der Poststelle"),
    ("Premium audit anomalies", "Auffälligkeiten in der Prämienrevision"),
    ("Complaint topic analysis", "Themenanalyse von Beschwerden"),
    ("Vehicle damage estimation from photos", "Kfz-Schadenschätzung aus Fotos"),
    ("Life underwriting medical questionnaire", "Gesundheitsfragen in der Lebensversicherung"),
    ("Reserve adequacy early signals", "Frühsignale zur Reserveangemessenheit"),
    ("Agent knowledge assistant", "Wissensassistent für Betreuer"),
    ("Policy wording comparison", "Vergleich von Bedingungswerken"),
    ("Sanctions screening support", "Unterstützung beim Sanktionsscreening"),
    ("IT ticket routing", "Routing von IT-Tickets"),
    ("Hail event claims pre-assessment", "Vorbewertung von Hagelschäden"),
    ("Renewal pricing support", "Unterstützung bei der Erneuerungstarifierung"),
    ("Legal expenses case triage", "Triage von Rechtsschutzfällen"),
    ("Customer letter drafting", "Entwürfe von Kundenschreiben"),
    ("Bordereaux data cleansing", "Bereinigung von Bordereaux-Daten"),
    ("Health claims coding", "Kodierung von Krankenversicherungsleistungen"),
    ("Fleet telematics risk scoring", "Risikobewertung aus Flotten-Telematik"),
    ("Internal audit sampling", "Stichprobenauswahl der internen Revision"),
)

# --------------------------------------------------------------------------- what a question measures

Driver = Literal["value", "readiness", "complexity", "effort", "org"]

_COMPLEXITY_WORDS = ("control", "complex", "regulat", "complian", "legal", "privacy", "explain", "ethic")
_EFFORT_WORDS = ("effort", "cost to build", "implementation")
_READINESS_WORDS = ("data", "feasib", "readiness", "ready", "process", "workflow", "integrat",
                    "quality", "access", "label", "technical", "skill", "capacity")
_MATURITY_LEVELS: dict[str, float] = {
    # organisation maturity level (1.0-4.0) by dimension id: a firm that runs pricing models
    # well but has no AI portfolio, monitoring or run books yet
    "portfolio": 1.4, "monitoring": 1.7, "runbooks": 1.8, "cost_roi": 1.6, "governance_rhythm": 1.9,
    "metrics": 2.1, "governance_embedding": 2.2, "adoption": 2.3, "integration": 2.4, "roles": 2.6,
    "data_governance": 2.7,
}
_MATURITY_WORDS: tuple[tuple[str, float], ...] = (
    ("portfolio", 1.4), ("monitor", 1.7), ("incident", 1.9), ("runbook", 1.8), ("deploy", 2.1),
    ("governance", 2.3), ("data", 2.6), ("security", 2.9), ("strategy", 3.1), ("sponsor", 3.2),
)


def _driver(library: Library, q: Question) -> Driver:
    """Which part of the profile drives the answers to ``q``."""
    if q.scope == "organisation":
        return "org"
    qn = library.questionnaire(q.questionnaire_id)
    kind = qn.kind if qn is not None else ""
    if kind in ("readiness", "risk", "maturity", "baseline"):
        return "readiness"
    dim = library.dimensions.get(q.dimension)
    words = f"{q.dimension} {dim.name.en if dim else ''}".lower()
    if any(w in words for w in _EFFORT_WORDS):
        return "effort"
    if any(w in words for w in _COMPLEXITY_WORDS):
        return "complexity"
    if any(w in words for w in _READINESS_WORDS):
        return "readiness"
    return "value"


def _org_level(dimension: str) -> float:
    if dimension in _MATURITY_LEVELS:
        return _MATURITY_LEVELS[dimension]
    for word, level in _MATURITY_WORDS:
        if word in dimension.lower():
            return level
    # a stable level for unknown dimensions, from the id's letters (no hash randomisation)
    return 1.6 + (sum(map(ord, dimension)) % 13) / 10


def _clamp(x: float, lo: float = 0.0, hi: float = 1.0) -> float:
    return max(lo, min(hi, x))


def _goodness(library: Library, q: Question, profile: Profile | None) -> float:
    """How well the scope stands on what ``q`` asks about, 0 (badly) .. 1 (well)."""
    driver = _driver(library, q)
    if driver == "org" or profile is None:
        level = _org_level(q.dimension)
        if q.stage is not None:  # staged maturity: criteria of the levels reached are met
            return _clamp(0.45 + 0.45 * (level - q.stage + 0.5))
        return _clamp((level - 1.0) / 3.0)
    return {
        "value": profile.value,
        "readiness": profile.readiness,
        "complexity": 1.0 - profile.complexity,
        "effort": 1.0 - profile.effort,
    }[driver]


def _position(library: Library, q: Question, profile: Profile | None) -> float:
    """Where answers to ``q`` sit, 0..1 of the answer range.

    ``polarity = "negative"`` marks questions where a high answer is bad news for the scope
    (more regulation, more effort), so they sit low when the scope stands well.
    """
    good = _goodness(library, q, profile)
    return good if q.polarity == "positive" else 1.0 - good


# --------------------------------------------------------------------------- answer values


def _nice(x: float, integer: bool = False) -> float | int:
    """Round a number the way people state it in a workshop."""
    if integer:
        return max(0, round(x))
    if x <= 0:
        return 0
    if x < 1:
        return round(x, 2)
    if x < 10:
        return round(x, 1) if round(x, 1) != int(x) else int(x)
    digits = math.floor(math.log10(x))
    step = 10 ** max(0, digits - 1)
    return int(round(x / step) * step)


@dataclass(frozen=True, slots=True)
class _NumberRule:
    """Plausible range of a number question whose unit and text contain every one of ``words``."""

    words: tuple[str, ...]
    lo: float
    hi: float
    integer: bool = False
    worse_when_high: bool = False  # incidents, costs, delays: a scope that stands well has few


_NUMBER_RULES: tuple[_NumberRule, ...] = (
    _NumberRule(("use case", "production"), 0, 3, integer=True),
    _NumberRule(("use case",), 1, 7, integer=True),
    _NumberRule(("eur thousand",), 120, 900),
    _NumberRule(("eur per", "decision"), 0.04, 1.8, worse_when_high=True),
    _NumberRule(("eur per",), 15, 90, worse_when_high=True),
    _NumberRule(("incident", "quarter"), 0, 6, integer=True, worse_when_high=True),
    _NumberRule(("incident",), 0, 12, integer=True, worse_when_high=True),
    _NumberRule(("exception", "per month"), 1, 40, integer=True, worse_when_high=True),
    _NumberRule(("working day",), 1, 15, worse_when_high=True),
    _NumberRule(("day",), 1, 30, worse_when_high=True),
    _NumberRule(("hour",), 0.5, 72, worse_when_high=True),
    _NumberRule(("minute",), 2, 90, worse_when_high=True),
    _NumberRule(("override",), 3, 35, worse_when_high=True),
    _NumberRule(("%",), 10, 90),
    _NumberRule(("fte",), 1, 24),
    _NumberRule(("per month",), 800, 40_000, integer=True),
    _NumberRule(("per year",), 5_000, 400_000, integer=True),
)


def _number_value(q: Question, good: float, rng: random.Random) -> float | int:
    """A plausible number for ``q`` (``good`` 0..1: how well the scope stands)."""
    jitter = 1.0 + rng.uniform(-0.12, 0.12)
    for risk in q.risks:  # a risk threshold tells what "bad" looks like
        if risk.when in ("le", "ge") and risk.threshold is not None:
            t = risk.threshold or 1.0
            good_side = (good >= 0.45) if risk.when == "le" else (good < 0.45)
            factor = (1.6 + good) if good_side else (0.4 + 0.4 * good)
            return _nice(abs(t) * factor * jitter)
    words = f"{q.unit.en if q.unit else ''} {q.text.en}".lower()
    for rule in _NUMBER_RULES:
        if all(w in words for w in rule.words):
            t = 1.0 - good if rule.worse_when_high else good
            return _nice((rule.lo + (rule.hi - rule.lo) * (0.1 + 0.8 * t)) * jitter, rule.integer)
    return _nice((5 + 95 * good) * jitter)


def _about_metric(q: Question) -> bool:
    """Whether ``q`` asks for the business metric the room names (or a value of it)."""
    if q.type == "number":
        return "unit of" in (q.unit.en.lower() if q.unit else "")
    text = q.text.en.lower()
    return "metric" in text or "outcome" in text


def _vote(q: Question, x: float, rng: random.Random) -> AnswerValue:
    """An answer to ``q`` for a latent position ``x`` on the 0-4 scale (already biased, noisy)."""
    x4 = max(0.0, min(4.0, x))
    if q.type == "scale":
        return round(x4)
    if q.type == "choice":
        valued = [o for o in q.options if o.value is not None]
        if valued:
            return min(valued, key=lambda o: (abs((o.value or 0.0) - x4), q.options.index(o))).id
        risky = {o for r in q.risks if r.when == "in" for o in r.options}
        pool = [o.id for o in q.options if (o.id in risky) == (x4 < 1.4)] or [o.id for o in q.options]
        return rng.choice(pool)
    if q.type == "checklist":
        n = len(q.options)
        k = max(0, min(n, round(n * x4 / 4.0)))
        chosen = set(rng.sample(range(n), k))
        return [o.id for i, o in enumerate(q.options) if i in chosen]
    if q.type == "number":
        return _number_value(q, x4 / 4.0, rng)
    return None  # text is chosen by the caller


# --------------------------------------------------------------------------- building


@dataclass(frozen=True, slots=True)
class _Plan:
    lang: str
    participants: tuple[DemoParticipant, ...]
    use_cases: tuple[DemoUseCase, ...]
    voters_per_pair: int | None  # None: everyone votes on everything
    disagreements: int
    consensus_share: float
    not_applicable: int
    note_share: float
    noise: float


def _large_plan(lang: str) -> _Plan:
    rng = random.Random(SEED + 1)
    roles = ("product_owner", "data_owner", "model_owner", "control_owner", "operations_lead", "sponsor", "other")
    biases = {"sponsor": 0.45, "product_owner": 0.2, "control_owner": -0.4, "data_owner": -0.15}
    participants = []
    for i in range(15):
        role = roles[i % len(roles)]
        name = f"{_FIRST_NAMES[i % len(_FIRST_NAMES)]} {_LAST_NAMES[(i * 7) % len(_LAST_NAMES)]}"
        participants.append(DemoParticipant(f"p-{i + 1:02d}", name, role, _LARGE_DEPARTMENTS[i % 7],
                                            biases.get(role, 0.0) + rng.uniform(-0.15, 0.15)))
    use_cases = []
    for i, uc_name in enumerate(_LARGE_USE_CASES):
        profile = Profile(round(rng.uniform(0.1, 0.95), 2), round(rng.uniform(0.15, 0.9), 2),
                          round(rng.uniform(0.1, 0.95), 2), round(rng.uniform(0.15, 0.85), 2))
        stage = "production" if i in (0, 12) else ("pilot" if i % 6 == 3 else "idea")
        description = (f"Synthetic use case {i + 1} of the large benchmark assessment.",
                       f"Synthetischer Anwendungsfall {i + 1} der großen Benchmark-Bewertung.")
        use_cases.append(DemoUseCase(f"uc-{i + 1:02d}", uc_name, description, stage, profile))
    return _Plan(lang, tuple(participants), tuple(use_cases), None, disagreements=30,
                 consensus_share=0.05, not_applicable=20, note_share=0.01, noise=0.6)


def _standard_plan(lang: str) -> _Plan:
    return _Plan(lang, PARTICIPANTS, USE_CASES, voters_per_pair=4, disagreements=6,
                 consensus_share=0.08, not_applicable=4, note_share=0.07, noise=0.22)


def _pairs(library: Library, use_cases: Sequence[DemoUseCase]) -> Iterator[tuple[Question, DemoUseCase | None]]:
    for q in library.iter_questions():
        if q.scope == "organisation":
            yield q, None
        else:
            for uc in use_cases:
                yield q, uc


def _answers(library: Library, plan: _Plan, facilitator: str, rng: random.Random) -> list[Answer]:
    """Every vote, consensus and not-applicable answer of the demo, in a stable order."""
    lang = plan.lang
    pairs = list(_pairs(library, plan.use_cases))
    # Pick the special pairs up front so they are spread over the whole library.
    scored = [i for i, (q, _uc) in enumerate(pairs) if q.type in ("scale", "choice") and q.scored]
    na_candidates = [i for i in scored if pairs[i][1] is not None]
    not_applicable = set(rng.sample(na_candidates, min(plan.not_applicable, len(na_candidates))))
    open_pairs = [i for i in scored if i not in not_applicable]
    disputed = set(rng.sample(open_pairs, min(plan.disagreements, len(open_pairs))))
    said = _note_places(library, plan, pairs, not_applicable)
    answers: list[Answer] = []

    for index, (q, uc) in enumerate(pairs):
        scope = uc.id if uc is not None else ORGANISATION
        notes = uc.notes if uc is not None else ORG_NOTES
        if plan.voters_per_pair is None or plan.voters_per_pair >= len(plan.participants):
            voters = list(plan.participants)
        else:
            count = plan.voters_per_pair + rng.randint(0, len(plan.participants) - plan.voters_per_pair)
            voters = sorted(rng.sample(plan.participants, count), key=plan.participants.index)

        if index in not_applicable:
            reason = _t(rng.choice(NOT_APPLICABLE_REASONS), lang)
            for j, p in enumerate(voters):
                answers.append(Answer(q.id, scope, p.id, None, True, reason if j == 0 else "",
                                      author=facilitator))
            answers.append(Answer(q.id, scope, CONSENSUS, None, True, reason,
                                  author=facilitator))
            continue

        if q.questionnaire_id == "ai_act" and q.id in AI_ACT_DEFAULTS:  # facts, not opinions: the room agrees
            fact = AI_ACT_FACTS.get(uc.id, {}).get(q.id, AI_ACT_DEFAULTS[q.id]) if uc else AI_ACT_DEFAULTS[q.id]
            answers.extend(Answer(q.id, scope, p.id, fact, author=facilitator) for p in voters)
            answers.append(Answer(q.id, scope, CONSENSUS, fact, author=facilitator))
            continue
        position = _position(library, q, uc.profile if uc else None)
        bias = 1.0 if q.polarity == "positive" else -1.0  # optimists see the good side
        metric = ORG_METRIC if uc is None else (uc.outcome or _LARGE_METRICS[plan.use_cases.index(uc) % 4])
        values: list[AnswerValue] = []
        for p in voters:
            x = position * 4.0 + bias * p.bias + rng.gauss(0.0, plan.noise)
            value: AnswerValue
            if q.type == "text" and _about_metric(q):
                value = _t(metric.name, lang)
            elif q.type == "text":
                value = _t(TEXT_ANSWERS[(index + plan.participants.index(p)) % len(TEXT_ANSWERS)], lang)
            elif q.type == "number" and uc is not None and uc.volume and "volume" in q.text.en.lower():
                value = _nice(uc.volume * (1.0 + rng.uniform(-0.08, 0.08)))
            elif q.type == "number" and _about_metric(q):
                aim = metric.target if "target" in q.text.en.lower() else metric.current
                value = _nice(aim * (1.0 + rng.uniform(-0.04, 0.04)))
            else:
                value = _vote(q, x, rng)
            values.append(value)

        if index in disputed and q.type == "scale" and len(values) >= 2:
            # one voice far from the room: the cautious control owner, or else the optimistic sponsor
            med = round(statistics.median(v for v in values if isinstance(v, int | float)))
            j = next((k for k, p in enumerate(voters) if p.role == "control_owner"), len(values) - 1)
            values[j] = med - 2 if med >= 2 else med + 2
        elif index in disputed and q.type == "choice" and values:
            scores = {o.id: o.value for o in q.options if o.value is not None}
            mid = statistics.median([scores.get(v, 0.0) or 0.0 for v in values if isinstance(v, str)] or [0.0])
            values[-1] = max(scores, key=lambda o: (abs((scores[o] or 0.0) - mid), o))

        for p, value in zip(voters, values, strict=True):
            if notes and rng.random() < plan.note_share:  # the draws stay, so the answers stay the same
                rng.choice(notes)
            note = said.get((index, p.id), "") if p in voters else ""
            answers.append(Answer(q.id, scope, p.id, value, False, note, author=facilitator))

        if index in disputed or (q.type in ("scale", "choice") and rng.random() < plan.consensus_share):
            agreed = _consensus_value(q, values)
            if agreed is not None:
                note = _t(rng.choice(CONSENSUS_NOTES), lang) if index in disputed else ""
                answers.append(Answer(q.id, scope, CONSENSUS, agreed, False, note,
                                      author=facilitator))
    return _timestamped(answers)


def _timestamped(answers: Sequence[Answer]) -> list[Answer]:
    """Spread the answers evenly over the two workshop days (09:00-16:30), in order."""
    day_seconds = 7.5 * 3600
    step = 2 * day_seconds / max(1, len(answers))
    out = []
    for k, a in enumerate(answers):
        offset = k * step
        day, within = divmod(offset, day_seconds)
        moment = WORKSHOP_START + timedelta(days=int(day), seconds=int(within))
        out.append(replace(a, updated_at=moment.isoformat(timespec="seconds")))
    return out


def _consensus_value(q: Question, values: Sequence[AnswerValue]) -> AnswerValue:
    if q.type == "scale":
        nums = [float(v) for v in values if isinstance(v, int | float)]
        return int(statistics.median_low(nums)) if nums else None
    if q.type == "choice":
        ids = [v for v in values if isinstance(v, str)]
        if not ids:
            return None
        order = {o.id: (o.value if o.value is not None else i) for i, o in enumerate(q.options)}
        ranked = sorted(ids, key=lambda v: order.get(v, 0.0))
        return ranked[(len(ranked) - 1) // 2]
    return None


def _targets(library: Library) -> dict[str, int]:
    """Target levels for the maturity dimensions the room cares about most (up to four)."""
    dims = []
    for qn in library.by_kind("maturity"):
        for q in qn.questions:
            if q.dimension not in dims and q.dimension in library.dimensions:
                dims.append(q.dimension)
    return {d: min(4, max(2, math.floor(_org_level(d)) + 1)) for d in dims[:4]}


def populate(af: AssessmentFile, plan: _Plan, clock: FixedClock) -> None:
    """Add the plan's participants, use cases, answers and targets to an open assessment."""
    library = af.library()
    lang = plan.lang
    rng = random.Random(SEED)
    for p in plan.participants:
        af.add_participant(p.name, p.role, _t(p.department, lang), participant_id=p.id)
    for uc in plan.use_cases:
        af.add_use_case(_t(uc.name, lang), _t(uc.description, lang), uc.stage, use_case_id=uc.id)
    answers = _answers(library, plan, af.author, rng)
    clock.jump_to(WORKSHOP_END)
    af.set_answers(answers, action="demo")
    af.set_meta(META_ALL, "1")  # the demo workshop took place: the room has seen its votes
    for dimension, level in _targets(library).items():
        af.set_target(dimension, level)


def write_demo(path: Path, size: Size = "standard", library: Library | None = None, *,
               language: Lang = "en") -> None:
    """Write the demo workshop to ``path`` (replacing it), built beside it and moved in place.

    Raises :class:`~readiness_app.errors.FileLockedError` when ``path`` is open in another
    instance, :class:`~readiness_app.errors.QuestionnaireError` when the bundled questionnaires
    are broken.
    """
    if size not in ("standard", "large"):
        raise ValueError(f"unknown demo size {size!r}")
    if language not in ("en", "de"):
        raise ValueError(f"unknown language {language!r}")
    if library is None:
        from readiness_app.questionnaire.loader import load_library

        library = load_library()
    path = Path(path)
    plan = _standard_plan(language) if size == "standard" else _large_plan(language)
    facilitator = _t(ENGAGEMENT["facilitator"], language)
    engagement = Engagement(
        client=_t(ENGAGEMENT["client"], language),
        industry=_t(ENGAGEMENT["industry"], language),
        title=_t(ENGAGEMENT["title"], language) + (
            _t((" (large benchmark)", " (großer Benchmark)"), language) if size == "large" else ""),
        workshop_start=WORKSHOP_START.date().isoformat(),
        workshop_end=WORKSHOP_END.date().isoformat(),
        facilitator=facilitator,
        language=language,
        consultancy=_t(ENGAGEMENT["consultancy"], language),
        notes=_t(ENGAGEMENT["notes"], language),
    )
    clock = FixedClock(WORKSHOP_START - timedelta(days=7))  # prepared a week before the workshop
    lock = FileLock(path)
    lock.acquire()  # refuses while another instance has the target open
    tmp = path.with_name(f".{path.name}.{os.getpid()}.building")
    try:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        af = AssessmentFile.create(tmp, library, engagement, author=facilitator, clock=clock, lock=False)
        try:
            populate(af, plan, clock)
        finally:
            af.close()
        os.replace(tmp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        lock.release()
