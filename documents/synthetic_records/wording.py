"""What synthetic records are called and what their documents say: made-up names of
partners and programmes, dates at their precision, and the sentences that state each kind
of fact, in French and in English. Plain Python, no Django."""

import random
import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from documents.synthetic import MONTHS, Name, Speaker, say
from documents.synthetic_records.shape import DAY, MONTH, YEAR

# Names -------------------------------------------------------------------------------

IO_NAMES = [
    # French, English, Spanish, French gender
    ("Organisation pour la sécurité et la coopération {r.en}",
     "Organization for Security and Co-operation in {r}",
     "Organización para la Seguridad y la Cooperación en {r}", "f"),
    ("Organisation du traité {r.de}", "{r} Treaty Organization",
     "Organización del Tratado de {r}", "f"),
    ("Communauté de sécurité {r.de}", "{r} Security Community",
     "Comunidad de Seguridad de {r}", "f"),
    ("Conseil de coopération {r.de}", "{r} Cooperation Council",
     "Consejo de Cooperación de {r}", "m"),
    ("Union {r.de} pour la stabilité", "{r} Union for Stability",
     "Unión de {r} para la Estabilidad", "f"),
    ("Agence {r.de} pour la sécurité civile", "{r} Civil Security Agency",
     "Agencia de {r} para la Seguridad Civil", "f"),
    ("Alliance de défense {r.de}", "{r} Defence Alliance", "Alianza de Defensa de {r}", "f"),
    ("Organisation des nations {r.de}", "Organisation of {r} Nations",
     "Organización de las Naciones de {r}", "f"),
]  # fmt: skip
REGION_ENDINGS = ["ane", "ora", "ine", "ésie"]
# Government bodies of a state ``c``: French head, English head, gender, local head.
GOVERNMENT_BODIES = {
    "defence": ("Ministère de la Défense", "Ministry of Defence", "m", "Ministarstvo odbrane"),
    "general_staff": ("État-major général", "General Staff", "m", "Generalštab"),
    "interior": (
        "Ministère de l'Intérieur", "Ministry of the Interior", "m",
        "Ministarstvo unutrašnjih poslova",
    ),
    "foreign": (
        "Ministère des Affaires étrangères", "Ministry of Foreign Affairs", "m",
        "Ministarstvo spoljnih poslova",
    ),
    "emergencies": (
        "Ministère des Situations d'urgence", "Ministry of Emergency Situations", "m",
        "Ministarstvo za vanredne situacije",
    ),
    "embassy": ("Ambassade", "Embassy", "f", "Ambasada"),
    "internal_security": (
        "Service de sécurité intérieure", "Internal Security Service", "m",
        "Služba unutrašnje bezbednosti",
    ),
    "justice": ("Ministère de la Justice", "Ministry of Justice", "m", "Ministarstvo pravde"),
    "police": ("Police nationale", "National Police", "f", "Nacionalna policija"),
    "customs": ("Administration des douanes", "Customs Administration", "f", "Uprava carina"),
    "criminal_police": (
        "Direction de la police criminelle", "Criminal Police Directorate", "f",
        "Uprava kriminalističke policije",
    ),
}  # fmt: skip
# Bodies of an organisation ``o``: French head, English head, gender, Spanish head.
ORGANISATION_BODIES = {
    "council": ("Conseil", "Council", "m", "Consejo"),
    "assembly": (
        "Assemblée parlementaire", "Parliamentary Assembly", "f", "Asamblea Parlamentaria",
    ),
    "staff": (
        "Secrétariat international", "International Staff", "m", "Secretariado Internacional",
    ),
    "military_committee": ("Comité militaire", "Military Committee", "m", "Comité Militar"),
    "security_council": ("Conseil de sécurité", "Security Council", "m", "Consejo de Seguridad"),
    "secretariat": ("Secrétariat", "Secretariat", "m", "Secretaría"),
    "peace_operations": (
        "Département des opérations de paix", "Department of Peace Operations", "m",
        "Departamento de Operaciones de Paz",
    ),
    "permanent_council": ("Conseil permanent", "Permanent Council", "m", "Consejo Permanente"),
    "democratic_institutions": (
        "Bureau des institutions démocratiques", "Office for Democratic Institutions", "m",
        "Oficina de Instituciones Democráticas",
    ),
}  # fmt: skip
# Other kinds, after the state ``c`` or the city ``city``: French, English, French alias,
# English alias, local alias, French gender.
OTHER_NAMES = {
    "research": (
        "Institut {adjective_m} d'études stratégiques",
        "{adjective} Institute for Strategic Studies",
        "Institut d'études stratégiques {c.de}", "Institute for Strategic Studies of {c}",
        "Institut za strateške studije {genitive}", "m",
    ),
    "ngo": (
        "Fondation {adjective_f} pour le déminage humanitaire",
        "{adjective} Foundation for Humanitarian Demining",
        "Fondation pour le déminage humanitaire {c.de}",
        "Foundation for Humanitarian Demining of {c}",
        "Fondacija za humanitarno razminiranje {genitive}", "f",
    ),
    "other": (
        "Chambre de commerce {city.de}", "{city} Chamber of Commerce",
        "Chambre de commerce et d'industrie {city.de}", "{city} Chamber of Commerce and Industry",
        "Privredna komora {city}", "f",
    ),
}  # fmt: skip
# ISO 3166 codes for states: those left to users (XK, taken by Kosovo, aside).
ISO_CODES = [
    "AA",
    *(f"Q{letter}" for letter in "MNOPQRSTUVWXYZ"),
    *(f"X{letter}" for letter in "ABCDEFGHIJLMNOPQRSTUVWXYZ"),
    "ZZ",
]
STOPWORDS = {
    "de", "du", "des", "la", "le", "les", "l", "d", "en", "et", "pour", "à", "au", "aux",
    "sur", "of", "the", "for", "and", "in", "on", "to",
}  # fmt: skip


