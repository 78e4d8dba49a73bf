"""Proper names in French and English sentences: a ``Name`` with its gender, article and
acronyms; ``Speaker``, which writes it in full at its first mention and by its acronym after;
``say``, which fills a template with names in the forms each place asks (« la Valdorie »,
« de l'OSCV », « au Forum », "the PfP"). Plain Python, no Django."""

from dataclasses import dataclass

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


def capitalise(sentence: str) -> str:
    return sentence[:1].upper() + sentence[1:]


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
