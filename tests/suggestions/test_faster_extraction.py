"""The extraction rules, made to cost their text's length once, read what they read
before: each is checked against its first version, kept here."""

import re
import unicodedata

from hypothesis import example, given, settings
from hypothesis import strategies as st

from suggestions.extraction.acronyms import _PARENTHESISED_ACRONYM, name_before, new_names
from suggestions.extraction.lexicon import KnownNames, KnownRecord, Lexicon
from suggestions.extraction.naming import (
    NAME_COVERAGE,
    SHORT_NAME,
    Mention,
    mentions,
    programmes_by_words,
    read,
)
from suggestions.extraction.pairing import _CONNECTORS, _distance, near_pairs
from suggestions.extraction.sentences import (
    _ABBREVIATIONS,
    _LEADING_JUNK,
    _SENTENCE_END,
    _blocks,
    sentences,
)
from suggestions.extraction.words import (
    WORD,
    close_together,
    fold,
    has_word,
    words,
    words_and_starts,
)
from tests.suggestions.test_extraction import LEXICON


def folded_one_by_one(text):
    """``fold`` as first written: each character on its own, in Python."""

    def fold_char(char):
        bare = "".join(
            c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c)
        )
        return bare.lower() if len(bare.lower()) == 1 else char

    return "".join(fold_char(char) for char in text)


@given(st.text())
@example("Ærø ÉTABLI à Belgrade, İstanbul, ǅ, ß, ﬁ, Ωmega, e\u0301")
def test_folding_is_character_for_character_lower_case_without_accents(text):
    assert fold(text) == folded_one_by_one(text)
    assert len(fold(text)) == len(text)


@given(st.sets(st.text("aeilnrs", max_size=9)), st.text("aeilnrs", max_size=9))
@example({"israelien", "la"}, "israel")
@example({"isra"}, "isr")
def test_a_word_has_a_word_present_when_it_is_among_the_words_and_their_starts(present, word):
    assert (word in words_and_starts(present)) == has_word(present, word)


def programmes_by_every_name(known, sentence):
    """``programmes_by_words`` as first written: every name of the lexicon looked at."""
    sequence = words(sentence)
    present = set(sequence)
    found = {}
    for key, variants in known.programme_words:
        for name in variants:
            if not all(has_word(present, word) for word in name.required):
                continue
            common = name.words & present
            if sum(known.word_weight[w] for w in common) < NAME_COVERAGE * name.weight:
                continue
            if len(name.words) <= SHORT_NAME and not (
                name.head in common and close_together(sequence, common)
            ):
                continue
            found[key] = frozenset(common)
            break
    return found


KNOWN = KnownNames(LEXICON)
NAME_WORDS = sorted({w for r in LEXICON.programmes for n in r.names for w in n.split()})


@settings(max_examples=300)
@given(st.lists(st.sampled_from([*NAME_WORDS, "Serbie", "en", "2006", "sécurité"]), max_size=14))
@example("La Serbie a adhéré au Partenariat pour la paix".split())
@example("Partenariat pour la paix (Partnership for Peace)".split())
@example("Implementation Force et Partnership Council euro-atlantique de partenariat".split())
@example("Force de mise en œuvre, Euro-Atlantic Partnership Council, for Peace".split())
def test_programmes_named_by_their_words_are_those_that_checking_every_name_finds(sentence):
    sentence = " ".join(sentence)
    assert programmes_by_words(KNOWN, sentence) == programmes_by_every_name(KNOWN, sentence)
    assert list(programmes_by_words(KNOWN, sentence)) == list(
        programmes_by_every_name(KNOWN, sentence)
    )


def sentences_as_first_written(text):
    """``sentences`` as first written: the word before each full stop searched for from
    the start of the sentence."""
    spans = []
    for start, end in _blocks(text):
        piece_start = start
        for match in _SENTENCE_END.finditer(text, start, end):
            before = re.search(r"([^\W\d_]+)\W*$", text[piece_start : match.start() + 1])
            if before and (
                fold(before.group(1)) in _ABBREVIATIONS
                or (len(before.group(1)) == 1 and before.group(1).isupper())
            ):
                continue
            spans.append((piece_start, match.end()))
            piece_start = match.end()
        spans.append((piece_start, end))
    result = []
    for start, end in spans:
        while start < end and text[start] in _LEADING_JUNK:
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if len(WORD.findall(text[start:end])) >= 3:
            result.append((start, end))
    return result


PIECES = ["M.", "Oct.", "oct.", "Dupont", "le", "5.", "2006.", "x_", "²", "B", "É", "a", "!", "?"]
PIECES += ["...", "«", "»", "(", ")", "-", "•", "_", ".", "Mme.", "ex.", "2M.", "x_Oct."]


@settings(max_examples=300)
@given(st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from([" ", "", "  ", "\n", " \n"]))))
@example([("Voir", " "), ("M.", " "), ("Dupont", " "), ("et", " "), ("M.", " "), ("B", ".")])
@example([("Un", " "), ("mot²", " "), ("5.", " "), ("Bien", " "), ("dit", " "), ("ici", ".")])
@example([("Au", " "), ("point", " "), ("x_M.", " "), ("Dupont", " "), ("le", " "), ("dit", ".")])
def test_sentences_are_cut_where_they_were(pieces):
    text = "".join(piece + gap for piece, gap in pieces)
    assert sentences(text) == sentences_as_first_written(text)