def initials(name: str) -> str:
    """ "Organisation du traité de Valdorane" → "OTV", without accents; "" for a name that
    holds an acronym already ("Commission OSCV-Valdorie")."""
    words = re.split(r"[\s'’\-–]+", name)
    if any(len(word) > 1 and word.isupper() for word in words):
        return ""
    letters = "".join(word[0] for word in words if word and word.lower() not in STOPWORDS)
    decomposed = unicodedata.normalize("NFD", letters.upper())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def acronyms(fr: str, en: str) -> tuple[str, str]:
    found = initials(fr), initials(en)
    return found if all(2 <= len(a) <= 6 for a in found) else ("", "")


def short(name: Name) -> Name:
    """The name as it is written on its own: its acronym, if any ("OSCV", "Valdorie")."""
    return Name(
        fr=name.acronym_fr or name.fr,
        en=name.acronym_en or name.en,
        gender=name.gender,
        article=name.article,
        the=name.the,
    )


# Dates ---------------------------------------------------------------------------------


def date_phrase(day: date, precision: str, language: str, form: str = "at") -> str:
    """ "en 2006", "en décembre 2006", "le 7 juin 2019"; "in December 2006"…; ``since``,
    ``until`` and ``bare`` forms too."""
    if precision == YEAR:
        bare = str(day.year)
    else:
        month = MONTHS[language][day.month - 1]
        bare = f"{month} {day.year}"
        if precision == DAY:
            number = "1er" if language == "fr" and day.day == 1 else str(day.day)
            bare = f"{number} {bare}"
    if form == "bare":
        return bare
    if language == "fr":
        if precision == DAY:
            return {"at": "le", "since": "depuis le", "until": "jusqu'au"}[form] + f" {bare}"
        return {"at": "en", "since": "depuis", "until": "jusqu'en"}[form] + f" {bare}"
    if precision == DAY:
        return {"at": "on", "since": "since", "until": "until"}[form] + f" {bare}"
    return {"at": "in", "since": "since", "until": "until"}[form] + f" {bare}"


