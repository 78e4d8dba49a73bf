"""Suggested facts: candidate claims read from a document text by rules.

Plain functions with no Django imports, like ``documents.anchoring``. The extractor is
fed with what is already known — partners (names, short names, acronyms, aliases) and
programmes (names, acronyms), in every language — and reads a normalised text sentence by
sentence. It proposes:

- **participation** — a known partner and a known programme named in the same sentence,
  with the start (or end) the sentence gives: "depuis 2012", "achevé en 2011";
- **event** — a date expression (``documents.date_expressions``) in a sentence that names
  a known partner or programme; one per date;
- **new programme** / **new partner** — an acronym in parentheses that nothing known
  bears, with the words before it as its name.

How things are recognised:

- A partner or a programme is named by one of its names or acronyms, word for word (names
  whatever their case and accents, acronyms exactly). Where names overlap the longest
  wins ("Bureau de presse de l'Union" is one partner, not also the Union), except that
  the partner running a programme stays named in the programme's name ("Programme de
  l'Union pour la recherche"), though never as taking part in that programme.
- A programme is also named by most of the words of its name — curated names are often
  descriptions: the share of the name's words found in the sentence, each word weighted
  by how rare it is among programme names, must reach ``NAME_COVERAGE``, and the name's
  numbers and one-word partner names ("2250", "Moldavie") must all be there. A programme
  whose words found are all words of another programme found gives way to it.
  A short name (``SHORT_NAME`` words) needs its first word, and its words together:
  "Force de réaction rapide" is not "… une force … sa réaction … rapide".
- A definite article and the first word of a programme named earlier in the text, the
  only one so far with that first word, refer to it: "… aux travaux du centre".
- A sentence that opens on "ce", "cette", "ces", "this", "il", "elle"… and names no
  partner (or no programme) takes those of the sentence before it; one that opens on a
  subject pronoun ("Elle a signé…") takes the partners before as its subject.
- A sentence that names a programme and no partner is about the partners the document's
  title names ("Relations avec la Moldavie"), the publisher aside.
- Every partner is paired with every programme of its sentence, except: the publisher
  with a programme it runs itself; a partner named only inside the programme's name; and,
  in a sentence naming ``CROWDED`` partners or more, pairs not named close together
  (each programme with the nearest list of partners, each partner with the nearest
  programme).

Nothing here knows any particular text: every rule works from the lexicon it is given.
"""

import datetime
import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from documents.anchoring import matching_view, normalise_quote
from documents.date_expressions import AT, BARE, ENDED, SINCE, UNTIL, YEAR, FoundDate, find_dates

PARTICIPATION = "participation"
EVENT = "event"
NEW_PROGRAMME = "new_programme"
NEW_PARTNER = "new_partner"

#: Weighted share of a programme name's words a sentence must hold to name it.
NAME_COVERAGE = 0.7
#: A name of fewer significant words is only recognised word for word.
MIN_WORDS_FOR_COVERAGE = 3
#: A name of this many significant words or fewer is recognised by its words only with
#: its first word, and those found standing together (within twice their number).
SHORT_NAME = 3
#: In a sentence naming this many partners or more, a partner and a programme are paired
#: only when named close together (``_near_pairs``).
CROWDED = 3
#: How many words at the start of a sentence may hold the word that refers back.
ANAPHOR_WINDOW = 6


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


@dataclass
class Candidate:
    """One suggested fact: a sentence of the text (``start:end``) and what it says."""

    kind: str
    start: int
    end: int
    quote: str
    partner: str = ""
    programme: str = ""
    #: every known partner the sentence names (an event's partners)
    partners: tuple[str, ...] = ()
    date: FoundDate | None = None
    role: str = ""
    event_kind: str = ""
    name: str = ""
    acronym: str = ""
    confidence: float = 0.5
    #: how the programme was recognised: "name", "acronym", "words", "reference" (to one
    #: named earlier) or "context" (the sentence before)
    evidence: str = ""


