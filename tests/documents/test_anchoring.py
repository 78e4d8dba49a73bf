import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from documents.anchoring import (
    ContextMismatch,
    EmptyQuote,
    QuoteAbsent,
    QuoteAmbiguous,
    anchor_quote,
    matching_view,
    normalise,
    normalise_quote,
)

TEXT = normalise(
    "La Serbie a adhéré au Partenariat pour la paix (PPP) en 2006.\n\n"
    "  • Le Bureau de liaison militaire de l’OTAN à Belgrade, établi en décembre 2006,\n"
    "    apporte son soutien.\n"
    "Le programme « défense » (DEEP) aide la Serbie. La Serbie participe."
)


def test_normalise_maps_typography_to_canonical_characters():
    assert normalise("l’OTAN « DEEP »\u00a0: 1\u202f000 euro\u2011atlantique") == (
        'l\'OTAN " DEEP " : 1 000 euro-atlantique'
    )


def test_normalise_composes_unicode():
    decomposed = "e\u0301tabli"  # e + combining acute accent
    assert normalise(decomposed) == "\u00e9tabli"


def test_normalise_collapses_spaces_and_keeps_one_line_break_per_paragraph():
    assert normalise("a  \t b\n\n\n   c \n d  ") == "a b\nc\nd"


def test_quote_is_found_with_its_offsets():
    anchor = anchor_quote(TEXT, "établi en décembre 2006")
    assert TEXT[anchor.start : anchor.end] == "établi en décembre 2006"


def test_quote_typed_with_plain_apostrophe_and_spaces_matches_typographic_text():
    anchor = anchor_quote(TEXT, "Le Bureau de liaison militaire de l'OTAN   à Belgrade")
    assert TEXT[anchor.start : anchor.end].startswith("Le Bureau")


def test_quote_spanning_a_line_break_anchors():
    anchor = anchor_quote(TEXT, "décembre 2006, apporte son soutien")
    assert matching_view(TEXT)[anchor.start : anchor.end] == "décembre 2006, apporte son soutien"


def test_anchor_records_context_on_both_sides():
    anchor = anchor_quote(TEXT, "au Partenariat pour la paix")
    assert anchor.prefix.endswith("La Serbie a adhéré ")
    assert anchor.suffix.startswith(" (PPP) en 2006.")


def test_absent_quote_is_refused_with_its_reason():
    with pytest.raises(QuoteAbsent) as error:
        anchor_quote(TEXT, "la Serbie a adhéré à l'OTAN")
    assert error.value.code == "absent"
    assert "does not occur" in error.value.reason


def test_matching_is_case_sensitive():
    with pytest.raises(QuoteAbsent):
        anchor_quote(TEXT, "la serbie a adhéré")


def test_ambiguous_quote_is_refused_and_says_how_often_it_occurs():
    with pytest.raises(QuoteAmbiguous) as error:
        anchor_quote(TEXT, "Serbie")
    assert error.value.count == 3
    assert "lengthen" in error.value.reason


def test_prefix_picks_one_occurrence_of_an_ambiguous_quote():
    anchor = anchor_quote(TEXT, "Serbie", prefix="aide la ")
    assert matching_view(TEXT)[anchor.start - 8 : anchor.start] == "aide la "


def test_suffix_picks_one_occurrence_of_an_ambiguous_quote():
    anchor = anchor_quote(TEXT, "2006", suffix=", apporte")
    assert matching_view(TEXT)[anchor.end : anchor.end + 9] == ", apporte"


def test_context_that_matches_no_occurrence_is_refused():
    with pytest.raises(ContextMismatch) as error:
        anchor_quote(TEXT, "Serbie", prefix="jamais ")
    assert error.value.count == 3


@pytest.mark.parametrize("quote", ["", "   ", "\u00a0\n"])
def test_empty_quote_is_refused(quote):
    with pytest.raises(EmptyQuote):
        anchor_quote(TEXT, quote)


# Properties -----------------------------------------------------------------------

# A small alphabet makes repeated passages (and so ambiguity) common.
texts = st.text(alphabet="ab éà’«» \n\u00a0.", min_size=1, max_size=200).map(normalise)


@given(texts, st.data())
def test_any_substring_quoted_with_full_context_anchors_to_its_own_offsets(text, data):
    assume(text.strip())
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    quote = matching_view(text)[start:end]
    assume(quote.strip() == quote)  # a quote is trimmed; its offsets are those of the words
    view = matching_view(text)
    anchor = anchor_quote(text, quote, prefix=view[:start], suffix=view[end:])
    assert (anchor.start, anchor.end) == (start, end)


@given(texts, st.data(), st.integers(0, 12))
def test_a_quote_with_some_context_anchors_to_its_own_place_or_asks_for_more(text, data, width):
    assume(text.strip())
    view = matching_view(text)
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    quote = view[start:end]
    assume(quote.strip() == quote)
    try:
        anchor = anchor_quote(
            text, quote, prefix=view[max(0, start - width) : start], suffix=view[end : end + width]
        )
    except QuoteAmbiguous:
        return
    assert (anchor.start, anchor.end) == (start, end)


@given(texts, st.text(min_size=1, max_size=30))
def test_a_quote_not_in_the_text_never_anchors(text, quote):
    assume(normalise_quote(quote))
    assume(normalise_quote(quote) not in matching_view(text))
    with pytest.raises((QuoteAbsent, EmptyQuote)):
        anchor_quote(text, quote)


@given(texts)
def test_normalise_is_idempotent(text):
    assert normalise(text) == text