def phrase(day: date, precision: str, form: str = "at") -> tuple[str, str]:
    return date_phrase(day, precision, "fr", form), date_phrase(day, precision, "en", form)


def span_phrase(start: date, end: date) -> tuple[str, str]:
    """Two days of one month: "du 1er au 2 octobre 2014", "from 1 to 2 October 2014"."""
    first = "1er" if start.day == 1 else str(start.day)
    fr_month, en_month = MONTHS["fr"][end.month - 1], MONTHS["en"][end.month - 1]
    return (
        f"du {first} au {end.day} {fr_month} {end.year}",
        f"from {start.day} to {end.day} {en_month} {end.year}",
    )


def random_day(rng: random.Random, first_year: int, last_year: int, precision: str) -> date:
    year = rng.randint(first_year, last_year)
    if precision == YEAR:
        return date(year, 1, 1)
    if precision == MONTH:
        return date(year, rng.randint(1, 12), 1)
    return date(year, rng.randint(1, 12), rng.randint(1, 28))


def quantity(rng: random.Random, low: int, high: int) -> int:
    """A round figure, as documents give them: 28 000, 1 400 000."""
    value = rng.randint(low, high)
    return round(value, 2 - len(str(value))) if value >= 100 else value


def figures(value: int) -> tuple[str, str]:
    return f"{value:,}".replace(",", " "), f"{value:,}"


# Sentences -----------------------------------------------------------------------------


@dataclass
class Fact:
    """A sentence of a document in both languages, and the claims it supports: pairs of a
    record and the field (blank: the record as a whole)."""

    fr: str
    en: str
    values: dict
    claims: list[tuple[object, str]]
    order: tuple = (0, 0, 0)
    # Says more about the fact just before it, and stays next to it.
    follows: bool = False
    # The claim this sentence was written for: it is cited first.
    dedicated: object = None

    def render(self, speaker: Speaker) -> str:
        index = 0 if speaker.language == "fr" else 1
        values = {k: v[index] if isinstance(v, tuple) else v for k, v in self.values.items()}
        return say(self.fr if index == 0 else self.en, speaker, **values)


