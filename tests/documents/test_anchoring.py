import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from documents.anchoring import (
    Anchor,
    AnchorError,
    ContextMismatch,
    EmptyQuote,
    MatchingText,
    QuoteAbsent,
    QuoteAmbiguous,
    anchor_quote,
    context_at,
    find_occurrences,
    matching_slice,
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


# The linear anchoring against the quadratic one it replaced --------------------------


def quadratic_anchor_quote(text, quote, prefix="", suffix=""):
    """``anchor_quote`` as it was first written (each occurrence's context checked on a
    copy of the whole text before and after it): the oracle the linear one must match."""
    quote = normalise_quote(quote)
    if not quote:
        raise EmptyQuote("The quote is empty.")
    view = matching_view(text)
    occurrences = []
    position = view.find(quote)
    while position != -1:
        occurrences.append(position)
        position = view.find(quote, position + 1)
    if not occurrences:
        raise QuoteAbsent("absent")
    prefix, suffix = normalise_quote(prefix), normalise_quote(suffix)
    candidates = [
        start
        for start in occurrences
        if view[:start].rstrip().endswith(prefix)
        and view[start + len(quote) :].lstrip().startswith(suffix)
    ]
    if not candidates:
        raise ContextMismatch("mismatch", len(occurrences))
    if len(candidates) > 1:
        raise QuoteAmbiguous("ambiguous", len(candidates))
    start = candidates[0]
    end = start + len(quote)
    before, after = view[max(0, start - 40) : start], view[end : end + 40]
    return Anchor(quote=quote, start=start, end=end, prefix=before, suffix=after)


def outcome(anchor, *arguments):
    """The anchor, or the class and count of the error."""
    try:
        return anchor(*arguments)
    except AnchorError as error:
        return type(error), error.count


# Few letters, spaces of every kind (stored texts are normalised, but the functions take
# any text), typographic quotes: repeated and overlapping occurrences are the rule.
ADVERSARIAL = "ab \n\t\u00a0\u2028’«»"
adversarial_texts = st.one_of(
    st.text(alphabet="ab \n", min_size=1, max_size=80),
    st.text(alphabet=ADVERSARIAL, min_size=1, max_size=80),
    st.builds(
        lambda unit, times, tail: unit * times + tail,
        st.text(alphabet="ab \n\t.’", min_size=1, max_size=12),
        st.integers(2, 30),
        st.text(alphabet="ab \n", max_size=6),
    ),
)
spaces = st.text(alphabet=" \n\t\u00a0", max_size=2)


@st.composite
def quote_and_context(draw):
    """A text and a quote with a prefix and a suffix: mostly a stretch of the text with
    some of what stands around it (trimmed, or with spaces added), else pieces of it."""
    text = draw(st.one_of(adversarial_texts, adversarial_texts.map(normalise)))
    view = matching_view(text)
    assume(view)
    start = draw(st.integers(0, len(view) - 1))
    end = draw(st.integers(start + 1, len(view)))

    def edited(piece):
        if draw(st.booleans()):
            piece = piece.strip(draw(st.sampled_from([" ", " \t\u00a0\u2028", "ab"])))
        return draw(spaces) + piece + draw(spaces)

    def elsewhere():
        start = draw(st.integers(0, len(view) - 1))
        return view[start : draw(st.integers(start, len(view)))]

    quote = draw(
        st.sampled_from(
            [view[start:end], edited(view[start:end]), edited(elsewhere())]
            + [draw(st.text(alphabet=ADVERSARIAL, min_size=1, max_size=8))]
        )
    )
    if draw(st.booleans()):
        quote = quote.replace("'", "’").replace('"', "«")
    prefix = draw(
        st.sampled_from(
            ["", view[max(0, start - 6) : start]]
            + [edited(view[draw(st.integers(0, start)) : start]), edited(elsewhere())]
        )
    )
    suffix = draw(
        st.sampled_from(
            ["", view[end : end + 6]]
            + [edited(view[end : draw(st.integers(end, len(view)))]), edited(elsewhere())]
        )
    )
    return text, quote, prefix, suffix


@st.composite
def typed_quote_in_text(draw):
    """A text of a few short words between runs of any space, and words of it typed as a
    curator types them (one plain space between words) as the quote, the prefix and the
    suffix."""
    words = draw(st.lists(st.sampled_from(["a", "b", "ab", "ba", "’a", "«b»"]), min_size=1))
    gaps = draw(
        st.lists(
            st.sampled_from([" ", " ", "\t", "\u00a0", " \u2028", "\n", " \n "]),
            min_size=len(words) + 1,
            max_size=len(words) + 1,
        )
    )
    text = gaps[0] + "".join(word + gap for word, gap in zip(words, gaps[1:], strict=True))
    start = draw(st.integers(0, len(words) - 1))
    end = draw(st.integers(start + 1, len(words)))
    before = draw(st.integers(0, start))
    after = draw(st.integers(end, len(words)))
    return (
        text,
        " ".join(words[start:end]),
        " ".join(words[before:start]),
        " ".join(words[end:after]),
    )


@settings(max_examples=800, deadline=None)
@given(st.one_of(quote_and_context(), typed_quote_in_text()))
@example(("a a a a", "a a", "", ""))
@example(("a a a a", "a a", "a", ""))
@example(("ab ab ab", "ab", " ab ", "  "))
@example(("aaa aaa aaa aaa", "aaa aaa aaa", "", "aaa"))
@example(("l’OTAN « a » l’OTAN", "l'OTAN", '" a " ', ""))
@example(("a \u2028b a\tb", "a b", "", ""))
def test_the_linear_anchoring_gives_what_the_quadratic_one_gave(case):
    text, quote, prefix, suffix = case
    expected = outcome(quadratic_anchor_quote, text, quote, prefix, suffix)
    assert outcome(anchor_quote, text, quote, prefix, suffix) == expected
    prepared = MatchingText(text)
    assert outcome(prepared.anchor_quote, quote, prefix, suffix) == expected
    assert outcome(prepared.anchor_quote, quote, prefix, suffix) == expected  # remembered


@settings(max_examples=300, deadline=None)
@given(st.one_of(quote_and_context(), typed_quote_in_text()))
@example(("aaa aaa aaa aaa", "aaa aaa aaa", "", ""))
@example(("bab aab bab aab", "b aab b", "", ""))
def test_a_prepared_text_finds_every_occurrence_a_scan_finds(case):
    text, quote, _, _ = case
    quote = normalise_quote(quote)
    assert MatchingText(text).find_occurrences(quote) == find_occurrences(text, quote)


@given(adversarial_texts, st.integers(-5, 130), st.integers(-5, 130), st.integers(0, 50))
def test_context_and_slices_are_those_of_the_matching_view(text, start, end, width):
    view = matching_view(text)
    assert matching_slice(text, start, end) == view[start:end]
    expected = (view[max(0, start - width) : start], view[end : end + width])
    assert context_at(text, start, end, width) == expected
    assert MatchingText(text).context_at(start, end, width) == expected


def test_a_quote_made_of_the_commonest_words_is_found_at_each_occurrence():
    text = "a aaa " * 5_000 + "a aaa b"
    prepared = MatchingText(text)
    assert prepared.find_occurrences("a aaa b") == [len(text) - 7]
    assert prepared.find_occurrences("aaa a aaa") == find_occurrences(text, "aaa a aaa")


def test_the_same_quote_in_a_long_repetitive_text_is_looked_for_once():
    sentence = "La Serbie a adhéré au Partenariat pour la paix en 2006. "
    prepared = MatchingText(sentence * 20_000)
    searches = []
    find = prepared.find_occurrences
    prepared.find_occurrences = lambda quote: searches.append(quote) or find(quote)
    for _ in range(3):
        with pytest.raises(QuoteAmbiguous) as error:
            prepared.anchor_quote(sentence.strip(), "2006.", "La")
        assert error.value.count == 19_998
    assert searches == [sentence.strip()]