# Sentences naming many things ---------------------------------------------------------


def distance_of_every_pair(a, b):
    """``_distance`` as first written: every place of one against every place of the
    other."""
    return min(max(0, max(s1, s2) - min(e1, e2)) for s1, e1 in a for s2, e2 in b)


places = st.lists(
    st.tuples(st.integers(0, 60), st.integers(0, 8)).map(lambda p: (p[0], p[0] + p[1])),
    min_size=1,
    max_size=8,
)


@settings(max_examples=500)
@given(places, places)
@example([(10, 12)], [(12, 20)])
@example([(10, 12)], [(0, 3), (2, 5), (20, 25)])
@example([(10, 12)], [(0, 30), (2, 5)])
def test_the_distance_between_two_things_named_is_that_of_their_closest_places(a, b):
    assert _distance(a, b) == distance_of_every_pair(a, b)


def mentions_as_first_written(known, sentence):
    """``mentions`` as first written: each name checked against every name kept."""
    found = []
    for pattern, table, text, by in (
        (known.names_pattern, known.names, fold(sentence), "name"),
        (known.acronyms_pattern, known.acronyms, sentence, "acronym"),
    ):
        if pattern is not None:
            for match in pattern.finditer(text):
                kind, key = table[match.group()]
                found.append(Mention(kind, key, match.start(), match.end(), by))
    found.sort(key=lambda m: (m.start - m.end, m.start))
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
                and known.run_by.get(outer.key) == mention.key
            ):
                mention.inside = outer.key
                kept.append(mention)
                break
    return sorted(kept, key=lambda m: m.start)


def near_pairs_as_first_written(sentence, reading):
    """``near_pairs`` as first written: each group's places gathered, every distance
    measured place by place."""
    partner_places = {p: reading.places.get(("partner", p)) for p in reading.partners}
    programme_places = {g: reading.places.get(("programme", g)) for g in reading.programmes}
    if not all(partner_places.values()) or not all(programme_places.values()):
        return set()
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
        nearest = min(
            range(len(groups)), key=lambda i: distance_of_every_pair(places, group_places[i])
        )
        pairs.update((partner, programme) for partner in groups[nearest])
    for partner, places in partner_places.items():
        nearest = min(
            programme_places, key=lambda g: distance_of_every_pair(places, programme_places[g])
        )
        pairs.add((partner, nearest))
    return pairs


def new_names_as_first_written(known, sentence, start, end):
    """``new_names`` as first written: the whole sentence before each acronym read."""
    result = []
    for match in _PARENTHESISED_ACRONYM.finditer(sentence):
        acronym = match.group(1)
        if fold(acronym) in known.known_acronyms:
            continue
        name, spelled = name_before(sentence[: match.start()], acronym)
        if name:
            result.append((name, acronym, spelled))
    return result


NAMED = [
    *(name for record in LEXICON.partners for name in (*record.names, *record.acronyms)),
    *(name for record in LEXICON.programmes for name in (*record.names, *record.acronyms)),
    "Programme de l'Union européenne pour la recherche",
    *"et , ; de du l' la le les and the of ainsi que en 2006 : .".split(),
    *"(CBRN) (XYZ) (DEEP) chimiques biologiques radiologiques nucléaires".split(),
    *"programme de formation Organisation participe au coopère avec".split(),
]


# Programmes holding the name of the partner that runs them: that partner stays named.
KNOWN_WITH_RUNNERS = KnownNames(
    Lexicon(
        partners=LEXICON.partners,
        programmes=(
            *LEXICON.programmes,
            KnownRecord(
                "eu-research", ("Programme de l'Union européenne pour la recherche",), (), "eu"
            ),
            KnownRecord(
                "science", ("OTAN Science pour la paix", "NATO Science for Peace"), (), "nato"
            ),
        ),
    )
)
NAMED += ["OTAN Science pour la paix", "NATO Science for Peace", "chimiques,", "biologiques,"]


@settings(max_examples=400)
@given(st.lists(st.sampled_from(NAMED), max_size=30), st.sampled_from([KNOWN, KNOWN_WITH_RUNNERS]))
@example("la Serbie et l'OTAN dans le Partenariat pour la paix en 2006 ,".split() * 4, KNOWN)
@example("l'OSCE , l'UE et l'ONU coopèrent ; la Serbie et le Bélarus dans le PPP".split(), KNOWN)
@example(
    "le Programme de l'Union européenne pour la recherche et l'Union européenne".split(),
    KNOWN_WITH_RUNNERS,
)
@example("l'OTAN , OTAN Science pour la paix et NATO".split(), KNOWN_WITH_RUNNERS)
@example("chimiques, biologiques, radiologiques et nucléaires (CBRN) , (XYZ)".split(), KNOWN)
def test_a_sentence_naming_many_things_is_read_as_it_was(pieces, known):
    sentence = " ".join(pieces)
    assert mentions(known, sentence) == mentions_as_first_written(known, sentence)
    reading = read(known, sentence)
    if reading.partners and reading.programmes:  # as ``participations`` asks
        assert near_pairs(sentence, reading) == near_pairs_as_first_written(sentence, reading)
    assert [
        (c.name, c.acronym, c.confidence == 0.6) for c in new_names(known, sentence, 0, 1)
    ] == new_names_as_first_written(known, sentence, 0, 1)
