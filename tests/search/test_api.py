"""``?q=`` on the read API's lists is the search of the search page."""

import pytest

from search.query import MAX_LENGTH
from tests.apiclient import (
    assert_refused,
    fresh_throttle,  # noqa: F401  (autouse fixture)
    get,
    results,
    slugs,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("q", ["biélorussie", "BIELORUSSIE", "Belarus", "bélarus"])
def test_partners_are_found_whatever_the_accents_case_and_language(client, corpus, q):
    assert slugs(client, "partners/", q=q) == ["belarus"]


def test_an_acronym_and_its_translation_find_the_same_partner(client, corpus):
    assert slugs(client, "partners/", q="OTAN") == slugs(client, "partners/", q="NATO") == ["nato"]


def test_programmes_are_found_by_their_acronyms_in_either_language(client, corpus):
    assert slugs(client, "programmes/", q="PPP") == slugs(client, "programmes/", q="pfp") == ["pfp"]


def test_programmes_are_found_by_a_plural(client, corpus):
    assert slugs(client, "programmes/", q="partenariats") == ["pfp"]


def test_documents_are_found_by_the_words_of_their_current_text(client, corpus):
    assert slugs(client, "documents/", q="antipersonnel") == ["nato-belarus"]


def test_participations_are_found_by_the_acronym_of_their_programme(client, corpus):
    from tests.factories import CitationFactory, ParticipationFactory

    participation = ParticipationFactory(partner=corpus.belarus, programme=corpus.pfp)
    CitationFactory(claim=participation, version=corpus.french, quote="en 1995")
    assert [item["id"] for item in results(client, "participations/", q="PfP")] == [
        participation.pk
    ]


def test_search_keeps_the_lists_ordering(client, corpus):
    assert slugs(client, "documents/", q="Belarus", ordering="-slug") == [
        "nato-belarus-en",
        "nato-belarus",
    ]


@pytest.mark.parametrize("q", ['"', "&|!:*()", "'", "a:* & !b"])
def test_hostile_input_finds_nothing_without_failing(client, corpus, q):
    assert slugs(client, "partners/", q=q) == []


def test_a_search_longer_than_the_maximum_is_a_400_naming_q(client, corpus):
    assert_refused(get(client, "partners/", q="x" * (MAX_LENGTH + 1)), "q")


def test_a_search_with_a_nul_byte_is_a_400_naming_q(client, corpus):
    assert_refused(get(client, "programmes/", q="PPP\x00"), "q")