# Words -------------------------------------------------------------------------------


def _fold_char(char: str) -> str:
    bare = "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c))
    folded = bare.lower()
    return folded if len(folded) == 1 else char


def fold(text: str) -> str:
    """Lower case without accents, one character for one, so that offsets stay valid."""
    return "".join(_fold_char(char) for char in text)


_STOPWORDS = frozenset(
    """a au aux avec ce ces cet cette d dans de des du en entre et l la le les leur leurs
    ou par pour sa se ses son sous sur un une y qui que dont
    an and as at by for from in into its of on or the to with within""".split()
)
_WORD = re.compile(r"[^\W_]+")


def _stem(word: str) -> str:
    # Plural and singular as one word, in both languages ("projets", "accords").
    if len(word) > 3 and word[-1] in "sx" and not word.endswith("ss"):
        return word[:-1]
    return word


def words(text: str) -> list[str]:
    """The significant words of ``text``: folded, light-stemmed, without stopwords."""
    return [_stem(w) for w in _WORD.findall(fold(text)) if w not in _STOPWORDS]


def _close_together(sequence: list[str], name_words: set[str]) -> bool:
    """Do ``name_words`` all stand within a run of ``sequence`` twice their number long?"""
    width = 2 * len(name_words)
    return any(name_words <= set(sequence[start : start + width]) for start in range(len(sequence)))


def _has_word(present: set[str], word: str) -> bool:
    """Is ``word`` among the words present, or the start of one ("israel" of
    "israelien")?"""
    return word in present or (len(word) >= 4 and any(w.startswith(word) for w in present))


# Sentences ---------------------------------------------------------------------------

_ABBREVIATIONS = frozenset(
    "m mm mme mlle mr mrs ms dr st sr jr no vol etc cf vs art p pp ex fig "
    "jan janv feb fev fevr mar apr avr jun jul juil aug sep sept oct nov dec".split()
)
_SENTENCE_END = re.compile(r"[.!?]+[\"»)\]]?(?=\s+[\"«(]?[A-ZÀ-ÖØ-Þ])")
_LEADING_JUNK = " \t•·*-–—|>"


def _blocks(text: str) -> list[tuple[int, int]]:
    """Paragraphs: a line break ends one unless the line stops without punctuation and
    the next begins in lower case (a sentence wrapped in the source)."""
    blocks, block_start, position = [], 0, 0
    lines = text.split("\n")
    for index, line in enumerate(lines):
        line_end = position + len(line)
        following = lines[index + 1] if index + 1 < len(lines) else ""
        stripped = line.rstrip()
        wrapped = following[:1].islower() and stripped and stripped[-1] not in ".!?:;"
        if not wrapped:
            blocks.append((block_start, line_end))
            block_start = line_end + 1
        position = line_end + 1
    return blocks


