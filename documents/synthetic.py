"""Synthetic source documents for benchmarks and load tests: plain Python, no Django.

Deterministic for a given seed. Each document is a title and a few paragraphs (2 to 6 KB
by default) in French or English, written like the partnership pages of the seed corpus:
sentences that name real partners and programmes (OTAN/NATO, Partenariat pour la paix
(PPP)/Partnership for Peace (PfP), Bélarus/Belarus…), dates, fields of cooperation, and
filler words drawn from a Zipf-like vocabulary, so that some words occur in most documents
and others in a handful — a search meets both.

    from documents.synthetic import generate
    for document in generate(1000, seed=7):
        document.slug, document.title, document.language, document.text

``text`` is already normalised (one space between words, one line break between
paragraphs), as ``DocumentVersion`` stores it.
"""

import random
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import accumulate

PARTNERS = {
    "fr": [
        "l'OTAN",
        "la Serbie",
        "le Bélarus",
        "la Biélorussie",
        "l'OSCE",
        "l'ONU",
        "l'Ukraine",
        "la Géorgie",
        "la République de Moldova",
        "l'Union européenne",
        "la France",
        "l'Arménie",
        "l'Azerbaïdjan",
        "le Kazakhstan",
        "la Bosnie-Herzégovine",
        "le Monténégro",
    ],
    "en": [
        "NATO",
        "Serbia",
        "Belarus",
        "the OSCE",
        "the United Nations",
        "Ukraine",
        "Georgia",
        "the Republic of Moldova",
        "the European Union",
        "France",
        "Armenia",
        "Azerbaijan",
        "Kazakhstan",
        "Bosnia and Herzegovina",
        "Montenegro",
    ],
}
PROGRAMMES = {
    "fr": [
        "Partenariat pour la paix (PPP)",
        "PPP",
        "Conseil de partenariat euro-atlantique (CPEA)",
        "Plan d'action individuel pour le Partenariat (IPAP)",
        "programme pour la science au service de la paix et de la sécurité (SPS)",
        "Force pour le Kosovo (KFOR)",
        "Processus de planification et d'examen (PARP)",
        "fonds d'affectation spéciale du PPP",
        "programme individuel de partenariat et de coopération (IPCP)",
    ],
    "en": [
        "Partnership for Peace (PfP)",
        "PfP",
        "Euro-Atlantic Partnership Council (EAPC)",
        "Individual Partnership Action Plan (IPAP)",
        "Science for Peace and Security Programme (SPS)",
        "Kosovo Force (KFOR)",
        "Planning and Review Process (PARP)",
        "PfP Trust Fund",
        "Individual Partnership and Cooperation Programme (IPCP)",
    ],
}
FIELDS = {
    "fr": [
        "la destruction des mines antipersonnel",
        "la préparation du secteur civil",
        "la réforme du secteur de la défense",
        "la lutte contre le terrorisme",
        "la gestion des crises",
        "la cyberdéfense",
        "la sécurité énergétique",
        "la formation des officiers",
        "l'élimination des munitions",
        "la diplomatie publique",
        "la sécurité des frontières",
        "l'interopérabilité des forces",
    ],
    "en": [
        "the destruction of anti-personnel mines",
        "civil preparedness",
        "defence sector reform",
        "the fight against terrorism",
        "crisis management",
        "cyber defence",
        "energy security",
        "officer training",
        "munitions disposal",
        "public diplomacy",
        "border security",
        "the interoperability of forces",
    ],
}
TEMPLATES = {
    "fr": [
        "{partner} a adhéré au {programme} en {year}.",
        "Dans le cadre du {programme}, {partner} et {other} développent une coopération "
        "pratique dans le domaine de {field}.",
        "Depuis {year}, {partner} participe à des activités consacrées à {field}.",
        "Le dialogue entre {partner} et {other} s'est intensifié en {month} {year}, lors "
        "d'une réunion sur {field}.",
        "Un projet du {programme}, achevé en {year}, a porté sur {field}.",
        "{partner} accueille des stages et des séminaires du {programme} depuis {year}.",
    ],
    "en": [
        "{partner} joined the {programme} in {year}.",
        "Within the {programme}, {partner} and {other} develop practical cooperation in {field}.",
        "Since {year}, {partner} has taken part in activities devoted to {field}.",
        "Dialogue between {partner} and {other} intensified in {month} {year}, at a meeting "
        "on {field}.",
        "A {programme} project, completed in {year}, dealt with {field}.",
        "{partner} has hosted {programme} courses and seminars since {year}.",
    ],
}
MONTHS = {
    "fr": [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
}
TITLES = {
    "fr": [
        "Relations avec {partner}",
        "Coopération avec {partner}",
        "{partner} et le {programme}",
        "Actualité : {field}",
    ],
    "en": [
        "Relations with {partner}",
        "Cooperation with {partner}",
        "{partner} and the {programme}",
        "News: {field}",
    ],
}
SYLLABLES = {
    "fr": [
        "ra",
        "té",
        "mon",
        "ci",
        "sé",
        "cu",
        "ri",
        "pro",
        "gé",
        "na",
        "tion",
        "dé",
        "fen",
        "sion",
        "par",
        "te",
        "ment",
        "coo",
        "pé",
        "ré",
        "gion",
        "al",
        "li",
        "é",
        "con",
        "seil",
        "ter",
        "ri",
        "toi",
        "re",
        "ac",
        "cord",
        "mis",
        "ob",
        "ser",
        "va",
        "teur",
    ],
    "en": [
        "ra",
        "te",
        "mon",
        "ci",
        "se",
        "cu",
        "ri",
        "pro",
        "ge",
        "na",
        "tion",
        "de",
        "fen",
        "sion",
        "par",
        "ment",
        "co",
        "op",
        "re",
        "gion",
        "al",
        "li",
        "con",
        "sel",
        "ter",
        "to",
        "ry",
        "ac",
        "cord",
        "mis",
        "ob",
        "ser",
        "ver",
        "ing",
        "ed",
        "er",
    ],
}
VOCABULARY_SIZE = 6000
FILLER_START = {"fr": "Selon les responsables,", "en": "According to officials,"}


@dataclass(frozen=True)
class SyntheticDocument:
    slug: str
    title: str
    language: str
    text: str


def vocabulary(language: str, size: int = VOCABULARY_SIZE, seed: int = 0) -> list[str]:
    """``size`` distinct made-up words, most frequent first (the same for a given seed)."""
    rng = random.Random(f"vocabulary-{language}-{seed}")
    words: dict[str, None] = {}
    while len(words) < size:
        word = "".join(rng.choice(SYLLABLES[language]) for _ in range(rng.randint(2, 4)))
        words.setdefault(word, None)
    return list(words)


class Writer:
    """Writes documents in one language; ``rng`` decides everything."""

    def __init__(self, language: str, rng: random.Random, seed: int = 0):
        self.language = language
        self.rng = rng
        self.words = vocabulary(language, seed=seed)
        # Zipf: the n-th word is about n times rarer than the first.
        self.weights = list(accumulate(1 / rank for rank in range(1, len(self.words) + 1)))

    def pick(self, choices):
        return self.rng.choice(choices)

    def values(self) -> dict:
        language = self.language
        return {
            "partner": self.pick(PARTNERS[language]),
            "other": self.pick(PARTNERS[language]),
            "programme": self.pick(PROGRAMMES[language]),
            "field": self.pick(FIELDS[language]),
            "year": self.rng.randint(1992, 2024),
            "month": self.pick(MONTHS[language]),
        }

    def fact(self) -> str:
        sentence = self.pick(TEMPLATES[self.language]).format(**self.values())
        return sentence[0].upper() + sentence[1:]

    def filler(self) -> str:
        count = self.rng.randint(8, 22)
        words = self.rng.choices(self.words, cum_weights=self.weights, k=count)
        return f"{FILLER_START[self.language]} {' '.join(words)}."

    def paragraph(self, length: int) -> str:
        sentences, size = [], 0
        while size < length:
            sentence = self.fact() if self.rng.random() < 0.6 else self.filler()
            sentences.append(sentence)
            size += len(sentence) + 1
        return " ".join(sentences)

    def title(self) -> str:
        title = self.pick(TITLES[self.language]).format(**self.values())
        return title[0].upper() + title[1:]

    def text(self, length: int) -> str:
        paragraphs, size = [], 0
        while size < length:
            paragraph = self.paragraph(self.rng.randint(300, 1100))
            paragraphs.append(paragraph)
            size += len(paragraph) + 1
        return "\n".join(paragraphs)


def generate(
    count: int,
    seed: int = 0,
    languages: tuple[str, ...] = ("fr", "en"),
    min_chars: int = 2000,
    max_chars: int = 6000,
    slug_prefix: str = "synthetic",
) -> Iterator[SyntheticDocument]:
    """``count`` documents, in turn in each of ``languages``, each of ``min_chars`` to
    ``max_chars`` characters; the same seed gives the same documents."""
    rng = random.Random(seed)
    writers = {language: Writer(language, rng, seed) for language in languages}
    for n in range(count):
        writer = writers[languages[n % len(languages)]]
        yield SyntheticDocument(
            slug=f"{slug_prefix}-{n + 1}",
            title=writer.title(),
            language=writer.language,
            text=writer.text(rng.randint(min_chars, max_chars)),
        )
