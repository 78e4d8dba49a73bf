"""Sentences that refer back: to a programme named earlier in the text ("… aux travaux du
centre"), or to the partners and programmes of the sentence before ("Cette aide…", "Elle
est…")."""

import re

from suggestions.extraction.lexicon import KnownNames
from suggestions.extraction.naming import Reading
from suggestions.extraction.words import WORD, fold, stem

#: How many words at the start of a sentence may hold the word that refers back.
ANAPHOR_WINDOW = 6

_DEFINITE_HEAD = re.compile(
    r"\b(?:le|la|les|l'|du|au|aux|the)\s*(?<=[\s'])(?P<head>[^\W\d_]+)"
    r"(?=(?:\s+(?:de|du|des|d'|of|pour|for)\s*(?:la\s+|le\s+|les\s+|l'|the\s+)?"
    r"(?P<complement>[^\W\d_]+)|\s+(?P<number>\d+))?)"
)


def resolve_references(known: KnownNames, sentence: str, reading: Reading, named_before: set):
    """ "… aux travaux du centre", "la feuille de route": a definite article and the
    first word of the name of a programme named earlier in the text — the only one
    named so far with that first word — refer to it."""
    named_places = [place for places in reading.places.values() for place in places]
    for match in _DEFINITE_HEAD.finditer(fold(sentence)):
        head = stem(match.group("head"))
        earlier = known.heads.get(head, set()) & named_before
        if len(earlier) != 1:
            continue
        (key,) = earlier
        start, end = match.span("head")
        if any(s <= start < e for s, e in named_places):
            continue  # part of another name: "du Conseil de l'Europe"
        complement = match.group("complement") or match.group("number")
        if complement and stem(complement) not in known.name_words[key]:
            continue  # another one: "au processus de paix", "la résolution 2250"
        if key not in reading.programmes:
            reading.programmes[key] = ("reference", frozenset({head}))
            reading.places[("programme", key)] = [match.span("head")]


_PRONOUNS = frozenset("il elle ils elles it they".split())
_ANAPHORS = _PRONOUNS | frozenset(
    "ce cet cette ces celui celle ceux celles this these those".split()
)


def take_context(sentence: str, reading: Reading, previous: Reading):
    """What a sentence that refers back ("Cette aide…", "Elle est…") takes from the
    sentence before it."""
    opening = WORD.findall(fold(sentence))[:ANAPHOR_WINDOW]
    if not any(word in _ANAPHORS for word in opening):
        return
    if opening[0] in _PRONOUNS and previous.partners:
        own = [p for p in reading.partners if p not in previous.partners]
        reading.partners = [*previous.partners, *own]
        reading.inherited_partners = not own
    elif not reading.partners and previous.partners:
        reading.partners, reading.inherited_partners = list(previous.partners), True
    if not reading.programmes and previous.programmes:
        reading.programmes = {key: ("context", w) for key, (_, w) in previous.programmes.items()}
        reading.inherited_programmes = True