def sentences(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every sentence of a normalised text, bullets left out."""
    spans = []
    for start, end in _blocks(text):
        piece_start = start
        for match in _SENTENCE_END.finditer(text, start, end):
            before = re.search(r"([^\W\d_]+)\W*$", text[piece_start : match.start() + 1])
            if before and (
                fold(before.group(1)) in _ABBREVIATIONS
                or (len(before.group(1)) == 1 and before.group(1).isupper())
            ):
                continue  # "M. Dupont", "Oct. 2020"
            spans.append((piece_start, match.end()))
            piece_start = match.end()
        spans.append((piece_start, end))
    result = []
    for start, end in spans:
        while start < end and text[start] in _LEADING_JUNK:
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if len(_WORD.findall(text[start:end])) >= 3:
            result.append((start, end))
    return result


# Names -------------------------------------------------------------------------------


def _is_acronym(name: str) -> bool:
    """ "ONU", "PfP", "CEE-ONU" are matched exactly; other names whatever their case."""
    return (
        " " not in name
        and len(name) <= 12
        and sum(char.isupper() for char in name) >= 2
        and not name[1:].islower()
    )


def _name_variants(name: str) -> list[str]:
    """A name, and the name without its parenthesised part ("Plan d'action …
    (Genève)" is also "Plan d'action …")."""
    name = normalise_quote(name)
    outer = normalise_quote(re.sub(r"\([^()]*\)", " ", name))
    return [name, outer] if outer and outer != name else [name] if name else []


def _name_pattern(names) -> re.Pattern | None:
    if not names:
        return None
    alternation = "|".join(re.escape(n) for n in sorted(set(names), key=len, reverse=True))
    # A name may be followed by a footnote mark: "… du Portugal2, où …".
    return re.compile(rf"(?<![^\W_])(?:{alternation})(?![^\W\d_])")


@dataclass
class _Mention:
    kind: str  # "partner" or "programme"
    key: str
    start: int
    end: int
    by: str  # "name" or "acronym"
    #: the programme whose name holds this partner's name, the partner running it
    inside: str = ""


@dataclass(frozen=True)
class _NameWords:
    """A programme name as significant words."""

    words: frozenset
    weight: float
    #: its numbers and one-word partner names, without which it is not named
    required: frozenset
    head: str


@dataclass
class _Reading:
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


class Extractor:
    """Reads texts against a lexicon; build it once, use it for many texts."""

    def __init__(self, lexicon: Lexicon):
        self.run_by = {record.key: record.run_by for record in lexicon.programmes}
        self.known_acronyms = set()
        self._names, self._acronyms = {}, {}  # folded name / acronym → (kind, key)
        for kind, records in (("partner", lexicon.partners), ("programme", lexicon.programmes)):
            for record in records:
                for name in (*record.names, *record.acronyms):
                    for variant in _name_variants(name):
                        if _is_acronym(variant):
                            self._acronyms.setdefault(variant, (kind, record.key))
                            self.known_acronyms.add(fold(variant))
                        elif len(variant) >= 3:
                            self._names.setdefault(fold(variant), (kind, record.key))
        self._names_pattern = _name_pattern(self._names)
        self._acronyms_pattern = _name_pattern(self._acronyms)
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
                for variant in _name_variants(name)
                if not _is_acronym(variant) and words(variant)
            ]
            for record in lexicon.programmes
        }
        self._name_words = {
            key: {w for sequence in variants for w in sequence}
            for key, variants in sequences.items()
        }
        self._heads = {}  # first word of a programme name → programme keys
        for key, variants in sequences.items():
            for sequence in variants:
                if sequence[0] not in one_word_partners:
                    self._heads.setdefault(sequence[0], set()).add(key)
        frequency = Counter(w for name_words in self._name_words.values() for w in name_words)
        total = max(len(sequences), 1)
        self._word_weight = {
            word: math.log((total + 1) / (count + 0.5)) + 0.1 for word, count in frequency.items()
        }
        self._programme_words = [
            (
                key,
                [
                    _NameWords(
                        frozenset(sequence),
                        sum(self._word_weight[w] for w in set(sequence)),
                        frozenset(w for w in sequence if w.isdigit() or w in one_word_partners),
                        sequence[0],
                    )
                    for sequence in variants
                    if len(set(sequence)) >= MIN_WORDS_FOR_COVERAGE
                ],
            )
            for key, variants in sequences.items()
        ]

    # One sentence -----------------------------------------------------------------

    def mentions(self, sentence: str) -> list[_Mention]:
        """Partners and programmes named word for word in ``sentence``."""
        found = []
        for pattern, table, text, by in (
            (self._names_pattern, self._names, fold(sentence), "name"),
            (self._acronyms_pattern, self._acronyms, sentence, "acronym"),
        ):
            if pattern is not None:
                for match in pattern.finditer(text):
                    kind, key = table[match.group()]
                    found.append(_Mention(kind, key, match.start(), match.end(), by))
        found.sort(key=lambda m: (m.start - m.end, m.start))  # longest first
        kept = []
        for mention in found:
            if all(mention.end <= k.start or mention.start >= k.end for k in kept):
                kept.append(mention)
        for mention in found:
            if mention.kind != "partner" or mention in kept:
                continue
            for outer in kept:
                if (
                    outer.kind == "programme"
                    and outer.start <= mention.start < mention.end <= outer.end
                    and self.run_by.get(outer.key) == mention.key
                ):
                    mention.inside = outer.key
                    kept.append(mention)
                    break
        return sorted(kept, key=lambda m: m.start)

    def programmes_by_words(self, sentence: str) -> dict[str, frozenset]:
        """Programmes whose name's words are mostly in ``sentence``, with the words
        found."""
        sequence = words(sentence)
        present = set(sequence)
        found = {}
        for key, variants in self._programme_words:
            for name in variants:
                if not all(_has_word(present, word) for word in name.required):
                    continue
                common = name.words & present
                if sum(self._word_weight[w] for w in common) < NAME_COVERAGE * name.weight:
                    continue
                if len(name.words) <= SHORT_NAME and not (
                    name.head in common and _close_together(sequence, common)
                ):
                    continue  # "Force de réaction rapide" is not "… force … réaction … rapide"
                found[key] = frozenset(common)
                break
        return found

    def read(self, sentence: str) -> _Reading:
        reading, inside = _Reading(), {}
        for mention in self.mentions(sentence):
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
        by_words = self.programmes_by_words(sentence)
        sentence_words = [(_stem(m.group()), m.span()) for m in _WORD.finditer(fold(sentence))]
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

    def extract(
        self,
        text: str,
        *,
        publisher: str = "",
        title: str = "",
        reference_date: datetime.date | None = None,
    ) -> list[Candidate]:
        """Every suggested fact of the normalised ``text``, in text order; a
        participation is proposed once, from the sentence that says it most surely.

        ``publisher`` is the key of the partner that published the text, ``title`` the
        document's title, ``reference_date`` the date the text states (or when it was
        retrieved), which dates "octobre dernier"."""
        subjects = [p for p in self.read(title).partners if p != publisher] if title else []
        candidates, previous, previous_end = [], None, -1
        view = matching_view(text)
        named_before = set()
        for start, end in sentences(text):
            sentence = view[start:end]
            reading = self.read(sentence)
            self._resolve_references(sentence, reading, named_before)
            named_before.update(reading.programmes)
            if previous is not None and "\n" not in text[previous_end:start]:
                _take_context(sentence, reading, previous)
            if reading.programmes and not reading.partners and subjects:
                reading.partners, reading.inherited_partners = list(subjects), True
            dates = find_dates(sentence, reference_date)
            candidates += self._participations(sentence, start, end, reading, dates, publisher)
            candidates += self._events(sentence, start, end, reading, dates)
            candidates += self._new_names(sentence, start, end)
            previous, previous_end = reading, end
        return _best_of_each(candidates)

    def _resolve_references(self, sentence: str, reading: _Reading, named_before: set):
        """ "… aux travaux du centre", "la feuille de route": a definite article and the
        first word of the name of a programme named earlier in the text — the only one
        named so far with that first word — refer to it."""
        named_places = [place for places in reading.places.values() for place in places]
        for match in _DEFINITE_HEAD.finditer(fold(sentence)):
            head = _stem(match.group("head"))
            earlier = self._heads.get(head, set()) & named_before
            if len(earlier) != 1:
                continue
            (key,) = earlier
            start, end = match.span("head")
            if any(s <= start < e for s, e in named_places):
                continue  # part of another name: "du Conseil de l'Europe"
            complement = match.group("complement") or match.group("number")
            if complement and _stem(complement) not in self._name_words[key]:
                continue  # another one: "au processus de paix", "la résolution 2250"
            if key not in reading.programmes:
                reading.programmes[key] = ("reference", frozenset({head}))
                reading.places[("programme", key)] = [match.span("head")]

    def _participations(self, sentence, start, end, reading, dates, publisher):
        if not reading.partners or not reading.programmes:
            return []
        folded = fold(sentence)
        start_date = next((d for d in dates if d.relation in (AT, SINCE, BARE)), None)
        end_date = next((d for d in dates if d.relation in (UNTIL, ENDED)), None)
        near = _near_pairs(sentence, reading)
        crowded = bool(near) and len(reading.partners) >= CROWDED
        result = []
        for programme, (by, _) in reading.programmes.items():
            runner = self.run_by.get(programme)
            for partner in reading.partners:
                if partner == publisher and runner == partner:
                    continue  # the publisher's own programme
                if reading.only_inside.get(partner) == programme:
                    continue  # "l'Union" in "Programme de l'Union pour la recherche"
                if crowded and (partner, programme) not in near:
                    continue
                confidence = 0.3 + {"name": 0.2, "acronym": 0.2, "words": 0.1}.get(by, 0)
                confidence += 0.2 if (partner, programme) in near else 0
                confidence += 0.1 if _PARTICIPATION_VERBS.search(folded) else 0
                confidence += 0.05 if start_date or end_date else 0
                confidence += 0.05 if len(reading.partners) == 1 else 0
                confidence -= 0.1 if reading.inherited_partners else 0
                role = "organiser" if runner == partner else _guess(_ROLES, folded, "participant")
                result.append(
                    Candidate(
                        PARTICIPATION,
                        start,
                        end,
                        sentence,
                        partner=partner,
                        programme=programme,
                        partners=tuple(reading.partners),
                        date=start_date or end_date,
                        role=role,
                        confidence=_clamp(confidence),
                        evidence=by,
                    )
                )
        return result

    def _events(self, sentence, start, end, reading, dates):
        if not dates or not (reading.partners or reading.programmes):
            return []
        folded = fold(sentence)
        event_kind = _guess(_EVENT_KINDS, folded, "other")
        programme = next(iter(reading.programmes), "")
        result, seen = [], set()
        for date in dates:
            if (date.first_day, date.precision) in seen:
                continue
            seen.add((date.first_day, date.precision))
            confidence = 0.3
            confidence += 0.15 if date.relation != BARE else 0
            confidence += 0.1 if date.precision != YEAR else 0
            confidence += 0.15 if reading.partners and reading.programmes else 0
            confidence += 0.1 if event_kind != "other" else 0
            confidence -= 0.1 if reading.inherited_partners or reading.inherited_programmes else 0
            result.append(
                Candidate(
                    EVENT,
                    start,
                    end,
                    sentence,
                    partner=reading.partners[0] if reading.partners else "",
                    programme=programme,
                    partners=tuple(reading.partners),
                    date=date,
                    event_kind=event_kind,
                    confidence=_clamp(confidence),
                    evidence=reading.programmes[programme][0] if programme else "",
                )
            )
        return result

    def _new_names(self, sentence, start, end):
        result = []
        for match in _PARENTHESISED_ACRONYM.finditer(sentence):
            acronym = match.group(1)
            if fold(acronym) in self.known_acronyms:
                continue
            name, spelled = name_before(sentence[: match.start()], acronym)
            if not name:
                continue
            head = words(name)[:1]
            kind = NEW_PARTNER if head and head[0] in _PARTNER_HEADS else NEW_PROGRAMME
            result.append(
                Candidate(
                    kind,
                    start,
                    end,
                    sentence,
                    name=name,
                    acronym=acronym,
                    confidence=0.6 if spelled else 0.3,
                )
            )
        return result


