"""What the extractor knows: partners and programmes by their names and acronyms, in every
language (``Lexicon``), indexed once for reading many texts (``KnownNames``).

A name is matched whatever its case and accents, an acronym ("ONU", "PfP", "CEE-ONU")
exactly. A programme name is also weighed word by word (rarer words among programme names,
heavier) so that most of its words can name it (``suggestions.extraction.naming``).
"""

import math
import re
from collections import Counter
from dataclasses import dataclass

from documents.anchoring import normalise_quote
from suggestions.extraction.words import fold, words

#: A name of fewer significant words is only recognised word for word.
MIN_WORDS_FOR_COVERAGE = 3


@dataclass(frozen=True)
class KnownRecord:
    """A partner or a programme as the extractor knows it."""

    key: str
    names: tuple[str, ...] = ()
    acronyms: tuple[str, ...] = ()
    #: For a programme: the key of the partner that runs it.
    run_by: str = ""


@dataclass(frozen=True)
class Lexicon:
    partners: tuple[KnownRecord, ...] = ()
    programmes: tuple[KnownRecord, ...] = ()


def is_acronym(name: str) -> bool:
    """ "ONU", "PfP", "CEE-ONU" are matched exactly; other names whatever their case."""
    return (
        " " not in name
        and len(name) <= 12
        and sum(char.isupper() for char in name) >= 2
        and not name[1:].islower()
    )


def name_variants(name: str) -> list[str]:
    """A name, and the name without its parenthesised part ("Plan d'action …
    (Genève)" is also "Plan d'action …")."""
    name = normalise_quote(name)
    outer = normalise_quote(re.sub(r"\([^()]*\)", " ", name))
    return [name, outer] if outer and outer != name else [name] if name else []


def name_pattern(names) -> re.Pattern | None:
    if not names:
        return None
    alternation = "|".join(re.escape(n) for n in sorted(set(names), key=len, reverse=True))
    # A name may be followed by a footnote mark: "… du Portugal2, où …".
    return re.compile(rf"(?<![^\W_])(?:{alternation})(?![^\W\d_])")


@dataclass(frozen=True)
class ProgrammeName:
    """A programme name as significant words."""

    words: frozenset
    weight: float
    #: its numbers and one-word partner names, without which it is not named
    required: frozenset
    head: str


class KnownNames:
    """A lexicon indexed for reading: names and acronyms to (kind, key), their patterns,
    and every programme name as weighted words."""

    def __init__(self, lexicon: Lexicon):
        self.run_by = {record.key: record.run_by for record in lexicon.programmes}
        self.known_acronyms = set()
        self.names, self.acronyms = {}, {}  # folded name / acronym → (kind, key)
        for kind, records in (("partner", lexicon.partners), ("programme", lexicon.programmes)):
            for record in records:
                for name in (*record.names, *record.acronyms):
                    for variant in name_variants(name):
                        if is_acronym(variant):
                            self.acronyms.setdefault(variant, (kind, record.key))
                            self.known_acronyms.add(fold(variant))
                        elif len(variant) >= 3:
                            self.names.setdefault(fold(variant), (kind, record.key))
        self.names_pattern = name_pattern(self.names)
        self.acronyms_pattern = name_pattern(self.acronyms)
        self._weigh_programme_names(lexicon)

    def _weigh_programme_names(self, lexicon: Lexicon):
        """The words of every programme name, each with a weight (rarer among programme
        names, heavier), and the words a name cannot go without: its numbers and one-word
        partner names ("Projet … en Moldavie" is not named by a sentence on Georgia)."""
        one_word_partners = set()
        for record in lexicon.partners:
            for name in (*record.names, *record.acronyms):
                name_words = words(name)
                if len(name_words) == 1:
                    one_word_partners.add(name_words[0])
        sequences = {
            record.key: [
                words(variant)
                for name in record.names
                for variant in name_variants(name)
                if not is_acronym(variant) and words(variant)
            ]
            for record in lexicon.programmes
        }
        self.name_words = {
            key: {w for sequence in variants for w in sequence}
            for key, variants in sequences.items()
        }
        self.heads = {}  # first word of a programme name → programme keys
        for key, variants in sequences.items():
            for sequence in variants:
                if sequence[0] not in one_word_partners:
                    self.heads.setdefault(sequence[0], set()).add(key)
        frequency = Counter(w for name_words in self.name_words.values() for w in name_words)
        total = max(len(sequences), 1)
        self.word_weight = {
            word: math.log((total + 1) / (count + 0.5)) + 0.1 for word, count in frequency.items()
        }
        self.programme_words = [
            (
                key,
                [
                    ProgrammeName(
                        frozenset(sequence),
                        sum(self.word_weight[w] for w in set(sequence)),
                        frozenset(w for w in sequence if w.isdigit() or w in one_word_partners),
                        sequence[0],
                    )
                    for sequence in variants
                    if len(set(sequence)) >= MIN_WORDS_FOR_COVERAGE
                ],
            )
            for key, variants in sequences.items()
        ]
        # word → (programme, variant) positions in ``programme_words`` of the names holding it
        self.names_with_word = {}
        for programme, (_, variants) in enumerate(self.programme_words):
            for variant, name in enumerate(variants):
                for word in name.words:
                    self.names_with_word.setdefault(word, []).append((programme, variant))
