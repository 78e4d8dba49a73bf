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

The second half of the module writes about made-up partners for
``documents/synthetic_records/`` (``manage.py generate_synthetic``): fictional place names
(``Places``), proper names in the forms French and English sentences need (``Name``, ``say``)
and ``Writer.narrative``, a text that states given facts in order between general sentences.
"""

import random
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
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
    return list(_vocabulary(language, size, seed))


@lru_cache(maxsize=8)
def _vocabulary(language: str, size: int, seed: int) -> tuple[str, ...]:
    rng = random.Random(f"vocabulary-{language}-{seed}")
    words: dict[str, None] = {}
    while len(words) < size:
        word = "".join(rng.choice(SYLLABLES[language]) for _ in range(rng.randint(2, 4)))
        words.setdefault(word, None)
    return tuple(words)


class Writer:
    """Writes documents in one language; ``rng`` decides everything."""

    def __init__(self, language: str, rng: random.Random, seed: int = 0):
        self.language = language
        self.rng = rng
        self.words = _vocabulary(language, VOCABULARY_SIZE, seed)
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

    def general(self, names: dict[str, str]) -> str:
        """A sentence about the relationship that states no fact of its own."""
        if self.rng.random() < 0.1:
            return self.filler()
        return capitalise(self.pick(GENERAL[self.language]).format(**names))

    def narrative(
        self,
        facts: list[str],
        length: int,
        heading: tuple[str, ...] = (),
        names: dict[str, str] | None = None,
    ) -> str:
        """A text of about ``length`` characters, rarely more (unless ``facts`` need it),
        under the lines of ``heading``: the sentences of ``facts`` in their order, with general
        sentences about the relationship of ``names["subject"]`` and ``names["counterpart"]``
        (as they read within a sentence) between them, in paragraphs and bulleted lists."""
        names = {**DEFAULT_NAMES[self.language], **(names or {})}
        size = sum(len(line) + 1 for line in (*heading, *facts))
        general = []
        while size < length:
            sentence = self.general(names)
            if size + len(sentence) + 1 > length:
                break
            general.append(sentence)
            size += len(sentence) + 1
        # After which fact each general sentence comes: never before the first.
        after: dict[int, list[str]] = {}
        for sentence in general:
            after.setdefault(self.rng.randint(1, len(facts)) if facts else 0, []).append(sentence)
        sentences = list(after.get(0, []))
        for number, fact in enumerate(facts, start=1):
            sentences += [fact, *after.get(number, [])]
        lines = list(heading)
        while sentences:
            count = self.rng.randint(2, 5)
            chunk, sentences = sentences[:count], sentences[count:]
            if len(chunk) > 1 and self.rng.random() < 0.25:
                lines += [f"• {sentence}" for sentence in chunk]
            else:
                lines.append(" ".join(chunk))
        return "\n".join(lines)


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


def capitalise(sentence: str) -> str:
    return sentence[:1].upper() + sentence[1:]


# Sentences about a relationship that state no fact, between the facts of a narrative.
GENERAL = {
    "fr": [
        "{subject} et {counterpart} ont réaffirmé leur attachement à un dialogue politique "
        "régulier.",
        "Les deux parties échangent régulièrement des informations sur la sécurité régionale.",
        "Des consultations au niveau des experts ont lieu plusieurs fois par an.",
        "La coopération pratique couvre un large éventail de domaines d'intérêt commun.",
        "{counterpart} participe à des stages et à des séminaires organisés dans des pays "
        "partenaires.",
        "Des officiers et des fonctionnaires suivent chaque année des formations spécialisées.",
        "Ces activités contribuent à renforcer la confiance et la transparence dans la région.",
        "Les priorités de la coopération sont examinées lors de réunions annuelles.",
        "{subject} encourage {counterpart} à poursuivre ses réformes démocratiques.",
        "Le dialogue porte également sur la situation sécuritaire dans la région.",
        "Les échanges d'expérience entre experts civils et militaires se sont multipliés.",
        "Plusieurs projets pratiques ont été menés à bien avec le soutien de pays donateurs.",
        "Les autorités nationales assurent la coordination des activités menées sur le terrain.",
        "Une attention particulière est accordée à la formation des personnels civils.",
        "La société civile est associée à plusieurs initiatives de diplomatie publique.",
        "Des visites de haut niveau ont permis de faire le point sur les progrès accomplis.",
        "Les résultats obtenus sont évalués périodiquement par des équipes conjointes.",
        "La coopération s'inscrit dans le respect de la souveraineté et des choix de chaque pays.",
        "Des exercices conjoints permettent de tester les procédures de gestion des crises.",
        "{counterpart} contribue également à des projets menés dans d'autres pays partenaires.",
        "Des actions de sensibilisation visent à mieux faire connaître cette coopération.",
        "Des réunions d'information sont régulièrement organisées à l'intention des médias.",
        "Les deux parties ont convenu de renforcer leur coopération dans les années à venir.",
        "Le financement des projets est assuré par des contributions volontaires.",
        "{subject} salue les progrès réalisés par {counterpart} au cours des dernières années.",
        "Les questions d'intérêt commun sont abordées à tous les niveaux.",
        "Un programme de travail annuel fixe les activités prévues et leur calendrier.",
        "{counterpart} prend part aux réunions des partenaires.",
        "Cette coopération repose sur des valeurs et des objectifs partagés.",
        "Les enseignements tirés des projets achevés guident la préparation des suivants.",
    ],
    "en": [
        "{subject} and {counterpart} reaffirmed their commitment to regular political dialogue.",
        "The two sides regularly exchange information on regional security.",
        "Consultations at expert level take place several times a year.",
        "Practical cooperation covers a wide range of areas of common interest.",
        "{counterpart} takes part in courses and seminars held in partner countries.",
        "Officers and civil servants attend specialised training every year.",
        "These activities help to build confidence and transparency in the region.",
        "The priorities of cooperation are reviewed at annual meetings.",
        "{subject} encourages {counterpart} to pursue its democratic reforms.",
        "The dialogue also addresses the security situation in the region.",
        "Exchanges of experience between civilian and military experts have increased.",
        "Several practical projects have been completed with the support of donor countries.",
        "National authorities coordinate the activities carried out in the field.",
        "Particular attention is paid to the training of civilian personnel.",
        "Civil society is involved in several public diplomacy initiatives.",
        "High-level visits have made it possible to take stock of the progress made.",
        "The results achieved are assessed periodically by joint teams.",
        "Cooperation respects the sovereignty and the choices of each country.",
        "Joint exercises make it possible to test crisis management procedures.",
        "{counterpart} also contributes to projects carried out in other partner countries.",
        "Awareness-raising activities aim to make this cooperation better known.",
        "Briefings are regularly organised for the media.",
        "The two sides agreed to strengthen their cooperation in the years to come.",
        "Projects are funded by voluntary contributions.",
        "{subject} welcomes the progress made by {counterpart} in recent years.",
        "Issues of common interest are discussed at every level.",
        "An annual work programme sets out the planned activities and their timetable.",
        "{counterpart} takes part in the meetings of partners.",
        "This cooperation rests on shared values and objectives.",
        "Lessons learned from completed projects guide the preparation of new ones.",
    ],
}
DEFAULT_NAMES = {
    "fr": {"subject": "l'Organisation", "counterpart": "le pays partenaire"},
    "en": {"subject": "the Organisation", "counterpart": "the partner country"},
}

# Fields of cooperation as programme names need them: French with its article, English in
# title case ("Programme pour la cyberdéfense", "Cyber Defence Programme").
TOPICS = [
    ("la destruction des mines antipersonnel", "Anti-Personnel Mine Destruction"),
    ("la préparation du secteur civil", "Civil Preparedness"),
    ("la réforme du secteur de la défense", "Defence Sector Reform"),
    ("la lutte contre le terrorisme", "Counter-Terrorism"),
    ("la gestion des crises", "Crisis Management"),
    ("la cyberdéfense", "Cyber Defence"),
    ("la sécurité énergétique", "Energy Security"),
    ("la formation des officiers", "Officer Training"),
    ("l'élimination des munitions", "Munitions Disposal"),
    ("la diplomatie publique", "Public Diplomacy"),
    ("la sécurité des frontières", "Border Security"),
    ("l'interopérabilité des forces", "Force Interoperability"),
    ("la sécurité maritime", "Maritime Security"),
    ("la protection des civils", "Protection of Civilians"),
    ("le développement de l'intégrité", "Building Integrity"),
    ("la recherche scientifique", "Science"),
    ("la non-prolifération", "Non-Proliferation"),
    ("la police scientifique", "Forensic Science"),
    ("la lutte contre la criminalité organisée", "Countering Organised Crime"),
    ("la médecine militaire", "Military Medicine"),
]

# Made-up place names: every synthetic partner is fictional, so none passes for a real one.
PLACE_SYLLABLES = [
    "val", "dor", "mar", "ost", "ran", "bel", "kar", "lin", "tav", "sor", "mon", "gal",
    "ber", "vel", "nor", "tes", "ard", "lun", "cas", "tor", "pel", "vin", "dra", "sil",
    "zem", "kos", "rav", "mir", "bor", "len", "tar", "ves", "gor", "dal", "mek", "nov",
    "pra", "sel", "tam", "vod", "lesk", "trav", "brun", "hal", "ister",
]  # fmt: skip
# Real countries and regions ending in -ia / -ie, never produced as fictional ones.
REAL_PLACES = {
    "Albania", "Algeria", "Armenia", "Australia", "Austria", "Bolivia", "Bosnia", "Bulgaria",
    "Cambodia", "Colombia", "Croatia", "Estonia", "Ethiopia", "Gambia", "Georgia", "India",
    "Indonesia", "Latvia", "Liberia", "Lithuania", "Macedonia", "Malaysia", "Mauritania",
    "Moldavia", "Mongolia", "Namibia", "Nigeria", "Romania", "Russia", "Serbia", "Slovakia",
    "Slovenia", "Somalia", "Syria", "Tanzania", "Tunisia", "Zambia", "Dalmatia", "Bavaria",
    "Moravia", "Galicia", "Valonia", "Karelia", "Istria", "Tavria", "Bessarabia",
}  # fmt: skip


class Places:
    """Pronounceable made-up stems (``Valdor``, ``Ostrav``…), each given once, from which
    country, city and region names are made."""

    def __init__(self):
        self.used: set[str] = set()

    def stem(self, rng: random.Random) -> str:
        attempts = 0
        while True:
            # Longer stems once the short ones run out, so that any number can be given.
            length = rng.choice((2, 2, 2, 3)) + attempts // 20
            attempts += 1
            syllables = [rng.choice(PLACE_SYLLABLES) for _ in range(length)]
            stem = "".join(syllables).capitalize()
            repeated = any(a == b for a, b in zip(syllables, syllables[1:], strict=False))
            if not (repeated or stem in self.used or f"{stem}ia" in REAL_PLACES):
                self.used.add(stem)
                return stem


# Names in sentences ------------------------------------------------------------------

VOWELS = set("aeiouyàâäéèêëîïôöùûüAEIOUYÀÂÄÉÈÊËÎÏÔÖÙÛÜ")
FRENCH_ARTICLES = {"m": "le", "f": "la", "pl": "les"}


@dataclass(frozen=True)
class Name:
    """A proper name as sentences need it: in French with its gender (m, f, pl) and whether
    it takes an article (« la Valdorie », « l'OSCV », but « Valdor »), in English with or
    without "the", and its acronyms."""

    fr: str
    en: str
    gender: str = "m"
    article: bool = True
    the: bool = False
    acronym_fr: str = ""
    acronym_en: str = ""

    def full(self, language: str) -> str:
        return self.fr if language == "fr" else self.en

    def acronym(self, language: str) -> str:
        return self.acronym_fr if language == "fr" else self.acronym_en


def french(name: str, gender: str, form: str, article: bool = True) -> str:
    """``name`` as French needs it after a verb (``le``), ``de``, ``à``, or for a place
    (``en``): « la Valdorie », « de l'OSCV », « au Forum », « en Valdorie », « aux Forces »."""
    elided = name[:1] in VOWELS
    if not article:
        return {
            "le": name,
            "de": f"d'{name}" if elided else f"de {name}",
            "à": f"à {name}",
            "en": f"en {name}",
        }[form]
    if form == "le":
        return f"l'{name}" if elided and gender != "pl" else f"{FRENCH_ARTICLES[gender]} {name}"
    if form == "de":
        if gender == "pl":
            return f"des {name}"
        return f"de l'{name}" if elided else (f"du {name}" if gender == "m" else f"de la {name}")
    if form == "à":
        if gender == "pl":
            return f"aux {name}"
        return f"à l'{name}" if elided else (f"au {name}" if gender == "m" else f"à la {name}")
    if form == "en":
        if gender == "pl":
            return f"aux {name}"
        return f"au {name}" if gender == "m" and not elided else f"en {name}"
    raise ValueError(f"unknown French form {form!r}")


class Speaker:
    """Writes names in one language. With ``tracking``, as a document does: a name with an
    acronym in full at its first mention (« l'Organisation … (OSCV) »), by its acronym
    after (« l'OSCV »); without, always in full (titles, descriptions)."""

    def __init__(self, language: str, tracking: bool = True):
        self.language = language
        self.tracking = tracking
        self.mentioned: set[Name] = set()

    def say(self, name: Name, form: str = "name") -> str:
        text, acronym = name.full(self.language), name.acronym(self.language)
        if self.tracking and acronym:
            if name in self.mentioned:
                text = acronym
            else:
                self.mentioned.add(name)
                text = f"{text} ({acronym})"
        if form == "name":
            return text
        if self.language == "fr":
            return french(text, name.gender, form, name.article)
        return f"the {text}" if name.the and form == "the" else text


class _Said:
    """A name in a template: ``{partner.le}``, ``{programme.à}``, ``{partner.the}``."""

    __slots__ = ("_name", "_speaker")

    def __init__(self, name: Name, speaker: Speaker):
        self._name, self._speaker = name, speaker

    def __getattr__(self, form: str) -> str:
        return self._speaker.say(self._name, form)

    def __str__(self) -> str:
        return self._speaker.say(self._name)


def say(template: str, speaker: Speaker, **values) -> str:
    """Fill ``template``: ``Name`` values through ``speaker`` in the form each field asks,
    other values as they are; the sentence starts with a capital."""
    values = {k: _Said(v, speaker) if isinstance(v, Name) else v for k, v in values.items()}
    return capitalise(template.format(**values))