_DEFINITE_HEAD = re.compile(
    r"\b(?:le|la|les|l'|du|au|aux|the)\s*(?<=[\s'])(?P<head>[^\W\d_]+)"
    r"(?=(?:\s+(?:de|du|des|d'|of|pour|for)\s*(?:la\s+|le\s+|les\s+|l'|the\s+)?"
    r"(?P<complement>[^\W\d_]+)|\s+(?P<number>\d+))?)"
)


# Context between sentences -----------------------------------------------------------

_PRONOUNS = frozenset("il elle ils elles it they".split())
_ANAPHORS = _PRONOUNS | frozenset(
    "ce cet cette ces celui celle ceux celles this these those".split()
)


def _take_context(sentence: str, reading: _Reading, previous: _Reading):
    """What a sentence that refers back ("Cette aide…", "Elle est…") takes from the
    sentence before it."""
    opening = _WORD.findall(fold(sentence))[:ANAPHOR_WINDOW]
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


_CONNECTORS = re.compile(
    r"^(?:[\s,;]|\b(?:et|and|ainsi que|as well as|ou|or|de|du|des|d'|l'|la|le|les|the|of)\b)*$",
    re.IGNORECASE,
)


def _distance(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> int:
    """Characters between the closest places of two things named in a sentence."""
    return min(max(0, max(s1, s2) - min(e1, e2)) for s1, e1 in a for s2, e2 in b)


def _near_pairs(sentence: str, reading: _Reading) -> set[tuple[str, str]]:
    """(partner, programme) pairs named close together: each programme with the nearest
    list of partners ("l'UE, l'ONU et …"), each partner with the nearest
    programme. The other pairs of the sentence are less sure."""
    partner_places = {p: reading.places.get(("partner", p)) for p in reading.partners}
    programme_places = {g: reading.places.get(("programme", g)) for g in reading.programmes}
    if not all(partner_places.values()) or not all(programme_places.values()):
        return set()  # taken from the sentence before: nowhere in this one
    ordered = sorted((s, e, p) for p, places in partner_places.items() for s, e in places)
    groups, last_end = [], 0
    for start, end, partner in ordered:
        if not groups or not _CONNECTORS.match(sentence[last_end:start]):
            groups.append([])
        groups[-1].append(partner)
        last_end = end
    group_places = [[place for p in group for place in partner_places[p]] for group in groups]
    pairs = set()
    for programme, places in programme_places.items():
        nearest = min(range(len(groups)), key=lambda i: _distance(places, group_places[i]))
        pairs.update((partner, programme) for partner in groups[nearest])
    for partner, places in partner_places.items():
        nearest = min(programme_places, key=lambda g: _distance(places, programme_places[g]))
        pairs.add((partner, nearest))
    return pairs


def _best_of_each(candidates: list[Candidate]) -> list[Candidate]:
    """One participation per partner and programme, one new name per acronym: the
    surest (the first, when as sure)."""
    best = {}
    for index, candidate in enumerate(candidates):
        if candidate.kind == PARTICIPATION:
            key = (PARTICIPATION, candidate.partner, candidate.programme)
        elif candidate.kind in (NEW_PROGRAMME, NEW_PARTNER):
            key = ("name", candidate.acronym)
        else:
            key = index
        if key not in best or candidate.confidence > candidates[best[key]].confidence:
            best[key] = index
    return [candidates[index] for index in sorted(best.values())]


# Guesses -----------------------------------------------------------------------------

_PARTICIPATION_VERBS = re.compile(
    r"particip|membre|member|adher|join|contribu|cooper|take part|co-?presid|co-?chair"
    r"|accueil|host|beneficie|benefit"
)
# (pattern on the folded sentence, value), most specific first.
_ROLES = [
    (r"co-?presid|co-?chair", "co_chair"),
    (r"cofinanc|co-financ|finance par|financed by|funded by|\bdon\b|donat|donor", "donor"),
    (r"dirige par|led by|lead nation|nation pilote", "lead_nation"),
    (r"accueil|\bhost|heberg", "host"),
    (r"organis|organiz", "organiser"),
    (r"au profit d|au benefice d|beneficie|benefici|\baide\b|\baid\b|assist", "beneficiary"),
    (r"contribu", "contributor"),
    (r"membre|member", "member"),
    (r"observat", "observer"),
]
_EVENT_KINDS = [
    (r"adher|adhesion|accession|joined|devenue? membre|became a member", "accession"),
    (r"se retir|retrait|withdr", "mission_ended"),
    (r"exercice|exercise", "exercise"),
    (r"reconnu|recogni", "recognition"),
    (r"publie|publish", "publication"),
    (r"plan d'action|feuille de route|action plan|roadmap|adopt|approuv|approv", "plan_adopted"),
    (r"bureau|office|mission diplomatique|ambassade|embassy", "office_opened"),
    (r"mission", "mission_started"),
    (r"acheve|termine|cloture|completed|mene a bien", "project_completed"),
    (r"accord\b|agreement|traite|treaty|signe|signed", "agreement"),
    (r"formation|training|\bcours\b|course|stage|session", "training"),
    (r"visit", "visit"),
    (r"refugi|catastroph|disaster|crise|crisis|urgence|emergenc", "crisis_response"),
    (
        r"atelier|workshop|reunion|meeting|sommet|summit|conferen|seminaire|seminar|forum"
        r"|entretien|talks",
        "meeting",
    ),
    (r"projet|project|subvention|grant|lance|launch", "project_started"),
]


def _guess(rules, folded_sentence: str, default: str) -> str:
    for pattern, value in rules:
        if re.search(pattern, folded_sentence):
            return value
    return default


def _clamp(value: float) -> float:
    return round(min(max(value, 0.05), 0.95), 2)


# Unknown acronyms --------------------------------------------------------------------

_PARENTHESISED_ACRONYM = re.compile(r"\(([A-Z][A-Z0-9&-]{1,9})\)")
_PARTNER_HEADS = frozenset(
    """organisation organization agence agency ministere ministry institut institute
    universite university fondation foundation association departement department division
    service unite unit groupe group police gendarmerie armee army force commission
    ambassade embassy""".split()
)
_NAME_STOP = re.compile(r"[,;:.!?\"()]")
_ARTICLES = frozenset("le la les l un une au aux the a an".split())
_BEFORE_INNER_ARTICLES = frozenset(
    "de du des d pour sur a en contre avec par entre of for on in to with against by".split()
)


def name_before(before: str, acronym: str) -> tuple[str, bool]:
    """The name an acronym in parentheses stands for, read back from it: the shortest
    run of words whose initials spell the acronym ("chimiques, biologiques, radiologiques
    et nucléaires (CBRN)"), else the words after the last article that opens a phrase
    ("participe au | programme de formation (XYZ)"), back to a punctuation mark. Returns
    the name and whether its initials spell the acronym."""
    tokens = list(re.finditer(r"[^\W\d_][\w'-]*", before))
    letters = fold(re.sub(r"[^A-Za-z0-9]", "", acronym))
    for count in range(1, min(len(tokens), 15) + 1):
        run = tokens[-count:]
        run_words = [fold(t.group()).split("'")[-1] for t in run]
        initials = "".join(w[0] for w in run_words if w and w not in _STOPWORDS)
        if initials == letters:
            name = normalise_quote(before[run[0].start() :]).strip(" ,;:")
            return re.sub(r"^[ldLD]'", "", name), True
        if len(initials) > len(letters):
            break
    tail = _NAME_STOP.split(before)[-1].split()[-10:]
    folded = [fold(word) for word in tail]
    start = 0
    for index, word in enumerate(folded):
        elided, _, rest = word.partition("'")
        article = elided if rest else word
        previous = folded[index - 1].split("'")[-1] if index else ""
        if article in _ARTICLES and previous not in _BEFORE_INNER_ARTICLES:
            start = index + (0 if rest else 1)
            if rest:  # "l'Unité": the name starts after the apostrophe
                tail[index] = tail[index].split("'", 1)[1]
    name_words = tail[start:]
    while name_words and fold(name_words[0]) in _STOPWORDS:
        name_words = name_words[1:]
    return normalise_quote(" ".join(name_words[-8:])), False
