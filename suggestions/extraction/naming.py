"""What one sentence names: known partners and programmes, where, and how each programme
was recognised.

Where names overlap the longest wins ("Bureau de presse de l'Union" is one partner, not
also the Union), except that the partner running a programme stays named in the
programme's name ("Programme de l'Union pour la recherche"). A programme is also named by
most of the words of its name: the weighted share found must reach ``NAME_COVERAGE``, with
the name's numbers and one-word partner names all there; a short name (``SHORT_NAME``
words) needs its first word, and its words together.
"""

import bisect
from dataclasses import dataclass, field

from suggestions.extraction.lexicon import KnownNames
from suggestions.extraction.words import WORD, close_together, fold, stem, words, words_and_starts

#: Weighted share of a programme name's words a sentence must hold to name it.
NAME_COVERAGE = 0.7
#: A name of this many significant words or fewer is recognised by its words only with
#: its first word, and those found standing together (within twice their number).
SHORT_NAME = 3


@dataclass
class Mention:
    """A partner or a programme named word for word in a sentence, at ``start:end``."""

    kind: str  # "partner" or "programme"
    key: str
    start: int
    end: int
    by: str  # "name" or "acronym"
    #: the programme whose name holds this partner's name, the partner running it
    inside: str = ""


@dataclass
class Reading:
    """What one sentence names."""

    partners: list[str] = field(default_factory=list)
    #: programme → (how it was recognised, its words found)
    programmes: dict[str, tuple[str, frozenset]] = field(default_factory=dict)
    #: partner → the programme whose name is the only place the partner is named
    only_inside: dict[str, str] = field(default_factory=dict)
    #: where each partner and programme is named: ("partner", key) → [(start, end)…]
    places: dict[tuple[str, str], list[tuple[int, int]]] = field(default_factory=dict)
    inherited_partners: bool = False
    inherited_programmes: bool = False


def mentions(known: KnownNames, sentence: str) -> list[Mention]:
    """Partners and programmes named word for word in ``sentence``."""
    found = []
    for pattern, table, text, by in (
        (known.names_pattern, known.names, fold(sentence), "name"),
        (known.acronyms_pattern, known.acronyms, sentence, "acronym"),
    ):
        if pattern is not None:
            for match in pattern.finditer(text):
                kind, key = table[match.group()]
                found.append(Mention(kind, key, match.start(), match.end(), by))
    found.sort(key=lambda m: (m.start - m.end, m.start))  # longest first
    # The characters taken by the names kept so far: a name is kept if it takes none.
    taken, kept = bytearray(len(sentence)), []
    for mention in found:
        if taken.find(1, mention.start, mention.end) == -1:
            taken[mention.start : mention.end] = b"\x01" * (mention.end - mention.start)
            kept.append(mention)
    # The names kept do not overlap: at most one holds a given place.
    holders = sorted(kept, key=lambda m: m.start)
    holder_starts = [m.start for m in holders]
    kept_ids = {id(m) for m in kept}
    for mention in found:
        if mention.kind != "partner" or id(mention) in kept_ids:
            continue
        holder = bisect.bisect_right(holder_starts, mention.start) - 1
        outer = holders[holder] if holder >= 0 else None
        if (
            outer is not None
            and outer.kind == "programme"
            and outer.start <= mention.start < mention.end <= outer.end
            and known.run_by.get(outer.key) == mention.key
        ):
            mention.inside = outer.key
            kept.append(mention)
            kept_ids.add(id(mention))
    return sorted(kept, key=lambda m: m.start)


def programmes_by_words(known: KnownNames, sentence: str) -> dict[str, frozenset]:
    """Programmes whose name's words are mostly in ``sentence``, with the words
    found."""
    sequence = words(sentence)
    present = set(sequence)
    started = words_and_starts(present)  # once, not for every programme
    # Only a name sharing a word with the sentence can reach its coverage (every word
    # weighs something): the others are not looked at. In the lexicon's order, the first
    # variant of a programme's names that the sentence names wins.
    names = {place for word in present for place in known.names_with_word.get(word, ())}
    found = {}
    for programme, variant in sorted(names):
        key, variants = known.programme_words[programme]
        name = variants[variant]
        if key in found or not all(word in started for word in name.required):
            continue
        common = name.words & present
        if sum(known.word_weight[w] for w in common) < NAME_COVERAGE * name.weight:
            continue
        if len(name.words) <= SHORT_NAME and not (
            name.head in common and close_together(sequence, common)
        ):
            continue  # "Force de réaction rapide" is not "… force … réaction … rapide"
        found[key] = frozenset(common)
    return found


def read(known: KnownNames, sentence: str) -> Reading:
    """What ``sentence`` names: partners and programmes word for word, and programmes by
    most of the words of their name (one whose words are all words of another gives way)."""
    reading, inside = Reading(), {}
    for mention in mentions(known, sentence):
        place = (mention.start, mention.end)
        reading.places.setdefault((mention.kind, mention.key), []).append(place)
        if mention.kind == "partner":
            if mention.key not in reading.partners:
                reading.partners.append(mention.key)
            inside.setdefault(mention.key, set()).add(mention.inside)
        elif mention.key not in reading.programmes:
            found = frozenset(words(sentence[mention.start : mention.end]))
            reading.programmes[mention.key] = (mention.by, found)
    reading.only_inside = {
        partner: programmes.pop()
        for partner, programmes in inside.items()
        if len(programmes) == 1 and "" not in programmes
    }
    by_words = programmes_by_words(known, sentence)
    sentence_words = [(stem(m.group()), m.span()) for m in WORD.finditer(fold(sentence))]
    for key, common in by_words.items():
        if key not in reading.programmes:
            reading.programmes[key] = ("words", common)
            reading.places[("programme", key)] = [s for w, s in sentence_words if w in common]
    found = {key: common for key, (_, common) in reading.programmes.items()}
    for key, common in found.items():
        if any(common < other for k, other in found.items() if k != key):
            del reading.programmes[key]
    return reading


# A text -------------------------------------------------------------------------
