import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from search.query import MAX_LENGTH
from search.selectors import PAGE_SIZE
from tests.factories import CitationFactory, PartnerFactory

pytestmark = pytest.mark.django_db


def search_url(language="en"):
    with translation.override(language):
        return reverse("search:search")


def test_the_search_page_lives_under_each_language():
    assert search_url("en") == "/en/search/"
    assert search_url("fr").startswith("/fr/")


def test_results_are_grouped_by_kind_with_highlighted_snippets(client, corpus):
    html = client.get(search_url(), {"q": "Bélarus"}).content.decode()
    assert 'id="results-partner"' in html and 'id="results-passage"' in html
    assert "<mark>Bélarus</mark>" in html


def test_results_are_shown_in_the_page_language(client, corpus):
    assert "Relations with Belarus" in client.get(search_url("en"), {"q": "Minsk"}).content.decode()
    assert (
        "Relations avec le Bélarus" in client.get(search_url("fr"), {"q": "Minsk"}).content.decode()
    )


def test_a_passage_shows_its_document_and_the_claims_it_supports(client, corpus):
    html = client.get(search_url(), {"q": "dialogue"}).content.decode()
    assert f'href="{corpus.nato.get_absolute_url()}"' in html
    assert "Relations with Belarus" in html


def test_the_query_is_kept_in_the_box_and_the_title_and_escaped(client, corpus):
    html = client.get(search_url(), {"q": '<b>"Minsk"</b>'}).content.decode()
    assert 'value="&lt;b&gt;&quot;Minsk&quot;&lt;/b&gt;"' in html
    assert "<title>Search: &lt;b&gt;&quot;Minsk&quot;&lt;/b&gt;" in html
    assert "<b>" not in html


def test_results_are_kept_out_of_search_engines(client, corpus):
    html = client.get(search_url(), {"q": "Minsk"}).content.decode()
    assert '<meta name="robots" content="noindex">' in html


def test_an_empty_search_invites_a_query(client, corpus):
    response = client.get(search_url(), {"q": "  "})
    assert response.status_code == 200
    assert 'class="empty"' in response.content.decode()
    assert "results-" not in response.content.decode()


def test_a_search_without_results_says_so(client, corpus):
    html = client.get(search_url(), {"q": "zanzibar"}).content.decode()
    assert "Nothing found for “zanzibar”." in html


@pytest.mark.parametrize("q", ['"', "&|!:*()", "\x00", "'; DROP TABLE search_entry; --"])
def test_hostile_input_gets_a_page(client, corpus, q):
    assert client.get(search_url(), {"q": q}).status_code == 200


def test_a_search_longer_than_the_maximum_is_refused_clearly(client, corpus):
    response = client.get(search_url(), {"q": "x" * (MAX_LENGTH + 1)})
    assert response.status_code == 400
    assert f"{MAX_LENGTH} characters at most" in response.content.decode()


def many_partners(corpus, count):
    for n in range(count):
        partner = PartnerFactory(slug=f"ally-{n}", name_en=f"Ally {n}", description_en="Minsk")
        CitationFactory(claim=partner, version=corpus.french, quote="marque le début")


def test_results_are_paginated_and_the_links_keep_the_query(client, corpus):
    many_partners(corpus, PAGE_SIZE + 1)
    first = client.get(search_url(), {"q": "Minsk"}).content.decode()
    assert 'href="?q=Minsk&amp;page=2"' in first
    second = client.get(search_url(), {"q": "Minsk", "page": 2}).content.decode()
    assert 'href="?q=Minsk&amp;page=1"' in second


@pytest.mark.parametrize("page", ["0", "-1", "abc", "999"])
def test_a_page_out_of_range_shows_the_first(client, corpus, page):
    response = client.get(search_url(), {"q": "Minsk", "page": page})
    assert response.status_code == 200
    assert "results-passage" in response.content.decode()


def queries_of(client, q):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(search_url(), {"q": q}).status_code == 200
    return len(queries)


def test_the_number_of_queries_does_not_grow_with_the_results(client, corpus):
    queries_of(client, "Minsk")  # warm the content types and the names
    few = queries_of(client, "Minsk")
    many_partners(corpus, 5)
    queries_of(client, "Minsk")  # the names are read again once after a change
    # The content generation (for the page, and for the names), search, entries, documents,
    # versions, citations, claims (and on PostgreSQL the transaction that sets the search's
    # planner options).
    assert queries_of(client, "Minsk") == few <= 12


def test_a_new_name_expands_searches_from_the_next_request(client, corpus):
    # The passage names OTAN; once "Alliance atlantique" is another name of the alliance,
    # searching for it finds the passage too ("entretiennent" is never highlighted).
    before = client.get(search_url(), {"q": "Alliance atlantique"}).content.decode()
    assert "entretiennent" not in before
    corpus.nato.aliases.create(name="Alliance atlantique", language="fr")
    after = client.get(search_url(), {"q": "Alliance atlantique"}).content.decode()
    assert "entretiennent" in after


def test_the_header_has_a_search_box_that_works_without_script(client, corpus):
    html = client.get("/en/").content.decode()
    assert f'action="{search_url()}"' in html and 'name="q"' in html
