"""The import benchmark's own pieces (bench/imports.py): its texts, and the quadratic
anchoring it times against the linear one."""

import pytest

from bench.imports import KINDS, quadratic_anchor_quote, text_of
from documents.anchoring import AnchorError, MatchingText, normalise
from suggestions.extraction.sentences import sentences


@pytest.mark.parametrize("kind", KINDS)
def test_a_bench_text_is_about_the_size_asked_and_ends_a_sentence(kind):
    data = text_of(kind, 50_000)
    assert 45_000 < len(data) <= 50_000
    assert data.decode().endswith(".")


@pytest.mark.parametrize("kind", KINDS)
def test_the_quadratic_anchoring_timed_places_each_sentence_where_the_linear_one_does(kind):
    text = normalise("Une phrase dite une seule fois, au début. " + text_of(kind, 6_000).decode())
    prepared = MatchingText(text)
    for start, end in sentences(text):
        prefix, suffix = prepared.context_at(start, end)
        try:
            expected = prepared.anchor_quote(prepared.view[start:end], prefix, suffix).start
        except AnchorError:
            expected = None
        assert quadratic_anchor_quote(text, prepared.view[start:end], prefix, suffix) == expected
