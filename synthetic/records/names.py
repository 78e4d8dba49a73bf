"""What synthetic records are called: made-up names of international organisations, their
bodies, government bodies, other partners and programmes, ISO codes, and the acronyms made
from names. Plain Python, no Django."""

import re
import unicodedata

from synthetic.grammar import Name

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
