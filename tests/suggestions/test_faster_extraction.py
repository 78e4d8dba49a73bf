"""The extraction rules, made to cost their text's length once, read what they read
before: each is checked against its first version, kept here."""

import re
import unicodedata

from hypothesis import example, given, settings
from hypothesis import strategies as st

from suggestions.extraction.lexicon import KnownNames
from suggestions.extraction.naming import NAME_COVERAGE, SHORT_NAME, programmes_by_words
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
