"""API answers come from the cache until the data they show changes; the throttle and the
parameter checks still apply to every request."""

import pytest
from django.core.cache import cache

from documents.importing import import_document
from documents.sources import RawSource
from tests.factories import CitationFactory, DocumentVersionFactory, PartnerFactory

pytestmark = pytest.mark.django_db

QUOTE = "la Serbie a adhéré au Partenariat pour la paix"


@pytest.fixture
def partner():
    partner = PartnerFactory(slug="serbia", name_fr="Serbie", name_en="Serbia")
    CitationFactory(claim=partner, version=DocumentVersionFactory(), quote=QUOTE)
    return partner


def test_a_list_asked_again_is_answered_after_one_query(client, partner, django_assert_num_queries):
    first = client.get("/api/v1/partners/")
    with django_assert_num_queries(1):  # the content generation
        again = client.get("/api/v1/partners/")
    assert again.status_code == 200
    assert again.json() == first.json()
    assert again.headers["ETag"] == first.headers["ETag"]
    assert again.headers["Content-Type"] == "application/json"


def test_an_edit_is_in_the_next_answer(client, partner):
    assert client.get("/api/v1/partners/serbia/?lang=en").json()["name"] == "Serbia"
    partner.name_en = "Republic of Serbia"
    partner.save()
    assert client.get("/api/v1/partners/serbia/?lang=en").json()["name"] == "Republic of Serbia"


def test_a_partner_whose_only_citation_becomes_orphaned_leaves_the_next_answer(client, partner):
    assert [item["slug"] for item in client.get("/api/v1/partners/").json()["results"]] == [
        "serbia"
    ]
    document = partner.citations.get().version.document
    # A new version that no longer says it: the citation is orphaned, the claim unsupported.
    import_document(
        RawSource("Relations avec la Serbie.\nRien d'autre.", False, "new.txt"),
        document=document,
        publish=True,
    )
    assert client.get("/api/v1/partners/").json()["results"] == []
    assert client.get("/api/v1/partners/serbia/").status_code == 404


def test_each_language_has_its_own_answer(client, partner):
    assert client.get("/api/v1/partners/serbia/?lang=en").json()["name"] == "Serbia"
    assert client.get("/api/v1/partners/serbia/?lang=fr").json()["name"] == "Serbie"
    english = client.get("/api/v1/partners/serbia/", headers={"accept-language": "en"})
    french = client.get("/api/v1/partners/serbia/", headers={"accept-language": "fr"})
    assert english.json()["name"] == "Serbia"
    assert french.json()["name"] == "Serbie"


def test_a_cached_answer_still_gets_a_304(client, partner):
    etag = client.get("/api/v1/partners/").headers["ETag"]
    client.get("/api/v1/partners/")
    assert client.get("/api/v1/partners/", headers={"if-none-match": etag}).status_code == 304


def test_answers_from_the_cache_count_against_the_throttle(client, partner, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "3/minute"},
    }
    cache.clear()
    statuses = [client.get("/api/v1/partners/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]


def test_a_refused_parameter_is_refused_again(client, partner):
    assert client.get("/api/v1/partners/?colour=red").status_code == 400
    assert client.get("/api/v1/partners/?colour=red").status_code == 400


def test_with_the_cache_off_every_answer_is_made_again(
    client, partner, settings, django_assert_num_queries
):
    settings.PAGE_CACHE_SECONDS = 0
    client.get("/api/v1/partners/")
    with django_assert_num_queries(4):  # count, partners, aliases, sources: no generation
        client.get("/api/v1/partners/")