RELATIONSHIP_FACTS = [
    ("{c.le} entretient avec {s.le} un dialogue politique et une coopération pratique, "
     "notamment dans le domaine de {field}.",
     "{c.the} maintains political dialogue and practical cooperation with {s.the}, notably "
     "in {field}."),
    ("La coopération entre {s.le} et {c.le} s'est développée de manière régulière {since}.",
     "Cooperation between {s.the} and {c.the} has developed steadily {since}."),
    ("{s.le} soutient les réformes engagées par {c.le} dans le domaine de {field2}.",
     "{s.the} supports the reforms undertaken by {c.the} in {field2}."),
    ("{c.le} et {s.le} entendent approfondir leur dialogue sur {field3}.",
     "{c.the} and {s.the} intend to deepen their dialogue on {field3}."),
]  # fmt: skip
# Role: French present and past, English present, perfect and past.
ROLE_VERBS = {
    "participant": ("participe {p.à}", "participait {p.à}", "takes part in {p.the}",
                    "has taken part in {p.the}", "took part in {p.the}"),
    "member": ("est membre {p.de}", "était membre {p.de}", "is a member of {p.the}",
               "has been a member of {p.the}", "was a member of {p.the}"),
    "host": ("accueille {p.le}", "accueillait {p.le}", "hosts {p.the}", "has hosted {p.the}",
             "hosted {p.the}"),
    "lead_nation": ("est la nation pilote {p.de}", "était la nation pilote {p.de}",
                    "is the lead nation of {p.the}", "has been the lead nation of {p.the}",
                    "was the lead nation of {p.the}"),
    "co_chair": ("copréside {p.le}", "coprésidait {p.le}", "co-chairs {p.the}",
                 "has co-chaired {p.the}", "co-chaired {p.the}"),
    "beneficiary": ("bénéficie {p.de}", "bénéficiait {p.de}", "benefits from {p.the}",
                    "has benefited from {p.the}", "benefited from {p.the}"),
    "contributor": ("contribue {p.à}", "contribuait {p.à}", "contributes to {p.the}",
                    "has contributed to {p.the}", "contributed to {p.the}"),
    "donor": ("finance {p.le}", "finançait {p.le}", "funds {p.the}", "has funded {p.the}",
              "funded {p.the}"),
    "organiser": ("organise des activités {p.de}", "organisait des activités {p.de}",
                  "organises activities of {p.the}", "has organised activities of {p.the}",
                  "organised activities of {p.the}"),
    "partner": ("est partenaire {p.de}", "était partenaire {p.de}", "is a partner of {p.the}",
                "has been a partner of {p.the}", "was a partner of {p.the}"),
    "observer": ("a le statut d'observateur auprès {p.de}",
                 "avait le statut d'observateur auprès {p.de}", "has observer status in {p.the}",
                 "has had observer status in {p.the}", "had observer status in {p.the}"),
}  # fmt: skip
PARTICIPATION_TAIL = (", notamment dans le domaine de {field}", ", notably in {field}")
PARTICIPATION_ALLY = (", aux côtés {y.de}", ", alongside {y.the}")
PARTICIPATION_NOTE = ("Notamment dans le domaine de {field}.", "Notably in {field}.")
PARTICIPATION_PLANNED = (
    "{x.le} doit rejoindre {p.le} prochainement.",
    "{x.the} is due to join {p.the}.",
)
PARTICIPATION_CHANGING = ("{x.le} est en train de passer {p.à}.", "{x.the} is moving to {p.the}.")
OVER_THE_YEARS = ("au fil des ans", "over the years")
PARTICIPATION_MORE = [
    ("{x.le} prend part chaque année à des activités {p.de} consacrées à {field}.",
     "Every year, {x.the} takes part in activities of {p.the} devoted to {field}."),
    ("La participation {x.de} {p.à} porte notamment sur {field}.",
     "The participation of {x.the} in {p.the} focuses in particular on {field}."),
]  # fmt: skip
# Kind: French title, English title, French sentence, English sentence.
EVENT_TEMPLATES = {
    "accession": ("{c.le} adhère {p.à}", "{c.the} joins {p.the}",
                  "{c.le} a adhéré {p.à} {date}.", "{c.the} joined {p.the} {date}."),
    "agreement": ("Accord de coopération entre {s.le} et {c.le}",
                  "Cooperation agreement between {s.the} and {c.the}",
                  "{s.le} et {c.le} ont signé {date} un accord de coopération dans le "
                  "cadre {p.de}.",
                  "{s.the} and {c.the} signed a cooperation agreement under {p.the} {date}."),
    "plan_adopted": ("{c.le} adopte {p.le}", "{c.the} adopts {p.the}",
                     "{c.le} a adopté {p.le} {date}.", "{c.the} adopted {p.the} {date}."),
    "office_opened": ("Ouverture {p.de}", "Opening of {p.the}",
                      "{p.le} a ouvert ses portes à {place} {date}.",
                      "{p.the} opened in {place} {date}."),
    "mission_started": ("Début {p.de}", "Start of {p.the}", "{p.le} a commencé ses travaux {date}.",
                        "{p.the} began its work {date}."),
    "mission_ended": ("Fin {p.de}", "End of {p.the}", "{p.le} a achevé son mandat {date}.",
                      "{p.the} completed its mandate {date}."),
    "exercise": ("Exercice {p.de} à {place}", "Exercise of {p.the} in {place}",
                 "Un exercice {p.de} s'est déroulé à {place} {date}, avec la participation "
                 "{c.de}{figure}.",
                 "An exercise of {p.the} took place in {place} {date}, with the participation "
                 "of {c.the}{figure}."),
    "training": ("Stage de formation sur {field}", "Training course on {field}",
                 "{x.le} a organisé {date} un stage de formation sur {field} dans le cadre "
                 "{p.de}{figure}.",
                 "{x.the} organised a training course on {field} under {p.the} {date}{figure}."),
    "project_started": ("Début des travaux {p.de}", "Work begins under {p.the}",
                        "Les travaux {p.de}, consacrés à {field}, ont débuté {date}.",
                        "Work under {p.the} on {field} began {date}."),
    "project_completed": ("Achèvement des travaux {p.de}", "Work completed under {p.the}",
                          "Les travaux {p.de}, achevés {date}, ont porté sur {field}{figure}.",
                          "Work under {p.the}, completed {date}, dealt with {field}{figure}."),
    "meeting": ("Réunion entre {s.le} et {c.le} sur {field}",
                "Meeting between {s.the} and {c.the} on {field}",
                "Des représentants {s.de} et {c.de} se sont réunis à {place} {date} pour "
                "examiner {field}{figure}.",
                "Representatives of {s.the} and {c.the} met in {place} {date} to discuss "
                "{field}{figure}."),
    "visit": ("Visite {x.de} à {place}", "Visit of {x.the} to {place}",
              "Une délégation {x.de} s'est rendue à {place} {date}.",
              "A delegation of {x.the} visited {place} {date}."),
    "crisis_response": ("Aide d'urgence {c.à}", "Emergency assistance to {c.the}",
                        "{date}, {s.le} a apporté une aide d'urgence {c.à} à la suite "
                        "d'inondations{figure}.",
                        "{date}, {s.the} provided emergency assistance to {c.the} following "
                        "floods{figure}."),
    "recognition": ("{s.le} salue la contribution {c.de}",
                    "{s.the} commends the contribution of {c.the}",
                    "{date}, {s.le} a salué la contribution {c.de} {p.à}.",
                    "{date}, {s.the} commended the contribution of {c.the} to {p.the}."),
    "publication": ("Publication d'un rapport sur {field}", "Report on {field} published",
                    "Un rapport conjoint {s.de} et {c.de} sur {field} a été publié {date}.",
                    "A joint report by {s.the} and {c.the} on {field} was published {date}."),
    "other": ("Lancement d'un dialogue sur {field}", "Launch of a dialogue on {field}",
              "{c.le} et {x.le} ont lancé {date} un dialogue sur {field}{figure}.",
              "{c.the} and {x.the} launched a dialogue on {field} {date}{figure}."),
}  # fmt: skip
WITH_PROGRAMME = {
    "accession", "agreement", "plan_adopted", "office_opened", "mission_started",
    "mission_ended", "exercise", "training", "project_started", "project_completed",
    "recognition",
}  # fmt: skip
WITH_PLACE = {"office_opened", "exercise", "meeting", "visit"}
# The programmes an event of a kind is about, by preference.
EVENT_PROGRAMMES = {
    "accession": ("framework", "forum", "initiative", "programme"),
    "agreement": ("framework", "programme", "other"),
    "plan_adopted": ("partnership_plan", "policy", "programme"),
    "office_opened": ("office", "centre", "mission"),
    "mission_started": ("mission", "operation"),
    "mission_ended": ("mission", "operation"),
    "exercise": ("operation", "centre", "programme"),
    "training": ("centre", "programme", "initiative"),
    "project_started": ("project", "trust_fund"),
    "project_completed": ("project", "trust_fund"),
}
# Kind: French clause, English clause, French unit, English unit, range. In order of use.
EVENT_FIGURES = {
    "project_completed": [
        (", et ont permis de détruire {n} mines antipersonnel",
         ", and destroyed {n} anti-personnel mines", "mines antipersonnel détruites",
         "anti-personnel mines destroyed", 5000, 2000000),
        (", et ont permis de détruire {n} armes légères et de petit calibre", ", and destroyed {n} "
         "small arms and light weapons", "armes légères et de petit calibre détruites",
         "small arms and light weapons destroyed", 1000, 60000),
        (", et ont permis d'éliminer {n} tonnes de munitions", ", and disposed of {n} tonnes of "
         "munitions", "tonnes de munitions éliminées", "tonnes of munitions disposed of", 50, 5000),
    ],
    "training": [(", qui a permis de former {n} personnes", ", which trained {n} people",
                  "personnes formées", "people trained", 15, 800)],
    "exercise": [(", qui a réuni {n} participants", ", bringing together {n} participants",
                  "participants", "participants", 100, 5000)],
    "crisis_response": [(", en livrant {n} tonnes d'aide humanitaire", ", delivering {n} tonnes "
                         "of humanitarian aid", "tonnes d'aide humanitaire livrées",
                         "tonnes of humanitarian aid delivered", 10, 900)],
    "meeting": [(", en présence de {n} participants", ", with {n} participants", "participants",
                 "participants", 20, 400)],
    "other": [(", qui a permis la reconversion de {n} anciens militaires", ", which helped {n} "
               "former military personnel to retrain", "anciens militaires reconvertis",
               "former military personnel retrained", 100, 6000)],
}  # fmt: skip
PARTNER_FACTS = [
    ("{x.le} coopère avec {s.le} dans le domaine de {field}.",
     "{x.the} cooperates with {s.the} in {field}."),
    ("{x.le} partage son expérience dans le domaine de {field}.",
     "{x.the} shares its experience in {field}."),
]  # fmt: skip
PARTNER_DESCRIPTIONS = {
    "state": ("Pays partenaire {s.de}, actif dans le domaine de {field}.",
              "Partner country of {s.the}, active in {field}."),
    "international_organisation": ("Organisation internationale active dans le domaine de "
                                   "{field}.", "International organisation active in {field}."),
    "government_body": ("Organisme public {c.de}, chargé notamment de {field}.",
                        "Public body of {c.the}, responsible in particular for {field}."),
    "organisation_body": ("Organe {o.de} chargé de {field}.",
                          "Body of {o.the} responsible for {field}."),
    "ngo": ("Organisation non gouvernementale engagée dans {field}.",
            "Non-governmental organisation working on {field}."),
    "research_institute": ("Institut de recherche spécialisé dans {field}.",
                           "Research institute specialising in {field}."),
    "territory": ("Territoire concerné par les activités {s.de} dans le domaine de {field}.",
                  "Territory concerned by the activities of {s.the} in {field}."),
    "other": ("Organisme associé aux activités {s.de} dans le domaine de {field}.",
              "Body associated with the activities of {s.the} in {field}."),
}  # fmt: skip
PROGRAMME_FACTS = {
    "aim": ("{p.le} vise à renforcer la coopération dans le domaine de {field}.",
            "{p.the} aims to strengthen cooperation in {field}."),
    "run_by": ("Sous l'égide {r.de}, {p.le} vise à renforcer la coopération dans le domaine "
               "de {field}.",
               "Under the aegis of {r.the}, {p.the} aims to strengthen cooperation in {field}."),
    "start": ("{p.le} a vu le jour {start} et vise à renforcer la coopération dans le domaine "
              "de {field}.",
              "{p.the} was set up {start} and aims to strengthen cooperation in {field}."),
    "end": ("{p.le} a vu le jour {start} et a pris fin {end}.",
            "{p.the} was set up {start} and came to an end {end}."),
    "parent": ("{p.le} s'inscrit dans le cadre {parent.de}.", "{p.the} is part of {parent.the}."),
    "more": ("Les activités {p.de} portent notamment sur {field}.",
             "The activities of {p.the} focus in particular on {field}."),
}  # fmt: skip
# Kind: templates of (French, English, French gender), after the runner ``o`` (its
# acronym), the counterpart ``c``, a city, a region ``r`` or a topic (``t``, ``T``).
PROGRAMME_NAMES = {
    "framework": [("Partenariat pour la stabilité {r.de}", "{r} Stability Partnership", "m"),
                  ("Cadre de coopération {r.de} en matière de sécurité",
                   "{r} Security Cooperation Framework", "m"),
                  ("Initiative de partenariat {o.de} pour {r}",
                   "{o} Partnership Initiative for {r}", "f")],
    "forum": [("Conseil de partenariat {r.de}", "{r} Partnership Council", "m"),
              ("Commission {o}-{c}", "{o}–{c} Commission", "f"),
              ("Groupe de travail {o.de} sur {t}", "{o} Working Group on {T}", "m"),
              ("Conférence {city.de} sur {t}", "{city} Conference on {T}", "f"),
              ("Dialogue de haut niveau {o.de} sur {t}", "{o} High-Level Dialogue on {T}", "m")],
    "project": [("Projet {city.de} pour {t}", "{city} {T} Project", "m"),
                ("Projet pilote {o.de} sur {t}", "{o} Pilot Project on {T}", "m")],
    "other": [("Accord militaro-technique {city.de}", "{city} Military Technical Agreement", "m"),
              ("Mémorandum d'entente {o.de} sur {t}", "{o} Memorandum of Understanding on {T}",
               "m"),
              ("Processus d'examen {o.de} sur {t}", "{o} Review Process on {T}", "m")],
    "programme": [("Programme {o.de} pour {t}", "{o} {T} Programme", "m"),
                  ("Programme de coopération {c.de} pour {t}", "{c} {T} Cooperation Programme",
                   "m")],
    "initiative": [("Initiative {city.de} sur {t}", "{city} Initiative on {T}", "f")],
    "mission": [("Mission {o.de} {c.en}", "{o} Mission in {c}", "f"),
                ("Mission de conseil {o.de} {c.en}", "{o} Advisory Mission in {c}", "f")],
    "office": [("Bureau de liaison {o.de} à {city}", "{o} Liaison Office in {city}", "m"),
               ("Bureau d'information {o.de} à {city}", "{o} Information Office in {city}", "m")],
    "partnership_plan": [("Plan d'action individuel pour le partenariat {c.de}",
                          "Individual Partnership Action Plan of {c}", "m"),
                         ("Programme de partenariat individualisé {c.de}",
                          "Individually Tailored Partnership Programme of {c}", "m")],
    "operation": [("Opération {word}", "Operation {word}", "f"),
                  ("Force {o.de} {c.en}", "{o} Force in {c}", "f")],
    "centre": [("Centre d'excellence {city.de} pour {t}", "{city} Centre of Excellence for {T}",
                "m")],
    "policy": [("Politique {o.de} sur {t}", "{o} Policy on {T}", "f")],
    "trust_fund": [("Fonds d'affectation spéciale pour {t} {c.en}", "Trust Fund for {T} in {c}",
                    "m")],
}  # fmt: skip
WITH_ACRONYM = {"framework", "forum", "programme", "initiative", "partnership_plan", "centre"}
# Kinds run by someone (else one in two is).
RUN = {"framework", "mission", "office", "partnership_plan", "operation", "policy", "trust_fund"}

CITY_ENDINGS = ["a", "ovo", "grad", "ine", "ac", "sk", "ino"]
UPDATE_MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


def in_full(pair: tuple[str, str], **values) -> tuple[str, str]:
    """A pair of templates, each filled in its language with names in full (no acronyms):
    for titles, descriptions and notes."""
    return tuple(
        say(template, Speaker(language, tracking=False), **{
            key: value[index] if isinstance(value, tuple) else value
            for key, value in values.items()
        })
        for index, (language, template) in enumerate(zip(("fr", "en"), pair, strict=True))
    )  # fmt: skip


def in_french(name: Name, form: str) -> str:
    """ "de la Valdorie", "en Valdorie": for names made of names."""
    return Speaker("fr", tracking=False).say(name, form)
